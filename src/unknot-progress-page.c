/* unknot-progress-page.c: the pain diary over weeks: summary, chart, changes, sessions
 *
 * Summary first (this week, the weekly streak, the last four weeks, the average change),
 * then the chart for the period chosen, the before → after change of each routine and
 * each session, each marked against the change a person notices (CONTENT.md: about
 * 2 points or 30 %) rather than celebrating noise.  Export and import are in the page's
 * menu; an empty diary shows how to start.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "unknot-application.h"
#include "unknot-chart-drawing.h"
#include "unknot-pain-chart.h"
#include "unknot-pain-diary.h"
#include "unknot-progress-page.h"
#include "unknot-report.h"
#include "unknot-routine.h"
#include "unknot-routine-library.h"
#include "unknot-window.h"

#define DAY (24 * 60 * 60)
#define FIRST_SESSIONS_SHOWN 20
#define MORE_SESSIONS_SHOWN 50

typedef enum
{
  CHOOSE_EXPORT_PDF,
  CHOOSE_EXPORT_CSV,
  CHOOSE_IMPORT_CSV,
} ChooserPurpose;

struct _UnknotProgressPage
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkLabel *week_value;
  GtkLabel *week_caption;
  GtkLabel *streak_value;
  GtkLabel *streak_caption;
  GtkLabel *four_weeks_value;
  GtkLabel *four_weeks_caption;
  GtkLabel *change_value;
  GtkLabel *change_caption;
  AdwBin *change_mark;
  UnknotPainChart *chart;
  GtkListBox *routines_list;
  GtkListBox *sessions_list;
  GtkWidget *more_button;

  UnknotPainDiary *diary;
  UnknotRoutineLibrary *library;
  char *range;
  guint sessions_shown;
  gboolean stale; /* the diary changed while the page was not shown */
  GtkFileChooserNative *chooser;
  ChooserPurpose chooser_purpose;
};

G_DEFINE_FINAL_TYPE (UnknotProgressPage, unknot_progress_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_RANGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const ranges[] = { "4-weeks", "3-months", "1-year", "all" };

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* A change in points with a real minus sign: "−1.8", "+0.5", "0". */
static char *
format_change (double change, int decimals)
{
  if (round (fabs (change) * pow (10, decimals)) == 0)
    return g_strdup ("0");
  return g_strdup_printf ("%s%.*f", change < 0 ? "−" : "+", decimals, fabs (change));
}

/* "Noticeably better" with an arrow, "Noticeably worse", or a quiet "Small change" or
 * "No change": never colour alone. */
static GtkWidget *
create_change_mark (guint before, guint after)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label;
  const char *icon_name = NULL;
  const char *text;
  const char *style;

  if (before == after)
    {
      text = _ ("No change");
      style = "dim-label";
    }
  else if (!unknot_pain_change_is_noticeable (before, after))
    {
      text = _ ("Small change");
      style = "dim-label";
    }
  else if (after < before)
    {
      icon_name = "go-down-symbolic";
      text = _ ("Noticeably better");
      style = "success";
    }
  else
    {
      icon_name = "go-up-symbolic";
      text = _ ("Noticeably worse");
      style = "warning";
    }

  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_widget_add_css_class (icon, style);
      gtk_box_append (GTK_BOX (box), icon);
    }
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, style);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
routine_name (UnknotProgressPage *self, const char *routine_id)
{
  UnknotRoutine *routine = unknot_routine_library_lookup (self->library, routine_id);

  return routine != NULL ? unknot_routine_get_name (routine) : routine_id;
}

/* The period the range selector stands for, and a sentence naming it. */
static void
get_period (UnknotProgressPage *self, gint64 *from, gint64 *to, char **sentence)
{
  gint64 now = now_seconds ();
  g_autoptr (GDateTime) today = g_date_time_new_from_unix_local (now);
  g_autoptr (GDateTime) start = NULL;

  *to = now + 1;
  if (g_strcmp0 (self->range, "3-months") == 0)
    {
      start = g_date_time_add_months (today, -3);
      *sentence = g_strdup (_ ("Last 3 months."));
    }
  else if (g_strcmp0 (self->range, "1-year") == 0)
    {
      start = g_date_time_add_years (today, -1);
      *sentence = g_strdup (_ ("Last year."));
    }
  else if (g_strcmp0 (self->range, "all") == 0 && unknot_pain_diary_get_n_entries (self->diary) > 0)
    {
      gint64 first = unknot_pain_diary_get_entry (self->diary, 0)->time;
      g_autofree char *date = NULL;

      start = g_date_time_new_from_unix_local (MIN (first, now - DAY));
      /* Translators: a date in "Since 3 March 2025."; a strftime() format */
      date = g_date_time_format (start, C_ ("progress since", "%-d %B %Y"));
      /* Translators: the chart's period when it shows the whole diary */
      *sentence = g_strdup_printf (_ ("Since %s."), date);
    }
  else
    {
      start = g_date_time_add_days (today, -28);
      *sentence = g_strdup (_ ("Last 4 weeks."));
    }
  *from = g_date_time_to_unix (start);
}

