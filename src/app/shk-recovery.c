/* shk-recovery.c — recovery copies of documents with unsaved changes
 *
 * The copy is the document in the ordinary file format, so restoring it is
 * an ordinary load with all its checks. The key file's "etag" is the
 * document's stamp of its file (size, time, inode and a hash of the
 * contents); copies made by older versions hold GIO's entity tag there,
 * which shk_document_new_recovered() still understands. The key file beside it is written
 * after the copy: a crash in between leaves a copy without one, which is
 * still offered (as an untitled plan).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "shk-format.h"
#include "shk-recovery.h"
#include "shk-safe-save.h"

#define GROUP "Recovery"

void
shk_recovery_item_free (ShkRecoveryItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_clear_object (&item->copy);
  g_clear_object (&item->original);
  g_free (item->etag);
  g_free (item->title);
  g_clear_pointer (&item->saved, g_date_time_unref);
  g_free (item);
}

char *
shk_recovery_new_id (void)
{
  return g_uuid_string_random ();
}

GFile *
shk_recovery_get_dir (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "shinchoku", "recovery", NULL);

  return g_file_new_for_path (path);
}

static char *
child_path (const char *id,
            const char *extension)
{
  g_autoptr(GFile) dir = shk_recovery_get_dir ();
  g_autofree char *name = g_strconcat (id, extension, NULL);

  return g_build_filename (g_file_peek_path (dir), name, NULL);
}

/* Readable by the user only: a plan can hold what is not public yet. */
static gboolean
write_private (const char  *path,
               GBytes      *bytes,
               GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return shk_safe_save_bytes (file, bytes, SHK_SAFE_SAVE_PRIVATE, NULL, error);
}

gboolean
shk_recovery_write (const char   *id,
                    ShkDocument  *document,
                    GError      **error)
{
  g_autoptr(GFile) dir = shk_recovery_get_dir ();
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *copy_path = child_path (id, ".json");
  g_autofree char *key_path = child_path (id, ".ini");
  g_autofree char *data = NULL;
  g_autofree char *key_data = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) key_bytes = NULL;
  GFile *file = shk_document_get_file (document);
  const char *etag = shk_document_get_etag (document);
  gsize length = 0;

  g_return_val_if_fail (id != NULL && *id != '\0', FALSE);
  g_return_val_if_fail (SHK_IS_DOCUMENT (document), FALSE);

  if (g_mkdir_with_parents (g_file_peek_path (dir), 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the recovery folder “%s”: %s"),
                   g_file_peek_path (dir), g_strerror (saved_errno));
      return FALSE;
    }

  data = shk_format_to_data (shk_document_get_plan (document), &length);
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  /* A copy the reader would refuse could never be restored; an earlier
   * copy that can be is kept instead. */
  if (!shk_format_check_writable (length, error))
    return FALSE;
  if (!write_private (copy_path, bytes, error))
    return FALSE;

  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_key_file_set_string (key_file, GROUP, "file", uri);
    }
  if (etag != NULL)
    g_key_file_set_string (key_file, GROUP, "etag", etag);
  g_key_file_set_string (key_file, GROUP, "title",
                         shk_plan_get_title (shk_document_get_plan (document)) ?: "");
  saved = g_date_time_format_iso8601 (now);
  g_key_file_set_string (key_file, GROUP, "saved", saved);

  key_data = g_key_file_to_data (key_file, &length, NULL);
  key_bytes = g_bytes_new_take (g_steal_pointer (&key_data), length);
  return write_private (key_path, key_bytes, error);
}

void
shk_recovery_remove (const char *id)
{
  g_autofree char *copy_path = NULL;
  g_autofree char *key_path = NULL;

  g_return_if_fail (id != NULL && *id != '\0');

  copy_path = child_path (id, ".json");
  key_path = child_path (id, ".ini");
  g_unlink (key_path);
  g_unlink (copy_path);
}

static ShkRecoveryItem *
item_new (GFile      *dir,
          const char *id)
{
  ShkRecoveryItem *item = g_new0 (ShkRecoveryItem, 1);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *key_path = child_path (id, ".ini");
  g_autofree char *copy_name = g_strconcat (id, ".json", NULL);

  item->id = g_strdup (id);
  item->copy = g_file_get_child (dir, copy_name);

  if (g_key_file_load_from_file (key_file, key_path, G_KEY_FILE_NONE, NULL))
    {
      g_autofree char *uri = g_key_file_get_string (key_file, GROUP, "file", NULL);
      g_autofree char *saved = g_key_file_get_string (key_file, GROUP, "saved", NULL);

      if (uri != NULL && *uri != '\0')
        item->original = g_file_new_for_uri (uri);
      item->etag = g_key_file_get_string (key_file, GROUP, "etag", NULL);
      item->title = g_key_file_get_string (key_file, GROUP, "title", NULL);
      if (saved != NULL)
        item->saved = g_date_time_new_from_iso8601 (saved, NULL);
    }

  /* Without a readable time, the copy's own modification time will do. */
  if (item->saved == NULL)
    {
      g_autoptr(GFileInfo) info =
        g_file_query_info (item->copy, G_FILE_ATTRIBUTE_TIME_MODIFIED, 0, NULL, NULL);

      if (info != NULL)
        item->saved = g_file_info_get_modification_date_time (info);
      if (item->saved == NULL)
        item->saved = g_date_time_new_now_utc ();
    }
  return item;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const ShkRecoveryItem *ia = *(ShkRecoveryItem * const *) a;
  const ShkRecoveryItem *ib = *(ShkRecoveryItem * const *) b;

  return g_date_time_compare (ib->saved, ia->saved);
}

GPtrArray *
shk_recovery_list (void)
{
  g_autoptr(GFile) dir = shk_recovery_get_dir ();
  g_autoptr(GFileEnumerator) children = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) shk_recovery_item_free);
  GFileInfo *info;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  if (children == NULL)
    return items;

  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, ".json"))
        {
          g_autofree char *id = g_strndup (name, strlen (name) - strlen (".json"));

          if (*id != '\0')
            g_ptr_array_add (items, item_new (dir, id));
        }
      g_object_unref (info);
    }

  g_ptr_array_sort (items, compare_newest_first);
  return items;
}

ShkDocument *
shk_recovery_restore (ShkRecoveryItem  *item,
                      GError          **error)
{
  g_autoptr(ShkPlan) plan = NULL;

  g_return_val_if_fail (item != NULL, NULL);

  plan = shk_format_load_file (item->copy, NULL, error);
  if (plan == NULL)
    return NULL;
  return shk_document_new_recovered (plan, item->original, item->etag);
}
