/* shk-window-private.h — the window's parts, shared by its source files
 *
 * ShkWindow is one class written in three files along its seams:
 * shk-window.c (views, settings, messages, the window's own actions),
 * shk-window-documents.c (the document's life: title, questions about
 * unsaved changes, saving, recent files, recovery copies) and
 * shk-window-open.c (reading plans off the window's thread). This header
 * is theirs and the tests' only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-job.h"
#include "shk-window.h"

G_BEGIN_DECLS

/* Dashboard, measures, processes, scenarios, audit, materials, round: see views[] in
 * shk-window.c. */
#define SHK_WINDOW_N_VIEWS 7

/* What to do once the question about unsaved changes is answered. */
typedef enum
{
  SHK_PENDING_NONE,
  SHK_PENDING_REPLACE,   /* show pending_document instead */
  SHK_PENDING_CLOSE,
  SHK_PENDING_REVERT,    /* reload the document's file */
} ShkPendingKind;

typedef enum
{
  SHK_LOAD_OPEN,         /* another plan: asks about unsaved changes */
  SHK_LOAD_REVERT,       /* the document's own file: replaces it */
} ShkLoadPurpose;

/* The plan being read, while one is. */
typedef struct
{
  ShkJob         *job;         /* shown in the job bar; its cancellable */
  GCancellable   *cancellable;
  GFile          *file;
  ShkLoadPurpose  purpose;
  GTask          *caller;      /* shk_window_open_file_async()'s, or NULL */
} ShkWindowLoad;

struct _ShkWindow
{
  AdwApplicationWindow  parent_instance;

  ShkDocument          *document;
  GSettings            *settings;          /* NULL without the schema */
  /* Views are built when first shown: the window appears at once instead
   * of after every table is laid out. Each lives in its host, the page the
   * switcher knows. */
  GtkWidget            *views[SHK_WINDOW_N_VIEWS];
  GtkWidget            *hosts[SHK_WINDOW_N_VIEWS];
  guint                 after_first_frame_idle;
  gboolean              first_frame_painted;

  ShkPendingKind        pending;
  ShkDocument          *pending_document;
  GtkWidget            *message_dialog;    /* weak */
  GtkFileChooserNative *chooser;
  ShkWindowLoad        *load;
  gboolean              saving;            /* a save runs on a worker */

  char                 *recovery_id;
  guint                 recovery_timeout;
  gboolean              recovery_failed;
  gboolean              close_confirmed;
  char                 *document_title;

  GtkRecentManager     *recent_manager;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwWindowTitle       *document_title_widget;
  AdwSplitButton       *open_button;
  GMenu                *recent_submenu;
  GtkRevealer          *loading_revealer;
  GtkImage             *loading_icon;
  GtkLabel             *loading_title;
  GtkLabel             *loading_detail;
  GtkProgressBar       *loading_progress;
  GtkButton            *loading_cancel;

  /* The job the bar shows (a load's or an export's), while one runs. */
  ShkJob               *job;
  char                 *job_detail;        /* what the bar says under the title */
  guint                 job_pulse_id;
  guint                 job_reveal_id;
};

/* shk-window.c */
/* The question or error the window is showing, if any. For tests. */
AdwMessageDialog *shk_window_get_message_dialog    (ShkWindow      *self);
void              shk_window_show_toast            (ShkWindow      *self,
                                                    const char     *text);
/* A question or message; a newer one replaces the one showing. */
AdwMessageDialog *shk_window_message_dialog_new    (ShkWindow      *self,
                                                    const char     *heading,
                                                    const char     *body);
void              shk_window_show_error            (ShkWindow      *self,
                                                    const char     *heading,
                                                    const char     *message);
/* Hands the document to the views built so far. */
void              shk_window_give_views_document   (ShkWindow      *self);

/* shk-window-documents.c */
/* A save runs on a worker thread. For tests. */
gboolean          shk_window_is_saving             (ShkWindow      *self);
void              shk_window_documents_init        (ShkWindow      *self);
void              shk_window_documents_dispose     (ShkWindow      *self);
void              shk_window_class_add_document_actions (GtkWidgetClass *widget_class);
void              shk_window_update_actions        (ShkWindow      *self);
void              shk_window_add_recent            (ShkWindow      *self,
                                                    GFile          *file);
/* Reads the recent plans into the Open button's menu, once. */
void              shk_window_start_recent          (ShkWindow      *self);
void              shk_window_stop_recovery         (ShkWindow      *self);
void              shk_window_restart_recovery      (ShkWindow      *self);
/* Does @kind now, or after asking what to do with unsaved changes. */
void              shk_window_ask_then              (ShkWindow      *self,
                                                    ShkPendingKind  kind,
                                                    ShkDocument    *document);
void              shk_window_add_plan_filters      (GtkFileChooser *chooser);
void              shk_window_drop_chooser          (ShkWindow      *self);

/* shk-window-open.c */
void              shk_window_open_init             (ShkWindow      *self);
void              shk_window_class_add_open_actions (GtkWidgetClass *widget_class);
/* Reads the document's file again, off the window's thread. */
void              shk_window_start_revert          (ShkWindow      *self);
/* Takes the job bar away (the job runs on). */
void              shk_window_drop_job              (ShkWindow      *self);
/* What the job bar says under the title. */
void              shk_window_set_job_detail        (ShkWindow      *self,
                                                    const char     *detail);

G_END_DECLS
