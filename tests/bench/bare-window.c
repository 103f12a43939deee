/* bare-window.c: the start-up benchmark's baseline, a bare libadwaita window
 *
 * An AdwApplicationWindow with an AdwHeaderBar and an AdwStatusPage, nothing else.
 * With UNKNOT_REPORT_FIRST_FRAME set it prints, like unknot, the monotonic time of its
 * first frame on stderr: "unknot-first-frame: <µs>", then the CPU time it has used by
 * then: "unknot-first-frame-cpu: <µs>".
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <time.h>

static void
first_frame_cb (GdkFrameClock *frame_clock, GtkWidget *window)
{
  struct timespec cpu;

  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_cb, window);
  g_printerr ("unknot-first-frame: %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  /* And the CPU time the process has used so far, all its threads. */
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu);
  g_printerr ("unknot-first-frame-cpu: %" G_GINT64_FORMAT "\n",
              (gint64) cpu.tv_sec * G_USEC_PER_SEC + cpu.tv_nsec / 1000);
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_frame_cb),
                    window);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "applications-system-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Bare window");
  adw_status_page_set_description (ADW_STATUS_PAGE (status), "The start-up benchmark's baseline.");
  gtk_widget_set_vexpand (status, TRUE);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  /* The size unknot opens at (window-width, window-height). */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);

  if (g_getenv ("UNKNOT_REPORT_FIRST_FRAME") != NULL)
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);

  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr (AdwApplication) app =
    adw_application_new ("io.github.unknot.BareWindow", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
