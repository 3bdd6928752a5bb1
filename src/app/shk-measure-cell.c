/* shk-measure-cell.c — one cell of the measures table (all but grades)
 *
 * The cell is made in C rather than from a .ui: its one child is a label
 * or a box of lines depending on the column, and the lines follow the
 * number of indicators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-edit-measure.h"
#include "shk-measure-cell.h"
#include "shk-value-line.h"

struct _ShkMeasureCell
{
  GtkWidget         parent_instance;

  ShkMeasureColumn *column;
  ShkMeasure       *measure;
  gulong            changed_id;
  GtkWidget        *child;      /* a label, or a box of lines when stacked */
  GPtrArray        *lines;      /* GtkWidget, unowned: the box's children */
  GPtrArray        *refusals;   /* char *, one per line, NULL if none */
};

G_DEFINE_FINAL_TYPE (ShkMeasureCell, shk_measure_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLUMN,
  PROP_MEASURE,
  N_PROPS
};

enum {
  VALUE_EDITED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Lines                                                               */

static void
on_line_editing_changed (ShkValueLine   *label,
                         GParamSpec     *pspec,
                         ShkMeasureCell *self)
{
  guint line;

  if (shk_value_line_get_editing (label) || self->measure == NULL ||
      !g_ptr_array_find (self->lines, label, &line))
    return;

  /* The view commits it and marks the line refused, or clears it. */
  g_signal_emit (self, signals[VALUE_EDITED], 0, line, shk_value_line_get_text (label));
  shk_measure_cell_refresh (self);
}

/* Tooltips are asked for when the pointer rests on a line, not set on
 * every bind: setting one makes GTK ask the X server where the pointer
 * is, a round trip per label, thousands of them when a table of
 * hundreds of rows is built or scrolled. */
static gboolean
on_query_tooltip (GtkWidget      *widget,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip,
                  ShkMeasureCell *self)
{
  g_autofree char *text = NULL;
  guint line = 0;

  if (widget != self->child && !g_ptr_array_find (self->lines, widget, &line))
    return FALSE;
  text = shk_measure_cell_dup_tooltip (self, line);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
follow_tooltip (ShkMeasureCell *self,
                GtkWidget      *child)
{
  switch (shk_measure_column_get_kind (self->column))
    {
    case SHK_MEASURE_COLUMN_NAME:
    case SHK_MEASURE_COLUMN_POLICY:
    case SHK_MEASURE_COLUMN_SECTION:
    case SHK_MEASURE_COLUMN_INDICATOR:
    case SHK_MEASURE_COLUMN_TARGET:
    case SHK_MEASURE_COLUMN_ACTUAL:
      break;
    default:
      return;   /* the others have none */
    }
  gtk_widget_set_has_tooltip (child, TRUE);
  /* The line may outlive its cell while the table is torn down. */
  g_signal_connect_object (child, "query-tooltip", G_CALLBACK (on_query_tooltip), self, 0);
}

static GtkWidget *
new_line (ShkMeasureCell *self)
{
  GtkWidget *child;

  if (shk_measure_column_is_editable (self->column))
    {
      /* A label until edited: the editor is made when editing starts. */
      child = shk_value_line_new (1.0, 4);
      /* The line may outlive its cell while the table is torn down. */
      g_signal_connect_object (child, "notify::editing", G_CALLBACK (on_line_editing_changed), self, 0);
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (child), shk_measure_column_is_numeric (self->column) ? 1.0 : 0.0);
    }
  if (shk_measure_column_is_numeric (self->column))
    gtk_widget_add_css_class (child, "numeric");
  follow_tooltip (self, child);
  return child;
}

/* One line per indicator: adds or drops lines to match. */
static void
sync_lines (ShkMeasureCell *self,
            guint           n)
{
  while (self->lines->len > n)
    {
      gtk_box_remove (GTK_BOX (self->child), g_ptr_array_index (self->lines, self->lines->len - 1));
      g_ptr_array_set_size (self->lines, self->lines->len - 1);
      g_ptr_array_set_size (self->refusals, self->lines->len);
    }
  while (self->lines->len < n)
    {
      GtkWidget *line = new_line (self);

      gtk_box_append (GTK_BOX (self->child), line);
      g_ptr_array_add (self->lines, line);
      g_ptr_array_add (self->refusals, NULL);
    }
}

/* "No.12 R2 actual", with the indicator's number when there are several. */
static char *
dup_value_name (ShkMeasureCell *self,
                guint           line)
{
  ShkValueKind kind = shk_measure_column_get_kind (self->column) == SHK_MEASURE_COLUMN_TARGET
                        ? SHK_VALUE_TARGET : SHK_VALUE_ACTUAL;

  return shk_edit_dup_value_cell_name (self->measure, line, kind,
                                       shk_measure_column_get_key (self->column));
}

static void
refresh_value_line (ShkMeasureCell *self,
                    GtkWidget      *child,
                    guint           line,
                    const char     *text)
{
  g_autofree char *name = dup_value_name (self, line);

  shk_value_line_set_text (SHK_VALUE_LINE (child), text);
  shk_value_line_set_name (SHK_VALUE_LINE (child), name);
}

static void
refresh_stacked (ShkMeasureCell *self)
{
  GListModel *indicators = shk_measure_get_indicators (self->measure);

  sync_lines (self, g_list_model_get_n_items (indicators));

  for (guint line = 0; line < self->lines->len; line++)
    {
      GtkWidget *child = g_ptr_array_index (self->lines, line);
      g_autoptr(ShkIndicator) indicator = g_list_model_get_item (indicators, line);
      g_autofree char *text = shk_measure_column_dup_line_text (self->column, indicator);

      if (SHK_IS_VALUE_LINE (child))
        refresh_value_line (self, child, line, text);
      else
        gtk_label_set_text (GTK_LABEL (child), text);
    }
}

static void
refresh_label (ShkMeasureCell *self)
{
  g_autofree char *text = shk_measure_column_dup_text (self->column, self->measure);

  gtk_label_set_text (GTK_LABEL (self->child), text);
}

/* A read-only cell takes the cursor's focus itself; its name says which
 * measure and column, then what it shows. */
static void
refresh_accessible_name (ShkMeasureCell *self)
{
  g_autofree char *text = shk_measure_column_dup_text (self->column, self->measure);
  g_autofree char *name = NULL;

  /* TRANSLATORS: a read-only cell for screen readers: "No.12 Measure: …". */
  name = g_strdup_printf (_("No.%u %s: %s"), shk_measure_get_number (self->measure),
                          shk_measure_column_get_title (self->column), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
shk_measure_cell_refresh (ShkMeasureCell *self)
{
  ShkPlan *plan;

  g_return_if_fail (SHK_IS_MEASURE_CELL (self));

  plan = shk_measure_column_get_plan (self->column);
  if (self->measure == NULL || plan == NULL)
    return;

  if (shk_measure_column_is_stacked (self->column))
    refresh_stacked (self);
  else
    refresh_label (self);
  if (!shk_measure_column_is_editable (self->column))
    refresh_accessible_name (self);
}

static char *
dup_line_tooltip (ShkMeasureCell *self,
                  guint           line)
{
  GListModel *indicators = shk_measure_get_indicators (self->measure);
  g_autoptr(ShkIndicator) indicator = NULL;
  const char *refused, *unit;
  g_autofree char *name = NULL;

  if (line >= g_list_model_get_n_items (indicators))
    return NULL;
  indicator = g_list_model_get_item (indicators, line);
  if (shk_measure_column_get_kind (self->column) == SHK_MEASURE_COLUMN_INDICATOR)
    {
      const char *label = shk_indicator_get_label (indicator);
      return *label ? g_strdup (label) : NULL;
    }
  if (!shk_measure_column_is_editable (self->column))
    return NULL;
  /* A refused line says why; else which cell it is and its indicator. */
  refused = line < self->refusals->len ? g_ptr_array_index (self->refusals, line) : NULL;
  name = refused == NULL ? dup_value_name (self, line) : NULL;
  unit = shk_indicator_get_unit (indicator);
  return g_strdup_printf ("%s\n%s%s%s%s", refused != NULL ? refused : name,
                          shk_indicator_get_label (indicator),
                          *unit ? " (" : "", unit, *unit ? ")" : "");
}

char *
shk_measure_cell_dup_tooltip (ShkMeasureCell *self,
                              guint           line)
{
  ShkPlan *plan;

  g_return_val_if_fail (SHK_IS_MEASURE_CELL (self), NULL);

  plan = shk_measure_column_get_plan (self->column);
  if (self->measure == NULL || plan == NULL)
    return NULL;
  if (shk_measure_column_is_stacked (self->column))
    return dup_line_tooltip (self, line);

  switch (shk_measure_column_get_kind (self->column))
    {
    case SHK_MEASURE_COLUMN_NAME:
      return g_strdup (shk_measure_get_name (self->measure));
    case SHK_MEASURE_COLUMN_POLICY:
      {
        ShkPolicy *policy = shk_plan_find_policy (plan, shk_measure_get_policy_number (self->measure));
        return policy != NULL ? g_strdup (shk_policy_get_name (policy)) : NULL;
      }
    case SHK_MEASURE_COLUMN_SECTION:
      return g_strdup_printf ("%s / %s", shk_measure_get_bureau (self->measure),
                              shk_measure_get_section (self->measure));
    default:
      return NULL;
    }
}

GtkWidget *
shk_measure_cell_get_target (ShkMeasureCell *self,
                             guint           line)
{
  g_return_val_if_fail (SHK_IS_MEASURE_CELL (self), NULL);

  if (shk_measure_column_is_editable (self->column))
    return line < self->lines->len ? g_ptr_array_index (self->lines, line) : NULL;
  return GTK_WIDGET (self);
}

void
shk_measure_cell_set_refusal (ShkMeasureCell *self,
                              guint           line,
                              const char     *message)
{
  g_return_if_fail (SHK_IS_MEASURE_CELL (self));
  g_return_if_fail (line < self->lines->len);

  /* The old value comes back; the line stays marked until it takes a
   * valid one, with the reason in its tooltip. */
  g_free (g_ptr_array_index (self->refusals, line));
  g_ptr_array_index (self->refusals, line) = g_strdup (message);
  if (message != NULL)
    gtk_widget_add_css_class (g_ptr_array_index (self->lines, line), "error");
  else
    gtk_widget_remove_css_class (g_ptr_array_index (self->lines, line), "error");
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

ShkMeasure *
shk_measure_cell_get_measure (ShkMeasureCell *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE_CELL (self), NULL);

  return self->measure;
}

void
shk_measure_cell_set_measure (ShkMeasureCell *self,
                              ShkMeasure     *measure)
{
  g_return_if_fail (SHK_IS_MEASURE_CELL (self));
  g_return_if_fail (measure == NULL || SHK_IS_MEASURE (measure));

  if (self->measure == measure)
    return;

  if (self->measure != NULL)
    g_clear_signal_handler (&self->changed_id, self->measure);
  g_set_object (&self->measure, measure);
  /* A recycled cell must not keep another measure's refusal. */
  for (guint line = 0; line < self->lines->len; line++)
    shk_measure_cell_set_refusal (self, line, NULL);
  if (measure != NULL)
    {
      self->changed_id = g_signal_connect_swapped (measure, "changed",
                                                   G_CALLBACK (shk_measure_cell_refresh), self);
      shk_measure_cell_refresh (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
}

static void
shk_measure_cell_constructed (GObject *object)
{
  ShkMeasureCell *self = SHK_MEASURE_CELL (object);

  G_OBJECT_CLASS (shk_measure_cell_parent_class)->constructed (object);

  g_return_if_fail (self->column != NULL);

  if (shk_measure_column_is_stacked (self->column))
    {
      self->child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_set_valign (self->child, GTK_ALIGN_CENTER);
    }
  else
    {
      self->child = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (self->child), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (self->child), shk_measure_column_is_numeric (self->column) ? 1.0 : 0.0);
      if (shk_measure_column_is_numeric (self->column))
        gtk_widget_add_css_class (self->child, "numeric");
      follow_tooltip (self, self->child);
    }
  gtk_widget_set_parent (self->child, GTK_WIDGET (self));
  /* The sheet cursor focuses read-only cells themselves. */
  gtk_widget_set_focusable (GTK_WIDGET (self), !shk_measure_column_is_editable (self->column));

  /* The whole plan (the thresholds, the reporting year) through the
   * view's refresh of the column. */
  g_signal_connect_object (self->column, "refresh", G_CALLBACK (shk_measure_cell_refresh),
                           self, G_CONNECT_SWAPPED);
}

static void
shk_measure_cell_dispose (GObject *object)
{
  ShkMeasureCell *self = SHK_MEASURE_CELL (object);

  shk_measure_cell_set_measure (self, NULL);
  g_ptr_array_set_size (self->lines, 0);
  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (shk_measure_cell_parent_class)->dispose (object);
}

static void
shk_measure_cell_finalize (GObject *object)
{
  ShkMeasureCell *self = SHK_MEASURE_CELL (object);

  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->refusals, g_ptr_array_unref);
  g_clear_object (&self->column);

  G_OBJECT_CLASS (shk_measure_cell_parent_class)->finalize (object);
}

static void
shk_measure_cell_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ShkMeasureCell *self = SHK_MEASURE_CELL (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      g_value_set_object (value, self->column);
      break;
    case PROP_MEASURE:
      g_value_set_object (value, self->measure);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_measure_cell_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ShkMeasureCell *self = SHK_MEASURE_CELL (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      self->column = g_value_dup_object (value);
      break;
    case PROP_MEASURE:
      /* A list item's "item" may be any object: only measures show. */
      shk_measure_cell_set_measure (self, SHK_IS_MEASURE (g_value_get_object (value))
                                            ? g_value_get_object (value) : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_measure_cell_class_init (ShkMeasureCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = shk_measure_cell_constructed;
  object_class->dispose = shk_measure_cell_dispose;
  object_class->finalize = shk_measure_cell_finalize;
  object_class->get_property = shk_measure_cell_get_property;
  object_class->set_property = shk_measure_cell_set_property;

  properties[PROP_COLUMN] =
    g_param_spec_object ("column", NULL, NULL, SHK_TYPE_MEASURE_COLUMN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEASURE] =
    g_param_spec_object ("measure", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user typed @text into line @line (an indicator's index). */
  signals[VALUE_EDITED] =
    g_signal_new ("value-edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
shk_measure_cell_init (ShkMeasureCell *self)
{
  self->lines = g_ptr_array_new ();
  self->refusals = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
shk_measure_cell_new (ShkMeasureColumn *column)
{
  g_return_val_if_fail (SHK_IS_MEASURE_COLUMN (column), NULL);

  return g_object_new (SHK_TYPE_MEASURE_CELL, "column", column, NULL);
}
