/* shk-window-private.h — the window's accessors for tests
 *
 * Not part of the window's interface: only shk-window.c and the tests
 * use these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-window.h"

G_BEGIN_DECLS

/* The question or error the window is showing, if any. For tests. */
AdwMessageDialog *shk_window_get_message_dialog  (ShkWindow      *self);

G_END_DECLS
