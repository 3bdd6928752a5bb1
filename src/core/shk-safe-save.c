/* shk-safe-save.c — writing a file so that a failure cannot lose data
 *
 * Why not g_file_replace_contents() (GIO's g_file_replace): when a write
 * fails, GIO still closes the output stream, and closing its local file
 * stream renames the partly written temporary file over the target. On a
 * full disk the plan was replaced by a truncated file, and the next try
 * replaced the backup too. Its backup is made by renaming the target
 * away (a kill in between leaves no file at all) and is created with
 * default permissions. The protocol below uses plain POSIX calls so that
 * every step's failure is seen before anything is renamed:
 *
 *   1. resolve a symbolic link to the file it points to;
 *   2. remove the app's own stale temporary files in the folder;
 *   3. create .NAME.shinchoku-PID-XXXXXX beside the target with the
 *      target's permissions, write everything, fsync, close;
 *   4. with a backup: hard-link (or, where the file system has no hard
 *      links, copy) the current target to another temporary name;
 *   5. rename the new file over the target — the one moment the target
 *      changes, atomically;
 *   6. rename the linked previous version over NAME~ (atomically too); if
 *      that fails, rename it back over the target, so the target and the
 *      backup are as they were;
 *   7. fsync the folder.
 *
 * A failure before 5 removes the temporary files: nothing else changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "shk-safe-save.h"

#define TEMP_MARK        ".shinchoku-"
#define TEMP_RANDOM_LEN  6
/* The longest part of the target's name kept in a temporary name, so that
 * the temporary name stays within NAME_MAX (255 bytes). */
#define TEMP_BASE_MAX    200
#define MAX_SYMLINKS     40
#define WRITE_CHUNK      (1024 * 1024)

typedef enum
{
  STEP_RESOLVE,
  STEP_FOLDER,
  STEP_CREATE,
  STEP_WRITE,
  STEP_SYNC,
  STEP_BACKUP,
  STEP_REPLACE,
} Step;

typedef struct
{
  ShkSafeSaveFlags  flags;
  char             *display;      /* the name the caller gave, for messages */
  char             *path;         /* the file really written (links resolved) */
  char             *base;         /* its name in dir */
  char             *backup;       /* base + "~" */
  int               dir_fd;
  gboolean          exists;
  struct stat       old;          /* the target before the save, if it exists */
  guint             our_links;    /* links to the target that are the app's */
  char             *temp;         /* the new version; NULL once renamed */
  char             *keep;         /* a link to the previous version */
} Save;

static void
save_clear (Save *s)
{
  if (s->temp != NULL)
    unlinkat (s->dir_fd, s->temp, 0);
  if (s->keep != NULL)
    unlinkat (s->dir_fd, s->keep, 0);
  if (s->dir_fd >= 0)
    close (s->dir_fd);
  g_free (s->display);
  g_free (s->path);
  g_free (s->base);
  g_free (s->backup);
  g_free (s->temp);
  g_free (s->keep);
}

void
shk_safe_save_result_clear (ShkSafeSaveResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->warning, g_free);
  memset (&result->stamp, 0, sizeof result->stamp);
}

/* ------------------------------------------------------------------ */
/* Messages                                                            */

static const char *
reason_for_errno (int err)
{
  switch (err)
    {
    case ENOSPC:
      return _("the disk is full");
    case EDQUOT:
      return _("your disk quota is used up");
    case EROFS:
      return _("the folder is on a read-only disk");
    case EACCES:
    case EPERM:
      return _("permission denied");
    case EIO:
      return _("the disk reported an input/output error");
    case ENOENT:
      return _("the folder does not exist");
    case ENOTDIR:
      return _("a part of the folder’s path is not a folder");
    case ENAMETOOLONG:
      return _("the file name is too long");
    case ELOOP:
      return _("there are too many symbolic links in the path");
    case EISDIR:
      return _("there is a folder of that name");
    default:
      return g_strerror (err);
    }
}

static char *
describe_step (Save *s,
               Step  step)
{
  switch (step)
    {
    case STEP_RESOLVE:
      return g_strdup (_("following the symbolic link"));
    case STEP_FOLDER:
      return g_strdup (_("opening the folder"));
    case STEP_CREATE:
      return g_strdup (_("creating a temporary file in the folder"));
    case STEP_WRITE:
      return g_strdup (_("writing the new version"));
    case STEP_SYNC:
      return g_strdup (_("flushing the new version to the disk"));
    case STEP_BACKUP:
      {
        g_autofree char *name = g_filename_display_name (s->backup != NULL ? s->backup : "~");

        return g_strdup_printf (_("keeping the previous version as “%s”"), name);
      }
    case STEP_REPLACE:
    default:
      return g_strdup (_("replacing the file with the new version"));
    }
}

