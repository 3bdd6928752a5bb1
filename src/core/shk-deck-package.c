/* shk-deck-package.c — the slides as the parts of an Office Open XML package
 *
 * The package is the smallest PresentationML that PowerPoint opens without
 * a repair prompt and LibreOffice Impress reads: one master with one
 * "title only" layout, a theme each for the slides and the notes, a notes
 * master, and per slide its part, its notes part and its picture. Every
 * part is listed in [Content_Types].xml and reached through relationships
 * (ECMA-376 Part 1, §13 and §19). The zip is written by minizip, the
 * library Debian ships beside zlib (libxlsxwriter uses it too).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <minizip/zip.h>
#include <string.h>

#include "shk-deck-private.h"

/* Sizes in EMU (914,400 to the inch): a 16:9 slide of 13.333 × 7.5 in. */
#define SLIDE_WIDTH   12192000
#define SLIDE_HEIGHT  6858000
#define NOTES_WIDTH   6858000
#define NOTES_HEIGHT  9144000
#define MARGIN        457200
#define TITLE_Y       228600
#define TITLE_HEIGHT  868680
#define BODY_Y        (TITLE_Y + TITLE_HEIGHT + 91440)
#define BODY_HEIGHT   (SLIDE_HEIGHT - BODY_Y - 228600)
#define BODY_WIDTH    (SLIDE_WIDTH - 2 * MARGIN)

#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_P "http://schemas.openxmlformats.org/presentationml/2006/main"
#define NS_ALL "xmlns:a=\"" NS_A "\" xmlns:r=\"" NS_R "\" xmlns:p=\"" NS_P "\""
#define REL_BASE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT_BASE "application/vnd.openxmlformats-officedocument."
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* Fonts every Japanese office has (Windows and macOS); elsewhere the
 * reader substitutes its own CJK font. */
#define FONT_LATIN "Yu Gothic"
#define FONT_EA    "Yu Gothic"

typedef struct
{
  zipFile   zip;
  GString  *content_types;   /* the <Override> elements */
  GError  **error;
  gboolean  failed;
} Package;

static void
package_add (Package      *package,
             const char   *name,
             const char   *content_type,
             const void   *data,
             gsize         length)
{
  zip_fileinfo info = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (package->failed)
    return;
  info.tmz_date.tm_year = g_date_time_get_year (now);
  info.tmz_date.tm_mon = g_date_time_get_month (now) - 1;
  info.tmz_date.tm_mday = g_date_time_get_day_of_month (now);
  info.tmz_date.tm_hour = g_date_time_get_hour (now);
  info.tmz_date.tm_min = g_date_time_get_minute (now);
  info.tmz_date.tm_sec = g_date_time_get_second (now);

  if (zipOpenNewFileInZip (package->zip, name, &info, NULL, 0, NULL, 0, NULL,
                           Z_DEFLATED, Z_DEFAULT_COMPRESSION) != ZIP_OK ||
      zipWriteInFileInZip (package->zip, data, (unsigned) length) != ZIP_OK ||
      zipCloseFileInZip (package->zip) != ZIP_OK)
    {
      g_set_error (package->error, SHK_DECK_ERROR, SHK_DECK_ERROR_FAILED,
                   /* TRANSLATORS: %s is a part of the file, e.g. ppt/slides/slide3.xml */
                   _("Could not write the part “%s” of the slide deck"), name);
      package->failed = TRUE;
      return;
    }
  if (content_type != NULL)
    g_string_append_printf (package->content_types,
                            "<Override PartName=\"/%s\" ContentType=\"%s\"/>", name, content_type);
}

static void
package_add_string (Package    *package,
                    const char *name,
                    const char *content_type,
                    GString    *xml)
{
  package_add (package, name, content_type, xml->str, xml->len);
}

/* Control characters (other than tab and line feed) are not allowed in
 * XML 1.0, not even as character references, and PowerPoint refuses a
 * part holding one: a text pasted with one loses it here. */
