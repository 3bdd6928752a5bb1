/* test-payback-chart.c — the cost-benefit chart and chart export
 *
 * tools/shk-render-charts writes the charts as PNGs to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>


#include <glib/gstdio.h>
#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/lsan_interface.h>
#endif

#include "shk-format.h"
#include "shk-payback-chart.h"
#include "shk-test-utils.h"

/* Drawn with this much room around the chart, to see whether anything
 * lands outside its rectangle. */
static const struct { int width, height; } sizes[] = {
  { 640, 360 }, { 1920, 1080 }, { 3840, 2160 },
};

static const ShkChartStyle styles[] = {
  SHK_CHART_STYLE_LIGHT, SHK_CHART_STYLE_DARK, SHK_CHART_STYLE_PRESENTATION,
};

/* The built-in document's scenarios, computed. */
typedef struct
{
  ShkPlan          *plan;
  GPtrArray        *results;
  GPtrArray        *names;
  GPtrArray        *labels;   /* NULL-terminated */
  ShkPaybackSeries *series;
  guint             n_series;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GListModel *scenarios;
  ShkScenario *longest = NULL;

  f->plan = shk_builtin_plan_new ();
  g_assert_nonnull (f->plan);
  f->results = g_ptr_array_new_with_free_func ((GDestroyNotify) shk_payback_result_free);
  f->names = g_ptr_array_new_with_free_func (g_free);
  f->labels = g_ptr_array_new_with_free_func (g_free);

  scenarios = shk_plan_get_scenarios (f->plan);
  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(ShkScenario) scenario = g_list_model_get_item (scenarios, i);
      g_autoptr(GError) error = NULL;
      ShkPaybackResult *result = shk_scenario_compute_payback (f->plan, scenario, &error);

      g_assert_no_error (error);
      g_ptr_array_add (f->results, result);
      g_ptr_array_add (f->names, g_strdup (shk_scenario_get_name (scenario)));
      if (longest == NULL || shk_scenario_get_n_years (scenario) > shk_scenario_get_n_years (longest))
        longest = scenario;
    }
  g_assert_cmpuint (f->results->len, ==, 3);

  for (guint y = 0; y < shk_scenario_get_n_years (longest); y++)
    g_ptr_array_add (f->labels, shk_scenario_dup_year_label (longest, y));
  g_ptr_array_add (f->labels, NULL);

  f->n_series = f->results->len;
  f->series = g_new0 (ShkPaybackSeries, f->n_series);
  for (guint i = 0; i < f->n_series; i++)
    {
      f->series[i].name = g_ptr_array_index (f->names, i);
      f->series[i].result = g_ptr_array_index (f->results, i);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->series);
  g_ptr_array_unref (f->labels);
  g_ptr_array_unref (f->names);
  g_ptr_array_unref (f->results);
  g_clear_object (&f->plan);
}

/* A chart of @n_series scenarios from the @first. */
static ShkPaybackChart
make_chart (Fixture       *f,
            guint          first,
            guint          n_series,
            ShkChartStyle  style)
{
  return (ShkPaybackChart) {
    .style = style,
    .title = n_series == 1 ? f->series[first].name : "費用対効果の想定",
    .year_labels = (const char * const *) f->labels->pdata,
    .n_years = f->labels->len - 1,
    .series = &f->series[first],
    .n_series = n_series,
    .highlight_year = -1,
  };
}

typedef struct
{
  const ShkPaybackChart *chart;
  ShkChartLayout        *layout;
} PaybackDrawing;

static void
draw_payback (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  user_data)
{
  PaybackDrawing *drawing = user_data;

  shk_payback_chart_draw (cr, width, height, drawing->chart, drawing->layout);
}

static cairo_surface_t *
draw_chart (const ShkPaybackChart *chart,
            int                    width,
            int                    height,
            ShkChartLayout        *layout)
{
  PaybackDrawing drawing = { chart, layout };

  return shk_test_draw_chart (draw_payback, &drawing, width, height);
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + (y + SHK_TEST_MARGIN) * stride + (x + SHK_TEST_MARGIN) * 4);
}

