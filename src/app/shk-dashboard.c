/* shk-dashboard.c — the progress dashboard: the grade summary at a glance
 *
 * What the committee handouts show on their first pages, computed from the
 * plan: the grade counts per evaluation as a chart and a table, the
 * measures fully achieved and lagging in the evaluation being reported,
 * and the measures whose manual grade departs from the figures.
 *
 * The counts and lists come from a ShkGradeIndex, which re-grades only the
 * measure an edit touched; the lists are its GListModels shown by list
 * views, which make rows for the measures on screen only, so an edit
 * costs the same on a plan of 60 measures and of 100,000. An edit can
 * emit many "changed" signals (a pasted column, an undone group), so they
 * are coalesced into one refresh in an idle that runs before the next
 * frame, and a hidden dashboard does nothing until it is shown again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "shk-drop-down-a11y.h"
#include "shk-chart-view.h"
#include "shk-dashboard-private.h"
#include "shk-dashboard-measure-row.h"
#include "shk-grade-index.h"
#include "shk-grade-table.h"
#include "shk-summary-chart.h"

/* Before GTK lays out and draws the frame (GDK_PRIORITY_REDRAW is
 * G_PRIORITY_HIGH_IDLE + 20), so a change never shows stale numbers. */
#define RECOMPUTE_PRIORITY (G_PRIORITY_HIGH_IDLE + 10)

struct _ShkDashboard
{
  GtkWidget      parent_instance;

  ShkDocument   *document;
  ShkPlan       *plan;
  ShkGradeIndex *index;
  const ShkSummary *summary;         /* the index's */
  guint          recompute_idle;
  gboolean       dirty;              /* changed while hidden */
  ShkEvaluation *list_evaluation;    /* what the ◎/△ lists show */

  GStrv          evaluation_ids;     /* the dropdown's items, in order */
  char          *evaluation_id;      /* chosen, or NULL for the last one */
  gboolean       updating_dropdown;
  guint          list_lengths[SHK_N_GRADES];

  /* The lists, held back while a dashboard is first shown */
  gboolean       lists_held;
  GdkFrameClock *clock;
  gulong         layout_handler;
  gulong         paint_handler;
  guint          release_idle;

  /* template children */
  GtkStack      *stack;
  GtkWidget     *scroller;
  GtkWidget     *summary_group;
  GtkWidget     *lists_box;
  GtkLabel      *plan_title_label;
  GtkLabel      *plan_subtitle_label;
  GtkDropDown   *evaluation_dropdown;
  ShkChartView  *chart;
  ShkGradeTable *summary_table;
  AdwPreferencesGroup *achieved_group;
  AdwPreferencesGroup *lagging_group;
  AdwPreferencesGroup *departures_group;
  GtkListView   *achieved_list;
  GtkListView   *lagging_list;
  GtkListView   *departures_list;
  GtkWidget     *achieved_scroller;
  GtkWidget     *lagging_scroller;
  GtkWidget     *departures_scroller;
  GtkLabel      *achieved_placeholder;
  GtkLabel      *lagging_placeholder;
  GtkLabel      *departures_placeholder;
  GtkToggleButton *achieved_more;
  GtkToggleButton *lagging_more;
  GtkToggleButton *departures_more;
};

G_DEFINE_FINAL_TYPE (ShkDashboard, shk_dashboard, GTK_TYPE_WIDGET)

static ShkEvaluation *
chosen_evaluation (ShkDashboard *self)
{
  GListModel *evaluations = shk_plan_get_evaluations (self->plan);
  guint n = g_list_model_get_n_items (evaluations);
  ShkEvaluation *evaluation = NULL;

  if (self->evaluation_id != NULL)
    evaluation = shk_plan_find_evaluation (self->plan, self->evaluation_id);
  if (evaluation == NULL && n > 0)
    {
      g_autoptr(ShkEvaluation) last = g_list_model_get_item (evaluations, n - 1);
      evaluation = last;   /* the plan keeps it alive */
    }
  return evaluation;
}

/* ------------------------------------------------------------------ */
/* Header and evaluation choice                                       */
/* ------------------------------------------------------------------ */

