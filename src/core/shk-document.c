/* shk-document.c — an open plan: the model, where it lives, its history
 *
 * "modified" is the union of two things. Edits made through the edit API
 * are pushed onto the undo stack, so undoing back to the saved state
 * clears the marker again. Changes made to the plan by any other path
 * (scripts, tests, a future import) cannot be undone, so once one has
 * happened the document stays modified until it is saved. The plan's
 * request round counts as part of the plan: recording replies pushes an
 * undo entry, starting a round does not (see shk-round.h), so a started
 * round keeps the document modified until it is saved.
 *
 * A plan change is told from an edit by timing: the edit API applies the
 * change and pushes its entry in one go, so changes made in a main loop
 * iteration that saw no push at all came from elsewhere.
 *
 * "Changed on disk" does not trust the clock alone: the document keeps a
 * stamp of its file (size, modification time to the nanosecond, device
 * and inode, and a SHA-256 of the contents, see shk-file-stamp.h) as it
 * last read or wrote it, and compares the file with it before a save.
 *
 * Saving goes through shk_safe_save_with_func(): a failed save leaves the
 * file and its backup as they were. The asynchronous calls serialise the
 * plan on the calling thread and do the file work in a GTask thread; the
 * document's own state changes only on the calling thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-document.h"
#include "shk-file-stamp.h"
#include "shk-format.h"
#include "shk-safe-save.h"

struct _ShkDocument
{
  GObject       parent_instance;

  ShkPlan      *plan;
  ShkUndoStack *undo_stack;
  GFile        *file;

  /* The file as last read or written, to notice other programs' writes. */
  gboolean      has_stamp;
  ShkFileStamp  stamp;
  char         *etag;               /* the stamp as a string, for recovery */
  char         *save_warning;

  guint         generation;         /* counts plan changes */
  gboolean      saving;             /* an asynchronous save is under way */

  gboolean      unrecorded_change;   /* a change not (yet) followed by a push */
  gboolean      pushed_since_idle;
  gboolean      unrecorded_dirty;    /* a change no undo can take back */
  gboolean      modified;
  guint         settle_idle;
};

