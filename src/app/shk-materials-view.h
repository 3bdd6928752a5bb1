/* shk-materials-view.h — the 資料 view: the handouts' other materials
 *
 * Three pages: the AI/RPA findings (資料1-3), the next plan (資料2-1)
 * with its schedule and 「次期計画を作成」, and the citizen survey
 * (資料2-2), each computed from the document and refreshed when it
 * changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "shk-document.h"

G_BEGIN_DECLS

#define SHK_TYPE_MATERIALS_VIEW (shk_materials_view_get_type ())
G_DECLARE_FINAL_TYPE (ShkMaterialsView, shk_materials_view, SHK, MATERIALS_VIEW, GtkWidget)

GtkWidget *shk_materials_view_new          (void);
void       shk_materials_view_set_document (ShkMaterialsView *self,
                                            ShkDocument      *document);
/* "findings", "next-plan" or "survey". */
void       shk_materials_view_show_page    (ShkMaterialsView *self,
                                            const char       *name);
/* The page's box of content, for tests. */
GtkWidget *shk_materials_view_get_page     (ShkMaterialsView *self,
                                            const char       *name);

G_END_DECLS
