/* shk-scroll-guard.h — spin buttons that let a scrolled form scroll
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes every GtkSpinButton below @widget ignore the mouse wheel unless it
 * has the keyboard focus, passing the wheel on to the scrolled window it
 * is in. */
void  shk_scroll_guard_spin_buttons  (GtkWidget *widget);

G_END_DECLS
