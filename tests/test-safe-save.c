/* test-safe-save.c — saves that cannot lose data, and change detection
 *
 * The fault tests make real system calls fail: tests/meson.build preloads
 * fault-inject.so, whose control functions are looked up here. Without it
 * (the test run by hand) those tests skip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shk-document.h"
#include "shk-file-stamp.h"
#include "shk-format.h"
#include "shk-safe-save.h"
#include "shk-table-export.h"

typedef void     (*FaultArmFunc)    (const char *call, unsigned nth, long byte_budget, int err);
typedef void     (*FaultVoidFunc)   (void);
typedef unsigned (*FaultCountFunc)  (void);

static FaultArmFunc   fault_arm;
static FaultVoidFunc  fault_disarm;
static FaultCountFunc fault_failures;

static gboolean
have_faults (void)
{
  if (fault_arm == NULL)
    {
      fault_arm = (FaultArmFunc) dlsym (RTLD_DEFAULT, "shk_fault_arm");
      fault_disarm = (FaultVoidFunc) dlsym (RTLD_DEFAULT, "shk_fault_disarm");
      fault_failures = (FaultCountFunc) dlsym (RTLD_DEFAULT, "shk_fault_failures");
    }
  if (fault_arm == NULL || fault_disarm == NULL || fault_failures == NULL)
    {
      g_test_skip ("fault-inject.so is not preloaded (run the test through meson test)");
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static char *
new_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("shk-safe-save-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
put (const char *path,
     const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* NULL when there is no such file. */
static char *
get (const char *path)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = get (path);

  g_assert_nonnull (contents);
  g_assert_true (strcmp (contents, expected) == 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, space-separated: "plan.json plan.json~". */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, g_ptr_array_index (names, i));
    }
  return g_string_free (out, FALSE);
}

/* A real plan, small enough that the fault tests, which save it some
 * hundred times, stay quick under the sanitizers. */
