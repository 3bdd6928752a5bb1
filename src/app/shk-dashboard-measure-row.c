/* shk-dashboard-measure-row.c — a measure in the dashboard's lists
 *
 * Its number, name and bureau, then either the rate and the grade it
 * gave (the lists of measures fully achieved and lagging) or the grade
 * the figures give against the office's (the departures). Both layouts
 * are in the template; a row shows the one it is bound for. Rows are made
 * by the dashboard's list views for the measures on screen only, and are
 * bound again and again as the lists scroll, so binding resets everything
 * an earlier binding set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-dashboard-measure-row.h"

struct _ShkDashboardMeasureRow
{
  GtkWidget     parent_instance;

  ShkPlan       *plan;
  ShkMeasure    *measure;
  ShkEvaluation *evaluation;
  gboolean       departure;

  /* template children */
  GtkLabel     *number_label;
  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  GtkLabel     *rate_label;
  GtkWidget    *grade_badge;
  GtkWidget    *departure_box;
  GtkWidget    *computed_badge;
  GtkLabel     *departure_rate_label;
  GtkWidget    *manual_badge;
};

G_DEFINE_FINAL_TYPE (ShkDashboardMeasureRow, shk_dashboard_measure_row, GTK_TYPE_WIDGET)

static const char *
grade_css_class (ShkGrade grade)
{
  switch (grade)
    {
    case SHK_GRADE_ACHIEVED:
      return "grade-achieved";
    case SHK_GRADE_MOSTLY:
      return "grade-mostly";
    case SHK_GRADE_LAGGING:
      return "grade-lagging";
    case SHK_GRADE_PENDING:
      return "grade-pending";
    case SHK_GRADE_NONE:
    default:
      return "grade-none";
    }
}

/* GTK 4.8 asks the X server where the pointer is whenever the tooltip of
 * a visible widget is set, even to the one it has: a round trip per call,
 * two per row before the first frame. A row bound again keeps its. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

/* A grade symbol in its colour, the way the measures table shows it. */
void
shk_grade_badge_show (GtkWidget *label,
                      ShkGrade   grade)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  /* A badge in a recycled row may have shown another grade. */
  for (guint g = 0; g < SHK_N_GRADES; g++)
    gtk_widget_remove_css_class (label, grade_css_class ((ShkGrade) g));
  gtk_label_set_text (GTK_LABEL (label), shk_grade_to_symbol (grade));
  gtk_widget_add_css_class (label, "grade");
  gtk_widget_add_css_class (label, grade_css_class (grade));
  set_tooltip (label, shk_grade_get_label (grade));
}

/* The rate that gave the grade, or why there is none. */
static void
show_rate (GtkLabel           *label,
           const ShkGradeInfo *info)
{
  g_autofree char *text = NULL;

  if (info->has_rate)
    {
      text = g_strdup_printf ("%.1f%%", info->rate * 100.0);
      gtk_label_set_text (label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
      set_tooltip (GTK_WIDGET (label), NULL);
      return;
    }

  gtk_label_set_text (label, _("Judged"));
  gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  set_tooltip (GTK_WIDGET (label), _("No figures to compute a rate from: the office judged the grade"));
}

static void
show_measure (ShkDashboardMeasureRow *self,
              ShkMeasure             *measure)
{
  g_autofree char *number = g_strdup_printf (_("No.%u"), shk_measure_get_number (measure));
  const char *bureau = shk_measure_get_bureau (measure);
  const char *section = shk_measure_get_section (measure);
  g_autofree char *where = NULL;

  gtk_label_set_text (self->number_label, number);
  gtk_label_set_text (self->title_label, shk_measure_get_name (measure));
  if (*bureau != '\0' && *section != '\0')
    where = g_strdup_printf ("%s %s", bureau, section);
  else
    where = g_strdup (*section != '\0' ? section : bureau);
  gtk_label_set_text (self->subtitle_label, where);
}

static void
show_graded (ShkDashboardMeasureRow *self,
             const ShkGradeInfo     *info)
{
  show_measure (self, self->measure);
  gtk_label_set_lines (self->subtitle_label, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->rate_label), TRUE);
  gtk_widget_set_visible (self->grade_badge, TRUE);
  gtk_widget_set_visible (self->departure_box, FALSE);
  show_rate (self->rate_label, info);
  shk_grade_badge_show (self->grade_badge, info->effective);
}

