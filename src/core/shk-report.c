/* shk-report.c — the meeting handout: a multi-page report of a plan
 *
 * The report is built as a flow of blocks (headings, paragraphs, charts,
 * tables), measured once with the same unhinted text metrics the PDF
 * uses, and cut into pages: tables split between rows and repeat their
 * heading row, a heading never ends a page, and cells wrap or, past a few
 * lines, end in an ellipsis, so nothing is ever drawn outside its cell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "shk-chart.h"
#include "shk-edit.h"
#include "shk-pareto-chart.h"
#include "shk-payback-chart.h"
#include "shk-payback-series.h"
#include "shk-ranking.h"
#include "shk-report.h"
#include "shk-rules.h"
#include "shk-safe-save.h"
#include "shk-summary-chart.h"

/* ISO 216 sizes in points. */
#define A4_SHORT 595.276
#define A4_LONG  841.890
#define A3_SHORT 841.890
#define A3_LONG  1190.551

/* About 12 mm: inside what every office printer can print. */
#define MARGIN 34.0

/* Body text on A4, in points. Larger paper gets larger text, by the
 * square root of the size, so an A3 copy is easier to read from across
 * the table yet holds more. */
#define BASE_TEXT_SIZE  8.5
/* Below this a table is not legible: it is ellipsized instead. */
#define MIN_TABLE_SIZE  5.5

/* The handouts' muted blue-grey for headings and shaded rows. */
static const ShkRgba ink = { 0.10, 0.10, 0.12, 1 };
static const ShkRgba muted = { 0.40, 0.40, 0.44, 1 };
static const ShkRgba rule = { 0.55, 0.58, 0.62, 1 };
static const ShkRgba light_rule = { 0.80, 0.82, 0.85, 1 };
static const ShkRgba heading_fill = { 0.86, 0.90, 0.94, 1 };
static const ShkRgba group_fill = { 0.93, 0.95, 0.97, 1 };
static const ShkRgba shade_fill = { 0.97, 0.97, 0.92, 1 };
static const ShkRgba accent = { 0.10, 0.32, 0.64, 1 };

/* ------------------------------------------------------------------ */
/* Tables                                                              */

typedef enum
{
  ALIGN_LEFT,
  ALIGN_CENTER,
  ALIGN_RIGHT,
} Align;

typedef struct
{
  char     *heading;     /* markup */
  Align     align;
  gboolean  wrap;        /* text that wraps; else it sizes the column */
  gboolean  per_sub;     /* a cell per sub-row (per indicator) */
  double    min_em;      /* narrowest a wrapping column may get */
  double    weight;      /* its share of spare width */
  guint     max_lines;
  double    width;       /* computed */
} Column;

typedef struct
{
  guint     n_sub;       /* sub-rows, e.g. one per indicator */
  char    **cells;       /* n_columns × n_sub markup, NULL for empty */
  char     *group;       /* a full-width heading row instead, or NULL */
  gboolean  shaded;
  double   *sub_heights; /* computed */
  double    height;      /* computed */
} Row;

typedef struct
{
  GPtrArray *columns;    /* Column */
  GPtrArray *rows;       /* Row */
  char      *caption;    /* shown on pages the table continues on */
  gboolean   compact;    /* as wide as its content, not the page */
  double     figure_em;  /* least width of figure columns, in em */
  double     size;       /* computed text size */
  double     header_height;
} Table;

static void
column_free (gpointer data)
{
  Column *column = data;

  g_free (column->heading);
  g_free (column);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  /* The cells are freed by the table, which knows how many there are. */
  g_free (row->group);
  g_free (row->sub_heights);
  g_free (row);
}

static Table *
table_new (const char *caption)
{
  Table *table = g_new0 (Table, 1);

  table->columns = g_ptr_array_new_with_free_func (column_free);
  table->rows = g_ptr_array_new ();
  table->caption = g_strdup (caption);
  return table;
}

static void
row_clear_cells (Row   *row,
                 guint  n_columns)
{
  if (row->cells == NULL)
    return;
  for (guint i = 0; i < n_columns * row->n_sub; i++)
    g_free (row->cells[i]);
  g_clear_pointer (&row->cells, g_free);
}

static void
table_free (Table *table)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = g_ptr_array_index (table->rows, i);

      row_clear_cells (row, table->columns->len);
      row_free (row);
    }
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->columns);
  g_free (table->caption);
  g_free (table);
}

static Column *
table_add_column (Table      *table,
                  const char *heading,
                  Align       align,
                  gboolean    wrap,
                  double      min_em,
                  double      weight,
                  guint       max_lines)
{
  Column *column = g_new0 (Column, 1);

  column->heading = g_markup_escape_text (heading, -1);
  column->align = align;
  column->wrap = wrap;
  column->min_em = min_em;
  column->weight = weight;
  column->max_lines = max_lines;
  g_ptr_array_add (table->columns, column);
  return column;
}

/* A text column that wraps, and a figure column that does not. */
static Column *
add_text_column (Table      *table,
                 const char *heading,
                 double      min_em,
                 double      weight,
                 guint       max_lines)
{
  return table_add_column (table, heading, ALIGN_LEFT, TRUE, min_em, weight, max_lines);
}

static Column *
add_figure_column (Table      *table,
                   const char *heading,
                   Align       align)
{
  return table_add_column (table, heading, align, FALSE, 0, 0, 2);
}

static Row *
table_add_row (Table *table,
               guint  n_sub)
{
  Row *row = g_new0 (Row, 1);

  row->n_sub = MAX (n_sub, 1);
  row->cells = g_new0 (char *, table->columns->len * row->n_sub + 1);
  g_ptr_array_add (table->rows, row);
  return row;
}

static void
table_add_group (Table      *table,
                 const char *text)
{
  Row *row = g_new0 (Row, 1);

  row->n_sub = 1;
  row->group = g_markup_escape_text (text, -1);
  g_ptr_array_add (table->rows, row);
}

/* Takes @markup. Spanning columns use sub-row 0. */
static void
row_take_markup (Row   *row,
                 guint  column,
                 guint  sub,
                 char  *markup)
{
  char **slot = &row->cells[column * row->n_sub + sub];

  g_free (*slot);
  *slot = markup;
}

static void
row_set_text (Row        *row,
              guint       column,
              guint       sub,
              const char *text)
{
  row_take_markup (row, column, sub, text != NULL ? g_markup_escape_text (text, -1) : NULL);
}

