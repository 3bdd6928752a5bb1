/* shk-presentation.c — full-screen presentation of the charts for meetings
 *
 * One chart per page in the presentation style (large text, high
 * contrast): the grade summary, the Pareto chart, each scenario and the
 * comparison of all scenarios. Pages are computed from the document at
 * every draw, so a what-if typed into the bar at the bottom shows at once.
 *
 * A what-if is a trial (shk-trial.h), not an edit: the slide says 「試算」
 * and which figures differ from the plan, and the document stays as it
 * was until the presenter, on leaving, chooses to keep the trial as one
 * undo step. Discarding is the default, and leaves no trace.
 *
 * The bar's text, the page counter and the buttons follow the chart's
 * text size, so that at the back of a meeting room they read as well as
 * the chart does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "shk-edit.h"
#include "shk-payback-series.h"
#include "shk-pareto-chart.h"
#include "shk-payback-chart.h"
#include "shk-presentation.h"
#include "shk-ranking.h"
#include "shk-rules.h"
#include "shk-summary-chart.h"
#include "shk-trial.h"

typedef enum
{
  PAGE_SUMMARY,
  PAGE_PARETO,
  PAGE_SCENARIO,
  PAGE_COMPARISON,
} PageKind;

typedef struct
{
  PageKind     kind;
  ShkScenario *scenario;   /* PAGE_SCENARIO only */
  char        *title;
} Page;

struct _ShkPresentation
{
  AdwWindow        parent_instance;

  ShkDocument     *document;
  GArray          *pages;       /* of Page */
  guint            page;
  gboolean         updating_what_if;
  ShkTrial        *trial;
  gboolean         leaving;      /* the trial has been kept or discarded */
  GtkCssProvider  *css;          /* the projector-sized text */
  int              css_size;
  guint            css_idle;
  int              chart_width, chart_height;

  /* template children */
  GtkDrawingArea  *chart;
  GtkLabel        *page_label;
  GtkRevealer     *what_if_revealer;
  GtkSpinButton   *rate_spin;
  GtkSpinButton   *hours_spin;
  GtkSpinButton   *months_spin;
  GtkLabel        *hours_note;
  GtkWidget       *trial_box;
  GtkLabel        *trial_label;
};

G_DEFINE_FINAL_TYPE (ShkPresentation, shk_presentation, ADW_TYPE_WINDOW)

static void
page_clear (gpointer data)
{
  Page *page = data;

  g_clear_object (&page->scenario);
  g_clear_pointer (&page->title, g_free);
}

static ShkPlan *
get_plan (ShkPresentation *self)
{
  return shk_document_get_plan (self->document);
}

/* Whether the page shows figures of the trial rather than the plan's. */
static gboolean
page_is_trial (ShkPresentation *self,
               const Page      *page)
{
  if (!shk_trial_is_active (self->trial))
    return FALSE;
  if (page->kind == PAGE_SCENARIO)
    return shk_trial_get_scenario (self->trial, page->scenario) != page->scenario;
  return page->kind == PAGE_COMPARISON;
}

/* The title drawn on the slide: the page's, marked when it is a trial. */
static char *
dup_slide_title (ShkPresentation *self,
                 const Page      *page)
{
  if (page_is_trial (self, page))
    /* TRANSLATORS: a slide's title while it shows a what-if, "費用対効果想定①（試算）" */
    return g_strdup_printf (_("%s (trial)"), page->title);
  return g_strdup (page->title);
}

static const Page *
current_page (ShkPresentation *self)
{
  if (self->pages->len == 0)
    return NULL;
  return &g_array_index (self->pages, Page, self->page);
}

static void
append_page (ShkPresentation *self,
             PageKind         kind,
             ShkScenario     *scenario,
             char            *title)
{
  Page page = { kind, scenario != NULL ? g_object_ref (scenario) : NULL, title };

  g_array_append_val (self->pages, page);
}

/* The pages follow the document: a scenario added or removed (by undo in
 * the main window, say) adds or removes its page. */
