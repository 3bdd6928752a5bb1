/* shk-progress.h — how long work in the core says how far it is
 *
 * Writers that run for a while (the deck, the handout) call such a
 * function with the share done, 0 to 1, on the thread that runs them; a
 * window shows it from its own thread, so the function must only store
 * the value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef void (*ShkProgressFunc) (double   fraction,
                                 gpointer user_data);

G_END_DECLS