static void
append_escaped (GString    *out,
                const char *text)
{
  g_autoptr(GString) clean = g_string_new (text);
  g_autofree char *escaped = NULL;
  gsize kept = 0;

  for (gsize i = 0; i < clean->len; i++)
    {
      guchar c = (guchar) clean->str[i];

      if (c < 0x20 && c != '\t' && c != '\n')
        continue;
      clean->str[kept++] = (char) c;
    }
  g_string_truncate (clean, kept);
  escaped = g_markup_escape_text (clean->str, -1);
  g_string_append (out, escaped);
}

/* ------------------------------------------------------------------ */
/* Relationships                                                       */

typedef struct
{
  GString *xml;
} Rels;

static void
rels_init (Rels *rels)
{
  rels->xml = g_string_new (XML_DECL "<Relationships xmlns=\""
                            "http://schemas.openxmlformats.org/package/2006/relationships\">");
}

static void
rels_add (Rels       *rels,
          const char *id,
          const char *type,
          const char *target)
{
  g_string_append_printf (rels->xml, "<Relationship Id=\"%s\" Type=\"%s%s\" Target=\"%s\"/>",
                          id, g_str_has_prefix (type, "http") ? "" : REL_BASE, type, target);
}

static void
rels_write (Rels       *rels,
            Package    *package,
            const char *name)
{
  g_string_append (rels->xml, "</Relationships>");
  package_add_string (package, name, NULL, rels->xml);
  g_string_free (rels->xml, TRUE);
  rels->xml = NULL;
}

/* ------------------------------------------------------------------ */
/* Shapes                                                              */

/* The shape tree's own group, which every slide-like part starts with. */
static void
append_group_start (GString *xml)
{
  g_string_append (xml,
                   "<p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/>"
                   "<p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/>"
                   "<a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/>"
                   "</a:xfrm></p:grpSpPr>");
}

static void
append_xfrm (GString *xml,
             gint64   x,
             gint64   y,
             gint64   cx,
             gint64   cy)
{
  g_string_append_printf (xml, "<a:xfrm><a:off x=\"%" G_GINT64_FORMAT "\" y=\"%" G_GINT64_FORMAT
                          "\"/><a:ext cx=\"%" G_GINT64_FORMAT "\" cy=\"%" G_GINT64_FORMAT
                          "\"/></a:xfrm>", x, y, cx, cy);
}

/* Paragraphs of @text, one per line; @size in hundredths of a point, 0
 * for the placeholder's own. */
static void
append_paragraphs (GString    *xml,
                   const char *text,
                   int         size,
                   gboolean    bold,
                   const char *align)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_append (xml, "<a:p>");
      if (align != NULL)
        g_string_append_printf (xml, "<a:pPr algn=\"%s\"/>", align);
      if (*lines[i] != '\0')
        {
          g_string_append (xml, "<a:r><a:rPr lang=\"ja-JP\" altLang=\"en-US\"");
          if (size > 0)
            g_string_append_printf (xml, " sz=\"%d\"", size);
          if (bold)
            g_string_append (xml, " b=\"1\"");
          g_string_append (xml, " dirty=\"0\"/><a:t>");
          append_escaped (xml, lines[i]);
          g_string_append (xml, "</a:t></a:r>");
        }
      g_string_append (xml, "<a:endParaRPr lang=\"ja-JP\" altLang=\"en-US\"");
      if (size > 0)
        g_string_append_printf (xml, " sz=\"%d\"", size);
      g_string_append (xml, " dirty=\"0\"/></a:p>");
    }
}

