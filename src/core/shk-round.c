/* shk-round.c — the request round: who was asked, who has answered
 *
 * The round's state (year, due date, day sent, folder, sections) is one
 * value: recording replies computes the next value, and undo swaps the
 * two. Sections are immutable items, so a state copy shares them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shk-collect-private.h"
#include "shk-format-private.h"
#include "shk-round.h"
#include "shk-survey-collect.h"
#include "shk-table-export.h"

typedef struct
{
  char      *year_id;
  char      *due;
  char      *sent;
  GFile     *folder;
  GPtrArray *sections;   /* ShkRoundSection */
} RoundState;

struct _ShkRound
{
  GObject     parent_instance;

  RoundState *state;
  /* Counts the rounds started: an undo entry of an earlier round must
   * not bring its sections back over a newer round's. */
  guint       generation;
};

static void shk_round_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShkRound, shk_round, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      shk_round_list_model_init))

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* State                                                               */

static RoundState *
state_new (void)
{
  RoundState *state = g_new0 (RoundState, 1);

  state->sections = g_ptr_array_new_with_free_func (g_object_unref);
  return state;
}

static void
state_free (RoundState *state)
{
  g_free (state->year_id);
  g_free (state->due);
  g_free (state->sent);
  g_clear_object (&state->folder);
  g_ptr_array_unref (state->sections);
  g_free (state);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoundState, state_free)

static RoundState *
state_copy (const RoundState *from)
{
  RoundState *state = state_new ();

  state->year_id = g_strdup (from->year_id);
  state->due = g_strdup (from->due);
  state->sent = g_strdup (from->sent);
  g_set_object (&state->folder, from->folder);
  for (guint i = 0; i < from->sections->len; i++)
    g_ptr_array_add (state->sections, g_object_ref (g_ptr_array_index (from->sections, i)));
  return state;
}

/* Takes @state; the list tells its views that every row may differ. */
static void
set_state (ShkRound   *self,
           RoundState *state)
{
  guint removed = self->state->sections->len;

  state_free (self->state);
  self->state = state;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, state->sections->len);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static ShkRoundSection *
section_at (ShkRound *self,
            guint     i)
{
  return g_ptr_array_index (self->state->sections, i);
}

/* The numbers (guint) of the measures @section owns, in plan order. */
static GArray *
dup_measure_numbers (ShkPlan    *plan,
                     const char *section)
{
  g_autoptr(GPtrArray) measures = shk_request_dup_measures (plan, section);
  GArray *numbers = g_array_sized_new (FALSE, FALSE, sizeof (guint), measures->len);

  for (guint m = 0; m < measures->len; m++)
    {
      guint number = shk_measure_get_number (g_ptr_array_index (measures, m));

      g_array_append_val (numbers, number);
    }
  return numbers;
}

/* ------------------------------------------------------------------ */
/* GListModel                                                          */

static GType
shk_round_get_item_type (GListModel *model)
{
  return SHK_TYPE_ROUND_SECTION;
}

static guint
shk_round_get_n_items (GListModel *model)
{
  return SHK_ROUND (model)->state->sections->len;
}

static gpointer
shk_round_get_item (GListModel *model,
                    guint       position)
{
  ShkRound *self = SHK_ROUND (model);

  if (position >= self->state->sections->len)
    return NULL;
  return g_object_ref (section_at (self, position));
}

static void
shk_round_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = shk_round_get_item_type;
  iface->get_n_items = shk_round_get_n_items;
  iface->get_item = shk_round_get_item;
}

/* ------------------------------------------------------------------ */
/* Starting and moving on                                              */

ShkRound *
shk_round_new (void)
{
  return g_object_new (SHK_TYPE_ROUND, NULL);
}

gboolean
shk_round_is_empty (ShkRound *self)
{
  g_return_val_if_fail (SHK_IS_ROUND (self), TRUE);
  return self->state->year_id == NULL;
}

const char *
shk_round_get_year (ShkRound *self)
{
  g_return_val_if_fail (SHK_IS_ROUND (self), NULL);
  return self->state->year_id;
}

