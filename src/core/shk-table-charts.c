/* shk-table-charts.c — native Excel charts beside the exported tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "shk-table-charts.h"

#ifdef HAVE_XLSXWRITER

#include <minizip/unzip.h>
#include <minizip/zip.h>

#include "shk-chart.h"
#include "shk-table-export.h"
#include "shk-types.h"

/* Excel's limit on a sheet's name, in characters. */
#define MAX_SHEET_NAME 31
/* Where a chart goes: two columns right of the table, at the top, twice
 * libxlsxwriter's default size (480 × 288 pixels). */
#define CHART_GAP_COLUMNS 1
#define CHART_SCALE 2.0

char *
shk_xlsx_sheet_name (const char *name,
                     GHashTable *used)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autofree char *candidate = NULL;
  glong length;

  for (const char *p = name != NULL ? name : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (clean, strchr (":\\/?*[]", (int) c) != NULL && c < 0x80 ? '_' : c);
    }
  /* Excel refuses a name that begins or ends with an apostrophe. */
  while (clean->len > 0 && clean->str[0] == '\'')
    g_string_erase (clean, 0, 1);
  while (clean->len > 0 && clean->str[clean->len - 1] == '\'')
    g_string_truncate (clean, clean->len - 1);
  if (clean->len == 0)
    g_string_assign (clean, _("Sheet"));

  length = g_utf8_strlen (clean->str, -1);
  for (guint n = 1; ; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf (" (%u)", n);
      glong keep = MIN (length, MAX_SHEET_NAME - (glong) strlen (suffix));
      g_autofree char *head = g_utf8_substring (clean->str, 0, keep);
      g_autofree char *key = NULL;

      g_free (candidate);
      candidate = g_strconcat (head, suffix, NULL);
      key = g_utf8_casefold (candidate, -1);
      if (!g_hash_table_contains (used, key))
        {
          g_hash_table_add (used, g_steal_pointer (&key));
          return g_steal_pointer (&candidate);
        }
    }
}

static lxw_color_t
rgb (const ShkRgba *rgba)
{
  return ((lxw_color_t) (rgba->r * 255 + 0.5) << 16) |
         ((lxw_color_t) (rgba->g * 255 + 0.5) << 8) |
         (lxw_color_t) (rgba->b * 255 + 0.5);
}

static void
insert_chart (lxw_worksheet *worksheet,
              lxw_col_t      after_column,
              lxw_chart     *chart)
{
  lxw_chart_options options = { .x_scale = CHART_SCALE, .y_scale = CHART_SCALE };

  worksheet_insert_chart_opt (worksheet, 1, after_column + 1 + CHART_GAP_COLUMNS, chart, &options);
}

void
shk_xlsx_add_summary_chart (lxw_workbook  *workbook,
                            lxw_worksheet *worksheet,
                            const char    *sheet_name,
                            guint          n_rows,
                            guint          n_grades,
                            const char    *title)
{
  static const ShkGrade grades[] = {
    SHK_GRADE_ACHIEVED, SHK_GRADE_MOSTLY, SHK_GRADE_LAGGING, SHK_GRADE_PENDING,
  };
  lxw_chart *chart;
  ShkChartPalette palette;

  if (n_rows == 0)
    return;
  shk_chart_palette_init (&palette, SHK_CHART_STYLE_LIGHT);
  chart = workbook_add_chart (workbook, LXW_CHART_BAR_STACKED);
  for (guint g = 0; g < MIN (n_grades, G_N_ELEMENTS (grades)); g++)
    {
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
      lxw_chart_fill fill = { .color = rgb (&palette.grade[grades[g]]) };
      /* Labels in black or white, whichever reads on the bar. */
      lxw_chart_font font = { .bold = 1,
                              .color = rgb (shk_chart_text_colour_on (&palette.grade[grades[g]])) };

      chart_series_set_categories (series, sheet_name, 1, 0, n_rows, 0);
      chart_series_set_values (series, sheet_name, 1, g + 1, n_rows, g + 1);
      chart_series_set_name_range (series, sheet_name, 0, g + 1);
      chart_series_set_fill (series, &fill);
      chart_series_set_labels (series);
      chart_series_set_labels_font (series, &font);
    }
  chart_title_set_name (chart, title);
  /* The first evaluation on top, as the window and the handout draw it;
   * libxlsxwriter names a bar chart's vertical (category) axis y. */
  chart_axis_set_reverse (chart->y_axis);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  insert_chart (worksheet, n_grades + 1, chart);
}