G_DEFINE_FINAL_TYPE (ShkDocument, shk_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_UNDO_STACK,
  PROP_FILE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_modified (ShkDocument *self)
{
  gboolean modified = self->unrecorded_change ||
                      self->unrecorded_dirty ||
                      !shk_undo_stack_is_clean (self->undo_stack);

  if (modified == self->modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static gboolean
settle_idle_cb (gpointer user_data)
{
  ShkDocument *self = user_data;

  self->settle_idle = 0;
  if (self->unrecorded_change && !self->pushed_since_idle)
    self->unrecorded_dirty = TRUE;
  self->unrecorded_change = FALSE;
  self->pushed_since_idle = FALSE;
  update_modified (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_settle (ShkDocument *self)
{
  if (self->settle_idle == 0)
    self->settle_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, settle_idle_cb, self, NULL);
}

static void
on_plan_changed (ShkDocument *self)
{
  self->generation++;
  /* Undo and redo change the plan too; the stack's own "changed" that
   * follows them moves the clean state. */
  if (shk_undo_stack_is_applying (self->undo_stack))
    return;

  self->unrecorded_change = TRUE;
  schedule_settle (self);
  update_modified (self);
}

static void
on_undo_pushed (ShkDocument *self)
{
  /* Whether the edit API applies before or after it pushes, the changes of
   * this iteration are the pushed edit's. */
  self->unrecorded_change = FALSE;
  self->pushed_since_idle = TRUE;
  schedule_settle (self);
}

static void
on_undo_changed (ShkDocument *self)
{
  update_modified (self);
}

/* @stamp NULL: nothing known (untitled, or not a local file). */
static void
set_stamp (ShkDocument        *self,
           const ShkFileStamp *stamp)
{
  g_clear_pointer (&self->etag, g_free);
  self->has_stamp = stamp != NULL;
  if (stamp == NULL)
    return;
  self->stamp = *stamp;
  self->etag = shk_file_stamp_to_string (stamp);
}

static void
set_file (ShkDocument *self,
          GFile       *file)
{
  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
shk_document_dispose (GObject *object)
{
  ShkDocument *self = SHK_DOCUMENT (object);

  g_clear_handle_id (&self->settle_idle, g_source_remove);
  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->plan, self);
      g_signal_handlers_disconnect_by_data (shk_plan_get_round (self->plan), self);
    }
  if (self->undo_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_stack, self);

  G_OBJECT_CLASS (shk_document_parent_class)->dispose (object);
}

static void
shk_document_finalize (GObject *object)
{
  ShkDocument *self = SHK_DOCUMENT (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->save_warning, g_free);

  G_OBJECT_CLASS (shk_document_parent_class)->finalize (object);
}

static void
shk_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ShkDocument *self = SHK_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo_stack);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_document_class_init (ShkDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = shk_document_dispose;
  object_class->finalize = shk_document_finalize;
  object_class->get_property = shk_document_get_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SHK_TYPE_PLAN,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL, SHK_TYPE_UNDO_STACK,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shk_document_init (ShkDocument *self)
{
  self->undo_stack = shk_undo_stack_new ();
  g_signal_connect_swapped (self->undo_stack, "pushed", G_CALLBACK (on_undo_pushed), self);
  g_signal_connect_swapped (self->undo_stack, "changed", G_CALLBACK (on_undo_changed), self);
}

/* Takes @plan. */
static ShkDocument *
document_new_take_plan (ShkPlan *plan)
{
  ShkDocument *self = g_object_new (SHK_TYPE_DOCUMENT, NULL);

  self->plan = plan;
  g_signal_connect_swapped (self->plan, "changed", G_CALLBACK (on_plan_changed), self);
  /* The round is saved with the plan: its changes count as the plan's. */
  g_signal_connect_swapped (shk_plan_get_round (self->plan), "changed",
                            G_CALLBACK (on_plan_changed), self);
  return self;
}

ShkDocument *
shk_document_new_builtin (void)
{
  return document_new_take_plan (shk_builtin_plan_new ());
}

/* The Japanese fiscal year that contains @date, as an era id: "R8" for
 * April 2026 to March 2027. Plans here are written in Reiwa years. */
static char *
fiscal_year_id_for_date (GDateTime *date)
{
  int year = g_date_time_get_year (date);

  if (g_date_time_get_month (date) < 4)
    year--;
  return g_strdup_printf ("R%d", MAX (year - 2018, 1));
}

ShkDocument *
shk_document_new_blank (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *first_id = fiscal_year_id_for_date (now);
  ShkPlan *plan = shk_plan_new ();
  ShkFiscalYear *final_year;
  GListModel *years;
  int first = (int) g_ascii_strtoll (first_id + 1, NULL, 10);

  /* A plan needs at least one year to be a valid file; the default is a
   * four-year plan period starting with the current fiscal year, each year
   * evaluated against the final year's target, as the office does. */
  shk_plan_set_title (plan, _("Untitled Plan"));
  shk_plan_set_thresholds (plan, SHK_DEFAULT_ACHIEVED_THRESHOLD, SHK_DEFAULT_MOSTLY_THRESHOLD);
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("R%d", first + i);
      g_autoptr(ShkFiscalYear) year = shk_fiscal_year_new (id, NULL);

      shk_plan_append_fiscal_year (plan, year);
    }

  final_year = shk_plan_get_final_year (plan);
  years = shk_plan_get_fiscal_years (plan);
  for (guint i = 0; i < g_list_model_get_n_items (years); i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);
      g_autoptr(ShkEvaluation) evaluation =
        shk_evaluation_new (shk_fiscal_year_get_id (year),
                            shk_fiscal_year_get_id (final_year));

      shk_plan_append_evaluation (plan, evaluation);
    }
  shk_plan_set_reporting_year (plan, first_id);

  return document_new_take_plan (plan);
}

/* Reads and parses @file into a new plan, and stamps the file. Touches no
 * shared state: the asynchronous open runs it in a worker thread. */
static ShkPlan *
load_plan (GFile         *file,
           ShkFileStamp  *stamp,
           gboolean      *has_stamp,
           GCancellable  *cancellable,
           GError       **error)
{
  const char *path = g_file_peek_path (file);
  ShkFileStamp before = { 0 };
  struct stat st;
  ShkPlan *plan;

  *has_stamp = FALSE;
  /* A named pipe with no writer would block the read for ever; a device
   * could be read without end. Refused from a stat, before any open. */
  if (!shk_file_check_regular (file, cancellable, error))
    return NULL;

  /* Stat before reading, hash after: a write in between (which moves the
   * change time even when it keeps the modification time) makes the stamp
   * unknown, which counts as a change on disk, never the other way
   * round. */
  if (path != NULL && stat (path, &st) == 0)
    shk_file_stamp_set_stat (&before, &st);

  plan = shk_format_load_file (file, cancellable, error);
  if (plan == NULL)
    return NULL;

  if (path != NULL && before.known && shk_file_stamp_query (stamp, path, cancellable, NULL))
    {
      if (!shk_file_stamp_same_write (&before, stamp))
        stamp->known = FALSE;
      *has_stamp = TRUE;
    }
  return plan;
}

static ShkDocument *
document_new_loaded (ShkPlan            *plan,
                     GFile              *file,
                     const ShkFileStamp *stamp)
{
  ShkDocument *self = document_new_take_plan (plan);

  self->file = g_object_ref (file);
  set_stamp (self, stamp);
  return self;
}

ShkDocument *
shk_document_new_from_file (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  ShkFileStamp stamp = { 0 };
  gboolean has_stamp;
  ShkPlan *plan;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan = load_plan (file, &stamp, &has_stamp, cancellable, error);
  if (plan == NULL)
    return NULL;
  return document_new_loaded (plan, file, has_stamp ? &stamp : NULL);
}

typedef struct
{
  ShkPlan      *plan;
  ShkFileStamp  stamp;
  gboolean      has_stamp;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->plan);
  g_free (loaded);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  Loaded *loaded = g_new0 (Loaded, 1);

  loaded->plan = load_plan (task_data, &loaded->stamp, &loaded->has_stamp, cancellable, &error);
  if (loaded->plan == NULL)
    {
      loaded_free (loaded);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

void
shk_document_new_from_file_async (GFile               *file,
                                  int                  io_priority,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, shk_document_new_from_file_async);
  g_task_set_priority (task, io_priority);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

ShkDocument *
shk_document_new_from_file_finish (GAsyncResult  *result,
                                   GError       **error)
{
  Loaded *loaded;
  ShkDocument *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == shk_document_new_from_file_async,
                        NULL);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return NULL;
  self = document_new_loaded (g_steal_pointer (&loaded->plan),
                              g_task_get_task_data (G_TASK (result)),
                              loaded->has_stamp ? &loaded->stamp : NULL);
  loaded_free (loaded);
  return self;
}

/* A recovery copy made by an older version holds GIO's entity tag (the
 * modification time to the microsecond). When the file still carries it,
 * the file as it is now is the best record there is; otherwise it has
 * changed since. */
static void
stamp_from_legacy_etag (ShkDocument *self,
                        GFile       *file,
                        const char  *etag)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);
  const char *path = g_file_peek_path (file);
  ShkFileStamp stamp = { 0 };

  if (info != NULL && path != NULL &&
      g_strcmp0 (g_file_info_get_etag (info), etag) == 0 &&
      shk_file_stamp_query (&stamp, path, NULL, NULL))
    set_stamp (self, &stamp);
  else
    {
      stamp.known = FALSE;
      set_stamp (self, &stamp);
    }
}

