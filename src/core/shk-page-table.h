/* shk-page-table.h — the handout's tables and text: cells of Pango markup
 * that wrap, or past a few lines end in an ellipsis, in columns sized to
 * their content and the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "shk-chart.h"

G_BEGIN_DECLS

/* Below this a table is not legible: it is ellipsized instead. */
#define SHK_PAGE_MIN_TABLE_SIZE  5.5

/* The handouts' muted blue-grey for headings and shaded rows. */
static const ShkRgba ink = { 0.10, 0.10, 0.12, 1 };
static const ShkRgba muted = { 0.40, 0.40, 0.44, 1 };
static const ShkRgba rule = { 0.55, 0.58, 0.62, 1 };
static const ShkRgba light_rule = { 0.80, 0.82, 0.85, 1 };
static const ShkRgba heading_fill = { 0.86, 0.90, 0.94, 1 };
static const ShkRgba group_fill = { 0.93, 0.95, 0.97, 1 };
static const ShkRgba shade_fill = { 0.95, 0.95, 0.88, 1 };
/* Rows the handout points at (the measures newly at ◎): a tint that
 * survives a grey office copier. */
static const ShkRgba highlight_fill = { 1.00, 0.90, 0.62, 1 };
/* The handouts' grey background of the measures added in R3. */
static const ShkRgba added_fill = { 0.84, 0.84, 0.84, 1 };
static const ShkRgba accent = { 0.10, 0.32, 0.64, 1 };

typedef enum
{
  SHK_PAGE_ALIGN_LEFT,
  SHK_PAGE_ALIGN_CENTER,
  SHK_PAGE_ALIGN_RIGHT,
} ShkPageAlign;

typedef struct
{
  char         *heading; /* markup */
  ShkPageAlign  align;
  gboolean      wrap;    /* text that wraps; else it sizes the column */
  gboolean      per_sub; /* a cell per sub-row (per indicator) */
  double        min_em;  /* narrowest a wrapping column may get */
  double        weight;  /* its share of spare width */
  guint         max_lines;
  double        width;   /* computed */
} ShkPageColumn;

typedef struct
{
  guint      n_sub;       /* sub-rows, e.g. one per indicator */
  char     **cells;       /* n_columns × n_sub markup, NULL for empty */
  char      *group;       /* a full-width heading row instead, or NULL */
  gboolean   shaded;
  const ShkRgba *fill;    /* a background other than the shade, or NULL */
  double    *sub_heights; /* computed */
  double     height;      /* computed */
} ShkPageRow;

typedef struct
{
  GPtrArray *columns;   /* ShkPageColumn */
  GPtrArray *rows;      /* ShkPageRow */
  char      *caption;   /* shown on pages the table continues on */
  gboolean   compact;   /* as wide as its content, not the page */
  double     figure_em; /* least width of figure columns, in em */
  double     size;      /* computed text size */
  double     header_height;
} ShkPageTable;

ShkPageTable *
shk_page_table_new (const char *caption);
void
shk_page_table_free (ShkPageTable *table);
ShkPageColumn *
shk_page_table_add_text_column (ShkPageTable *table,
                                const char   *heading,
                                double        min_em,
                                double        weight,
                                guint         max_lines);
ShkPageColumn *
shk_page_table_add_figure_column (ShkPageTable *table,
                                  const char   *heading,
                                  ShkPageAlign  align);
ShkPageRow *
shk_page_table_add_row (ShkPageTable *table,
                        guint         n_sub);
void
shk_page_table_add_group (ShkPageTable *table,
                          const char   *text);
void
shk_page_row_take_markup (ShkPageRow *row,
                          guint       column,
                          guint       sub,
                          char       *markup);
void
shk_page_row_set_text (ShkPageRow *row,
                       guint       column,
                       guint       sub,
                       const char *text);
PangoLayout *
shk_page_text_new (cairo_t      *cr,
                   const char   *markup,
                   double        size,
                   gboolean      bold,
                   double        width,
                   guint         max_lines,
                   ShkPageAlign  align);
void
shk_page_text_size (PangoLayout *layout,
                    double      *width,
                    double      *height);
void
shk_page_show_text (cairo_t       *cr,
                    PangoLayout   *layout,
                    const ShkRgba *color,
                    double         x,
                    double         y);
void
shk_page_table_layout (ShkPageTable *table,
                       cairo_t      *cr,
                       double        width,
                       double        size);
void
shk_page_hline (cairo_t       *cr,
                const ShkRgba *color,
                double         line_width,
                double         x0,
                double         x1,
                double         y);
void
shk_page_table_draw_header (ShkPageTable *table,
                            cairo_t      *cr,
                            double        x0,
                            double        y);
void
shk_page_table_draw_row (ShkPageTable *table,
                         cairo_t      *cr,
                         ShkPageRow   *row,
                         double        x0,
                         double        y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkPageTable, shk_page_table_free)

G_END_DECLS
