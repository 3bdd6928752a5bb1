/* test-chart-view.c — a chart in a widget: copy to the clipboard, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "shk-chart-view.h"
#include "shk-test-utils.h"

/* Left half red, right half blue, so a copy can be checked pixel by pixel. */
static void
draw_halves (cairo_t       *cr,
             double         width,
             double         height,
             ShkChartStyle  style,
             gpointer       user_data)
{
  guint *calls = user_data;

  (*calls)++;
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_rectangle (cr, 0, 0, width / 2, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 1);
  cairo_rectangle (cr, width / 2, 0, width / 2, height);
  cairo_fill (cr);
}

static ShkChartView *
chart_in_window (GtkWindow **window,
                 guint      *calls)
{
  ShkChartView *chart = SHK_CHART_VIEW (shk_chart_view_new ());

  shk_chart_view_set_draw_func (chart, draw_halves, calls, NULL);
  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 640, 400);
  gtk_window_set_child (*window, GTK_WIDGET (chart));
  gtk_window_present (*window);
  for (guint i = 0; i < 20 && gtk_widget_get_width (GTK_WIDGET (chart)) == 0; i++)
    {
      shk_test_flush_events ();
      g_usleep (10000);
    }
  return chart;
}

static void
test_render_texture (void)
{
  GtkWindow *window;
  guint calls = 0;
  ShkChartView *chart = chart_in_window (&window, &calls);
  g_autoptr(GdkTexture) texture = shk_chart_view_render_texture (chart, 2.0);
  int width = gtk_widget_get_width (GTK_WIDGET (chart));
  g_autofree guchar *pixels = NULL;
  gsize stride;
  int w, h;

  g_assert_nonnull (texture);
  w = gdk_texture_get_width (texture);
  h = gdk_texture_get_height (texture);
  g_assert_cmpint (w, >=, 2 * width);
  g_assert_cmpint (w, <=, 2 * width + 2);

  /* The copy is the chart: red on the left, blue on the right. */
  stride = (gsize) w * 4;
  pixels = g_malloc (stride * h);
  gdk_texture_download (texture, pixels, stride);
  {
    const guchar *left = pixels + (h / 2) * stride + (w / 4) * 4;
    const guchar *right = pixels + (h / 2) * stride + (3 * w / 4) * 4;

    /* GDK_MEMORY_DEFAULT is B8G8R8A8_PREMULTIPLIED on little endian. */
    g_assert_cmpuint (left[2], ==, 255);
    g_assert_cmpuint (left[0], ==, 0);
    g_assert_cmpuint (right[0], ==, 255);
    g_assert_cmpuint (right[2], ==, 0);
  }

  gtk_window_destroy (window);
  shk_test_flush_events ();
}

static void
test_copy_puts_an_image_on_the_clipboard (void)
{
  GtkWindow *window;
  guint calls = 0;
  ShkChartView *chart = chart_in_window (&window, &calls);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (chart));
  GdkContentFormats *formats;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.copy", NULL));
  shk_test_flush_events ();

  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_clipboard_is_local (clipboard));
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));

  gtk_window_destroy (window);
  shk_test_flush_events ();
}

static void
test_export_files (void)
{
  GtkWindow *window;
  guint calls = 0;
  ShkChartView *chart = chart_in_window (&window, &calls);
  g_autofree char *dir = g_dir_make_tmp ("shk-chart-view-XXXXXX", NULL);
  const char *names[] = { "chart.png", "chart.svg", "chart.pdf" };
  const char *magic[] = { "\x89PNG", "<?xml", "%PDF" };

  shk_chart_view_set_export_title (chart, "Test chart title");
  shk_chart_view_set_description (chart, "Test chart description");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      g_assert_true (shk_chart_view_export (chart, path, SHK_CHART_STYLE_LIGHT, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_str_has_prefix (contents, magic[i]));
      /* A file exported from the window says what it shows, as the CLI's. */
      if (g_str_has_suffix (path, ".svg"))
        {
          g_assert_nonnull (strstr (contents, "<title>Test chart title</title>"));
          g_assert_nonnull (strstr (contents, "<desc>Test chart description</desc>"));
        }
      g_unlink (path);
    }
  g_rmdir (dir);

  gtk_window_destroy (window);
  shk_test_flush_events ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/chart-view/render-texture", test_render_texture);
  g_test_add_func ("/chart-view/copy", test_copy_puts_an_image_on_the_clipboard);
  g_test_add_func ("/chart-view/export", test_export_files);

  return g_test_run ();
}
