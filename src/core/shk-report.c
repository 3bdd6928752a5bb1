/* shk-report.c — the meeting handout: a multi-page report of a plan
 *
 * The report is built as a flow of blocks (headings, paragraphs, charts,
 * tables) that shk-page-layout.c measures and cuts into pages. The
 * sections are written by shk-report-measures.c, shk-report-lists.c,
 * shk-report-survey.c, shk-report-scenarios.c and shk-report-audit.c;
 * this file puts them in the handout's order (sections[]), draws the
 * charts and the furniture of every page, and writes the PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "shk-chart.h"
#include "shk-edit.h"
#include "shk-pareto-chart.h"
#include "shk-payback-chart.h"
#include "shk-report-private.h"
#include "shk-rules.h"
#include "shk-safe-save.h"
#include "shk-summary-chart.h"

/* ISO 216 sizes in points. */
#define A4_SHORT 595.276
#define A4_LONG  841.890
#define A3_SHORT 841.890
#define A3_LONG  1190.551

/* Body text on A4, in points. Larger paper gets larger text, by the
 * square root of the size, so an A3 copy is easier to read from across
 * the table yet holds more. */
#define BASE_TEXT_SIZE  8.5

G_DEFINE_FINAL_TYPE (ShkReport, shk_report, G_TYPE_OBJECT)

static void
scenario_figures_free (gpointer data)
{
  ScenarioFigures *figures = data;

  g_free (figures->name);
  g_free (figures->description);
  g_clear_pointer (&figures->series, shk_payback_series_set_free);
  g_free (figures->problem);
  g_free (figures);
}

static void
shk_report_finalize (GObject *object)
{
  ShkReport *self = SHK_REPORT (object);

  g_free (self->title);
  g_free (self->date_text);
  g_clear_pointer (&self->summary, shk_summary_free);
  g_clear_pointer (&self->ranking, shk_ranking_free);
  g_clear_object (&self->survey);
  g_ptr_array_unref (self->scenarios);
  g_clear_pointer (&self->flow, shk_page_flow_free);
  g_clear_pointer (&self->citizen_survey, shk_citizen_survey_free);
  g_clear_pointer (&self->next_plan, shk_next_plan_free);

  G_OBJECT_CLASS (shk_report_parent_class)->finalize (object);
}

static void
shk_report_class_init (ShkReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shk_report_finalize;
}

static void
shk_report_init (ShkReport *self)
{
  self->scenarios = g_ptr_array_new_with_free_func (scenario_figures_free);
}

/* ------------------------------------------------------------------ */
/* Figures as text                                                     */

char *
shk_report_format_rate (double rate)
{
  return g_strdup_printf ("%.1f%%", rate * 100.0);
}

/* A figure with the decimals it was typed with (40.789 stays 40.789,
 * 3,400,000 gets its separators): shk_format_number() rounds to two
 * places, which suits computed values, not the office's own. */
char *
shk_report_format_figure (double value)
{
  guint decimals = 0;

  if (!isfinite (value))
    return shk_format_number (value);
  /* The fewest decimals that give back the same double, at most six. */
  while (decimals < 6)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *format = g_strdup_printf ("%%.%uf", decimals);

      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
      decimals++;
    }
  return shk_format_number_grouped (value, (int) decimals);
}

char *
shk_report_format_share (double share)
{
  return g_strdup_printf ("%.1f%%", share * 100.0);
}

char *
shk_report_format_yen (double amount)
{
  g_autofree char *number = shk_format_number (fabs (amount));

  return g_strdup_printf ("%s¥%s", amount < 0 ? "−" : "", number);
}

char *
shk_report_muted_markup (const char *text)
{
  return g_markup_printf_escaped ("<span foreground='#66666e'>%s</span>", text);
}

GPtrArray *
shk_report_list_to_array (GListModel *model)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

