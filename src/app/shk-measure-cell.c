/* shk-measure-cell.c — one cell of the measures table (all but grades)
 *
 * A cell draws its lines itself (shk-cell-text.c), its height from the
 * font and their number, its text shaped only when drawn, so that the
 * ~200 rows GTK 4.8 keeps alive cost little until they are on screen.
 * In an editable cell, a line the sheet cursor points at (to focus it,
 * frame it, edit it) or a refused one becomes a value line, a widget of
 * its own; the others stay drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-cell-text.h"
#include "shk-edit-measure.h"
#include "shk-measure-cell.h"
#include "shk-value-line.h"

/* Between the lines of a stacked cell. */
#define LINE_SPACING 2

struct _ShkMeasureCell
{
  GtkWidget         parent_instance;

  ShkMeasureColumn *column;
  ShkMeasure       *measure;
  gulong            changed_id;
  gboolean          editable;   /* the column's, asked once */
  float             xalign;
  int               line_height;  /* the font's, 0 until asked */
  GPtrArray        *texts;      /* char *, one per line: what the cell shows */
  GPtrArray        *layouts;    /* PangoLayout or NULL, one per text: made when drawn */
  GPtrArray        *lines;      /* ShkValueLine or NULL, one per text in an
                                 * editable cell: made when asked for */
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

static void
free_layout (gpointer layout)
{
  if (layout != NULL)
    g_object_unref (layout);
}

static guint
n_lines (ShkMeasureCell *self)
{
  return self->texts->len;
}

static GtkWidget *
line_widget (ShkMeasureCell *self,
             guint           line)
{
  return self->editable && line < self->lines->len ? g_ptr_array_index (self->lines, line) : NULL;
}

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
 * hundreds of rows is built or scrolled. The lines have none of their
 * own: GTK asks the cell, which finds the line. */
static gboolean
shk_measure_cell_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard,
                                GtkTooltip *tooltip)
{
  ShkMeasureCell *self = SHK_MEASURE_CELL (widget);
  g_autofree char *text = NULL;

  text = shk_measure_cell_dup_tooltip (self, keyboard ? 0 : shk_measure_cell_line_at (self, y));
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
has_tooltips (ShkMeasureColumn *column)
{
  switch (shk_measure_column_get_kind (column))
    {
    case SHK_MEASURE_COLUMN_NAME:
    case SHK_MEASURE_COLUMN_POLICY:
    case SHK_MEASURE_COLUMN_SECTION:
    case SHK_MEASURE_COLUMN_INDICATOR:
    case SHK_MEASURE_COLUMN_TARGET:
    case SHK_MEASURE_COLUMN_ACTUAL:
      return TRUE;
    default:
      return FALSE;   /* the others have none */
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

/* The value lines of an editable cell follow its number of lines. */
static void
drop_value_lines (ShkMeasureCell *self,
                  guint           n)
{
  while (self->lines->len > n)
    {
      GtkWidget *line = g_ptr_array_steal_index (self->lines, self->lines->len - 1);

      if (line != NULL)
        gtk_widget_unparent (line);
    }
  g_ptr_array_set_size (self->refusals, MIN (self->refusals->len, n));
}

/* Line @line of an editable cell as a value line, made now if need be. */
static GtkWidget *
ensure_value_line (ShkMeasureCell *self,
                   guint           line)
{
  GtkWidget *child;
  g_autofree char *name = NULL;

  if (line >= self->texts->len)
    return NULL;
  if (self->lines->len <= line)
    g_ptr_array_set_size (self->lines, self->texts->len);
  if (self->refusals->len <= line)
    g_ptr_array_set_size (self->refusals, self->texts->len);
  child = g_ptr_array_index (self->lines, line);
  if (child != NULL)
    return child;

  /* A text until edited: the editor is made when editing starts. */
  child = shk_value_line_new (1.0, 4);
  /* The line may outlive its cell while the table is torn down. */
  g_signal_connect_object (child, "notify::editing", G_CALLBACK (on_line_editing_changed), self, 0);
  gtk_widget_add_css_class (child, "numeric");
  shk_value_line_set_text (SHK_VALUE_LINE (child), g_ptr_array_index (self->texts, line));
  if (self->measure != NULL)
    {
      name = dup_value_name (self, line);
      shk_value_line_set_name (SHK_VALUE_LINE (child), name);
    }
  gtk_widget_set_parent (child, GTK_WIDGET (self));
  g_ptr_array_index (self->lines, line) = child;
  return child;
}

/* The text of line @line; a new number of lines changes the cell's
 * height, a new text only its drawing. */
static void
set_line_text (ShkMeasureCell *self,
               guint           line,
               char           *text)
{
  if (line >= self->texts->len)
    {
      g_ptr_array_add (self->texts, text);
      g_ptr_array_add (self->layouts, NULL);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }
  if (g_strcmp0 (g_ptr_array_index (self->texts, line), text) == 0)
    {
      g_free (text);
      return;
    }
  g_free (g_ptr_array_index (self->texts, line));
  g_ptr_array_index (self->texts, line) = text;
  g_clear_object (&g_ptr_array_index (self->layouts, line));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_n_texts (ShkMeasureCell *self,
             guint           n)
{
  if (self->texts->len <= n)
    return;
  g_ptr_array_set_size (self->texts, n);
  g_ptr_array_set_size (self->layouts, n);
  drop_value_lines (self, n);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
refresh_stacked (ShkMeasureCell *self)
{
  GListModel *indicators = shk_measure_get_indicators (self->measure);
  guint n = g_list_model_get_n_items (indicators);

  set_n_texts (self, n);
  for (guint line = 0; line < n; line++)
    {
      g_autoptr(ShkIndicator) indicator = g_list_model_get_item (indicators, line);
      GtkWidget *value_line = line_widget (self, line);

      set_line_text (self, line, shk_measure_column_dup_line_text (self->column, indicator));
      if (value_line != NULL)
        {
          g_autofree char *name = dup_value_name (self, line);

          shk_value_line_set_text (SHK_VALUE_LINE (value_line), g_ptr_array_index (self->texts, line));
          shk_value_line_set_name (SHK_VALUE_LINE (value_line), name);
        }
    }
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
    {
      set_n_texts (self, 1);
      set_line_text (self, 0, shk_measure_column_dup_text (self->column, self->measure));
    }
  if (!self->editable)
    refresh_accessible_name (self);
}

char *
shk_measure_cell_dup_shown_text (ShkMeasureCell *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (SHK_IS_MEASURE_CELL (self), NULL);

  for (guint line = 0; line < n_lines (self); line++)
    {
      GtkWidget *value_line = line_widget (self, line);

      g_string_append_printf (text, "%s%s", line > 0 ? "\n" : "",
                              value_line != NULL ? shk_value_line_get_text (SHK_VALUE_LINE (value_line))
                                                 : (const char *) g_ptr_array_index (self->texts, line));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ------------------------------------------------------------------ */
/* Layout and drawing                                                  */

/* A read-only line's height is the font's: nothing is shaped to know it. */
static int
line_height (ShkMeasureCell *self)
{
  if (self->line_height == 0)
    self->line_height = shk_cell_text_line_height (GTK_WIDGET (self));
  return self->line_height;
}

static int
text_height (ShkMeasureCell *self)
{
  guint n = self->texts->len;

  return n == 0 ? 0 : (int) n * line_height (self) + ((int) n - 1) * LINE_SPACING;
}

/* Line @line's height: a value line's own (its editor may be taller),
 * else the font's. */
static int
height_of_line (ShkMeasureCell *self,
                guint           line,
                int             width)
{
  GtkWidget *child = line_widget (self, line);
  int height;

  if (child == NULL)
    return line_height (self);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  return height;
}

static int
lines_height (ShkMeasureCell *self,
              int             width)
{
  int height = 0;

  for (guint line = 0; line < self->texts->len; line++)
    height += height_of_line (self, line, width) + (line > 0 ? LINE_SPACING : 0);
  return height;
}

static void
shk_measure_cell_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  ShkMeasureCell *self = SHK_MEASURE_CELL (widget);

  *minimum = *natural = 0;
  /* The columns have fixed widths; the text is ellipsized in them. */
  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = self->editable ? lines_height (self, for_size) : text_height (self);
  else
    for (guint line = 0; line < self->lines->len; line++)
      if (g_ptr_array_index (self->lines, line) != NULL)
        {
          int child_min, child_nat;

          gtk_widget_measure (g_ptr_array_index (self->lines, line), orientation, -1,
                              &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
}

/* The lines are stacked in the middle of the cell's height. */
static int
lines_top (ShkMeasureCell *self,
           int             width,
           int             height)
{
  return MAX (0, (height - (self->editable ? lines_height (self, width) : text_height (self))) / 2);
}

static void
shk_measure_cell_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  ShkMeasureCell *self = SHK_MEASURE_CELL (widget);
  int y;

  if (!self->editable)
    return;
  y = lines_top (self, width, height);
  for (guint line = 0; line < self->texts->len; line++)
    {
      GtkWidget *child = line_widget (self, line);
      int line_h = height_of_line (self, line, width);

      if (child != NULL)
        gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, line_h }, -1);
      y += line_h + LINE_SPACING;
    }
}

static void
shk_measure_cell_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  ShkMeasureCell *self = SHK_MEASURE_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int y = lines_top (self, width, gtk_widget_get_height (widget));

  for (guint line = 0; line < self->texts->len; line++)
    {
      int line_h = height_of_line (self, line, width);

      /* A figure is never cut short: it overflows as a label did. */
      if (line_widget (self, line) == NULL)
        shk_cell_text_snapshot (widget, snapshot, (PangoLayout **) &g_ptr_array_index (self->layouts, line),
                                g_ptr_array_index (self->texts, line), self->xalign, !self->editable,
                                0, y, width, line_h);
      y += line_h + LINE_SPACING;
    }
  /* The value lines made for the cursor. */
  GTK_WIDGET_CLASS (shk_measure_cell_parent_class)->snapshot (widget, snapshot);
}

/* A new font or colour: shaped again, measured again. */
static void
shk_measure_cell_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  ShkMeasureCell *self = SHK_MEASURE_CELL (widget);

  GTK_WIDGET_CLASS (shk_measure_cell_parent_class)->css_changed (widget, change);
  for (guint line = 0; line < self->layouts->len; line++)
    g_clear_object (&g_ptr_array_index (self->layouts, line));
  self->line_height = 0;
  if (!self->editable)
    gtk_widget_queue_resize (widget);
}

guint
shk_measure_cell_line_at (ShkMeasureCell *self,
                          double          y)
{
  int width, top;

  g_return_val_if_fail (SHK_IS_MEASURE_CELL (self), 0);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  top = lines_top (self, width, gtk_widget_get_height (GTK_WIDGET (self)));
  for (guint line = 0; line < self->texts->len; line++)
    {
      top += height_of_line (self, line, width) + LINE_SPACING;
      if (y < top - LINE_SPACING / 2.0)
        return line;
    }
  return self->texts->len > 0 ? self->texts->len - 1 : 0;
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

  if (self->editable)
    return ensure_value_line (self, line);
  return GTK_WIDGET (self);
}

void
shk_measure_cell_set_refusal (ShkMeasureCell *self,
                              guint           line,
                              const char     *message)
{
  GtkWidget *value_line;

  g_return_if_fail (SHK_IS_MEASURE_CELL (self));
  g_return_if_fail (self->editable && line < self->texts->len);

  /* The old value comes back; the line stays marked until it takes a
   * valid one, with the reason in its tooltip (a value line, for the
   * error's colour). */
  value_line = message != NULL ? ensure_value_line (self, line) : line_widget (self, line);
  if (line < self->refusals->len)
    {
      g_free (g_ptr_array_index (self->refusals, line));
      g_ptr_array_index (self->refusals, line) = g_strdup (message);
    }
  if (value_line == NULL)
    return;
  if (message != NULL)
    gtk_widget_add_css_class (value_line, "error");
  else
    gtk_widget_remove_css_class (value_line, "error");
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
  for (guint line = 0; line < self->lines->len && line < self->texts->len; line++)
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

  self->editable = shk_measure_column_is_editable (self->column);
  /* A figure is read from the right, as in a spreadsheet. */
  self->xalign = shk_measure_column_is_numeric (self->column) ? 1.0f : 0.0f;
  if (shk_measure_column_is_numeric (self->column))
    gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), has_tooltips (self->column));
  /* The sheet cursor focuses read-only cells themselves. */
  gtk_widget_set_focusable (GTK_WIDGET (self), !self->editable);

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
  drop_value_lines (self, 0);
  g_ptr_array_set_size (self->layouts, 0);

  G_OBJECT_CLASS (shk_measure_cell_parent_class)->dispose (object);
}

static void
shk_measure_cell_finalize (GObject *object)
{
  ShkMeasureCell *self = SHK_MEASURE_CELL (object);

  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
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

  widget_class->measure = shk_measure_cell_measure;
  widget_class->size_allocate = shk_measure_cell_size_allocate;
  widget_class->snapshot = shk_measure_cell_snapshot;
  widget_class->css_changed = shk_measure_cell_css_changed;
  widget_class->query_tooltip = shk_measure_cell_query_tooltip;
}

static void
shk_measure_cell_init (ShkMeasureCell *self)
{
  self->lines = g_ptr_array_new ();
  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->layouts = g_ptr_array_new_with_free_func (free_layout);
  self->refusals = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
shk_measure_cell_new (ShkMeasureColumn *column)
{
  g_return_val_if_fail (SHK_IS_MEASURE_COLUMN (column), NULL);

  return g_object_new (SHK_TYPE_MEASURE_CELL, "column", column, NULL);
}
