/* shk-window.h — the main window: one open document and its views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "shk-application.h"
#include "shk-document.h"
#include "shk-job.h"

G_BEGIN_DECLS

#define SHK_TYPE_WINDOW (shk_window_get_type ())
G_DECLARE_FINAL_TYPE (ShkWindow, shk_window, SHK, WINDOW, AdwApplicationWindow)

/* Sets the application's accelerators for the window actions. */
void              shk_window_install_accels      (GtkApplication *application);

ShkWindow        *shk_window_new                 (ShkApplication *application,
                                                  ShkDocument    *document);

ShkDocument      *shk_window_get_document        (ShkWindow      *self);
/* Shows @document instead of the current one, without asking. */
void              shk_window_set_document        (ShkWindow      *self,
                                                  ShkDocument    *document);

/* Reads @file on a worker thread while the window shows which file it
 * reads, with Cancel, and stays usable; then shows it, first asking what
 * to do with unsaved changes. Pipes, devices and folders are refused
 * before they are read. A file that fails to load leaves the open
 * document exactly as it was and shows the error in a dialog; finishing
 * then gives the error (G_IO_ERROR_CANCELLED after Cancel, with no
 * dialog; G_IO_ERROR_BUSY while another plan is being read). */
void              shk_window_open_file_async     (ShkWindow           *self,
                                                  GFile               *file,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean          shk_window_open_file_finish    (ShkWindow      *self,
                                                  GAsyncResult   *result,
                                                  GError        **error);
/* Whether a plan is being read (opened or reverted to). */
gboolean          shk_window_is_loading          (ShkWindow      *self);
/* Stops reading: the window's Cancel. The open document stays. */
void              shk_window_cancel_load         (ShkWindow      *self);
/* Shows @job in the bar under the header bar until it ends;
 * the bar's Cancel cancels it. FALSE, after a toast saying which, when
 * another job is running (one at a time). */
gboolean          shk_window_show_job            (ShkWindow      *self,
                                                  ShkJob         *job);
/* The job the bar shows, or NULL. For tests. */
ShkJob           *shk_window_get_job             (ShkWindow      *self);

/* The views: "dashboard", "measures" (later issues add more). */
void              shk_window_show_view           (ShkWindow      *self,
                                                  const char     *name);
const char       *shk_window_get_visible_view    (ShkWindow      *self);
GtkWidget        *shk_window_get_view            (ShkWindow      *self,
                                                  const char     *name);

/* The title the header bar shows ("• plan.json" while modified). */
const char       *shk_window_get_document_title  (ShkWindow      *self);

/* Recovery copy of the document while it has unsaved changes. */
const char       *shk_window_get_recovery_id     (ShkWindow      *self);
gboolean          shk_window_write_recovery      (ShkWindow      *self,
                                                  GError        **error);

G_END_DECLS