static void
append_title (GString    *xml,
              guint       id,
              const char *text,
              gint64      y,
              gint64      height,
              int         size)
{
  g_string_append_printf (xml, "<p:sp><p:nvSpPr><p:cNvPr id=\"%u\" name=\"Title %u\"/>"
                          "<p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
                          "<p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr>", id, id);
  append_xfrm (xml, MARGIN, y, BODY_WIDTH, height);
  g_string_append (xml, "</p:spPr><p:txBody><a:bodyPr anchor=\"ctr\"><a:normAutofit/></a:bodyPr>"
                   "<a:lstStyle/>");
  append_paragraphs (xml, text, size, TRUE, size > 0 ? "ctr" : NULL);
  g_string_append (xml, "</p:txBody></p:sp>");
}

static void
append_text_box (GString    *xml,
                 guint       id,
                 const char *text,
                 gint64      y,
                 gint64      height,
                 int         size)
{
  g_string_append_printf (xml, "<p:sp><p:nvSpPr><p:cNvPr id=\"%u\" name=\"Text %u\"/>"
                          "<p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr><p:spPr>", id, id);
  append_xfrm (xml, MARGIN, y, BODY_WIDTH, height);
  g_string_append (xml, "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>"
                   "<p:txBody><a:bodyPr wrap=\"square\" anchor=\"t\"><a:normAutofit/></a:bodyPr>"
                   "<a:lstStyle/>");
  append_paragraphs (xml, text, size, FALSE, "ctr");
  g_string_append (xml, "</p:txBody></p:sp>");
}

/* The picture as large as the body allows, its aspect kept, centred. */
static void
append_picture (GString            *xml,
                guint               id,
                const ShkDeckSlide *slide,
                const char         *rel_id)
{
  double aspect = (double) slide->picture_width / MAX (slide->picture_height, 1);
  gint64 cx = BODY_WIDTH;
  gint64 cy = (gint64) (cx / aspect);

  if (cy > BODY_HEIGHT)
    {
      cy = BODY_HEIGHT;
      cx = (gint64) (cy * aspect);
    }
  g_string_append_printf (xml, "<p:pic><p:nvPicPr><p:cNvPr id=\"%u\" name=\"", id);
  append_escaped (xml, slide->picture_name);
  g_string_append (xml, "\" descr=\"");
  append_escaped (xml, slide->picture_descr);
  g_string_append_printf (xml, "\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr>"
                          "<p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed=\"%s\"/>"
                          "<a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>", rel_id);
  append_xfrm (xml, (SLIDE_WIDTH - cx) / 2, BODY_Y + (BODY_HEIGHT - cy) / 2, cx, cy);
  g_string_append (xml, "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>");
}

static void
append_cell (GString    *xml,
             const char *text,
             gboolean    heading,
             int         size)
{
  g_string_append (xml, "<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>");
  append_paragraphs (xml, text, size, heading, NULL);
  g_string_append (xml, "</a:txBody><a:tcPr marL=\"68580\" marR=\"68580\" marT=\"45720\" "
                   "marB=\"45720\" anchor=\"ctr\"><a:lnB w=\"9525\"><a:solidFill>"
                   "<a:srgbClr val=\"8C96A0\"/></a:solidFill></a:lnB>");
  g_string_append (xml, heading ? "<a:solidFill><a:srgbClr val=\"DDE6F0\"/></a:solidFill>"
                                : "<a:noFill/>");
  g_string_append (xml, "</a:tcPr></a:tc>");
}

