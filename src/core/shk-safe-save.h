/* shk-safe-save.h — writing a file so that a failure cannot lose data
 *
 * Every file the app writes (plans, recovery copies, tables, charts, the
 * handout) goes through shk_safe_save_bytes(). The new contents are
 * written to a temporary file beside the target and flushed to the disk;
 * the previous version is kept as NAME~ by a hard link made before the
 * temporary file is renamed over the target. On any error the temporary
 * file is removed and the target and its backup are left exactly as they
 * were, and the message says in plain words what failed. docs/safety.md
 * states the guarantees.
 *
 * Local files only (the GFile must have a path).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shk-file-stamp.h"

G_BEGIN_DECLS

typedef enum
{
  SHK_SAFE_SAVE_NONE        = 0,
  /* Keep the version being replaced as NAME~ (replacing an older NAME~). */
  SHK_SAFE_SAVE_KEEP_BACKUP = 1 << 0,
  /* A new file is readable by its owner only (0600) rather than
   * 0666 & ~umask. An existing file keeps its permissions either way. */
  SHK_SAFE_SAVE_PRIVATE     = 1 << 1,
} ShkSafeSaveFlags;

typedef struct
{
  ShkFileStamp  stamp;     /* the file as written, its contents hashed */
  char         *warning;   /* NULL, or what the user should know although
                            * the save succeeded (other hard links keep
                            * the old version, …); translated */
} ShkSafeSaveResult;

/* Temporary files older than this are left over from a save that never
 * finished, and the next save in their folder removes them… */
#define SHK_SAFE_SAVE_STALE_SECONDS        (60 * 60)
/* …or older than this when the process that wrote them is gone. */
#define SHK_SAFE_SAVE_DEAD_WRITER_SECONDS  (2 * 60)

void      shk_safe_save_result_clear  (ShkSafeSaveResult *result);

gboolean  shk_safe_save_bytes         (GFile              *target,
                                       GBytes             *bytes,
                                       ShkSafeSaveFlags    flags,
                                       GCancellable       *cancellable,
                                       GError            **error);
/* @result (may be NULL) is filled on success; clear it with
 * shk_safe_save_result_clear(). */
gboolean  shk_safe_save_bytes_full    (GFile              *target,
                                       GBytes             *bytes,
                                       ShkSafeSaveFlags    flags,
                                       ShkSafeSaveResult  *result,
                                       GCancellable       *cancellable,
                                       GError            **error);

/* Whether @name is one of the app's temporary files: ".NAME.shinchoku-PID-XXXXXX".
 * @pid (may be NULL) is set to the writer's process id. */
/* Saving what is written as it is made, rather than from one buffer: a
 * large plan goes to the disk in pieces (issue #17). @write calls
 * shk_safe_save_stream_write() for each piece and returns TRUE when all
 * went out; when it stops on a failed write it returns FALSE, and the
 * save reports that failure; when it gives up for a reason of its own it
 * returns FALSE with @error set, which the save passes on. Either way
 * the temporary file is removed and the target is left as it was. */
typedef struct _ShkSafeSaveStream ShkSafeSaveStream;

typedef gboolean (*ShkSafeSaveWriteFunc) (ShkSafeSaveStream  *stream,
                                          gpointer            user_data,
                                          GError            **error);

/* FALSE once a write has failed (disk full, cancelled, …): stop writing. */
gboolean  shk_safe_save_stream_write  (ShkSafeSaveStream  *stream,
                                       const void         *data,
                                       gsize               length);
gboolean  shk_safe_save_with_func     (GFile                 *target,
                                       ShkSafeSaveWriteFunc   write,
                                       gpointer               user_data,
                                       ShkSafeSaveFlags       flags,
                                       ShkSafeSaveResult     *result,
                                       GCancellable          *cancellable,
                                       GError               **error);

gboolean  shk_safe_save_is_temp_name  (const char         *name,
                                       gint64             *pid);

G_END_DECLS