/* "Could not save “plan.json”: the disk is full (writing the new
 * version). The file on disk and its backup are unchanged." */
static gboolean
fail (Save    *s,
      GError **error,
      int      err,
      Step     step)
{
  g_autofree char *what = describe_step (s, step);
  const char *outcome;

  if (!s->exists)
    outcome = _("No file was created.");
  else if ((s->flags & SHK_SAFE_SAVE_KEEP_BACKUP) != 0)
    outcome = _("The file on disk and its backup are unchanged.");
  else
    outcome = _("The file on disk is unchanged.");

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (err),
               /* TRANSLATORS: “Could not save “FILE”: REASON (STEP). OUTCOME” */
               _("Could not save “%s”: %s (%s). %s"),
               s->display, reason_for_errno (err), what, outcome);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Temporary names and stale files                                     */

gboolean
shk_safe_save_is_temp_name (const char *name,
                            gint64     *pid)
{
  const char *mark, *p;
  guint64 value = 0;
  gsize digits = 0;

  g_return_val_if_fail (name != NULL, FALSE);

  if (name[0] != '.' || (mark = g_strrstr (name, TEMP_MARK)) == NULL || mark <= name + 1)
    return FALSE;
  for (p = mark + strlen (TEMP_MARK); g_ascii_isdigit (*p) && digits < 10; p++, digits++)
    value = value * 10 + (guint64) (*p - '0');
  if (digits == 0 || *p++ != '-')
    return FALSE;
  for (guint i = 0; i < TEMP_RANDOM_LEN; i++, p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  if (*p != '\0')
    return FALSE;
  if (pid != NULL)
    *pid = (gint64) value;
  return TRUE;
}

static char *
make_temp_name (const char *base)
{
  static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  g_autofree char *short_base = g_strndup (base, TEMP_BASE_MAX);
  char random[TEMP_RANDOM_LEN + 1];

  for (guint i = 0; i < TEMP_RANDOM_LEN; i++)
    random[i] = chars[g_random_int_range (0, sizeof chars - 1)];
  random[TEMP_RANDOM_LEN] = '\0';
  return g_strdup_printf (".%s" TEMP_MARK "%ld-%s", short_base, (long) getpid (), random);
}

static gboolean
writer_is_gone (gint64 pid)
{
  /* EPERM: a process of another user has that id, so it exists. */
  return pid > 0 && pid <= G_MAXINT && kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

/* Removes the app's temporary files that no save is writing any more and
 * counts the app's names (temporary files, the backup) that are links to
 * the target, so that they are not taken for the user's hard links.
 *
 * The age rule is what makes removal safe: a temporary file is written in
 * one go, so one whose last change is an hour old belongs to no running
 * save. A file whose writer's process id is gone goes sooner, after two
 * minutes; not at once, since a process id of another machine (a shared
 * folder) or another PID namespace (a sandbox) can look gone from here. */
static void
clean_stale_temps (Save *s)
{
  int fd = dup (s->dir_fd);
  struct dirent *entry;
  DIR *dir;
  time_t now = time (NULL);

  if (fd < 0)
    return;
  dir = fdopendir (fd);
  if (dir == NULL)
    {
      close (fd);
      return;
    }
  rewinddir (dir);

  while ((entry = readdir (dir)) != NULL)
    {
      struct stat st;
      gint64 pid = 0;
      gboolean ours = shk_safe_save_is_temp_name (entry->d_name, &pid);
      gboolean is_backup = g_strcmp0 (entry->d_name, s->backup) == 0;
      double age;

      if ((!ours && !is_backup) ||
          fstatat (s->dir_fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
          !S_ISREG (st.st_mode))
        continue;

      age = difftime (now, st.st_mtime);
      if (ours && (age > SHK_SAFE_SAVE_STALE_SECONDS ||
                   (age > SHK_SAFE_SAVE_DEAD_WRITER_SECONDS && writer_is_gone (pid))) &&
          unlinkat (s->dir_fd, entry->d_name, 0) == 0)
        continue;
      if (s->exists && st.st_dev == s->old.st_dev && st.st_ino == s->old.st_ino)
        s->our_links++;
    }
  closedir (dir);
}

/* ------------------------------------------------------------------ */
/* Steps                                                               */

/* Follows symbolic links from @path to the file they point to (which may
 * not exist yet: saving through a dangling link creates its target, as
 * writing through it would). */
static gboolean
resolve_target (Save        *s,
                const char  *path,
                GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint depth = 0; depth <= MAX_SYMLINKS; depth++)
    {
      g_autofree char *link = NULL;
      struct stat st;

      if (lstat (current, &st) != 0)
        {
          if (errno != ENOENT)
            return fail (s, error, errno, STEP_RESOLVE);
          s->path = g_steal_pointer (&current);
          return TRUE;
        }
      if (!S_ISLNK (st.st_mode))
        {
          s->path = g_steal_pointer (&current);
          return TRUE;
        }

      link = g_file_read_link (current, NULL);
      if (link == NULL)
        return fail (s, error, errno != 0 ? errno : EINVAL, STEP_RESOLVE);
      if (!g_path_is_absolute (link))
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, link, NULL);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
    }
  return fail (s, error, ELOOP, STEP_RESOLVE);
}

static gboolean
open_folder (Save     *s,
             GError  **error)
{
  g_autofree char *dir = g_path_get_dirname (s->path);

  s->base = g_path_get_basename (s->path);
  s->backup = g_strconcat (s->base, "~", NULL);
  s->dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (s->dir_fd < 0)
    return fail (s, error, errno, STEP_FOLDER);

  if (fstatat (s->dir_fd, s->base, &s->old, 0) == 0)
    {
      s->exists = TRUE;
      if (!S_ISREG (s->old.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("Could not save “%s”: it is not a regular file (a folder, a device or a "
                         "named pipe), so it was left as it is"),
                       s->display);
          return FALSE;
        }
    }
  else if (errno != ENOENT)
    return fail (s, error, errno, STEP_FOLDER);
  return TRUE;
}

/* Creates a new file with a fresh temporary name for @base in the folder. */
static int
create_temp (Save        *s,
             const char  *base,
             mode_t       create_mode,
             char       **name)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *candidate = make_temp_name (base);
      int fd = openat (s->dir_fd, candidate,
                       O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY,
                       create_mode);

      if (fd >= 0)
        {
          *name = g_steal_pointer (&candidate);
          return fd;
        }
      if (errno != EEXIST)
        return -1;
    }
  errno = EEXIST;
  return -1;
}