static void
append_table (GString            *xml,
              guint               id,
              const ShkDeckSlide *slide)
{
  guint n_rows = slide->cells->len / slide->n_columns;
  /* Rows share the body's height, up to 0.55 in: 16-point text read from
   * the back of a meeting room. */
  gint64 row_height = MIN (BODY_HEIGHT / MAX (n_rows, 1), 502920);
  int size = row_height >= 457200 ? 1600 : 1400;
  double total = 0;

  for (guint c = 0; c < slide->n_columns; c++)
    total += slide->column_weights[c];

  g_string_append_printf (xml, "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"%u\" "
                          "name=\"Table %u\" descr=\"", id, id);
  append_escaped (xml, slide->table_descr);
  g_string_append (xml, "\"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/>"
                   "</p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>");
  g_string_append_printf (xml, "<p:xfrm><a:off x=\"%d\" y=\"%d\"/><a:ext cx=\"%d\" cy=\"%"
                          G_GINT64_FORMAT "\"/></p:xfrm>", MARGIN, BODY_Y, BODY_WIDTH,
                          row_height * n_rows);
  g_string_append (xml, "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/"
                   "drawingml/2006/table\"><a:tbl><a:tblPr firstRow=\"1\"/><a:tblGrid>");
  for (guint c = 0; c < slide->n_columns; c++)
    g_string_append_printf (xml, "<a:gridCol w=\"%" G_GINT64_FORMAT "\"/>",
                            (gint64) (BODY_WIDTH * slide->column_weights[c] / total));
  g_string_append (xml, "</a:tblGrid>");
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append_printf (xml, "<a:tr h=\"%" G_GINT64_FORMAT "\">", row_height);
      for (guint c = 0; c < slide->n_columns; c++)
        append_cell (xml, g_ptr_array_index (slide->cells, r * slide->n_columns + c), r == 0, size);
      g_string_append (xml, "</a:tr>");
    }
  g_string_append (xml, "</a:tbl></a:graphicData></a:graphic></p:graphicFrame>");
}

/* ------------------------------------------------------------------ */
/* Slides and their notes                                              */

static void
write_slide (Package            *package,
             const ShkDeckSlide *slide,
             guint               number)
{
  g_autoptr(GString) xml = g_string_new (XML_DECL "<p:sld " NS_ALL ">");
  g_autofree char *name = g_strdup_printf ("ppt/slides/slide%u.xml", number);
  g_autofree char *rels_name = g_strdup_printf ("ppt/slides/_rels/slide%u.xml.rels", number);
  g_autofree char *notes_target = g_strdup_printf ("../notesSlides/notesSlide%u.xml", number);
  Rels rels;

  g_string_append (xml, "<p:cSld>");
  append_group_start (xml);
  if (slide->subtitle != NULL)
    {
      /* The title slide: the title in the upper middle, the rest under it. */
      append_title (xml, 2, slide->title, SLIDE_HEIGHT / 4, SLIDE_HEIGHT / 4, 4000);
      append_text_box (xml, 3, slide->subtitle, SLIDE_HEIGHT / 2 + 182880, SLIDE_HEIGHT / 3, 2000);
    }
  else
    append_title (xml, 2, slide->title, TITLE_Y, TITLE_HEIGHT, 0);

  rels_init (&rels);
  rels_add (&rels, "rId1", "slideLayout", "../slideLayouts/slideLayout1.xml");
  rels_add (&rels, "rId2", "notesSlide", notes_target);
  if (slide->picture != NULL)
    {
      g_autofree char *media = g_strdup_printf ("ppt/media/image%u.png", number);
      g_autofree char *target = g_strdup_printf ("../media/image%u.png", number);

      append_picture (xml, 4, slide, "rId3");
      rels_add (&rels, "rId3", "image", target);
      package_add (package, media, NULL, g_bytes_get_data (slide->picture, NULL),
                   g_bytes_get_size (slide->picture));
    }
  if (slide->cells != NULL)
    append_table (xml, 5, slide);
  g_string_append (xml, "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>"
                   "</p:sld>");

  package_add_string (package, name, CT_BASE "presentationml.slide+xml", xml);
  rels_write (&rels, package, rels_name);
}

