/* shk-conflict-row.h — one conflict of the replies' review, settled in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "shk-collect.h"

G_BEGIN_DECLS

#define SHK_TYPE_CONFLICT_ROW (shk_conflict_row_get_type ())
G_DECLARE_FINAL_TYPE (ShkConflictRow, shk_conflict_row, SHK, CONFLICT_ROW, AdwComboRow)

/* The row of conflict @index of @collect: a measure's conflict, or the
 * survey's when @collect holds survey replies. Its first item keeps the
 * document's value, then one item per reply; choosing one settles the
 * conflict in @collect (applied later, with the rest of the review). */
GtkWidget *shk_conflict_row_new (ShkCollect *collect,
                                 guint       index);

G_END_DECLS