/* Gives a new file the old one's owner (when we may) and permissions —
 * never wider: when the group cannot be kept, the group loses its bits
 * rather than our own group gaining them. */
static void
copy_permissions (Save *s,
                  int   fd)
{
  struct stat st;
  mode_t mode = s->old.st_mode & 0777;

  /* Only root may give a file away; others get EPERM and keep their own. */
  if (fchown (fd, s->old.st_uid, s->old.st_gid) != 0)
    (void) (fchown (fd, (uid_t) -1, s->old.st_gid) == 0);
  if (fstat (fd, &st) == 0 && st.st_gid != s->old.st_gid)
    mode &= ~(mode_t) 0070;
  (void) fchmod (fd, mode);
}

static gboolean
write_all (int             fd,
           const guint8   *data,
           gsize           length,
           GCancellable   *cancellable,
           GError        **error)
{
  gsize done = 0;

  while (done < length)
    {
      gssize n = write (fd, data + done, MIN (length - done, (gsize) WRITE_CHUNK));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      if (n == 0)
        {
          errno = ENOSPC;
          return FALSE;
        }
      done += (gsize) n;
      if (g_cancellable_is_cancelled (cancellable))
        {
          errno = ECANCELED;
          return FALSE;
        }
    }
  return TRUE;
}

struct _ShkSafeSaveStream
{
  int            fd;
  GCancellable  *cancellable;
  ShkFileStampHasher *hasher;  /* for the result's stamp; NULL without one */
  int            err;        /* the first write's failure, 0 if none */
};

gboolean
shk_safe_save_stream_write (ShkSafeSaveStream *stream,
                            const void        *data,
                            gsize              length)
{
  g_return_val_if_fail (stream != NULL, FALSE);

  if (stream->err != 0)
    return FALSE;
  if (!write_all (stream->fd, data, length, stream->cancellable, NULL))
    {
      stream->err = errno != 0 ? errno : EIO;
      return FALSE;
    }
  if (stream->hasher != NULL)
    shk_file_stamp_hasher_update (stream->hasher, data, length);
  return TRUE;
}

typedef struct
{
  const guint8 *data;
  gsize         length;
} BytesSource;

