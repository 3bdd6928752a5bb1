/* shk-page-layout.c — a flow of blocks cut into pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "shk-page-layout.h"

static void
block_free (gpointer data)
{
  ShkPageBlock *block = data;

  g_free (block->markup);
  g_clear_pointer (&block->table, shk_page_table_free);
  g_free (block);
}

ShkPageFlow *
shk_page_flow_new (double width,
                   double height,
                   double text_size)
{
  ShkPageFlow *flow = g_new0 (ShkPageFlow, 1);

  flow->width = width;
  flow->height = height;
  flow->text_size = text_size;
  flow->blocks = g_ptr_array_new_with_free_func (block_free);
  flow->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return flow;
}

void
shk_page_flow_free (ShkPageFlow *flow)
{
  g_ptr_array_unref (flow->blocks);
  g_ptr_array_unref (flow->pages);
  g_free (flow);
}

static ShkPageBlock *
add_block (ShkPageFlow      *flow,
           ShkPageBlockKind  kind)
{
  ShkPageBlock *block = g_new0 (ShkPageBlock, 1);

  block->kind = kind;
  block->size = flow->text_size;
  block->space_after = flow->text_size * 0.8;
  g_ptr_array_add (flow->blocks, block);
  return block;
}

void
shk_page_flow_add_title (ShkPageFlow *flow,
                         const char  *markup)
{
  ShkPageBlock *block = add_block (flow, SHK_PAGE_BLOCK_TITLE);

  block->markup = g_strdup (markup);
  block->size = flow->text_size * 2.0;
  block->bold = TRUE;
  block->space_after = flow->text_size * 0.6;
}

ShkPageBlock *
shk_page_flow_add_heading (ShkPageFlow *flow,
                           const char  *text)
{
  ShkPageBlock *block = add_block (flow, SHK_PAGE_BLOCK_HEADING);

  block->markup = g_markup_escape_text (text, -1);
  block->size = flow->text_size * 1.45;
  block->bold = TRUE;
  block->space_after = flow->text_size * 0.5;
  return block;
}

/* A heading over a part of a section, such as one list of measures. */
void
shk_page_flow_add_subheading (ShkPageFlow *flow,
                              const char  *text)
{
  ShkPageBlock *block = add_block (flow, SHK_PAGE_BLOCK_HEADING);

  block->markup = g_markup_escape_text (text, -1);
  block->size = flow->text_size * 1.15;
  block->bold = TRUE;
  block->space_after = flow->text_size * 0.4;
}

void
shk_page_flow_add_paragraph (ShkPageFlow *flow,
                             const char  *markup,
                             double       size_factor)
{
  ShkPageBlock *block = add_block (flow, SHK_PAGE_BLOCK_TEXT);

  block->markup = g_strdup (markup);
  block->size = flow->text_size * size_factor;
}

void
shk_page_flow_add_text (ShkPageFlow *flow,
                        const char  *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  shk_page_flow_add_paragraph (flow, markup, 1.0);
}

void
shk_page_flow_add_chart (ShkPageFlow *flow,
                         guint        chart,
                         guint        chart_index,
                         double       fraction)
{
  ShkPageBlock *block = add_block (flow, SHK_PAGE_BLOCK_CHART);

  block->chart = chart;
  block->chart_index = chart_index;
  block->chart_fraction = fraction;
  block->space_after = flow->text_size * 1.2;
}

void
shk_page_flow_add_table (ShkPageFlow  *flow,
                         ShkPageTable *table)
{
  ShkPageBlock *block = add_block (flow, SHK_PAGE_BLOCK_TABLE);

  block->table = table;
  block->space_after = flow->text_size * 1.4;
}

void
shk_page_flow_add_page_break (ShkPageFlow *flow)
{
  add_block (flow, SHK_PAGE_BLOCK_PAGE_BREAK);
}

void
shk_page_flow_break_before (ShkPageFlow  *flow,
                            ShkPageBlock *block)
{
  guint index;
  ShkPageBlock *page_break;

  g_return_if_fail (flow != NULL && block != NULL);

  if (!g_ptr_array_find (flow->blocks, block, &index))
    return;
  page_break = add_block (flow, SHK_PAGE_BLOCK_PAGE_BREAK);
  g_ptr_array_steal_index (flow->blocks, flow->blocks->len - 1);
  g_ptr_array_insert (flow->blocks, (int) index, page_break);
}

/* ------------------------------------------------------------------ */
/* Pagination                                                          */

static double
content_top (ShkPageFlow *flow)
{
  return SHK_PAGE_MARGIN + flow->text_size * 2.4;
}