/* Whether the colour appears in the column of a year, within the plot:
 * the markers sit there. */
static gboolean
column_has_colour (cairo_surface_t      *surface,
                   const ShkChartLayout *layout,
                   guint                 year,
                   const ShkRgba        *rgba)
{
  int x = (int) round (layout->year_x[year]);

  for (int y = (int) layout->plot_y; y < (int) (layout->plot_y + layout->plot_height); y++)
    if (shk_test_pixel_matches (pixel_at (surface, x, y), rgba))
      return TRUE;
  return FALSE;
}

static void
assert_layout (const ShkChartLayout *layout,
               int                   width,
               int                   height,
               guint                 n_years)
{
  g_assert_cmpuint (layout->n_years, ==, n_years);
  g_assert_cmpfloat (layout->plot_x, >, 0);
  g_assert_cmpfloat (layout->plot_y, >, 0);
  g_assert_cmpfloat (layout->plot_width, >, width * 0.4);
  g_assert_cmpfloat (layout->plot_height, >, height * 0.3);
  g_assert_cmpfloat (layout->plot_x + layout->plot_width, <=, width);
  g_assert_cmpfloat (layout->plot_y + layout->plot_height, <=, height);
  for (guint i = 0; i < n_years; i++)
    {
      g_assert_cmpfloat (layout->year_x[i], >, layout->plot_x);
      g_assert_cmpfloat (layout->year_x[i], <, layout->plot_x + layout->plot_width);
      if (i > 0)
        g_assert_cmpfloat (layout->year_x[i], >, layout->year_x[i - 1]);
    }
}

