/* shk-file-stamp.c — what a file was when the app last read or wrote it
 *
 * Plain stat(2) rather than g_file_query_info: GIO's entity tag and its
 * time attributes stop at the microsecond in GLib 2.74, and the stamp
 * wants the nanoseconds the file system keeps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "shk-file-stamp.h"

#define STAMP_PREFIX "shk-stamp-1 "
#define READ_CHUNK   (64 * 1024)

void
shk_file_stamp_set_stat (ShkFileStamp      *stamp,
                         const struct stat *st)
{
  stamp->known = TRUE;
  stamp->device = (guint64) st->st_dev;
  stamp->inode = (guint64) st->st_ino;
  stamp->size = (guint64) st->st_size;
  stamp->mtime_sec = (gint64) st->st_mtim.tv_sec;
  stamp->mtime_nsec = (gint64) st->st_mtim.tv_nsec;
  stamp->ctime_sec = (gint64) st->st_ctim.tv_sec;
  stamp->ctime_nsec = (gint64) st->st_ctim.tv_nsec;
}

void
shk_file_stamp_set_hash (ShkFileStamp *stamp,
                         const void   *data,
                         gsize         length)
{
  g_autofree char *hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);

  g_strlcpy (stamp->sha256, hex, sizeof stamp->sha256);
}

static void
set_special_error (GError     **error,
                   const char  *name,
                   guint32      mode)
{
  if (S_ISDIR (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("“%s” is a folder, not a plan file"), name);
  else if (S_ISFIFO (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is a named pipe, not a plan file; nothing was read from it"), name);
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is a device, not a plan file; nothing was read from it"), name);
  else if (S_ISSOCK (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is a socket, not a plan file; nothing was read from it"), name);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is not a regular file; nothing was read from it"), name);
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not read “%s”: %s"), name, g_strerror (saved_errno));
}

/* Hashes what @fd reads to its end. */
static gboolean
hash_fd (int            fd,
         char           sha256[65],
         const char    *path,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (READ_CHUNK);

  for (;;)
    {
      gssize n = read (fd, buffer, READ_CHUNK);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno, path);
          return FALSE;
        }
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, (gsize) n);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  g_strlcpy (sha256, g_checksum_get_string (checksum), 65);
  return TRUE;
}

gboolean
shk_file_stamp_query (ShkFileStamp  *stamp,
                      const char    *path,
                      GCancellable  *cancellable,
                      GError       **error)
{
  struct stat before, opened = { 0 }, after;
  int fd;
  gboolean ok;

  g_return_val_if_fail (stamp != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  memset (stamp, 0, sizeof *stamp);
  if (stat (path, &before) != 0)
    {
      set_errno_error (error, errno, path);
      return FALSE;
    }
  if (!S_ISREG (before.st_mode))
    {
      g_autofree char *name = g_filename_display_name (path);

      set_special_error (error, name, before.st_mode);
      return FALSE;
    }

  /* O_NONBLOCK: should the file have become a named pipe since the stat,
   * the open does not wait for a writer, and fstat refuses it. */
  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return FALSE;
    }
  if (fstat (fd, &opened) != 0 || !S_ISREG (opened.st_mode))
    {
      g_autofree char *name = g_filename_display_name (path);

      set_special_error (error, name, opened.st_mode);
      close (fd);
      return FALSE;
    }

  ok = hash_fd (fd, stamp->sha256, path, cancellable, error) && fstat (fd, &after) == 0;
  close (fd);
  if (!ok)
    return FALSE;

  shk_file_stamp_set_stat (stamp, &opened);
  /* Written while it was read: the hash may mix two versions. */
  if (opened.st_size != after.st_size ||
      opened.st_mtim.tv_sec != after.st_mtim.tv_sec ||
      opened.st_mtim.tv_nsec != after.st_mtim.tv_nsec ||
      opened.st_ctim.tv_sec != after.st_ctim.tv_sec ||
      opened.st_ctim.tv_nsec != after.st_ctim.tv_nsec)
    stamp->known = FALSE;
  return TRUE;
}

static gboolean
same_identity (const ShkFileStamp *a,
               const ShkFileStamp *b)
{
  return a->device == b->device &&
         a->inode == b->inode &&
         a->size == b->size &&
         a->mtime_sec == b->mtime_sec &&
         a->mtime_nsec == b->mtime_nsec;
}