static const char *
row_get_markup (const Row *row,
                guint      column,
                guint      sub)
{
  return row->cells[column * row->n_sub + sub];
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

/* More characters than this never show: a cell stops after a few lines,
 * and a column is never wider than the page. Cutting the text first keeps
 * a 10,000-character note from being shaped in full, again and again. */
static gsize
visible_chars (double width,
               double size,
               guint  max_lines)
{
  /* The narrowest glyphs ("i", "l") are about a quarter of an em. */
  if (width > 0 && max_lines > 0)
    return max_lines * (gsize) ceil (width / (size * 0.25)) + 1;
  /* A paragraph wraps as long as it is. */
  if (width > 0)
    return G_MAXSIZE;
  return 600;
}

static void
set_markup (PangoLayout *layout,
            const char  *markup,
            gsize        max_chars)
{
  g_autofree char *text = NULL;
  PangoAttrList *attributes = NULL;
  const char *cut;

  /* Markup never has more characters than its text: short ones as are. */
  if (max_chars == G_MAXSIZE || g_utf8_strlen (markup, -1) <= (glong) max_chars ||
      !pango_parse_markup (markup, -1, 0, &attributes, &text, NULL, NULL))
    {
      pango_layout_set_markup (layout, markup, -1);
      return;
    }

  /* Attributes past the end of the text are clamped by Pango. */
  cut = g_utf8_offset_to_pointer (text, MIN ((glong) max_chars, g_utf8_strlen (text, -1)));
  pango_layout_set_text (layout, text, cut - text);
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
}

static PangoLayout *
create_text (cairo_t    *cr,
             const char *markup,
             double      size,
             gboolean    bold,
             double      width,
             guint       max_lines,
             Align       align)
{
  PangoLayout *layout = shk_chart_create_layout (cr, NULL, size, bold);

  set_markup (layout, markup != NULL ? markup : "", visible_chars (width, size, max_lines));
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (max_lines > 0)
        {
          pango_layout_set_height (layout, -(int) max_lines);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
    }
  pango_layout_set_alignment (layout, align == ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                      : align == ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                      : PANGO_ALIGN_LEFT);
  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static double
natural_width (cairo_t    *cr,
               const char *markup,
               double      size,
               gboolean    bold)
{
  g_autoptr(PangoLayout) layout = create_text (cr, markup, size, bold, -1, 0, ALIGN_LEFT);
  double width;

  text_size (layout, &width, NULL);
  return width;
}

/* The widest word of a heading: where it can wrap without breaking one.
 * Japanese has no spaces, so a Japanese heading is one word; the caller
 * caps it. */
static double
widest_word (cairo_t    *cr,
             const char *markup,
             double      size)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;
  double widest = 0;

  if (!pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    return natural_width (cr, markup, size, TRUE);
  words = g_strsplit_set (text, " \n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (words[i], -1);

      widest = MAX (widest, natural_width (cr, escaped, size, TRUE));
    }
  return widest;
}

static void
show_text (cairo_t       *cr,
           PangoLayout   *layout,
           const ShkRgba *color,
           double         x,
           double         y)
{
  shk_chart_set_source (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* ------------------------------------------------------------------ */
/* Table layout                                                        */

static double
pad_x (const Table *table)
{
  return table->size * 0.55;
}

static double
pad_y (const Table *table)
{
  return table->size * 0.28;
}

/* Widths at the current text size; FALSE when even the narrowest widths
 * do not fit in @width. */
static gboolean
table_fit_columns (Table   *table,
                   cairo_t *cr,
                   double   width)
{
  guint n = table->columns->len;
  g_autofree double *natural = g_new0 (double, n);
  g_autofree double *minimum = g_new0 (double, n);
  double fixed = 0, wrap_min = 0, wrap_natural = 0, total_weight = 0, spare;
  double pad = 2 * pad_x (table);

  for (guint c = 0; c < n; c++)
    {
      Column *column = g_ptr_array_index (table->columns, c);
      double heading = MIN (widest_word (cr, column->heading, table->size), table->size * 6);

      natural[c] = 0;
      for (guint r = 0; r < table->rows->len; r++)
        {
          Row *row = g_ptr_array_index (table->rows, r);

          if (row->group != NULL)
            continue;
          for (guint s = 0; s < (column->per_sub ? row->n_sub : 1); s++)
            {
              const char *markup = row_get_markup (row, c, s);

              if (markup != NULL)
                natural[c] = MAX (natural[c], natural_width (cr, markup, table->size, FALSE));
            }
        }
      natural[c] = MAX (natural[c], heading) + pad;

      if (column->wrap)
        {
          minimum[c] = MAX (column->min_em * table->size, heading) + pad;
          natural[c] = MAX (natural[c], minimum[c]);
          wrap_min += minimum[c];
          wrap_natural += natural[c];
          total_weight += column->weight;
        }
      else
        {
          natural[c] = MAX (natural[c], table->figure_em * table->size);
          column->width = natural[c];
          fixed += natural[c];
        }
    }

  if (fixed + wrap_min > width)
    {
      for (guint c = 0; c < n; c++)
        {
          Column *column = g_ptr_array_index (table->columns, c);

          if (column->wrap)
            column->width = minimum[c];
        }
      return FALSE;
    }

  /* Wrapping columns grow from their minimum towards their natural width
   * in proportion to what they lack; what is left after that goes to
   * them by weight, so every table spans the text width. */
  spare = width - fixed - wrap_min;
  for (guint c = 0; c < n; c++)
    {
      Column *column = g_ptr_array_index (table->columns, c);

      if (!column->wrap)
        continue;
      column->width = minimum[c];
      if (wrap_natural > wrap_min)
        column->width += MIN (spare, wrap_natural - wrap_min) *
                         (natural[c] - minimum[c]) / (wrap_natural - wrap_min);
    }
  spare = MAX (spare - (wrap_natural - wrap_min), 0);
  for (guint c = 0; c < n && spare > 0 && !table->compact; c++)
    {
      Column *column = g_ptr_array_index (table->columns, c);

      if (total_weight > 0)
        column->width += column->wrap ? spare * column->weight / total_weight : 0;
      else
        column->width += spare / n;
    }
  return TRUE;
}

static double
cell_height (Table        *table,
             cairo_t      *cr,
             const Column *column,
             const char   *markup)
{
  g_autoptr(PangoLayout) layout = NULL;
  double height;

  if (markup == NULL)
    return 0;
  layout = create_text (cr, markup, table->size, FALSE, column->width - 2 * pad_x (table),
                        column->wrap ? column->max_lines : MAX (column->max_lines, 1),
                        column->align);
  text_size (layout, NULL, &height);
  return height + 2 * pad_y (table);
}

static void
table_measure_rows (Table   *table,
                    cairo_t *cr,
                    double   width)
{
  guint n = table->columns->len;
  double line = 0;

  table->header_height = 0;
  for (guint c = 0; c < n; c++)
    {
      Column *column = g_ptr_array_index (table->columns, c);
      g_autoptr(PangoLayout) layout = create_text (cr, column->heading, table->size, TRUE,
                                                   column->width - 2 * pad_x (table), 3,
                                                   ALIGN_CENTER);
      double height;

      text_size (layout, NULL, &height);
      table->header_height = MAX (table->header_height, height + 2 * pad_y (table));
    }

  {
    g_autoptr(PangoLayout) layout = create_text (cr, "Ag", table->size, FALSE, -1, 0, ALIGN_LEFT);

    text_size (layout, NULL, &line);
  }

  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = g_ptr_array_index (table->rows, r);
      double spanning = 0, sum = 0;

      g_free (row->sub_heights);
      row->sub_heights = g_new0 (double, row->n_sub);

      if (row->group != NULL)
        {
          Column full = { .width = width, .wrap = TRUE, .max_lines = 2 };

          row->sub_heights[0] = cell_height (table, cr, &full, row->group);
          row->height = row->sub_heights[0];
          continue;
        }

      for (guint c = 0; c < n; c++)
        {
          Column *column = g_ptr_array_index (table->columns, c);

          if (!column->per_sub)
            {
              spanning = MAX (spanning, cell_height (table, cr, column, row_get_markup (row, c, 0)));
              continue;
            }
          for (guint s = 0; s < row->n_sub; s++)
            row->sub_heights[s] = MAX (row->sub_heights[s],
                                       cell_height (table, cr, column, row_get_markup (row, c, s)));
        }

      /* An empty row still has the height of a line; spare height from
       * the spanning cells goes to the last sub-row. */
      for (guint s = 0; s < row->n_sub; s++)
        {
          row->sub_heights[s] = MAX (row->sub_heights[s], line + 2 * pad_y (table));
          sum += row->sub_heights[s];
        }
      if (spanning > sum)
        row->sub_heights[row->n_sub - 1] += spanning - sum;
      row->height = MAX (spanning, sum);
    }
}

static double
table_width (const Table *table)
{
  double width = 0;

  for (guint c = 0; c < table->columns->len; c++)
    width += ((Column *) g_ptr_array_index (table->columns, c))->width;
  return width;
}

static void
table_layout (Table   *table,
              cairo_t *cr,
              double   width,
              double   size)
{
  /* Smaller text until the columns fit, then the narrowest legible size
   * with cells ellipsized. */
  gboolean fits;

  table->size = size;
  while (!(fits = table_fit_columns (table, cr, width)) && table->size > MIN_TABLE_SIZE)
    table->size = MAX (table->size * 0.93, MIN_TABLE_SIZE);

  /* Still too wide at the smallest size: every column gives up its share,
   * and the cells ellipsize, rather than the table running off the page. */
  if (!fits)
    {
      double scale = width / table_width (table);

      for (guint c = 0; c < table->columns->len; c++)
        ((Column *) g_ptr_array_index (table->columns, c))->width *= scale;
    }
  table_measure_rows (table, cr, width);
}


/* ------------------------------------------------------------------ */
/* Table drawing                                                       */

static void
fill_rect (cairo_t       *cr,
           const ShkRgba *color,
           double         x,
           double         y,
           double         width,
           double         height)
{
  shk_chart_set_source (cr, color);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

static void
hline (cairo_t       *cr,
       const ShkRgba *color,
       double         line_width,
       double         x0,
       double         x1,
       double         y)
{
  shk_chart_set_source (cr, color);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
vline (cairo_t       *cr,
       const ShkRgba *color,
       double         line_width,
       double         x,
       double         y0,
       double         y1)
{
  shk_chart_set_source (cr, color);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x, y0);
  cairo_line_to (cr, x, y1);
  cairo_stroke (cr);
}

/* Draws one cell's text, clipped to the cell, vertically centred. */
static void
draw_cell (Table        *table,
           cairo_t      *cr,
           const Column *column,
           const char   *markup,
           gboolean      bold,
           double        x,
           double        y,
           double        width,
           double        height,
           guint         max_lines)
{
  g_autoptr(PangoLayout) layout = NULL;
  double text_height;

  if (markup == NULL || *markup == '\0')
    return;
  layout = create_text (cr, markup, table->size, bold, width - 2 * pad_x (table), max_lines,
                        column != NULL ? column->align : ALIGN_LEFT);
  text_size (layout, NULL, &text_height);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  show_text (cr, layout, &ink, x + pad_x (table), y + MAX ((height - text_height) / 2, pad_y (table)));
  cairo_restore (cr);
}

static void
draw_header (Table   *table,
             cairo_t *cr,
             double   x0,
             double   y)
{
  double x = x0;
  double width = table_width (table);

  fill_rect (cr, &heading_fill, x0, y, width, table->header_height);
  for (guint c = 0; c < table->columns->len; c++)
    {
      Column *column = g_ptr_array_index (table->columns, c);
      Column centred = *column;

      centred.align = ALIGN_CENTER;
      draw_cell (table, cr, &centred, column->heading, TRUE, x, y, column->width,
                 table->header_height, 3);
      if (c > 0)
        vline (cr, &rule, 0.4, x, y, y + table->header_height);
      x += column->width;
    }
  hline (cr, &rule, 0.8, x0, x0 + width, y);
  hline (cr, &rule, 0.8, x0, x0 + width, y + table->header_height);
}

static void
draw_row (Table   *table,
          cairo_t *cr,
          Row     *row,
          double   x0,
          double   y)
{
  double width = table_width (table);
  double x = x0;

  if (row->group != NULL)
    {
      Column full = { .align = ALIGN_LEFT };

      fill_rect (cr, &group_fill, x0, y, width, row->height);
      draw_cell (table, cr, &full, row->group, TRUE, x0, y, width, row->height, 2);
      hline (cr, &rule, 0.4, x0, x0 + width, y + row->height);
      return;
    }

  if (row->shaded)
    fill_rect (cr, &shade_fill, x0, y, width, row->height);

  for (guint c = 0; c < table->columns->len; c++)
    {
      Column *column = g_ptr_array_index (table->columns, c);

      if (column->per_sub)
        {
          double sy = y;

          for (guint s = 0; s < row->n_sub; s++)
            {
              draw_cell (table, cr, column, row_get_markup (row, c, s), FALSE, x, sy,
                         column->width, row->sub_heights[s], column->max_lines);
              sy += row->sub_heights[s];
              if (s + 1 < row->n_sub)
                hline (cr, &light_rule, 0.3, x, x + column->width, sy);
            }
        }
      else
        draw_cell (table, cr, column, row_get_markup (row, c, 0), FALSE, x, y,
                   column->width, row->height, column->max_lines);

      if (c > 0)
        vline (cr, &light_rule, 0.4, x, y, y + row->height);
      x += column->width;
    }
  hline (cr, &rule, 0.4, x0, x0 + width, y + row->height);
}

/* ------------------------------------------------------------------ */
/* Blocks and pages                                                    */

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_CHART,
  BLOCK_TABLE,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef enum
{
  CHART_SUMMARY,
  CHART_PARETO,
  CHART_PAYBACK,
} ChartKind;

typedef struct
{
  BlockKind  kind;
  char      *markup;
  double     size;
  gboolean   bold;
  ChartKind  chart;
  guint      scenario;        /* for CHART_PAYBACK */
  double     chart_fraction;  /* of the text height */
  Table     *table;
  double     height;          /* computed, but for tables */
  double     space_after;
} Block;

typedef struct
{
  Block    *block;
  double    y;
  guint     first_row;        /* tables: the rows on this page */
  guint     n_rows;
  gboolean  continued;
} Placement;

/* A scenario's figures, computed once. */
typedef struct
{
  char                   *name;
  char                   *description;
  ShkPaybackSeriesSet    *series;      /* the scenario's one series, or none */
  const ShkPaybackResult *result;      /* in @series; NULL when it cannot be computed */
  char                   *problem;     /* why, then */
} ScenarioFigures;

struct _ShkReport
{
  GObject     parent_instance;

  double      width;
  double      height;
  double      text_size;
  char       *title;
  char       *date_text;

  ShkSummary *summary;
  ShkSurvey  *survey;
  ShkRanking *ranking;
  GPtrArray  *scenarios;     /* ScenarioFigures */

  GPtrArray  *blocks;        /* Block */
  GPtrArray  *pages;         /* GArray of Placement */
};

G_DEFINE_FINAL_TYPE (ShkReport, shk_report, G_TYPE_OBJECT)

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->markup);
  g_clear_pointer (&block->table, table_free);
  g_free (block);
}

static void
scenario_figures_free (gpointer data)
{
  ScenarioFigures *figures = data;

  g_free (figures->name);
  g_free (figures->description);
  g_clear_pointer (&figures->series, shk_payback_series_set_free);
  g_free (figures->problem);
  g_free (figures);
}

static void
shk_report_finalize (GObject *object)
{
  ShkReport *self = SHK_REPORT (object);

  g_free (self->title);
  g_free (self->date_text);
  g_clear_pointer (&self->summary, shk_summary_free);
  g_clear_pointer (&self->ranking, shk_ranking_free);
  g_clear_object (&self->survey);
  g_ptr_array_unref (self->scenarios);
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->pages);

  G_OBJECT_CLASS (shk_report_parent_class)->finalize (object);
}

static void
shk_report_class_init (ShkReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shk_report_finalize;
}

static void
shk_report_init (ShkReport *self)
{
  self->scenarios = g_ptr_array_new_with_free_func (scenario_figures_free);
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

static Block *
add_block (ShkReport *self,
           BlockKind  kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->size = self->text_size;
  block->space_after = self->text_size * 0.8;
  g_ptr_array_add (self->blocks, block);
  return block;
}

static void
add_title (ShkReport  *self,
           const char *markup)
{
  Block *block = add_block (self, BLOCK_TITLE);

  block->markup = g_strdup (markup);
  block->size = self->text_size * 2.0;
  block->bold = TRUE;
  block->space_after = self->text_size * 0.6;
}

static void
add_heading (ShkReport  *self,
             const char *text)
{
  Block *block = add_block (self, BLOCK_HEADING);

  block->markup = g_markup_escape_text (text, -1);
  block->size = self->text_size * 1.45;
  block->bold = TRUE;
  block->space_after = self->text_size * 0.5;
}

/* A heading over a part of a section, such as one list of measures. */
static void
add_subheading (ShkReport  *self,
                const char *text)
{
  Block *block = add_block (self, BLOCK_HEADING);

  block->markup = g_markup_escape_text (text, -1);
  block->size = self->text_size * 1.15;
  block->bold = TRUE;
  block->space_after = self->text_size * 0.4;
}

static void
add_paragraph (ShkReport  *self,
               const char *markup,
               double      size_factor)
{
  Block *block = add_block (self, BLOCK_TEXT);

  block->markup = g_strdup (markup);
  block->size = self->text_size * size_factor;
}

static void
add_text (ShkReport  *self,
          const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  add_paragraph (self, markup, 1.0);
}

static void
add_chart (ShkReport *self,
           ChartKind  chart,
           guint      scenario,
           double     fraction)
{
  Block *block = add_block (self, BLOCK_CHART);

  block->chart = chart;
  block->scenario = scenario;
  block->chart_fraction = fraction;
  block->space_after = self->text_size * 1.2;
}

static void
add_table (ShkReport *self,
           Table     *table)
{
  Block *block = add_block (self, BLOCK_TABLE);

  block->table = table;
  block->space_after = self->text_size * 1.4;
}

static void
add_page_break (ShkReport *self)
{
  add_block (self, BLOCK_PAGE_BREAK);
}

/* ------------------------------------------------------------------ */
/* Figures as text                                                     */

static char *
format_rate (double rate)
{
  return g_strdup_printf ("%.1f%%", rate * 100.0);
}

static char *
format_share (double share)
{
  return g_strdup_printf ("%.1f%%", share * 100.0);
}

static char *
format_yen (double amount)
{
  g_autofree char *number = shk_format_number (fabs (amount));

  return g_strdup_printf ("%s¥%s", amount < 0 ? "−" : "", number);
}

static char *
muted_markup (const char *text)
{
  return g_markup_printf_escaped ("<span foreground='#66666e'>%s</span>", text);
}

static GPtrArray *
list_to_array (GListModel *model)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

static char *
evaluation_heading (ShkEvaluation *evaluation)
{
  const char *label = shk_evaluation_get_label (evaluation);

  if (label != NULL && *label != '\0')
    return g_strdup_printf ("%s\n%s", shk_evaluation_get_id (evaluation), label);
  return g_strdup (shk_evaluation_get_id (evaluation));
}

static const char *
year_label (ShkPlan    *plan,
            const char *year_id)
{
  ShkFiscalYear *year = year_id != NULL ? shk_plan_find_fiscal_year (plan, year_id) : NULL;

  return year != NULL ? shk_fiscal_year_get_label (year) : year_id;
}

/* The reporting year's progress evaluation (R2/R2), or NULL. */
static ShkEvaluation *
progress_evaluation (ShkPlan *plan)
{
  g_autofree char *id = NULL;
  const char *reporting = shk_plan_get_reporting_year (plan);

  if (reporting == NULL || *reporting == '\0')
    return NULL;
  id = g_strdup_printf ("%s/%s", reporting, reporting);
  return shk_plan_find_evaluation (plan, id);
}

/* The evaluation a year before @evaluation against the same target (R1/R3
 * before R2/R3), to tell which measures have newly reached ◎. */
static ShkEvaluation *
previous_evaluation (ShkPlan       *plan,
                     ShkEvaluation *evaluation)
{
  GListModel *years = shk_plan_get_fiscal_years (plan);
  guint n = g_list_model_get_n_items (years);
  ShkEvaluation *found = NULL;

  for (guint i = 1; i < n && found == NULL; i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);
      g_autoptr(ShkFiscalYear) before = g_list_model_get_item (years, i - 1);
      g_autofree char *id = NULL;

      if (!g_str_equal (shk_fiscal_year_get_id (year), shk_evaluation_get_actual_year (evaluation)))
        continue;
      id = g_strdup_printf ("%s/%s", shk_fiscal_year_get_id (before),
                            shk_evaluation_get_target_year (evaluation));
      found = shk_plan_find_evaluation (plan, id);
    }
  return found;
}

static char *
grade_markup (ShkPlan       *plan,
              ShkMeasure    *measure,
              ShkEvaluation *evaluation)
{
  ShkGradeInfo info;

  shk_plan_grade_measure (plan, measure, evaluation, &info);
  if (info.effective == SHK_GRADE_NONE)
    return NULL;
  /* A mark where the office's judgement departs from the figures. */
  if (info.origin == SHK_GRADE_ORIGIN_OVERRIDDEN)
    return g_markup_printf_escaped ("%s<sup>*</sup>", shk_grade_to_symbol (info.effective));
  return g_markup_escape_text (shk_grade_to_symbol (info.effective), -1);
}

static char *
measure_rate_markup (ShkPlan       *plan,
                     ShkMeasure    *measure,
                     ShkEvaluation *evaluation)
{
  ShkGradeInfo info;
  g_autofree char *text = NULL;

  if (evaluation == NULL)
    return NULL;
  shk_plan_grade_measure (plan, measure, evaluation, &info);
  if (!info.has_rate)
    return NULL;
  text = format_rate (info.rate);
  return g_markup_escape_text (text, -1);
}

/* ------------------------------------------------------------------ */
/* 1. Grade summary                                                    */

static char *
grade_name (ShkGrade grade)
{
  /* TRANSLATORS: a grade's symbol and its label, e.g. “◎ Fully achieved” */
  return g_strdup_printf (_("%s %s"), shk_grade_to_symbol (grade), shk_grade_get_label (grade));
}

static Table *
summary_table (ShkReport *self)
{
  static const ShkGrade grades[] = {
    SHK_GRADE_ACHIEVED, SHK_GRADE_MOSTLY, SHK_GRADE_LAGGING, SHK_GRADE_PENDING,
  };
  Table *table = table_new (_("Grade summary"));
  gboolean any_not_evaluated = FALSE;
  Row *row;

  table->compact = TRUE;
  table->figure_em = 7;
  add_text_column (table, _("Grade"), 10, 1, 2);
  for (guint c = 0; c < self->summary->n_columns; c++)
    {
      g_autofree char *heading = evaluation_heading (self->summary->columns[c].evaluation);

      add_figure_column (table, heading, ALIGN_RIGHT);
      any_not_evaluated |= self->summary->columns[c].count[SHK_GRADE_NONE] > 0;
    }

  for (guint g = 0; g < G_N_ELEMENTS (grades); g++)
    {
      g_autofree char *name = grade_name (grades[g]);

      row = table_add_row (table, 1);
      row_set_text (row, 0, 0, name);
      for (guint c = 0; c < self->summary->n_columns; c++)
        {
          const ShkSummaryColumn *column = &self->summary->columns[c];
          g_autofree char *share = format_share (shk_summary_column_share (column, grades[g]));

          row_take_markup (row, c + 1, 0,
                           g_markup_printf_escaped ("<b>%u</b> (%s)", column->count[grades[g]], share));
        }
    }

  row = table_add_row (table, 1);
  row->shaded = TRUE;
  row_set_text (row, 0, 0, _("Total counted"));
  for (guint c = 0; c < self->summary->n_columns; c++)
    row_take_markup (row, c + 1, 0,
                     g_markup_printf_escaped ("<b>%u</b>", self->summary->columns[c].counted));

  if (any_not_evaluated)
    {
      row = table_add_row (table, 1);
      row_set_text (row, 0, 0, _("Not evaluated"));
      for (guint c = 0; c < self->summary->n_columns; c++)
        row_take_markup (row, c + 1, 0,
                         g_strdup_printf ("%u", self->summary->columns[c].count[SHK_GRADE_NONE]));
    }
  return table;
}

static void
add_grade_legend (ShkReport *self,
                  ShkPlan   *plan)
{
  double achieved = shk_plan_get_achieved_threshold (plan);
  double mostly = shk_plan_get_mostly_threshold (plan);
  g_autofree char *a = grade_name (SHK_GRADE_ACHIEVED);
  g_autofree char *m = grade_name (SHK_GRADE_MOSTLY);
  g_autofree char *l = grade_name (SHK_GRADE_LAGGING);
  g_autofree char *p = grade_name (SHK_GRADE_PENDING);
  g_autofree char *la = g_strdup_printf (_("the rate is %g%% or more"), achieved);
  g_autofree char *lm = g_strdup_printf (_("the rate is %g%% or more and below %g%%"),
                                         mostly, achieved);
  g_autofree char *ll = g_strdup_printf (_("the rate is below %g%%"), mostly);
  g_autofree char *markup = NULL;

  markup = g_markup_printf_escaped ("<b>%s</b>  %s\n<b>%s</b>  %s\n<b>%s</b>  %s\n<b>%s</b>  %s\n"
                                    "<span foreground='#66666e'>%s</span>",
                                    a, la, m, lm, l, ll, p,
                                    _("no budget yet, not yet in operation, or under consideration"),
                                    _("An achievement rate is a year’s actual ÷ the final year’s "
                                      "target; a progress rate is a year’s actual ÷ the same "
                                      "year’s target; where lower is better, target ÷ actual. A "
                                      "measure with several indicators takes its lowest rate. "
                                      "Measures without a target are judged by the office from "
                                      "what was done."));
  add_paragraph (self, markup, 0.95);
}

static void
add_summary_section (ShkReport *self,
                     ShkPlan   *plan)
{
  const char *organisation = shk_plan_get_organisation (plan);
  const char *reporting = shk_plan_get_reporting_year (plan);
  g_autofree char *title = g_markup_escape_text (self->title, -1);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  add_title (self, title);
  if (organisation != NULL && *organisation != '\0')
    g_string_append (subtitle, organisation);
  if (reporting != NULL && *reporting != '\0')
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("Progress as of the end of %s"),
                              year_label (plan, reporting));
    }
  if (subtitle->len > 0)
    {
      g_autofree char *markup = muted_markup (subtitle->str);

      add_paragraph (self, markup, 1.25);
    }

  add_heading (self, _("1. Grade summary"));
  add_chart (self, CHART_SUMMARY, 0, 0.36);
  add_table (self, summary_table (self));
  add_grade_legend (self, plan);
}