static double
content_bottom (ShkPageFlow *flow)
{
  return flow->height - SHK_PAGE_MARGIN - flow->text_size * 2.0;
}

double
shk_page_flow_content_width (ShkPageFlow *flow)
{
  return flow->width - 2 * SHK_PAGE_MARGIN;
}

static double
chart_height (ShkPageFlow        *flow,
              const ShkPageBlock *block)
{
  double available = content_bottom (flow) - content_top (flow);

  /* Never taller than a 16:9 chart of the full width: on portrait pages
   * the height fraction alone would make it a tower. */
  return MIN (available * block->chart_fraction, shk_page_flow_content_width (flow) * 9.0 / 16.0);
}

static double
continued_caption_height (ShkPageFlow *flow)
{
  return flow->text_size * 1.6;
}

static void
measure_blocks (ShkPageFlow *flow,
                cairo_t     *cr)
{
  double width = shk_page_flow_content_width (flow);

  for (guint i = 0; i < flow->blocks->len; i++)
    {
      ShkPageBlock *block = g_ptr_array_index (flow->blocks, i);

      switch (block->kind)
        {
        case SHK_PAGE_BLOCK_TITLE:
        case SHK_PAGE_BLOCK_HEADING:
        case SHK_PAGE_BLOCK_TEXT:
          {
            g_autoptr(PangoLayout) layout = shk_page_text_new (cr, block->markup, block->size, block->bold,
                                                         width, 0, SHK_PAGE_ALIGN_LEFT);

            shk_page_text_size (layout, NULL, &block->height);
          }
          break;
        case SHK_PAGE_BLOCK_CHART:
          block->height = chart_height (flow, block);
          break;
        case SHK_PAGE_BLOCK_TABLE:
          shk_page_table_layout (block->table, cr, width, flow->text_size * 0.95);
          break;
        case SHK_PAGE_BLOCK_PAGE_BREAK:
        default:
          block->height = 0;
          break;
        }
    }
}

/* Rows a table must start a page with: one row under its heading at the
 * foot of a page reads as a stray line. A group row (施策1…) counts: it is
 * a line of the table, and three measures of one group under the (6)
 * heading asked for most of a page. */
#define MIN_START_ROWS 3
/* Rows a short table must have to be split at all: its start and, on the
 * next page, two rows at least. */
#define MIN_SPLIT_ROWS (MIN_START_ROWS + 2)

/* The least of @block that must come on the page it starts on: the
 * heading row and its first rows. */
static double
min_height (const ShkPageBlock *block)
{
  ShkPageTable *table = block->table;
  double height;

  if (block->kind != SHK_PAGE_BLOCK_TABLE)
    return block->height;

  height = table->header_height;
  for (guint r = 0; r < table->rows->len && r < MIN_START_ROWS; r++)
    height += ((ShkPageRow *) g_ptr_array_index (table->rows, r))->height;
  /* A group row at the end goes with the row under it. */
  if (table->rows->len > MIN_START_ROWS &&
      ((ShkPageRow *) g_ptr_array_index (table->rows, MIN_START_ROWS - 1))->group != NULL)
    height += ((ShkPageRow *) g_ptr_array_index (table->rows, MIN_START_ROWS))->height;
  return height;
}

static double
full_height (const ShkPageBlock *block)
{
  double height;

  if (block->kind != SHK_PAGE_BLOCK_TABLE)
    return block->height;
  height = block->table->header_height;
  for (guint r = 0; r < block->table->rows->len; r++)
    height += ((ShkPageRow *) g_ptr_array_index (block->table->rows, r))->height;
  return height;
}

/* What must fit on the page where @block starts, with @room left there:
 * a short table whole, as splitting a few rows off helps nobody — unless
 * keeping it whole would leave over a quarter of the page empty and it
 * has rows enough to leave a few on each page; a long one from its
 * first rows. */
static double
start_height (ShkPageFlow        *flow,
              const ShkPageBlock *block,
              double              room)
{
  double page = content_bottom (flow) - content_top (flow);
  double full = full_height (block);

  if (full <= room || block->kind != SHK_PAGE_BLOCK_TABLE)
    return full;
  if (full <= page * 0.75 && (room < page * 0.25 || block->table->rows->len < MIN_SPLIT_ROWS))
    return full;
  return min_height (block);
}

typedef struct
{
  ShkPageFlow *flow;
  GArray    *page;
  double     y;
} Pager;

static void
pager_new_page (Pager *pager)
{
  pager->page = g_array_new (FALSE, TRUE, sizeof (ShkPagePlacement));
  g_ptr_array_add (pager->flow->pages, pager->page);
  pager->y = content_top (pager->flow);
}