static void
write_notes (Package            *package,
             const ShkDeckSlide *slide,
             guint               number)
{
  g_autoptr(GString) xml = g_string_new (XML_DECL "<p:notes " NS_ALL ">");
  g_autofree char *name = g_strdup_printf ("ppt/notesSlides/notesSlide%u.xml", number);
  g_autofree char *rels_name = g_strdup_printf ("ppt/notesSlides/_rels/notesSlide%u.xml.rels",
                                                number);
  g_autofree char *slide_target = g_strdup_printf ("../slides/slide%u.xml", number);
  g_autofree char *text = NULL;
  Rels rels;

  g_ptr_array_add (slide->notes, NULL);
  text = g_strjoinv ("\n", (char **) slide->notes->pdata);
  g_ptr_array_remove_index (slide->notes, slide->notes->len - 1);

  g_string_append (xml, "<p:cSld>");
  append_group_start (xml);
  g_string_append (xml, "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image 1\"/><p:cNvSpPr>"
                   "<a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr>"
                   "<p:nvPr><p:ph type=\"sldImg\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>"
                   "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes 2\"/><p:cNvSpPr>"
                   "<a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" idx=\"1\"/>"
                   "</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>");
  append_paragraphs (xml, text, 0, FALSE, NULL);
  g_string_append (xml, "</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr>"
                   "<a:masterClrMapping/></p:clrMapOvr></p:notes>");
  package_add_string (package, name, CT_BASE "presentationml.notesSlide+xml", xml);

  rels_init (&rels);
  rels_add (&rels, "rId1", "notesMaster", "../notesMasters/notesMaster1.xml");
  rels_add (&rels, "rId2", "slide", slide_target);
  rels_write (&rels, package, rels_name);
}

/* ------------------------------------------------------------------ */
/* Masters, layout, themes                                             */

static void
write_theme (Package    *package,
             const char *name,
             const char *theme_name)
{
  g_autoptr(GString) xml = g_string_new (XML_DECL);
  static const char *const fills =
    "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";

  g_string_append_printf (xml, "<a:theme xmlns:a=\"" NS_A "\" name=\"%s\"><a:themeElements>",
                          theme_name);
  g_string_append (xml,
    "<a:clrScheme name=\"Shinchoku\">"
    "<a:dk1><a:srgbClr val=\"000000\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1>"
    "<a:dk2><a:srgbClr val=\"1F2A36\"/></a:dk2><a:lt2><a:srgbClr val=\"EEF2F6\"/></a:lt2>"
    "<a:accent1><a:srgbClr val=\"1C71D8\"/></a:accent1><a:accent2><a:srgbClr val=\"E66100\"/></a:accent2>"
    "<a:accent3><a:srgbClr val=\"2EC27E\"/></a:accent3><a:accent4><a:srgbClr val=\"9141AC\"/></a:accent4>"
    "<a:accent5><a:srgbClr val=\"865E3C\"/></a:accent5><a:accent6><a:srgbClr val=\"5E5C64\"/></a:accent6>"
    "<a:hlink><a:srgbClr val=\"1A5FB4\"/></a:hlink><a:folHlink><a:srgbClr val=\"613583\"/></a:folHlink>"
    "</a:clrScheme><a:fontScheme name=\"Shinchoku\">"
    "<a:majorFont><a:latin typeface=\"" FONT_LATIN "\"/><a:ea typeface=\"" FONT_EA "\"/>"
    "<a:cs typeface=\"\"/></a:majorFont>"
    "<a:minorFont><a:latin typeface=\"" FONT_LATIN "\"/><a:ea typeface=\"" FONT_EA "\"/>"
    "<a:cs typeface=\"\"/></a:minorFont></a:fontScheme><a:fmtScheme name=\"Shinchoku\"><a:fillStyleLst>");
  for (guint i = 0; i < 3; i++)
    g_string_append (xml, fills);
  g_string_append (xml, "</a:fillStyleLst><a:lnStyleLst>");
  for (guint i = 0; i < 3; i++)
    g_string_append_printf (xml, "<a:ln w=\"%u\"><a:solidFill><a:schemeClr val=\"phClr\"/>"
                            "</a:solidFill></a:ln>", 6350 * (i + 1));
  g_string_append (xml, "</a:lnStyleLst><a:effectStyleLst>");
  for (guint i = 0; i < 3; i++)
    g_string_append (xml, "<a:effectStyle><a:effectLst/></a:effectStyle>");
  g_string_append (xml, "</a:effectStyleLst><a:bgFillStyleLst>");
  for (guint i = 0; i < 3; i++)
    g_string_append (xml, fills);
  g_string_append (xml, "</a:bgFillStyleLst></a:fmtScheme></a:themeElements>"
                   "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>");
  package_add_string (package, name, CT_BASE "theme+xml", xml);
}

