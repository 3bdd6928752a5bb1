/* shk-deck-dialog.h — 「スライドを書き出す」: the committee's slides saved as
 * a PowerPoint deck from the window
 *
 * Kept apart from the export dialog (handout, tables, import): the deck
 * is its own file type with its own writer (shk-deck.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "shk-document.h"
#include "shk-job.h"

G_BEGIN_DECLS

/* Asks where to save, next to the plan's file, and writes every slide. */
void    shk_export_deck          (GtkWindow   *parent,
                                  ShkDocument *document);
/* Writes every slide of @document as it is now to @path as a job (shown
 * in @parent's job bar); says in @parent how it ended. Returns the job,
 * or NULL when @parent is busy with another. */
ShkJob *shk_export_deck_to_path  (GtkWindow   *parent,
                                  ShkDocument *document,
                                  const char  *path);

G_END_DECLS