void
shk_xlsx_add_pareto_chart (lxw_workbook  *workbook,
                           lxw_worksheet *worksheet,
                           const char    *sheet_name,
                           guint          n_rows,
                           lxw_col_t      name_column,
                           lxw_col_t      hours_column,
                           lxw_col_t      cumulative_column,
                           const char    *title)
{
  lxw_chart *chart;
  lxw_chart_series *series;

  if (n_rows == 0)
    return;
  /* A column chart of both series; the cumulative share is moved onto its
   * own axis as a line once the workbook is written. */
  chart = workbook_add_chart (workbook, LXW_CHART_COLUMN);
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, sheet_name, 1, name_column, n_rows, name_column);
  chart_series_set_values (series, sheet_name, 1, hours_column, n_rows, hours_column);
  chart_series_set_name_range (series, sheet_name, 0, hours_column);
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, sheet_name, 1, name_column, n_rows, name_column);
  chart_series_set_values (series, sheet_name, 1, cumulative_column, n_rows, cumulative_column);
  chart_series_set_name_range (series, sheet_name, 0, cumulative_column);
  chart_title_set_name (chart, title);
  chart_axis_set_num_format (chart->y_axis, "#,##0");
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  insert_chart (worksheet, cumulative_column + 4, chart);
}

void
shk_xlsx_add_payback_chart (lxw_workbook  *workbook,
                            lxw_worksheet *worksheet,
                            const char    *sheet_name,
                            guint          n_rows,
                            lxw_col_t      cost_column,
                            lxw_col_t      savings_column,
                            const char    *title)
{
  const lxw_col_t columns[] = { cost_column, savings_column };
  ShkChartPalette palette;
  lxw_chart *chart;

  if (n_rows == 0)
    return;
  shk_chart_palette_init (&palette, SHK_CHART_STYLE_LIGHT);
  chart = workbook_add_chart (workbook, LXW_CHART_LINE);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
      lxw_chart_line line = { .color = rgb (&palette.series[i]), .width = 2.25 };

      chart_series_set_categories (series, sheet_name, 1, 0, n_rows, 0);
      chart_series_set_values (series, sheet_name, 1, columns[i], n_rows, columns[i]);
      chart_series_set_name_range (series, sheet_name, 0, columns[i]);
      chart_series_set_line (series, &line);
      chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
    }
  chart_title_set_name (chart, title);
  chart_axis_set_num_format (chart->y_axis, "#,##0");
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  insert_chart (worksheet, MAX (cost_column, savings_column) + 1, chart);
}

/* ------------------------------------------------------------------ */
/* The secondary axis                                                  */

/* Axis ids of the added line chart; libxlsxwriter numbers its own from
 * 50010000 up, in steps the size of its chart count. */
#define LINE_CAT_AXIS "61010001"
#define LINE_VAL_AXIS "61010002"

/* The chart XML with the second <c:ser> of its <c:barChart> moved into a
 * <c:lineChart> on a secondary value axis (percent, 0–100 %, at the
 * right) and a hidden category axis; NULL when the part is not the
 * Pareto's column chart. */
static char *
patch_pareto_chart (const char *xml)
{
  const char *bar = strstr (xml, "<c:barDir val=\"col\"/>");
  const char *first, *second, *second_end, *bar_end, *plot_end;
  g_autoptr(GString) series = NULL;
  GString *out;

  if (bar == NULL ||
      (first = strstr (bar, "<c:ser>")) == NULL ||
      (second = strstr (first + 1, "<c:ser>")) == NULL ||
      (second_end = strstr (second, "</c:ser>")) == NULL ||
      (bar_end = strstr (second_end, "</c:barChart>")) == NULL ||
      (plot_end = strstr (bar_end, "</c:plotArea>")) == NULL)
    return NULL;
  second_end += strlen ("</c:ser>");

  /* A line series has no invertIfNegative. */
  series = g_string_new_len (second, second_end - second);
  g_string_replace (series, "<c:invertIfNegative val=\"0\"/>", "", 0);
  g_string_replace (series, "</c:tx>", "</c:tx><c:marker><c:symbol val=\"circle\"/>"
                    "<c:size val=\"5\"/></c:marker>", 1);

  out = g_string_new_len (xml, second - xml);
  g_string_append_len (out, second_end, bar_end + strlen ("</c:barChart>") - second_end);
  g_string_append (out, "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>");
  g_string_append (out, series->str);
  g_string_append (out, "<c:marker val=\"1\"/><c:axId val=\"" LINE_CAT_AXIS "\"/>"
                   "<c:axId val=\"" LINE_VAL_AXIS "\"/></c:lineChart>");
  g_string_append_len (out, bar_end + strlen ("</c:barChart>"),
                       plot_end - (bar_end + strlen ("</c:barChart>")));
  g_string_append (out,
                   "<c:catAx><c:axId val=\"" LINE_CAT_AXIS "\"/><c:scaling>"
                   "<c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"1\"/>"
                   "<c:axPos val=\"b\"/><c:majorTickMark val=\"out\"/>"
                   "<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>"
                   "<c:crossAx val=\"" LINE_VAL_AXIS "\"/><c:crosses val=\"autoZero\"/>"
                   "<c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/>"
                   "<c:noMultiLvlLbl val=\"0\"/></c:catAx>"
                   "<c:valAx><c:axId val=\"" LINE_VAL_AXIS "\"/><c:scaling>"
                   "<c:orientation val=\"minMax\"/><c:max val=\"1\"/><c:min val=\"0\"/>"
                   "</c:scaling><c:delete val=\"0\"/><c:axPos val=\"r\"/>"
                   "<c:numFmt formatCode=\"0%\" sourceLinked=\"0\"/>"
                   "<c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/>"
                   "<c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"" LINE_CAT_AXIS "\"/>"
                   "<c:crosses val=\"max\"/><c:crossBetween val=\"between\"/></c:valAx>");
  g_string_append (out, plot_end);
  return g_string_free (out, FALSE);
}