char *
shk_report_evaluation_heading (ShkEvaluation *evaluation)
{
  const char *label = shk_evaluation_get_label (evaluation);

  if (label != NULL && *label != '\0')
    return g_strdup_printf ("%s\n%s", shk_evaluation_get_id (evaluation), label);
  return g_strdup (shk_evaluation_get_id (evaluation));
}

const char *
shk_report_year_label (ShkPlan    *plan,
                       const char *year_id)
{
  ShkFiscalYear *year = year_id != NULL ? shk_plan_find_fiscal_year (plan, year_id) : NULL;

  return year != NULL ? shk_fiscal_year_get_label (year) : year_id;
}

/* The reporting year's progress evaluation (R2/R2), or NULL. */
ShkEvaluation *
shk_report_progress_evaluation (ShkPlan *plan)
{
  g_autofree char *id = NULL;
  const char *reporting = shk_plan_get_reporting_year (plan);

  if (reporting == NULL || *reporting == '\0')
    return NULL;
  id = g_strdup_printf ("%s/%s", reporting, reporting);
  return shk_plan_find_evaluation (plan, id);
}

/* The evaluation a year before @evaluation against the same target (R1/R3
 * before R2/R3), to tell which measures have newly reached ◎. */
ShkEvaluation *
shk_report_previous_evaluation (ShkPlan       *plan,
                                ShkEvaluation *evaluation)
{
  GListModel *years = shk_plan_get_fiscal_years (plan);
  guint n = g_list_model_get_n_items (years);
  ShkEvaluation *found = NULL;

  for (guint i = 1; i < n && found == NULL; i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);
      g_autoptr(ShkFiscalYear) before = g_list_model_get_item (years, i - 1);
      g_autofree char *id = NULL;

      if (!g_str_equal (shk_fiscal_year_get_id (year), shk_evaluation_get_actual_year (evaluation)))
        continue;
      id = g_strdup_printf ("%s/%s", shk_fiscal_year_get_id (before),
                            shk_evaluation_get_target_year (evaluation));
      found = shk_plan_find_evaluation (plan, id);
    }
  return found;
}

char *
shk_report_grade_markup (ShkPlan       *plan,
                         ShkMeasure    *measure,
                         ShkEvaluation *evaluation)
{
  ShkGradeInfo info;

  shk_plan_grade_measure (plan, measure, evaluation, &info);
  if (info.effective == SHK_GRADE_NONE)
    return NULL;
  /* A mark where the office's judgement departs from the figures. */
  /* Full size and in colour: a raised asterisk at table size was too
   * small to see on paper. */
  if (info.origin == SHK_GRADE_ORIGIN_OVERRIDDEN)
    return g_markup_printf_escaped ("%s<span foreground='#b3261e' weight='bold'>＊</span>",
                                    shk_grade_to_symbol (info.effective));
  return g_markup_escape_text (shk_grade_to_symbol (info.effective), -1);
}