static void
refresh_summary (UnknotProgressPage *self)
{
  gint64 now = now_seconds ();
  g_autoptr (GArray) sessions =
    unknot_pain_diary_get_sessions (self->diary, now - 28 * DAY, now + 1);
  g_autofree char *week = NULL;
  g_autofree char *streak = NULL;
  g_autofree char *four_weeks = NULL;
  UnknotPainSummary summary;

  unknot_pain_diary_get_summary (self->diary, now, &summary);

  week = g_strdup_printf ("%u", summary.sessions_this_week);
  gtk_label_set_label (self->week_value, week);
  gtk_label_set_label (self->week_caption, ngettext ("session this week", "sessions this week",
                                                     summary.sessions_this_week));
  streak = g_strdup_printf ("%u", summary.weekly_streak);
  gtk_label_set_label (self->streak_value, streak);
  gtk_label_set_label (self->streak_caption,
                       ngettext ("week in a row with a routine", "weeks in a row with a routine",
                                 summary.weekly_streak));
  four_weeks = g_strdup_printf ("%u", summary.sessions_last_four_weeks);
  gtk_label_set_label (self->four_weeks_value, four_weeks);
  gtk_label_set_label (self->four_weeks_caption, ngettext ("session in the last four weeks",
                                                           "sessions in the last four weeks",
                                                           summary.sessions_last_four_weeks));

  if (summary.n_changes == 0 || sessions->len == 0)
    {
      gtk_label_set_label (self->change_value, "—");
      gtk_label_set_label (self->change_caption,
                           _ ("change before → after: no scores in the last four weeks"));
      adw_bin_set_child (self->change_mark, NULL);
    }
  else
    {
      guint before_total = 0;
      guint after_total = 0;
      g_autofree char *change = format_change (summary.average_change, 1);
      g_autofree char *caption = NULL;

      for (guint i = 0; i < sessions->len; i++)
        {
          before_total += g_array_index (sessions, UnknotPainSession, i).before;
          after_total += g_array_index (sessions, UnknotPainSession, i).after;
        }
      caption = g_strdup_printf (
        /* Translators: under the average change in points; the numbers are the average
         * scores before and after a routine: "average change, 6.1 → 4.2" */
        _ ("average change, %.1f → %.1f"), (double) before_total / sessions->len,
        (double) after_total / sessions->len);
      gtk_label_set_label (self->change_value, change);
      gtk_label_set_label (self->change_caption, caption);
      adw_bin_set_child (
        self->change_mark,
        create_change_mark ((guint) lround ((double) before_total / sessions->len),
                            (guint) lround ((double) after_total / sessions->len)));
    }
}

/* Right of a row: the scores or the change, and over the mark. */
static GtkWidget *
create_change_suffix (const char *value, guint before, guint after)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (value);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_halign (gtk_widget_get_first_child (box), GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), create_change_mark (before, after));
  gtk_widget_set_halign (gtk_widget_get_last_child (box), GTK_ALIGN_END);
  return box;
}

static GtkWidget *
create_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
refresh_routines (UnknotProgressPage *self, GArray *sessions)
{
  g_autoptr (GArray) uses = unknot_report_get_routine_uses (sessions);

  clear_list (self->routines_list);
  for (guint i = 0; i < uses->len; i++)
    {
      const UnknotRoutineUse *use = &g_array_index (uses, UnknotRoutineUse, i);
      g_autofree char *change = format_change (use->average_after - use->average_before, 1);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      subtitle = g_strdup_printf (
        /* Translators: how often a routine was done and its average scores: "Done 4 times ·
         * 5.8 → 3.5 on average" */
        ngettext ("Done %u time · %.1f → %.1f on average", "Done %u times · %.1f → %.1f on average",
                  use->n_runs),
        use->n_runs, use->average_before, use->average_after);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     routine_name (self, use->routine_id));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 create_change_suffix (change, (guint) lround (use->average_before),
                                                       (guint) lround (use->average_after)));
      gtk_list_box_append (self->routines_list, row);
    }
}

