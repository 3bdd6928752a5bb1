/* shk-successor-dialog.h — 「次期計画を作成」: start the next plan
 *
 * Asks for the new plan's years and which policies and measures to carry
 * over, then opens the new document (shk_plan_successor_new()) in a new
 * window, untitled and unsaved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "shk-plan.h"

G_BEGIN_DECLS

#define SHK_TYPE_SUCCESSOR_DIALOG (shk_successor_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShkSuccessorDialog, shk_successor_dialog, SHK, SUCCESSOR_DIALOG, AdwWindow)

ShkSuccessorDialog *shk_successor_dialog_new     (GtkWindow          *parent,
                                                  ShkPlan            *plan);
void                shk_successor_dialog_present (GtkWindow          *parent,
                                                  ShkPlan            *plan);
/* Checks or unchecks a measure, for tests. */
void                shk_successor_dialog_set_measure_chosen (ShkSuccessorDialog *self,
                                                             guint               number,
                                                             gboolean            chosen);
void                shk_successor_dialog_set_years (ShkSuccessorDialog *self,
                                                    const char         *years);
/* The plan the dialog would create now; NULL with @error when the years
 * or the choice cannot make one. */
ShkPlan            *shk_successor_dialog_build   (ShkSuccessorDialog *self,
                                                  GError            **error);

G_END_DECLS