static void
update_header (ShkDashboard *self)
{
  const char *title = shk_plan_get_title (self->plan);
  const char *organisation = shk_plan_get_organisation (self->plan);
  const char *reporting = shk_plan_get_reporting_year (self->plan);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  guint n_measures = g_list_model_get_n_items (shk_plan_get_measures (self->plan));

  gtk_label_set_text (self->plan_title_label,
                      title != NULL && *title != '\0' ? title : _("Untitled Plan"));

  if (organisation != NULL && *organisation != '\0')
    g_string_append (subtitle, organisation);
  if (reporting != NULL && *reporting != '\0')
    {
      ShkFiscalYear *year = shk_plan_find_fiscal_year (self->plan, reporting);

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("Figures reported up to %s"),
                              year != NULL ? shk_fiscal_year_get_label (year) : reporting);
    }
  if (subtitle->len > 0)
    g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle,
                          g_dngettext (GETTEXT_PACKAGE, "%u measure", "%u measures", n_measures),
                          n_measures);
  gtk_label_set_text (self->plan_subtitle_label, subtitle->str);
}

/* Rebuilds the dropdown only when the plan's evaluations changed, so a
 * recompute never resets what the user picked. */
static void
update_evaluation_choice (ShkDashboard *self)
{
  GListModel *evaluations = shk_plan_get_evaluations (self->plan);
  guint n = g_list_model_get_n_items (evaluations);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  g_auto(GStrv) ids = NULL;
  ShkEvaluation *chosen;
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkEvaluation) evaluation = g_list_model_get_item (evaluations, i);
      const char *label = shk_evaluation_get_label (evaluation);
      g_autofree char *text = NULL;

      g_strv_builder_add (builder, shk_evaluation_get_id (evaluation));
      if (label != NULL && *label != '\0')
        text = g_strdup_printf ("%s %s", shk_evaluation_get_id (evaluation), label);
      else
        text = g_strdup (shk_evaluation_get_id (evaluation));
      gtk_string_list_append (items, text);
    }
  ids = g_strv_builder_end (builder);

  chosen = chosen_evaluation (self);
  if (chosen != NULL)
    {
      for (guint i = 0; ids[i] != NULL; i++)
        if (g_str_equal (ids[i], shk_evaluation_get_id (chosen)))
          selected = i;
    }

  self->updating_dropdown = TRUE;
  if (self->evaluation_ids == NULL || !g_strv_equal ((const char * const *) ids,
                                                     (const char * const *) self->evaluation_ids))
    {
      g_strfreev (self->evaluation_ids);
      self->evaluation_ids = g_steal_pointer (&ids);
      gtk_drop_down_set_model (self->evaluation_dropdown, G_LIST_MODEL (items));
    }
  gtk_drop_down_set_selected (self->evaluation_dropdown, selected);
  self->updating_dropdown = FALSE;
}

/* ------------------------------------------------------------------ */
/* Lists of measures                                                  */
/* ------------------------------------------------------------------ */

/* A list shows the first PREVIEW_ROWS of its model until 「すべて表示」:
 * GTK 4.8's list view keeps up to 200 rows alive however few are on
 * screen, and three lists of 200 rows would cost seconds to build. */
#define PREVIEW_ROWS 12

static GtkSliceListModel *
list_slice (GtkListView *list)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (list);

  return GTK_SLICE_LIST_MODEL (gtk_no_selection_get_model (GTK_NO_SELECTION (selection)));
}

/* The whole list, of which the view shows a slice. */
static GListModel *
list_model (GtkListView *list)
{
  return gtk_slice_list_model_get_model (list_slice (list));
}

static void on_list_items_changed (ShkDashboard *self);

/* Shows @model unless it already does: a list view given a new model
 * drops and remakes its rows. The counts follow the whole model. */
static void
show_model (ShkDashboard *self,
            GtkListView  *list,
            GListModel   *model)
{
  GListModel *old = list_model (list);

  if (old == model)
    return;
  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, on_list_items_changed, self);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (on_list_items_changed),
                             self, G_CONNECT_SWAPPED);
  /* A list view makes its rows as soon as it has items. */
  if (self->lists_held)
    gtk_slice_list_model_set_size (list_slice (list), 0);
  gtk_slice_list_model_set_model (list_slice (list), model);
}