static void
test_chart_sizes_and_styles (Fixture       *f,
                             gconstpointer  data)
{
  /* Every size, every style; one scenario that pays back, one that does
   * not, and all three overlaid. */
  static const struct { guint first, n; } selections[] = { { 0, 1 }, { 2, 1 }, { 0, 3 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
      for (guint k = 0; k < G_N_ELEMENTS (selections); k++)
        {
          ShkPaybackChart chart = make_chart (f, selections[k].first, selections[k].n, styles[t]);
          ShkChartLayout layout;
          cairo_surface_t *surface;
          ShkChartPalette palette;

          g_test_message ("%d×%d, style %d, %u series from %u", sizes[s].width, sizes[s].height,
                          styles[t], selections[k].n, selections[k].first);
          surface = draw_chart (&chart, sizes[s].width, sizes[s].height, &layout);
          shk_test_assert_inside (surface, sizes[s].width, sizes[s].height);
          assert_layout (&layout, sizes[s].width, sizes[s].height, 8);

          shk_chart_palette_init (&palette, styles[t]);
          g_assert_true (shk_test_pixel_matches (pixel_at (surface, 1, 1), &palette.background));
          if (selections[k].n == 1)
            {
              /* Savings and cost in their two colours, at the horizon. */
              g_assert_true (column_has_colour (surface, &layout, 7, &palette.series[0]));
              g_assert_true (column_has_colour (surface, &layout, 7, &palette.series[1]));
            }
          else
            for (guint i = 0; i < selections[k].n; i++)
              g_assert_true (column_has_colour (surface, &layout, 7, &palette.series[i]));

          cairo_surface_destroy (surface);
        }
}

static double
luma (const ShkRgba *rgba)
{
  return 0.299 * rgba->r + 0.587 * rgba->g + 0.114 * rgba->b;
}

static void
test_chart_palettes (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
    {
      ShkChartPalette palette;

      shk_chart_palette_init (&palette, styles[t]);
      g_assert_cmpint (palette.style, ==, styles[t]);
      g_assert_cmpfloat (palette.font_scale, >=, 1.0);
      g_assert_cmpfloat (palette.line_scale, >=, 1.0);
      /* Series tell apart in greyscale print, and from the background. */
      for (guint i = 0; i < G_N_ELEMENTS (palette.series); i++)
        {
          g_assert_cmpfloat (fabs (luma (&palette.series[i]) - luma (&palette.background)), >, 0.2);
          for (guint j = 0; j < i; j++)
            g_assert_cmpfloat (fabs (luma (&palette.series[i]) - luma (&palette.series[j])), >=, 0.06);
        }
      for (guint i = SHK_GRADE_ACHIEVED; i <= SHK_GRADE_PENDING; i++)
        for (guint j = SHK_GRADE_ACHIEVED; j < i; j++)
          g_assert_cmpfloat (fabs (luma (&palette.grade[i]) - luma (&palette.grade[j])), >=, 0.08);
    }

  {
    ShkChartPalette light, presentation;

    shk_chart_palette_init (&light, SHK_CHART_STYLE_LIGHT);
    shk_chart_palette_init (&presentation, SHK_CHART_STYLE_PRESENTATION);
    g_assert_cmpfloat (presentation.font_scale, >, light.font_scale);
    g_assert_cmpfloat (shk_chart_unit (1280, 720, &presentation), >, shk_chart_unit (1280, 720, &light));
  }
}

static void
test_chart_styles_differ (Fixture       *f,
                          gconstpointer  data)
{
  cairo_surface_t *images[G_N_ELEMENTS (styles)];
  ShkChartLayout layout;

  for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
    {
      ShkPaybackChart chart = make_chart (f, 0, 1, styles[t]);

      images[t] = draw_chart (&chart, 1280, 720, &layout);
    }

  for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
    for (guint u = 0; u < t; u++)
      {
        int size = cairo_image_surface_get_stride (images[t]) * cairo_image_surface_get_height (images[t]);

        g_assert_cmpint (memcmp (cairo_image_surface_get_data (images[t]),
                                 cairo_image_surface_get_data (images[u]), size), !=, 0);
      }
  g_assert_cmpuint (pixel_at (images[0], 1, 1), !=, pixel_at (images[1], 1, 1));

  for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
    cairo_surface_destroy (images[t]);
}

static void
test_chart_series_differ (Fixture       *f,
                          gconstpointer  data)
{
  /* Different scenarios draw differently; the overlay is not any one. */
  ShkPaybackChart first = make_chart (f, 0, 1, SHK_CHART_STYLE_LIGHT);
  ShkPaybackChart second = make_chart (f, 1, 1, SHK_CHART_STYLE_LIGHT);
  ShkChartLayout layout;
  cairo_surface_t *a, *b;
  int size;

  first.title = second.title = NULL;
  a = draw_chart (&first, 800, 450, &layout);
  b = draw_chart (&second, 800, 450, &layout);
  size = cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b), size), !=, 0);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_chart_highlight (Fixture       *f,
                      gconstpointer  data)
{
  ShkPaybackChart chart = make_chart (f, 0, 1, SHK_CHART_STYLE_LIGHT);
  ShkChartLayout layout;
  cairo_surface_t *plain, *highlighted;
  double slot;
  guint changed = 0;

  plain = draw_chart (&chart, 1280, 720, &layout);
  chart.highlight_year = 2;
  highlighted = draw_chart (&chart, 1280, 720, &layout);
  slot = layout.year_x[1] - layout.year_x[0];

  /* The band covers the slot of year 3 at the top of the plot, where the
   * lines have not yet climbed. */
  for (int x = (int) (layout.year_x[2] - slot * 0.4); x < (int) (layout.year_x[2] + slot * 0.4); x++)
    if (pixel_at (plain, x, (int) (layout.plot_y + 4)) !=
        pixel_at (highlighted, x, (int) (layout.plot_y + 4)))
      changed++;
  g_assert_cmpuint (changed, >, slot * 0.5);

  /* Out of range is no highlight at all. */
  chart.highlight_year = 99;
  cairo_surface_destroy (highlighted);
  highlighted = draw_chart (&chart, 1280, 720, &layout);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (plain), cairo_image_surface_get_data (highlighted),
                           cairo_image_surface_get_stride (plain) * cairo_image_surface_get_height (plain)),
                   ==, 0);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (highlighted);
}