static void
rebuild_pages (ShkPresentation *self)
{
  ShkPlan *plan = get_plan (self);
  GListModel *scenarios = shk_plan_get_scenarios (plan);
  guint n_scenarios = g_list_model_get_n_items (scenarios);
  ShkScenario *shown = NULL;
  const Page *old = current_page (self);

  if (old != NULL && old->scenario != NULL)
    shown = g_object_ref (old->scenario);

  g_array_set_size (self->pages, 0);
  append_page (self, PAGE_SUMMARY, NULL, g_strdup (_("Progress of the plan’s measures")));
  if (g_list_model_get_n_items (shk_survey_get_processes (shk_plan_get_survey (plan))) > 0)
    append_page (self, PAGE_PARETO, NULL, g_strdup (_("Work processes by annual hours")));

  for (guint i = 0; i < n_scenarios; i++)
    {
      g_autoptr(ShkScenario) scenario = g_list_model_get_item (scenarios, i);

      append_page (self, PAGE_SCENARIO, scenario, g_strdup (shk_scenario_get_name (scenario)));
      if (scenario == shown)
        self->page = self->pages->len - 1;
    }
  if (n_scenarios > 1)
    append_page (self, PAGE_COMPARISON, NULL, g_strdup (_("Comparison of the scenarios")));

  self->page = MIN (self->page, self->pages->len - 1);
  g_clear_object (&shown);
}

/* ------------------------------------------------------------------ */
/* Drawing                                                            */
/* ------------------------------------------------------------------ */

static void
draw_summary (ShkPresentation *self,
              cairo_t         *cr,
              int              width,
              int              height,
              const Page      *page)
{
  g_autoptr(ShkSummary) summary = shk_summary_new_for_plan (get_plan (self));
  ShkSummaryChart chart = {
    .style = SHK_CHART_STYLE_PRESENTATION,
    .title = page->title,
    .summary = summary,
  };

  shk_summary_chart_draw (cr, width, height, &chart);
}

static void
draw_pareto (ShkPresentation *self,
             cairo_t         *cr,
             int              width,
             int              height,
             const Page      *page)
{
  g_autoptr(ShkRanking) ranking = shk_ranking_new (shk_plan_get_survey (get_plan (self)));
  ShkParetoChart chart = {
    .style = SHK_CHART_STYLE_PRESENTATION,
    .title = page->title,
    .ranking = ranking,
    .threshold = 0.8,
    .highlight_rank = 0,
  };

  shk_pareto_chart_draw (cr, width, height, &chart);
}

/* The series of the scenarios drawn on one page: @only, else all. A
 * scenario that does not compute (a what-if typed half-way) is left out
 * rather than drawn wrong. */
static ShkPaybackSeriesSet *
payback_page_series (ShkPresentation *self,
                     ShkScenario     *only)
{
  ShkPlan *plan = get_plan (self);
  GListModel *scenarios = shk_plan_get_scenarios (plan);
  guint n = g_list_model_get_n_items (scenarios);
  ShkPaybackSeriesSet *set = shk_payback_series_set_new ();

  /* Each scenario as the trial has it: its copy when it was changed. */
  if (only != NULL)
    shk_payback_series_set_add (set, plan, shk_trial_get_scenario (self->trial, only), NULL);
  else
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(ShkScenario) scenario = g_list_model_get_item (scenarios, i);
        shk_payback_series_set_add (set, plan, shk_trial_get_scenario (self->trial, scenario), NULL);
      }
  return set;
}

static void
draw_payback (ShkPresentation *self,
              cairo_t         *cr,
              int              width,
              int              height,
              const Page      *page)
{
  g_autoptr(ShkPaybackSeriesSet) data = payback_page_series (self, page->scenario);
  g_autofree char *title = dup_slide_title (self, page);
  ShkPaybackChart chart;
  ShkChartLayout layout;

  shk_payback_series_set_fill_chart (data, SHK_CHART_STYLE_PRESENTATION, title, &chart);
  if (data->n_series > 0)
    shk_payback_chart_draw (cr, width, height, &chart, &layout);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  ShkPresentation *self = user_data;
  const Page *page = current_page (self);

  if (page == NULL || self->document == NULL)
    return;

  switch (page->kind)
    {
    case PAGE_SUMMARY:
      draw_summary (self, cr, width, height, page);
      break;
    case PAGE_PARETO:
      draw_pareto (self, cr, width, height, page);
      break;
    case PAGE_SCENARIO:
    case PAGE_COMPARISON:
      draw_payback (self, cr, width, height, page);
      break;
    default:
      g_assert_not_reached ();
    }
}

