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
#include <xxhash.h>

#include "shk-file-stamp.h"

#define STAMP_PREFIX        "shk-stamp-2 "
#define SHA256_STAMP_PREFIX "shk-stamp-1 "
#define READ_CHUNK          (256 * 1024)

/* A digest of either kind, fed in pieces. */
typedef struct
{
  ShkFileStampDigest  kind;
  GChecksum          *sha256;
  XXH3_state_t       *xxh3;
} Digest;

static void
digest_init (Digest             *digest,
             ShkFileStampDigest  kind)
{
  digest->kind = kind;
  if (kind == SHK_FILE_STAMP_SHA256)
    digest->sha256 = g_checksum_new (G_CHECKSUM_SHA256);
  else
    {
      digest->xxh3 = XXH3_createState ();
      if (digest->xxh3 == NULL)
        g_error ("out of memory");
      XXH3_128bits_reset (digest->xxh3);
    }
}

static void
digest_update (Digest     *digest,
               const void *data,
               gsize       length)
{
  if (digest->sha256 != NULL)
    g_checksum_update (digest->sha256, data, length);
  else
    XXH3_128bits_update (digest->xxh3, data, length);
}

/* Writes the hex digest into @hex and frees @digest. */
static void
digest_finish (Digest *digest,
               char    hex[65])
{
  if (digest->sha256 != NULL)
    {
      g_strlcpy (hex, g_checksum_get_string (digest->sha256), 65);
      g_clear_pointer (&digest->sha256, g_checksum_free);
    }
  else
    {
      XXH128_canonical_t canonical;

      XXH128_canonicalFromHash (&canonical, XXH3_128bits_digest (digest->xxh3));
      for (guint i = 0; i < sizeof canonical.digest; i++)
        g_snprintf (hex + 2 * i, 3, "%02x", canonical.digest[i]);
      g_clear_pointer (&digest->xxh3, XXH3_freeState);
    }
}

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

struct _ShkFileStampHasher
{
  Digest digest;
};

ShkFileStampHasher *
shk_file_stamp_hasher_new (void)
{
  ShkFileStampHasher *hasher = g_new0 (ShkFileStampHasher, 1);

  digest_init (&hasher->digest, SHK_FILE_STAMP_XXH3_128);
  return hasher;
}

void
shk_file_stamp_hasher_update (ShkFileStampHasher *hasher,
                              const void         *data,
                              gsize               length)
{
  digest_update (&hasher->digest, data, length);
}

void
shk_file_stamp_hasher_finish (ShkFileStampHasher *hasher,
                              ShkFileStamp       *stamp)
{
  digest_finish (&hasher->digest, stamp->digest);
  stamp->digest_kind = hasher->digest.kind;
  g_free (hasher);
}

/* For a hasher that is dropped unfinished. */
void
shk_file_stamp_hasher_free (ShkFileStampHasher *hasher)
{
  char ignored[65];

  if (hasher == NULL)
    return;
  digest_finish (&hasher->digest, ignored);
  g_free (hasher);
}

void
shk_file_stamp_set_hash (ShkFileStamp *stamp,
                         const void   *data,
                         gsize         length)
{
  Digest digest = { 0 };

  digest_init (&digest, SHK_FILE_STAMP_XXH3_128);
  digest_update (&digest, data, length);
  digest_finish (&digest, stamp->digest);
  stamp->digest_kind = SHK_FILE_STAMP_XXH3_128;
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

/* Hashes what @fd reads to its end into @hex. */
static gboolean
hash_fd (int                 fd,
         ShkFileStampDigest  kind,
         char                hex[65],
         const char         *path,
         GCancellable       *cancellable,
         GError            **error)
{
  g_autofree guchar *buffer = g_malloc (READ_CHUNK);
  Digest digest = { 0 };
  gboolean ok = TRUE;

  digest_init (&digest, kind);
  for (;;)
    {
      gssize n = read (fd, buffer, READ_CHUNK);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno, path);
          ok = FALSE;
          break;
        }
      if (n == 0)
        break;
      digest_update (&digest, buffer, (gsize) n);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
    }
  digest_finish (&digest, hex);
  return ok;
}