static gboolean
read_current (unzFile   unz,
              gsize     size,
              GBytes  **bytes)
{
  guint8 *data = g_malloc (size + 1);
  int got = 0;

  if (unzOpenCurrentFile (unz) != UNZ_OK)
    {
      g_free (data);
      return FALSE;
    }
  if (size > 0)
    got = unzReadCurrentFile (unz, data, (unsigned) size);
  unzCloseCurrentFile (unz);
  if (got < 0 || (gsize) got != size)
    {
      g_free (data);
      return FALSE;
    }
  data[size] = '\0';
  *bytes = g_bytes_new_take (data, size);
  return TRUE;
}

/* Copies every part of the workbook at @path into @copy_path, patching
 * the Pareto's chart part on the way. */
static gboolean
copy_patched (const char *path,
              const char *copy_path)
{
  unzFile unz = unzOpen (path);
  zipFile zip;
  gboolean ok = TRUE;
  int status;

  if (unz == NULL)
    return FALSE;
  zip = zipOpen (copy_path, APPEND_STATUS_CREATE);
  if (zip == NULL)
    {
      unzClose (unz);
      return FALSE;
    }

  for (status = unzGoToFirstFile (unz); ok && status == UNZ_OK; status = unzGoToNextFile (unz))
    {
      char name[512];
      unz_file_info info;
      zip_fileinfo zip_info = { 0 };
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *patched = NULL;
      gconstpointer data;
      gsize size;

      if (unzGetCurrentFileInfo (unz, &info, name, sizeof name, NULL, 0, NULL, 0) != UNZ_OK ||
          !read_current (unz, info.uncompressed_size, &bytes))
        {
          ok = FALSE;
          break;
        }
      data = g_bytes_get_data (bytes, &size);
      if (g_str_has_prefix (name, "xl/charts/chart") && g_str_has_suffix (name, ".xml"))
        patched = patch_pareto_chart (data);
      if (patched != NULL)
        {
          data = patched;
          size = strlen (patched);
        }
      zip_info.tmz_date.tm_year = info.tmu_date.tm_year;
      zip_info.tmz_date.tm_mon = info.tmu_date.tm_mon;
      zip_info.tmz_date.tm_mday = info.tmu_date.tm_mday;
      zip_info.tmz_date.tm_hour = info.tmu_date.tm_hour;
      zip_info.tmz_date.tm_min = info.tmu_date.tm_min;
      zip_info.tmz_date.tm_sec = info.tmu_date.tm_sec;
      ok = zipOpenNewFileInZip (zip, name, &zip_info, NULL, 0, NULL, 0, NULL,
                                Z_DEFLATED, Z_DEFAULT_COMPRESSION) == ZIP_OK &&
           zipWriteInFileInZip (zip, data, (unsigned) size) == ZIP_OK &&
           zipCloseFileInZip (zip) == ZIP_OK;
    }
  ok = ok && status == UNZ_END_OF_LIST_OF_FILE;
  ok = zipClose (zip, NULL) == ZIP_OK && ok;
  unzClose (unz);
  return ok;
}

gboolean
shk_xlsx_move_line_to_secondary_axis (const char  *path,
                                      GError     **error)
{
  g_autofree char *copy_path = g_strconcat (path, ".charts", NULL);

  if (!copy_patched (path, copy_path) || g_rename (copy_path, path) != 0)
    {
      g_unlink (copy_path);
      g_set_error (error, SHK_TABLE_EXPORT_ERROR, SHK_TABLE_EXPORT_ERROR_FAILED,
                   _("Could not put the cumulative share on its own axis in the workbook"));
      return FALSE;
    }
  return TRUE;
}

#endif /* HAVE_XLSXWRITER */
