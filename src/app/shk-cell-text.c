/* shk-cell-text.c — text drawn by a table cell itself, without a label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-cell-text.h"

typedef struct
{
  int line_height;
  int digit_width;
} FontSizes;

/* What the sizes depend on: the font and the language, which picks the
 * fallback fonts. */
static char *
dup_font_key (PangoContext *context)
{
  g_autofree char *font = pango_font_description_to_string (pango_context_get_font_description (context));

  return g_strdup_printf ("%s|%s", font, pango_language_to_string (pango_context_get_language (context)));
}

/* Measured once per font with a sample of what the table shows: digits,
 * Latin letters with ascenders and descenders, kana and kanji. */
static const FontSizes *
font_sizes (GtkWidget *widget)
{
  static GHashTable *cache;
  PangoContext *context = gtk_widget_get_pango_context (widget);
  g_autofree char *key = dup_font_key (context);
  FontSizes *sizes;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sizes = g_hash_table_lookup (cache, key);
  if (sizes == NULL)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      int width, height;

      sizes = g_new0 (FontSizes, 1);
      pango_layout_set_text (layout, "0123456789", -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      sizes->digit_width = (width + 9) / 10;
      pango_layout_set_text (layout, "0Agjy（漢字かなカナ）", -1);
      pango_layout_get_pixel_size (layout, NULL, &height);
      sizes->line_height = height;
      g_hash_table_insert (cache, g_steal_pointer (&key), sizes);
    }
  return sizes;
}

int
shk_cell_text_line_height (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);

  return font_sizes (widget)->line_height;
}

int
shk_cell_text_digit_width (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);

  return font_sizes (widget)->digit_width;
}

void
shk_cell_text_snapshot (GtkWidget    *widget,
                        GtkSnapshot  *snapshot,
                        PangoLayout **layout,
                        const char   *text,
                        float         xalign,
                        gboolean      ellipsize,
                        int           x,
                        int           y,
                        int           width,
                        int           height)
{
  PangoRectangle logical;
  GdkRGBA color;

  if (text == NULL || *text == '\0' || width <= 0)
    return;
  if (*layout == NULL)
    {
      /* The widget's font and the CSS's text attributes (tabular
       * figures for .numeric). */
      *layout = gtk_widget_create_pango_layout (widget, text);
      if (ellipsize)
        pango_layout_set_ellipsize (*layout, PANGO_ELLIPSIZE_END);
    }
  if (ellipsize && pango_layout_get_width (*layout) != width * PANGO_SCALE)
    pango_layout_set_width (*layout, width * PANGO_SCALE);

  /* Placed as GtkLabel places its text. */
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    xalign = 1.0f - xalign;
  pango_layout_get_pixel_extents (*layout, NULL, &logical);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + floorf (xalign * (width - logical.width)) - logical.x,
                                                          y + floorf ((height - logical.height) / 2.0f) - logical.y));
  gtk_snapshot_append_layout (snapshot, *layout, &color);
  gtk_snapshot_restore (snapshot);
}