const char *
shk_round_get_due (ShkRound *self)
{
  g_return_val_if_fail (SHK_IS_ROUND (self), NULL);
  return self->state->due;
}

const char *
shk_round_get_sent (ShkRound *self)
{
  g_return_val_if_fail (SHK_IS_ROUND (self), NULL);
  return self->state->sent;
}

GFile *
shk_round_get_folder (ShkRound *self)
{
  g_return_val_if_fail (SHK_IS_ROUND (self), NULL);
  return self->state->folder;
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

void
shk_round_start (ShkRound                *self,
                 ShkPlan                 *plan,
                 GPtrArray               *written,
                 const ShkRequestOptions *options,
                 GFile                   *folder)
{
  RoundState *state;

  g_return_if_fail (SHK_IS_ROUND (self));
  g_return_if_fail (SHK_IS_PLAN (plan));
  g_return_if_fail (written != NULL);
  g_return_if_fail (options != NULL && options->year_id != NULL);
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  state = state_new ();
  state->year_id = g_strdup (options->year_id);
  state->due = options->due != NULL && *options->due != '\0' ? g_strdup (options->due) : NULL;
  state->sent = options->created != NULL ? g_strdup (options->created) : dup_today ();
  g_set_object (&state->folder, folder);
  for (guint i = 0; i < written->len; i++)
    {
      const ShkRequestInfo *info = g_ptr_array_index (written, i);
      g_autoptr(GArray) measures = info->measures != NULL
                                   ? g_array_ref (info->measures)
                                   : dup_measure_numbers (plan, info->section);

      g_ptr_array_add (state->sections,
                       shk_round_section_new (info->section, measures, SHK_REPLY_MISSING,
                                              state->due, info->file_name, NULL));
    }
  /* What another tool kept about the previous round is not about this
   * one. */
  g_object_set_data (G_OBJECT (self), EXTRA_KEY, NULL);
  self->generation++;
  set_state (self, state);
}

void
shk_round_load (ShkRound   *self,
                const char *year_id,
                const char *due,
                const char *sent,
                GFile      *folder,
                GPtrArray  *sections)
{
  RoundState *state;

  g_return_if_fail (SHK_IS_ROUND (self));
  g_return_if_fail (year_id != NULL);
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));
  g_return_if_fail (sections != NULL);

  state = state_new ();
  state->year_id = g_strdup (year_id);
  state->due = g_strdup (due);
  state->sent = g_strdup (sent);
  g_set_object (&state->folder, folder);
  for (guint i = 0; i < sections->len; i++)
    g_ptr_array_add (state->sections, g_object_ref (g_ptr_array_index (sections, i)));
  self->generation++;
  set_state (self, state);
}

/* A round from replies alone: the document was reopened since the
 * workbooks went out, or they were written by the command line. Every
 * owning section counts as asked, as shk_collect_get_replies() has it. */
static RoundState *
state_from_collect (ShkPlan    *plan,
                    ShkCollect *collect)
{
  RoundState *state = state_new ();
  g_auto(GStrv) sections = shk_request_dup_sections (plan);

  state->year_id = g_strdup (shk_collect_get_year (collect));
  state->due = g_strdup (collect->due);
  for (guint s = 0; sections[s] != NULL; s++)
    {
      g_autoptr(GArray) measures = dup_measure_numbers (plan, sections[s]);
      g_autofree char *file = shk_request_dup_file_name (state->year_id, sections[s]);

      g_ptr_array_add (state->sections,
                       shk_round_section_new (sections[s], measures, SHK_REPLY_MISSING,
                                              state->due, file, NULL));
    }
  return state;
}

