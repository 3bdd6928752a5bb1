/* shk-locale.h — the user's locale and Shinchoku's translations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale from the environment and binds the translations: from
 * $SHINCHOKU_LOCALEDIR when set (an uninstalled build, whose compiled
 * catalogues are in <build>/po), else from the installed locale directory.
 * The window and the command-line tool call this first thing. */
void  shk_locale_init  (void);

G_END_DECLS