static gboolean
query_with (ShkFileStamp        *stamp,
            const char          *path,
            ShkFileStampDigest   kind,
            GCancellable        *cancellable,
            GError             **error)
{
  struct stat before, opened = { 0 }, after;
  int fd;
  gboolean ok;

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

  ok = hash_fd (fd, kind, stamp->digest, path, cancellable, error) && fstat (fd, &after) == 0;
  close (fd);
  if (!ok)
    return FALSE;

  shk_file_stamp_set_stat (stamp, &opened);
  stamp->digest_kind = kind;
  /* Written while it was read: the hash may mix two versions. */
  if (opened.st_size != after.st_size ||
      opened.st_mtim.tv_sec != after.st_mtim.tv_sec ||
      opened.st_mtim.tv_nsec != after.st_mtim.tv_nsec ||
      opened.st_ctim.tv_sec != after.st_ctim.tv_sec ||
      opened.st_ctim.tv_nsec != after.st_ctim.tv_nsec)
    stamp->known = FALSE;
  return TRUE;
}

gboolean
shk_file_stamp_query (ShkFileStamp  *stamp,
                      const char    *path,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (stamp != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return query_with (stamp, path, SHK_FILE_STAMP_XXH3_128, cancellable, error);
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
  if (!query_with (&now, path, stamp->digest_kind, NULL, NULL) || !now.known ||
      !same_identity (stamp, &now) || strcmp (stamp->digest, now.digest) != 0)
    return SHK_FILE_STAMP_CHANGED;
  return SHK_FILE_STAMP_UNCHANGED;
}

char *
shk_file_stamp_to_string (const ShkFileStamp *stamp)
{
  g_return_val_if_fail (stamp != NULL, NULL);

  if (!stamp->known)
    return g_strdup (STAMP_PREFIX "unknown");
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                          " %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s",
                          stamp->digest_kind == SHK_FILE_STAMP_SHA256 ? SHA256_STAMP_PREFIX
                                                                      : STAMP_PREFIX,
                          stamp->device, stamp->inode, stamp->size,
                          stamp->mtime_sec, stamp->mtime_nsec, stamp->digest);
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
  ShkFileStampDigest kind;
  gsize digits;

  g_return_val_if_fail (stamp != NULL, FALSE);

  memset (stamp, 0, sizeof *stamp);
  if (text == NULL)
    return FALSE;
  if (g_str_has_prefix (text, STAMP_PREFIX))
    kind = SHK_FILE_STAMP_XXH3_128;
  else if (g_str_has_prefix (text, SHA256_STAMP_PREFIX))
    kind = SHK_FILE_STAMP_SHA256;
  else
    return FALSE;
  text += strlen (STAMP_PREFIX);  /* both prefixes are as long */
  if (strcmp (text, "unknown") == 0)
    return TRUE;

  fields = g_strsplit (text, " ", -1);
  if (g_strv_length (fields) != 6)
    return FALSE;
  for (guint i = 0; i < 5; i++)
    if (!parse_number (fields[i], i >= 3, &numbers[i]))
      return FALSE;
  digits = kind == SHK_FILE_STAMP_SHA256 ? 64 : 32;
  if (strlen (fields[5]) != digits ||
      strspn (fields[5], "0123456789abcdef") != digits)
    return FALSE;

  stamp->known = TRUE;
  stamp->device = numbers[0];
  stamp->inode = numbers[1];
  stamp->size = numbers[2];
  stamp->mtime_sec = (gint64) numbers[3];
  stamp->mtime_nsec = (gint64) numbers[4];
  stamp->digest_kind = kind;
  g_strlcpy (stamp->digest, fields[5], sizeof stamp->digest);
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
