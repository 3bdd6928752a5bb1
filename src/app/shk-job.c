/* shk-job.c — long work off the window's thread, with progress and Cancel
 *
 * A job is the one way the app runs work that may take a while: a GTask
 * thread with the job's cancellable, and a fraction the worker stores
 * atomically and a main-thread timer turns into the "fraction" property,
 * so that widgets showing it are only ever touched on their own thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-format.h"
#include "shk-job.h"
#include "shk-window.h"

/* Often enough for a bar to move smoothly, rarely enough to cost nothing. */
#define UPDATE_INTERVAL_MS 100

struct _ShkJob
{
  GObject       parent_instance;

  GFile        *file;
  char         *title;
  char         *detail;
  GCancellable *cancellable;
  gboolean      running;
  int           permille;    /* the worker's; atomic, -1: not said yet */
  double        fraction;    /* as last notified */
  guint         update_id;
};

G_DEFINE_FINAL_TYPE (ShkJob, shk_job, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_FRACTION,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
shk_job_finalize (GObject *object)
{
  ShkJob *self = SHK_JOB (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_free (self->title);
  g_free (self->detail);

  G_OBJECT_CLASS (shk_job_parent_class)->finalize (object);
}

static void
shk_job_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  ShkJob *self = SHK_JOB (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_job_class_init (ShkJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shk_job_finalize;
  object_class->get_property = shk_job_get_property;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, -1, 1, -1,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shk_job_init (ShkJob *self)
{
  self->cancellable = g_cancellable_new ();
  self->permille = -1;
  self->fraction = -1;
}

ShkJob *
shk_job_new (GFile      *file,
             const char *title)
{
  ShkJob *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (SHK_TYPE_JOB, NULL);
  self->file = g_object_ref (file);
  self->title = g_strdup (title);
  return self;
}

void
shk_job_set_detail (ShkJob     *self,
                    const char *detail)
{
  g_return_if_fail (SHK_IS_JOB (self));
  g_free (self->detail);
  self->detail = g_strdup (detail);
}

const char *
shk_job_get_detail (ShkJob *self)
{
  g_return_val_if_fail (SHK_IS_JOB (self), NULL);
  return self->detail;
}

GFile *
shk_job_get_file (ShkJob *self)
{
  g_return_val_if_fail (SHK_IS_JOB (self), NULL);
  return self->file;
}

const char *
shk_job_get_title (ShkJob *self)
{
  g_return_val_if_fail (SHK_IS_JOB (self), NULL);
  return self->title;
}

GCancellable *
shk_job_get_cancellable (ShkJob *self)
{
  g_return_val_if_fail (SHK_IS_JOB (self), NULL);
  return self->cancellable;
}

/* ------------------------------------------------------------------ */
/* Progress                                                            */

void
shk_job_set_fraction (ShkJob *self,
                      double  fraction)
{
  g_return_if_fail (SHK_IS_JOB (self));
  g_atomic_int_set (&self->permille, (int) CLAMP (fraction * 1000, 0, 1000));
}

void
shk_job_progress (double   fraction,
                  gpointer job)
{
  shk_job_set_fraction (job, fraction);
}

double
shk_job_get_fraction (ShkJob *self)
{
  g_return_val_if_fail (SHK_IS_JOB (self), -1);
  return self->fraction;
}

static void
update_fraction (ShkJob *self)
{
  int permille = g_atomic_int_get (&self->permille);
  double fraction = permille < 0 ? -1 : permille / 1000.0;

  if (fraction == self->fraction)
    return;
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static gboolean
update_cb (gpointer data)
{
  update_fraction (data);
  return G_SOURCE_CONTINUE;
}

/* ------------------------------------------------------------------ */
/* Running                                                             */

void
shk_job_begin (ShkJob *self)
{
  g_return_if_fail (SHK_IS_JOB (self));
  g_return_if_fail (!self->running);

  self->running = TRUE;
  self->update_id = g_timeout_add (UPDATE_INTERVAL_MS, update_cb, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

void
shk_job_end (ShkJob *self)
{
  g_return_if_fail (SHK_IS_JOB (self));

  if (!self->running)
    return;
  g_clear_handle_id (&self->update_id, g_source_remove);
  update_fraction (self);
  self->running = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

gboolean
shk_job_is_running (ShkJob *self)
{
  g_return_val_if_fail (SHK_IS_JOB (self), FALSE);
  return self->running;
}

void
shk_job_cancel (ShkJob *self)
{
  g_return_if_fail (SHK_IS_JOB (self));
  g_cancellable_cancel (self->cancellable);
}

gboolean
shk_job_is_cancelled (ShkJob *self)
{
  g_return_val_if_fail (SHK_IS_JOB (self), FALSE);
  return g_cancellable_is_cancelled (self->cancellable);
}

typedef struct
{
  ShkJobFunc     func;
  gpointer       data;
  GDestroyNotify destroy;
} Work;

static void
work_free (Work *work)
{
  if (work->destroy != NULL)
    work->destroy (work->data);
  g_free (work);
}

static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  GError *error = NULL;

  /* A job cancelled before its thread came up does no work at all. */
  if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !work->func (source_object, work->data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

typedef struct
{
  GAsyncReadyCallback callback;
  gpointer            user_data;
} Done;

/* The job ends before the caller hears of it, so that the caller sees
 * it as ended and may start the next. */
static void
work_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autofree Done *done = data;

  shk_job_end (SHK_JOB (source));
  if (done->callback != NULL)
    done->callback (source, result, done->user_data);
}

void
shk_job_run (ShkJob              *self,
             ShkJobFunc           func,
             gpointer             data,
             GDestroyNotify       destroy,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;
  Done *done;

  g_return_if_fail (SHK_IS_JOB (self));
  g_return_if_fail (func != NULL);

  work = g_new0 (Work, 1);
  work->func = func;
  work->data = data;
  work->destroy = destroy;
  done = g_new0 (Done, 1);
  done->callback = callback;
  done->user_data = user_data;

  shk_job_begin (self);
  task = g_task_new (self, self->cancellable, work_done, done);
  g_task_set_source_tag (task, shk_job_run);
  /* A cancelled job still reports how its worker ended, and only once it
   * has: until then it may hold a temporary file. */
  g_task_set_return_on_cancel (task, FALSE);
  /* …and says what it did: a worker that finished its file before it
   * saw the Cancel has written it. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, work, (GDestroyNotify) work_free);
  g_task_run_in_thread (task, work_thread);
}

gboolean
shk_job_finish (ShkJob        *self,
                GAsyncResult  *result,
                GError       **error)
{
  g_return_val_if_fail (SHK_IS_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Snapshots                                                           */

struct _ShkJobSnapshot
{
  char  *data;
  gsize  length;
};

ShkJobSnapshot *
shk_job_snapshot_new (ShkPlan *plan)
{
  ShkJobSnapshot *snapshot;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  /* The plan's objects belong to the main thread, where the user keeps
   * editing: the worker gets the plan as the file format writes it and
   * reads a plan of its own from that, never a pointer into the model.
   * Written here, the text is the plan at the moment the user asked. */
  snapshot = g_new0 (ShkJobSnapshot, 1);
  snapshot->data = shk_format_to_data (plan, &snapshot->length);
  return snapshot;
}

ShkPlan *
shk_job_snapshot_get_plan (ShkJobSnapshot *snapshot,
                           GError        **error)
{
  g_return_val_if_fail (snapshot != NULL, NULL);

  return shk_format_load_data (snapshot->data, snapshot->length, NULL, error);
}

void
shk_job_snapshot_free (ShkJobSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->data);
  g_free (snapshot);
}

/* ------------------------------------------------------------------ */
/* Showing                                                             */

gboolean
shk_job_show_in (ShkJob    *self,
                 GtkWindow *parent)
{
  g_return_val_if_fail (SHK_IS_JOB (self), FALSE);

  /* Outside a Shinchoku window (a test's plain window) the job runs
   * unseen; its outcome is still reported. */
  if (!SHK_IS_WINDOW (parent))
    return TRUE;
  return shk_window_show_job (SHK_WINDOW (parent), self);
}
