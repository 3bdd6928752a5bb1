/* shk-print.c — printing the meeting handout and single charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "shk-application.h"
#include "shk-print.h"
#include "shk-report.h"

/* What a window printed with last: the next print from it starts with
 * the same printer, paper and orientation. Kept here, keyed by the
 * window and dropped when it goes, rather than as strings on it. */
typedef struct
{
  GtkPrintSettings *settings;
  GtkPageSetup     *setup;
} PrintChoice;

static GHashTable *choices;   /* GtkWindow* → PrintChoice* */

static void
print_choice_free (PrintChoice *choice)
{
  g_clear_object (&choice->settings);
  g_clear_object (&choice->setup);
  g_free (choice);
}

static void
on_window_finalized (gpointer  data,
                     GObject  *window)
{
  g_hash_table_remove (choices, window);
}

static PrintChoice *
lookup_choice (GtkWindow *parent)
{
  return choices != NULL ? g_hash_table_lookup (choices, parent) : NULL;
}

static void
remember_choice (GtkWindow         *parent,
                 GtkPrintOperation *operation)
{
  PrintChoice *choice = lookup_choice (parent);

  if (choices == NULL)
    choices = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) print_choice_free);
  if (choice == NULL)
    {
      choice = g_new0 (PrintChoice, 1);
      g_hash_table_insert (choices, parent, choice);
      g_object_weak_ref (G_OBJECT (parent), on_window_finalized, NULL);
    }
  g_set_object (&choice->settings, gtk_print_operation_get_print_settings (operation));
  g_set_object (&choice->setup, gtk_print_operation_get_default_page_setup (operation));
}

/* What one print operation needs while it runs. */
typedef struct
{
  GtkWindow        *parent;     /* weak: the dialog is modal to it */
  ShkPlan          *plan;       /* handout */
  ShkReport        *report;     /* laid out when the paper is known */
  char             *title;      /* chart */
  double            aspect;
  ShkChartDrawFunc  draw;
  gpointer          user_data;
  GDestroyNotify    destroy;
  gboolean          error_shown;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_weak_pointer (&job->parent);
  g_clear_object (&job->plan);
  g_clear_object (&job->report);
  g_free (job->title);
  if (job->destroy != NULL)
    job->destroy (job->user_data);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintJob, print_job_free)

/* The committee's handouts are A4 landscape unless the preferences or
 * the user at the time say not. */
static GtkPageSetup *
default_page_setup (void)
{
  GSettings *settings = shk_application_get_default_settings ();
  g_autofree char *paper = settings != NULL ? g_settings_get_string (settings, "paper-size") : NULL;
  g_autofree char *orientation = settings != NULL
    ? g_settings_get_string (settings, "paper-orientation") : NULL;
  GtkPageSetup *setup = gtk_page_setup_new ();
  GtkPaperSize *size = gtk_paper_size_new (g_strcmp0 (paper, "a3") == 0 ? GTK_PAPER_NAME_A3
                                                                          : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, size);
  gtk_page_setup_set_orientation (setup, g_strcmp0 (orientation, "portrait") == 0
                                           ? GTK_PAGE_ORIENTATION_PORTRAIT
                                           : GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_paper_size_free (size);
  return setup;
}

static void
show_print_error (GtkWindow    *parent,
                  const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Could Not Print"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (job->parent != NULL && error != NULL && !job->error_shown)
        show_print_error (job->parent, error);
      job->error_shown = TRUE;
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && job->parent != NULL)
    {
      /* Next time, the same printer, paper and orientation. */
      remember_choice (job->parent, operation);
    }
  /* The operation holds the job; it goes when the operation does. */
  g_object_unref (operation);
}

/* A new operation in points, on the whole sheet: the report keeps its own
 * margins, wider than any printer's. */
static GtkPrintOperation *
operation_new (GtkWindow  *parent,
               const char *job_name,
               PrintJob   *job)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  PrintChoice *choice = lookup_choice (parent);
  GtkPrintSettings *settings = choice != NULL ? choice->settings : NULL;
  GtkPageSetup *setup = choice != NULL ? choice->setup : NULL;
  g_autoptr(GtkPageSetup) fallback = NULL;

  if (setup == NULL)
    setup = fallback = default_page_setup ();
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_job_name (operation, job_name);

  g_set_weak_pointer (&job->parent, parent);
  /* The job goes with the operation: its "done" handler owns it. */
  g_signal_connect_data (operation, "done", G_CALLBACK (on_done), job,
                         (GClosureNotify) print_job_free, 0);
  return operation;
}