#define CLR_MAP "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" " \
  "accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" " \
  "accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>"

static void
write_master (Package *package)
{
  g_autoptr(GString) xml = g_string_new (XML_DECL "<p:sldMaster " NS_ALL ">");
  Rels rels;

  g_string_append (xml, "<p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/>"
                   "</p:bgRef></p:bg>");
  append_group_start (xml);
  append_title (xml, 2, "", TITLE_Y, TITLE_HEIGHT, 0);
  g_string_append (xml, "</p:spTree></p:cSld>" CLR_MAP
                   "<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/>"
                   "</p:sldLayoutIdLst><p:txStyles>"
                   "<p:titleStyle><a:lvl1pPr algn=\"l\"><a:defRPr sz=\"3200\" b=\"1\">"
                   "<a:solidFill><a:schemeClr val=\"tx2\"/></a:solidFill>"
                   "<a:latin typeface=\"+mj-lt\"/><a:ea typeface=\"+mj-ea\"/>"
                   "</a:defRPr></a:lvl1pPr></p:titleStyle>"
                   "<p:bodyStyle><a:lvl1pPr><a:defRPr sz=\"2000\"><a:solidFill>"
                   "<a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/>"
                   "<a:ea typeface=\"+mn-ea\"/></a:defRPr></a:lvl1pPr></p:bodyStyle>"
                   "<p:otherStyle><a:lvl1pPr><a:defRPr sz=\"1800\"><a:solidFill>"
                   "<a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/>"
                   "<a:ea typeface=\"+mn-ea\"/></a:defRPr></a:lvl1pPr></p:otherStyle>"
                   "</p:txStyles></p:sldMaster>");
  package_add_string (package, "ppt/slideMasters/slideMaster1.xml",
                      CT_BASE "presentationml.slideMaster+xml", xml);

  rels_init (&rels);
  rels_add (&rels, "rId1", "slideLayout", "../slideLayouts/slideLayout1.xml");
  rels_add (&rels, "rId2", "theme", "../theme/theme1.xml");
  rels_write (&rels, package, "ppt/slideMasters/_rels/slideMaster1.xml.rels");
}

static void
write_layout (Package *package)
{
  g_autoptr(GString) xml = g_string_new (XML_DECL "<p:sldLayout " NS_ALL
                                         " type=\"titleOnly\" preserve=\"1\">");
  Rels rels;

  g_string_append (xml, "<p:cSld name=\"Title Only\">");
  append_group_start (xml);
  g_string_append (xml, "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title 1\"/><p:cNvSpPr>"
                   "<a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr>"
                   "</p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p>"
                   "<a:endParaRPr lang=\"ja-JP\"/></a:p></p:txBody></p:sp>"
                   "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>"
                   "</p:sldLayout>");
  package_add_string (package, "ppt/slideLayouts/slideLayout1.xml",
                      CT_BASE "presentationml.slideLayout+xml", xml);

  rels_init (&rels);
  rels_add (&rels, "rId1", "slideMaster", "../slideMasters/slideMaster1.xml");
  rels_write (&rels, package, "ppt/slideLayouts/_rels/slideLayout1.xml.rels");
}