char *
shk_report_measure_rate_markup (ShkPlan       *plan,
                                ShkMeasure    *measure,
                                ShkEvaluation *evaluation)
{
  ShkGradeInfo info;
  g_autofree char *text = NULL;

  if (evaluation == NULL)
    return NULL;
  shk_plan_grade_measure (plan, measure, evaluation, &info);
  if (!info.has_rate)
    return NULL;
  text = shk_report_format_rate (info.rate);
  return g_markup_escape_text (text, -1);
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

static void
draw_chart (cairo_t            *cr,
            const ShkPageBlock *block,
            double              x,
            double              y,
            double              width,
            double              height,
            gpointer            user_data)
{
  ShkReport *self = user_data;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  switch (block->chart)
    {
    case CHART_SUMMARY:
      {
        ShkSummaryChart chart = {
          .style = SHK_CHART_STYLE_LIGHT,
          .summary = self->summary,
        };

        shk_summary_chart_draw (cr, width, height, &chart);
      }
      break;
    case CHART_PARETO:
      {
        ShkParetoChart chart = {
          .style = SHK_CHART_STYLE_LIGHT,
          .ranking = self->ranking,
          .threshold = 0.8,
        };

        shk_pareto_chart_draw (cr, width, height, &chart);
      }
      break;
    case CHART_CITIZEN_SURVEY:
    case CHART_SCHEDULE:
      shk_report_draw_document_chart (self, block->chart, cr, width, height);
      break;
    case CHART_PAYBACK:
    default:
      {
        ScenarioFigures *figures = g_ptr_array_index (self->scenarios, block->chart_index);
        ShkPaybackChart chart;
        ShkChartLayout layout;

        shk_payback_series_set_fill_chart (figures->series, SHK_CHART_STYLE_LIGHT, NULL, &chart);
        shk_payback_chart_draw (cr, width, height, &chart, &layout);
      }
      break;
    }
  cairo_restore (cr);

  /* A hairline frame, as the charts in the handouts have. */
  cairo_set_line_width (cr, 0.5);
  shk_chart_set_source (cr, &light_rule);
  cairo_rectangle (cr, x, y, width, height);
  cairo_stroke (cr);
}

/* The plan's title and the date above, "n / N" below, on every page. */
static void
draw_furniture (ShkReport *self,
                cairo_t   *cr,
                guint      page)
{
  double size = self->flow->text_size * 0.9;
  double width = shk_page_flow_content_width (self->flow);
  g_autofree char *title = g_markup_escape_text (self->title, -1);
  g_autofree char *date = g_markup_escape_text (self->date_text, -1);
  g_autofree char *number = g_strdup_printf ("%u / %u", page + 1, self->flow->pages->len);
  g_autoptr(PangoLayout) date_layout = shk_page_text_new (cr, date, size, FALSE, -1, 0, SHK_PAGE_ALIGN_LEFT);
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) number_layout = shk_page_text_new (cr, number, size, FALSE, width, 1,
                                                      SHK_PAGE_ALIGN_CENTER);
  double date_width, line_height, rule_y;

  shk_page_text_size (date_layout, &date_width, &line_height);
  title_layout = shk_page_text_new (cr, title, size, TRUE, width - date_width - size * 2, 1, SHK_PAGE_ALIGN_LEFT);

  shk_page_show_text (cr, title_layout, &muted, SHK_PAGE_MARGIN, SHK_PAGE_MARGIN);
  shk_page_show_text (cr, date_layout, &muted, self->flow->width - SHK_PAGE_MARGIN - date_width, SHK_PAGE_MARGIN);
  rule_y = SHK_PAGE_MARGIN + line_height + size * 0.3;
  shk_page_hline (cr, &rule, 0.6, SHK_PAGE_MARGIN, self->flow->width - SHK_PAGE_MARGIN, rule_y);

  shk_page_show_text (cr, number_layout, &muted, SHK_PAGE_MARGIN, self->flow->height - SHK_PAGE_MARGIN - line_height);
}

void
shk_report_draw_page (ShkReport *self,
                      cairo_t   *cr,
                      guint      page,
                      double     width_pt,
                      double     height_pt)
{
  double scale;

  g_return_if_fail (SHK_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->flow->pages->len);

  cairo_save (cr);
  /* Another paper than the one laid out for: scale to fit, centred. */
  scale = MIN (width_pt / self->flow->width, height_pt / self->flow->height);
  if (!(scale > 0) || !isfinite (scale))
    scale = 1.0;
  cairo_translate (cr, (width_pt - self->flow->width * scale) / 2, (height_pt - self->flow->height * scale) / 2);
  cairo_scale (cr, scale, scale);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->flow->width, self->flow->height);
  cairo_fill (cr);

  draw_furniture (self, cr, page);
  shk_page_flow_draw_page (self->flow, cr, page, draw_chart, self);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* Construction                                                        */

static char *
format_date (GDateTime *date)
{
  /* TRANSLATORS: the date on every page of the handout, a
   * g_date_time_format() format; in Japanese “%Y年%-m月%-d日” */
  return g_date_time_format (date, _("%B %-d, %Y"));
}