/* ------------------------------------------------------------------ */
/* 2. Measures fully achieved, 3. measures lagging                    */

static Table *
achieved_table (ShkReport     *self,
                ShkPlan       *plan,
                GPtrArray     *measures,
                ShkEvaluation *evaluation,
                ShkEvaluation *previous)
{
  g_autofree char *rate_heading = g_strdup_printf (_("Rate %s"), shk_evaluation_get_id (evaluation));
  g_autofree char *previous_heading = previous != NULL ? evaluation_heading (previous) : NULL;
  Table *table = table_new (_("Measures fully achieved"));

  add_figure_column (table, _("No."), ALIGN_RIGHT);
  add_text_column (table, _("Measure"), 14, 3, 2);
  add_figure_column (table, rate_heading, ALIGN_RIGHT);
  if (previous != NULL)
    add_figure_column (table, previous_heading, ALIGN_CENTER);
  add_text_column (table, _("Grounds where there is no rate"), 12, 2, 3);

  for (guint i = 0; i < measures->len; i++)
    {
      ShkMeasure *measure = g_ptr_array_index (measures, i);
      Row *row = table_add_row (table, 1);
      guint c = 0;
      ShkGradeInfo info;

      shk_plan_grade_measure (plan, measure, evaluation, &info);
      row_take_markup (row, c++, 0, g_strdup_printf ("%u", shk_measure_get_number (measure)));
      row_set_text (row, c++, 0, shk_measure_get_name (measure));
      row_take_markup (row, c++, 0, measure_rate_markup (plan, measure, evaluation));
      if (previous != NULL)
        {
          ShkGrade before = shk_plan_get_effective_grade (plan, measure, previous);

          row_take_markup (row, c++, 0, grade_markup (plan, measure, previous));
          /* Newly achieved, as the handouts list them. */
          row->shaded = before != SHK_GRADE_ACHIEVED;
        }
      /* Where there is no rate, the reason for the office's grade. */
      if (info.has_manual && info.reason != NULL && *info.reason != '\0')
        row_set_text (row, c, 0, info.reason);
      else if (!info.has_rate)
        row_set_text (row, c, 0, _("Judged by the office"));
    }
  return table;
}

