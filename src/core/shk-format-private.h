/* shk-format-private.h — what the plan file's reader and writer share
 *
 * The grade symbols and priority keys of the file, how numbers are
 * written, and where unknown members are kept: the reader
 * (shk-format-reader*.c) and the writer (shk-format-writer*.c) must agree on
 * each, so each is stated once, in shk-format.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "shk-plan.h"
#include "shk-types.h"

G_BEGIN_DECLS

/* GObject data keys under which unknown members are kept. The object's
 * own unknown members are under EXTRA_KEY; those of nested objects that
 * have no model class of their own under EXTRA_KEY ":" member name. */
#define EXTRA_KEY              "shk-extra-json"
#define EXTRA_AUDIENCE         EXTRA_KEY ":audience"
#define EXTRA_PUBLISHED        EXTRA_KEY ":published"
#define EXTRA_MANUAL_GRADES    EXTRA_KEY ":manual_grades"
#define EXTRA_GRADE_THRESHOLDS EXTRA_KEY ":grade_thresholds"

#define SHK_FORMAT_N_EXTRA_KEYS 5
extern const char * const shk_format_extra_keys[SHK_FORMAT_N_EXTRA_KEYS];

/* Every number of a known key lies within ±MAX_MAGNITUDE. */
#define MAX_MAGNITUDE         1e15

const char *shk_format_grade_to_symbol   (ShkGrade     grade);
gboolean    shk_format_grade_from_symbol (const char  *symbol,
                                          ShkGrade    *grade);
const char *shk_format_priority_to_key   (ShkPriority  priority);
gboolean    shk_format_priority_from_key (const char  *key,
                                          ShkPriority *priority);

/* Whole numbers without a decimal point; others in the shortest form that
 * reads back as the same double. */
void        shk_format_append_number     (GString     *out,
                                          double       value);
char       *shk_format_number_text       (double       value);

/* The plan's request round as the object the file holds under "round"
 * (shk-format-writer-round.c); the writer prints it. */
JsonNode   *shk_format_round_to_node     (ShkRound    *round);

G_END_DECLS
