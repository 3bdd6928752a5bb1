/* shk-frozen-cell.c — a cell of a column that stays put while the table
 * scrolls sideways
 *
 * The column view lays the cell out in its column like any other and
 * scrolls it with the rest; the cell then allocates its pane moved right
 * by the horizontal scroll, which puts it back where the column sits at
 * the start. Two things of the column view's own (GTK 4.8) have to give
 * way, through public widget calls only:
 *
 * - the column's cell widget clips its child to itself: its overflow is
 *   made visible, else the moved pane would be cut away;
 * - a row draws (and picks) its cells in the order of its children, so
 *   the figures' cells would be drawn over the pane: the frozen column's
 *   cell is moved after them. That is done from an idle, never while the
 *   row maps or lays out its children (moving a child while its parent
 *   walks them would skip the rest). Only new rows wait for it, and they
 *   are laid out at the start of the table or while the figures have not
 *   moved under the pane yet, or for a single frame.
 *
 * The pane wears the "frozen" style class (an opaque background, the
 * cell's padding and separator; style.css) and the column's cell the
 * "frozen-column" one (no padding of its own, so the pane covers it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-frozen-cell.h"

struct _ShkFrozenCell
{
  GtkWidget      parent_instance;

  GtkWidget     *pane;          /* the child, moved by the scroll */
  GtkAdjustment *hadjustment;
  float          allocated_scroll;  /* the pane's move when last allocated */
  guint          allocate_tick;
  guint          restack_idle;
};

G_DEFINE_FINAL_TYPE (ShkFrozenCell, shk_frozen_cell, GTK_TYPE_WIDGET)

#define FROZEN_COLUMN_CLASS "frozen-column"

/* ------------------------------------------------------------------ */
/* Restacking                                                          */

/* TRUE when a cell of a scrolling column follows ours in the row. */
static gboolean
needs_restack (GtkWidget *column_cell)
{
  for (GtkWidget *w = gtk_widget_get_next_sibling (column_cell); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (!gtk_widget_has_css_class (w, FROZEN_COLUMN_CLASS))
      return TRUE;
  return FALSE;
}

static gboolean
restack_idle_cb (gpointer user_data)
{
  ShkFrozenCell *self = user_data;
  GtkWidget *column_cell = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *row = column_cell != NULL ? gtk_widget_get_parent (column_cell) : NULL;

  self->restack_idle = 0;
  if (row != NULL && needs_restack (column_cell))
    gtk_widget_insert_before (column_cell, row, NULL);
  return G_SOURCE_REMOVE;
}

void
shk_frozen_cell_queue_restack (ShkFrozenCell *self)
{
  GtkWidget *column_cell;

  g_return_if_fail (SHK_IS_FROZEN_CELL (self));

  column_cell = gtk_widget_get_parent (GTK_WIDGET (self));
  if (column_cell == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  gtk_widget_add_css_class (column_cell, FROZEN_COLUMN_CLASS);
  gtk_widget_set_overflow (column_cell, GTK_OVERFLOW_VISIBLE);
  if (self->restack_idle == 0 && needs_restack (column_cell))
    self->restack_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, restack_idle_cb, self, NULL);
}

static void
shk_frozen_cell_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (shk_frozen_cell_parent_class)->map (widget);
  shk_frozen_cell_queue_restack (SHK_FROZEN_CELL (widget));
}

static void
shk_frozen_cell_unmap (GtkWidget *widget)
{
  ShkFrozenCell *self = SHK_FROZEN_CELL (widget);

  g_clear_handle_id (&self->restack_idle, g_source_remove);
  if (self->allocate_tick != 0)
    gtk_widget_remove_tick_callback (widget, self->allocate_tick);
  self->allocate_tick = 0;
  GTK_WIDGET_CLASS (shk_frozen_cell_parent_class)->unmap (widget);
}

/* ------------------------------------------------------------------ */
/* Layout                                                              */

/* How far the column view has moved its rows left. Not the adjustment's
 * value: when the view pulls that back while it lays itself out (fewer
 * columns), it keeps its rows where they were until it is laid out
 * again (GTK 4.8), and the pane goes with the rows. */
static float
scrolled (ShkFrozenCell *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_COLUMN_VIEW);
  GtkWidget *list = GTK_WIDGET (self);
  graphene_point_t origin;

  if (view == NULL)
    return 0;
  while (gtk_widget_get_parent (list) != view)
    list = gtk_widget_get_parent (list);
  if (!gtk_widget_compute_point (list, view, &GRAPHENE_POINT_INIT (0, 0), &origin))
    return 0;
  return -origin.x;
}