static char *
format_session_time (gint64 time)
{
  g_autoptr (GDateTime) local = g_date_time_new_from_unix_local (time);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: when a session was, this year; a strftime() format */
    return g_date_time_format (local, C_ ("session time", "%a %-d %b, %H:%M"));
  /* Translators: when a session was, in another year; a strftime() format */
  return g_date_time_format (local, C_ ("session time", "%-d %b %Y, %H:%M"));
}

static void
refresh_sessions (UnknotProgressPage *self, GArray *sessions)
{
  guint shown = 0;

  clear_list (self->sessions_list);
  /* Newest first. */
  for (guint i = sessions->len; i-- > 0 && shown < self->sessions_shown; shown++)
    {
      const UnknotPainSession *session = &g_array_index (sessions, UnknotPainSession, i);
      g_autofree char *time = format_session_time (session->time);
      g_autofree char *subtitle = NULL;
      g_autofree char *scores = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: a session's area and time: "Low back · Mon 3 Mar, 18:20" */
      subtitle = g_strdup_printf (_ ("%s · %s"), unknot_area_get_label (session->area), time);
      /* Translators: a session's scores, before → after: "6 → 3" */
      scores = g_strdup_printf (_ ("%u → %u"), session->before, session->after);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     routine_name (self, session->routine_id));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 create_change_suffix (scores, session->before, session->after));
      gtk_list_box_append (self->sessions_list, row);
    }
  gtk_widget_set_visible (self->more_button, sessions->len > shown);
}

static void
refresh_period (UnknotProgressPage *self)
{
  g_autofree char *sentence = NULL;
  g_autoptr (GArray) sessions = NULL;
  gint64 from, to;

  get_period (self, &from, &to, &sentence);
  unknot_pain_chart_set_data (self->chart, unknot_chart_data_new (self->diary, from, to), sentence);
  sessions = unknot_pain_diary_get_sessions (self->diary, from, to);
  refresh_routines (self, sessions);
  refresh_sessions (self, sessions);
}