/* The toggle under a list: everything, or the preview again. Lists held
 * back (hold_lists()) have an empty slice. Returns how many rows the
 * list shows once released. */
static guint
update_more_button (ShkDashboard    *self,
                    GtkListView     *list,
                    GtkToggleButton *button,
                    guint            n)
{
  gboolean all = gtk_toggle_button_get_active (button);
  g_autofree char *label = NULL;

  gtk_slice_list_model_set_size (list_slice (list),
                                 self->lists_held ? 0 : all ? G_MAXUINT : PREVIEW_ROWS);
  if (all)
    label = g_strdup (_("Show Fewer"));
  else
    /* TRANSLATORS: %u is the number of measures in the list. */
    label = g_strdup_printf (_("Show All (%u)"), n);
  gtk_button_set_label (GTK_BUTTON (button), label);
  gtk_widget_set_visible (GTK_WIDGET (button), n > PREVIEW_ROWS);
  return all ? n : MIN (n, PREVIEW_ROWS);
}

/* GTK 4.8's list view asks for the height of the rows it has made, and
 * makes rows only for the height it was given: left to itself, a list in
 * a scroller sized to its content shows one row. So the scroller asks for
 * about the height of the list's rows, up to the cap, from the count. */
#define LIST_MAX_HEIGHT      540
#define GRADED_ROW_HEIGHT     58
#define DEPARTURE_ROW_HEIGHT  74

static void
size_scroller (GtkWidget *scroller,
               guint      n_rows,
               int        row_height)
{
  int height = (int) MIN ((guint64) n_rows * (guint64) row_height, (guint64) LIST_MAX_HEIGHT);

  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), LIST_MAX_HEIGHT);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), height);
}

/* The group's title, count and placeholder follow the list's length. */
static guint
describe_grade_list (ShkDashboard        *self,
                     ShkGrade             grade,
                     GtkListView         *list,
                     GtkWidget           *scroller,
                     GtkLabel            *placeholder,
                     GtkToggleButton     *more,
                     AdwPreferencesGroup *group)
{
  GListModel *model = list_model (list);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  const char *id = self->list_evaluation != NULL ? shk_evaluation_get_id (self->list_evaluation) : "";
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  /* TRANSLATORS: the first %s is a grade symbol (◎ or △), the second an
   * evaluation such as R2/R3. */
  if (grade == SHK_GRADE_ACHIEVED)
    title = g_strdup_printf (_("Fully Achieved (%s) in %s"), shk_grade_to_symbol (grade), id);
  else
    title = g_strdup_printf (_("Lagging (%s) in %s"), shk_grade_to_symbol (grade), id);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u measure counted in the summary",
                                              "%u measures counted in the summary",
                                              n),
                                 n);
  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, description);
  /* The flow box wraps the group in a cell that GTK 4.8 would name
   * "GtkFlowBoxChild" to a screen reader: it is named as the group. */
  if (GTK_IS_FLOW_BOX_CHILD (gtk_widget_get_parent (GTK_WIDGET (group))))
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (group))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_label_set_text (placeholder, _("None"));
  size_scroller (scroller, update_more_button (self, list, more, n), GRADED_ROW_HEIGHT);
  gtk_widget_set_visible (scroller, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (placeholder), n == 0);
  return n;
}

static guint
describe_departures (ShkDashboard *self)
{
  GListModel *model = list_model (self->departures_list);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  g_autofree char *description = NULL;

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u grade where the office’s judgement differs from what the figures compute",
                                              "%u grades where the office’s judgement differs from what the figures compute",
                                              n),
                                 n);
  adw_preferences_group_set_description (self->departures_group, description);
  gtk_label_set_text (self->departures_placeholder,
                      _("Every manual grade agrees with the figures"));
  size_scroller (self->departures_scroller,
                 update_more_button (self, self->departures_list, self->departures_more, n),
                 DEPARTURE_ROW_HEIGHT);
  gtk_widget_set_visible (self->departures_scroller, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->departures_placeholder), n == 0);
  return n;
}