static gboolean
write_bytes (ShkSafeSaveStream  *stream,
             gpointer            user_data,
             GError            **error)
{
  const BytesSource *source = user_data;

  return shk_safe_save_stream_write (stream, source->data, source->length);
}

/* Creates the temporary file and has @fill write it, then flushes it to
 * the disk. The new contents are hashed as they go out, so that a large
 * file is not read again for its stamp. */
static gboolean
write_temp (Save                  *s,
            ShkSafeSaveWriteFunc   fill,
            gpointer               user_data,
            ShkSafeSaveResult     *result,
            GCancellable          *cancellable,
            GError               **error)
{
  mode_t create_mode = s->exists || (s->flags & SHK_SAFE_SAVE_PRIVATE) != 0 ? 0600 : 0666;
  ShkSafeSaveStream stream = { .fd = -1, .cancellable = cancellable };
  g_autoptr(ShkFileStampHasher) hasher = result != NULL ? shk_file_stamp_hasher_new () : NULL;
  g_autoptr(GError) write_error = NULL;
  struct stat st;
  Step step = STEP_WRITE;
  int fd, err;

  fd = create_temp (s, s->base, create_mode, &s->temp);
  if (fd < 0)
    return fail (s, error, errno, STEP_CREATE);
  if (s->exists)
    copy_permissions (s, fd);

  stream.fd = fd;
  stream.hasher = hasher;
  if (!fill (&stream, user_data, &write_error) || stream.err != 0)
    {
      if (write_error != NULL && stream.err == 0)
        {
          /* The writer's own reason (the plan is too large, …): the
           * temporary file goes, as on any failure before the rename. */
          close (fd);
          g_propagate_error (error, g_steal_pointer (&write_error));
          return FALSE;
        }
      errno = stream.err != 0 ? stream.err : EIO;
      goto failed;
    }
  step = STEP_SYNC;
  if (fsync (fd) != 0 || fstat (fd, &st) != 0)
    goto failed;
  /* Errors of a network file system may only show when closing. */
  if (close (fd) != 0 && errno != EINTR)
    {
      fd = -1;
      goto failed;
    }
  if (result != NULL)
    {
      shk_file_stamp_set_stat (&result->stamp, &st);
      shk_file_stamp_hasher_finish (g_steal_pointer (&hasher), &result->stamp);
    }
  return TRUE;

failed:
  err = errno;
  if (fd >= 0)
    close (fd);
  if (err == ECANCELED)
    return !g_cancellable_set_error_if_cancelled (cancellable, error);
  return fail (s, error, err, step);
}

/* Where the file system has no hard links: a copy of the current target,
 * written and flushed like the new version. */
static gboolean
copy_previous (Save  *s,
               int   *err)
{
  g_autofree guint8 *buffer = g_malloc (WRITE_CHUNK);
  int in = openat (s->dir_fd, s->base, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  int out;
  gboolean ok = TRUE;

  if (in < 0)
    {
      *err = errno;
      return FALSE;
    }
  out = create_temp (s, s->backup, 0600, &s->keep);
  if (out < 0)
    {
      *err = errno;
      close (in);
      return FALSE;
    }
  copy_permissions (s, out);

  for (;;)
    {
      gssize n = read (in, buffer, WRITE_CHUNK);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 || (n > 0 && !write_all (out, buffer, (gsize) n, NULL, NULL)))
        {
          ok = FALSE;
          break;
        }
      if (n == 0)
        break;
    }
  if (ok && fsync (out) != 0)
    ok = FALSE;
  *err = errno;
  close (in);
  if (close (out) != 0 && errno != EINTR && ok)
    {
      *err = errno;
      ok = FALSE;
    }
  return ok;
}

/* A second name for the current target, made before anything is renamed:
 * the previous version is never only in a file being moved away. */
static gboolean
keep_previous (Save     *s,
               GError  **error)
{
  int err = 0;

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *candidate = make_temp_name (s->backup);

      if (linkat (s->dir_fd, s->base, s->dir_fd, candidate, 0) == 0)
        {
          s->keep = g_steal_pointer (&candidate);
          return TRUE;
        }
      err = errno;
      if (err != EEXIST)
        break;
    }

  /* No hard links here (FAT, some network and FUSE file systems) or too
   * many of them: a copy will do. */
  if (err == EPERM || err == ENOTSUP || err == EOPNOTSUPP || err == EMLINK || err == ENOSYS)
    {
      if (copy_previous (s, &err))
        return TRUE;
    }
  return fail (s, error, err, STEP_BACKUP);
}