/* The handout's sections in the order and numbering of the committee's
 * documents. Each add-function adds its section's body; the heading
 * ("(2) …") is added before it from this table, and a function that
 * knows a count puts it in with shk_report_set_heading(). */
static const ShkReportSection sections[] = {
  /* 資料1-1 第四次…計画の進捗について */
  { "1-1", "(1)", N_("Achievement status"), shk_report_add_summary_section },
  { "1-1", "(2)", N_("Measures newly fully achieved (◎)"), shk_report_add_achieved_section },
  { "1-1", "(3)", N_("Measures not really achieved (△)"), shk_report_add_lagging_section },
  { "1-1", "(4)", N_("Measures added"), shk_report_add_added_section },
  { "1-1", "(5)", N_("Main measures with expansions"), shk_report_add_expanded_section },
  { "1-1", "(6)", N_("Progress of every measure"), shk_report_add_measures_section },

  /* 資料1-3 ＡＩ等の活用による業務効率化等検討調査結果 (its final
   * report's sections 1.–7.) */
  { "1-3", "1.", N_("Analysis of the work processes"), shk_report_add_survey_section },
  { "1-3", NULL, NULL, shk_report_add_findings_scope_section },
  { "1-3", "2.", N_("Demonstration experiments"), shk_report_add_experiments_section },
  { "1-3", "3.", N_("Priority classes"), shk_report_add_priority_section },
  { "1-3", "4.", N_("Cost-effectiveness estimates"), shk_report_add_scenario_section },
  { "1-3", "5.", N_("Qualitative effects"), shk_report_add_effects_section },
  { "1-3", "6.", N_("e-application candidates"), shk_report_add_e_application_section },
  { "1-3", "7.", N_("Promoting efficient work with AI, RPA and the like"),
    shk_report_add_promotion_section },

  /* 資料2-1 次期地域情報化計画の策定について: its own numbered parts. */
  { "2-1", NULL, NULL, shk_report_add_next_plan_section },

  /* 資料2-2 情報化に関する市民アンケート調査結果 */
  { "2-2", NULL, NULL, shk_report_add_citizen_section },

  /* Not in the committee's documents: the document checked against
   * itself, after them. */
  { NULL, NULL, N_("Audit: the document checked against itself"), shk_report_add_audit_section },
};

const ShkReportSection *
shk_report_get_sections (guint *n_sections)
{
  if (n_sections != NULL)
    *n_sections = G_N_ELEMENTS (sections);
  return sections;
}

/* The title of each of the committee's documents, over its first page. */
static char *
document_title (const char *document,
                ShkPlan    *plan)
{
  if (g_strcmp0 (document, "1-1") == 0)
    {
      const char *title = shk_plan_get_title (plan);

      /* TRANSLATORS: 資料1-1's title, %s the plan's; in Japanese “%sの進捗について” */
      return g_strdup_printf (_("Progress of %s"), title != NULL && *title != '\0' ? title : _("the plan"));
    }
  if (g_strcmp0 (document, "1-3") == 0)
    return g_strdup (_("Streamlining work with AI and other tools: the survey’s results"));
  if (g_strcmp0 (document, "2-1") == 0)
    return g_strdup (_("Drafting the next plan"));
  if (g_strcmp0 (document, "2-2") == 0)
    return g_strdup (_("The citizens’ survey on computerisation"));
  return NULL;
}

