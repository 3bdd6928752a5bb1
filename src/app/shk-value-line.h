/* shk-value-line.c — a value line of a table cell, its editor made on demand
 *
 * Shows a value as text it draws itself (no label: its height comes
 * from the font, its text is shaped only when drawn); the in-place
 * editor (a GtkEditableLabel, a stack, a label and a text entry with its
 * input method) is made only when editing starts and dropped when it ends. GTK 4.8's column view
 * keeps ~200 rows of a dozen such lines alive and binds a screenful of
 * them on every scroll step, so the editors were most of a table's
 * widgets though at most one is ever in use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SHK_TYPE_VALUE_LINE (shk_value_line_get_type ())
G_DECLARE_FINAL_TYPE (ShkValueLine, shk_value_line, SHK, VALUE_LINE, GtkWidget)

GtkWidget        *shk_value_line_new           (float         xalign,
                                                int           width_chars);
const char       *shk_value_line_get_text      (ShkValueLine *self);
/* Ignored while editing: the typed text is not overwritten. */
void              shk_value_line_set_text      (ShkValueLine *self,
                                                const char   *text);
/* The name screen readers say, for the line and for its editor. */
void              shk_value_line_set_name      (ShkValueLine *self,
                                                const char   *name);
/* Makes the editor and starts editing in it; returns the editor (the
 * line owns it), whose "editing" turning FALSE ends the edit. */
GtkEditableLabel *shk_value_line_start_editing (ShkValueLine *self);
/* The editor while editing, else NULL. */
GtkEditableLabel *shk_value_line_get_editor    (ShkValueLine *self);
gboolean          shk_value_line_get_editing   (ShkValueLine *self);

G_END_DECLS
