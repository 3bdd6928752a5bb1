/* shk-grade-cell.c — a measure's grade in one evaluation, in the table
 *
 * The cell is one widget: it draws its grade itself (shk-cell-text.c),
 * with the computed grade under it where the office's departs from it,
 * and makes its menu when first opened. A menu button (a toggle button,
 * a box and two labels) in each of four evaluations of the ~200 rows
 * GTK 4.8 keeps alive was most of the table's widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "shk-cell-text.h"
#include "shk-chart-view.h"
#include "shk-grade-cell.h"
#include "shk-rules.h"

/* ◎ ○ △ are small glyphs; the grade is what the eye looks for. */
#define SYMBOL_SCALE 1.25

struct _ShkGradeCell
{
  GtkWidget         parent_instance;

  ShkMeasureColumn *column;
  ShkMeasure       *measure;
  gulong            changed_id;
  char             *choice;     /* "computed" or the manual grade's key */
  char             *tooltip;    /* shown when asked for, see query_tooltip */
  const char       *symbol;     /* the effective grade's, static */
  PangoLayout      *layout;     /* the symbol shaped, made when drawn */
  char             *computed;   /* "(calc. △)" under the symbol, or NULL */
  ShkGrade          computed_grade;
  PangoLayout      *computed_layout;
  int               line_height;  /* the font's, 0 until asked */
  int               caption_height;
  GtkWidget        *popover;    /* the menu, made when first opened */
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
  ACTIVATE,
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
set_grade_class (GtkWidget *widget,
                 ShkGrade   grade)
{
  const char *wanted = grade_css_class (grade);

  if (gtk_widget_has_css_class (widget, wanted))
    return;
  for (guint g = 0; g < SHK_N_GRADES; g++)
    gtk_widget_remove_css_class (widget, grade_css_class ((ShkGrade) g));
  gtk_widget_add_css_class (widget, wanted);
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

/* The menu is made when it first opens: few grade cells are ever
 * changed. Its items act on the cell's "cell.grade" action. */
static void
shk_grade_cell_popup (ShkGradeCell *self)
{
  if (self->measure == NULL)
    return;
  if (self->popover == NULL)
    {
      self->popover = gtk_popover_menu_new_from_model (grade_menu ());
      gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
    }
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   ShkGradeCell    *self)
{
  if (x >= 0 && y >= 0 && x < gtk_widget_get_width (GTK_WIDGET (self)) &&
      y < gtk_widget_get_height (GTK_WIDGET (self)))
    shk_grade_cell_popup (self);
}

/* The computed grade under the office's, where they differ. */
static void
show_computed (ShkGradeCell       *self,
               const ShkGradeInfo *grade)
{
  g_autofree char *text = NULL;

  /* TRANSLATORS: keep it short, it sits under the grade in a narrow
   * column: the grade the figures give, e.g. "(calc. △)" (計算 △). */
  if (grade->origin == SHK_GRADE_ORIGIN_OVERRIDDEN)
    text = g_strdup_printf (_("(calc. %s)"), shk_grade_to_symbol (grade->computed));
  self->computed_grade = grade->computed;
  if (g_strcmp0 (text, self->computed) == 0)
    return;
  g_clear_object (&self->computed_layout);
  /* A caption more or less changes the height. */
  if ((text == NULL) != (self->computed == NULL))
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
  g_free (self->computed);
  self->computed = g_steal_pointer (&text);
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
  g_autofree char *tooltip = NULL;
  g_autofree char *accessible = NULL;
  ShkGradeInfo grade;

  g_return_if_fail (SHK_IS_GRADE_CELL (self));

  evaluation = shk_grade_cell_get_evaluation (self);
  if (self->measure == NULL || evaluation == NULL)
    return;

  shk_plan_grade_measure (shk_measure_column_get_plan (self->column), self->measure, evaluation, &grade);

  if (self->symbol != shk_grade_to_symbol (grade.effective))
    {
      self->symbol = shk_grade_to_symbol (grade.effective);
      g_clear_object (&self->layout);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  set_grade_class (GTK_WIDGET (self), grade.effective);
  show_computed (self, &grade);

  tooltip = g_strchomp (dup_tooltip (&grade));
  accessible = g_strdup_printf (_("No.%u %s grade: %s"), shk_measure_get_number (self->measure),
                                shk_measure_column_get_key (self->column), tooltip);
  g_free (self->tooltip);
  self->tooltip = g_steal_pointer (&tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
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
shk_grade_cell_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  ShkGradeCell *self = SHK_GRADE_CELL (widget);

  if (self->measure == NULL || self->tooltip == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->tooltip);
  return TRUE;
}

const char *
shk_grade_cell_get_symbol (ShkGradeCell *self)
{
  g_return_val_if_fail (SHK_IS_GRADE_CELL (self), NULL);

  return self->measure != NULL ? self->symbol : NULL;
}

const char *
shk_grade_cell_get_computed_text (ShkGradeCell *self)
{
  g_return_val_if_fail (SHK_IS_GRADE_CELL (self), NULL);

  return self->measure != NULL ? self->computed : NULL;
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
/* Layout and drawing                                                  */

/* The symbol's height: the font's line, scaled; nothing is shaped. */
static int
symbol_height (ShkGradeCell *self)
{
  if (self->line_height == 0)
    {
      self->line_height = (int) ceil (shk_cell_text_line_height (GTK_WIDGET (self)) * SYMBOL_SCALE);
      self->caption_height = shk_cell_text_caption_height (GTK_WIDGET (self));
    }
  return self->line_height;
}

static int
computed_height (ShkGradeCell *self)
{
  symbol_height (self);
  return self->computed != NULL ? self->caption_height : 0;
}

static void
shk_grade_cell_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  ShkGradeCell *self = SHK_GRADE_CELL (widget);

  /* About a square for the symbol; the column is wide enough for the
   * caption. */
  *minimum = *natural = symbol_height (self);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = symbol_height (self) + computed_height (self);
}

static void
shk_grade_cell_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  ShkGradeCell *self = SHK_GRADE_CELL (widget);

  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

/* The symbol in its grade's colour (the cell's style class), scaled. */
static PangoLayout *
new_symbol_layout (ShkGradeCell *self)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->symbol);
  g_autoptr(PangoAttrList) attrs = NULL;

  attrs = pango_layout_get_attributes (layout) != NULL
            ? pango_attr_list_copy (pango_layout_get_attributes (layout)) : pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (SYMBOL_SCALE));
  pango_layout_set_attributes (layout, attrs);
  return layout;
}

/* The computed grade as a caption, in the colour the charts give that
 * grade (the tables' grade classes are made from the same palette). */
static void
snapshot_computed (ShkGradeCell *self,
                   GtkSnapshot  *snapshot,
                   int           top)
{
  ShkChartPalette palette;
  PangoRectangle logical;
  const ShkRgba *rgba;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (self->computed_layout == NULL)
    {
      self->computed_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->computed);
      pango_layout_set_attributes (self->computed_layout, shk_cell_text_caption_attributes ());
    }
  shk_chart_palette_init (&palette, shk_chart_view_desktop_style ());
  rgba = &palette.grade[self->computed_grade];
  pango_layout_get_pixel_extents (self->computed_layout, NULL, &logical);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - logical.width) / 2 - logical.x,
                                                          top + (self->caption_height - logical.height) / 2 - logical.y));
  gtk_snapshot_append_layout (snapshot, self->computed_layout,
                              &(GdkRGBA) { rgba->r, rgba->g, rgba->b, rgba->a });
  gtk_snapshot_restore (snapshot);
}