static void
add_achieved_section (ShkReport     *self,
                      ShkPlan       *plan,
                      ShkEvaluation *evaluation)
{
  g_autoptr(GPtrArray) measures = shk_plan_list_measures_with_grade (plan, evaluation,
                                                                     SHK_GRADE_ACHIEVED, TRUE);
  ShkEvaluation *previous = previous_evaluation (plan, evaluation);
  g_autofree char *heading = NULL;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "2. Measures fully achieved (◎) in %s: %u measure",
                                          "2. Measures fully achieved (◎) in %s: %u measures",
                                          measures->len),
                             shk_evaluation_get_id (evaluation), measures->len);
  add_page_break (self);
  add_heading (self, heading);
  if (measures->len == 0)
    {
      add_text (self, _("No measure is fully achieved."));
      return;
    }
  if (previous != NULL)
    {
      g_autofree char *note = g_strdup_printf (_("Shaded rows were not fully achieved in %s: "
                                                 "they reached ◎ this year."),
                                               shk_evaluation_get_id (previous));
      g_autofree char *markup = muted_markup (note);

      add_paragraph (self, markup, 0.95);
    }
  add_table (self, achieved_table (self, plan, measures, evaluation, previous));
}

/* What the committee wants to know of a lagging measure: the office's
 * reason when it judged the grade, else what was done this year. (The
 * measure's notes are the office's own working notes: not for print.) */
static char *
measure_remarks (ShkPlan       *plan,
                 ShkMeasure    *measure,
                 ShkEvaluation *evaluation)
{
  ShkGradeInfo info;

  shk_plan_grade_measure (plan, measure, evaluation, &info);
  if (info.has_manual && info.reason != NULL && *info.reason != '\0')
    return g_strdup (info.reason);
  return g_strdup (shk_measure_get_actions (measure));
}

static void
add_lagging_rows (Table         *table,
                  ShkPlan       *plan,
                  GPtrArray     *measures,
                  GPtrArray     *evaluations,
                  ShkEvaluation *evaluation)
{
  for (guint i = 0; i < measures->len; i++)
    {
      ShkMeasure *measure = g_ptr_array_index (measures, i);
      Row *row = table_add_row (table, 1);
      g_autofree char *notes = measure_remarks (plan, measure, evaluation);
      guint c = 0;

      row_take_markup (row, c++, 0, g_strdup_printf ("%u", shk_measure_get_number (measure)));
      row_set_text (row, c++, 0, shk_measure_get_name (measure));
      for (guint e = 0; e < evaluations->len; e++)
        row_take_markup (row, c++, 0, grade_markup (plan, measure, g_ptr_array_index (evaluations, e)));
      row_take_markup (row, c++, 0, measure_rate_markup (plan, measure, evaluation));
      row_set_text (row, c, 0, notes);
    }
}

