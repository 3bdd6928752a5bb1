/* shk-next-plan.h — the next plan of 資料2-1: overview and schedule
 *
 * The overview of the plan being drawn up, its structure (庁内・庁外), the
 * CIO adviser, the years of the plans' history and the schedule of its
 * drafting year by month, read from the document's source table
 * "next_plan". The schedule's months are parsed ("2021-05") so the
 * schedule chart and the tables place each item in its month.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "shk-plan.h"

G_BEGIN_DECLS

/* A month as year * 12 + (month - 1), so months subtract and compare. */
typedef gint ShkMonth;

gboolean  shk_month_parse  (const char *text,
                            ShkMonth   *month);
guint     shk_month_year   (ShkMonth    month);
guint     shk_month_number (ShkMonth    month);   /* 1–12 */

typedef enum
{
  SHK_SCHEDULE_MEETINGS = 0,   /* a meeting in each of its months */
  SHK_SCHEDULE_PERIOD,         /* a period from its first to its last month */
  SHK_SCHEDULE_MILESTONE,      /* one date: the plan done */
} ShkScheduleKind;

typedef struct
{
  char            *number;     /* ① */
  char            *name;       /* 地域情報化推進本部会議 */
  char            *timing;     /* as printed: ５月、８月、１１月、(R4)２月 */
  ShkScheduleKind  kind;
  GArray          *months;     /* of ShkMonth, in order */
  guint            meetings;   /* printed; 0 where none is */
} ShkScheduleItem;

typedef struct
{
  ShkMonth  month;
  char     *timing;
  char     *content;
} ShkUpcomingMeeting;

typedef struct
{
  char      *overview;
  char      *overview_note;
  char      *period;           /* 令和４～８年度 */
  char      *period_first;     /* R4 */
  char      *period_last;      /* R8 */
  char      *current_plan_end;
  char      *structure;
  GStrv      internal;
  GStrv      external;
  char      *cio_text;
  char      *cio_hire_date;
  GStrv      cio_duties;
  char      *cio_attendance;
  GArray    *history_years;    /* of guint: 1998, 2003, …, sorted */
  GStrv      history_labels;   /* 平成１０年度, …, in the same order */
  char      *schedule_title;
  GPtrArray *schedule;         /* of ShkScheduleItem */
  GPtrArray *upcoming;         /* of ShkUpcomingMeeting */
  char      *meeting_name;     /* the meeting this handout is for */
  char      *meeting_date;     /* ISO */
  gboolean  has_meeting_month;
  ShkMonth   meeting_month;
  /* Computed: the first and last month any item falls in. */
  gboolean   has_months;
  ShkMonth   first_month;
  ShkMonth   last_month;
} ShkNextPlan;

/* NULL, with @error set, when the plan holds no next plan. */
ShkNextPlan *shk_next_plan_new_for_plan (ShkPlan      *plan,
                                         GError      **error);
void         shk_next_plan_free         (ShkNextPlan  *self);

/* Whether @item has something in @month: a meeting, a month of its
 * period, the milestone. */
gboolean     shk_schedule_item_in_month (const ShkScheduleItem *item,
                                         ShkMonth               month);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkNextPlan, shk_next_plan_free)

G_END_DECLS
