/* shk-page-table.c — the handout's tables and text
 *
 * Column widths come from the cells' natural widths at the text size;
 * when even the narrowest do not fit, the text gets smaller, down to the
 * legible minimum, and then the cells ellipsize. Nothing is ever drawn
 * outside its cell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "shk-page-table.h"

static void
column_free (gpointer data)
{
  ShkPageColumn *column = data;

  g_free (column->heading);
  g_free (column);
}

static void
row_free (gpointer data)
{
  ShkPageRow *row = data;

  /* The cells are freed by the table, which knows how many there are. */
  g_free (row->group);
  g_free (row->sub_heights);
  g_free (row);
}

ShkPageTable *
shk_page_table_new (const char *caption)
{
  ShkPageTable *table = g_new0 (ShkPageTable, 1);

  table->columns = g_ptr_array_new_with_free_func (column_free);
  table->rows = g_ptr_array_new ();
  table->caption = g_strdup (caption);
  return table;
}

static void
row_clear_cells (ShkPageRow *row,
                 guint       n_columns)
{
  if (row->cells == NULL)
    return;
  for (guint i = 0; i < n_columns * row->n_sub; i++)
    g_free (row->cells[i]);
  g_clear_pointer (&row->cells, g_free);
}

void
shk_page_table_free (ShkPageTable *table)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      ShkPageRow *row = g_ptr_array_index (table->rows, i);

      row_clear_cells (row, table->columns->len);
      row_free (row);
    }
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->columns);
  g_free (table->caption);
  g_free (table);
}

static ShkPageColumn *
table_add_column (ShkPageTable *table,
                  const char   *heading,
                  ShkPageAlign  align,
                  gboolean      wrap,
                  double        min_em,
                  double        weight,
                  guint         max_lines)
{
  ShkPageColumn *column = g_new0 (ShkPageColumn, 1);

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
ShkPageColumn *
shk_page_table_add_text_column (ShkPageTable *table,
                                const char   *heading,
                                double        min_em,
                                double        weight,
                                guint         max_lines)
{
  return table_add_column (table, heading, SHK_PAGE_ALIGN_LEFT, TRUE, min_em, weight, max_lines);
}

ShkPageColumn *
shk_page_table_add_figure_column (ShkPageTable *table,
                                  const char   *heading,
                                  ShkPageAlign  align)
{
  return table_add_column (table, heading, align, FALSE, 0, 0, 2);
}

ShkPageRow *
shk_page_table_add_row (ShkPageTable *table,
                        guint         n_sub)
{
  ShkPageRow *row = g_new0 (ShkPageRow, 1);

  row->n_sub = MAX (n_sub, 1);
  row->cells = g_new0 (char *, table->columns->len * row->n_sub + 1);
  g_ptr_array_add (table->rows, row);
  return row;
}

void
shk_page_table_add_group (ShkPageTable *table,
                          const char   *text)
{
  ShkPageRow *row = g_new0 (ShkPageRow, 1);

  row->n_sub = 1;
  row->group = g_markup_escape_text (text, -1);
  g_ptr_array_add (table->rows, row);
}

/* Takes @markup. Spanning columns use sub-row 0. */
void
shk_page_row_take_markup (ShkPageRow *row,
                          guint       column,
                          guint       sub,
                          char       *markup)
{
  char **slot = &row->cells[column * row->n_sub + sub];

  g_free (*slot);
  *slot = markup;
}

void
shk_page_row_set_text (ShkPageRow *row,
                       guint       column,
                       guint       sub,
                       const char *text)
{
  shk_page_row_take_markup (row, column, sub, text != NULL ? g_markup_escape_text (text, -1) : NULL);
}

static const char *
row_get_markup (const ShkPageRow *row,
                guint             column,
                guint             sub)
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

PangoLayout *
shk_page_text_new (cairo_t      *cr,
                   const char   *markup,
                   double        size,
                   gboolean      bold,
                   double        width,
                   guint         max_lines,
                   ShkPageAlign  align)
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
  pango_layout_set_alignment (layout, align == SHK_PAGE_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                      : align == SHK_PAGE_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                      : PANGO_ALIGN_LEFT);
  return layout;
}