static void
write_notes_master (Package *package)
{
  g_autoptr(GString) xml = g_string_new (XML_DECL "<p:notesMaster " NS_ALL "><p:cSld>");
  Rels rels;

  append_group_start (xml);
  g_string_append (xml, "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image 1\"/><p:cNvSpPr>"
                   "<a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr>"
                   "<p:nvPr><p:ph type=\"sldImg\" idx=\"2\"/></p:nvPr></p:nvSpPr><p:spPr>"
                   "<a:xfrm><a:off x=\"381000\" y=\"685800\"/><a:ext cx=\"6096000\" "
                   "cy=\"3429000\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
                   "<a:noFill/><a:ln w=\"12700\"><a:solidFill><a:prstClr val=\"black\"/>"
                   "</a:solidFill></a:ln></p:spPr></p:sp>"
                   "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/><p:cNvSpPr>"
                   "<a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" sz=\"quarter\" "
                   "idx=\"3\"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"685800\" "
                   "y=\"4343400\"/><a:ext cx=\"5486400\" cy=\"4114800\"/></a:xfrm>"
                   "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr><p:txBody>"
                   "<a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"ja-JP\"/></a:p></p:txBody>"
                   "</p:sp></p:spTree></p:cSld>" CLR_MAP
                   "<p:notesStyle><a:lvl1pPr><a:defRPr sz=\"1200\"><a:solidFill>"
                   "<a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/>"
                   "<a:ea typeface=\"+mn-ea\"/></a:defRPr></a:lvl1pPr></p:notesStyle>"
                   "</p:notesMaster>");
  package_add_string (package, "ppt/notesMasters/notesMaster1.xml",
                      CT_BASE "presentationml.notesMaster+xml", xml);

  rels_init (&rels);
  rels_add (&rels, "rId1", "theme", "../theme/theme2.xml");
  rels_write (&rels, package, "ppt/notesMasters/_rels/notesMaster1.xml.rels");
}

/* ------------------------------------------------------------------ */
/* The presentation and the package's own parts                        */

static void
write_presentation (Package   *package,
                    GPtrArray *slides)
{
  g_autoptr(GString) xml = g_string_new (XML_DECL "<p:presentation " NS_ALL
                                         " saveSubsetFonts=\"1\">");
  Rels rels;

  g_string_append (xml, "<p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/>"
                   "</p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id=\"rId2\"/>"
                   "</p:notesMasterIdLst><p:sldIdLst>");
  for (guint i = 0; i < slides->len; i++)
    g_string_append_printf (xml, "<p:sldId id=\"%u\" r:id=\"rId%u\"/>", 256 + i, 10 + i);
  g_string_append_printf (xml, "</p:sldIdLst><p:sldSz cx=\"%d\" cy=\"%d\"/>"
                          "<p:notesSz cx=\"%d\" cy=\"%d\"/></p:presentation>",
                          SLIDE_WIDTH, SLIDE_HEIGHT, NOTES_WIDTH, NOTES_HEIGHT);
  package_add_string (package, "ppt/presentation.xml",
                      CT_BASE "presentationml.presentation.main+xml", xml);

  rels_init (&rels);
  rels_add (&rels, "rId1", "slideMaster", "slideMasters/slideMaster1.xml");
  rels_add (&rels, "rId2", "notesMaster", "notesMasters/notesMaster1.xml");
  rels_add (&rels, "rId3", "theme", "theme/theme1.xml");
  rels_add (&rels, "rId4", "presProps", "presProps.xml");
  rels_add (&rels, "rId5", "viewProps", "viewProps.xml");
  rels_add (&rels, "rId6", "tableStyles", "tableStyles.xml");
  for (guint i = 0; i < slides->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("rId%u", 10 + i);
      g_autofree char *target = g_strdup_printf ("slides/slide%u.xml", i + 1);

      rels_add (&rels, id, "slide", target);
    }
  rels_write (&rels, package, "ppt/_rels/presentation.xml.rels");
}