static void
describe_lists (ShkDashboard *self)
{
  self->list_lengths[SHK_GRADE_ACHIEVED] =
    describe_grade_list (self, SHK_GRADE_ACHIEVED, self->achieved_list, self->achieved_scroller,
                         self->achieved_placeholder, self->achieved_more, self->achieved_group);
  self->list_lengths[SHK_GRADE_LAGGING] =
    describe_grade_list (self, SHK_GRADE_LAGGING, self->lagging_list, self->lagging_scroller,
                         self->lagging_placeholder, self->lagging_more, self->lagging_group);
  self->list_lengths[SHK_GRADE_NONE] = describe_departures (self);
}

static guint
evaluation_position (ShkDashboard  *self,
                     ShkEvaluation *evaluation)
{
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint e = 0; e < self->summary->n_columns; e++)
    if (self->summary->columns[e].evaluation == evaluation)
      position = e;
  return position;
}

static void
update_lists (ShkDashboard *self)
{
  ShkEvaluation *evaluation = chosen_evaluation (self);
  guint e = evaluation != NULL ? evaluation_position (self, evaluation) : GTK_INVALID_LIST_POSITION;

  if (e == GTK_INVALID_LIST_POSITION)
    return;

  /* Rows bound to another evaluation are remade by a new model. */
  if (self->list_evaluation != evaluation)
    {
      show_model (self, self->achieved_list, NULL);
      show_model (self, self->lagging_list, NULL);
      show_model (self, self->departures_list, NULL);
      g_set_object (&self->list_evaluation, evaluation);
    }
  show_model (self, self->achieved_list,
              shk_grade_index_get_measures_with_grade (self->index, e, SHK_GRADE_ACHIEVED));
  show_model (self, self->lagging_list,
              shk_grade_index_get_measures_with_grade (self->index, e, SHK_GRADE_LAGGING));
  /* The departures of the same evaluation: a measure departs at most
   * once in it, and a list view must not hold one item twice. */
  show_model (self, self->departures_list, shk_grade_index_get_departures (self->index, e));
  describe_lists (self);
}

static void
on_list_items_changed (ShkDashboard *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  if (self->summary == NULL || self->summary->n_columns == 0)
    return;
  describe_lists (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, shk_dashboard_measure_row_new ());
}

static void
bind_graded_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 ShkDashboard             *self)
{
  shk_dashboard_measure_row_bind (SHK_DASHBOARD_MEASURE_ROW (gtk_list_item_get_child (item)),
                                  self->plan, gtk_list_item_get_item (item),
                                  self->list_evaluation, FALSE);
}

static void
bind_departure_row (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    ShkDashboard             *self)
{
  shk_dashboard_measure_row_bind (SHK_DASHBOARD_MEASURE_ROW (gtk_list_item_get_child (item)),
                                  self->plan, gtk_list_item_get_item (item),
                                  self->list_evaluation, TRUE);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  shk_dashboard_measure_row_unbind (SHK_DASHBOARD_MEASURE_ROW (gtk_list_item_get_child (item)));
}

static void
set_up_list (ShkDashboard *self,
             GtkListView  *list,
             GCallback     bind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", bind, self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (list, factory);
  selection = gtk_no_selection_new (G_LIST_MODEL (gtk_slice_list_model_new (NULL, 0, PREVIEW_ROWS)));
  gtk_list_view_set_model (list, GTK_SELECTION_MODEL (selection));
}

/* ------------------------------------------------------------------ */
/* Lists held back while the dashboard is first shown                 */
/* ------------------------------------------------------------------ */

/* The lists below the summary are most of the text a dashboard shapes
 * and lays out (their rows, and a flow box that measures its groups'
 * wrapping labels again for every width it tries): a quarter of a cold
 * start's instructions (issue #17). A dashboard built to be shown (the
 * window's first view) makes them at once only when its first frame
 * shows them; otherwise right after that frame, before anyone could
 * scroll to them. Meanwhile the lists' groups are hidden and their list
 * views have no rows (update_more_button()). */

static void
hold_lists (ShkDashboard *self)
{
  self->lists_held = TRUE;
  gtk_widget_set_visible (self->lists_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->departures_group), FALSE);
}

static void
stop_watching_frames (ShkDashboard *self)
{
  if (self->clock != NULL)
    {
      g_clear_signal_handler (&self->layout_handler, self->clock);
      g_clear_signal_handler (&self->paint_handler, self->clock);
      g_clear_object (&self->clock);
    }
  g_clear_handle_id (&self->release_idle, g_source_remove);
}

