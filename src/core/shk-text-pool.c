/* shk-text-pool.c — the texts of a plan as it is read, kept in large blocks
 *
 * See shk-text-pool.h for why. GLib's GStringChunk does the same filling
 * of blocks, but it cannot be shared by reference between the objects
 * that hold its texts, and its blocks are ordinary allocations the kernel
 * backs page by page; a prefecture's plan spends a fifth of its load on
 * TLB misses with 4 KiB pages (measured with glibc's hugetlb tunable).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#include "shk-text-pool.h"

/* One huge page on x86-64 and arm64; blocks are aligned to it so that the
 * kernel can back a whole block with one. */
#define BLOCK_SIZE ((gsize) 2 * 1024 * 1024)
/* Texts longer than this get an allocation of their own rather than
 * leave most of a block unused. */
#define LARGE_TEXT (BLOCK_SIZE / 8)

struct _ShkTextPool
{
  gatomicrefcount ref_count;
  GPtrArray      *blocks;  /* blocks and large texts, freed with g_free()
                            * or free() as allocated */
  char           *free;    /* in the last block */
  gsize           left;
};

static gpointer
new_block (void)
{
  gpointer block = NULL;

  if (posix_memalign (&block, BLOCK_SIZE, BLOCK_SIZE) != 0)
    g_error ("%s: failed to allocate %" G_GSIZE_FORMAT " bytes", G_STRLOC, BLOCK_SIZE);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  /* Advice only: where huge pages are off, nothing changes. */
  madvise (block, BLOCK_SIZE, MADV_HUGEPAGE);
#endif
  return block;
}

ShkTextPool *
shk_text_pool_new (void)
{
  ShkTextPool *pool = g_new0 (ShkTextPool, 1);

  g_atomic_ref_count_init (&pool->ref_count);
  /* posix_memalign() memory is released with free(), as is g_malloc()'s
   * since GLib 2.46. */
  pool->blocks = g_ptr_array_new_with_free_func (free);
  return pool;
}

ShkTextPool *
shk_text_pool_ref (ShkTextPool *pool)
{
  g_return_val_if_fail (pool != NULL, NULL);

  g_atomic_ref_count_inc (&pool->ref_count);
  return pool;
}

void
shk_text_pool_unref (ShkTextPool *pool)
{
  g_return_if_fail (pool != NULL);

  if (!g_atomic_ref_count_dec (&pool->ref_count))
    return;
  g_ptr_array_unref (pool->blocks);
  g_free (pool);
}

const char *
shk_text_pool_add (ShkTextPool *pool,
                   const char  *text)
{
  gsize size;
  char *copy;

  g_return_val_if_fail (pool != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  size = strlen (text) + 1;
  if (size > LARGE_TEXT)
    {
      copy = g_memdup2 (text, size);
      g_ptr_array_add (pool->blocks, copy);
      return copy;
    }
  if (size > pool->left)
    {
      pool->free = new_block ();
      pool->left = BLOCK_SIZE;
      g_ptr_array_add (pool->blocks, pool->free);
    }
  copy = pool->free;
  memcpy (copy, text, size);
  pool->free += size;
  pool->left -= size;
  return copy;
}
