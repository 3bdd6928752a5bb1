/* shk-job.h — long work off the window's thread, with progress and Cancel
 *
 * Every command that may take a while (opening and reverting a plan,
 * importing values, the handout, tables and the slides) runs as a job:
 * the work runs on a worker thread, says how far it is when it can, and
 * stops when the user cancels. A window shows the job it runs in the bar
 * under its header bar (shk_window_show_job()), so they all look and
 * cancel alike.
 *
 * The GObject model is not thread-safe: a job's worker never touches the
 * window's plan. Jobs that write from a plan take a snapshot
 * (shk_job_snapshot_new()) on the main thread and rebuild it in the
 * worker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-plan.h"

G_BEGIN_DECLS

#define SHK_TYPE_JOB (shk_job_get_type ())
G_DECLARE_FINAL_TYPE (ShkJob, shk_job, SHK, JOB, GObject)

/* The work, on the worker thread. Returns FALSE with @error set when it
 * failed, or G_IO_ERROR_CANCELLED once @cancellable is cancelled; reports
 * progress with shk_job_set_fraction(). */
typedef gboolean (*ShkJobFunc) (ShkJob        *job,
                                gpointer       data,
                                GCancellable  *cancellable,
                                GError       **error);

/* @title says what is done to which file ("Saving “plan.pptx”…"). */
ShkJob       *shk_job_new             (GFile               *file,
                                       const char          *title);
/* A line under the title while it runs; may be NULL. */
void          shk_job_set_detail      (ShkJob              *self,
                                       const char          *detail);
const char   *shk_job_get_detail      (ShkJob              *self);
GFile        *shk_job_get_file        (ShkJob              *self);
const char   *shk_job_get_title       (ShkJob              *self);
GCancellable *shk_job_get_cancellable (ShkJob              *self);

/* Runs @func (@data, freed with @destroy once the job has ended) on a
 * worker thread; @callback runs on this thread when it has returned. */
void          shk_job_run             (ShkJob              *self,
                                       ShkJobFunc           func,
                                       gpointer             data,
                                       GDestroyNotify       destroy,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean      shk_job_finish          (ShkJob              *self,
                                       GAsyncResult        *result,
                                       GError             **error);

/* For work that runs on a thread of its own already (the core's open and
 * save): the job only shows it and carries its cancellable. */
void          shk_job_begin           (ShkJob              *self);
void          shk_job_end             (ShkJob              *self);

gboolean      shk_job_is_running      (ShkJob              *self);
/* Asks the worker to stop; the job ends when it has. */
void          shk_job_cancel          (ShkJob              *self);
gboolean      shk_job_is_cancelled    (ShkJob              *self);

/* From any thread: the share done, 0 to 1. */
void          shk_job_set_fraction    (ShkJob              *self,
                                       double               fraction);
/* A ShkProgressFunc for the core's writers; @job is the ShkJob. */
void          shk_job_progress        (double               fraction,
                                       gpointer             job);
/* The share done as last shown (the "fraction" property, updated on the
 * main thread a few times a second); -1 until the worker has said. */
double        shk_job_get_fraction    (ShkJob              *self);

/* The plan as text, written on the main thread; the worker reads it into
 * a plan of its own with shk_job_snapshot_get_plan(). */
typedef struct _ShkJobSnapshot ShkJobSnapshot;

ShkJobSnapshot *shk_job_snapshot_new      (ShkPlan        *plan);
ShkPlan        *shk_job_snapshot_get_plan (ShkJobSnapshot *snapshot,
                                           GError        **error);
void            shk_job_snapshot_free     (ShkJobSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkJobSnapshot, shk_job_snapshot_free)

/* Shows @self in @parent's job bar when @parent is a Shinchoku window;
 * FALSE (after saying so) when that window is busy with another job. */
gboolean      shk_job_show_in         (ShkJob              *self,
                                       GtkWindow           *parent);

G_END_DECLS