/* Applies one reply read to @state; TRUE when its section changed. */
static gboolean
state_take_reply (RoundState            *state,
                  const ShkCollectReply *reply)
{
  for (guint i = 0; i < state->sections->len; i++)
    {
      ShkRoundSection *section = g_ptr_array_index (state->sections, i);
      ShkReplyStatus now = shk_round_section_get_status (section);

      if (g_strcmp0 (shk_round_section_get_section (section), reply->section) != 0)
        continue;
      /* A section that replied once, well, needs no reminder; a refusal
       * read after it is about another copy. */
      if (now == SHK_REPLY_REPLIED ||
          (now == reply->status &&
           g_strcmp0 (shk_round_section_get_file (section), reply->file) == 0))
        return FALSE;
      g_ptr_array_index (state->sections, i) =
        shk_round_section_new_status (section, reply->status, reply->file,
                                      reply->status == SHK_REPLY_REFUSED ? reply->message : NULL);
      g_object_unref (section);
      return TRUE;
    }
  return FALSE;
}

typedef struct
{
  ShkRound   *round;
  guint       generation;
  RoundState *before;
  RoundState *after;
} RepliesUndo;

static void
replies_undo_free (gpointer data)
{
  RepliesUndo *undo = data;

  g_object_unref (undo->round);
  state_free (undo->before);
  state_free (undo->after);
  g_free (undo);
}

static void
replies_undo (gpointer data,
              gboolean redo)
{
  RepliesUndo *undo = data;

  if (undo->round->generation != undo->generation)
    return;
  set_state (undo->round, state_copy (redo ? undo->after : undo->before));
}