/* A long horizon with long labels, in a small chart: the labels rotate
 * and thin out, and still nothing leaves the chart. */
static void
test_chart_crowded (void)
{
  const guint n_years = 64;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  ShkPaybackParams params = {
    .n_years = n_years, .hourly_rate = 2566, .hours_saved = 300,
    .savings_start = 1, .first_year_months = 6,
  };
  g_autoptr(ShkPaybackResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ShkPaybackSeries series[1];
  ShkChartLayout layout;

  params.costs = g_new0 (double, n_years);
  for (guint i = 0; i < n_years; i++)
    {
      params.costs[i] = i == 0 ? 9e6 : 5e5;
      g_ptr_array_add (labels, g_strdup_printf ("%u年目（令和%u年度）", i + 1, i + 2));
    }
  g_ptr_array_add (labels, NULL);
  result = shk_payback_compute (&params, &error);
  g_assert_no_error (error);
  series[0] = (ShkPaybackSeries) { "とても長い名前の費用対効果想定、凡例で省略されるはず", result };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
      {
        ShkPaybackChart chart = {
          .style = styles[t],
          .title = "題名がとても長い場合でもはみ出さずに折り返すか省略されること、"
                   "そして二行を超えないことを確かめるための題名",
          .year_labels = (const char * const *) labels->pdata,
          .n_years = n_years,
          .series = series,
          .n_series = 1,
          .highlight_year = 10,
        };
        cairo_surface_t *surface = draw_chart (&chart, sizes[s].width, sizes[s].height, &layout);

        shk_test_assert_inside (surface, sizes[s].width, sizes[s].height);
        assert_layout (&layout, sizes[s].width, sizes[s].height, n_years);
        cairo_surface_destroy (surface);
      }

  shk_payback_params_clear (&params);
}

static void
test_chart_empty (void)
{
  ShkPaybackChart chart = { .style = SHK_CHART_STYLE_LIGHT, .highlight_year = -1 };
  ShkChartLayout layout;
  cairo_surface_t *surface = draw_chart (&chart, 640, 360, &layout);
  g_autofree char *description = shk_payback_chart_describe (&chart);

  shk_test_assert_inside (surface, 640, 360);
  g_assert_cmpuint (layout.n_years, ==, 0);
  g_assert_nonnull (description);
  g_assert_cmpuint (strlen (description), >, 0);
  cairo_surface_destroy (surface);
}

static void
test_chart_describe (Fixture       *f,
                     gconstpointer  data)
{
  ShkPaybackChart first = make_chart (f, 0, 1, SHK_CHART_STYLE_LIGHT);
  ShkPaybackChart third = make_chart (f, 2, 1, SHK_CHART_STYLE_LIGHT);
  ShkPaybackChart all = make_chart (f, 0, 3, SHK_CHART_STYLE_LIGHT);
  g_autofree char *text_first = shk_payback_chart_describe (&first);
  g_autofree char *text_third = shk_payback_chart_describe (&third);
  g_autofree char *text_all = shk_payback_chart_describe (&all);
  g_autofree char *year = g_strdup_printf ("recovered in year %u", f->series[0].result->payback_year);
  g_autofree char *horizon = g_strdup_printf ("not recovered within %u years", f->series[2].result->n_years);

  g_test_message ("%s", text_first);
  g_test_message ("%s", text_third);
  g_assert_nonnull (strstr (text_first, year));
  g_assert_nonnull (strstr (text_first, f->series[0].name));
  g_assert_nonnull (strstr (text_first, g_ptr_array_index (f->labels, f->series[0].result->payback_year - 1)));
  g_assert_nonnull (strstr (text_third, horizon));
  for (guint i = 0; i < 3; i++)
    g_assert_nonnull (strstr (text_all, f->series[i].name));
}

/* Export */

static void
draw_for_export (cairo_t  *cr,
                 double    width,
                 double    height,
                 gpointer  user_data)
{
  ShkChartLayout layout;

  shk_payback_chart_draw (cr, width, height, user_data, &layout);
}

/* cairo 1.16's CFF font subsetter, which PDF output uses for the Noto CJK
 * fonts, leaks a buffer per document (fixed in cairo 1.17). The same code
 * of ours runs for PNG and SVG with the leak checker on. */
static gboolean
export_chart (const char       *path,
              ShkPaybackChart  *chart,
              double            scale,
              GError          **error)
{
  gboolean pdf = g_str_has_suffix (path, ".pdf");
  gboolean ok;

#ifdef __SANITIZE_ADDRESS__
  if (pdf)
    __lsan_disable ();
#endif
  ok = shk_chart_export (path, 640, 360, scale, draw_for_export, chart, error);
#ifdef __SANITIZE_ADDRESS__
  if (pdf)
    __lsan_enable ();
#endif
  (void) pdf;
  return ok;
}

static guint32
read_be32 (const char *bytes)
{
  const guchar *b = (const guchar *) bytes;

  return (guint32) b[0] << 24 | (guint32) b[1] << 16 | (guint32) b[2] << 8 | b[3];
}

static void
test_chart_export (Fixture       *f,
                   gconstpointer  data)
{
  ShkPaybackChart chart = make_chart (f, 0, 3, SHK_CHART_STYLE_LIGHT);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shinchoku-chart-XXXXXX", &error);
  static const struct { const char *name; const char *magic; } formats[] = {
    { "chart.png", "\x89PNG" },
    { "chart.SVG", "<?xml" },
    { "chart.pdf", "%PDF" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_build_filename (dir, formats[i].name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (export_chart (path, &chart, 2.0, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_cmpuint (length, >, 100);
      g_assert_true (g_str_has_prefix (contents, formats[i].magic));
      if (i == 0)
        {
          /* PNG is scaled: the IHDR holds 1280 × 720. */
          g_assert_cmpuint (read_be32 (contents + 16), ==, 1280);
          g_assert_cmpuint (read_be32 (contents + 20), ==, 720);
        }
      if (i == 1)
        g_assert_nonnull (strstr (contents, "<svg"));
      g_unlink (path);
    }

  /* An unknown extension: the message names the file. */
  {
    g_autofree char *path = g_build_filename (dir, "chart.gif", NULL);

    g_assert_false (export_chart (path, &chart, 1.0, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_assert_nonnull (strstr (error->message, path));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }

  /* A folder that does not exist: the message names the file. */
  {
    g_autofree char *path = g_build_filename (dir, "missing", "chart.pdf", NULL);

    g_assert_false (export_chart (path, &chart, 1.0, &error));
    g_assert_nonnull (error);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, path));
    g_clear_error (&error);
  }

  /* A nonsensical size. */
  {
    g_autofree char *path = g_build_filename (dir, "chart.png", NULL);

    g_assert_false (shk_chart_export (path, 0, 360, 1.0, draw_for_export, &chart, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  g_rmdir (dir);
}

static void
test_chart_helpers (void)
{
  ShkChartStyle style = SHK_CHART_STYLE_LIGHT;

  g_assert_true (shk_chart_style_from_string ("dark", &style));
  g_assert_cmpint (style, ==, SHK_CHART_STYLE_DARK);
  g_assert_true (shk_chart_style_from_string ("presentation", &style));
  g_assert_cmpint (style, ==, SHK_CHART_STYLE_PRESENTATION);
  g_assert_true (shk_chart_style_from_string ("light", &style));
  g_assert_cmpint (style, ==, SHK_CHART_STYLE_LIGHT);
  g_assert_false (shk_chart_style_from_string ("sepia", &style));
  g_assert_false (shk_chart_style_from_string (NULL, &style));

  /* Round steps: 1, 2, 2.5 or 5 × 10^n, within the number of ticks. */
  g_assert_cmpfloat (shk_chart_nice_step (10, 5), ==, 2);
  g_assert_cmpfloat (shk_chart_nice_step (3740, 8), ==, 500);
  g_assert_cmpfloat (shk_chart_nice_step (3740, 5), ==, 1000);
  g_assert_cmpfloat (shk_chart_nice_step (0.9, 4), ==, 0.25);
  g_assert_cmpfloat (shk_chart_nice_step (0, 5), ==, 1);
  g_assert_cmpfloat (shk_chart_nice_step (NAN, 5), ==, 1);
  for (double max = 0.37; max < 1e9; max *= 3.1)
    for (guint ticks = 1; ticks <= 10; ticks++)
      {
        double step = shk_chart_nice_step (max, ticks);
        double mantissa = step / pow (10, floor (log10 (step) + 1e-9));

        g_assert_cmpfloat (ceil (max / step - 1e-9), <=, ticks);
        g_assert_true (fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 ||
                       fabs (mantissa - 2.5) < 1e-9 || fabs (mantissa - 5) < 1e-9);
      }

  /* The unit is about the size of body text, and grows with the output. */
  {
    ShkChartPalette palette;

    shk_chart_palette_init (&palette, SHK_CHART_STYLE_LIGHT);
    g_assert_cmpfloat (shk_chart_unit (640, 360, &palette), >=, 9);
    g_assert_cmpfloat (shk_chart_unit (640, 360, &palette), <=, 14);
    g_assert_cmpfloat (shk_chart_unit (3840, 2160, &palette), >, shk_chart_unit (1920, 1080, &palette));
    /* A wide strip gets no bigger text than a small slide: the height
     * limits it (down to the legible minimum). */
    g_assert_cmpfloat (shk_chart_unit (3840, 100, &palette), <=, shk_chart_unit (640, 360, &palette));
  }
}

/* The month the marker's place says, read back from the geometry: a
 * year's point is the end of that year. */
static guint
marker_month (const ShkChartLayout    *layout,
              const ShkPaybackResult *result)
{
  double slot = layout->year_x[1] - layout->year_x[0];
  double years = (layout->payback_x[0] - layout->year_x[0]) / slot + 1.0;
  double months = ceil ((years - (result->payback_year - 1)) * 12.0 - 1e-6);

  return (guint) CLAMP (months, 1.0, 12.0);
}

static void
test_chart_marker_month (Fixture       *f,
                         gconstpointer  data)
{
  guint checked = 0;

  for (guint k = 0; k < f->n_series; k++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        ShkPaybackChart chart = make_chart (f, k, 1, SHK_CHART_STYLE_PRESENTATION);
        const ShkPaybackResult *result = f->series[k].result;
        ShkChartLayout layout;
        cairo_surface_t *surface = draw_chart (&chart, sizes[s].width, sizes[s].height,
                                               &layout);

        cairo_surface_destroy (surface);
        if (result->payback_year == 0)
          {
            g_assert_false (layout.payback_drawn[0]);
            continue;
          }
        g_assert_true (layout.payback_drawn[0]);
        g_assert_cmpuint (marker_month (&layout, result), ==, result->payback_month);
        /* On the cost step of the payback year: where the lines meet. */
        g_assert_cmpfloat (layout.payback_y[0], >=, layout.plot_y);
        g_assert_cmpfloat (layout.payback_y[0], <=, layout.plot_y + layout.plot_height);
        checked++;
      }
  g_assert_cmpuint (checked, >, 0);
  /* 費用対効果想定① pays back in the 11th month of its payback year. */
  g_assert_cmpuint (f->series[0].result->payback_month, ==, 11);
}

/* Every year point of one scenario has its figure, cost and savings,
 * from the year-4 cost of 1,423 to the savings of 0. */
static void
test_chart_every_data_label (Fixture       *f,
                             gconstpointer  data)
{
  for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
    for (guint k = 0; k < f->n_series; k++)
      {
        ShkPaybackChart chart = make_chart (f, k, 1, styles[t]);
        ShkChartLayout layout;
        cairo_surface_t *surface = draw_chart (&chart, 1920, 1080, &layout);

        cairo_surface_destroy (surface);

        g_assert_cmpuint (layout.n_data_labels, ==, 2 * f->series[k].result->n_years);
        g_test_message ("%s: %u labels, %u overlapping", f->series[k].name,
                        layout.n_data_labels, layout.n_data_labels_overlapping);
        g_assert_cmpuint (layout.n_data_labels_overlapping, ==, 0);
      }
}

/* Kept layouts (shk-chart-text.c): the same text, size, weight and fit
 * on the same kind of target is one layout, shaped once; anything else
 * is another, measured as a fresh one would be. */
static void
test_text_cache (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 200);
  cairo_t *cr = cairo_create (surface);
  ShkChartTextFit fit = SHK_CHART_TEXT_FIT_NATURAL;
  g_autoptr(PangoLayout) a = shk_chart_text_layout (cr, "累計費用 1,234", 16, FALSE, NULL);
  g_autoptr(PangoLayout) b = shk_chart_text_layout (cr, "累計費用 1,234", 16, FALSE, &fit);
  g_autoptr(PangoLayout) bold = shk_chart_text_layout (cr, "累計費用 1,234", 16, TRUE, NULL);
  g_autoptr(PangoLayout) fresh = shk_chart_create_layout (cr, "累計費用 1,234", 16, FALSE);
  g_autoptr(PangoLayout) narrow = NULL;
  g_autoptr(PangoLayout) rotated = NULL;
  int w, h, fresh_w, fresh_h;

  g_assert_true (a == b);
  g_assert_true (a != bold);
  g_assert_true (a != fresh);
  pango_layout_get_size (a, &w, &h);
  pango_layout_get_size (fresh, &fresh_w, &fresh_h);
  g_assert_cmpint (w, ==, fresh_w);
  g_assert_cmpint (h, ==, fresh_h);

  fit.width = w / 2;
  fit.ellipsize = PANGO_ELLIPSIZE_END;
  narrow = shk_chart_text_layout (cr, "累計費用 1,234", 16, FALSE, &fit);
  g_assert_true (narrow != a);
  g_assert_cmpint (pango_layout_get_width (narrow), ==, w / 2);
  g_assert_true (pango_layout_is_ellipsized (narrow));
  g_assert_cmpint (pango_layout_get_width (a), ==, -1);

  /* A rotated target has a context of its own (Pango's gravity follows
   * the matrix), and the unrotated one keeps its layouts. */
  cairo_rotate (cr, -G_PI / 2);
  rotated = shk_chart_text_layout (cr, "累計費用 1,234", 16, FALSE, NULL);
  g_assert_true (pango_layout_get_context (rotated) != pango_layout_get_context (a));
  cairo_identity_matrix (cr);
  {
    g_autoptr(PangoLayout) again = shk_chart_text_layout (cr, "累計費用 1,234", 16, FALSE, NULL);

    g_assert_true (again == a);
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* No G_TEST_OPTION_ISOLATE_DIRS: nothing here touches the user's
   * folders (exports go to a fresh temporary folder, removed after), and
   * GLib 2.74 leaks the replaced folder names, which would hide ours from
   * the leak checker. */
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/payback-chart/sizes-and-styles", test_chart_sizes_and_styles);
  ADD ("/payback-chart/styles-differ", test_chart_styles_differ);
  ADD ("/payback-chart/series-differ", test_chart_series_differ);
  ADD ("/payback-chart/highlight", test_chart_highlight);
  ADD ("/payback-chart/describe", test_chart_describe);
  ADD ("/payback-chart/export", test_chart_export);
  ADD ("/payback-chart/marker-month", test_chart_marker_month);
  ADD ("/payback-chart/every-data-label", test_chart_every_data_label);
  g_test_add_func ("/payback-chart/palettes", test_chart_palettes);
  g_test_add_func ("/payback-chart/crowded", test_chart_crowded);
  g_test_add_func ("/payback-chart/empty", test_chart_empty);
  g_test_add_func ("/payback-chart/helpers", test_chart_helpers);
  g_test_add_func ("/payback-chart/text-cache", test_text_cache);

#undef ADD

  status = g_test_run ();
  shk_test_release_font_caches ();
  return status;
}