static void
add_document_title (ShkReport  *self,
                    ShkPlan    *plan,
                    const char *document)
{
  g_autofree char *title = document_title (document, plan);
  /* TRANSLATORS: the label of one of the committee's documents, “資料%s” */
  g_autoptr(GString) label = g_string_new (NULL);
  g_autofree char *label_markup = NULL;
  g_autofree char *title_markup = NULL;

  g_string_printf (label, _("Document %s"), document);
  /* 資料1-1 says whose plan and as of when. */
  if (g_str_equal (document, "1-1"))
    {
      const char *organisation = shk_plan_get_organisation (plan);
      const char *reporting = shk_plan_get_reporting_year (plan);

      if (organisation != NULL && *organisation != '\0')
        g_string_append_printf (label, " · %s", organisation);
      if (reporting != NULL && *reporting != '\0')
        {
          g_string_append (label, " · ");
          g_string_append_printf (label, _("Progress as of the end of %s"),
                                  shk_report_year_label (plan, reporting));
        }
    }
  label_markup = shk_report_muted_markup (label->str);
  shk_page_flow_add_paragraph (self->flow, label_markup, 1.0);
  if (title == NULL)
    return;
  title_markup = g_markup_escape_text (title, -1);
  shk_page_flow_add_title (self->flow, title_markup);
}

static char *
numbered_heading (const ShkReportSection *section,
                  const char             *text)
{
  if (section->number != NULL)
    return g_strdup_printf ("%s %s", section->number, text);
  return g_strdup (text);
}

void
shk_report_set_heading (ShkReport  *self,
                        const char *text)
{
  g_autofree char *heading = NULL;

  g_return_if_fail (SHK_IS_REPORT (self));
  g_return_if_fail (text != NULL);

  if (self->heading == NULL || self->section == NULL)
    return;
  heading = numbered_heading (self->section, text);
  g_free (self->heading->markup);
  self->heading->markup = g_markup_escape_text (heading, -1);
}

void
shk_report_break_before_section (ShkReport *self)
{
  g_return_if_fail (SHK_IS_REPORT (self));

  if (self->heading != NULL)
    shk_page_flow_break_before (self->flow, self->heading);
}

void
shk_report_add_footnote (ShkReport  *self,
                         const char *text)
{
  g_autofree char *note = g_strdup_printf ("※%s", text);
  g_autofree char *markup = shk_report_muted_markup (note);

  shk_page_flow_add_paragraph (self->flow, markup, 0.9);
}

static void
add_sections (ShkReport *self,
              ShkPlan   *plan)
{
  const char *document = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      const ShkReportSection *section = &sections[i];

      /* Each document starts on a page of its own, as on the table. */
      if (i == 0 || g_strcmp0 (section->document, document) != 0)
        {
          if (i > 0)
            shk_page_flow_add_page_break (self->flow);
          if (section->document != NULL)
            add_document_title (self, plan, section->document);
          document = section->document;
        }

      self->section = section;
      self->heading = NULL;
      if (section->heading != NULL)
        {
          g_autofree char *heading = numbered_heading (section, _(section->heading));

          self->heading = shk_page_flow_add_heading (self->flow, heading);
        }
      section->add (self, plan);
    }
  self->section = NULL;
  self->heading = NULL;
}

ShkReport *
shk_report_new (ShkPlan   *plan,
                double     width_pt,
                double     height_pt,
                GDateTime *date)
{
  g_autoptr(ShkReport) self = NULL;
  g_autoptr(GDateTime) now = NULL;
  const char *title;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (width_pt >= 144 && height_pt >= 144, NULL);

  self = g_object_new (SHK_TYPE_REPORT, NULL);
  self->flow = shk_page_flow_new (width_pt, height_pt,
                                 BASE_TEXT_SIZE * sqrt (MIN (width_pt, height_pt) / A4_SHORT));
  title = shk_plan_get_title (plan);
  self->title = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled Plan"));
  if (date == NULL)
    date = now = g_date_time_new_now_local ();
  self->date_text = format_date (date);

  self->summary = shk_summary_new_for_plan (plan);
  self->survey = shk_plan_get_survey (plan) != NULL ? g_object_ref (shk_plan_get_survey (plan))
                                                    : shk_survey_new ();
  self->ranking = shk_ranking_new (self->survey);

  add_sections (self, plan);

  shk_page_flow_layout (self->flow);
  return g_steal_pointer (&self);
}