static void
run (GtkPrintOperation       *operation,
     PrintJob                *job,
     GtkPrintOperationAction  action,
     GtkWindow               *parent)
{
  g_autoptr(GtkPrintOperation) hold = g_object_ref (operation);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  /* Held across the call: "done" may come before it returns, and drops
   * the operation's own reference, and with it the job. */
  result = gtk_print_operation_run (operation, action, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL && !job->error_shown)
    {
      show_print_error (parent, error);
      job->error_shown = TRUE;
    }
}

/* The handout */

static void
handout_begin_print (GtkPrintOperation *operation,
                     GtkPrintContext   *context,
                     PrintJob          *job)
{
  /* Laid out for the paper and orientation chosen in the dialog. */
  g_clear_object (&job->report);
  job->report = shk_report_new (job->plan,
                                gtk_print_context_get_width (context),
                                gtk_print_context_get_height (context),
                                NULL);
  gtk_print_operation_set_n_pages (operation, (int) shk_report_get_n_pages (job->report));
}

static void
handout_draw_page (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   int                page,
                   PrintJob          *job)
{
  shk_report_draw_page (job->report, gtk_print_context_get_cairo_context (context), (guint) page,
                        gtk_print_context_get_width (context),
                        gtk_print_context_get_height (context));
}

void
shk_print_handout (GtkWindow   *parent,
                   ShkDocument *document,
                   gboolean     preview)
{
  ShkPlan *plan;
  GtkPrintOperation *operation;
  PrintJob *job;
  const char *title;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (SHK_IS_DOCUMENT (document));

  plan = shk_document_get_plan (document);
  job = g_new0 (PrintJob, 1);
  job->plan = g_object_ref (plan);
  title = shk_plan_get_title (plan);
  operation = operation_new (parent, title != NULL && *title != '\0' ? title : _("Handout"), job);
  g_signal_connect (operation, "begin-print", G_CALLBACK (handout_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (handout_draw_page), job);

  run (operation, job, preview ? GTK_PRINT_OPERATION_ACTION_PREVIEW
                               : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent);
}

/* A chart */

static void
chart_begin_print (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrintJob          *job)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

/* The chart as large as fits inside 12 mm margins, centred, with the
 * title above it. */
static void
chart_draw_page (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double margin = 34.0;
  double width = gtk_print_context_get_width (context) - 2 * margin;
  double height = gtk_print_context_get_height (context) - 2 * margin;
  double top = margin;
  double chart_width, chart_height;

  if (job->title != NULL && *job->title != '\0')
    {
      g_autoptr(PangoLayout) layout = shk_chart_create_layout (cr, job->title, 14, TRUE);
      int text_width, text_height;

      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      cairo_move_to (cr, margin, top);
      pango_cairo_show_layout (cr, layout);
      top += text_height + 10;
      height -= text_height + 10;
    }

  chart_width = MIN (width, height * job->aspect);
  chart_height = chart_width / job->aspect;
  cairo_save (cr);
  cairo_translate (cr, margin + (width - chart_width) / 2, top);
  cairo_rectangle (cr, 0, 0, chart_width, chart_height);
  cairo_clip (cr);
  job->draw (cr, chart_width, chart_height, job->user_data);
  cairo_restore (cr);
}

void
shk_print_chart (GtkWindow        *parent,
                 const char       *title,
                 double            aspect,
                 ShkChartDrawFunc  draw,
                 gpointer          user_data,
                 GDestroyNotify    destroy)
{
  GtkPrintOperation *operation;
  PrintJob *job;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (draw != NULL);

  job = g_new0 (PrintJob, 1);
  job->title = g_strdup (title);
  job->aspect = aspect > 0 ? aspect : 16.0 / 9.0;
  job->draw = draw;
  job->user_data = user_data;
  job->destroy = destroy;
  operation = operation_new (parent, title != NULL && *title != '\0' ? title : _("Chart"), job);
  g_signal_connect (operation, "begin-print", G_CALLBACK (chart_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (chart_draw_page), job);

  run (operation, job, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent);
}