/* How many rows of this page (@first … @first + @n_rows − 1) to carry
 * over to the next, which would otherwise hold only the table's last
 * few rows from @next on (a page holding two rows): when those fit on
 * one page, the two pages share the rows about evenly instead. */
static guint
rows_to_carry (ShkPageTable *table,
               guint         first,
               guint         n_rows,
               guint         next,
               double        page_room)
{
  double rest = 0, here = 0;
  guint moved = 0;

  for (guint r = next; r < table->rows->len; r++)
    rest += ((ShkPageRow *) g_ptr_array_index (table->rows, r))->height;
  for (guint r = first; r < first + n_rows; r++)
    here += ((ShkPageRow *) g_ptr_array_index (table->rows, r))->height;
  if (rest > page_room || rest >= here / 3)
    return 0;

  while (moved + 1 < n_rows)
    {
      ShkPageRow *row = g_ptr_array_index (table->rows, first + n_rows - 1 - moved);
      ShkPageRow *above = g_ptr_array_index (table->rows, first + n_rows - 2 - moved);
      /* A group row goes with the row under it. */
      double height = row->height + (above->group != NULL ? above->height : 0);
      guint count = above->group != NULL ? 2 : 1;

      if (rest + height > here - height || rest + height > page_room || moved + count >= n_rows)
        break;
      rest += height;
      here -= height;
      moved += count;
    }
  return moved;
}

static void
pager_place_table (Pager        *pager,
                   ShkPageBlock *block)
{
  ShkPageFlow *flow = pager->flow;
  ShkPageTable *table = block->table;
  double bottom = content_bottom (flow);
  ShkPagePlacement placement = { .block = block, .y = pager->y };
  guint r = 0;

  pager->y += table->header_height;
  while (r < table->rows->len)
    {
      ShkPageRow *row = g_ptr_array_index (table->rows, r);
      ShkPageRow *next = r + 1 < table->rows->len ? g_ptr_array_index (table->rows, r + 1) : NULL;
      /* A group row goes with the row under it. */
      double needed = row->height + (row->group != NULL && next != NULL ? next->height : 0);

      if (pager->y + needed > bottom && placement.n_rows > 0)
        {
          guint moved = rows_to_carry (table, placement.first_row, placement.n_rows, r,
                                       bottom - content_top (flow) - continued_caption_height (flow)
                                       - table->header_height);
          guint left = table->rows->len - r;

          /* One tall row alone under “(continued)” reads as a stray:
           * two go on, while three stay. */
          if (left + moved < 2 && placement.n_rows >= MIN_START_ROWS + 2 - left)
            moved = 2 - left;

          r -= moved;
          placement.n_rows -= moved;
          g_array_append_val (pager->page, placement);
          pager_new_page (pager);
          placement = (ShkPagePlacement) {
            .block = block,
            .y = pager->y,
            .first_row = r,
            .continued = TRUE,
          };
          pager->y += continued_caption_height (flow) + table->header_height;
          continue;
        }
      pager->y += row->height;
      placement.n_rows++;
      r++;
    }
  g_array_append_val (pager->page, placement);
  pager->y += block->space_after;
}

static void
paginate (ShkPageFlow *flow)
{
  Pager pager = { .flow = flow };
  double bottom = content_bottom (flow);

  pager_new_page (&pager);
  for (guint i = 0; i < flow->blocks->len; i++)
    {
      ShkPageBlock *block = g_ptr_array_index (flow->blocks, i);
      ShkPageBlock *next = i + 1 < flow->blocks->len ? g_ptr_array_index (flow->blocks, i + 1) : NULL;
      double needed = start_height (flow, block, bottom - pager.y);

      if (block->kind == SHK_PAGE_BLOCK_PAGE_BREAK)
        {
          if (pager.page->len > 0)
            pager_new_page (&pager);
          continue;
        }

      /* A heading stays with what it heads: the notes and subheadings
       * under it and the start of the table or chart they introduce. A
       * heading after notes starts a part of its own, which keeps itself
       * together: chaining on through it would push a run of short
       * parts, and their heading, to a page of their own. */
      if (block->kind == SHK_PAGE_BLOCK_HEADING && next != NULL && next->kind != SHK_PAGE_BLOCK_PAGE_BREAK)
        {
          double above = block->space_after;
          gboolean noted = FALSE;

          for (guint k = i + 1; k < flow->blocks->len; k++)
            {
              ShkPageBlock *headed = g_ptr_array_index (flow->blocks, k);

              if (headed->kind == SHK_PAGE_BLOCK_PAGE_BREAK ||
                  (headed->kind == SHK_PAGE_BLOCK_HEADING && noted))
                break;
              noted |= headed->kind == SHK_PAGE_BLOCK_TEXT;
              needed += above + start_height (flow, headed, bottom - pager.y - needed - above);
              above = headed->space_after;
              if (headed->kind != SHK_PAGE_BLOCK_TEXT && headed->kind != SHK_PAGE_BLOCK_HEADING)
                break;
            }
        }
      if (pager.y + needed > bottom && pager.page->len > 0)
        pager_new_page (&pager);

      if (block->kind == SHK_PAGE_BLOCK_TABLE)
        pager_place_table (&pager, block);
      else
        {
          ShkPagePlacement placement = { .block = block, .y = pager.y };

          g_array_append_val (pager.page, placement);
          pager.y += block->height + block->space_after;
        }
    }
}