static void
release_lists (ShkDashboard *self)
{
  if (!self->lists_held)
    return;
  self->lists_held = FALSE;
  stop_watching_frames (self);
  gtk_widget_set_visible (self->lists_box, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->departures_group), TRUE);
  on_list_items_changed (self);
}

/* After GTK laid the window out and before it draws it: lists shown now
 * make GDK lay the window out again before it draws. They would be on
 * screen if they began, below the summary, above the bottom of the page. */
static void
on_layout (GdkFrameClock *clock,
           ShkDashboard  *self)
{
  int spacing = gtk_box_get_spacing (GTK_BOX (gtk_widget_get_parent (self->lists_box)));
  graphene_rect_t bounds;

  if (gtk_widget_get_mapped (self->summary_group) &&
      gtk_widget_compute_bounds (self->summary_group, self->scroller, &bounds) &&
      bounds.origin.y + bounds.size.height + spacing < gtk_widget_get_height (self->scroller))
    release_lists (self);
}

static gboolean
release_lists_idle_cb (gpointer user_data)
{
  ShkDashboard *self = user_data;

  self->release_idle = 0;
  release_lists (self);
  return G_SOURCE_REMOVE;
}

static void
on_first_paint (GdkFrameClock *clock,
                ShkDashboard  *self)
{
  g_clear_signal_handler (&self->paint_handler, clock);
  if (self->release_idle == 0)
    self->release_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, release_lists_idle_cb,
                                          self, NULL);
}

static void
watch_frames (ShkDashboard *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (!self->lists_held || self->clock != NULL || clock == NULL)
    return;
  self->clock = g_object_ref (clock);
  self->layout_handler = g_signal_connect_after (clock, "layout", G_CALLBACK (on_layout), self);
  self->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_paint), self);
}

static void
on_more_toggled (ShkDashboard *self)
{
  if (self->lists_held)
    release_lists (self);
  else
    on_list_items_changed (self);
}

/* ------------------------------------------------------------------ */
/* The chart                                                          */
/* ------------------------------------------------------------------ */

static void
draw_chart (cairo_t       *cr,
            double         width,
            double         height,
            ShkChartStyle  style,
            gpointer       user_data)
{
  ShkDashboard *self = user_data;
  ShkSummaryChart chart = { style, NULL, self->summary };

  if (self->summary == NULL)
    return;
  shk_summary_chart_draw (cr, width, height, &chart);
}

static void
update_chart (ShkDashboard *self)
{
  ShkSummaryChart chart = { SHK_CHART_STYLE_LIGHT, NULL, self->summary };
  g_autofree char *description = shk_summary_chart_describe (&chart);

  shk_chart_view_set_description (self->chart, description);
  shk_chart_view_redraw (self->chart);
}

/* ------------------------------------------------------------------ */

