/* shk-grade-cell.c — a measure's grade in one evaluation, in the table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-grade-cell.h"
#include "shk-rules.h"

struct _ShkGradeCell
{
  GtkWidget         parent_instance;

  ShkMeasureColumn *column;
  ShkMeasure       *measure;
  gulong            changed_id;
  char             *choice;     /* "computed" or the manual grade's key */
  char             *tooltip;    /* shown when asked for, see on_query_tooltip */

  /* template children */
  GtkMenuButton    *button;
  GtkLabel         *symbol;
  GtkLabel         *computed;
};

G_DEFINE_FINAL_TYPE (ShkGradeCell, shk_grade_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLUMN,
  PROP_MEASURE,
  PROP_CHOICE,
  N_PROPS
};

enum {
  GRADE_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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

static void
set_grade_class (GtkLabel *label,
                 ShkGrade  grade)
{
  for (guint g = 0; g < SHK_N_GRADES; g++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), grade_css_class ((ShkGrade) g));
  gtk_widget_add_css_class (GTK_WIDGET (label), grade_css_class (grade));
}

/* One menu for every cell: a table has hundreds of them. */
static GMenuModel *
grade_menu (void)
{
  static GMenu *menu;
  const ShkGrade grades[] = {
    SHK_GRADE_ACHIEVED, SHK_GRADE_MOSTLY, SHK_GRADE_LAGGING, SHK_GRADE_PENDING,
  };

  if (menu != NULL)
    return G_MENU_MODEL (menu);

  menu = g_menu_new ();
  g_menu_append (menu, _("Computed from the figures"), "cell.grade::computed");
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    {
      g_autofree char *label = g_strdup_printf ("%s %s", shk_grade_to_symbol (grades[i]),
                                                shk_grade_get_label (grades[i]));
      g_autofree char *action = g_strdup_printf ("cell.grade::%s", shk_grade_to_key (grades[i]));

      g_menu_append (menu, label, action);
    }
  g_menu_append (menu, _("Not evaluated"), "cell.grade::none");
  return G_MENU_MODEL (menu);
}

/* The menu is set when it first opens: few grade cells are ever changed. */
static void
create_grade_popup (GtkMenuButton *button,
                    gpointer       user_data)
{
  gtk_menu_button_set_menu_model (button, grade_menu ());
}

static char *
dup_tooltip (const ShkGradeInfo *grade)
{
  g_autofree char *rate_text = grade->has_rate ? shk_measure_column_format_rate (grade->rate) : NULL;
  const char *reason = grade->reason != NULL ? grade->reason : "";

  if (grade->has_manual && grade->manual == SHK_GRADE_NONE)
    return g_strdup (_("Not evaluated, set by hand"));

  switch (grade->origin)
    {
    case SHK_GRADE_ORIGIN_COMPUTED:
      if (grade->has_rate)
        return g_strdup_printf (_("%s %s, computed from the figures (%s)"),
                                shk_grade_to_symbol (grade->effective),
                                shk_grade_get_label (grade->effective), rate_text);
      return g_strdup (_("Not evaluated: the figures give no rate"));
    case SHK_GRADE_ORIGIN_JUDGED:
      return g_strdup_printf (_("%s %s, the office’s judgement: the figures give no rate.\n%s"),
                              shk_grade_to_symbol (grade->manual),
                              shk_grade_get_label (grade->manual), reason);
    case SHK_GRADE_ORIGIN_CONFIRMED:
      return g_strdup_printf (_("%s %s, set by hand and matching the figures (%s).\n%s"),
                              shk_grade_to_symbol (grade->manual),
                              shk_grade_get_label (grade->manual), rate_text, reason);
    case SHK_GRADE_ORIGIN_OVERRIDDEN:
    default:
      return g_strdup_printf (_("%s %s, set by hand; the figures give %s (%s).\n%s"),
                              shk_grade_to_symbol (grade->manual),
                              shk_grade_get_label (grade->manual),
                              shk_grade_to_symbol (grade->computed), rate_text, reason);
    }
}

