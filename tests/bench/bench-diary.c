/* bench-diary.c: the pain diary with a month, a year and ten years of entries
 *
 * Three entries a day.  For each size: appending one entry (flushed, as in the app),
 * loading the diary, and the progress summary; the baseline of each figure is the same
 * figure at one month, so the ratio shows how cost grows with the diary (10 years is
 * 120 times the entries of a month).  Run once per GSettings backend:
 *   bench-diary memory | keyfile
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "unknot-pain-diary.h"

#define DAY (24 * 3600)
#define ROUNDS 15

typedef struct
{
  const char *name;
  guint days;
} Size;

static const Size sizes[] = { { "1m", 30 }, { "1y", 365 }, { "10y", 3650 } };

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
percentiles (GArray *samples, double *median, double *p99)
{
  g_array_sort (samples, compare_doubles);
  *median = g_array_index (samples, double, samples->len / 2);
  *p99 = g_array_index (samples, double, MIN (samples->len - 1, (samples->len * 99) / 100));
}

/* A diary of @days days, three entries a day, written in one go. */
static void
fill (GSettings *settings, guint days, gint64 now)
{
  static const char *areas[] = { "low-back", "buttock-left", "hip-right" };
  static const char *phases[] = { "before", "after", "check-in" };
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(xsysss)"));
  for (guint day = days; day > 0; day--)
    for (guint i = 0; i < 3; i++)
      g_variant_builder_add (&builder, "(xsysss)", now - (gint64) day * DAY + i * 600, areas[i],
                             (guchar) ((day + i) % 11), i < 2 ? "glute-release" : "", phases[i],
                             "");
  g_settings_set_value (settings, "pain-log", g_variant_builder_end (&builder));
  g_settings_sync ();
}

int
main (int argc, char *argv[])
{
  const char *backend = argc > 1 ? argv[1] : "memory";
  g_autofree char *home = NULL;
  double baseline[3] = { 0 };
  gint64 now;

  setlocale (LC_ALL, "");

  /* The keyfile backend is what a Flatpak uses: a file rewritten on every change. */
  if (g_str_equal (backend, "keyfile"))
    {
      home = g_dir_make_tmp ("unknot-bench-diary-XXXXXX", NULL);
      g_setenv ("XDG_CONFIG_HOME", home, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", backend, TRUE);
  now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
      g_autoptr (GArray) append = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) summary = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) both = g_array_new (FALSE, FALSE, sizeof (double));
      GArray *figures[] = { append, load, summary, both };
      const char *names[] = { "append", "load", "summary", "append+summary" };

      fill (settings, sizes[s].days, now - 3600);
      {
        /* The first append lays a long diary out in parts, as years of use would. */
        g_autoptr (UnknotPainDiary) diary = unknot_pain_diary_new (settings);

        if (!unknot_pain_diary_append (diary, now - 3000, UNKNOT_AREA_LOW_BACK, 4, "",
                                       UNKNOT_PHASE_CHECK_IN, NULL, NULL))
          return EXIT_FAILURE;
      }

      for (guint round = 0; round < ROUNDS; round++)
        {
          g_autoptr (UnknotPainDiary) diary = NULL;
          UnknotPainSummary result;
          gint64 t0, t1, t2, t3;
          double ms;

          t0 = g_get_monotonic_time ();
          diary = unknot_pain_diary_new (settings);
          t1 = g_get_monotonic_time ();
          if (!unknot_pain_diary_append (diary, now - 1800 + round, UNKNOT_AREA_LOW_BACK, 4,
                                         "glute-release", UNKNOT_PHASE_AFTER, NULL, NULL))
            return EXIT_FAILURE;
          t2 = g_get_monotonic_time ();
          unknot_pain_diary_get_summary (diary, now, &result);
          t3 = g_get_monotonic_time ();

          ms = (t1 - t0) / 1000.0;
          g_array_append_val (load, ms);
          ms = (t2 - t1) / 1000.0;
          g_array_append_val (append, ms);
          ms = (t3 - t2) / 1000.0;
          g_array_append_val (summary, ms);
          ms = (t3 - t1) / 1000.0;
          g_array_append_val (both, ms);
          if (result.sessions_last_four_weeks == 0)
            return EXIT_FAILURE;
        }

      for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
        {
          double median, p99;

          percentiles (figures[f], &median, &p99);
          if (s == 0 && f < 3)
            baseline[f] = median;
          if (f < 3)
            g_print ("bench: diary-%s-%s-%s median=%.3fms p99=%.3fms baseline=%.3fms ratio=%.1fx"
                     " (%u entries)\n",
                     names[f], backend, sizes[s].name, median, p99, baseline[f],
                     baseline[f] > 0 ? median / baseline[f] : 0.0, sizes[s].days * 3);
          else
            /* The goal: under 20 ms at ten years on the keyfile backend. */
            g_print ("bench: diary-%s-%s-%s median=%.3fms p99=%.3fms baseline=20ms ratio=%.2f\n",
                     names[f], backend, sizes[s].name, median, p99, median / 20.0);
        }
      g_settings_reset (settings, "pain-log");
      g_settings_sync ();
    }

  if (home != NULL)
    {
      g_autofree char *keyfile = g_build_filename (home, "glib-2.0", "settings", "keyfile", NULL);
      g_autofree char *dir = g_build_filename (home, "glib-2.0", "settings", NULL);
      g_autofree char *parent = g_build_filename (home, "glib-2.0", NULL);

      g_unlink (keyfile);
      g_rmdir (dir);
      g_rmdir (parent);
      g_rmdir (home);
    }
  return EXIT_SUCCESS;
}