char *
shk_presentation_dup_description (ShkPresentation *self)
{
  const Page *page;

  g_return_val_if_fail (SHK_IS_PRESENTATION (self), NULL);

  page = current_page (self);
  if (page == NULL)
    return g_strdup ("");

  switch (page->kind)
    {
    case PAGE_SUMMARY:
      {
        g_autoptr(ShkSummary) summary = shk_summary_new_for_plan (get_plan (self));
        ShkSummaryChart chart = { SHK_CHART_STYLE_PRESENTATION, page->title, summary };

        return shk_summary_chart_describe (&chart);
      }
    case PAGE_PARETO:
      {
        g_autoptr(ShkRanking) ranking = shk_ranking_new (shk_plan_get_survey (get_plan (self)));
        ShkParetoChart chart = { SHK_CHART_STYLE_PRESENTATION, page->title, ranking, 0.8, 0 };

        return shk_pareto_chart_describe (&chart);
      }
    case PAGE_SCENARIO:
    case PAGE_COMPARISON:
    default:
      {
        g_autoptr(ShkPaybackSeriesSet) data = payback_page_series (self, page->scenario);
        g_autofree char *title = dup_slide_title (self, page);
        ShkPaybackChart chart;

        shk_payback_series_set_fill_chart (data, SHK_CHART_STYLE_PRESENTATION, title, &chart);
        return data->n_series > 0
          ? shk_payback_chart_describe (&chart)
          : g_strdup (_("The scenario’s figures are not valid, so there is no chart."));
      }
    }
}

/* ------------------------------------------------------------------ */
/* Page state                                                         */
/* ------------------------------------------------------------------ */

static void
update_what_if (ShkPresentation *self)
{
  ShkScenario *original = shk_presentation_get_scenario (self);
  g_autofree char *changes = NULL;
  ShkScenario *scenario;
  double hours;

  /* The comparison shows every scenario: its changes are all of them. */
  changes = shk_trial_dup_changes (self->trial, original);
  gtk_widget_set_visible (self->trial_box, changes != NULL &&
                          (original != NULL || page_is_trial (self, current_page (self))));
  gtk_label_set_label (self->trial_label, changes != NULL ? changes : "");
  gtk_revealer_set_reveal_child (self->what_if_revealer,
                                 original != NULL || gtk_widget_get_visible (self->trial_box));
  gtk_widget_set_visible (gtk_widget_get_next_sibling (self->trial_box), original != NULL);
  if (original == NULL)
    return;

  /* Setting the spin buttons must not read as the user editing them. */
  scenario = shk_trial_get_scenario (self->trial, original);
  self->updating_what_if = TRUE;
  gtk_spin_button_set_value (self->rate_spin, shk_scenario_get_hourly_rate (scenario));
  hours = shk_plan_get_scenario_hours_saved (get_plan (self), scenario);
  gtk_spin_button_set_value (self->hours_spin, hours);
  gtk_spin_button_set_value (self->months_spin, shk_scenario_get_first_year_months (scenario));
  gtk_label_set_label (self->hours_note,
                       shk_scenario_get_hours_saved (scenario, NULL)
                       ? _("entered")
                       : _("from the linked processes"));
  self->updating_what_if = FALSE;
}