ShkDocument *
shk_document_new_recovered (ShkPlan    *plan,
                            GFile      *file,
                            const char *etag)
{
  ShkDocument *self;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = document_new_take_plan (g_object_ref (plan));
  g_set_object (&self->file, file);

  if (file != NULL && etag != NULL)
    {
      ShkFileStamp stamp;

      if (shk_file_stamp_parse (&stamp, etag))
        set_stamp (self, &stamp);
      else
        stamp_from_legacy_etag (self, file, etag);
    }
  /* What was recovered was never saved: it stays modified until it is. */
  self->unrecorded_dirty = TRUE;
  self->modified = TRUE;
  return self;
}

ShkPlan *
shk_document_get_plan (ShkDocument *self)
{
  g_return_val_if_fail (SHK_IS_DOCUMENT (self), NULL);

  return self->plan;
}

ShkUndoStack *
shk_document_get_undo_stack (ShkDocument *self)
{
  g_return_val_if_fail (SHK_IS_DOCUMENT (self), NULL);

  return self->undo_stack;
}

ShkRound *
shk_document_get_round (ShkDocument *self)
{
  g_return_val_if_fail (SHK_IS_DOCUMENT (self), NULL);

  return shk_plan_get_round (self->plan);
}

GFile *
shk_document_get_file (ShkDocument *self)
{
  g_return_val_if_fail (SHK_IS_DOCUMENT (self), NULL);

  return self->file;
}

