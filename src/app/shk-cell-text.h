/* shk-cell-text.h — text drawn by a table cell itself, without a label
 *
 * GTK 4.8's column view keeps ~200 rows alive however few are on screen,
 * and lays out every one of them: a GtkLabel shapes its text to answer
 * how tall it is. The measures table's cells instead answer from the
 * font (a line's height, measured once per font and cached) and shape
 * their text only when they are drawn, so only the rows on screen do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The height of one line of text in @widget's font, Latin and Japanese
 * alike (a Japanese fallback font is often taller). The sizes are kept
 * per font; a widget may keep them too, until its style changes. */
int  shk_cell_text_line_height  (GtkWidget    *widget);
/* The same for a caption (shk_cell_text_caption_attributes ()). */
int  shk_cell_text_caption_height (GtkWidget  *widget);
/* The attributes of a caption's text (Adwaita's .caption size); owned
 * by the function. */
PangoAttrList *shk_cell_text_caption_attributes (void);
/* The width of a digit in @widget's font, for a width in characters. */
int  shk_cell_text_digit_width  (GtkWidget    *widget);

/* Draws @text in the box (@x, @y, @width, @height) of @widget, centred
 * vertically, placed by @xalign (mirrored right to left) in @widget's
 * colour and font; ellipsized at the end when @ellipsize. @layout caches
 * the shaped text: NULL makes it, and the caller clears it when the text
 * or the style change. */
void shk_cell_text_snapshot     (GtkWidget    *widget,
                                 GtkSnapshot  *snapshot,
                                 PangoLayout **layout,
                                 const char   *text,
                                 float         xalign,
                                 gboolean      ellipsize,
                                 int           x,
                                 int           y,
                                 int           width,
                                 int           height);

G_END_DECLS