static void
show_departure (ShkDashboardMeasureRow *self,
                const ShkGradeInfo     *info)
{
  const char *reason = info->reason;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;

  show_measure (self, self->measure);
  subtitle = g_strdup_printf ("%s — %s", shk_evaluation_get_id (self->evaluation),
                              reason != NULL && *reason != '\0' ? reason : _("No reason given"));
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_label_set_lines (self->subtitle_label, 3);

  gtk_widget_set_visible (GTK_WIDGET (self->rate_label), FALSE);
  gtk_widget_set_visible (self->grade_badge, FALSE);
  gtk_widget_set_visible (self->departure_box, TRUE);
  shk_grade_badge_show (self->computed_badge, info->computed);
  show_rate (self->departure_rate_label, info);
  shk_grade_badge_show (self->manual_badge, info->manual);

  accessible = g_strdup_printf (_("Computed %s, office grade %s"),
                                shk_grade_get_label (info->computed),
                                shk_grade_get_label (info->manual));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->departure_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* Grades the one measure again: only rows on screen are bound, so this
 * is a handful of measures per edit whatever the plan's size. */
static void
refresh (ShkDashboardMeasureRow *self)
{
  ShkGradeInfo info;

  shk_plan_grade_measure (self->plan, self->measure, self->evaluation, &info);
  if (self->departure)
    show_departure (self, &info);
  else
    show_graded (self, &info);
}

GtkWidget *
shk_dashboard_measure_row_new (void)
{
  return g_object_new (SHK_TYPE_DASHBOARD_MEASURE_ROW, NULL);
}

void
shk_dashboard_measure_row_bind (ShkDashboardMeasureRow *self,
                                ShkPlan                *plan,
                                ShkMeasure             *measure,
                                ShkEvaluation          *evaluation,
                                gboolean                departure)
{
  g_return_if_fail (SHK_IS_DASHBOARD_MEASURE_ROW (self));
  g_return_if_fail (SHK_IS_PLAN (plan));
  g_return_if_fail (SHK_IS_MEASURE (measure));
  g_return_if_fail (SHK_IS_EVALUATION (evaluation));

  shk_dashboard_measure_row_unbind (self);
  self->plan = g_object_ref (plan);
  self->measure = g_object_ref (measure);
  self->evaluation = g_object_ref (evaluation);
  self->departure = departure;
  g_signal_connect_swapped (measure, "changed", G_CALLBACK (refresh), self);
  refresh (self);
}

void
shk_dashboard_measure_row_unbind (ShkDashboardMeasureRow *self)
{
  g_return_if_fail (SHK_IS_DASHBOARD_MEASURE_ROW (self));

  if (self->measure != NULL)
    g_signal_handlers_disconnect_by_func (self->measure, refresh, self);
  g_clear_object (&self->measure);
  g_clear_object (&self->evaluation);
  g_clear_object (&self->plan);
}

ShkMeasure *
shk_dashboard_measure_row_get_measure (ShkDashboardMeasureRow *self)
{
  g_return_val_if_fail (SHK_IS_DASHBOARD_MEASURE_ROW (self), NULL);

  return self->measure;
}

static void
shk_dashboard_measure_row_dispose (GObject *object)
{
  ShkDashboardMeasureRow *self = SHK_DASHBOARD_MEASURE_ROW (object);

  shk_dashboard_measure_row_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_DASHBOARD_MEASURE_ROW);
  /* The row's direct children are its template's top level, not all of
   * them bound. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL; )
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (shk_dashboard_measure_row_parent_class)->dispose (object);
}

static void
shk_dashboard_measure_row_class_init (ShkDashboardMeasureRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_dashboard_measure_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-dashboard-measure-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkDashboardMeasureRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboardMeasureRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboardMeasureRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboardMeasureRow, rate_label);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboardMeasureRow, grade_badge);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboardMeasureRow, departure_box);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboardMeasureRow, computed_badge);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboardMeasureRow, departure_rate_label);
  gtk_widget_class_bind_template_child (widget_class, ShkDashboardMeasureRow, manual_badge);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "measurerow");
}

static void
shk_dashboard_measure_row_init (ShkDashboardMeasureRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);
}