const char *
shk_document_get_etag (ShkDocument *self)
{
  g_return_val_if_fail (SHK_IS_DOCUMENT (self), NULL);

  return self->etag;
}

char *
shk_document_dup_title (ShkDocument *self)
{
  g_autofree char *parse_name = NULL;
  const char *path;

  g_return_val_if_fail (SHK_IS_DOCUMENT (self), NULL);

  if (self->file == NULL)
    return g_strdup (_("Untitled Plan"));

  path = g_file_peek_path (self->file);
  if (path != NULL)
    return g_filename_display_basename (path);

  parse_name = g_file_get_parse_name (self->file);
  return g_path_get_basename (parse_name);
}

gboolean
shk_document_get_modified (ShkDocument *self)
{
  g_return_val_if_fail (SHK_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

const char *
shk_document_get_save_warning (ShkDocument *self)
{
  g_return_val_if_fail (SHK_IS_DOCUMENT (self), NULL);

  return self->save_warning;
}

/* Whether what is at @path now differs from @stamp. A file that is gone
 * has nothing a save could overwrite; one that cannot be looked at is the
 * save's to report. */
static gboolean
stamp_changed (const ShkFileStamp *stamp,
               const char         *path)
{
  return shk_file_stamp_check (stamp, path) == SHK_FILE_STAMP_CHANGED;
}

gboolean
shk_document_changed_on_disk (ShkDocument *self)
{
  const char *path;

  g_return_val_if_fail (SHK_IS_DOCUMENT (self), FALSE);

  if (self->file == NULL || !self->has_stamp)
    return FALSE;
  path = g_file_peek_path (self->file);
  return path != NULL && stamp_changed (&self->stamp, path);
}

static void
set_changed_on_disk_error (GError **error,
                           const char *title)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
               _("“%s” has been changed on disk by another program since it was opened or saved"),
               title);
}

/* Only the document's own file has a stamp to compare: saving as another
 * file is confirmed by the file chooser. */
static gboolean
must_check_stamp (ShkDocument *self,
                  GFile       *target,
                  gboolean     overwrite_changes)
{
  return !overwrite_changes && self->has_stamp &&
         self->file != NULL && g_file_equal (target, self->file) &&
         g_file_peek_path (target) != NULL;
}

/* The plan's text, in pieces (see shk_format_to_pieces()). Made on the
 * document's thread: the model is not shared with the saving thread. */
static GPtrArray *
serialise (ShkDocument *self)
{
  return shk_format_to_pieces (self->plan, NULL);
}

static gboolean
write_pieces (ShkSafeSaveStream  *stream,
              gpointer            user_data,
              GError            **error)
{
  GPtrArray *pieces = user_data;

  for (guint i = 0; i < pieces->len; i++)
    {
      gsize length;
      const void *data = g_bytes_get_data (g_ptr_array_index (pieces, i), &length);

      if (!shk_safe_save_stream_write (stream, data, length))
        return FALSE;
    }
  return TRUE;
}

/* After a successful save of the plan as it was at @generation. */
static void
finish_save (ShkDocument       *self,
             GFile             *target,
             ShkSafeSaveResult *result,
             guint              generation)
{
  set_stamp (self, &result->stamp);
  g_free (self->save_warning);
  self->save_warning = g_steal_pointer (&result->warning);
  set_file (self, target);

  if (generation != self->generation)
    {
      /* Edited while an asynchronous save was writing: the file has the
       * plan as it was, so the document stays modified until the next
       * save, even if those edits are undone. */
      self->unrecorded_dirty = TRUE;
      update_modified (self);
      return;
    }

  g_clear_handle_id (&self->settle_idle, g_source_remove);
  self->unrecorded_change = FALSE;
  self->pushed_since_idle = FALSE;
  self->unrecorded_dirty = FALSE;
  shk_undo_stack_mark_clean (self->undo_stack);   /* updates "modified" */
  update_modified (self);
}

