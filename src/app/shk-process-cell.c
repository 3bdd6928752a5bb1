/* shk-process-cell.c — one cell of the processes table
 *
 * A label, or an in-place editor for the hours, the name and the
 * expected reduction. The cell follows its process (and, for the rank,
 * the cumulative share and the section, the table's ranking) by itself,
 * so the list item factory only creates it and binds "item" to
 * "process". The child is made in code rather than from a template
 * because the editor comes from shk_editable_cell_new(), which adds the
 * GTK 4.8 focus workaround a template could not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-editable-cell.h"
#include "shk-process-cell.h"

struct _ShkProcessCell
{
  GtkWidget         parent_instance;

  ShkProcessTable  *table;        /* not owned: the table holds the cell */
  ShkProcessColumn  column;
  ShkProcess       *process;
  guint             position;
  GtkWidget        *child;        /* GtkLabel or GtkEditableLabel */
};

G_DEFINE_FINAL_TYPE (ShkProcessCell, shk_process_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TABLE,
  PROP_COLUMN,
  PROP_PROCESS,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
column_is_editable (ShkProcessColumn column)
{
  return column == SHK_PROCESS_COLUMN_HOURS || column == SHK_PROCESS_COLUMN_NAME ||
         column == SHK_PROCESS_COLUMN_REDUCTION;
}

static gboolean
column_is_numeric (ShkProcessColumn column)
{
  return column == SHK_PROCESS_COLUMN_RANK || column == SHK_PROCESS_COLUMN_HOURS ||
         column == SHK_PROCESS_COLUMN_REDUCTION || column == SHK_PROCESS_COLUMN_CUMULATIVE;
}

/* The edit's name for the column, as shk_edit_process_cell() takes it. */
static const char *
column_key (ShkProcessColumn column)
{
  switch (column)
    {
    case SHK_PROCESS_COLUMN_HOURS: return "hours";
    case SHK_PROCESS_COLUMN_NAME: return "name";
    case SHK_PROCESS_COLUMN_REDUCTION: return "expected-reduction";
    default: return NULL;
    }
}

/* What a screen reader says for an editable cell: 「No.12 の年間処理時間」,
 * or the process's name where it has no rank. */
static const char *
column_spoken_name (ShkProcessColumn column)
{
  switch (column)
    {
    case SHK_PROCESS_COLUMN_HOURS: return _("hours per year");
    case SHK_PROCESS_COLUMN_NAME: return _("process name");
    case SHK_PROCESS_COLUMN_REDUCTION: return _("expected reduction");
    default: return NULL;
    }
}

char *
shk_process_cell_accessible_name (ShkProcessTable *table,
                                  ShkProcess      *process,
                                  const char      *what)
{
  guint rank = shk_process_table_get_rank (table, process);

  if (rank > 0)
    /* TRANSLATORS: a cell of the processes table for screen readers: rank, column. */
    return g_strdup_printf (C_("accessible cell", "No.%u %s"), rank, what);
  /* TRANSLATORS: a cell of an unranked process: its name, the column. */
  return g_strdup_printf (_("“%s” %s"), shk_process_get_name (process), what);
}

static void
update_accessible_name (ShkProcessCell *self)
{
  g_autofree char *name = NULL;

  if (!GTK_IS_EDITABLE_LABEL (self->child) || self->process == NULL)
    return;
  name = shk_process_cell_accessible_name (self->table, self->process,
                                           column_spoken_name (self->column));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
refresh (ShkProcessCell *self)
{
  g_autofree char *text = NULL;

  if (self->process == NULL)
    return;

  text = shk_process_table_cell_text (self->table, self->process, self->column);
  if (GTK_IS_EDITABLE_LABEL (self->child))
    {
      if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (self->child)))
        gtk_editable_set_text (GTK_EDITABLE (self->child), text);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->child), text);
  update_accessible_name (self);

  /* Screen readers hear which process and column, not the class. */
  {
    g_autofree char *name = shk_process_table_dup_cell_name (self->table, self->process, self->column);

    gtk_accessible_update_property (GTK_ACCESSIBLE (shk_process_cell_get_target (self)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }

  /* Grouped by section, the section is printed once per group. */
  if (self->column == SHK_PROCESS_COLUMN_SECTION)
    {
      if (shk_process_table_repeats_section (self->table, self->position))
        gtk_widget_add_css_class (self->child, "dim-label");
      else
        gtk_widget_remove_css_class (self->child, "dim-label");
    }
}

static void
on_editing_changed (ShkProcessCell *self)
{
  GtkWidget *label = self->child;
  g_autoptr(GError) error = NULL;

  if (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (label)) || self->process == NULL)
    return;

  if (shk_process_table_commit_cell (self->table, self->process, column_key (self->column),
                                     gtk_editable_get_text (GTK_EDITABLE (label)), &error))
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_set_tooltip_text (label, NULL);
    }
  else
    {
      /* The table keeps the old value and tells the view why. */
      gtk_widget_add_css_class (label, "error");
      gtk_widget_set_tooltip_text (label, error->message);
    }
  refresh (self);
}