ShkEvaluation *
shk_grade_cell_get_evaluation (ShkGradeCell *self)
{
  ShkPlan *plan;

  g_return_val_if_fail (SHK_IS_GRADE_CELL (self), NULL);

  plan = shk_measure_column_get_plan (self->column);
  return plan != NULL ? shk_plan_find_evaluation (plan, shk_measure_column_get_key (self->column)) : NULL;
}

void
shk_grade_cell_refresh (ShkGradeCell *self)
{
  ShkEvaluation *evaluation;
  g_autofree char *computed_text = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *accessible = NULL;
  ShkGradeInfo grade;

  g_return_if_fail (SHK_IS_GRADE_CELL (self));

  evaluation = shk_grade_cell_get_evaluation (self);
  if (self->measure == NULL || evaluation == NULL)
    return;

  shk_plan_grade_measure (shk_measure_column_get_plan (self->column), self->measure, evaluation, &grade);

  gtk_label_set_text (self->symbol, shk_grade_to_symbol (grade.effective));
  set_grade_class (self->symbol, grade.effective);

  /* Where the office's grade departs from the figures, both show. */
  gtk_widget_set_visible (GTK_WIDGET (self->computed), grade.origin == SHK_GRADE_ORIGIN_OVERRIDDEN);
  /* TRANSLATORS: keep it short, it sits under the grade in a narrow
   * column: the grade the figures give, e.g. "(calc. △)" (計算 △). */
  computed_text = g_strdup_printf (_("(calc. %s)"), shk_grade_to_symbol (grade.computed));
  gtk_label_set_text (self->computed, computed_text);
  set_grade_class (self->computed, grade.computed);

  tooltip = g_strchomp (dup_tooltip (&grade));
  accessible = g_strdup_printf (_("No.%u %s grade: %s"), shk_measure_get_number (self->measure),
                                shk_measure_column_get_key (self->column), tooltip);
  g_free (self->tooltip);
  self->tooltip = g_steal_pointer (&tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  /* The menu's radio items follow the choice, without an edit. */
  g_free (self->choice);
  self->choice = g_strdup (grade.has_manual ? shk_grade_to_key (grade.manual) : "computed");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOICE]);
}

/* Asked for when the pointer rests on the grade rather than set on every
 * bind: setting a tooltip makes GTK ask the X server where the pointer
 * is, a round trip per cell of a table of hundreds of rows. */
static gboolean
on_query_tooltip (GtkWidget    *button,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  ShkGradeCell *self)
{
  if (self->measure == NULL || self->tooltip == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->tooltip);
  return TRUE;
}

const char *
shk_grade_cell_get_tooltip (ShkGradeCell *self)
{
  g_return_val_if_fail (SHK_IS_GRADE_CELL (self), NULL);

  return self->measure != NULL ? self->tooltip : NULL;
}

/* The user chose in the menu (the "cell.grade" property action). */
static void
choose (ShkGradeCell *self,
        const char   *choice)
{
  g_free (self->choice);
  self->choice = g_strdup (choice);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOICE]);
  if (self->measure == NULL || choice == NULL)
    return;
  g_signal_emit (self, signals[GRADE_CHOSEN], 0, choice);
  shk_grade_cell_refresh (self);
}

ShkMeasure *
shk_grade_cell_get_measure (ShkGradeCell *self)
{
  g_return_val_if_fail (SHK_IS_GRADE_CELL (self), NULL);

  return self->measure;
}