guint
shk_report_get_n_pages (ShkReport *self)
{
  g_return_val_if_fail (SHK_IS_REPORT (self), 0);

  return self->flow->pages->len;
}

void
shk_report_get_page_size (ShkReport *self,
                          double    *width_pt,
                          double    *height_pt)
{
  g_return_if_fail (SHK_IS_REPORT (self));

  if (width_pt != NULL)
    *width_pt = self->flow->width;
  if (height_pt != NULL)
    *height_pt = self->flow->height;
}

/* ------------------------------------------------------------------ */
/* PDF                                                                 */

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
shk_report_save_pdf (ShkReport   *self,
                     const char  *path,
                     GError     **error)
{
  return shk_report_save_pdf_full (self, path, NULL, NULL, NULL, error);
}

gboolean
shk_report_save_pdf_full (ShkReport        *self,
                          const char       *path,
                          ShkProgressFunc   progress,
                          gpointer          progress_data,
                          GCancellable     *cancellable,
                          GError          **error)
{
  guint n_pages;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) contents = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (SHK_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Rendered into memory first, so that a failure never leaves a
   * truncated handout behind, nor clobbers an older one. */
  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, self->flow->width, self->flow->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Shinchoku " PACKAGE_VERSION);
  cr = cairo_create (surface);
  n_pages = self->flow->pages->len;
  /* The last step, the write, counts as one page more. */
  for (guint page = 0; page < n_pages && !g_cancellable_is_cancelled (cancellable); page++)
    {
      shk_report_draw_page (self, cr, page, self->flow->width, self->flow->height);
      cairo_show_page (cr);
      if (progress != NULL)
        progress ((double) (page + 1) / (n_pages + 1), progress_data);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* TRANSLATORS: the second %s is cairo's (English) reason */
                   _("Could not draw “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* The safe save's message names the file and says it is unchanged. */
  file = g_file_new_for_path (path);
  contents = g_bytes_new_static (bytes->data, bytes->len);
  if (!shk_safe_save_bytes (file, contents, SHK_SAFE_SAVE_NONE, cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

gboolean
shk_report_write_pdf (ShkPlan         *plan,
                      const char      *path,
                      ShkPaperSize     paper,
                      ShkOrientation   orientation,
                      GError         **error)
{
  g_autoptr(ShkReport) report = NULL;
  double width, height;

  g_return_val_if_fail (SHK_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  shk_paper_size_get_points (paper, orientation, &width, &height);
  report = shk_report_new (plan, width, height, NULL);
  return shk_report_save_pdf (report, path, error);
}

/* ------------------------------------------------------------------ */
/* Paper                                                               */

gboolean
shk_paper_size_from_string (const char   *text,
                            ShkPaperSize *paper)
{
  ShkPaperSize value;

  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "a4") == 0)
    value = SHK_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "a3") == 0)
    value = SHK_PAPER_A3;
  else
    return FALSE;
  if (paper != NULL)
    *paper = value;
  return TRUE;
}

gboolean
shk_orientation_from_string (const char     *text,
                             ShkOrientation *orientation)
{
  ShkOrientation value;

  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "landscape") == 0)
    value = SHK_ORIENTATION_LANDSCAPE;
  else if (g_ascii_strcasecmp (text, "portrait") == 0)
    value = SHK_ORIENTATION_PORTRAIT;
  else
    return FALSE;
  if (orientation != NULL)
    *orientation = value;
  return TRUE;
}

void
shk_paper_size_get_points (ShkPaperSize    paper,
                           ShkOrientation  orientation,
                           double         *width,
                           double         *height)
{
  double shorter = paper == SHK_PAPER_A3 ? A3_SHORT : A4_SHORT;
  double longer = paper == SHK_PAPER_A3 ? A3_LONG : A4_LONG;

  if (width != NULL)
    *width = orientation == SHK_ORIENTATION_PORTRAIT ? shorter : longer;
  if (height != NULL)
    *height = orientation == SHK_ORIENTATION_PORTRAIT ? longer : shorter;
}