static GtkWidget *
child_new (ShkProcessCell *self)
{
  GtkWidget *child;

  if (column_is_editable (self->column))
    {
      child = shk_editable_cell_new ();
      g_signal_connect_swapped (child, "notify::editing", G_CALLBACK (on_editing_changed), self);
      if (column_is_numeric (self->column))
        gtk_editable_set_alignment (GTK_EDITABLE (child), 1.0);
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (child), column_is_numeric (self->column) ? 1.0 : 0.0);
    }

  if (column_is_numeric (self->column))
    {
      gtk_widget_set_halign (child, GTK_ALIGN_END);
      gtk_widget_add_css_class (child, "numeric");
    }
  return child;
}

GtkWidget *
shk_process_cell_get_target (ShkProcessCell *self)
{
  g_return_val_if_fail (SHK_IS_PROCESS_CELL (self), NULL);

  return column_is_editable (self->column) ? self->child : GTK_WIDGET (self);
}

ShkProcess *
shk_process_cell_get_process (ShkProcessCell *self)
{
  g_return_val_if_fail (SHK_IS_PROCESS_CELL (self), NULL);

  return self->process;
}

void
shk_process_cell_set_process (ShkProcessCell *self,
                              ShkProcess     *process)
{
  g_return_if_fail (SHK_IS_PROCESS_CELL (self));
  g_return_if_fail (process == NULL || SHK_IS_PROCESS (process));

  if (self->process == process)
    return;

  if (self->process != NULL)
    g_signal_handlers_disconnect_by_func (self->process, refresh, self);
  g_set_object (&self->process, process);
  if (process != NULL)
    g_signal_connect_swapped (process, "changed", G_CALLBACK (refresh), self);

  if (self->column == SHK_PROCESS_COLUMN_NAME && process != NULL)
    {
      g_autofree char *tooltip = g_strdup_printf ("%s\n%s", shk_process_get_name (process),
                                                  shk_process_get_business (process));
      gtk_widget_set_tooltip_text (self->child, tooltip);
    }

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROCESS]);
}

static void
set_position (ShkProcessCell *self,
              guint           position)
{
  if (self->position == position)
    return;
  self->position = position;
  if (self->column == SHK_PROCESS_COLUMN_SECTION)
    refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
shk_process_cell_constructed (GObject *object)
{
  ShkProcessCell *self = SHK_PROCESS_CELL (object);

  G_OBJECT_CLASS (shk_process_cell_parent_class)->constructed (object);

  g_return_if_fail (SHK_IS_PROCESS_TABLE (self->table));

  self->child = child_new (self);
  gtk_widget_set_parent (self->child, GTK_WIDGET (self));
  /* The sheet cursor focuses read-only cells themselves. */
  gtk_widget_set_focusable (GTK_WIDGET (self), !column_is_editable (self->column));

  /* Editing one process re-ranks the others; grouping changes which
   * section cells repeat the one above. */
  if (self->column == SHK_PROCESS_COLUMN_RANK || self->column == SHK_PROCESS_COLUMN_CUMULATIVE ||
      self->column == SHK_PROCESS_COLUMN_SECTION)
    g_signal_connect_object (self->table, "ranking-changed", G_CALLBACK (refresh), self,
                             G_CONNECT_SWAPPED);
}

static void
shk_process_cell_dispose (GObject *object)
{
  ShkProcessCell *self = SHK_PROCESS_CELL (object);

  shk_process_cell_set_process (self, NULL);
  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (shk_process_cell_parent_class)->dispose (object);
}

static void
shk_process_cell_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ShkProcessCell *self = SHK_PROCESS_CELL (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_object (value, self->table);
      break;
    case PROP_COLUMN:
      g_value_set_uint (value, self->column);
      break;
    case PROP_PROCESS:
      g_value_set_object (value, self->process);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_process_cell_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ShkProcessCell *self = SHK_PROCESS_CELL (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      self->table = g_value_get_object (value);
      break;
    case PROP_COLUMN:
      self->column = g_value_get_uint (value);
      break;
    case PROP_PROCESS:
      shk_process_cell_set_process (self, g_value_get_object (value));
      break;
    case PROP_POSITION:
      set_position (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_process_cell_class_init (ShkProcessCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = shk_process_cell_constructed;
  object_class->dispose = shk_process_cell_dispose;
  object_class->get_property = shk_process_cell_get_property;
  object_class->set_property = shk_process_cell_set_property;

  properties[PROP_TABLE] =
    g_param_spec_object ("table", NULL, NULL, SHK_TYPE_PROCESS_TABLE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN] =
    g_param_spec_uint ("column", NULL, NULL, 0, SHK_PROCESS_N_COLUMNS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROCESS] =
    g_param_spec_object ("process", NULL, NULL, SHK_TYPE_PROCESS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The row's position in the table, for the section's grouping. */
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
shk_process_cell_init (ShkProcessCell *self)
{
}

GtkWidget *
shk_process_cell_new (ShkProcessTable  *table,
                      ShkProcessColumn  column)
{
  return g_object_new (SHK_TYPE_PROCESS_CELL, "table", table, "column", column, NULL);
}
