/* shk-text-pool.h — the texts of a plan as it is read, kept in large blocks
 *
 * A prefecture's plan of 100,000 measures has some 800,000 texts (names,
 * purposes, notes). Copied one by one with g_strdup() they cost a malloc
 * each and lie scattered between the measures' other fields, so grading,
 * which never reads a text, walks twice the memory it needs. A reader
 * copies them into a pool instead: big blocks filled one after the
 * other, which the kernel may back with huge pages (issue #17).
 *
 * A pool only grows; a text is never freed on its own but with the last
 * reference to its pool, which each measure and indicator holding one of
 * its texts keeps. A text replaced by an edit stays in the pool until
 * then: edits are few next to a plan's texts.
 *
 * Texts are added from one thread at a time (the reader's); the
 * references may be dropped from any thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ShkTextPool ShkTextPool;

ShkTextPool *shk_text_pool_new   (void);
ShkTextPool *shk_text_pool_ref   (ShkTextPool *pool);
void         shk_text_pool_unref (ShkTextPool *pool);

/* A copy of @text in the pool, valid while the pool lives. */
const char  *shk_text_pool_add   (ShkTextPool *pool,
                                  const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkTextPool, shk_text_pool_unref)

G_END_DECLS
