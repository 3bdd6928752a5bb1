/* shk-page-layout.h — a flow of blocks (titles, headings, paragraphs,
 * charts, tables) cut into pages
 *
 * Blocks are measured once with the unhinted text metrics the PDF uses,
 * and flowed onto pages: tables split between rows and repeat their
 * heading row, and a heading never ends a page. Charts are the caller's:
 * the flow keeps their place and size and asks the caller to draw them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-page-table.h"

G_BEGIN_DECLS

/* About 12 mm: inside what every office printer can print. */
#define SHK_PAGE_MARGIN 34.0

typedef enum
{
  SHK_PAGE_BLOCK_TITLE,
  SHK_PAGE_BLOCK_HEADING,
  SHK_PAGE_BLOCK_TEXT,
  SHK_PAGE_BLOCK_CHART,
  SHK_PAGE_BLOCK_TABLE,
  SHK_PAGE_BLOCK_PAGE_BREAK,
} ShkPageBlockKind;

typedef struct
{
  ShkPageBlockKind  kind;
  char             *markup;
  double            size;
  gboolean          bold;
  guint             chart;          /* what chart: the caller's own numbers */
  guint             chart_index;    /* which one of them, e.g. a scenario */
  double            chart_fraction; /* of the text height */
  ShkPageTable     *table;
  double            height;         /* computed, but for tables */
  double            space_after;
} ShkPageBlock;

typedef struct
{
  ShkPageBlock *block;
  double        y;
  guint         first_row; /* tables: the rows on this page */
  guint         n_rows;
  gboolean      continued;
} ShkPagePlacement;

typedef struct
{
  double     width;     /* of the page, in points */
  double     height;
  double     text_size; /* of the body text */
  GPtrArray *blocks;    /* ShkPageBlock */
  GPtrArray *pages;     /* GArray of ShkPagePlacement */
} ShkPageFlow;

ShkPageFlow *shk_page_flow_new (double width,
                                double height,
                                double text_size);
void shk_page_flow_free (ShkPageFlow *flow);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkPageFlow, shk_page_flow_free)

void
shk_page_flow_add_title (ShkPageFlow *flow,
                         const char  *markup);
ShkPageBlock *
shk_page_flow_add_heading (ShkPageFlow *flow,
                           const char  *text);
void
shk_page_flow_add_subheading (ShkPageFlow *flow,
                              const char  *text);
void
shk_page_flow_add_paragraph (ShkPageFlow *flow,
                             const char  *markup,
                             double       size_factor);
void
shk_page_flow_add_text (ShkPageFlow *flow,
                        const char  *text);
void
shk_page_flow_add_chart (ShkPageFlow *flow,
                         guint        chart,
                         guint        chart_index,
                         double       fraction);
void
shk_page_flow_add_table (ShkPageFlow  *flow,
                         ShkPageTable *table);
void
shk_page_flow_add_page_break (ShkPageFlow *flow);
/* A page break before @block, already in the flow. */
void
shk_page_flow_break_before (ShkPageFlow  *flow,
                            ShkPageBlock *block);

/* The width of the text between the margins. */
double shk_page_flow_content_width (ShkPageFlow *flow);

/* Measures the blocks and cuts them into pages. */
void shk_page_flow_layout (ShkPageFlow *flow);

typedef void (*ShkPageChartFunc) (cairo_t            *cr,
                                  const ShkPageBlock *block,
                                  double              x,
                                  double              y,
                                  double              width,
                                  double              height,
                                  gpointer            user_data);

/* Draws the blocks of @page (counting from 0), the charts by @draw_chart;
 * not the page's background nor its furniture. */
void shk_page_flow_draw_page (ShkPageFlow      *flow,
                              cairo_t          *cr,
                              guint             page,
                              ShkPageChartFunc  draw_chart,
                              gpointer          user_data);

G_END_DECLS