static void
add_lagging_section (ShkReport     *self,
                     ShkPlan       *plan,
                     ShkEvaluation *evaluation)
{
  g_autoptr(GPtrArray) measures = shk_plan_list_measures_with_grade (plan, evaluation,
                                                                     SHK_GRADE_LAGGING, TRUE);
  g_autoptr(GPtrArray) evaluations = list_to_array (shk_plan_get_evaluations (plan));
  g_autoptr(GPtrArray) both = g_ptr_array_new ();
  g_autoptr(GPtrArray) only = g_ptr_array_new ();
  ShkEvaluation *progress = progress_evaluation (plan);
  g_autofree char *heading = NULL;
  g_autofree char *rate_heading = g_strdup_printf (_("Rate %s"), shk_evaluation_get_id (evaluation));
  Table *table;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "3. Measures not really achieved (△) in %s: %u measure",
                                          "3. Measures not really achieved (△) in %s: %u measures",
                                          measures->len),
                             shk_evaluation_get_id (evaluation), measures->len);
  add_heading (self, heading);
  if (measures->len == 0)
    {
      add_text (self, _("No measure is lagging."));
      return;
    }

  table = table_new (_("Measures not really achieved"));
  add_figure_column (table, _("No."), ALIGN_RIGHT);
  add_text_column (table, _("Measure"), 12, 4, 3);
  for (guint e = 0; e < evaluations->len; e++)
    {
      g_autofree char *grade_heading = evaluation_heading (g_ptr_array_index (evaluations, e));

      add_figure_column (table, grade_heading, ALIGN_CENTER);
    }
  add_figure_column (table, rate_heading, ALIGN_RIGHT);
  add_text_column (table, _("Actions and remarks"), 12, 5, 3);

  /* As the handouts do: first those lagging in this year's progress too,
   * then those on track this year but short of the final target. */
  for (guint i = 0; i < measures->len; i++)
    {
      ShkMeasure *measure = g_ptr_array_index (measures, i);

      if (progress != NULL &&
          shk_plan_get_effective_grade (plan, measure, progress) != SHK_GRADE_LAGGING)
        g_ptr_array_add (only, measure);
      else
        g_ptr_array_add (both, measure);
    }

  if (progress != NULL && both->len > 0 && only->len > 0)
    {
      g_autofree char *first = g_strdup_printf (_("△ in both %s and %s (%u)"),
                                                shk_evaluation_get_id (evaluation),
                                                shk_evaluation_get_id (progress), both->len);
      g_autofree char *second = g_strdup_printf (_("△ in %s, but on track in %s (%u)"),
                                                 shk_evaluation_get_id (evaluation),
                                                 shk_evaluation_get_id (progress), only->len);

      table_add_group (table, first);
      add_lagging_rows (table, plan, both, evaluations, evaluation);
      table_add_group (table, second);
      add_lagging_rows (table, plan, only, evaluations, evaluation);
    }
  else
    add_lagging_rows (table, plan, measures, evaluations, evaluation);

  add_table (self, table);
}

/* ------------------------------------------------------------------ */
/* 4. Every measure                                                    */

static char *
value_markup (ShkIndicator *indicator,
              const char   *year_id)
{
  double target, actual;
  gboolean has_target = shk_indicator_get_target (indicator, year_id, &target);
  gboolean has_actual = shk_indicator_get_actual (indicator, year_id, &actual);
  g_autofree char *target_text = has_target ? shk_format_number (target) : g_strdup ("–");
  g_autofree char *actual_text = has_actual ? shk_format_number (actual) : g_strdup ("–");

  if (!has_target && !has_actual)
    return NULL;
  /* The target above in grey, the actual below it in bold: the figure the
   * committee reads first. */
  return g_markup_printf_escaped ("<span foreground='#66666e'>%s</span>\n<b>%s</b>",
                                  target_text, actual_text);
}

static char *
indicator_markup (ShkIndicator *indicator)
{
  const char *label = shk_indicator_get_label (indicator);
  const char *unit = shk_indicator_get_unit (indicator);

  if (unit != NULL && *unit != '\0')
    return g_markup_printf_escaped ("%s <span foreground='#66666e'>(%s)</span>",
                                    label != NULL && *label != '\0' ? label : "", unit);
  return g_markup_escape_text (label != NULL ? label : "", -1);
}

static char *
indicator_rate_markup (ShkIndicator  *indicator,
                       ShkEvaluation *evaluation)
{
  double rate;
  g_autofree char *text = NULL;

  if (evaluation == NULL ||
      !shk_indicator_compute_rate (indicator, shk_evaluation_get_actual_year (evaluation),
                                   shk_evaluation_get_target_year (evaluation), &rate))
    return NULL;
  text = format_rate (rate);
  return g_markup_escape_text (text, -1);
}

static char *
measure_name_markup (ShkPlan    *plan,
                     ShkMeasure *measure)
{
  const char *added = shk_measure_get_year_added (measure);
  const char *section = shk_measure_get_section (measure);
  g_autoptr(GString) note = g_string_new (NULL);

  if (section != NULL && *section != '\0')
    g_string_append (note, section);
  if (added != NULL && *added != '\0')
    {
      if (note->len > 0)
        g_string_append (note, " · ");
      g_string_append_printf (note, _("added in %s"), added);
    }
  if (note->len == 0)
    return g_markup_escape_text (shk_measure_get_name (measure), -1);
  return g_markup_printf_escaped ("%s\n<span size='85%%' foreground='#66666e'>%s</span>",
                                  shk_measure_get_name (measure), note->str);
}

static void
add_measure_row (Table         *table,
                 ShkPlan       *plan,
                 ShkMeasure    *measure,
                 GPtrArray     *years,
                 GPtrArray     *evaluations,
                 ShkEvaluation *progress,
                 ShkEvaluation *reporting)
{
  GListModel *indicators = shk_measure_get_indicators (measure);
  guint n = g_list_model_get_n_items (indicators);
  Row *row = table_add_row (table, n);
  guint c = 0;

  row_take_markup (row, c++, 0, g_strdup_printf ("%u", shk_measure_get_number (measure)));
  row_take_markup (row, c++, 0, measure_name_markup (plan, measure));

  if (n == 0)
    {
      ShkGradeInfo info;

      shk_plan_grade_measure (plan, measure, reporting, &info);
      row_take_markup (row, c, 0, muted_markup (info.reason != NULL && *info.reason != '\0'
                                                ? info.reason : _("No indicator")));
    }
  for (guint s = 0; s < n; s++)
    {
      g_autoptr(ShkIndicator) indicator = g_list_model_get_item (indicators, s);
      guint k = c;

      gboolean any_value = FALSE;

      row_take_markup (row, k++, s, indicator_markup (indicator));
      k++;   /* the Target/Actual labels, once there are figures to label */
      for (guint y = 0; y < years->len; y++)
        {
          char *values = value_markup (indicator, shk_fiscal_year_get_id (g_ptr_array_index (years, y)));

          any_value |= values != NULL;
          row_take_markup (row, k++, s, values);
        }
      if (any_value)
        row_take_markup (row, c + 1, s,
                         g_markup_printf_escaped ("<span foreground='#66666e'>%s</span>\n<b>%s</b>",
                                                  _("Target"), _("Actual")));
      if (progress != NULL)
        row_take_markup (row, k++, s, indicator_rate_markup (indicator, progress));
      row_take_markup (row, k++, s, indicator_rate_markup (indicator, reporting));
    }

  c += 2 + years->len + (progress != NULL ? 1 : 0) + 1;
  for (guint e = 0; e < evaluations->len; e++)
    row_take_markup (row, c++, 0, grade_markup (plan, measure, g_ptr_array_index (evaluations, e)));
}

static Table *
measures_table (ShkPlan       *plan,
                ShkEvaluation *reporting)
{
  g_autoptr(GPtrArray) years = list_to_array (shk_plan_get_fiscal_years (plan));
  g_autoptr(GPtrArray) evaluations = list_to_array (shk_plan_get_evaluations (plan));
  g_autoptr(GPtrArray) measures = list_to_array (shk_plan_get_measures (plan));
  ShkEvaluation *progress = progress_evaluation (plan);
  Table *table = table_new (_("Every measure"));
  guint policy = G_MAXUINT;

  add_figure_column (table, _("No."), ALIGN_RIGHT);
  add_text_column (table, _("Measure"), 9, 3, 4);
  add_text_column (table, _("Indicator"), 8, 3, 3)->per_sub = TRUE;
  add_figure_column (table, "", ALIGN_LEFT)->per_sub = TRUE;
  for (guint y = 0; y < years->len; y++)
    add_figure_column (table, shk_fiscal_year_get_id (g_ptr_array_index (years, y)),
                       ALIGN_RIGHT)->per_sub = TRUE;
  if (progress != NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Rate %s"), shk_evaluation_get_id (progress));

      add_figure_column (table, heading, ALIGN_RIGHT)->per_sub = TRUE;
    }
  {
    g_autofree char *heading = g_strdup_printf (_("Rate %s"), shk_evaluation_get_id (reporting));

    add_figure_column (table, heading, ALIGN_RIGHT)->per_sub = TRUE;
  }
  for (guint e = 0; e < evaluations->len; e++)
    {
      g_autofree char *heading = evaluation_heading (g_ptr_array_index (evaluations, e));

      add_figure_column (table, heading, ALIGN_CENTER);
    }

  for (guint i = 0; i < measures->len; i++)
    {
      ShkMeasure *measure = g_ptr_array_index (measures, i);

      /* A group row where a new policy (施策) starts. */
      if (shk_measure_get_policy_number (measure) != policy)
        {
          ShkPolicy *found;

          policy = shk_measure_get_policy_number (measure);
          found = shk_plan_find_policy (plan, policy);
          if (found != NULL)
            {
              g_autofree char *text = g_strdup_printf (_("Policy %u: %s"), policy,
                                                       shk_policy_get_name (found));

              table_add_group (table, text);
            }
        }
      add_measure_row (table, plan, measure, years, evaluations, progress, reporting);
    }
  return table;
}