static void
recompute (ShkDashboard *self)
{
  g_clear_handle_id (&self->recompute_idle, g_source_remove);
  self->dirty = FALSE;
  self->summary = NULL;
  memset (self->list_lengths, 0, sizeof self->list_lengths);

  if (self->plan == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* Grading every measure waits for the dashboard to be shown: a plan
   * opened on another view does not pay for it (100,000 measures). */
  if (self->index == NULL)
    self->index = shk_grade_index_new (self->plan);
  self->summary = shk_grade_index_get_summary (self->index);
  update_header (self);
  update_evaluation_choice (self);

  if (self->summary->n_columns == 0)
    {
      shk_grade_table_set_summary (self->summary_table, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "summary");
  shk_grade_table_set_summary (self->summary_table, self->summary);
  update_chart (self);
  update_lists (self);
}

static gboolean
recompute_idle_cb (gpointer user_data)
{
  ShkDashboard *self = user_data;

  self->recompute_idle = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

/* A hidden dashboard only notes the change; map() catches up. */
static void
on_plan_changed (ShkDashboard *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  if (self->recompute_idle == 0)
    self->recompute_idle = g_idle_add_full (RECOMPUTE_PRIORITY, recompute_idle_cb, self, NULL);
}

static void
shk_dashboard_map (GtkWidget *widget)
{
  ShkDashboard *self = SHK_DASHBOARD (widget);

  /* Before the first frame that shows it. */
  if (self->dirty)
    recompute (self);
  GTK_WIDGET_CLASS (shk_dashboard_parent_class)->map (widget);
  watch_frames (self);
}

static void
shk_dashboard_unmap (GtkWidget *widget)
{
  /* Lists still held wait for the dashboard to be shown again. */
  stop_watching_frames (SHK_DASHBOARD (widget));
  GTK_WIDGET_CLASS (shk_dashboard_parent_class)->unmap (widget);
}

static void
on_evaluation_selected (ShkDashboard *self)
{
  guint selected = gtk_drop_down_get_selected (self->evaluation_dropdown);

  if (self->updating_dropdown || self->evaluation_ids == NULL ||
      selected >= g_strv_length (self->evaluation_ids))
    return;

  shk_dashboard_set_evaluation (self, self->evaluation_ids[selected]);
}

static void
on_export_clicked (ShkDashboard *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->chart), "chart.export", NULL);
}

static void
drop_document (ShkDashboard *self)
{
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  if (self->index != NULL)
    g_signal_handlers_disconnect_by_data (self->index, self);
  show_model (self, self->achieved_list, NULL);
  show_model (self, self->lagging_list, NULL);
  show_model (self, self->departures_list, NULL);
  g_clear_object (&self->list_evaluation);
  self->summary = NULL;
  g_clear_object (&self->index);
  g_clear_object (&self->plan);
  g_clear_object (&self->document);
  g_clear_pointer (&self->evaluation_id, g_free);
}

static void
shk_dashboard_dispose (GObject *object)
{
  ShkDashboard *self = SHK_DASHBOARD (object);

  g_clear_handle_id (&self->recompute_idle, g_source_remove);
  stop_watching_frames (self);
  drop_document (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_DASHBOARD);

  G_OBJECT_CLASS (shk_dashboard_parent_class)->dispose (object);
}

static void
shk_dashboard_finalize (GObject *object)
{
  ShkDashboard *self = SHK_DASHBOARD (object);

  g_clear_pointer (&self->evaluation_ids, g_strfreev);
  g_clear_pointer (&self->evaluation_id, g_free);

  G_OBJECT_CLASS (shk_dashboard_parent_class)->finalize (object);
}

static void
shk_dashboard_class_init (ShkDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_dashboard_dispose;
  object_class->finalize = shk_dashboard_finalize;
  widget_class->map = shk_dashboard_map;
  widget_class->unmap = shk_dashboard_unmap;

  g_type_ensure (SHK_TYPE_CHART_VIEW);
  g_type_ensure (SHK_TYPE_GRADE_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, stack);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, scroller);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, summary_group);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, lists_box);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, plan_title_label);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, plan_subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, evaluation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, chart);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, summary_table);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, achieved_group);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, lagging_group);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, departures_group);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, achieved_list);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, lagging_list);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, departures_list);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, achieved_scroller);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, lagging_scroller);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, departures_scroller);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, achieved_placeholder);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, lagging_placeholder);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, departures_placeholder);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, achieved_more);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, lagging_more);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboard, departures_more);
  gtk_widget_class_bind_template_callback (widget_class, on_more_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_evaluation_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dashboard");
}

