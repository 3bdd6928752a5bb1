/* shk-round-status-cell.h — a round's section status, coloured
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-round-section.h"

G_BEGIN_DECLS

#define SHK_TYPE_ROUND_STATUS_CELL (shk_round_status_cell_get_type ())
G_DECLARE_FINAL_TYPE (ShkRoundStatusCell, shk_round_status_cell, SHK, ROUND_STATUS_CELL, GtkWidget)

GtkWidget  *shk_round_status_cell_new         (void);
/* Property "section": the item shown, or NULL. */
void        shk_round_status_cell_set_section (ShkRoundStatusCell *self,
                                               ShkRoundSection    *section);
/* What the cell says, for tests: 「回答済」, 「未回答・期限超過」… */
const char *shk_round_status_cell_get_text    (ShkRoundStatusCell *self);

G_END_DECLS