static void
add_measures_section (ShkReport     *self,
                      ShkPlan       *plan,
                      ShkEvaluation *reporting)
{
  g_autoptr(GPtrArray) departures = shk_plan_list_departures (plan);
  g_autofree char *note = NULL;
  g_autofree char *markup = NULL;

  add_page_break (self);
  add_heading (self, _("4. Progress of every measure"));
  note = g_strdup_printf (_("For each year, the target is above and the actual below it. The "
                            "rates are of %s. Grades marked * are the office’s judgement where it "
                            "departs from the figures (%u)."),
                          shk_evaluation_get_id (reporting), departures->len);
  markup = muted_markup (note);
  add_paragraph (self, markup, 0.95);
  add_table (self, measures_table (plan, reporting));
}

/* ------------------------------------------------------------------ */
/* 5. The AI/RPA survey                                                */

static Table *
ranking_table (ShkReport *self)
{
  const ShkRanking *ranking = self->ranking;
  Table *table = table_new (_("Work processes by annual hours"));
  Row *row;

  add_figure_column (table, _("Rank"), ALIGN_RIGHT);
  add_text_column (table, _("Process"), 10, 3, 2);
  add_text_column (table, _("Business"), 8, 2, 2);
  add_text_column (table, _("Section"), 6, 1, 2);
  add_text_column (table, _("Priority"), 6, 1, 2);
  add_text_column (table, _("Category"), 5, 1, 2);
  add_figure_column (table, _("Hours/Year"), ALIGN_RIGHT);
  add_figure_column (table, _("Share"), ALIGN_RIGHT);
  add_figure_column (table, _("Cumulative"), ALIGN_RIGHT);
  add_figure_column (table, _("Expected reduction (h/year)"), ALIGN_RIGHT);

  for (guint i = 0; i < ranking->n_processes; i++)
    {
      const ShkRankedProcess *ranked = &ranking->processes[i];
      ShkProcess *process = ranked->process;
      g_autofree char *share = format_share (ranked->share);
      g_autofree char *cumulative = format_share (ranked->cumulative_share);
      double reduction;
      guint c = 0;

      row = table_add_row (table, 1);
      row_take_markup (row, c++, 0, g_strdup_printf ("%u", ranked->rank));
      row_set_text (row, c++, 0, shk_process_get_name (process));
      row_set_text (row, c++, 0, shk_process_get_business (process));
      row_set_text (row, c++, 0, shk_process_get_section (process));
      row_set_text (row, c++, 0, shk_priority_get_label (shk_process_get_priority (process)));
      row_set_text (row, c++, 0, shk_process_get_category (process));
      row_take_markup (row, c++, 0, shk_format_number (ranked->hours));
      row_set_text (row, c++, 0, share);
      row_set_text (row, c++, 0, cumulative);
      if (shk_process_get_expected_reduction (process, &reduction))
        row_take_markup (row, c, 0, shk_format_number (reduction));
    }

  if (ranking->remainder_hours > 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u process not listed",
                                                             "%u processes not listed",
                                                             ranking->remainder_processes),
                                                ranking->remainder_processes);
      g_autofree char *share = format_share (ranking->total_hours > 0
                                             ? ranking->remainder_hours / ranking->total_hours : 0);

      row = table_add_row (table, 1);
      row_take_markup (row, 1, 0, muted_markup (label));
      row_take_markup (row, 6, 0, shk_format_number (ranking->remainder_hours));
      row_set_text (row, 7, 0, share);
    }

  row = table_add_row (table, 1);
  row->shaded = TRUE;
  row_set_text (row, 1, 0, _("Total"));
  {
    g_autofree char *total = shk_format_number (ranking->total_hours);

    row_take_markup (row, 6, 0, g_markup_printf_escaped ("<b>%s</b>", total));
  }
  row_set_text (row, 7, 0, "100.0%");
  return table;
}

static Table *
priority_table (ShkReport *self)
{
  g_autoptr(GPtrArray) breakdown = shk_ranking_breakdown_by_priority (self->ranking);
  Table *table = table_new (_("Processes by priority"));

  table->compact = TRUE;
  table->figure_em = 6;
  add_text_column (table, _("Priority"), 10, 1, 2);
  add_figure_column (table, C_("count", "Processes"), ALIGN_RIGHT);
  add_figure_column (table, _("Hours/Year"), ALIGN_RIGHT);
  add_figure_column (table, _("Share"), ALIGN_RIGHT);
  add_figure_column (table, _("Expected reduction (h/year)"), ALIGN_RIGHT);

  for (guint i = 0; i < breakdown->len; i++)
    {
      const ShkBreakdownRow *item = g_ptr_array_index (breakdown, i);
      Row *row = table_add_row (table, 1);
      g_autofree char *share = format_share (item->share);

      row_set_text (row, 0, 0, item->label);
      row_take_markup (row, 1, 0, g_strdup_printf ("%u", item->count));
      row_take_markup (row, 2, 0, shk_format_number (item->hours));
      row_set_text (row, 3, 0, share);
      if (item->expected_reduction > 0)
        row_take_markup (row, 4, 0, shk_format_number (item->expected_reduction));
    }
  return table;
}

static void
add_survey_section (ShkReport *self)
{
  const ShkRanking *ranking = self->ranking;
  const char *title = shk_survey_get_title (self->survey);
  g_autofree char *heading = NULL;
  g_autofree char *hours = shk_format_number (ranking->total_hours);
  g_autofree char *listed = shk_format_number (ranking->listed_hours);
  g_autofree char *threshold = shk_format_number (shk_survey_get_listing_threshold (self->survey));
  g_autofree char *summary = NULL;
  guint to_80 = shk_ranking_count_to_share (ranking, 0.8);

  add_page_break (self);
  heading = title != NULL && *title != '\0'
    ? g_strdup_printf (_("5. Work processes for AI and RPA: %s"), title)
    : g_strdup (_("5. Work processes for AI and RPA"));
  add_heading (self, heading);

  if (ranking->n_processes == 0)
    {
      add_text (self, _("The survey lists no work processes."));
      return;
    }

  summary = g_strdup_printf (_("The survey covers %u processes in %u sections, %s hours a year in "
                               "all. %u processes of %s hours or more a year are listed: %s hours, "
                               "%.0f%% of the total."),
                             shk_survey_get_total_processes (self->survey),
                             shk_survey_get_total_sections (self->survey),
                             hours, ranking->n_processes, threshold, listed,
                             ranking->listed_share * 100.0);
  if (to_80 > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            " The top %u process makes up 80%% of the hours.",
                                                            " The top %u processes make up 80%% of the hours.",
                                                            to_80),
                                               to_80);
      g_autofree char *joined = g_strconcat (summary, more, NULL);

      g_free (summary);
      summary = g_steal_pointer (&joined);
    }
  add_text (self, summary);
  add_chart (self, CHART_PARETO, 0, 0.55);
  add_subheading (self, _("Processes by priority"));
  add_table (self, priority_table (self));
  add_subheading (self, _("Work processes by annual hours"));
  add_table (self, ranking_table (self));
}

/* ------------------------------------------------------------------ */
/* 6. Payback scenarios                                                */

static ScenarioFigures *
scenario_figures_new (ShkPlan     *plan,
                      ShkScenario *scenario)
{
  ScenarioFigures *figures = g_new0 (ScenarioFigures, 1);
  g_autoptr(GError) error = NULL;

  figures->name = g_strdup (shk_scenario_get_name (scenario));
  figures->description = g_strdup (shk_scenario_get_description (scenario));
  figures->series = shk_payback_series_set_new ();
  figures->result = shk_payback_series_set_add (figures->series, plan, scenario, &error);
  if (figures->result == NULL)
    figures->problem = g_strdup (error != NULL ? error->message : "");
  return figures;
}

static void
add_yen_row (Table        *table,
             const char   *label,
             const gint64 *values,
             guint         n,
             gboolean      bold)
{
  Row *row = table_add_row (table, 1);

  row_take_markup (row, 0, 0, bold ? g_markup_printf_escaped ("<b>%s</b>", label)
                                   : g_markup_escape_text (label, -1));
  for (guint y = 0; y < n; y++)
    {
      g_autofree char *text = format_yen ((double) values[y]);

      row_take_markup (row, y + 1, 0, bold ? g_markup_printf_escaped ("<b>%s</b>", text)
                                           : g_markup_escape_text (text, -1));
    }
  row->shaded = bold;
}

