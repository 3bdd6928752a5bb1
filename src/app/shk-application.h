/* shk-application.h — the Shinchoku application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SHK_TYPE_APPLICATION (shk_application_get_type ())
G_DECLARE_FINAL_TYPE (ShkApplication, shk_application, SHK, APPLICATION, AdwApplication)

/* Before anything else in main(): leaves out of GTK's start what the
 * environment's choices make useless (see shk-application.c). */
void            shk_application_prepare_environment (void);
ShkApplication *shk_application_new          (void);
/* The application's settings, or NULL when the schema is not installed
 * (then window size and the last view are simply not remembered). */
GSettings      *shk_application_get_settings (ShkApplication *self);
/* The running application's settings, or NULL (no application, or no
 * schema). */
GSettings      *shk_application_get_default_settings (void);

G_END_DECLS
