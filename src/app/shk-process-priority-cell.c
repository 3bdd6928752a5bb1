/* shk-process-priority-cell.c — the priority class of a process, as a choice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-drop-down-a11y.h"
#include "shk-process-cell.h"
#include "shk-process-priority-cell.h"

struct _ShkProcessPriorityCell
{
  GtkWidget        parent_instance;

  ShkProcessTable *table;         /* not owned: the table holds the cell */
  ShkProcess      *process;
  gboolean         updating;      /* showing the process, not a choice */

  /* template children */
  GtkDropDown     *drop_down;
};

G_DEFINE_FINAL_TYPE (ShkProcessPriorityCell, shk_process_priority_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TABLE,
  PROP_PROCESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
refresh (ShkProcessPriorityCell *self)
{
  if (self->process == NULL)
    return;

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->drop_down, (guint) shk_process_get_priority (self->process));
  self->updating = FALSE;

  /* Screen readers hear which process's priority, not "GtkDropDown". */
  if (self->table != NULL)
    {
      g_autofree char *name = shk_process_table_dup_cell_name (self->table, self->process,
                                                               SHK_PROCESS_COLUMN_PRIORITY);

      shk_drop_down_a11y_update (self->drop_down, name);
    }
}

static void
on_selected (ShkProcessPriorityCell *self)
{
  guint selected = gtk_drop_down_get_selected (self->drop_down);

  if (self->process == NULL || self->updating || self->table == NULL)
    return;
  if (selected == GTK_INVALID_LIST_POSITION || selected >= SHK_N_PRIORITIES)
    return;

  shk_process_table_set_priority (self->table, self->process, (ShkPriority) selected);
}

ShkProcess *
shk_process_priority_cell_get_process (ShkProcessPriorityCell *self)
{
  g_return_val_if_fail (SHK_IS_PROCESS_PRIORITY_CELL (self), NULL);

  return self->process;
}

void
shk_process_priority_cell_set_process (ShkProcessPriorityCell *self,
                                       ShkProcess             *process)
{
  g_return_if_fail (SHK_IS_PROCESS_PRIORITY_CELL (self));
  g_return_if_fail (process == NULL || SHK_IS_PROCESS (process));

  if (self->process == process)
    return;

  if (self->process != NULL)
    g_signal_handlers_disconnect_by_func (self->process, refresh, self);
  g_set_object (&self->process, process);
  if (process != NULL)
    g_signal_connect_swapped (process, "changed", G_CALLBACK (refresh), self);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROCESS]);
}

static GListModel *
priority_labels (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint p = 0; p < SHK_N_PRIORITIES; p++)
    gtk_string_list_append (labels, shk_priority_get_label ((ShkPriority) p));
  return G_LIST_MODEL (labels);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
shk_process_priority_cell_dispose (GObject *object)
{
  ShkProcessPriorityCell *self = SHK_PROCESS_PRIORITY_CELL (object);

  shk_process_priority_cell_set_process (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_PROCESS_PRIORITY_CELL);

  G_OBJECT_CLASS (shk_process_priority_cell_parent_class)->dispose (object);
}

static void
shk_process_priority_cell_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  ShkProcessPriorityCell *self = SHK_PROCESS_PRIORITY_CELL (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_object (value, self->table);
      break;
    case PROP_PROCESS:
      g_value_set_object (value, self->process);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_process_priority_cell_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  ShkProcessPriorityCell *self = SHK_PROCESS_PRIORITY_CELL (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      self->table = g_value_get_object (value);
      break;
    case PROP_PROCESS:
      shk_process_priority_cell_set_process (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_process_priority_cell_class_init (ShkProcessPriorityCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_process_priority_cell_dispose;
  object_class->get_property = shk_process_priority_cell_get_property;
  object_class->set_property = shk_process_priority_cell_set_property;

  properties[PROP_TABLE] =
    g_param_spec_object ("table", NULL, NULL, SHK_TYPE_PROCESS_TABLE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROCESS] =
    g_param_spec_object ("process", NULL, NULL, SHK_TYPE_PROCESS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-process-priority-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkProcessPriorityCell, drop_down);
  gtk_widget_class_bind_template_callback (widget_class, on_selected);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
shk_process_priority_cell_init (ShkProcessPriorityCell *self)
{
  g_autoptr(GListModel) labels = priority_labels ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Set before any process, so that showing one is never taken for a
   * choice (the drop-down selects its first item when given a model). */
  self->updating = TRUE;
  gtk_drop_down_set_model (self->drop_down, labels);
  self->updating = FALSE;
}

GtkWidget *
shk_process_priority_cell_new (ShkProcessTable *table)
{
  return g_object_new (SHK_TYPE_PROCESS_PRIORITY_CELL, "table", table, NULL);
}

GtkWidget *
shk_process_priority_cell_get_drop_down (ShkProcessPriorityCell *self)
{
  g_return_val_if_fail (SHK_IS_PROCESS_PRIORITY_CELL (self), NULL);

  return GTK_WIDGET (self->drop_down);
}