static GFile *
save_target (ShkDocument  *self,
             GFile        *file,
             GError      **error)
{
  GFile *target = file != NULL ? file : self->file;

  if (target == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("The plan has no file yet: choose where to save it"));
  return target;
}

gboolean
shk_document_save (ShkDocument   *self,
                   GFile         *file,
                   gboolean       overwrite_changes,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GPtrArray) pieces = NULL;
  ShkSafeSaveResult result = { 0 };
  GFile *target;

  g_return_val_if_fail (SHK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  target = save_target (self, file, error);
  if (target == NULL)
    return FALSE;

  if (must_check_stamp (self, target, overwrite_changes) &&
      stamp_changed (&self->stamp, g_file_peek_path (target)))
    {
      g_autofree char *title = shk_document_dup_title (self);

      set_changed_on_disk_error (error, title);
      return FALSE;
    }

  pieces = serialise (self);
  if (!shk_safe_save_with_func (target, write_pieces, pieces, SHK_SAFE_SAVE_KEEP_BACKUP,
                                &result, cancellable, error))
    return FALSE;

  /* @target may be the caller's and go with set_file's unref of the old. */
  g_object_ref (target);
  finish_save (self, target, &result, self->generation);
  g_object_unref (target);
  shk_safe_save_result_clear (&result);
  return TRUE;
}

/* The asynchronous save: everything the worker needs, copied on the
 * calling thread. */
typedef struct
{
  GFile             *target;
  GPtrArray         *pieces;   /* GBytes: the plan's text */
  gboolean           check_stamp;
  ShkFileStamp       stamp;
  char              *title;
  guint              generation;
  ShkSafeSaveResult  result;
  GTask             *outer;      /* the caller's task */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->target);
  g_clear_pointer (&job->pieces, g_ptr_array_unref);
  g_free (job->title);
  shk_safe_save_result_clear (&job->result);
  g_clear_object (&job->outer);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (job->check_stamp && stamp_changed (&job->stamp, g_file_peek_path (job->target)))
    {
      set_changed_on_disk_error (&error, job->title);
      g_task_return_error (task, error);
      return;
    }
  if (!shk_safe_save_with_func (job->target, write_pieces, job->pieces, SHK_SAFE_SAVE_KEEP_BACKUP,
                                 &job->result, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* On the calling thread: the document's state follows the outcome before
 * the caller hears of it. */
static void
save_thread_done (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ShkDocument *self = SHK_DOCUMENT (source_object);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GTask) outer = g_steal_pointer (&job->outer);
  GError *error = NULL;

  self->saving = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }
  finish_save (self, job->target, &job->result, job->generation);
  g_task_return_boolean (outer, TRUE);
}

void
shk_document_save_async (ShkDocument         *self,
                         GFile               *file,
                         gboolean             overwrite_changes,
                         int                  io_priority,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SaveJob *job;
  GFile *target;

  g_return_if_fail (SHK_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, shk_document_save_async);
  g_task_set_priority (outer, io_priority);

  target = save_target (self, file, &error);
  if (target == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  /* Two saves at once would race for the stamp and the backup. */
  if (self->saving)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_PENDING, "%s",
                               _("The plan is already being saved"));
      return;
    }

  job = g_new0 (SaveJob, 1);
  job->target = g_object_ref (target);
  job->pieces = serialise (self);
  job->check_stamp = must_check_stamp (self, target, overwrite_changes);
  job->stamp = self->stamp;
  job->title = shk_document_dup_title (self);
  job->generation = self->generation;
  job->outer = g_steal_pointer (&outer);

  self->saving = TRUE;
  task = g_task_new (self, cancellable, save_thread_done, NULL);
  g_task_set_source_tag (task, shk_document_save_async);
  g_task_set_priority (task, io_priority);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
shk_document_save_finish (ShkDocument   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (SHK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == shk_document_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