static void
refresh (UnknotProgressPage *self)
{
  if (self->diary == NULL)
    return;
  /* Out of sight, the work waits until the page is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  if (unknot_pain_diary_get_n_entries (self->diary) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "diary");
  refresh_summary (self);
  refresh_period (self);
}

static void
diary_changed_cb (UnknotProgressPage *self)
{
  refresh (self);
}

/* The page sits in the window's template, made before the window has its application:
 * the diary is fetched when the page is first shown. */
static gboolean
ensure_diary (UnknotProgressPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app;

  if (self->diary != NULL)
    return TRUE;
  if (!GTK_IS_WINDOW (root))
    return FALSE;
  app = gtk_window_get_application (GTK_WINDOW (root));
  if (!UNKNOT_IS_APPLICATION (app))
    return FALSE;

  self->diary = g_object_ref (unknot_application_get_diary (UNKNOT_APPLICATION (app)));
  self->library = g_object_ref (unknot_application_get_library (UNKNOT_APPLICATION (app)));
  g_signal_connect_object (self->diary, "changed", G_CALLBACK (diary_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->stale = TRUE;
  return TRUE;
}

static void
unknot_progress_page_map (GtkWidget *widget)
{
  UnknotProgressPage *self = UNKNOT_PROGRESS_PAGE (widget);

  GTK_WIDGET_CLASS (unknot_progress_page_parent_class)->map (widget);

  if (ensure_diary (self) && self->stale)
    refresh (self);
}

static void
add_toast (UnknotProgressPage *self, const char *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (UNKNOT_IS_WINDOW (root))
    unknot_window_add_toast (UNKNOT_WINDOW (root), text);
}

static void
show_error (UnknotProgressPage *self, const char *heading, const char *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog =
    adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * unknot_progress_page_import_csv:
 * @file: a CSV made by Unknot
 *
 * Adds the entries of @file that the diary does not have, and says how many in a toast.
 * A file that cannot be read, or has a bad line, imports nothing: a dialog says why,
 * naming the line.
 */
void
unknot_progress_page_import_csv (UnknotProgressPage *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint n_imported = 0;

  g_return_if_fail (UNKNOT_IS_PROGRESS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!ensure_diary (self))
    return;

  if (g_file_load_contents (file, NULL, &contents, &length, NULL, &error) &&
      unknot_pain_diary_import_csv (self->diary, contents, length, &n_imported, &error))
    {
      g_autofree char *text = NULL;

      if (n_imported == 0)
        text = g_strdup (_ ("Nothing new to import: the diary has every entry already"));
      else
        text = g_strdup_printf (ngettext ("Imported %u entry", "Imported %u entries", n_imported),
                                n_imported);
      add_toast (self, text);
      return;
    }

  if (g_error_matches (error, UNKNOT_PAIN_DIARY_ERROR, UNKNOT_PAIN_DIARY_ERROR_CSV))
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: a CSV that cannot be imported: "In “diary.csv”, line 3: score 12 is
       * not from 0 to 10. Nothing was imported." */
      g_autofree char *body =
        g_strdup_printf (_ ("In “%s”, %s. Nothing was imported."), name, error->message);

      show_error (self, _ ("Could Not Import the Diary"), body);
    }
  else
    {
      /* Translators: %s says why a file could not be read or the diary not written */
      g_autofree char *body = g_strdup_printf (_ ("%s. Nothing was imported."), error->message);

      show_error (self, _ ("Could Not Import the Diary"), body);
    }
}

/**
 * unknot_progress_page_export_csv:
 * @file: where to write every entry of the diary as CSV
 */
void
unknot_progress_page_export_csv (UnknotProgressPage *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  guint n_entries;

  g_return_if_fail (UNKNOT_IS_PROGRESS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!ensure_diary (self))
    return;

  csv = unknot_pain_diary_to_csv (self->diary);
  n_entries = unknot_pain_diary_get_n_entries (self->diary);
  if (!g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      show_error (self, _ ("Could Not Export the Diary"), error->message);
      return;
    }
  text =
    g_strdup_printf (ngettext ("Exported %u entry", "Exported %u entries", n_entries), n_entries);
  add_toast (self, text);
}

/**
 * unknot_progress_page_export_pdf:
 * @file: where to write the report of the period shown
 */
void
unknot_progress_page_export_pdf (UnknotProgressPage *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sentence = NULL;
  gint64 from, to;

  g_return_if_fail (UNKNOT_IS_PROGRESS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!ensure_diary (self))
    return;

  get_period (self, &from, &to, &sentence);
  if (!unknot_report_write_pdf (self->diary, self->library, from, to, file, &error))
    {
      show_error (self, _ ("Could Not Save the Report"), error->message);
      return;
    }
  add_toast (self, _ ("Report saved"));
}

static void
chooser_response_cb (GtkNativeDialog *dialog, int response, UnknotProgressPage *self)
{
  g_autoptr (GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  g_autoptr (GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file == NULL)
    return;

  switch (self->chooser_purpose)
    {
    case CHOOSE_EXPORT_PDF:
      unknot_progress_page_export_pdf (self, file);
      break;
    case CHOOSE_EXPORT_CSV:
      unknot_progress_page_export_csv (self, file);
      break;
    case CHOOSE_IMPORT_CSV:
    default:
      unknot_progress_page_import_csv (self, file);
      break;
    }
}

/* Files come through the file chooser portal in the Flatpak: Unknot sees only the file
 * the person picked. */
static void
choose_file (UnknotProgressPage *self,
             ChooserPurpose purpose,
             const char *title,
             const char *accept,
             const char *name,
             const char *filter_name,
             const char *mime_type,
             const char *pattern)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean save = purpose != CHOOSE_IMPORT_CSV;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  self->chooser_purpose = purpose;
  self->chooser = gtk_file_chooser_native_new (
    title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
    save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN, accept, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static char *
dated_name (const char *stem, const char *extension)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  return g_strdup_printf ("%s-%s.%s", stem, date, extension);
}

static void
export_pdf_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  /* Translators: the name a saved report gets, before its date and ".pdf" */
  g_autofree char *name = dated_name (_ ("unknot-report"), "pdf");

  choose_file (UNKNOT_PROGRESS_PAGE (widget), CHOOSE_EXPORT_PDF, _ ("Export Report"), _ ("_Export"),
               name, _ ("PDF documents"), "application/pdf", "*.pdf");
}

static void
export_csv_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  /* Translators: the name an exported diary gets, before its date and ".csv" */
  g_autofree char *name = dated_name (_ ("unknot-pain-diary"), "csv");

  choose_file (UNKNOT_PROGRESS_PAGE (widget), CHOOSE_EXPORT_CSV, _ ("Export Diary"), _ ("_Export"),
               name, _ ("CSV files"), "text/csv", "*.csv");
}

static void
import_csv_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  choose_file (UNKNOT_PROGRESS_PAGE (widget), CHOOSE_IMPORT_CSV, _ ("Import Diary"), _ ("_Import"),
               NULL, _ ("CSV files"), "text/csv", "*.csv");
}

static void
show_routines_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GtkWidget *stack = gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_STACK);

  if (stack != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "routines");
}

