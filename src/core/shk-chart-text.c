/* shk-chart-text.c — the charts' text, laid out once and kept
 *
 * Shaping text is most of what a chart's text costs, and a chart is drawn
 * again and again with the same labels: on every frame of a resize, for
 * every slide, for every export. pango_cairo_create_layout() makes a new
 * PangoContext for each layout, and a layout made afresh shapes its text
 * again. Here a context is made once for each kind of target (the
 * transformation's linear part and the font options, which is all that
 * pango_cairo_update_context() takes from a cairo_t) and the layouts of
 * the charts' labels are kept, by text, size, weight and how they are
 * fitted (issue #17). A kept layout is exactly the layout a fresh one
 * would be: same context settings, same layout settings.
 *
 * The cache is per thread (Pango objects are not thread-safe; exports may
 * draw on a worker thread) and bounded: past MAX_LAYOUTS (a few megabytes
 * of shaped text) it starts over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "shk-chart.h"

#define MAX_CONTEXTS 8
#define MAX_LAYOUTS  2048

typedef struct
{
  PangoContext         *context;
  double                xx, yx, xy, yy;      /* the cairo_t's matrix, less the offset */
  cairo_font_options_t *surface_options;
  cairo_font_options_t *cr_options;
} TextContext;

typedef struct
{
  PangoContext    *context;   /* borrowed from the cache's contexts */
  char            *text;
  double           size_px;
  gboolean         bold;
  ShkChartTextFit  fit;
} LayoutKey;

typedef struct
{
  PangoFontMap *font_map;     /* the thread's default when the cache was filled */
  GPtrArray    *contexts;     /* of TextContext */
  GHashTable   *layouts;      /* LayoutKey → PangoLayout */
} TextCache;

static void
text_context_free (gpointer data)
{
  TextContext *tc = data;

  g_object_unref (tc->context);
  cairo_font_options_destroy (tc->surface_options);
  cairo_font_options_destroy (tc->cr_options);
  g_free (tc);
}

static void
layout_key_free (gpointer data)
{
  LayoutKey *key = data;

  g_free (key->text);
  g_free (key);
}

static guint
layout_key_hash (gconstpointer data)
{
  const LayoutKey *key = data;

  return g_str_hash (key->text) ^ g_direct_hash (key->context) ^
         g_double_hash (&key->size_px) ^ (guint) key->bold ^
         g_int_hash (&key->fit.width) ^ ((guint) key->fit.ellipsize << 8);
}

static gboolean
layout_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const LayoutKey *x = a, *y = b;

  return x->context == y->context && x->size_px == y->size_px && x->bold == y->bold &&
         x->fit.width == y->fit.width && x->fit.height == y->fit.height &&
         x->fit.wrap == y->fit.wrap && x->fit.ellipsize == y->fit.ellipsize &&
         x->fit.alignment == y->fit.alignment && strcmp (x->text, y->text) == 0;
}

static void
text_cache_clear (TextCache *cache)
{
  g_clear_pointer (&cache->layouts, g_hash_table_unref);
  g_clear_pointer (&cache->contexts, g_ptr_array_unref);
  g_clear_object (&cache->font_map);
}

static void
text_cache_free (gpointer data)
{
  TextCache *cache = data;

  text_cache_clear (cache);
  g_free (cache);
}

static GPrivate cache_key = G_PRIVATE_INIT (text_cache_free);

static TextCache *
text_cache_get (void)
{
  TextCache *cache = g_private_get (&cache_key);
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();

  if (cache == NULL)
    {
      cache = g_new0 (TextCache, 1);
      g_private_set (&cache_key, cache);
    }
  /* A new default font map (the tests reset it) has other fonts. */
  if (cache->font_map != font_map)
    text_cache_clear (cache);
  if (cache->contexts == NULL)
    {
      cache->font_map = g_object_ref (font_map);
      cache->contexts = g_ptr_array_new_with_free_func (text_context_free);
      cache->layouts = g_hash_table_new_full (layout_key_hash, layout_key_equal,
                                              layout_key_free, g_object_unref);
    }
  return cache;
}

/* The context pango_cairo_create_layout() would make for @cr, with the
 * charts' language and font options. */