static char *
hard_link_warning (Save *s)
{
  /* The file's own name, and the app's names for it, are not "others". */
  if (!s->exists || s->old.st_nlink <= 1 + s->our_links)
    return NULL;
  return g_strdup_printf (_("“%s” had another name (a hard link). The new version is saved under "
                            "this name only; the other name still shows the previous version."),
                          s->display);
}

static gboolean
commit (Save     *s,
        char    **warning,
        GError  **error)
{
  if (renameat (s->dir_fd, s->temp, s->dir_fd, s->base) != 0)
    return fail (s, error, errno, STEP_REPLACE);
  g_clear_pointer (&s->temp, g_free);

  if (s->keep != NULL && (s->flags & SHK_SAFE_SAVE_KEEP_BACKUP) != 0)
    {
      if (renameat (s->dir_fd, s->keep, s->dir_fd, s->backup) != 0)
        {
          int err = errno;

          /* Put the previous version back: the save did not happen. */
          if (renameat (s->dir_fd, s->keep, s->dir_fd, s->base) == 0)
            {
              g_clear_pointer (&s->keep, g_free);
              return fail (s, error, err, STEP_BACKUP);
            }
          /* Two renames in one folder failed in a row: the new version is
           * in place, and the previous one stays under its temporary name
           * rather than being removed. */
          g_free (*warning);
          *warning = g_strdup_printf (_("“%s” was saved, but the previous version could not be "
                                        "kept as “%s” (%s); it is in “%s” for now"),
                                      s->display, s->backup, reason_for_errno (err), s->keep);
          g_clear_pointer (&s->keep, g_free);
          return TRUE;
        }
      g_clear_pointer (&s->keep, g_free);
    }
  return TRUE;
}

gboolean
shk_safe_save_with_func (GFile                 *target,
                         ShkSafeSaveWriteFunc   write,
                         gpointer               user_data,
                         ShkSafeSaveFlags       flags,
                         ShkSafeSaveResult     *result,
                         GCancellable          *cancellable,
                         GError               **error)
{
  Save s = { .flags = flags, .dir_fd = -1 };
  g_autofree char *warning = NULL;
  const char *path;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (write != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (result != NULL)
    memset (result, 0, sizeof *result);
  s.display = g_file_get_parse_name (target);
  path = g_file_peek_path (target);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save “%s”: only files in local folders can be saved"),
                   s.display);
      save_clear (&s);
      return FALSE;
    }

  ok = resolve_target (&s, path, error) &&
       open_folder (&s, error);
  if (ok)
    {
      clean_stale_temps (&s);
      ok = write_temp (&s, write, user_data, result, cancellable, error) &&
           !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           (!s.exists || (flags & SHK_SAFE_SAVE_KEEP_BACKUP) == 0 || keep_previous (&s, error)) &&
           !g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  if (ok)
    {
      warning = hard_link_warning (&s);
      ok = commit (&s, &warning, error);
    }
  /* The rename is in the folder; flushing it makes it last through a
   * power cut. File systems that cannot flush a folder say EINVAL. */
  if (ok && fsync (s.dir_fd) != 0 && errno != EINVAL && errno != EROFS && warning == NULL)
    warning = g_strdup_printf (_("“%s” was saved, but the disk did not confirm that the "
                                 "folder was written: %s"),
                               s.display, reason_for_errno (errno));

  if (ok && result != NULL)
    result->warning = g_steal_pointer (&warning);
  else if (!ok && result != NULL)
    shk_safe_save_result_clear (result);
  save_clear (&s);
  return ok;
}

gboolean
shk_safe_save_bytes_full (GFile              *target,
                          GBytes             *bytes,
                          ShkSafeSaveFlags    flags,
                          ShkSafeSaveResult  *result,
                          GCancellable       *cancellable,
                          GError            **error)
{
  BytesSource source = { 0 };

  g_return_val_if_fail (bytes != NULL, FALSE);

  source.data = g_bytes_get_data (bytes, &source.length);
  return shk_safe_save_with_func (target, write_bytes, &source, flags, result,
                                  cancellable, error);
}

gboolean
shk_safe_save_bytes (GFile             *target,
                     GBytes            *bytes,
                     ShkSafeSaveFlags   flags,
                     GCancellable      *cancellable,
                     GError           **error)
{
  return shk_safe_save_bytes_full (target, bytes, flags, NULL, cancellable, error);
}
