/* shk-wrap-box.h — a row of controls that wraps onto more lines when narrow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The layout: children left to right at their natural width, wrapped
 * onto a new line when the next does not fit. Its minimum width is the
 * widest child's, so a toolbar of filters never keeps a window wide. */
#define SHK_TYPE_WRAP_LAYOUT (shk_wrap_layout_get_type ())
G_DECLARE_FINAL_TYPE (ShkWrapLayout, shk_wrap_layout, SHK, WRAP_LAYOUT, GtkLayoutManager)

void       shk_wrap_layout_set_spacing (ShkWrapLayout *self,
                                        int            spacing);

/* A widget of that layout for .ui files: its <child>ren flow and wrap. */
#define SHK_TYPE_WRAP_BOX (shk_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (ShkWrapBox, shk_wrap_box, SHK, WRAP_BOX, GtkWidget)

GtkWidget *shk_wrap_box_new            (void);

G_END_DECLS