void
shk_grade_cell_set_measure (ShkGradeCell *self,
                            ShkMeasure   *measure)
{
  g_return_if_fail (SHK_IS_GRADE_CELL (self));
  g_return_if_fail (measure == NULL || SHK_IS_MEASURE (measure));

  if (self->measure == measure)
    return;

  if (self->measure != NULL)
    g_clear_signal_handler (&self->changed_id, self->measure);
  g_set_object (&self->measure, measure);
  if (measure != NULL)
    {
      self->changed_id = g_signal_connect_swapped (measure, "changed",
                                                   G_CALLBACK (shk_grade_cell_refresh), self);
      shk_grade_cell_refresh (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
shk_grade_cell_constructed (GObject *object)
{
  ShkGradeCell *self = SHK_GRADE_CELL (object);

  G_OBJECT_CLASS (shk_grade_cell_parent_class)->constructed (object);

  g_return_if_fail (self->column != NULL);
  g_signal_connect_object (self->column, "refresh", G_CALLBACK (shk_grade_cell_refresh),
                           self, G_CONNECT_SWAPPED);
}

static void
shk_grade_cell_dispose (GObject *object)
{
  ShkGradeCell *self = SHK_GRADE_CELL (object);

  shk_grade_cell_set_measure (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_GRADE_CELL);

  G_OBJECT_CLASS (shk_grade_cell_parent_class)->dispose (object);
}

static void
shk_grade_cell_finalize (GObject *object)
{
  ShkGradeCell *self = SHK_GRADE_CELL (object);

  g_clear_pointer (&self->choice, g_free);
  g_clear_pointer (&self->tooltip, g_free);
  g_clear_object (&self->column);

  G_OBJECT_CLASS (shk_grade_cell_parent_class)->finalize (object);
}

static void
shk_grade_cell_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ShkGradeCell *self = SHK_GRADE_CELL (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      g_value_set_object (value, self->column);
      break;
    case PROP_MEASURE:
      g_value_set_object (value, self->measure);
      break;
    case PROP_CHOICE:
      g_value_set_string (value, self->choice);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_grade_cell_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ShkGradeCell *self = SHK_GRADE_CELL (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      self->column = g_value_dup_object (value);
      break;
    case PROP_MEASURE:
      /* A list item's "item" may be any object: only measures show. */
      shk_grade_cell_set_measure (self, SHK_IS_MEASURE (g_value_get_object (value))
                                          ? g_value_get_object (value) : NULL);
      break;
    case PROP_CHOICE:
      choose (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_grade_cell_class_init (ShkGradeCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = shk_grade_cell_constructed;
  object_class->dispose = shk_grade_cell_dispose;
  object_class->finalize = shk_grade_cell_finalize;
  object_class->get_property = shk_grade_cell_get_property;
  object_class->set_property = shk_grade_cell_set_property;

  properties[PROP_COLUMN] =
    g_param_spec_object ("column", NULL, NULL, SHK_TYPE_MEASURE_COLUMN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEASURE] =
    g_param_spec_object ("measure", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Setting it is the user's choice: the menu sets it through the
   * "cell.grade" action. */
  properties[PROP_CHOICE] =
    g_param_spec_string ("choice", NULL, NULL, "computed",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[GRADE_CHOSEN] =
    g_signal_new ("grade-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-grade-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkGradeCell, button);
  gtk_widget_class_bind_template_child (widget_class, ShkGradeCell, symbol);
  gtk_widget_class_bind_template_child (widget_class, ShkGradeCell, computed);
  gtk_widget_class_install_property_action (widget_class, "cell.grade", "choice");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
shk_grade_cell_init (ShkGradeCell *self)
{
  self->choice = g_strdup ("computed");
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->button, create_grade_popup, NULL, NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->button), TRUE);
  g_signal_connect (self->button, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}

GtkWidget *
shk_grade_cell_new (ShkMeasureColumn *column)
{
  g_return_val_if_fail (SHK_IS_MEASURE_COLUMN (column), NULL);

  return g_object_new (SHK_TYPE_GRADE_CELL, "column", column, NULL);
}

GtkWidget *
shk_grade_cell_get_button (ShkGradeCell *self)
{
  g_return_val_if_fail (SHK_IS_GRADE_CELL (self), NULL);

  return GTK_WIDGET (self->button);
}
