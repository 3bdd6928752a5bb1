/* shk-window.h — the main window: one open document and its views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "shk-application.h"
#include "shk-document.h"

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

/* Loads @file and shows it, first asking what to do with unsaved changes.
 * A file that fails to load leaves the open document exactly as it was,
 * shows the error in a dialog and returns FALSE with it in @error. */
gboolean          shk_window_open_file           (ShkWindow      *self,
                                                  GFile          *file,
                                                  GError        **error);

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