static void
shk_dashboard_init (ShkDashboard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_up_list (self, self->achieved_list, G_CALLBACK (bind_graded_row));
  set_up_list (self, self->lagging_list, G_CALLBACK (bind_graded_row));
  set_up_list (self, self->departures_list, G_CALLBACK (bind_departure_row));
  shk_drop_down_a11y_follow (self->evaluation_dropdown, _("Evaluation"));

  shk_chart_view_set_draw_func (self->chart, draw_chart, self, NULL);
  /* TRANSLATORS: the suggested file name of an exported summary chart. */
  shk_chart_view_set_export_name (self->chart, _("grade-summary"));
  shk_chart_view_set_export_title (self->chart, _("Progress of the plan’s measures"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Grade summary chart"),
                                  -1);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
shk_dashboard_new (void)
{
  return g_object_new (SHK_TYPE_DASHBOARD, NULL);
}

void
shk_dashboard_set_document (ShkDashboard *self,
                            ShkDocument  *document)
{
  g_return_if_fail (SHK_IS_DASHBOARD (self));
  g_return_if_fail (document == NULL || SHK_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  drop_document (self);
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->plan = g_object_ref (shk_document_get_plan (document));
      g_signal_connect_swapped (self->plan, "changed", G_CALLBACK (on_plan_changed), self);
    }

  /* A newly opened plan shows at once, and so does the first plan of a
   * dashboard never shown yet (not realized: the window builds it to show
   * it, and lays it out once, with its figures, instead of again after
   * map(); the lists may wait for that first frame, see hold_lists());
   * a hidden dashboard waits for map(). */
  if (!gtk_widget_get_realized (GTK_WIDGET (self)) && document != NULL)
    hold_lists (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || !gtk_widget_get_realized (GTK_WIDGET (self)) ||
      document == NULL)
    recompute (self);
  else
    self->dirty = TRUE;
}

const char *
shk_dashboard_get_evaluation (ShkDashboard *self)
{
  ShkEvaluation *evaluation;

  g_return_val_if_fail (SHK_IS_DASHBOARD (self), NULL);

  if (self->plan == NULL)
    return NULL;
  evaluation = chosen_evaluation (self);
  return evaluation != NULL ? shk_evaluation_get_id (evaluation) : NULL;
}

void
shk_dashboard_set_evaluation (ShkDashboard *self,
                              const char   *evaluation_id)
{
  g_return_if_fail (SHK_IS_DASHBOARD (self));

  if (g_strcmp0 (self->evaluation_id, evaluation_id) == 0)
    return;
  g_free (self->evaluation_id);
  self->evaluation_id = g_strdup (evaluation_id);

  if (self->plan != NULL && self->summary != NULL && self->summary->n_columns > 0)
    {
      update_evaluation_choice (self);
      update_lists (self);
    }
}

const ShkSummary *
shk_dashboard_get_summary (ShkDashboard *self)
{
  g_return_val_if_fail (SHK_IS_DASHBOARD (self), NULL);

  return self->summary;
}

char *
shk_dashboard_dup_count_text (ShkDashboard *self,
                              const char   *evaluation_id,
                              ShkGrade      grade)
{
  g_return_val_if_fail (SHK_IS_DASHBOARD (self), NULL);

  return shk_grade_table_dup_count_text (self->summary_table, evaluation_id, grade);
}

guint
shk_dashboard_get_list_length (ShkDashboard *self,
                               ShkGrade      grade)
{
  g_return_val_if_fail (SHK_IS_DASHBOARD (self), 0);
  g_return_val_if_fail (grade < SHK_N_GRADES, 0);

  return self->list_lengths[grade];
}

const char *
shk_dashboard_get_chart_description (ShkDashboard *self)
{
  g_return_val_if_fail (SHK_IS_DASHBOARD (self), NULL);

  return shk_chart_view_get_description (self->chart);
}

static GtkListView *
list_for_grade (ShkDashboard *self,
                ShkGrade      grade)
{
  switch (grade)
    {
    case SHK_GRADE_ACHIEVED:
      return self->achieved_list;
    case SHK_GRADE_LAGGING:
      return self->lagging_list;
    case SHK_GRADE_NONE:
      return self->departures_list;
    case SHK_GRADE_MOSTLY:
    case SHK_GRADE_PENDING:
    default:
      return NULL;
    }
}

GListModel *
shk_dashboard_get_list_model (ShkDashboard *self,
                              ShkGrade      grade)
{
  GtkListView *list;

  g_return_val_if_fail (SHK_IS_DASHBOARD (self), NULL);

  list = list_for_grade (self, grade);
  return list != NULL ? list_model (list) : NULL;
}

guint
shk_dashboard_count_rows (ShkDashboard *self,
                          ShkGrade      grade)
{
  GtkListView *list;
  guint n = 0;

  g_return_val_if_fail (SHK_IS_DASHBOARD (self), 0);

  list = list_for_grade (self, grade);
  g_return_val_if_fail (list != NULL, 0);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_first_child (child) != NULL &&
        SHK_IS_DASHBOARD_MEASURE_ROW (gtk_widget_get_first_child (child)))
      n++;
  return n;
}