static void
show_more_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  UnknotProgressPage *self = UNKNOT_PROGRESS_PAGE (widget);
  g_autofree char *sentence = NULL;
  g_autoptr (GArray) sessions = NULL;
  gint64 from, to;

  self->sessions_shown += MORE_SESSIONS_SHOWN;
  if (self->diary == NULL)
    return;
  get_period (self, &from, &to, &sentence);
  sessions = unknot_pain_diary_get_sessions (self->diary, from, to);
  refresh_sessions (self, sessions);
}

static void
set_range (UnknotProgressPage *self, const char *range)
{
  gboolean known = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (ranges) && !known; i++)
    known = g_strcmp0 (range, ranges[i]) == 0;
  if (!known || g_strcmp0 (range, self->range) == 0)
    return;

  g_free (self->range);
  self->range = g_strdup (range);
  self->sessions_shown = FIRST_SESSIONS_SHOWN;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);

  if (self->diary != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      unknot_pain_diary_get_n_entries (self->diary) > 0)
    refresh_period (self);
}

static void
unknot_progress_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  UnknotProgressPage *self = UNKNOT_PROGRESS_PAGE (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      g_value_set_string (value, self->range);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_progress_page_set_property (GObject *object,
                                   guint prop_id,
                                   const GValue *value,
                                   GParamSpec *pspec)
{
  UnknotProgressPage *self = UNKNOT_PROGRESS_PAGE (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      set_range (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_progress_page_dispose (GObject *object)
{
  UnknotProgressPage *self = UNKNOT_PROGRESS_PAGE (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_PROGRESS_PAGE);
  g_clear_object (&self->diary);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (unknot_progress_page_parent_class)->dispose (object);
}

static void
unknot_progress_page_finalize (GObject *object)
{
  UnknotProgressPage *self = UNKNOT_PROGRESS_PAGE (object);

  g_clear_pointer (&self->range, g_free);

  G_OBJECT_CLASS (unknot_progress_page_parent_class)->finalize (object);
}

static void
unknot_progress_page_class_init (UnknotProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = unknot_progress_page_get_property;
  object_class->set_property = unknot_progress_page_set_property;
  object_class->dispose = unknot_progress_page_dispose;
  object_class->finalize = unknot_progress_page_finalize;
  widget_class->map = unknot_progress_page_map;

  /**
   * UnknotProgressPage:range:
   *
   * The period the chart, the routines and the sessions show: `4-weeks`, `3-months`,
   * `1-year` or `all`.
   */
  properties[PROP_RANGE] =
    g_param_spec_string ("range", NULL, NULL, "4-weeks",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UNKNOT_TYPE_PAIN_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/unknot-progress-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotProgressPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotProgressPage, week_value);
  gtk_widget_class_bind_template_child (widget_class, UnknotProgressPage, week_caption);
  gtk_widget_class_bind_template_child (widget_class, UnknotProgressPage, streak_value);
  gtk_widget_class_bind_template_child (widget_class, UnknotProgressPage, streak_caption);
  gtk_widget_class_bind_template_child (widget_class, UnknotProgressPage, four_weeks_value);
  gtk_widget_class_bind_template_child (widget_class, UnknotProgressPage, four_weeks_caption);
  gtk_widget_class_bind_template_child (widget_class, UnknotProgressPage, change_value);
  gtk_widget_class_bind_template_child (widget_class, UnknotProgressPage, change_caption);
  gtk_widget_class_bind_template_child (widget_class, UnknotProgressPage, change_mark);
  gtk_widget_class_bind_template_child (widget_class, UnknotProgressPage, chart);
  gtk_widget_class_bind_template_child (widget_class, UnknotProgressPage, routines_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotProgressPage, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotProgressPage, more_button);

  gtk_widget_class_install_property_action (widget_class, "progress.range", "range");
  gtk_widget_class_install_action (widget_class, "progress.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "progress.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "progress.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "progress.show-routines", NULL,
                                   show_routines_action);
  gtk_widget_class_install_action (widget_class, "progress.show-more", NULL, show_more_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
unknot_progress_page_init (UnknotProgressPage *self)
{
  self->range = g_strdup ("4-weeks");
  self->sessions_shown = FIRST_SESSIONS_SHOWN;
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (
    self->routines_list,
    create_placeholder (_ ("No routine with a score before and after in this period")));
  gtk_list_box_set_placeholder (
    self->sessions_list,
    create_placeholder (_ ("No session with a score before and after in this period")));
}
