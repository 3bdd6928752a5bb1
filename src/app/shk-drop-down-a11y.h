/* shk-drop-down-a11y.h — a name for the button inside a GtkDropDown
 *
 * GTK 4.8's GtkDropDown hands the keyboard focus to a toggle button
 * inside it, and that button has no name of its own: a screen reader
 * announces "GtkToggleButton" on every chooser, whatever label the drop
 * down itself carries. These functions give the drop-down and its
 * button the chooser's name, followed on the button by the choice
 * shown ("優先度：優先度（高）"), since a toggle button's value is not
 * read otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names @drop_down and its button once, from the choice shown now. */
void shk_drop_down_a11y_update (GtkDropDown *drop_down,
                                const char  *name);
/* Names them now and again whenever the choice or the list changes. */
void shk_drop_down_a11y_follow (GtkDropDown *drop_down,
                                const char  *name);

G_END_DECLS
