/* shk-editable-cell.c — the in-place editor of the views' table cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-editable-cell.h"

/* GTK 4.8's GtkEditableLabel stops editing from a 100 ms timeout after
 * it loses the focus, and that timeout uses the label's focus controller
 * even if the label was destroyed meanwhile (as when the window closes
 * with the focus in a cell). Holding the label a little longer than that
 * keeps the controller valid; GTK 4.10 fixed this upstream. The low
 * priority lets GTK's timeout go first even when a busy main loop finds
 * both due at once. */
static gboolean
keep_until_timeout (gpointer data)
{
  return G_SOURCE_REMOVE;
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                gpointer                 user_data)
{
  GtkWidget *label = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  g_timeout_add_full (G_PRIORITY_LOW, 250, keep_until_timeout,
                      g_object_ref (label), g_object_unref);
}

GtkWidget *
shk_editable_cell_new (void)
{
  GtkWidget *label = gtk_editable_label_new ("");
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), NULL);
  gtk_widget_add_controller (label, focus);
  return label;
}