static void
shk_grade_cell_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  ShkGradeCell *self = SHK_GRADE_CELL (widget);
  int top = MAX (0, (gtk_widget_get_height (widget) - symbol_height (self) - computed_height (self)) / 2);

  if (self->symbol == NULL)
    return;
  if (self->layout == NULL)
    self->layout = new_symbol_layout (self);
  shk_cell_text_snapshot (widget, snapshot, &self->layout, self->symbol, 0.5f, FALSE,
                          0, top, gtk_widget_get_width (widget), symbol_height (self));
  if (self->computed != NULL)
    snapshot_computed (self, snapshot, top + symbol_height (self));
}

/* A new font or colour: shaped again. */
static void
shk_grade_cell_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  ShkGradeCell *self = SHK_GRADE_CELL (widget);

  GTK_WIDGET_CLASS (shk_grade_cell_parent_class)->css_changed (widget, change);
  g_clear_object (&self->layout);
  g_clear_object (&self->computed_layout);
  self->line_height = 0;
  gtk_widget_queue_resize (widget);
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
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_object (&self->layout);
  g_clear_object (&self->computed_layout);

  G_OBJECT_CLASS (shk_grade_cell_parent_class)->dispose (object);
}

static void
shk_grade_cell_finalize (GObject *object)
{
  ShkGradeCell *self = SHK_GRADE_CELL (object);

  g_clear_pointer (&self->choice, g_free);
  g_clear_pointer (&self->computed, g_free);
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
  /* Opens the menu: gtk_widget_activate (), as on a menu button. */
  signals[ACTIVATE] =
    g_signal_new_class_handler ("activate", G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_FIRST | G_SIGNAL_ACTION,
                                G_CALLBACK (shk_grade_cell_popup),
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);

  gtk_widget_class_install_property_action (widget_class, "cell.grade", "choice");

  widget_class->measure = shk_grade_cell_measure;
  widget_class->size_allocate = shk_grade_cell_size_allocate;
  widget_class->snapshot = shk_grade_cell_snapshot;
  widget_class->css_changed = shk_grade_cell_css_changed;
  widget_class->query_tooltip = shk_grade_cell_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "gradecell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
shk_grade_cell_init (ShkGradeCell *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->choice = g_strdup ("computed");
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  /* The grade's symbol is bold, in its colour (style.css). */
  gtk_widget_add_css_class (GTK_WIDGET (self), "grade");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE, -1);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
shk_grade_cell_new (ShkMeasureColumn *column)
{
  g_return_val_if_fail (SHK_IS_MEASURE_COLUMN (column), NULL);

  return g_object_new (SHK_TYPE_GRADE_CELL, "column", column, NULL);
}