void
shk_page_text_size (PangoLayout *layout,
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
  g_autoptr(PangoLayout) layout = shk_page_text_new (cr, markup, size, bold, -1, 0, SHK_PAGE_ALIGN_LEFT);
  double width;

  shk_page_text_size (layout, &width, NULL);
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

void
shk_page_show_text (cairo_t       *cr,
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
pad_x (const ShkPageTable *table)
{
  return table->size * 0.55;
}

static double
pad_y (const ShkPageTable *table)
{
  return table->size * 0.28;
}

/* Widths at the current text size; FALSE when even the narrowest widths
 * do not fit in @width. */
static gboolean
table_fit_columns (ShkPageTable *table,
                   cairo_t      *cr,
                   double        width)
{
  guint n = table->columns->len;
  g_autofree double *natural = g_new0 (double, n);
  g_autofree double *minimum = g_new0 (double, n);
  double fixed = 0, wrap_min = 0, wrap_natural = 0, total_weight = 0, spare;
  double pad = 2 * pad_x (table);

  for (guint c = 0; c < n; c++)
    {
      ShkPageColumn *column = g_ptr_array_index (table->columns, c);
      double heading = MIN (widest_word (cr, column->heading, table->size), table->size * 7);

      natural[c] = 0;
      for (guint r = 0; r < table->rows->len; r++)
        {
          ShkPageRow *row = g_ptr_array_index (table->rows, r);

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
          ShkPageColumn *column = g_ptr_array_index (table->columns, c);

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
      ShkPageColumn *column = g_ptr_array_index (table->columns, c);

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
      ShkPageColumn *column = g_ptr_array_index (table->columns, c);

      if (total_weight > 0)
        column->width += column->wrap ? spare * column->weight / total_weight : 0;
      else
        column->width += spare / n;
    }
  return TRUE;
}

static double
cell_height (ShkPageTable        *table,
             cairo_t             *cr,
             const ShkPageColumn *column,
             const char          *markup)
{
  g_autoptr(PangoLayout) layout = NULL;
  double height;

  if (markup == NULL)
    return 0;
  layout = shk_page_text_new (cr, markup, table->size, FALSE, column->width - 2 * pad_x (table),
                        column->wrap ? column->max_lines : MAX (column->max_lines, 1),
                        column->align);
  shk_page_text_size (layout, NULL, &height);
  return height + 2 * pad_y (table);
}

static void
table_measure_rows (ShkPageTable *table,
                    cairo_t      *cr,
                    double        width)
{
  guint n = table->columns->len;
  double line = 0;

  table->header_height = 0;
  for (guint c = 0; c < n; c++)
    {
      ShkPageColumn *column = g_ptr_array_index (table->columns, c);
      g_autoptr(PangoLayout) layout = shk_page_text_new (cr, column->heading, table->size, TRUE,
                                                   column->width - 2 * pad_x (table), 3,
                                                   SHK_PAGE_ALIGN_CENTER);
      double height;

      shk_page_text_size (layout, NULL, &height);
      table->header_height = MAX (table->header_height, height + 2 * pad_y (table));
    }

  {
    g_autoptr(PangoLayout) layout = shk_page_text_new (cr, "Ag", table->size, FALSE, -1, 0, SHK_PAGE_ALIGN_LEFT);

    shk_page_text_size (layout, NULL, &line);
  }

  for (guint r = 0; r < table->rows->len; r++)
    {
      ShkPageRow *row = g_ptr_array_index (table->rows, r);
      double spanning = 0, sum = 0;

      g_free (row->sub_heights);
      row->sub_heights = g_new0 (double, row->n_sub);

      if (row->group != NULL)
        {
          ShkPageColumn full = { .width = width, .wrap = TRUE, .max_lines = 2 };

          row->sub_heights[0] = cell_height (table, cr, &full, row->group);
          row->height = row->sub_heights[0];
          continue;
        }

      for (guint c = 0; c < n; c++)
        {
          ShkPageColumn *column = g_ptr_array_index (table->columns, c);

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
table_width (const ShkPageTable *table)
{
  double width = 0;

  for (guint c = 0; c < table->columns->len; c++)
    width += ((ShkPageColumn *) g_ptr_array_index (table->columns, c))->width;
  return width;
}

void
shk_page_table_layout (ShkPageTable *table,
                       cairo_t      *cr,
                       double        width,
                       double        size)
{
  /* Smaller text until the columns fit, then the narrowest legible size
   * with cells ellipsized. */
  gboolean fits;

  table->size = size;
  while (!(fits = table_fit_columns (table, cr, width)) && table->size > SHK_PAGE_MIN_TABLE_SIZE)
    table->size = MAX (table->size * 0.93, SHK_PAGE_MIN_TABLE_SIZE);

  /* Still too wide at the smallest size: every column gives up its share,
   * and the cells ellipsize, rather than the table running off the page. */
  if (!fits)
    {
      double scale = width / table_width (table);

      for (guint c = 0; c < table->columns->len; c++)
        ((ShkPageColumn *) g_ptr_array_index (table->columns, c))->width *= scale;
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

void
shk_page_hline (cairo_t       *cr,
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
draw_cell (ShkPageTable        *table,
           cairo_t             *cr,
           const ShkPageColumn *column,
           const char          *markup,
           gboolean             bold,
           double               x,
           double               y,
           double               width,
           double               height,
           guint                max_lines)
{
  g_autoptr(PangoLayout) layout = NULL;
  double text_height;

  if (markup == NULL || *markup == '\0')
    return;
  layout = shk_page_text_new (cr, markup, table->size, bold, width - 2 * pad_x (table), max_lines,
                        column != NULL ? column->align : SHK_PAGE_ALIGN_LEFT);
  shk_page_text_size (layout, NULL, &text_height);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  shk_page_show_text (cr, layout, &ink, x + pad_x (table), y + MAX ((height - text_height) / 2, pad_y (table)));
  cairo_restore (cr);
}

void
shk_page_table_draw_header (ShkPageTable *table,
                            cairo_t      *cr,
                            double        x0,
                            double        y)
{
  double x = x0;
  double width = table_width (table);

  fill_rect (cr, &heading_fill, x0, y, width, table->header_height);
  for (guint c = 0; c < table->columns->len; c++)
    {
      ShkPageColumn *column = g_ptr_array_index (table->columns, c);
      ShkPageColumn centred = *column;

      centred.align = SHK_PAGE_ALIGN_CENTER;
      draw_cell (table, cr, &centred, column->heading, TRUE, x, y, column->width,
                 table->header_height, 3);
      if (c > 0)
        vline (cr, &rule, 0.4, x, y, y + table->header_height);
      x += column->width;
    }
  shk_page_hline (cr, &rule, 0.8, x0, x0 + width, y);
  shk_page_hline (cr, &rule, 0.8, x0, x0 + width, y + table->header_height);
}

void
shk_page_table_draw_row (ShkPageTable *table,
                         cairo_t      *cr,
                         ShkPageRow   *row,
                         double        x0,
                         double        y)
{
  double width = table_width (table);
  double x = x0;

  if (row->group != NULL)
    {
      ShkPageColumn full = { .align = SHK_PAGE_ALIGN_LEFT };

      fill_rect (cr, &group_fill, x0, y, width, row->height);
      draw_cell (table, cr, &full, row->group, TRUE, x0, y, width, row->height, 2);
      shk_page_hline (cr, &rule, 0.4, x0, x0 + width, y + row->height);
      return;
    }

  if (row->fill != NULL)
    fill_rect (cr, row->fill, x0, y, width, row->height);
  else if (row->shaded)
    fill_rect (cr, &shade_fill, x0, y, width, row->height);

  for (guint c = 0; c < table->columns->len; c++)
    {
      ShkPageColumn *column = g_ptr_array_index (table->columns, c);

      if (column->per_sub)
        {
          double sy = y;

          for (guint s = 0; s < row->n_sub; s++)
            {
              draw_cell (table, cr, column, row_get_markup (row, c, s), FALSE, x, sy,
                         column->width, row->sub_heights[s], column->max_lines);
              sy += row->sub_heights[s];
              if (s + 1 < row->n_sub)
                shk_page_hline (cr, &light_rule, 0.3, x, x + column->width, sy);
            }
        }
      else
        draw_cell (table, cr, column, row_get_markup (row, c, 0), FALSE, x, y,
                   column->width, row->height, column->max_lines);

      if (c > 0)
        vline (cr, &light_rule, 0.4, x, y, y + row->height);
      x += column->width;
    }
  shk_page_hline (cr, &rule, 0.4, x0, x0 + width, y + row->height);
}