static Table *
scenario_table (ShkScenario     *scenario,
                ScenarioFigures *figures)
{
  const ShkPaybackResult *result = figures->result;
  GListModel *items = shk_scenario_get_cost_items (scenario);
  guint n = MIN (result->n_years, figures->series->n_years);
  Table *table = table_new (figures->name);

  add_text_column (table, "", 7, 1, 2);
  for (guint y = 0; y < n; y++)
    add_figure_column (table, figures->series->year_labels[y], ALIGN_RIGHT);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ShkCostItem) item = g_list_model_get_item (items, i);
      g_autofree gint64 *amounts = g_new0 (gint64, MAX (n, 1));

      for (guint y = 0; y < n; y++)
        amounts[y] = (gint64) round (shk_cost_item_get_amount (item, y));
      add_yen_row (table, shk_cost_item_get_name (item), amounts, n, FALSE);
    }
  add_yen_row (table, _("Cost"), result->cost, n, FALSE);
  add_yen_row (table, _("Savings"), result->saving, n, FALSE);
  add_yen_row (table, _("Cumulative cost"), result->cumulative_cost, n, TRUE);
  add_yen_row (table, _("Cumulative savings"), result->cumulative_saving, n, TRUE);
  add_yen_row (table, _("Net (savings − cost)"), result->net, n, FALSE);
  return table;
}

static char *
payback_sentence (ScenarioFigures *figures,
                  ShkScenario     *scenario,
                  ShkPlan         *plan)
{
  const ShkPaybackResult *result = figures->result;
  g_autofree char *net = format_yen ((double) result->net_at_horizon);
  g_autofree char *rate = shk_format_number (shk_scenario_get_hourly_rate (scenario));
  g_autofree char *hours = shk_format_number (shk_plan_get_scenario_hours_saved (plan, scenario));
  g_autofree char *basis = g_strdup_printf (_("Savings: %s hours a year at ¥%s an hour."),
                                            hours, rate);

  if (result->payback_year > 0 && result->payback_year <= figures->series->n_years)
    return g_strdup_printf (_("Pays for itself in %s (month %u of that year); net after %u years: "
                              "%s. %s"),
                            figures->series->year_labels[result->payback_year - 1],
                            result->payback_month, result->n_years, net, basis);
  return g_strdup_printf (_("Does not pay for itself within %u years; net after them: %s. %s"),
                          result->n_years, net, basis);
}

static void
add_scenario_section (ShkReport *self,
                      ShkPlan   *plan)
{
  g_autoptr(GPtrArray) scenarios = list_to_array (shk_plan_get_scenarios (plan));

  for (guint i = 0; i < scenarios->len; i++)
    {
      ShkScenario *scenario = g_ptr_array_index (scenarios, i);
      ScenarioFigures *figures = scenario_figures_new (plan, scenario);
      g_autofree char *heading = NULL;

      g_ptr_array_add (self->scenarios, figures);
      add_page_break (self);
      heading = g_strdup_printf (_("6.%u Cost and benefit: %s"), i + 1, figures->name);
      add_heading (self, heading);
      if (figures->description != NULL && *figures->description != '\0')
        add_text (self, figures->description);

      if (figures->result == NULL)
        {
          g_autofree char *text = g_strdup_printf (_("The payback cannot be computed: %s"),
                                                   figures->problem);

          add_text (self, text);
          continue;
        }

      {
        g_autofree char *sentence = payback_sentence (figures, scenario, plan);
        g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", sentence);

        add_paragraph (self, markup, 1.0);
      }
      add_chart (self, CHART_PAYBACK, i, 0.5);
      add_table (self, scenario_table (scenario, figures));
    }
}

/* ------------------------------------------------------------------ */
/* Pagination                                                          */

static double
content_top (ShkReport *self)
{
  return MARGIN + self->text_size * 2.4;
}

static double
content_bottom (ShkReport *self)
{
  return self->height - MARGIN - self->text_size * 2.0;
}

static double
content_width (ShkReport *self)
{
  return self->width - 2 * MARGIN;
}

static double
chart_height (ShkReport   *self,
              const Block *block)
{
  double available = content_bottom (self) - content_top (self);

  /* Never taller than a 16:9 chart of the full width: on portrait pages
   * the height fraction alone would make it a tower. */
  return MIN (available * block->chart_fraction, content_width (self) * 9.0 / 16.0);
}

static double
continued_caption_height (ShkReport *self)
{
  return self->text_size * 1.6;
}

static void
measure_blocks (ShkReport *self,
                cairo_t   *cr)
{
  double width = content_width (self);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      switch (block->kind)
        {
        case BLOCK_TITLE:
        case BLOCK_HEADING:
        case BLOCK_TEXT:
          {
            g_autoptr(PangoLayout) layout = create_text (cr, block->markup, block->size, block->bold,
                                                         width, 0, ALIGN_LEFT);

            text_size (layout, NULL, &block->height);
          }
          break;
        case BLOCK_CHART:
          block->height = chart_height (self, block);
          break;
        case BLOCK_TABLE:
          table_layout (block->table, cr, width, self->text_size * 0.95);
          break;
        case BLOCK_PAGE_BREAK:
        default:
          block->height = 0;
          break;
        }
    }
}

/* The least of @block that must come on the page it starts on: the
 * heading row and the first row (two, if the first is a group row). */
static double
min_height (const Block *block)
{
  Table *table = block->table;
  double height;

  if (block->kind != BLOCK_TABLE)
    return block->height;

  height = table->header_height;
  for (guint r = 0; r < table->rows->len && r < 2; r++)
    {
      Row *row = g_ptr_array_index (table->rows, r);

      height += row->height;
      if (row->group == NULL)
        break;
    }
  return height;
}

static double
full_height (const Block *block)
{
  double height;

  if (block->kind != BLOCK_TABLE)
    return block->height;
  height = block->table->header_height;
  for (guint r = 0; r < block->table->rows->len; r++)
    height += ((Row *) g_ptr_array_index (block->table->rows, r))->height;
  return height;
}

/* What must fit on the page where @block starts: a short table whole, as
 * splitting a few rows off helps nobody; a long one from its first row. */
static double
start_height (ShkReport   *self,
              const Block *block)
{
  double page = content_bottom (self) - content_top (self);
  double full = full_height (block);

  return full <= page * 0.75 ? full : min_height (block);
}

typedef struct
{
  ShkReport *self;
  GArray    *page;
  double     y;
} Pager;

static void
pager_new_page (Pager *pager)
{
  pager->page = g_array_new (FALSE, TRUE, sizeof (Placement));
  g_ptr_array_add (pager->self->pages, pager->page);
  pager->y = content_top (pager->self);
}

