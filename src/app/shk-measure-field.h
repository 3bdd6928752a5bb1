/* shk-measure-field.h — a text field of the detail pane, committed whole
 *
 * Watches one GtkEditable (an entry or an entry row) or GtkTextView. What
 * the user types makes the field "dirty"; Enter (not in a text view) or
 * leaving the field emits "commit" with the text, once, so that one undo
 * takes back one change as the user thinks of it. A dirty field is never
 * overwritten from the model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SHK_TYPE_MEASURE_FIELD (shk_measure_field_get_type ())
G_DECLARE_FINAL_TYPE (ShkMeasureField, shk_measure_field, SHK, MEASURE_FIELD, GObject)

ShkMeasureField *shk_measure_field_new         (GtkWidget       *widget);
GtkWidget       *shk_measure_field_get_widget  (ShkMeasureField *self);
/* Emits "commit" if the user typed something not yet committed. */
void             shk_measure_field_commit      (ShkMeasureField *self);
/* Shows @text from the model, unless the user is typing. */
void             shk_measure_field_set_text    (ShkMeasureField *self,
                                                const char      *text);
/* Forgets what was typed and the refusal mark. */
void             shk_measure_field_reset       (ShkMeasureField *self);
/* Marks the field (the "error" style class) after a refused commit. */
void             shk_measure_field_set_refused (ShkMeasureField *self,
                                                gboolean         refused);

G_END_DECLS
