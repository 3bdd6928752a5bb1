/* shk-preferences.h — the preferences window (Ctrl+,)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SHK_TYPE_PREFERENCES (shk_preferences_get_type ())
G_DECLARE_FINAL_TYPE (ShkPreferences, shk_preferences, SHK, PREFERENCES, AdwPreferencesWindow)

/* Every row is bound to its key in @settings: a change applies at once. */
ShkPreferences *shk_preferences_new (GtkWindow *parent,
                                     GSettings *settings);

G_END_DECLS
