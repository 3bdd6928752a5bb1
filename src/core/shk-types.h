/* shk-types.h — enumerations shared by the whole core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The grade of a measure in one evaluation. SHK_GRADE_NONE means "not
 * evaluated" (a blank cell in the handouts), which is not the same as
 * SHK_GRADE_PENDING (－, not started or under consideration): the first is
 * left out of the summary, the second is counted. */
typedef enum
{
  SHK_GRADE_NONE = 0,
  SHK_GRADE_ACHIEVED,   /* ◎ */
  SHK_GRADE_MOSTLY,     /* ○ */
  SHK_GRADE_LAGGING,    /* △ */
  SHK_GRADE_PENDING,    /* － */
} ShkGrade;

#define SHK_N_GRADES 5

/* Whether a bigger actual is better (visits, percentages) or a smaller one
 * (server power in kVA, pupils per device). */
typedef enum
{
  SHK_DIRECTION_HIGHER_IS_BETTER = 0,
  SHK_DIRECTION_LOWER_IS_BETTER,
} ShkDirection;

/* Priority classes of the AI/RPA survey (資料1-3 §3-1). */
typedef enum
{
  SHK_PRIORITY_UNSET = 0,
  SHK_PRIORITY_HIGH,
  SHK_PRIORITY_MEDIUM,
  SHK_PRIORITY_LOW,
  SHK_PRIORITY_EXCLUDED,
  SHK_PRIORITY_ALREADY_EFFICIENT,
} ShkPriority;

#define SHK_N_PRIORITIES 6

GType        shk_grade_get_type          (void) G_GNUC_CONST;
GType        shk_direction_get_type      (void) G_GNUC_CONST;
GType        shk_priority_get_type       (void) G_GNUC_CONST;
#define SHK_TYPE_GRADE     (shk_grade_get_type ())
#define SHK_TYPE_DIRECTION (shk_direction_get_type ())
#define SHK_TYPE_PRIORITY  (shk_priority_get_type ())

/* "◎", "○", "△", "－", or "" for SHK_GRADE_NONE. */
const char  *shk_grade_to_symbol         (ShkGrade     grade);
/* Accepts ◎ ○ △ － and the ASCII "-" used in the handouts' tables.
 * Returns FALSE for anything else. An empty string parses as NONE. */
gboolean     shk_grade_from_symbol       (const char  *symbol,
                                          ShkGrade    *grade);
/* Translated long label, e.g. "Fully achieved" / 十分に達成されている. */
const char  *shk_grade_get_label         (ShkGrade     grade);
/* Stable key used in files and the CLI's JSON: "achieved", "mostly",
 * "lagging", "pending", or "none". */
const char  *shk_grade_to_key            (ShkGrade     grade);

const char  *shk_direction_to_key        (ShkDirection direction);
gboolean     shk_direction_from_key      (const char  *key,
                                          ShkDirection *direction);

/* "high", "medium", "low", "excluded", "already_efficient", "" */
const char  *shk_priority_to_key         (ShkPriority  priority);
gboolean     shk_priority_from_key       (const char  *key,
                                          ShkPriority *priority);
/* Translated label, e.g. 優先度（高）. */
const char  *shk_priority_get_label      (ShkPriority  priority);

G_END_DECLS