/* The pane follows the scroll in two steps. The column view may move
 * the adjustment while it lays itself out (clamping it to a new width),
 * too late to allocate the cell in that frame, and GTK does not draw a
 * widget waiting for its allocation: so the frame being made draws the
 * pane moved by what the scroll changed since its allocation, and the
 * next frame allocates it where it now belongs (for the clicks, the
 * focus and the cursor's scrolling). */
static gboolean
allocate_tick_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  ShkFrozenCell *self = SHK_FROZEN_CELL (widget);

  self->allocate_tick = 0;
  gtk_widget_queue_allocate (widget);
  return G_SOURCE_REMOVE;
}

static void
on_scrolled (ShkFrozenCell *self)
{
  /* A row out of sight is allocated before it is drawn again. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->allocate_tick == 0)
    self->allocate_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), allocate_tick_cb, NULL, NULL);
}


static void
shk_frozen_cell_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  ShkFrozenCell *self = SHK_FROZEN_CELL (widget);
  float behind = scrolled (self) - self->allocated_scroll;

  if (behind == 0)
    {
      gtk_widget_snapshot_child (widget, self->pane, snapshot);
      return;
    }
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (behind, 0));
  gtk_widget_snapshot_child (widget, self->pane, snapshot);
  gtk_snapshot_restore (snapshot);
}

static void
shk_frozen_cell_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  ShkFrozenCell *self = SHK_FROZEN_CELL (widget);

  gtk_widget_measure (self->pane, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
shk_frozen_cell_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  ShkFrozenCell *self = SHK_FROZEN_CELL (widget);

  self->allocated_scroll = scrolled (self);
  gtk_widget_allocate (self->pane, width, height, baseline,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (self->allocated_scroll, 0)));
  /* A column shown again adds its cells after ours. */
  shk_frozen_cell_queue_restack (self);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
shk_frozen_cell_dispose (GObject *object)
{
  ShkFrozenCell *self = SHK_FROZEN_CELL (object);

  g_clear_handle_id (&self->restack_idle, g_source_remove);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_scrolled, self);
  g_clear_object (&self->hadjustment);
  g_clear_pointer (&self->pane, gtk_widget_unparent);

  G_OBJECT_CLASS (shk_frozen_cell_parent_class)->dispose (object);
}

static void
shk_frozen_cell_class_init (ShkFrozenCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_frozen_cell_dispose;
  widget_class->map = shk_frozen_cell_map;
  widget_class->unmap = shk_frozen_cell_unmap;
  widget_class->measure = shk_frozen_cell_measure;
  widget_class->size_allocate = shk_frozen_cell_size_allocate;
  widget_class->snapshot = shk_frozen_cell_snapshot;

  gtk_widget_class_set_css_name (widget_class, "frozencell");
}

static void
shk_frozen_cell_init (ShkFrozenCell *self)
{
}

GtkWidget *
shk_frozen_cell_new (GtkWidget     *child,
                     GtkAdjustment *hadjustment)
{
  ShkFrozenCell *self;

  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);
  g_return_val_if_fail (hadjustment == NULL || GTK_IS_ADJUSTMENT (hadjustment), NULL);

  self = g_object_new (SHK_TYPE_FROZEN_CELL, NULL);
  /* The child is the pane itself: no box around it, one widget fewer
   * in each of the rows GTK keeps. */
  self->pane = child;
  gtk_widget_add_css_class (child, "frozen");
  gtk_widget_set_parent (child, GTK_WIDGET (self));
  if (hadjustment != NULL)
    {
      self->hadjustment = g_object_ref (hadjustment);
      g_signal_connect_swapped (hadjustment, "value-changed", G_CALLBACK (on_scrolled), self);
    }
  return GTK_WIDGET (self);
}

GtkWidget *
shk_frozen_cell_get_child (ShkFrozenCell *self)
{
  g_return_val_if_fail (SHK_IS_FROZEN_CELL (self), NULL);

  return self->pane;
}

GtkWidget *
shk_frozen_cell_get_pane (ShkFrozenCell *self)
{
  g_return_val_if_fail (SHK_IS_FROZEN_CELL (self), NULL);

  return self->pane;
}