static void
pager_place_table (Pager *pager,
                   Block *block)
{
  ShkReport *self = pager->self;
  Table *table = block->table;
  double bottom = content_bottom (self);
  Placement placement = { .block = block, .y = pager->y };
  guint r = 0;

  pager->y += table->header_height;
  while (r < table->rows->len)
    {
      Row *row = g_ptr_array_index (table->rows, r);
      Row *next = r + 1 < table->rows->len ? g_ptr_array_index (table->rows, r + 1) : NULL;
      /* A group row goes with the row under it. */
      double needed = row->height + (row->group != NULL && next != NULL ? next->height : 0);

      if (pager->y + needed > bottom && placement.n_rows > 0)
        {
          /* Never one row alone at the top of the next page: take the
           * last row of this one along. */
          if (r + 1 == table->rows->len && placement.n_rows >= 3)
            {
              r--;
              placement.n_rows--;
            }
          g_array_append_val (pager->page, placement);
          pager_new_page (pager);
          placement = (Placement) {
            .block = block,
            .y = pager->y,
            .first_row = r,
            .continued = TRUE,
          };
          pager->y += continued_caption_height (self) + table->header_height;
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
paginate (ShkReport *self)
{
  Pager pager = { .self = self };
  double bottom = content_bottom (self);

  pager_new_page (&pager);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      Block *next = i + 1 < self->blocks->len ? g_ptr_array_index (self->blocks, i + 1) : NULL;
      double needed = start_height (self, block);

      if (block->kind == BLOCK_PAGE_BREAK)
        {
          if (pager.page->len > 0)
            pager_new_page (&pager);
          continue;
        }

      /* A heading stays with what it heads. */
      if (block->kind == BLOCK_HEADING && next != NULL && next->kind != BLOCK_PAGE_BREAK)
        needed += block->space_after + start_height (self, next);
      if (pager.y + needed > bottom && pager.page->len > 0)
        pager_new_page (&pager);

      if (block->kind == BLOCK_TABLE)
        pager_place_table (&pager, block);
      else
        {
          Placement placement = { .block = block, .y = pager.y };

          g_array_append_val (pager.page, placement);
          pager.y += block->height + block->space_after;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

static void
draw_chart (ShkReport   *self,
            cairo_t     *cr,
            const Block *block,
            double       x,
            double       y)
{
  double width = content_width (self);
  double height = block->height;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  switch (block->chart)
    {
    case CHART_SUMMARY:
      {
        ShkSummaryChart chart = {
          .style = SHK_CHART_STYLE_LIGHT,
          .summary = self->summary,
        };

        shk_summary_chart_draw (cr, width, height, &chart);
      }
      break;
    case CHART_PARETO:
      {
        ShkParetoChart chart = {
          .style = SHK_CHART_STYLE_LIGHT,
          .ranking = self->ranking,
          .threshold = 0.8,
        };

        shk_pareto_chart_draw (cr, width, height, &chart);
      }
      break;
    case CHART_PAYBACK:
    default:
      {
        ScenarioFigures *figures = g_ptr_array_index (self->scenarios, block->scenario);
        ShkPaybackChart chart;
        ShkChartLayout layout;

        shk_payback_series_set_fill_chart (figures->series, SHK_CHART_STYLE_LIGHT, NULL, &chart);

        shk_payback_chart_draw (cr, width, height, &chart, &layout);
      }
      break;
    }
  cairo_restore (cr);

  /* A hairline frame, as the charts in the handouts have. */
  cairo_set_line_width (cr, 0.5);
  shk_chart_set_source (cr, &light_rule);
  cairo_rectangle (cr, x, y, width, height);
  cairo_stroke (cr);
}

static void
draw_table_placement (ShkReport       *self,
                      cairo_t         *cr,
                      const Placement *placement)
{
  Table *table = placement->block->table;
  double x = MARGIN;
  double y = placement->y;

  if (placement->continued && table->caption != NULL)
    {
      /* TRANSLATORS: over a table that goes on from the previous page */
      g_autofree char *text = g_strdup_printf (_("%s (continued)"), table->caption);
      g_autofree char *markup = g_markup_escape_text (text, -1);
      g_autoptr(PangoLayout) layout = create_text (cr, markup, self->text_size * 0.95, TRUE,
                                                   content_width (self), 1, ALIGN_LEFT);

      show_text (cr, layout, &muted, x, y);
      y += continued_caption_height (self);
    }

  draw_header (table, cr, x, y);
  y += table->header_height;
  for (guint r = placement->first_row; r < placement->first_row + placement->n_rows; r++)
    {
      Row *row = g_ptr_array_index (table->rows, r);

      draw_row (table, cr, row, x, y);
      y += row->height;
    }
}

static void
draw_block (ShkReport       *self,
            cairo_t         *cr,
            const Placement *placement)
{
  Block *block = placement->block;

  switch (block->kind)
    {
    case BLOCK_TITLE:
    case BLOCK_HEADING:
    case BLOCK_TEXT:
      {
        g_autoptr(PangoLayout) layout = create_text (cr, block->markup, block->size, block->bold,
                                                     content_width (self), 0, ALIGN_LEFT);

        show_text (cr, layout, block->kind == BLOCK_TEXT ? &ink : &accent, MARGIN, placement->y);
        if (block->kind == BLOCK_HEADING && block->size > self->text_size * 1.3)
          hline (cr, &accent, 0.8, MARGIN, self->width - MARGIN,
                 placement->y + block->height + block->space_after * 0.3);
      }
      break;
    case BLOCK_CHART:
      draw_chart (self, cr, block, MARGIN, placement->y);
      break;
    case BLOCK_TABLE:
      draw_table_placement (self, cr, placement);
      break;
    case BLOCK_PAGE_BREAK:
    default:
      break;
    }
}

/* The plan's title and the date above, "n / N" below, on every page. */
static void
draw_furniture (ShkReport *self,
                cairo_t   *cr,
                guint      page)
{
  double size = self->text_size * 0.9;
  double width = content_width (self);
  g_autofree char *title = g_markup_escape_text (self->title, -1);
  g_autofree char *date = g_markup_escape_text (self->date_text, -1);
  g_autofree char *number = g_strdup_printf ("%u / %u", page + 1, self->pages->len);
  g_autoptr(PangoLayout) date_layout = create_text (cr, date, size, FALSE, -1, 0, ALIGN_LEFT);
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) number_layout = create_text (cr, number, size, FALSE, width, 1,
                                                      ALIGN_CENTER);
  double date_width, line_height, rule_y;

  text_size (date_layout, &date_width, &line_height);
  title_layout = create_text (cr, title, size, TRUE, width - date_width - size * 2, 1, ALIGN_LEFT);

  show_text (cr, title_layout, &muted, MARGIN, MARGIN);
  show_text (cr, date_layout, &muted, self->width - MARGIN - date_width, MARGIN);
  rule_y = MARGIN + line_height + size * 0.3;
  hline (cr, &rule, 0.6, MARGIN, self->width - MARGIN, rule_y);

  show_text (cr, number_layout, &muted, MARGIN, self->height - MARGIN - line_height);
}

void
shk_report_draw_page (ShkReport *self,
                      cairo_t   *cr,
                      guint      page,
                      double     width_pt,
                      double     height_pt)
{
  GArray *placements;
  double scale;

  g_return_if_fail (SHK_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  cairo_save (cr);
  /* Another paper than the one laid out for: scale to fit, centred. */
  scale = MIN (width_pt / self->width, height_pt / self->height);
  if (!(scale > 0) || !isfinite (scale))
    scale = 1.0;
  cairo_translate (cr, (width_pt - self->width * scale) / 2, (height_pt - self->height * scale) / 2);
  cairo_scale (cr, scale, scale);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);

  draw_furniture (self, cr, page);
  placements = g_ptr_array_index (self->pages, page);
  for (guint i = 0; i < placements->len; i++)
    draw_block (self, cr, &g_array_index (placements, Placement, i));
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* Construction                                                        */

static char *
format_date (GDateTime *date)
{
  /* TRANSLATORS: the date on every page of the handout, a
   * g_date_time_format() format; in Japanese “%Y年%-m月%-d日” */
  return g_date_time_format (date, _("%B %-d, %Y"));
}

ShkReport *
shk_report_new (ShkPlan   *plan,
                double     width_pt,
                double     height_pt,
                GDateTime *date)
{
  g_autoptr(ShkReport) self = NULL;
  g_autoptr(GDateTime) now = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  ShkEvaluation *reporting;
  const char *title;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (width_pt >= 144 && height_pt >= 144, NULL);

  self = g_object_new (SHK_TYPE_REPORT, NULL);
  self->width = width_pt;
  self->height = height_pt;
  self->text_size = BASE_TEXT_SIZE * sqrt (MIN (width_pt, height_pt) / A4_SHORT);
  title = shk_plan_get_title (plan);
  self->title = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled Plan"));
  if (date == NULL)
    date = now = g_date_time_new_now_local ();
  self->date_text = format_date (date);

  self->summary = shk_summary_new_for_plan (plan);
  self->survey = shk_plan_get_survey (plan) != NULL ? g_object_ref (shk_plan_get_survey (plan))
                                                    : shk_survey_new ();
  self->ranking = shk_ranking_new (self->survey);

  add_summary_section (self, plan);
  reporting = shk_plan_get_reporting_evaluation (plan);
  if (reporting != NULL)
    {
      add_achieved_section (self, plan, reporting);
      add_lagging_section (self, plan, reporting);
      add_measures_section (self, plan, reporting);
    }
  add_survey_section (self);
  add_scenario_section (self, plan);

  /* Measured on an image surface with the unhinted metrics the PDF uses
   * too, so what fits here fits on paper. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  measure_blocks (self, cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  paginate (self);
  return g_steal_pointer (&self);
}

guint
shk_report_get_n_pages (ShkReport *self)
{
  g_return_val_if_fail (SHK_IS_REPORT (self), 0);

  return self->pages->len;
}

void
shk_report_get_page_size (ShkReport *self,
                          double    *width_pt,
                          double    *height_pt)
{
  g_return_if_fail (SHK_IS_REPORT (self));

  if (width_pt != NULL)
    *width_pt = self->width;
  if (height_pt != NULL)
    *height_pt = self->height;
}

/* ------------------------------------------------------------------ */
/* PDF                                                                 */

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
shk_report_save_pdf (ShkReport   *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) contents = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (SHK_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Rendered into memory first, so that a failure never leaves a
   * truncated handout behind, nor clobbers an older one. */
  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, self->width, self->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Shinchoku " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint page = 0; page < self->pages->len; page++)
    {
      shk_report_draw_page (self, cr, page, self->width, self->height);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* TRANSLATORS: the second %s is cairo's (English) reason */
                   _("Could not draw “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  /* The safe save's message names the file and says it is unchanged. */
  file = g_file_new_for_path (path);
  contents = g_bytes_new_static (bytes->data, bytes->len);
  return shk_safe_save_bytes (file, contents, SHK_SAFE_SAVE_NONE, NULL, error);
}

gboolean
shk_report_write_pdf (ShkPlan         *plan,
                      const char      *path,
                      ShkPaperSize     paper,
                      ShkOrientation   orientation,
                      GError         **error)
{
  g_autoptr(ShkReport) report = NULL;
  double width, height;

  g_return_val_if_fail (SHK_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  shk_paper_size_get_points (paper, orientation, &width, &height);
  report = shk_report_new (plan, width, height, NULL);
  return shk_report_save_pdf (report, path, error);
}

/* ------------------------------------------------------------------ */
/* Paper                                                               */

gboolean
shk_paper_size_from_string (const char   *text,
                            ShkPaperSize *paper)
{
  ShkPaperSize value;

  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "a4") == 0)
    value = SHK_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "a3") == 0)
    value = SHK_PAPER_A3;
  else
    return FALSE;
  if (paper != NULL)
    *paper = value;
  return TRUE;
}

gboolean
shk_orientation_from_string (const char     *text,
                             ShkOrientation *orientation)
{
  ShkOrientation value;

  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "landscape") == 0)
    value = SHK_ORIENTATION_LANDSCAPE;
  else if (g_ascii_strcasecmp (text, "portrait") == 0)
    value = SHK_ORIENTATION_PORTRAIT;
  else
    return FALSE;
  if (orientation != NULL)
    *orientation = value;
  return TRUE;
}

void
shk_paper_size_get_points (ShkPaperSize    paper,
                           ShkOrientation  orientation,
                           double         *width,
                           double         *height)
{
  double shorter = paper == SHK_PAPER_A3 ? A3_SHORT : A4_SHORT;
  double longer = paper == SHK_PAPER_A3 ? A3_LONG : A4_LONG;

  if (width != NULL)
    *width = orientation == SHK_ORIENTATION_PORTRAIT ? shorter : longer;
  if (height != NULL)
    *height = orientation == SHK_ORIENTATION_PORTRAIT ? longer : shorter;
}
