/* shk-wrap-box.c — a row of controls that wraps onto more lines when narrow
 *
 * GTK 4.8 has no wrapping box (AdwWrapBox came with libadwaita 1.7), and
 * a GtkFlowBox puts a focusable, nameless child around every control, so
 * this small layout manager does the flowing. Spacing is the same across
 * and between lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-wrap-box.h"

#define DEFAULT_SPACING 6

struct _ShkWrapLayout
{
  GtkLayoutManager parent_instance;

  int              spacing;
};

G_DEFINE_FINAL_TYPE (ShkWrapLayout, shk_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

static int
natural_width (GtkWidget *child,
               int        available)
{
  int minimum, natural;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return available < 0 ? natural : CLAMP (natural, minimum, MAX (minimum, available));
}

static int
height_for (GtkWidget *child,
            int        width,
            gboolean   natural)
{
  int minimum, nat;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &minimum, &nat, NULL, NULL);
  return natural ? nat : minimum;
}

/* Flows the children into @width (-1: one line); with @allocate, gives
 * each its place. Returns the height the lines take. */
static int
flow (ShkWrapLayout *self,
      GtkWidget     *widget,
      int            width,
      gboolean       natural,
      gboolean       allocate)
{
  GtkWidget *line_start = gtk_widget_get_first_child (widget);
  int y = 0;

  while (line_start != NULL)
    {
      GtkWidget *line_end = line_start;
      int x = 0, line_height = 0;

      /* Which children share this line, and how tall it is. */
      for (GtkWidget *child = line_start; child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int w;

          line_end = gtk_widget_get_next_sibling (child);
          if (!gtk_widget_should_layout (child))
            continue;
          w = natural_width (child, width);
          if (x > 0 && width >= 0 && x + w > width)
            {
              line_end = child;
              break;
            }
          line_height = MAX (line_height, height_for (child, w, natural));
          x += w + self->spacing;
        }

      if (allocate)
        {
          x = 0;
          for (GtkWidget *child = line_start; child != line_end; child = gtk_widget_get_next_sibling (child))
            {
              int w;

              if (!gtk_widget_should_layout (child))
                continue;
              w = natural_width (child, width);
              gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, w, line_height }, -1);
              x += w + self->spacing;
            }
        }

      if (line_height > 0)
        y += line_height + self->spacing;
      line_start = line_end;
    }
  return MAX (0, y - self->spacing);
}

static GtkSizeRequestMode
shk_wrap_layout_get_request_mode (GtkLayoutManager *manager,
                                  GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
shk_wrap_layout_measure (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         GtkOrientation    orientation,
                         int               for_size,
                         int              *minimum,
                         int              *natural,
                         int              *minimum_baseline,
                         int              *natural_baseline)
{
  ShkWrapLayout *self = SHK_WRAP_LAYOUT (manager);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int visible = 0;

      /* At least the widest child; at best all on one line. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_minimum, child_natural;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_minimum, &child_natural, NULL, NULL);
          *minimum = MAX (*minimum, child_minimum);
          *natural += child_natural;
          visible++;
        }
      *natural += MAX (0, visible - 1) * self->spacing;
    }
  else
    {
      *minimum = flow (self, widget, for_size, FALSE, FALSE);
      *natural = flow (self, widget, for_size, TRUE, FALSE);
    }
}

static void
shk_wrap_layout_allocate (GtkLayoutManager *manager,
                          GtkWidget        *widget,
                          int               width,
                          int               height,
                          int               baseline)
{
  flow (SHK_WRAP_LAYOUT (manager), widget, width, FALSE, TRUE);
}

static void
shk_wrap_layout_class_init (ShkWrapLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = shk_wrap_layout_get_request_mode;
  manager_class->measure = shk_wrap_layout_measure;
  manager_class->allocate = shk_wrap_layout_allocate;
}

static void
shk_wrap_layout_init (ShkWrapLayout *self)
{
  self->spacing = DEFAULT_SPACING;
}

void
shk_wrap_layout_set_spacing (ShkWrapLayout *self,
                             int            spacing)
{
  g_return_if_fail (SHK_IS_WRAP_LAYOUT (self));

  self->spacing = MAX (0, spacing);
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
}

/* ------------------------------------------------------------------ */

struct _ShkWrapBox
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (ShkWrapBox, shk_wrap_box, GTK_TYPE_WIDGET)

static void
shk_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (shk_wrap_box_parent_class)->dispose (object);
}

static void
shk_wrap_box_class_init (ShkWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_wrap_box_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, SHK_TYPE_WRAP_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "box");
}

static void
shk_wrap_box_init (ShkWrapBox *self)
{
}

GtkWidget *
shk_wrap_box_new (void)
{
  return g_object_new (SHK_TYPE_WRAP_BOX, NULL);
}