gboolean
shk_file_stamp_same_write (const ShkFileStamp *a,
                           const ShkFileStamp *b)
{
  return a->known && b->known &&
         same_identity (a, b) &&
         a->ctime_sec == b->ctime_sec &&
         a->ctime_nsec == b->ctime_nsec;
}

ShkFileStampCheck
shk_file_stamp_check (const ShkFileStamp *stamp,
                      const char         *path)
{
  ShkFileStamp now = { 0 };
  struct stat st;

  g_return_val_if_fail (stamp != NULL, SHK_FILE_STAMP_CHANGED);
  g_return_val_if_fail (path != NULL, SHK_FILE_STAMP_CHANGED);

  if (stat (path, &st) != 0)
    return errno == ENOENT || errno == ENOTDIR ? SHK_FILE_STAMP_GONE
                                               : SHK_FILE_STAMP_UNREADABLE;
  if (!stamp->known)
    return SHK_FILE_STAMP_CHANGED;

  shk_file_stamp_set_stat (&now, &st);
  if (!same_identity (stamp, &now))
    return SHK_FILE_STAMP_CHANGED;

  /* The cheap facts agree: only the contents can tell a rewrite that kept
   * the size and the time. A file that cannot be read now cannot be
   * vouched for either. */
  if (!shk_file_stamp_query (&now, path, NULL, NULL) || !now.known ||
      !same_identity (stamp, &now) || strcmp (stamp->sha256, now.sha256) != 0)
    return SHK_FILE_STAMP_CHANGED;
  return SHK_FILE_STAMP_UNCHANGED;
}

char *
shk_file_stamp_to_string (const ShkFileStamp *stamp)
{
  g_return_val_if_fail (stamp != NULL, NULL);

  if (!stamp->known)
    return g_strdup (STAMP_PREFIX "unknown");
  return g_strdup_printf (STAMP_PREFIX "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                          " %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s",
                          stamp->device, stamp->inode, stamp->size,
                          stamp->mtime_sec, stamp->mtime_nsec, stamp->sha256);
}

static gboolean
parse_number (const char *text,
              gboolean    is_signed,
              guint64    *value)
{
  if (is_signed)
    {
      gint64 signed_value;

      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &signed_value, NULL))
        return FALSE;
      *value = (guint64) signed_value;
      return TRUE;
    }
  return g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, value, NULL);
}

gboolean
shk_file_stamp_parse (ShkFileStamp *stamp,
                      const char   *text)
{
  g_auto(GStrv) fields = NULL;
  guint64 numbers[5];

  g_return_val_if_fail (stamp != NULL, FALSE);

  memset (stamp, 0, sizeof *stamp);
  if (text == NULL || !g_str_has_prefix (text, STAMP_PREFIX))
    return FALSE;
  text += strlen (STAMP_PREFIX);
  if (strcmp (text, "unknown") == 0)
    return TRUE;

  fields = g_strsplit (text, " ", -1);
  if (g_strv_length (fields) != 6)
    return FALSE;
  for (guint i = 0; i < 5; i++)
    if (!parse_number (fields[i], i >= 3, &numbers[i]))
      return FALSE;
  if (strlen (fields[5]) != 64 ||
      strspn (fields[5], "0123456789abcdef") != 64)
    return FALSE;

  stamp->known = TRUE;
  stamp->device = numbers[0];
  stamp->inode = numbers[1];
  stamp->size = numbers[2];
  stamp->mtime_sec = (gint64) numbers[3];
  stamp->mtime_nsec = (gint64) numbers[4];
  g_strlcpy (stamp->sha256, fields[5], sizeof stamp->sha256);
  return TRUE;
}

gboolean
shk_file_check_regular (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;
  GFileType type;
  guint32 mode = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* A stat, never an open. When even that fails (a missing file), the
   * reader that follows says why, naming the file. */
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info == NULL)
    return !g_cancellable_set_error_if_cancelled (cancellable, error);

  type = g_file_info_get_file_type (info);
  if (type == G_FILE_TYPE_REGULAR)
    return TRUE;

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE))
    mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE);
  else if (type == G_FILE_TYPE_DIRECTORY)
    mode = S_IFDIR;
  name = g_file_get_parse_name (file);
  set_special_error (error, name, mode);
  return FALSE;
}
