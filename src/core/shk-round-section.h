/* shk-round-section.h — one section of a request round, as it stands
 *
 * An item of ShkRound's list: the section asked, the measures its
 * workbook held, whether it has replied, the due date and the file (the
 * workbook sent, or the reply once one came). Items never change: the
 * round replaces an item when the section's state moves on, so a list
 * view bound to them simply rebinds. Members of its object in the plan
 * file that Shinchoku does not know are kept on the item (see
 * shk-format.h) and move on with it to the section's next state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "shk-collect.h"

G_BEGIN_DECLS

#define SHK_TYPE_ROUND_SECTION (shk_round_section_get_type ())
G_DECLARE_FINAL_TYPE (ShkRoundSection, shk_round_section, SHK, ROUND_SECTION, GObject)

/* @measures: the numbers (guint) of the measures its workbook held, or
 * NULL for none; @due "YYYY-MM-DD" or NULL; @message NULL unless
 * refused. */
ShkRoundSection *shk_round_section_new          (const char      *section,
                                                 GArray          *measures,
                                                 ShkReplyStatus   status,
                                                 const char      *due,
                                                 const char      *file,
                                                 const char      *message);
/* The same section in another state (the reply's file and message). */
ShkRoundSection *shk_round_section_new_status   (ShkRoundSection *self,
                                                 ShkReplyStatus   status,
                                                 const char      *file,
                                                 const char      *message);

const char      *shk_round_section_get_section  (ShkRoundSection *self);
/* "No.1, No.3" */
const char      *shk_round_section_get_measures (ShkRoundSection *self);
/* The same as numbers (guint), in the order asked; never NULL. */
GArray          *shk_round_section_get_measure_numbers (ShkRoundSection *self);
/* "1, 3": the same without "No.", for a column headed so. */
char            *shk_round_section_dup_numbers  (ShkRoundSection *self);
ShkReplyStatus   shk_round_section_get_status   (ShkRoundSection *self);
const char      *shk_round_section_get_due      (ShkRoundSection *self);
const char      *shk_round_section_get_file     (ShkRoundSection *self);
const char      *shk_round_section_get_message  (ShkRoundSection *self);
/* Not replied (missing or refused) and @today is after the due date. */
gboolean         shk_round_section_is_overdue   (ShkRoundSection *self,
                                                 const GDate     *today);
/* 「回答済」「未回答」「不受理」 */
const char      *shk_round_status_get_label     (ShkReplyStatus   status);

G_END_DECLS
