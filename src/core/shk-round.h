/* shk-round.h — the request round: who was asked, who has answered
 *
 * A round starts when the request workbooks are written (the sections
 * asked, their measures, the year, the due date, the folder) and moves
 * on as replies are applied: each section is then replied (回答済), still
 * missing (未回答) or refused (不受理, its reply was not accepted). It is
 * a GListModel of ShkRoundSection so that a view shows it as it is.
 *
 * The round belongs to the plan (shk_plan_get_round()) and is saved in
 * its file as "round" (docs/file-format.md), so the office keeps who was
 * asked and who answered from one session to the next.
 *
 * Both ways a round changes are changes of the document:
 * - Recording replies is part of the collect's undo step: undoing it
 *   takes the sections back to where they were, and undoing back to the
 *   saved state leaves the document unmodified.
 * - Starting a round is deliberately not undoable. The workbooks are out
 *   in the sections' hands and undo cannot unwrite them; a record that
 *   forgot them would have the office lose track of the sections it
 *   asked, and of the day and the folder they went out in. So it
 *   makes the document modified until it is saved, whatever is undone
 *   (ShkDocument counts a round change that pushed no undo entry as a
 *   change no undo takes back). An undo entry of an earlier round leaves
 *   the newer round alone.
 *
 * Collecting replies without a round recorded (a plan from before rounds
 * were saved, or whose requests the command line wrote without
 * --record) starts one from the replies (their year and due date, every
 * owning section asked), as the command line's collect does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shk-collect.h"
#include "shk-plan.h"
#include "shk-request.h"
#include "shk-round-section.h"
#include "shk-undo.h"

G_BEGIN_DECLS

#define SHK_TYPE_ROUND (shk_round_get_type ())
G_DECLARE_FINAL_TYPE (ShkRound, shk_round, SHK, ROUND, GObject)

ShkRound    *shk_round_new               (void);

/* No round has been started. */
gboolean     shk_round_is_empty          (ShkRound                *self);
const char  *shk_round_get_year          (ShkRound                *self);
/* "YYYY-MM-DD" or NULL. */
const char  *shk_round_get_due           (ShkRound                *self);
/* The day the workbooks were written; NULL when the round was started
 * from replies. */
const char  *shk_round_get_sent          (ShkRound                *self);
/* Where the workbooks were written, or NULL. */
GFile       *shk_round_get_folder        (ShkRound                *self);

/* A new round: @written is what shk_request_write_folder() returned
 * (ShkRequestInfo), @options what it was given. Replaces any round. */
void         shk_round_start             (ShkRound                *self,
                                          ShkPlan                 *plan,
                                          GPtrArray               *written,
                                          const ShkRequestOptions *options,
                                          GFile                   *folder);
/* The round as the plan's file recorded it, for the reader: replaces any
 * round, without an undo entry. @sections are ShkRoundSection; @due and
 * @sent "YYYY-MM-DD" or NULL. */
void         shk_round_load              (ShkRound                *self,
                                          const char              *year_id,
                                          const char              *due,
                                          const char              *sent,
                                          GFile                   *folder,
                                          GPtrArray               *sections);
/* Marks the sections whose replies @collect read (a refused reply does
 * not undo an accepted one), as an undo entry on @stack. Replies for
 * another year than the round's change nothing. Returns whether any
 * section changed. The AI/RPA survey's replies change nothing: the round
 * is the request for the measures' figures. */
gboolean     shk_round_record_replies    (ShkRound                *self,
                                          ShkPlan                 *plan,
                                          ShkCollect              *collect,
                                          ShkUndoStack            *stack);

guint        shk_round_count             (ShkRound                *self,
                                          ShkReplyStatus           status);
/* Sections not replied whose due date @today has passed. */
guint        shk_round_count_overdue     (ShkRound                *self,
                                          const GDate             *today);
/* "照会 5課 · 回答済 2 · 未回答 2 · 不受理 1 · 期限 2026-11-30（超過 3）" */
char        *shk_round_dup_summary       (ShkRound                *self,
                                          const GDate             *today);
/* The sections still to answer (missing or refused). As text, a line
 * per section to paste into a mail, overdue ones marked, then the due
 * date; or as CSV (RFC 4180, formula-safe) with the columns section,
 * measures, status, due, overdue, file, message. */
char        *shk_round_dup_reminders     (ShkRound                *self,
                                          gboolean                 csv,
                                          const GDate             *today);

G_END_DECLS