static PangoContext *
new_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options;

  /* Han characters have Japanese forms only when the language says so;
   * the UI locale may well be C on a build machine. */
  pango_context_set_language (context, pango_language_from_string ("ja"));

  /* Unhinted metrics: text measures the same on an image, in SVG and in
   * PDF, so what fits on screen fits in the export. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

static PangoContext *
context_for (TextCache *cache,
             cairo_t   *cr)
{
  cairo_font_options_t *surface_options = cairo_font_options_create ();
  cairo_font_options_t *cr_options = cairo_font_options_create ();
  cairo_matrix_t m;
  TextContext *tc;

  cairo_get_matrix (cr, &m);
  cairo_surface_get_font_options (cairo_get_target (cr), surface_options);
  cairo_get_font_options (cr, cr_options);

  for (guint i = 0; i < cache->contexts->len; i++)
    {
      tc = g_ptr_array_index (cache->contexts, i);
      if (tc->xx == m.xx && tc->yx == m.yx && tc->xy == m.xy && tc->yy == m.yy &&
          cairo_font_options_equal (tc->surface_options, surface_options) &&
          cairo_font_options_equal (tc->cr_options, cr_options))
        {
          cairo_font_options_destroy (surface_options);
          cairo_font_options_destroy (cr_options);
          return tc->context;
        }
    }

  if (cache->contexts->len >= MAX_CONTEXTS)
    {
      /* Layouts point at their contexts: both go. */
      g_hash_table_remove_all (cache->layouts);
      g_ptr_array_set_size (cache->contexts, 0);
    }
  tc = g_new0 (TextContext, 1);
  tc->context = new_context (cr);
  tc->xx = m.xx;
  tc->yx = m.yx;
  tc->xy = m.xy;
  tc->yy = m.yy;
  tc->surface_options = surface_options;
  tc->cr_options = cr_options;
  g_ptr_array_add (cache->contexts, tc);
  return tc->context;
}

static PangoLayout *
new_layout (PangoContext *context,
            const char   *text,
            double        size_px,
            gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, "Noto Sans CJK JP,sans-serif");
  pango_font_description_set_absolute_size (font, MAX (size_px, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

PangoLayout *
shk_chart_create_layout (cairo_t    *cr,
                         const char *text,
                         double      size_px,
                         gboolean    bold)
{
  g_return_val_if_fail (cr != NULL, NULL);

  return new_layout (context_for (text_cache_get (), cr), text != NULL ? text : "",
                     size_px, bold);
}

PangoLayout *
shk_chart_text_layout (cairo_t               *cr,
                       const char            *text,
                       double                 size_px,
                       gboolean               bold,
                       const ShkChartTextFit *fit)
{
  static const ShkChartTextFit natural = SHK_CHART_TEXT_FIT_NATURAL;
  TextCache *cache;
  LayoutKey lookup, *key;
  PangoLayout *layout;

  g_return_val_if_fail (cr != NULL, NULL);

  cache = text_cache_get ();
  lookup = (LayoutKey) {
    .context = context_for (cache, cr),
    .text = (char *) (text != NULL ? text : ""),
    .size_px = size_px,
    .bold = bold,
    .fit = fit != NULL ? *fit : natural,
  };
  layout = g_hash_table_lookup (cache->layouts, &lookup);
  if (layout != NULL)
    return g_object_ref (layout);

  if (g_hash_table_size (cache->layouts) >= MAX_LAYOUTS)
    g_hash_table_remove_all (cache->layouts);

  layout = new_layout (lookup.context, lookup.text, size_px, bold);
  pango_layout_set_width (layout, lookup.fit.width);
  pango_layout_set_height (layout, lookup.fit.height);
  pango_layout_set_wrap (layout, lookup.fit.wrap);
  pango_layout_set_ellipsize (layout, lookup.fit.ellipsize);
  pango_layout_set_alignment (layout, lookup.fit.alignment);

  key = g_new (LayoutKey, 1);
  *key = lookup;
  key->text = g_strdup (lookup.text);
  g_hash_table_insert (cache->layouts, key, g_object_ref (layout));
  return layout;
}
