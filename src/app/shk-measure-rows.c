/* shk-measure-rows.c — the plan's measures as the measures table sees them
 *
 * A list model that passes the plan's list of measures through unchanged
 * and adds one thing: an edited measure can be announced as
 * "items-changed" of its own position. GtkFilterListModel and
 * GtkSortListModel then filter and place that one measure again, instead
 * of refiltering and resorting every measure after each edit, and the
 * list item manager keeps the row's widgets (the same item comes back).
 * The plan's own list cannot be used for this: its "items-changed" means
 * measures were added or removed, and the grade index grades everything
 * again when it hears one.
 *
 * Positions are kept in a hash table rebuilt only when the list itself
 * changes, so announcing an edit is O(1) on a plan of 100,000 measures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-measure-rows.h"

struct _ShkMeasureRows
{
  GObject     parent_instance;

  GListModel *model;
  GHashTable *positions;   /* ShkMeasure → position + 1; NULL until asked */
};

static void shk_measure_rows_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShkMeasureRows, shk_measure_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      shk_measure_rows_list_model_init))

static GType
get_item_type (GListModel *list)
{
  return SHK_TYPE_MEASURE;
}

static guint
get_n_items (GListModel *list)
{
  ShkMeasureRows *self = SHK_MEASURE_ROWS (list);

  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

static gpointer
get_item (GListModel *list,
          guint       position)
{
  ShkMeasureRows *self = SHK_MEASURE_ROWS (list);

  return self->model != NULL ? g_list_model_get_item (self->model, position) : NULL;
}

static void
shk_measure_rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
on_items_changed (ShkMeasureRows *self,
                  guint           position,
                  guint           removed,
                  guint           added)
{
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
ensure_positions (ShkMeasureRows *self)
{
  guint n;

  if (self->positions != NULL || self->model == NULL)
    return;

  self->positions = g_hash_table_new (NULL, NULL);
  n = g_list_model_get_n_items (self->model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (self->model, i);

      /* The list holds the measure, so the key outlives the entry. */
      g_hash_table_insert (self->positions, measure, GUINT_TO_POINTER (i + 1));
    }
}

void
shk_measure_rows_measure_changed (ShkMeasureRows *self,
                                  ShkMeasure     *measure)
{
  guint position;

  g_return_if_fail (SHK_IS_MEASURE_ROWS (self));

  ensure_positions (self);
  if (self->positions == NULL)
    return;
  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, measure));
  if (position != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position - 1, 1, 1);
}

void
shk_measure_rows_set_model (ShkMeasureRows *self,
                            GListModel     *model)
{
  guint removed, added;

  g_return_if_fail (SHK_IS_MEASURE_ROWS (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  removed = get_n_items (G_LIST_MODEL (self));
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_set_object (&self->model, model);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed), self);
  added = get_n_items (G_LIST_MODEL (self));
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}

ShkMeasureRows *
shk_measure_rows_new (void)
{
  return g_object_new (SHK_TYPE_MEASURE_ROWS, NULL);
}

static void
shk_measure_rows_dispose (GObject *object)
{
  ShkMeasureRows *self = SHK_MEASURE_ROWS (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  G_OBJECT_CLASS (shk_measure_rows_parent_class)->dispose (object);
}

static void
shk_measure_rows_class_init (ShkMeasureRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = shk_measure_rows_dispose;
}

static void
shk_measure_rows_init (ShkMeasureRows *self)
{
}
