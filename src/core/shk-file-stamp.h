/* shk-file-stamp.h — what a file was when the app last read or wrote it
 *
 * A stamp records the file's device and inode, its size, its modification
 * time to the nanosecond and a digest of its contents. The clock alone is
 * not trusted: a rewrite of the same size that keeps the modification time
 * (cp -p, rsync -t, file systems with coarse timestamps) is told by the
 * contents, and a file replaced by rename by its inode.
 *
 * The digest is XXH3-128 (libxxhash): it only has to tell an edit from
 * none, not stand up to an attacker, and SHA-256, which stamps made before
 * issue #17 carry, took longer than loading a prefecture's plan (2.9 s for
 * 171 MB, where XXH3 takes a few milliseconds). Such older stamps are
 * still read and checked with SHA-256.
 *
 * Local files only (a path); display-free.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sys/stat.h>

G_BEGIN_DECLS

typedef enum
{
  SHK_FILE_STAMP_XXH3_128,  /* 32 hex digits; what stamps are made with */
  SHK_FILE_STAMP_SHA256,    /* 64 hex digits; older stamps ("shk-stamp-1") */
} ShkFileStampDigest;

typedef struct
{
  gboolean known;        /* FALSE: nothing is known; no file matches */
  guint64  device;
  guint64  inode;
  guint64  size;
  gint64   mtime_sec;
  gint64   mtime_nsec;
  gint64   ctime_sec;    /* to notice a write while the file was read; */
  gint64   ctime_nsec;   /* neither compared nor kept in the string */
  ShkFileStampDigest digest_kind;
  char     digest[65];   /* lower-case hex; "" while not computed */
} ShkFileStamp;

typedef enum
{
  SHK_FILE_STAMP_UNCHANGED,
  SHK_FILE_STAMP_CHANGED,
  SHK_FILE_STAMP_GONE,        /* no file there: nothing a save would overwrite */
  SHK_FILE_STAMP_UNREADABLE,  /* stat failed for another reason */
} ShkFileStampCheck;

void              shk_file_stamp_set_stat   (ShkFileStamp       *stamp,
                                             const struct stat  *st);
void              shk_file_stamp_set_hash   (ShkFileStamp       *stamp,
                                             const void         *data,
                                             gsize               length);
/* The digest of contents that come in pieces (a file as it is written):
 * new, update with each piece, then finish, which sets @stamp's digest and
 * frees it. */
typedef struct _ShkFileStampHasher ShkFileStampHasher;

ShkFileStampHasher *shk_file_stamp_hasher_new    (void);
void              shk_file_stamp_hasher_update (ShkFileStampHasher *hasher,
                                                const void         *data,
                                                gsize               length);
void              shk_file_stamp_hasher_finish (ShkFileStampHasher *hasher,
                                                ShkFileStamp       *stamp);
void              shk_file_stamp_hasher_free   (ShkFileStampHasher *hasher);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkFileStampHasher, shk_file_stamp_hasher_free)

/* Stats @path (following symlinks) and hashes its contents (XXH3-128). A
 * file being written while it is read gets an unknown stamp. Special files
 * are refused without being opened for reading. */
gboolean          shk_file_stamp_query      (ShkFileStamp       *stamp,
                                             const char         *path,
                                             GCancellable       *cancellable,
                                             GError            **error);
/* Compares what is at @path now with @stamp: size, modification time,
 * device and inode first; when they all agree, the contents' hash. */
ShkFileStampCheck shk_file_stamp_check      (const ShkFileStamp *stamp,
                                             const char         *path);
/* Equal size, times (including the change time), device and inode: the
 * same file, not written in between. */
gboolean          shk_file_stamp_same_write (const ShkFileStamp *a,
                                             const ShkFileStamp *b);

/* "shk-stamp-2 DEV INO SIZE SEC NSEC XXH3", or "shk-stamp-2 unknown"; a
 * stamp read from an older "shk-stamp-1 … SHA256" string is written back
 * as such. */
char             *shk_file_stamp_to_string  (const ShkFileStamp *stamp);
/* FALSE when @text is not such a string (a GIO entity tag of an older
 * recovery copy, say). */
gboolean          shk_file_stamp_parse      (ShkFileStamp       *stamp,
                                             const char         *text);

/* Refuses a folder, a named pipe, a device or a socket with a plain
 * message, without opening it: a named pipe with no writer would block a
 * read for ever. Uses GIO, so it works for any GFile. */
gboolean          shk_file_check_regular    (GFile              *file,
                                             GCancellable       *cancellable,
                                             GError            **error);

G_END_DECLS
