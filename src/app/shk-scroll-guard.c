/* shk-scroll-guard.c — spin buttons that let a scrolled form scroll
 *
 * A GtkSpinButton changes its value on the mouse wheel. In a long form
 * that scrolls, a wheel turn meant for the page then silently edits
 * whatever figure passes under the pointer (an hourly rate, a number of
 * years). A spin button here only takes the wheel once it has the focus,
 * as in GNOME Settings; otherwise the page scrolls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "shk-scroll-guard.h"

static gboolean
spin_has_focus (GtkWidget *spin)
{
  GtkRoot *root = gtk_widget_get_root (spin);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == spin || gtk_widget_is_ancestor (focus, spin));
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           gpointer                  user_data)
{
  GtkWidget *spin = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  double step;

  if (spin_has_focus (spin))
    return FALSE;

  scrolled = gtk_widget_get_ancestor (spin, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled == NULL)
    return TRUE;

  /* About what GtkScrolledWindow scrolls for one wheel step. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  step = MAX (pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0), 20.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
  return TRUE;
}

static void
guard (GtkWidget *spin)
{
  GtkEventController *scroll;

  if (g_object_get_data (G_OBJECT (spin), "shk-scroll-guard") != NULL)
    return;

  /* In the capture phase, before the spin button's own wheel handling. */
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), NULL);
  gtk_widget_add_controller (spin, scroll);
  g_object_set_data (G_OBJECT (spin), "shk-scroll-guard", GINT_TO_POINTER (TRUE));
}

void
shk_scroll_guard_spin_buttons (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_SPIN_BUTTON (widget))
    {
      guard (widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    shk_scroll_guard_spin_buttons (child);
}