static void
draw_table_placement (ShkPageFlow            *flow,
                      cairo_t                *cr,
                      const ShkPagePlacement *placement)
{
  ShkPageTable *table = placement->block->table;
  double x = SHK_PAGE_MARGIN;
  double y = placement->y;

  if (placement->continued && table->caption != NULL)
    {
      /* TRANSLATORS: over a table that goes on from the previous page */
      g_autofree char *text = g_strdup_printf (_("%s (continued)"), table->caption);
      g_autofree char *markup = g_markup_escape_text (text, -1);
      g_autoptr(PangoLayout) layout = shk_page_text_new (cr, markup, flow->text_size * 0.95, TRUE,
                                                   shk_page_flow_content_width (flow), 1, SHK_PAGE_ALIGN_LEFT);

      shk_page_show_text (cr, layout, &muted, x, y);
      y += continued_caption_height (flow);
    }

  shk_page_table_draw_header (table, cr, x, y);
  y += table->header_height;
  for (guint r = placement->first_row; r < placement->first_row + placement->n_rows; r++)
    {
      ShkPageRow *row = g_ptr_array_index (table->rows, r);

      shk_page_table_draw_row (table, cr, row, x, y);
      y += row->height;
    }
}

static void
draw_block (ShkPageFlow            *flow,
            cairo_t                *cr,
            const ShkPagePlacement *placement,
            ShkPageChartFunc        draw_chart,
            gpointer                user_data)
{
  ShkPageBlock *block = placement->block;

  switch (block->kind)
    {
    case SHK_PAGE_BLOCK_TITLE:
    case SHK_PAGE_BLOCK_HEADING:
    case SHK_PAGE_BLOCK_TEXT:
      {
        g_autoptr(PangoLayout) layout = shk_page_text_new (cr, block->markup, block->size, block->bold,
                                                     shk_page_flow_content_width (flow), 0, SHK_PAGE_ALIGN_LEFT);

        shk_page_show_text (cr, layout, block->kind == SHK_PAGE_BLOCK_TEXT ? &ink : &accent, SHK_PAGE_MARGIN, placement->y);
        if (block->kind == SHK_PAGE_BLOCK_HEADING && block->size > flow->text_size * 1.3)
          shk_page_hline (cr, &accent, 0.8, SHK_PAGE_MARGIN, flow->width - SHK_PAGE_MARGIN,
                 placement->y + block->height + block->space_after * 0.3);
      }
      break;
    case SHK_PAGE_BLOCK_CHART:
      draw_chart (cr, block, SHK_PAGE_MARGIN, placement->y, shk_page_flow_content_width (flow),
                  block->height, user_data);
      break;
    case SHK_PAGE_BLOCK_TABLE:
      draw_table_placement (flow, cr, placement);
      break;
    case SHK_PAGE_BLOCK_PAGE_BREAK:
    default:
      break;
    }
}

void
shk_page_flow_layout (ShkPageFlow *flow)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_if_fail (flow != NULL);

  /* Measured on an image surface with the unhinted metrics the PDF uses
   * too, so what fits here fits on paper. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  measure_blocks (flow, cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_ptr_array_set_size (flow->pages, 0);
  paginate (flow);
}

void
shk_page_flow_draw_page (ShkPageFlow      *flow,
                         cairo_t          *cr,
                         guint             page,
                         ShkPageChartFunc  draw_chart,
                         gpointer          user_data)
{
  GArray *placements;

  g_return_if_fail (flow != NULL && page < flow->pages->len);

  placements = g_ptr_array_index (flow->pages, page);
  for (guint i = 0; i < placements->len; i++)
    draw_block (flow, cr, &g_array_index (placements, ShkPagePlacement, i), draw_chart, user_data);
}