static void
write_small_parts (Package    *package,
                   const char *title,
                   const char *author,
                   guint       n_slides)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  Rels rels;

  g_string_assign (xml, XML_DECL "<p:presentationPr " NS_ALL "/>");
  package_add_string (package, "ppt/presProps.xml", CT_BASE "presentationml.presProps+xml", xml);
  g_string_assign (xml, XML_DECL "<p:viewPr " NS_ALL "><p:normalViewPr><p:restoredLeft sz=\"15620\"/>"
                   "<p:restoredTop sz=\"80000\"/></p:normalViewPr><p:gridSpacing cx=\"72008\" "
                   "cy=\"72008\"/></p:viewPr>");
  package_add_string (package, "ppt/viewProps.xml", CT_BASE "presentationml.viewProps+xml", xml);
  g_string_assign (xml, XML_DECL "<a:tblStyleLst xmlns:a=\"" NS_A "\" "
                   "def=\"{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}\"/>");
  package_add_string (package, "ppt/tableStyles.xml",
                      CT_BASE "presentationml.tableStyles+xml", xml);

  g_string_assign (xml, XML_DECL "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/"
                   "package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                   "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                   "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
  append_escaped (xml, title);
  g_string_append (xml, "</dc:title><dc:creator>");
  append_escaped (xml, author);
  g_string_append_printf (xml, "</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">%s"
                          "</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">%s"
                          "</dcterms:modified></cp:coreProperties>", stamp, stamp);
  package_add_string (package, "docProps/core.xml",
                      "application/vnd.openxmlformats-package.core-properties+xml", xml);
  g_string_printf (xml, XML_DECL "<Properties xmlns=\"http://schemas.openxmlformats.org/"
                   "officeDocument/2006/extended-properties\"><Application>Shinchoku</Application>"
                   "<Slides>%u</Slides><Notes>%u</Notes><PresentationFormat>16:9</PresentationFormat>"
                   "</Properties>", n_slides, n_slides);
  package_add_string (package, "docProps/app.xml", CT_BASE "extended-properties+xml", xml);

  rels_init (&rels);
  rels_add (&rels, "rId1", "officeDocument", "ppt/presentation.xml");
  rels_add (&rels, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
            "core-properties", "docProps/core.xml");
  rels_add (&rels, "rId3", "extended-properties", "docProps/app.xml");
  rels_write (&rels, package, "_rels/.rels");
}

gboolean
shk_deck_package_write (const char  *path,
                        const char  *title,
                        const char  *author,
                        GPtrArray   *slides,
                        GError     **error)
{
  Package package = { .error = error };
  g_autoptr(GString) types = NULL;

  package.zip = zipOpen (path, APPEND_STATUS_CREATE);
  if (package.zip == NULL)
    {
      g_set_error (error, SHK_DECK_ERROR, SHK_DECK_ERROR_FAILED,
                   _("Could not create the slide deck “%s”"), path);
      return FALSE;
    }
  package.content_types = g_string_new (NULL);

  write_presentation (&package, slides);
  write_master (&package);
  write_layout (&package);
  write_notes_master (&package);
  write_theme (&package, "ppt/theme/theme1.xml", "Shinchoku");
  write_theme (&package, "ppt/theme/theme2.xml", "Shinchoku Notes");
  for (guint i = 0; i < slides->len; i++)
    {
      write_slide (&package, g_ptr_array_index (slides, i), i + 1);
      write_notes (&package, g_ptr_array_index (slides, i), i + 1);
    }
  write_small_parts (&package, title, author, slides->len);

  /* Written last, when every part's type is known; readers find it by
   * name, not by place. */
  types = g_string_new (XML_DECL "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                        "content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                        "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                        "ContentType=\"application/xml\"/><Default Extension=\"png\" "
                        "ContentType=\"image/png\"/>");
  g_string_append (types, package.content_types->str);
  g_string_append (types, "</Types>");
  package_add_string (&package, "[Content_Types].xml", NULL, types);
  g_string_free (package.content_types, TRUE);

  if (zipClose (package.zip, NULL) != ZIP_OK && !package.failed)
    {
      g_set_error (error, SHK_DECK_ERROR, SHK_DECK_ERROR_FAILED,
                   _("Could not finish the slide deck “%s”"), path);
      return FALSE;
    }
  return !package.failed;
}