gboolean
shk_round_record_replies (ShkRound     *self,
                          ShkPlan      *plan,
                          ShkCollect   *collect,
                          ShkUndoStack *stack)
{
  g_autoptr(RoundState) next = NULL;
  GPtrArray *replies;
  gboolean changed = FALSE;
  RepliesUndo *undo;

  g_return_val_if_fail (SHK_IS_ROUND (self), FALSE);
  g_return_val_if_fail (SHK_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (SHK_IS_COLLECT (collect), FALSE);
  g_return_val_if_fail (SHK_IS_UNDO_STACK (stack), FALSE);

  /* No reply recognised: nothing says which round the files belong to. */
  if (shk_collect_get_year (collect) == NULL)
    return FALSE;
  /* The round asks the sections for their measures' figures; a survey
   * reply answers the AI/RPA survey, and says nothing of those. */
  if (shk_collect_is_survey (collect))
    return FALSE;
  if (shk_round_is_empty (self))
    {
      next = state_from_collect (plan, collect);
      changed = TRUE;
    }
  else if (g_strcmp0 (self->state->year_id, shk_collect_get_year (collect)) == 0)
    next = state_copy (self->state);
  else
    return FALSE;

  replies = shk_collect_get_replies (collect);
  for (guint i = 0; i < replies->len; i++)
    {
      const ShkCollectReply *reply = g_ptr_array_index (replies, i);

      /* The collect's own "not yet" rows are what the round already
       * says; a file naming no section cannot be placed. */
      if (reply->status != SHK_REPLY_MISSING && reply->section != NULL)
        changed |= state_take_reply (next, reply);
    }
  if (!changed)
    return FALSE;

  undo = g_new0 (RepliesUndo, 1);
  undo->round = g_object_ref (self);
  undo->before = state_copy (self->state);
  undo->after = state_copy (next);
  if (shk_round_is_empty (self))
    self->generation++;
  undo->generation = self->generation;
  set_state (self, g_steal_pointer (&next));
  shk_undo_stack_push (stack, _("Collect replies"), replies_undo, undo, replies_undo_free);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Counts and lists                                                    */

guint
shk_round_count (ShkRound       *self,
                 ShkReplyStatus  status)
{
  guint n = 0;

  g_return_val_if_fail (SHK_IS_ROUND (self), 0);

  for (guint i = 0; i < self->state->sections->len; i++)
    n += shk_round_section_get_status (section_at (self, i)) == status;
  return n;
}

guint
shk_round_count_overdue (ShkRound    *self,
                         const GDate *today)
{
  guint n = 0;

  g_return_val_if_fail (SHK_IS_ROUND (self), 0);

  for (guint i = 0; i < self->state->sections->len; i++)
    n += shk_round_section_is_overdue (section_at (self, i), today);
  return n;
}

char *
shk_round_dup_summary (ShkRound    *self,
                       const GDate *today)
{
  GString *out;
  guint overdue;

  g_return_val_if_fail (SHK_IS_ROUND (self), NULL);

  out = g_string_new (NULL);
  /* TRANSLATORS: counts of the sections of a request round */
  g_string_append_printf (out, _("Asked %u · replied %u · not yet %u · refused %u"),
                          self->state->sections->len, shk_round_count (self, SHK_REPLY_REPLIED),
                          shk_round_count (self, SHK_REPLY_MISSING),
                          shk_round_count (self, SHK_REPLY_REFUSED));
  overdue = shk_round_count_overdue (self, today);
  if (self->state->due != NULL && overdue > 0)
    /* TRANSLATORS: the due date, and how many sections have let it pass */
    g_string_append_printf (out, _(" · due %s (%u overdue)"), self->state->due, overdue);
  else if (self->state->due != NULL)
    g_string_append_printf (out, _(" · due %s"), self->state->due);
  return g_string_free (out, FALSE);
}

/* Hand-written rather than through a CSV library: Debian 12 has none in
 * C that the project uses, and the rules are four lines. */
static void
csv_field (GString    *out,
           const char *text,
           gboolean    last)
{
  g_autofree char *guarded = shk_table_csv_guard (text != NULL ? text : "");

  if (strpbrk (guarded, ",\"\r\n") != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (guarded, "\"", -1);
      g_autofree char *doubled = g_strjoinv ("\"\"", parts);

      g_string_append_printf (out, "\"%s\"", doubled);
    }
  else
    g_string_append (out, guarded);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_reminder_line (GString         *out,
                      ShkRoundSection *section,
                      gboolean         overdue)
{
  const char *name = shk_round_section_get_section (section);
  const char *measures = shk_round_section_get_measures (section);

  if (shk_round_section_get_status (section) == SHK_REPLY_REFUSED)
    /* TRANSLATORS: section, its measures, why its reply was refused */
    g_string_append_printf (out, _("%s (%s): the reply was refused: %s"), name, measures,
                            shk_round_section_get_message (section));
  else
    /* TRANSLATORS: section, its measures */
    g_string_append_printf (out, _("%s (%s): no reply yet"), name, measures);
  if (overdue)
    g_string_append (out, _(" — overdue"));
  g_string_append_c (out, '\n');
}

char *
shk_round_dup_reminders (ShkRound    *self,
                         gboolean     csv,
                         const GDate *today)
{
  GString *out;

  g_return_val_if_fail (SHK_IS_ROUND (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  out = g_string_new (NULL);
  if (csv)
    g_string_append (out, "section,measures,status,due,overdue,file,message\r\n");
  for (guint i = 0; i < self->state->sections->len; i++)
    {
      ShkRoundSection *section = section_at (self, i);
      gboolean overdue = shk_round_section_is_overdue (section, today);

      if (shk_round_section_get_status (section) == SHK_REPLY_REPLIED)
        continue;
      if (!csv)
        {
          append_reminder_line (out, section, overdue);
          continue;
        }
      csv_field (out, shk_round_section_get_section (section), FALSE);
      csv_field (out, shk_round_section_get_measures (section), FALSE);
      csv_field (out, shk_reply_status_to_key (shk_round_section_get_status (section)), FALSE);
      csv_field (out, shk_round_section_get_due (section), FALSE);
      csv_field (out, overdue ? "yes" : "no", FALSE);
      csv_field (out, shk_round_section_get_file (section), FALSE);
      csv_field (out, shk_round_section_get_message (section), TRUE);
    }
  if (!csv && self->state->due != NULL)
    {
      g_string_append_printf (out, _("Due date: %s"), self->state->due);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */

static void
shk_round_finalize (GObject *object)
{
  ShkRound *self = SHK_ROUND (object);

  state_free (self->state);

  G_OBJECT_CLASS (shk_round_parent_class)->finalize (object);
}

static void
shk_round_class_init (ShkRoundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shk_round_finalize;

  /* After every change of the round, its rows already updated. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
shk_round_init (ShkRound *self)
{
  self->state = state_new ();
}