static ShkPlan *
small_plan_new (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "small-plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ShkPlan *plan = shk_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static char *
plan_text (const char *title)
{
  g_autoptr(ShkPlan) plan = small_plan_new ();

  shk_plan_set_title (plan, title);
  return shk_format_to_data (plan, NULL);
}

static guint
file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (lstat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static void
set_mtime (const char            *path,
           const struct timespec *mtime)
{
  struct timespec times[2] = { *mtime, *mtime };

  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static void
age_file (const char *path,
          int         seconds)
{
  struct timespec then = { .tv_sec = time (NULL) - seconds, .tv_nsec = 0 };

  set_mtime (path, &then);
}

/* ------------------------------------------------------------------ */
/* (a) Faults                                                          */

typedef struct
{
  const char *call;
  int         err;
  long        byte_budget;   /* -1: fail the Nth call instead */
  const char *reason;        /* what the message must say */
} Fault;

static const Fault faults[] = {
  { "open",   ENOSPC, -1,   "the disk is full" },
  { "open",   EROFS,  -1,   "read-only disk" },
  { "open",   EACCES, -1,   "permission denied" },
  { "write",  ENOSPC, -1,   "the disk is full" },
  { "write",  ENOSPC, 512,  "the disk is full" },   /* a short write, then full */
  { "write",  ENOSPC, 0,    "the disk is full" },
  { "write",  EIO,    -1,   "input/output error" },
  { "fsync",  EIO,    -1,   "input/output error" },
  { "fsync",  ENOSPC, -1,   "the disk is full" },
  { "link",   EIO,    -1,   "input/output error" },
  { "link",   ENOSPC, -1,   "the disk is full" },
  { "rename", EIO,    -1,   "input/output error" },
  { "rename", EACCES, -1,   "permission denied" },
};

typedef gboolean (*SaveFunc) (const char *dir, const char *target, GError **error);

/* Saves a new version of the plan in @target (which holds "old"). */
static char *new_plan;

static gboolean
save_document (const char  *dir,
               const char  *target,
               GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(ShkDocument) document = shk_document_new_from_file (file, NULL, error);

  g_assert_nonnull (document);
  shk_plan_set_title (shk_document_get_plan (document), "New");
  g_clear_pointer (&new_plan, g_free);
  new_plan = shk_format_to_data (shk_document_get_plan (document), NULL);
  return shk_document_save (document, NULL, FALSE, NULL, error);
}

/* The built-in document, saved as the CLI saves plans: written in pieces
 * as it is made (it is larger than one piece), not from one buffer. */
static gboolean
save_plan_file (const char  *dir,
                const char  *target,
                GError     **error)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GFile) file = g_file_new_for_path (target);

  shk_plan_set_title (plan, "New");
  g_clear_pointer (&new_plan, g_free);
  new_plan = shk_format_to_data (plan, NULL);
  g_assert_cmpuint (strlen (new_plan), >, 256 * 1024);
  return shk_format_save_file (plan, file, NULL, error);
}

static gboolean
save_csv (const char  *dir,
          const char  *target,
          GError     **error)
{
  g_autoptr(ShkPlan) plan = small_plan_new ();
  g_autoptr(GBytes) bytes = shk_table_export_csv (plan, SHK_TABLE_MEASURES);

  g_clear_pointer (&new_plan, g_free);
  new_plan = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return shk_table_export_file (plan, SHK_TABLE_MEASURES, target, error);
}

/* Runs @save under @fault at every call it makes of that kind, from a
 * fresh folder each time, and checks that a failure changes nothing. */
static void
run_faults (SaveFunc    save,
            const char *name,
            gboolean    with_backup,
            const char *old_text,
            const char *older_text)
{
  for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
    {
      const Fault *fault = &faults[f];
      guint failed_saves = 0;

      /* Without a backup there is nothing to link. */
      if (!with_backup && strcmp (fault->call, "link") == 0)
        continue;

      for (guint nth = 1; nth < 50; nth++)
        {
          g_autofree char *dir = new_dir ();
          g_autofree char *target = g_build_filename (dir, name, NULL);
          g_autofree char *backup = g_strconcat (target, "~", NULL);
          g_autofree char *before = NULL;
          g_autofree char *after = NULL;
          g_autoptr(GError) error = NULL;
          gboolean ok;
          guint failures;

          put (target, old_text);
          if (older_text != NULL)
            put (backup, older_text);
          before = list_dir (dir);

          /* Armed before the document loads: loading only reads, and
           * reads are not counted. */
          fault_arm (fault->call, fault->byte_budget >= 0 ? 0 : nth,
                     fault->byte_budget, fault->err);
          ok = save (dir, target, &error);
          failures = fault_failures ();
          fault_disarm ();
          after = list_dir (dir);

          if (failures == 0)
            {
              /* Past the last call of that kind: an ordinary save. */
              g_assert_no_error (error);
              g_assert_true (ok);
              assert_contents (target, new_plan);
              if (with_backup)
                assert_contents (backup, old_text);
              else if (older_text == NULL)
                g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
              remove_tree (dir);
              break;
            }

          if (ok)
            {
              /* Only flushing the folder may fail after the rename: the
               * save stands, with a warning. */
              g_assert_cmpstr (fault->call, ==, "fsync");
              assert_contents (target, new_plan);
              if (with_backup)
                assert_contents (backup, old_text);
            }
          else
            {
              g_test_message ("%s %s#%u: %s", name, fault->call, nth, error->message);
              g_assert_nonnull (error);
              g_assert_nonnull (strstr (error->message, fault->reason));
              g_assert_nonnull (strstr (error->message, "unchanged"));
              g_assert_nonnull (strstr (error->message, name));
              /* Byte for byte as before, and nothing left behind. */
              assert_contents (target, old_text);
              if (older_text != NULL)
                assert_contents (backup, older_text);
              g_assert_cmpstr (after, ==, before);
              failed_saves++;
            }
          remove_tree (dir);
          if (fault->byte_budget >= 0)
            break;
        }
      g_assert_cmpuint (failed_saves, >, 0);
    }
}

static void
test_faults_document (void)
{
  g_autofree char *old_text = plan_text ("Old");
  g_autofree char *older_text = plan_text ("Older");

  if (!have_faults ())
    return;
  run_faults (save_document, "plan.json", TRUE, old_text, older_text);
  /* Without a backup yet. */
  run_faults (save_document, "plan.json", TRUE, old_text, NULL);
}

static void
test_faults_plan_file (void)
{
  g_autofree char *old_text = plan_text ("Old");
  g_autofree char *older_text = plan_text ("Older");

  if (!have_faults ())
    return;
  run_faults (save_plan_file, "plan.json", TRUE, old_text, older_text);
}

static gboolean
write_then_give_up (ShkSafeSaveStream  *stream,
                    gpointer            user_data,
                    GError            **error)
{
  g_assert_true (shk_safe_save_stream_write (stream, "half a fil", 10));
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the writer gave up");
  return FALSE;
}

static gboolean
write_greeting (ShkSafeSaveStream  *stream,
                gpointer            user_data,
                GError            **error)
{
  return shk_safe_save_stream_write (stream, "hello, ", 7) &&
         shk_safe_save_stream_write (stream, user_data, strlen (user_data));
}

/* A writer that stops with a reason of its own: its error is the save's,
 * the target and its backup stay as they were and nothing is left
 * behind. One that finishes: the file holds all its pieces, and the
 * stamp's hash is that of the whole. */
static void
test_stream (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *target = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *backup = g_build_filename (dir, "plan.json~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *hash = NULL;
  ShkSafeSaveResult result = { 0 };

  put (target, "old");
  put (backup, "older");
  g_assert_false (shk_safe_save_with_func (file, write_then_give_up, NULL,
                                           SHK_SAFE_SAVE_KEEP_BACKUP, &result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  assert_contents (target, "old");
  assert_contents (backup, "older");
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "plan.json plan.json~");
  g_clear_error (&error);

  g_assert_true (shk_safe_save_with_func (file, write_greeting, (gpointer) "world",
                                          SHK_SAFE_SAVE_KEEP_BACKUP, &result, NULL, &error));
  g_assert_no_error (error);
  assert_contents (target, "hello, world");
  assert_contents (backup, "old");
  {
    /* The stamp's digest is that of the bytes written, made as they went. */
    ShkFileStamp whole = { 0 };

    shk_file_stamp_set_hash (&whole, "hello, world", strlen ("hello, world"));
    hash = g_strdup (whole.digest);
  }
  g_assert_cmpstr (result.stamp.digest, ==, hash);
  g_assert_cmpint (shk_file_stamp_check (&result.stamp, target), ==, SHK_FILE_STAMP_UNCHANGED);
  shk_safe_save_result_clear (&result);
  remove_tree (dir);
}

static void
test_faults_csv (void)
{
  if (!have_faults ())
    return;
  run_faults (save_csv, "measures.csv", FALSE, "old,table\n1,2\n", NULL);
}

/* Where hard links fail for want of support, the backup is a copy. */
static void
test_backup_by_copy (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *target = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *backup = g_build_filename (dir, "plan.json~", NULL);
  g_autofree char *old_text = plan_text ("Old");
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!have_faults ())
    return;
  put (target, old_text);
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);
  fault_arm ("link", 1, -1, EPERM);
  ok = save_document (dir, target, &error);
  g_assert_cmpuint (fault_failures (), ==, 1);
  fault_disarm ();
  g_assert_no_error (error);
  g_assert_true (ok);
  assert_contents (target, new_plan);
  assert_contents (backup, old_text);
  g_assert_cmpuint (file_mode (backup), ==, 0640);
  g_assert_cmpuint (file_mode (target), ==, 0640);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "plan.json plan.json~");
  remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* (b) Symbolic links, hard links                                      */

static void
test_symlink (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *real_dir = g_build_filename (dir, "shared", NULL);
  g_autofree char *real = g_build_filename (real_dir, "plan.json", NULL);
  g_autofree char *link = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *old_text = plan_text ("Old");
  g_autofree char *link_target = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (real_dir, 0755), ==, 0);
  put (real, old_text);
  g_assert_cmpint (symlink ("shared/plan.json", link), ==, 0);

  g_assert_true (save_document (dir, link, &error));
  g_assert_no_error (error);

  /* The link is still a link, to the same place; the file it points to
   * has the new version and the backup is beside it. */
  link_target = g_file_read_link (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (link_target, ==, "shared/plan.json");
  assert_contents (real, new_plan);
  assert_contents (link, new_plan);
  g_free (listing);
  listing = list_dir (real_dir);
  g_assert_cmpstr (listing, ==, "plan.json plan.json~");
  {
    g_autofree char *backup = g_strconcat (real, "~", NULL);

    assert_contents (backup, old_text);
  }
  g_free (listing);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "plan.json shared");

  /* A dangling link: the save creates the file it points to. */
  {
    g_autofree char *dangling = g_build_filename (dir, "new.json", NULL);
    g_autofree char *created = g_build_filename (real_dir, "new.json", NULL);
    g_autoptr(ShkPlan) plan = small_plan_new ();
    g_autoptr(GFile) file = g_file_new_for_path (dangling);

    g_assert_cmpint (symlink ("shared/new.json", dangling), ==, 0);
    g_assert_true (shk_format_save_file (plan, file, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
    g_assert_true (g_file_test (created, G_FILE_TEST_IS_REGULAR));
  }
  remove_tree (dir);
}

static void
test_hard_link (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *target = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *other = g_build_filename (dir, "other-name.json", NULL);
  g_autofree char *ours = g_build_filename (dir, ".plan.json~.shinchoku-1-abcdef", NULL);
  g_autofree char *old_text = plan_text ("Old");
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(ShkDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  put (target, old_text);
  g_assert_cmpint (link (target, other), ==, 0);
  document = shk_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  shk_plan_set_title (shk_document_get_plan (document), "New");

  /* Saved by rename, as always; the other name keeps the old version and
   * the save says so. */
  g_assert_true (shk_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (shk_document_get_save_warning (document));
  g_assert_nonnull (strstr (shk_document_get_save_warning (document), "plan.json"));
  g_test_message ("%s", shk_document_get_save_warning (document));
  assert_contents (other, old_text);
  {
    g_autofree char *saved = get (target);

    g_assert_nonnull (strstr (saved, "\"New\""));
  }

  /* The next save has nothing to warn about… */
  g_assert_true (shk_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (shk_document_get_save_warning (document));

  /* …nor has one after a save was killed between its link and its
   * rename: that second name is the app's own. */
  g_assert_cmpint (link (target, ours), ==, 0);
  g_assert_true (shk_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (shk_document_get_save_warning (document));
  remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* (c) Permissions                                                     */

static void
test_permissions (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *target = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *backup = g_build_filename (dir, "plan.json~", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.json", NULL);
  g_autofree char *private = g_build_filename (dir, "private.json", NULL);
  g_autofree char *old_text = plan_text ("Old");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr(GFile) private_file = g_file_new_for_path (private);
  mode_t old_umask = umask (0);

  put (target, old_text);
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);
  g_assert_true (save_document (dir, target, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (target), ==, 0600);
  g_assert_cmpuint (file_mode (backup), ==, 0600);
  /* And again, now that a backup exists. */
  g_assert_true (save_document (dir, target, &error));
  g_assert_cmpuint (file_mode (target), ==, 0600);
  g_assert_cmpuint (file_mode (backup), ==, 0600);

  /* A new file: 0666 & ~umask, as any program would make it. */
  g_assert_true (shk_safe_save_bytes (fresh_file, bytes,
                                      SHK_SAFE_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (fresh), ==, 0666);
  umask (022);
  g_unlink (fresh);
  g_assert_true (shk_safe_save_bytes (fresh_file, bytes,
                                      SHK_SAFE_SAVE_NONE, NULL, &error));
  g_assert_cmpuint (file_mode (fresh), ==, 0644);
  umask (0);
  /* Recovery copies are private whatever the umask. */
  g_assert_true (shk_safe_save_bytes (private_file, bytes,
                                      SHK_SAFE_SAVE_PRIVATE, NULL, &error));
  g_assert_cmpuint (file_mode (private), ==, 0600);

  umask (old_umask);
  remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* (d) Change detection                                                */

static void
test_same_size_rewrite (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *target = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *old_text = plan_text ("Old");
  g_autofree char *other_text = plan_text ("Odd");   /* same length */
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(ShkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  struct stat before, after;
  int fd;

  g_assert_cmpuint (strlen (old_text), ==, strlen (other_text));
  put (target, old_text);
  document = shk_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (shk_document_changed_on_disk (document));
  g_assert_cmpint (stat (target, &before), ==, 0);

  /* Rewritten in place, same size, the time put back as cp -p does. */
  fd = open (target, O_WRONLY | O_TRUNC);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, other_text, strlen (other_text)), ==, (gssize) strlen (other_text));
  close (fd);
  set_mtime (target, &before.st_mtim);
  g_assert_cmpint (stat (target, &after), ==, 0);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  g_assert_cmpint (after.st_mtim.tv_sec, ==, before.st_mtim.tv_sec);
  g_assert_cmpint (after.st_mtim.tv_nsec, ==, before.st_mtim.tv_nsec);
  g_assert_cmpint (after.st_ino, ==, before.st_ino);

  g_assert_true (shk_document_changed_on_disk (document));
  shk_plan_set_title (shk_document_get_plan (document), "Mine");
  g_assert_false (shk_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  assert_contents (target, other_text);
  remove_tree (dir);
}

static void
test_replaced_by_rename (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *target = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *incoming = g_build_filename (dir, "incoming.json", NULL);
  g_autofree char *old_text = plan_text ("Old");
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(ShkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  struct stat before;

  put (target, old_text);
  document = shk_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stat (target, &before), ==, 0);

  /* The very same bytes and time, but another file put in its place
   * (rsync -t does this): another inode. */
  put (incoming, old_text);
  set_mtime (incoming, &before.st_mtim);
  g_assert_cmpint (g_rename (incoming, target), ==, 0);
  g_assert_true (shk_document_changed_on_disk (document));

  /* Different bytes of the same size, time kept, renamed in. */
  g_assert_true (shk_document_save (document, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (shk_document_changed_on_disk (document));
  g_assert_cmpint (stat (target, &before), ==, 0);
  {
    g_autofree char *text = get (target);

    text[strlen (text) - 2] = text[strlen (text) - 2] == ' ' ? '\t' : ' ';
    put (incoming, text);
  }
  set_mtime (incoming, &before.st_mtim);
  g_assert_cmpint (g_rename (incoming, target), ==, 0);
  g_assert_true (shk_document_changed_on_disk (document));

  /* A file that is gone has nothing to overwrite. */
  g_unlink (target);
  g_assert_false (shk_document_changed_on_disk (document));
  remove_tree (dir);
}

/* A recovered document keeps the full stamp through the recovery key
 * file's string, and still reads GIO's entity tag of older copies. */
static void
test_recovered_stamp (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *target = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *old_text = plan_text ("Old");
  g_autofree char *other_text = plan_text ("Odd");
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(ShkDocument) original = NULL;
  g_autoptr(ShkDocument) recovered = NULL;
  g_autoptr(ShkDocument) legacy = NULL;
  g_autoptr(ShkPlan) plan = small_plan_new ();
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;
  struct stat before;

  put (target, old_text);
  original = shk_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  stamp = g_strdup (shk_document_get_etag (original));
  g_assert_true (g_str_has_prefix (stamp, "shk-stamp-2 "));

  recovered = shk_document_new_recovered (plan, file, stamp);
  g_assert_false (shk_document_changed_on_disk (recovered));
  g_assert_cmpstr (shk_document_get_etag (recovered), ==, stamp);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, 0, NULL, &error);
  g_assert_no_error (error);
  legacy = shk_document_new_recovered (plan, file, g_file_info_get_etag (info));
  g_assert_false (shk_document_changed_on_disk (legacy));

  g_assert_cmpint (stat (target, &before), ==, 0);
  {
    int fd = open (target, O_WRONLY | O_TRUNC);

    g_assert_cmpint (write (fd, other_text, strlen (other_text)), ==, (gssize) strlen (other_text));
    close (fd);
  }
  set_mtime (target, &before.st_mtim);
  g_assert_true (shk_document_changed_on_disk (recovered));
  g_assert_true (shk_document_changed_on_disk (legacy));

  /* A legacy tag that no longer matches counts as changed. */
  {
    g_autoptr(ShkDocument) stale = shk_document_new_recovered (plan, file, "1:2");

    g_assert_true (shk_document_changed_on_disk (stale));
  }
  remove_tree (dir);
}

static void
test_stamp_string (void)
{
  ShkFileStamp stamp = { 0 }, parsed;
  g_autofree char *text = NULL;
  struct stat st;

  g_assert_cmpint (stat ("/", &st), ==, 0);
  shk_file_stamp_set_stat (&stamp, &st);
  shk_file_stamp_set_hash (&stamp, "abc", 3);
  text = shk_file_stamp_to_string (&stamp);
  g_assert_true (shk_file_stamp_parse (&parsed, text));
  g_assert_true (parsed.known);
  g_assert_cmpuint (parsed.inode, ==, stamp.inode);
  g_assert_cmpint (parsed.mtime_nsec, ==, stamp.mtime_nsec);
  /* XXH3-128 of "abc", as xxhsum -H2 prints it. */
  g_assert_cmpint (parsed.digest_kind, ==, SHK_FILE_STAMP_XXH3_128);
  g_assert_cmpstr (parsed.digest, ==, "06b05ab6733a618578af5f94892f3950");
  g_assert_true (g_str_has_prefix (text, "shk-stamp-2 "));
  g_assert_false (shk_file_stamp_parse (&parsed, "1700000000:123456"));
  g_assert_false (shk_file_stamp_parse (&parsed, "shk-stamp-2 1 2 3"));
  g_assert_true (shk_file_stamp_parse (&parsed, "shk-stamp-2 unknown"));
  g_assert_false (parsed.known);
}

/* A stamp from before issue #17 (SHA-256, "shk-stamp-1") is still read,
 * written back as it was, and checked against the file with SHA-256. */
static void
test_stamp_sha256 (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *old = NULL;
  g_autofree char *again = NULL;
  ShkFileStamp stamp;
  struct stat st;

  g_assert_true (g_file_set_contents (path, "abc", 3, NULL));
  g_assert_cmpint (stat (path, &st), ==, 0);
  old = g_strdup_printf ("shk-stamp-1 %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " 3 %" G_GINT64_FORMAT
                         " %" G_GINT64_FORMAT " %s",
                         (guint64) st.st_dev, (guint64) st.st_ino, (gint64) st.st_mtim.tv_sec,
                         (gint64) st.st_mtim.tv_nsec,
                         "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_true (shk_file_stamp_parse (&stamp, old));
  g_assert_cmpint (stamp.digest_kind, ==, SHK_FILE_STAMP_SHA256);
  again = shk_file_stamp_to_string (&stamp);
  g_assert_cmpstr (again, ==, old);
  g_assert_cmpint (shk_file_stamp_check (&stamp, path), ==, SHK_FILE_STAMP_UNCHANGED);
  g_assert_false (shk_file_stamp_parse (&stamp, "shk-stamp-1 1 2 3 4 5 06b05ab6733a618578af5f94892f3950"));

  /* A rewrite in place that keeps the size and the times is told by the
   * contents. */
  {
    struct timespec times[2] = { st.st_atim, st.st_mtim };
    int fd = open (path, O_WRONLY);

    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (write (fd, "abd", 3), ==, 3);
    close (fd);
    g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  }
  g_assert_cmpint (shk_file_stamp_check (&stamp, path), ==, SHK_FILE_STAMP_CHANGED);
  remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* Special files, asynchronous open and save                           */

static void
test_special_files (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);
  const char *paths[] = { fifo, dir, "/dev/null" };

  /* No writer ever opens the pipe: a read would block for ever. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;
      ShkDocument *document = shk_document_new_from_file (file, NULL, &error);

      g_assert_null (document);
      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE) ||
                     g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY));
      g_test_message ("%s", error->message);
    }
  {
    g_autoptr(GFile) file = g_file_new_for_path (fifo);
    g_autoptr(GError) error = NULL;

    shk_document_new_from_file (file, NULL, &error);
    g_assert_nonnull (strstr (error->message, "named pipe"));
  }
  remove_tree (dir);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *target = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);
  g_autofree char *old_text = plan_text ("Old");
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(ShkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  ShkPlan *plan;

  put (target, old_text);
  shk_document_new_from_file_async (file, G_PRIORITY_DEFAULT, NULL, store_result, &result);
  document = shk_document_new_from_file_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  plan = shk_document_get_plan (document);
  g_assert_cmpstr (shk_plan_get_title (plan), ==, "Old");
  g_assert_true (g_file_equal (shk_document_get_file (document), file));
  g_assert_false (shk_document_changed_on_disk (document));
  g_assert_false (shk_document_get_modified (document));
  g_clear_object (&result);

  /* A save; a second one meanwhile is refused, not interleaved. */
  shk_plan_set_title (plan, "New");
  g_assert_true (shk_document_get_modified (document));
  shk_document_save_async (document, NULL, FALSE, G_PRIORITY_DEFAULT, NULL, store_result, &result);
  shk_document_save_async (document, NULL, FALSE, G_PRIORITY_DEFAULT, NULL, store_result, &second);
  g_assert_false (shk_document_save_finish (document, wait_for (&second), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&error);
  g_assert_true (shk_document_save_finish (document, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_false (shk_document_get_modified (document));
  g_assert_false (shk_document_changed_on_disk (document));
  {
    g_autofree char *saved = get (target);

    g_assert_nonnull (strstr (saved, "\"New\""));
  }
  g_clear_object (&result);

  /* An edit while the save is writing keeps the document modified. */
  shk_plan_set_title (plan, "Newer");
  shk_document_save_async (document, NULL, FALSE, G_PRIORITY_DEFAULT, NULL, store_result, &result);
  shk_plan_set_title (plan, "Newest");
  g_assert_true (shk_document_save_finish (document, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_true (shk_document_get_modified (document));
  g_clear_object (&result);

  /* A change on disk is refused in the worker too. */
  put (target, old_text);
  shk_document_save_async (document, NULL, FALSE, G_PRIORITY_DEFAULT, NULL, store_result, &result);
  g_assert_false (shk_document_save_finish (document, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  g_clear_object (&result);
  assert_contents (target, old_text);

  /* Cancelled before it starts: nothing is written. */
  g_cancellable_cancel (cancellable);
  shk_document_save_async (document, NULL, TRUE, G_PRIORITY_DEFAULT, cancellable,
                           store_result, &result);
  g_assert_false (shk_document_save_finish (document, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  assert_contents (target, old_text);
  {
    g_autofree char *listing = list_dir (dir);

    g_assert_cmpstr (listing, ==, "plan.json plan.json~");
  }

  /* A named pipe is refused by the asynchronous open as well. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  {
    g_autoptr(GFile) pipe = g_file_new_for_path (fifo);

    shk_document_new_from_file_async (pipe, G_PRIORITY_DEFAULT, NULL, store_result, &result);
    g_assert_null (shk_document_new_from_file_finish (wait_for (&result), &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  }
  remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* (e) Stale temporary files, (f) read-only folders                    */

static pid_t
dead_pid (void)
{
  pid_t pid = fork ();
  int status;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return pid;
}

static void
test_stale_temps (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *target = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *gone = g_strdup_printf ("%s/.plan.json.shinchoku-%d-aB3dE9", dir, (int) dead_pid ());
  g_autofree char *fresh = g_strdup_printf ("%s/.plan.json.shinchoku-%d-ffffff", dir, (int) dead_pid ());
  g_autofree char *alive = g_strdup_printf ("%s/.plan.json.shinchoku-%d-Zz0000", dir, (int) getpid ());
  g_autofree char *old_other = g_build_filename (dir, ".other.csv.shinchoku-1-abcdef", NULL);
  g_autofree char *old_backup = g_build_filename (dir, ".plan.json~.shinchoku-77-q1w2e3", NULL);
  g_autofree char *not_ours = g_build_filename (dir, ".plan.json.shinchoku-x", NULL);
  g_autofree char *users = g_build_filename (dir, "notes.shinchoku-1-abcdef", NULL);
  g_autofree char *link_name = g_build_filename (dir, ".link.shinchoku-1-abcdef", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(ShkPlan) plan = small_plan_new ();
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GError) error = NULL;

  g_assert_true (shk_safe_save_is_temp_name (".plan.json.shinchoku-12-aB3dE9", NULL));
  g_assert_false (shk_safe_save_is_temp_name (".plan.json.shinchoku-12-aB3dE", NULL));
  g_assert_false (shk_safe_save_is_temp_name ("plan.json.shinchoku-12-aB3dE9", NULL));
  g_assert_false (shk_safe_save_is_temp_name (".shinchoku-12-aB3dE9", NULL));

  put (gone, "left by a killed save");
  age_file (gone, 5 * 60);
  put (fresh, "a save that may be writing now");
  put (alive, "this process may be writing it");
  age_file (alive, 5 * 60);
  put (old_other, "an hour old");
  age_file (old_other, 2 * 60 * 60);
  put (old_backup, "an hour old");
  age_file (old_backup, 2 * 60 * 60);
  put (not_ours, "not our pattern");
  age_file (not_ours, 2 * 60 * 60);
  put (users, "the user's");
  age_file (users, 2 * 60 * 60);
  g_assert_cmpint (symlink ("plan.json", link_name), ==, 0);

  g_assert_true (shk_format_save_file (plan, file, NULL, &error));
  g_assert_no_error (error);

  listing = list_dir (dir);
  g_test_message ("left: %s", listing);
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_other, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (alive, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (not_ours, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (users, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (link_name, G_FILE_TEST_IS_SYMLINK));
  remove_tree (dir);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *target = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *old_text = plan_text ("Old");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  put (target, old_text);
  before = list_dir (dir);
  if (geteuid () != 0)
    {
      /* A real read-only folder. */
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      ok = save_document (dir, target, &error);
      g_chmod (dir, 0755);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, "permission denied"));
    }
  else
    {
      /* Root writes through permission bits; a read-only disk is
       * simulated by the system call's real error. */
      if (!have_faults ())
        {
          remove_tree (dir);
          return;
        }
      fault_arm ("open", 1, -1, EROFS);
      ok = save_document (dir, target, &error);
      fault_disarm ();
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, "read-only"));
    }
  g_test_message ("%s", error->message);
  g_assert_false (ok);
  g_assert_nonnull (strstr (error->message, "The file on disk and its backup are unchanged"));
  g_assert_null (strstr (error->message, "Backup file creation failed"));
  assert_contents (target, old_text);
  after = list_dir (dir);
  g_assert_cmpstr (after, ==, before);
  remove_tree (dir);
}

/* Not a local file: refused plainly, nothing half done. */
static void
test_not_local (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri ("resource:///nowhere/plan.json");
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (shk_safe_save_bytes (file, bytes, SHK_SAFE_SAVE_NONE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/safe-save/faults/document", test_faults_document);
  g_test_add_func ("/safe-save/faults/csv", test_faults_csv);
  g_test_add_func ("/safe-save/faults/plan-file", test_faults_plan_file);
  g_test_add_func ("/safe-save/stream", test_stream);
  g_test_add_func ("/safe-save/backup-by-copy", test_backup_by_copy);
  g_test_add_func ("/safe-save/symlink", test_symlink);
  g_test_add_func ("/safe-save/hard-link", test_hard_link);
  g_test_add_func ("/safe-save/permissions", test_permissions);
  g_test_add_func ("/safe-save/stale-temps", test_stale_temps);
  g_test_add_func ("/safe-save/read-only-folder", test_read_only_folder);
  g_test_add_func ("/safe-save/not-local", test_not_local);
  g_test_add_func ("/safe-save/changes/same-size-rewrite", test_same_size_rewrite);
  g_test_add_func ("/safe-save/changes/replaced-by-rename", test_replaced_by_rename);
  g_test_add_func ("/safe-save/changes/recovered", test_recovered_stamp);
  g_test_add_func ("/safe-save/changes/stamp-string", test_stamp_string);
  g_test_add_func ("/safe-save/changes/stamp-sha256", test_stamp_sha256);
  g_test_add_func ("/safe-save/special-files", test_special_files);
  g_test_add_func ("/safe-save/async", test_async);

  status = g_test_run ();
  g_clear_pointer (&new_plan, g_free);
  return status;
}
