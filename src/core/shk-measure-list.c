/* shk-measure-list.c — a plan's measures, as the list model views watch
 *
 * A GListStore keeps its items in a GSequence: a node allocated per item
 * and a balanced tree walked for each position. A prefecture's plan has
 * 100,000 measures, appended one by one as they are read and then asked
 * for by position (grading, saving, the table's rows), so an array costs
 * a tenth of that (issue #17).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-measure-list.h"

struct _ShkMeasureList
{
  GObject    parent_instance;

  GPtrArray *measures;  /* ShkMeasure, owned */
};

static void shk_measure_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShkMeasureList, shk_measure_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, shk_measure_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return SHK_TYPE_MEASURE;
}

static guint
get_n_items (GListModel *model)
{
  return SHK_MEASURE_LIST (model)->measures->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  ShkMeasure *measure = shk_measure_list_peek (SHK_MEASURE_LIST (model), position);

  return measure != NULL ? g_object_ref (measure) : NULL;
}

static void
shk_measure_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
shk_measure_list_finalize (GObject *object)
{
  ShkMeasureList *self = SHK_MEASURE_LIST (object);

  g_ptr_array_unref (self->measures);

  G_OBJECT_CLASS (shk_measure_list_parent_class)->finalize (object);
}

static void
shk_measure_list_class_init (ShkMeasureListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shk_measure_list_finalize;
}

static void
shk_measure_list_init (ShkMeasureList *self)
{
  self->measures = g_ptr_array_new_with_free_func (g_object_unref);
}

ShkMeasureList *
shk_measure_list_new (void)
{
  return g_object_new (SHK_TYPE_MEASURE_LIST, NULL);
}

ShkMeasure *
shk_measure_list_peek (ShkMeasureList *self,
                       guint           position)
{
  g_return_val_if_fail (SHK_IS_MEASURE_LIST (self), NULL);

  if (position >= self->measures->len)
    return NULL;
  return g_ptr_array_index (self->measures, position);
}

void
shk_measure_list_insert (ShkMeasureList *self,
                         guint           position,
                         ShkMeasure     *measure)
{
  g_return_if_fail (SHK_IS_MEASURE_LIST (self));
  g_return_if_fail (SHK_IS_MEASURE (measure));

  position = MIN (position, self->measures->len);
  g_ptr_array_insert (self->measures, (gint) position, g_object_ref (measure));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
shk_measure_list_remove (ShkMeasureList *self,
                         guint           position)
{
  g_return_if_fail (SHK_IS_MEASURE_LIST (self));
  g_return_if_fail (position < self->measures->len);

  g_ptr_array_remove_index (self->measures, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}
