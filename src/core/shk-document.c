/* shk-document.c — an open plan: the model, where it lives, its history
 *
 * "modified" is the union of two things. Edits made through the edit API
 * are pushed onto the undo stack, so undoing back to the saved state
 * clears the marker again. Changes made to the plan by any other path
 * (scripts, tests, a future import) cannot be undone, so once one has
 * happened the document stays modified until it is saved.
 *
 * A plan change is told from an edit by timing: the edit API applies the
 * change and pushes its entry in one go, so changes made in a main loop
 * iteration that saw no push at all came from elsewhere.
 *
 * "Changed on disk" compares the file's entity tag (for local files its
 * modification time to the microsecond) and size with what they were when
 * the document last read or wrote the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-document.h"
#include "shk-format.h"

#define FILE_STAMP_ATTRIBUTES G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE

struct _ShkDocument
{
  GObject       parent_instance;

  ShkPlan      *plan;
  ShkUndoStack *undo_stack;
  GFile        *file;

  /* The file as last read or written, to notice other programs' writes. */
  char         *etag;
  goffset       size;

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

static void
record_file_stamp (ShkDocument *self,
                   GFileInfo   *info)
{
  g_clear_pointer (&self->etag, g_free);
  self->size = -1;
  if (info == NULL)
    return;

  self->etag = g_strdup (g_file_info_get_etag (info));
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    self->size = g_file_info_get_size (info);
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
    g_signal_handlers_disconnect_by_data (self->plan, self);
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
  self->size = -1;
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

ShkDocument *
shk_document_new_from_file (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  ShkDocument *self;
  ShkPlan *plan;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Stamped before reading: a write that lands in between then shows up
   * as a change on disk, never the other way round. */
  info = g_file_query_info (file, FILE_STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  plan = shk_format_load_file (file, cancellable, error);
  if (plan == NULL)
    return NULL;

  self = document_new_take_plan (plan);
  self->file = g_object_ref (file);
  record_file_stamp (self, info);
  return self;
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
  self->etag = g_strdup (etag);

  /* The recovery copy only knows the etag, whose mtime part can be fooled
   * by a quick rewrite; when the file still carries that etag, its size is
   * recorded too, so a later change of size is noticed as well. */
  if (file != NULL && etag != NULL)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (file, FILE_STAMP_ATTRIBUTES,
                                                      G_FILE_QUERY_INFO_NONE, NULL, NULL);

      if (info != NULL && g_strcmp0 (g_file_info_get_etag (info), etag) == 0)
        record_file_stamp (self, info);
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

gboolean
shk_document_changed_on_disk (ShkDocument *self)
{
  g_autoptr(GFileInfo) info = NULL;
  const char *etag;

  g_return_val_if_fail (SHK_IS_DOCUMENT (self), FALSE);

  if (self->file == NULL || self->etag == NULL)
    return FALSE;

  /* A file that is gone has nothing a save could overwrite; other errors
   * are the save's to report. */
  info = g_file_query_info (self->file, FILE_STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info == NULL)
    return FALSE;

  etag = g_file_info_get_etag (info);
  if (g_strcmp0 (etag, self->etag) != 0)
    return TRUE;
  if (self->size >= 0 && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    return g_file_info_get_size (info) != self->size;
  return FALSE;
}

gboolean
shk_document_save (ShkDocument   *self,
                   GFile         *file,
                   gboolean       overwrite_changes,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  GFile *target;

  g_return_val_if_fail (SHK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  target = file != NULL ? file : self->file;
  if (target == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The plan has no file yet: choose where to save it"));
      return FALSE;
    }

  /* Only the document's own file has a stamp to compare: saving as
   * another file is confirmed by the file chooser. */
  if (!overwrite_changes &&
      self->file != NULL && g_file_equal (target, self->file) &&
      shk_document_changed_on_disk (self))
    {
      g_autofree char *title = shk_document_dup_title (self);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                   _("“%s” has been changed on disk by another program since it was opened or saved"),
                   title);
      return FALSE;
    }

  if (!shk_format_save_file (self->plan, target, cancellable, error))
    return FALSE;

  info = g_file_query_info (target, FILE_STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  record_file_stamp (self, info);
  set_file (self, target);

  g_clear_handle_id (&self->settle_idle, g_source_remove);
  self->unrecorded_change = FALSE;
  self->pushed_since_idle = FALSE;
  self->unrecorded_dirty = FALSE;
  shk_undo_stack_mark_clean (self->undo_stack);   /* updates "modified" */
  update_modified (self);

  return TRUE;
}
