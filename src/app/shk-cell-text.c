/* shk-cell-text.c — text drawn by a table cell itself, without a label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-cell-text.h"

typedef struct
{
  /* What the sizes depend on: the font and the language, which picks
   * the fallback fonts. */
  PangoFontDescription *font;
  PangoLanguage        *language;
  int                   line_height;
  int                   digit_width;
  int                   caption_height;
} FontSizes;

/* Measured once per font with a sample of what the table shows: digits,
 * Latin letters with ascenders and descenders, kana and kanji. A table
 * uses a handful of fonts: they are looked for in a short list. */
static const FontSizes *
font_sizes (GtkWidget *widget)
{
  static GPtrArray *known;
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PangoLanguage *language = pango_context_get_language (context);
  g_autoptr(PangoLayout) layout = NULL;
  FontSizes *sizes;
  int width, height;

  if (known == NULL)
    known = g_ptr_array_new ();
  for (guint i = 0; i < known->len; i++)
    {
      sizes = g_ptr_array_index (known, i);
      if (sizes->language == language && pango_font_description_equal (sizes->font, font))
        return sizes;
    }

  sizes = g_new0 (FontSizes, 1);
  sizes->font = pango_font_description_copy (font);
  sizes->language = language;
  layout = pango_layout_new (context);
  pango_layout_set_text (layout, "0123456789", -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  sizes->digit_width = (width + 9) / 10;
  pango_layout_set_text (layout, "0Agjy（漢字かなカナ）", -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  sizes->line_height = height;
  pango_layout_set_attributes (layout, shk_cell_text_caption_attributes ());
  pango_layout_get_pixel_size (layout, NULL, &height);
  sizes->caption_height = height;
  g_ptr_array_add (known, sizes);
  return sizes;
}

int
shk_cell_text_line_height (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);

  return font_sizes (widget)->line_height;
}

int
shk_cell_text_caption_height (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);

  return font_sizes (widget)->caption_height;
}

PangoAttrList *
shk_cell_text_caption_attributes (void)
{
  static PangoAttrList *attrs;

  /* Adwaita's .caption: 9 points. */
  if (attrs == NULL)
    {
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_size_new (9 * PANGO_SCALE));
    }
  return attrs;
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