static void
update_page (ShkPresentation *self)
{
  g_autofree char *position = NULL;
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;
  const Page *page = current_page (self);

  if (page == NULL)
    return;

  /* TRANSLATORS: page position in presentation mode, "3 / 6" */
  position = g_strdup_printf (_("%u / %u"), self->page + 1, self->pages->len);
  gtk_label_set_label (self->page_label, position);
  title = dup_slide_title (self, page);
  gtk_window_set_title (GTK_WINDOW (self), title);

  description = shk_presentation_dup_description (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  update_what_if (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static void
on_plan_changed (ShkPresentation *self)
{
  rebuild_pages (self);
  update_page (self);
}

guint
shk_presentation_get_n_pages (ShkPresentation *self)
{
  g_return_val_if_fail (SHK_IS_PRESENTATION (self), 0);
  return self->pages->len;
}

guint
shk_presentation_get_page (ShkPresentation *self)
{
  g_return_val_if_fail (SHK_IS_PRESENTATION (self), 0);
  return self->page;
}

void
shk_presentation_set_page (ShkPresentation *self,
                           guint            page)
{
  g_return_if_fail (SHK_IS_PRESENTATION (self));

  if (self->pages->len == 0)
    return;
  self->page = MIN (page, self->pages->len - 1);
  update_page (self);
}

ShkTrial *
shk_presentation_get_trial (ShkPresentation *self)
{
  g_return_val_if_fail (SHK_IS_PRESENTATION (self), NULL);
  return self->trial;
}

const char *
shk_presentation_get_page_title (ShkPresentation *self)
{
  const Page *page;

  g_return_val_if_fail (SHK_IS_PRESENTATION (self), NULL);

  page = current_page (self);
  return page != NULL ? page->title : NULL;
}

ShkScenario *
shk_presentation_get_scenario (ShkPresentation *self)
{
  const Page *page;

  g_return_val_if_fail (SHK_IS_PRESENTATION (self), NULL);

  page = current_page (self);
  return page != NULL ? page->scenario : NULL;
}

/* ------------------------------------------------------------------ */
/* What-if edits                                                      */
/* ------------------------------------------------------------------ */

static void
try_number (ShkPresentation *self,
            const char      *field,
            double           number)
{
  ShkScenario *scenario = shk_presentation_get_scenario (self);
  g_autoptr(GError) error = NULL;

  if (self->updating_what_if || scenario == NULL)
    return;

  /* The spin buttons keep to the limits; should the engine still refuse,
   * the bar returns to the figure in force. */
  if (!shk_trial_set_number (self->trial, scenario, field, number, &error))
    {
      g_debug ("What-if refused: %s", error->message);
      update_what_if (self);
    }
}

static void
on_rate_changed (ShkPresentation *self)
{
  try_number (self, "hourly-rate", gtk_spin_button_get_value (self->rate_spin));
}

static void
on_hours_changed (ShkPresentation *self)
{
  try_number (self, "hours-saved", gtk_spin_button_get_value (self->hours_spin));
}

static void
on_months_changed (ShkPresentation *self)
{
  try_number (self, "first-year-months", gtk_spin_button_get_value (self->months_spin));
}

/* ------------------------------------------------------------------ */
/* Actions                                                            */
/* ------------------------------------------------------------------ */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShkPresentation *self = SHK_PRESENTATION (widget);

  if (self->page + 1 < self->pages->len)
    shk_presentation_set_page (self, self->page + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ShkPresentation *self = SHK_PRESENTATION (widget);

  if (self->page > 0)
    shk_presentation_set_page (self, self->page - 1);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  shk_presentation_set_page (SHK_PRESENTATION (widget), 0);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  shk_presentation_set_page (SHK_PRESENTATION (widget), G_MAXUINT);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Ctrl+Z takes back the last figure tried; the document's own history
 * is the main window's business. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShkPresentation *self = SHK_PRESENTATION (widget);

  shk_trial_undo (self->trial);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ShkPresentation *self = SHK_PRESENTATION (widget);

  shk_trial_reset (self->trial);
  gtk_widget_grab_focus (GTK_WIDGET (self->chart));
}

void
shk_presentation_leave (ShkPresentation *self,
                        gboolean         keep)
{
  g_return_if_fail (SHK_IS_PRESENTATION (self));

  if (keep)
    shk_trial_keep (self->trial, shk_document_get_undo_stack (self->document));
  else
    shk_trial_reset (self->trial);
  self->leaving = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_leave_response (AdwMessageDialog *dialog,
                   const char       *response,
                   ShkPresentation  *self)
{
  if (g_str_equal (response, "cancel"))
    return;
  shk_presentation_leave (self, g_str_equal (response, "keep"));
}

/* Leaving with a trial asks what becomes of it; discarding is the
 * default, so that a meeting's guesses never slip into the plan. */
static gboolean
on_close_request (ShkPresentation *self)
{
  AdwMessageDialog *dialog;
  g_autofree char *changes = NULL;

  if (self->leaving || !shk_trial_is_active (self->trial))
    return FALSE;

  changes = shk_trial_dup_changes (self->trial, NULL);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Keep the What-If?"), changes));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Stay in the Presentation"),
                                    "keep", _("_Keep as an Edit"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  /* The last response takes the focus in libadwaita 1.2: Enter discards. */
  adw_message_dialog_set_default_response (dialog, "discard");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* The bar's text as large as the chart's axis text: the chart's unit for
 * the window's width and about four fifths of its height (the chart's
 * share). Computed from the window, not the chart, so that the bar
 * growing cannot change the size it is computed from; and in an idle, as
 * styles changed during a layout would only apply at the next one. */
/* One rule per text size, loaded once: switching the window's class
 * restyles it at once, which reloading a provider's rules mid-layout did
 * not reliably do. */
#define PROJECTOR_MIN_PX 12
#define PROJECTOR_MAX_PX 48

static char *
projector_css (void)
{
  GString *css = g_string_new (" window.presentation .trial-badge { font-weight: bold;"
                               " color: white; background: #c01c28; border-radius: 6px;"
                               " padding: 2px 12px; }\n");

  for (int px = PROJECTOR_MIN_PX; px <= PROJECTOR_MAX_PX; px++)
    g_string_append_printf (css,
                            "window.projector-%d .what-if-bar,"
                            " window.projector-%d .what-if-bar spinbutton,"
                            " window.projector-%d .what-if-bar label,"
                            " window.projector-%d .what-if-bar button,"
                            " window.projector-%d .presentation-controls,"
                            " window.projector-%d .presentation-controls label"
                            " { font-size: %dpx; }"
                            " window.projector-%d .presentation-controls button,"
                            " window.projector-%d .what-if-bar spinbutton button"
                            " { -gtk-icon-size: %dpx; }\n",
                            px, px, px, px, px, px, px, px, px, px);
  return g_string_free (css, FALSE);
}

static gboolean
update_css (gpointer user_data)
{
  ShkPresentation *self = user_data;
  ShkChartPalette palette;
  g_autofree char *old_class = NULL;
  g_autofree char *new_class = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int size;

  /* Before the window's own first allocation, the chart's size stands in
   * for it. */
  if (width <= 0 || height <= 0)
    {
      width = self->chart_width;
      height = (int) (self->chart_height / 0.8);
    }
  self->css_idle = 0;
  if (width <= 0 || height <= 0)
    return G_SOURCE_REMOVE;

  shk_chart_palette_init (&palette, SHK_CHART_STYLE_PRESENTATION);
  size = (int) round (shk_chart_unit (width, height * 0.8, &palette) * 0.8);
  size = CLAMP (size, PROJECTOR_MIN_PX, PROJECTOR_MAX_PX);
  if (size == self->css_size)
    return G_SOURCE_REMOVE;
  old_class = g_strdup_printf ("projector-%d", self->css_size);
  new_class = g_strdup_printf ("projector-%d", size);
  gtk_widget_remove_css_class (GTK_WIDGET (self), old_class);
  gtk_widget_add_css_class (GTK_WIDGET (self), new_class);
  self->css_size = size;
  g_debug ("Presentation text at %d px (%d × %d)", size, width, height);
  return G_SOURCE_REMOVE;
}

static void
on_chart_resize (ShkPresentation *self,
                 int              width,
                 int              height)
{
  self->chart_width = width;
  self->chart_height = height;
  if (self->css_idle == 0)
    self->css_idle = g_idle_add (update_css, self);
}

/* Page keys act unless a spin button of the what-if bar has the focus:
 * there the arrows change the value and space is text. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ShkPresentation       *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  const char *action = NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->what_if_revealer)))
    return keyval == GDK_KEY_Escape ? (gtk_widget_grab_focus (GTK_WIDGET (self->chart)), TRUE) : FALSE;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right: case GDK_KEY_Down: case GDK_KEY_Page_Down:
    case GDK_KEY_space: case GDK_KEY_KP_Page_Down: case GDK_KEY_Return:
      action = "presentation.next";
      break;
    case GDK_KEY_Left: case GDK_KEY_Up: case GDK_KEY_Page_Up:
    case GDK_KEY_BackSpace: case GDK_KEY_KP_Page_Up:
      action = "presentation.previous";
      break;
    case GDK_KEY_Home:
      action = "presentation.first";
      break;
    case GDK_KEY_End:
      action = "presentation.last";
      break;
    case GDK_KEY_Escape: case GDK_KEY_F5:
      action = "presentation.close";
      break;
    default:
      return FALSE;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
  return TRUE;
}

/* A click on the chart moves on, like a slide show. */
static void
on_chart_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  ShkPresentation *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  gtk_widget_grab_focus (GTK_WIDGET (self->chart));
  gtk_widget_activate_action (GTK_WIDGET (self),
                              button == GDK_BUTTON_SECONDARY ? "presentation.previous"
                                                             : "presentation.next",
                              NULL);
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
shk_presentation_dispose (GObject *object)
{
  ShkPresentation *self = SHK_PRESENTATION (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (shk_document_get_plan (self->document),
                                          on_plan_changed, self);
  if (self->trial != NULL)
    g_signal_handlers_disconnect_by_func (self->trial, update_page, self);
  if (self->css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->css));
  g_clear_handle_id (&self->css_idle, g_source_remove);
  g_clear_object (&self->css);
  g_clear_object (&self->trial);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_PRESENTATION);

  G_OBJECT_CLASS (shk_presentation_parent_class)->dispose (object);
}

static void
shk_presentation_finalize (GObject *object)
{
  ShkPresentation *self = SHK_PRESENTATION (object);

  g_clear_pointer (&self->pages, g_array_unref);

  G_OBJECT_CLASS (shk_presentation_parent_class)->finalize (object);
}

static void
shk_presentation_class_init (ShkPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_presentation_dispose;
  object_class->finalize = shk_presentation_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkPresentation, chart);
  gtk_widget_class_bind_template_child (widget_class, ShkPresentation, page_label);
  gtk_widget_class_bind_template_child (widget_class, ShkPresentation, what_if_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShkPresentation, rate_spin);
  gtk_widget_class_bind_template_child (widget_class, ShkPresentation, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, ShkPresentation, months_spin);
  gtk_widget_class_bind_template_child (widget_class, ShkPresentation, hours_note);
  gtk_widget_class_bind_template_child (widget_class, ShkPresentation, trial_box);
  gtk_widget_class_bind_template_child (widget_class, ShkPresentation, trial_label);
  gtk_widget_class_bind_template_callback (widget_class, on_rate_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_hours_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_months_changed);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "presentation.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "presentation.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "presentation.reset", NULL, reset_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "presentation.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "presentation.close", NULL);
}

static void
shk_presentation_init (ShkPresentation *self)
{
  GtkEventController *keys;
  GtkGesture *click;

  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_set_clear_func (self->pages, page_clear);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  g_signal_connect_swapped (self->chart, "resize", G_CALLBACK (on_chart_resize), self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);

  self->css = gtk_css_provider_new ();
  {
    g_autofree char *css = projector_css ();

    gtk_css_provider_load_from_data (self->css, css, -1);
  }
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_chart_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->chart), GTK_EVENT_CONTROLLER (click));
}

static guint
start_page (ShkPresentation      *self,
            ShkPresentationStart  start)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      const Page *page = &g_array_index (self->pages, Page, i);

      if ((start == SHK_PRESENTATION_START_PARETO && page->kind == PAGE_PARETO) ||
          (start == SHK_PRESENTATION_START_SCENARIOS && page->kind == PAGE_SCENARIO))
        return i;
    }
  return 0;
}

ShkPresentation *
shk_presentation_new (GtkWindow            *parent,
                      ShkDocument          *document,
                      ShkPresentationStart  start)
{
  ShkPresentation *self;

  g_return_val_if_fail (SHK_IS_DOCUMENT (document), NULL);

  self = g_object_new (SHK_TYPE_PRESENTATION,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->document = g_object_ref (document);
  self->trial = shk_trial_new (shk_document_get_plan (document));
  g_signal_connect_swapped (shk_document_get_plan (document), "changed",
                            G_CALLBACK (on_plan_changed), self);
  g_signal_connect_swapped (self->trial, "changed", G_CALLBACK (update_page), self);

  rebuild_pages (self);
  self->page = start_page (self, start);
  update_page (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->chart));
  return self;
}
