/* test-report.c — the meeting handout
 *
 * The handout's pages are checked as the committee will see them: the
 * PDF's own text, page by page, read with pdftotext (poppler-utils) when
 * it is installed. Without it, the layout is still checked through the
 * API: page counts, sizes and drawing without cairo errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "shk-format.h"
#include "shk-report-private.h"

typedef struct
{
  char      *dir;
  char      *path;
  ShkPlan   *plan;
  GDateTime *date;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("shinchoku-report-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "handout.pdf", NULL);
  fixture->plan = shk_builtin_plan_new ();
  fixture->date = g_date_time_new_local (2021, 6, 10, 0, 0, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
  g_object_unref (fixture->plan);
  g_date_time_unref (fixture->date);
}

/* The text of one page (1-based), or NULL without pdftotext. */
static char *
page_text (const char *path,
           guint       page)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;
  const char *argv[] = { NULL, "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };

  if (program == NULL)
    return NULL;
  argv[0] = program;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
pdf_page_count (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  guint pages = 0;

  /* Each page object is "/Type /Page" (not "/Pages"). */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = 0; i + 12 <= length; i++)
    if (memcmp (contents + i, "/Type /Page", 11) == 0 && contents[i + 11] != 's')
      pages++;
  return pages;
}

/* Which page (1-based) holds @needle, from @from on; 0 if none. */
static guint
find_page (const char *path,
           guint       n_pages,
           guint       from,
           const char *needle)
{
  for (guint page = from; page <= n_pages; page++)
    {
      g_autofree char *text = page_text (path, page);

      if (strstr (text, needle) != NULL)
        return page;
    }
  return 0;
}

static void
test_report_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ShkReport) report = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages;
  double width, height;

  shk_paper_size_get_points (SHK_PAPER_A4, SHK_ORIENTATION_LANDSCAPE, &width, &height);
  report = shk_report_new (fixture->plan, width, height, fixture->date);
  n_pages = shk_report_get_n_pages (report);
  /* Summary, lists, several pages of measures, the survey, three
   * scenarios: more than ten pages, but not one page per measure. */
  g_assert_cmpuint (n_pages, >=, 10);
  g_assert_cmpuint (n_pages, <=, 30);

  g_assert_true (shk_report_save_pdf (report, fixture->path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_page_count (fixture->path), ==, n_pages);
}

static void
test_report_text (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ShkReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  GListModel *scenarios = shk_plan_get_scenarios (fixture->plan);
  guint n_pages, measures_page, survey_page, lagging_page;
  double width, height;

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  shk_paper_size_get_points (SHK_PAPER_A4, SHK_ORIENTATION_LANDSCAPE, &width, &height);
  report = shk_report_new (fixture->plan, width, height, fixture->date);
  n_pages = shk_report_get_n_pages (report);
  g_assert_true (shk_report_save_pdf (report, fixture->path, &error));
  g_assert_no_error (error);

  /* The title, the date and "n / N" on every page. */
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = page_text (fixture->path, page);
      g_autofree char *number = g_strdup_printf ("%u / %u", page, n_pages);

      g_assert_nonnull (strstr (text, shk_plan_get_title (fixture->plan)));
      g_assert_nonnull (strstr (text, "June 10, 2021"));
      g_assert_nonnull (strstr (text, number));
    }

  /* Page 1: 資料1-1 (1), the grade summary with the published figures;
   * R2/R3 － is 5.5 % as printed, and the footnote says why. */
  first = page_text (fixture->path, 1);
  g_assert_nonnull (strstr (first, "Document 1-1"));
  g_assert_nonnull (strstr (first, "(1) Achievement status"));
  g_assert_nonnull (strstr (first, "35 (64.8%)"));
  g_assert_nonnull (strstr (first, "3 (5.5%)"));
  g_assert_nonnull (strstr (first, "Fully achieved"));
  g_assert_nonnull (strstr (first, "largest remainder"));
  g_assert_nonnull (strstr (first, "3 ÷ 54 = 5.56%, shown as 5.5%"));

  /* The lagging list holds the measures the handout lists, with No.11's
   * printed rates and the R1/R3 rate column. */
  lagging_page = find_page (fixture->path, n_pages, 1, "(3) Measures not really achieved");
  g_assert_cmpuint (lagging_page, >, 1);
  {
    g_autofree char *text = page_text (fixture->path, lagging_page);

    g_assert_nonnull (strstr (text, "地方税共通納税システムの整備"));
    g_assert_nonnull (strstr (text, "(7)"));
    g_assert_nonnull (strstr (text, "33.0%※"));
    g_assert_nonnull (strstr (text, "67.0%※"));
    g_assert_nonnull (strstr (text, "45.8%"));
    g_assert_nonnull (strstr (text, "are those printed in the handout"));
  }
  measures_page = find_page (fixture->path, n_pages, lagging_page, "(6) Progress of every measure");
  g_assert_cmpuint (measures_page, >, lagging_page);
  survey_page = find_page (fixture->path, n_pages, measures_page, "1. Analysis of the work processes");
  g_assert_cmpuint (survey_page, >, measures_page + 2);

  /* The measure table's heading row is repeated on each of its pages. */
  for (guint page = measures_page + 1; page < survey_page; page++)
    {
      g_autofree char *text = page_text (fixture->path, page);

      g_assert_nonnull (strstr (text, "(continued)"));
      g_assert_nonnull (strstr (text, "Indicator"));
      g_assert_nonnull (strstr (text, "R2/R3"));
    }
  g_assert_cmpuint (find_page (fixture->path, n_pages, survey_page, "多言語に対応した観光案内"), >=,
                    survey_page);

  /* Each scenario on its own page, with the handouts' published total. */
  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(ShkScenario) scenario = g_list_model_get_item (scenarios, i);

      g_assert_cmpuint (find_page (fixture->path, n_pages, survey_page,
                                   shk_scenario_get_name (scenario)), >, survey_page);
    }
  g_assert_cmpuint (find_page (fixture->path, n_pages, survey_page, "¥37,395,173"), >, survey_page);
}

/* The whole handout's text, pages and lines joined. */
static char *
handout_text (Fixture *fixture)
{
  g_autoptr(ShkReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);
  double width, height;

  shk_paper_size_get_points (SHK_PAPER_A4, SHK_ORIENTATION_LANDSCAPE, &width, &height);
  report = shk_report_new (fixture->plan, width, height, fixture->date);
  g_assert_true (shk_report_save_pdf (report, fixture->path, &error));
  g_assert_no_error (error);
  for (guint page = 1; page <= shk_report_get_n_pages (report); page++)
    {
      g_autofree char *one = page_text (fixture->path, page);

      g_string_append (text, one);
    }
  /* Lines joined: a wrapped cell reads as one text. */
  g_string_replace (text, "\n", "", 0);
  return g_string_free (text, FALSE);
}

/* Where @needle first occurs in @text, after @from; fails when absent. */
static const char *
assert_after (const char *text,
              const char *from,
              const char *needle)
{
  const char *found = strstr (from, needle);

  if (found == NULL)
    g_error ("“%s” not found after offset %ld", needle, (long) (from - text));
  return found;
}

/* The handout follows the committee's documents: 資料1-1 (1)…(6), then
 * 資料1-3's sections, then Shinchoku's audit. */
static void
test_report_order (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *const order[] = {
    "Document 1-1", "(1) Achievement status", "(2) Measures newly fully achieved",
    "(3) Measures not really achieved", "(4) Measures added in", "(5) Main measures with expansions",
    "(6) Progress of every measure", "Document 1-3", "1. Analysis of the work processes",
    "3. Priority classes", "4. Cost-effectiveness estimates", "Audit: the document checked",
  };
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  const ShkReportSection *sections;
  const char *at;
  guint n;

  /* The table itself: the documents in their order, each once. */
  sections = shk_report_get_sections (&n);
  g_assert_cmpuint (n, >=, 10);
  for (guint i = 1; i < n; i++)
    if (sections[i].document != NULL && sections[i - 1].document != NULL)
      g_assert_cmpint (strcmp (sections[i - 1].document, sections[i].document), <=, 0);
  g_assert_cmpstr (sections[0].number, ==, "(1)");
  g_assert_cmpstr (sections[5].number, ==, "(6)");

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  text = handout_text (fixture);
  at = text;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    at = assert_after (text, at, order[i]);
}

/* (2): the 9 measures that newly reached ◎ (◎ in R2/R3, not in R1/R3),
 * 8 by their rate and No.19 by the office's judgement; (4) and (5). */
static void
test_report_lists (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *const rated[] = {
    "鹿児島市ホームページの充実", "電子納品の推進", "オープンデータの推進",
    "庁内サーバの統合による消費電力の削減", "生物多様性学習教材の提供", "観光ホームページの運営",
    "かごぷり", "情報関連企業の立地",
  };
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *added = NULL;
  const char *a, *b, *c, *d;

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  text = handout_text (fixture);

  a = assert_after (text, text, "(2) Measures newly fully achieved (◎) at the end of 令和2年度 (9)");
  b = assert_after (text, a, "① Achieved");
  g_assert_nonnull (strstr (b, "(8)"));
  c = assert_after (text, b, "② Achieved as judged by the office from the work done (1)");
  d = assert_after (text, c, "Every measure fully achieved (◎) in R2/R3 (35)");
  first = g_strndup (b, c - b);
  second = g_strndup (c, d - c);
  for (guint i = 0; i < G_N_ELEMENTS (rated); i++)
    g_assert_nonnull (strstr (first, rated[i]));
  /* ◎ in R1/R3 already: not new. */
  g_assert_null (strstr (first, "SNS等を活用した市政情報発信の充実"));
  g_assert_null (strstr (first, "電子申請システムの拡充"));
  g_assert_nonnull (strstr (first, "110.1%"));
  g_assert_nonnull (strstr (first, "265.1%"));
  g_assert_nonnull (strstr (second, "通信環境の改善促進"));

  /* (4): the 8 measures added in R3, with their purposes; (5): the two
   * expansions of R3. */
  a = assert_after (text, d, "(4) Measures added in 令和3年度 (8)");
  b = assert_after (text, a, "(5) Main measures with expansions in 令和3年度 (2)");
  added = g_strndup (a, b - a);
  g_assert_nonnull (strstr (added, "「おくやみコーナー」の設置"));
  g_assert_nonnull (strstr (added, "防災ラジオの有償提供"));
  g_assert_nonnull (strstr (added, "母子健康手帳アプリを導入し"));
  g_assert_null (strstr (added, "電子申請システムの拡充"));
  c = assert_after (text, b, "自動翻訳機能");
  assert_after (text, c, "電子図書館サービス");
}

/* 資料1-3 5-1 with its example tasks (代表事務例) and its closing
 * sentence, the second 5-2 (更なる業務効率化…), 6. with the 28
 * businesses of its 32 processes, then 7. and 7-1, before the audit: the
 * policy diagram's boxes, its note and both paragraphs, as the seed
 * prints them. */
static void
test_report_promotion (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *const order[] = {
    "5. Qualitative effects", "Example tasks", "特別徴収異動届処理業務", "口座振替登録業務",
    "多言語AI翻訳(AIチャットボット)による応対", "相乗的効果が期待される。",
    "更なる業務効率化を進めるための検討事項", "顕在化した事項", "・電子申請によりデータ入力の省力化",
    "「限られた人的資源での行政サービスの向上」", "6. e-application candidates",
    "32 processes of 28 businesses need neither a visit nor an identity check; 8 procedures",
    "7. Promoting efficient work with AI, RPA and the like",
    "7-1 推進方針", "自治体DX推進計画（情報システムの標準化）", "標準準拠システム構築(業務プロセスの標準化)",
    "本書の範囲", "調査業務（AI・RPA等活用への課題整理）", "AI・RPA等の活用", "業務効率化・市民サービスの向上",
    "総務省 令和2年12月25日", "導入し活用することが望ましい。", "2025年度を目標に標準化される予定",
    "Audit: the document checked",
  };
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autoptr(GString) blocks = g_string_new (NULL);
  g_autoptr(ShkReport) report = NULL;
  double width, height;
  const char *at;

  /* The report's own blocks, whatever reads the PDF. */
  shk_paper_size_get_points (SHK_PAPER_A4, SHK_ORIENTATION_LANDSCAPE, &width, &height);
  report = shk_report_new (fixture->plan, width, height, fixture->date);
  for (guint i = 0; i < report->flow->blocks->len; i++)
    {
      const ShkPageBlock *block = g_ptr_array_index (report->flow->blocks, i);

      if (block->markup != NULL)
        g_string_append (blocks, block->markup);
    }
  /* From 7. on (tables' cells are not blocks), up to the audit. */
  at = blocks->str;
  for (guint i = 12; i < G_N_ELEMENTS (order) - 1; i++)
    at = assert_after (blocks->str, at, order[i]);

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  text = handout_text (fixture);
  at = text;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    at = assert_after (text, at, order[i]);
}

/* (1) and (6): No.31 and No.51 are graded but not counted; figures keep
 * their own precision; indicator labels wrap and are never cut. */
static void
test_report_figures (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;
  const char *at;

  /* What the table prints for a figure. */
  value = shk_report_format_figure (40.789);
  g_assert_cmpstr (value, ==, "40.789");
  g_free (value);
  value = shk_report_format_figure (3400000);
  g_assert_cmpstr (value, ==, "3,400,000");
  g_free (value);
  value = shk_report_format_figure (73.4);
  g_assert_cmpstr (value, ==, "73.4");

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  text = handout_text (fixture);

  at = assert_after (text, text, "No.31 (オンライン観光支援補助金, ○), No.51 (防災ラジオの有償提供, ◎) "
                                 "were added in 令和3年度");
  at = assert_after (text, at, "(6) Progress of every measure");
  at = assert_after (text, at, "40.789");
  /* No.5's label in full, and Nos. 15–17 say what they count. */
  g_assert_nonnull (strstr (text, "搭載件数の割合"));
  g_assert_nonnull (strstr (text, "オンライン相談の導入か所数"));
  g_assert_nonnull (strstr (text, "キャッシュレス決済端末の導入か所数"));
  /* Nothing in the handout is cut short with an ellipsis. */
  g_assert_null (strstr (text, "…"));
  /* The departure mark at full size. */
  g_assert_nonnull (strstr (text, "◎＊"));
  assert_after (text, at, "were added in 令和3年度");
}

/* What the pages hold: page 1 is filled, and no table leaves a page
 * with a stray row or two, at its start or its end. */
static void
test_report_pagination (Fixture       *fixture,
                        gconstpointer  data)
{
  static const ShkOrientation orientations[] = { SHK_ORIENTATION_LANDSCAPE, SHK_ORIENTATION_PORTRAIT };

  for (guint o = 0; o < G_N_ELEMENTS (orientations); o++)
    {
      g_autoptr(ShkReport) report = NULL;
      double width, height, lowest = 0;
      GArray *first;

      shk_paper_size_get_points (SHK_PAPER_A4, orientations[o], &width, &height);
      report = shk_report_new (fixture->plan, width, height, fixture->date);

      first = g_ptr_array_index (report->flow->pages, 0);
      for (guint i = 0; i < first->len; i++)
        {
          const ShkPagePlacement *placement = &g_array_index (first, ShkPagePlacement, i);

          lowest = MAX (lowest, placement->y + placement->block->height);
        }
      g_assert_cmpfloat (lowest, >, height * 0.6);

      for (guint page = 0; page < report->flow->pages->len; page++)
        {
          GArray *placements = g_ptr_array_index (report->flow->pages, page);

          for (guint i = 0; i < placements->len; i++)
            {
              const ShkPagePlacement *placement = &g_array_index (placements, ShkPagePlacement, i);
              ShkPageTable *table = placement->block->table;
              gboolean last_part;

              if (placement->block->kind != SHK_PAGE_BLOCK_TABLE || table->rows->len < 6)
                continue;
              last_part = placement->first_row + placement->n_rows == table->rows->len;
              /* A part that is neither the whole table nor its last part
               * starts it or runs on: either way, more than two rows. */
              if (placement->continued || !last_part)
                g_assert_cmpuint (placement->n_rows, >=, 3);
            }
        }
    }
}

static ShkPageTable *
tall_rows_table (guint n_rows)
{
  ShkPageTable *table = shk_page_table_new ("表");

  shk_page_table_add_text_column (table, "列", 10, 1, 4);
  for (guint r = 0; r < n_rows; r++)
    shk_page_row_set_text (shk_page_table_add_row (table, 1), 0, 0, "一行目\n二行目\n三行目");
  return table;
}

/* Where @table starts: the page index and its placement there. */
static const ShkPagePlacement *
find_table (ShkPageFlow  *flow,
            ShkPageTable *table,
            guint         from_page,
            guint        *page)
{
  for (*page = from_page; *page < flow->pages->len; (*page)++)
    {
      GArray *placements = g_ptr_array_index (flow->pages, *page);

      for (guint i = 0; i < placements->len; i++)
        if (g_array_index (placements, ShkPagePlacement, i).block->table == table)
          return &g_array_index (placements, ShkPagePlacement, i);
    }
  g_assert_not_reached ();
}

/* The page of the heading that starts with @prefix. */
static guint
heading_page (ShkPageFlow *flow,
              const char  *prefix)
{
  for (guint page = 0; page < flow->pages->len; page++)
    {
      GArray *placements = g_ptr_array_index (flow->pages, page);

      for (guint i = 0; i < placements->len; i++)
        {
          const ShkPageBlock *block = g_array_index (placements, ShkPagePlacement, i).block;

          if (block->kind == SHK_PAGE_BLOCK_HEADING && g_str_has_prefix (block->markup, prefix))
            return page;
        }
    }
  g_error ("no heading “%s…”", prefix);
}

/* A table that does not fit whole where over a third of the page is left
 * starts there under its heading and runs on (the gap after 1-1 (3) and
 * (5)); one too short to leave rows on both pages moves whole, its
 * heading with it. */
static void
test_report_page_fill (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(ShkPageFlow) flow = shk_page_flow_new (842, 595, 10);
  ShkPageTable *split = tall_rows_table (7);
  ShkPageTable *whole = tall_rows_table (4);
  const ShkPagePlacement *placement;
  GArray *first;
  guint page;

  shk_page_flow_add_chart (flow, 0, 0, 0.5);
  shk_page_flow_add_heading (flow, "見出し１");
  shk_page_flow_add_table (flow, split);
  shk_page_flow_add_page_break (flow);
  shk_page_flow_add_chart (flow, 0, 1, 0.7);
  shk_page_flow_add_heading (flow, "見出し２");
  shk_page_flow_add_table (flow, whole);
  shk_page_flow_layout (flow);

  /* The tall table is short enough to move whole, but starts on the
   * first page, under its heading, and leaves two rows at least. */
  placement = find_table (flow, split, 0, &page);
  g_assert_cmpuint (page, ==, 0);
  g_assert_cmpuint (placement->n_rows, >=, 3);
  g_assert_cmpuint (placement->n_rows, <=, 6);
  first = g_ptr_array_index (flow->pages, 0);
  g_assert_cmpuint (first->len, ==, 3);
  placement = find_table (flow, split, 1, &page);
  g_assert_cmpuint (page, ==, 1);
  g_assert_true (placement->continued);
  g_assert_cmpuint (placement->first_row + placement->n_rows, ==, 7);

  /* Four rows: whole on the next page, with the heading. */
  placement = find_table (flow, whole, 2, &page);
  g_assert_cmpuint (page, ==, 3);
  g_assert_cmpuint (placement->n_rows, ==, 4);
  g_assert_false (placement->continued);
  first = g_ptr_array_index (flow->pages, 3);
  g_assert_cmpuint (first->len, ==, 2);
  g_assert_true (g_array_index (first, ShkPagePlacement, 0).block->kind == SHK_PAGE_BLOCK_HEADING);

  /* A tall last row does not go on alone. */
  {
    g_autoptr(ShkPageFlow) tail = shk_page_flow_new (842, 595, 10);
    ShkPageTable *table = shk_page_table_new ("表");

    shk_page_table_add_text_column (table, "列", 10, 1, 12);
    for (guint r = 0; r < 4; r++)
      shk_page_row_set_text (shk_page_table_add_row (table, 1), 0, 0, "一行");
    shk_page_row_set_text (shk_page_table_add_row (table, 1), 0, 0,
                           "一\n二\n三\n四\n五\n六\n七\n八\n九\n十");
    shk_page_flow_add_chart (tail, 0, 0, 0.6);
    shk_page_flow_add_heading (tail, "見出し");
    shk_page_flow_add_table (tail, table);
    shk_page_flow_layout (tail);
    placement = find_table (tail, table, 0, &page);
    g_assert_cmpuint (page, ==, 0);
    g_assert_cmpuint (placement->n_rows, ==, 3);
    placement = find_table (tail, table, 1, &page);
    g_assert_true (placement->continued);
    g_assert_cmpuint (placement->n_rows, ==, 2);
  }

  /* The handout: (6) starts under (5)'s table (its first rows left most
   * of a page empty). */
  {
    g_autoptr(ShkReport) report = NULL;
    double width, height;

    shk_paper_size_get_points (SHK_PAPER_A4, SHK_ORIENTATION_LANDSCAPE, &width, &height);
    report = shk_report_new (fixture->plan, width, height, fixture->date);
    g_assert_cmpuint (heading_page (report->flow, "(6) "), ==, heading_page (report->flow, "(5) "));
  }
}

static void
test_report_paper (Fixture       *fixture,
                   gconstpointer  data)
{
  double a4w, a4h, a3w, a3h, pw, ph;
  g_autoptr(ShkReport) landscape = NULL;
  g_autoptr(ShkReport) portrait = NULL;
  g_autoptr(ShkReport) a3 = NULL;
  ShkPaperSize paper;
  ShkOrientation orientation;

  g_assert_true (shk_paper_size_from_string ("A3", &paper));
  g_assert_cmpint (paper, ==, SHK_PAPER_A3);
  g_assert_false (shk_paper_size_from_string ("letter", &paper));
  g_assert_true (shk_orientation_from_string ("portrait", &orientation));
  g_assert_cmpint (orientation, ==, SHK_ORIENTATION_PORTRAIT);
  g_assert_false (shk_orientation_from_string ("sideways", &orientation));

  shk_paper_size_get_points (SHK_PAPER_A4, SHK_ORIENTATION_LANDSCAPE, &a4w, &a4h);
  shk_paper_size_get_points (SHK_PAPER_A3, SHK_ORIENTATION_LANDSCAPE, &a3w, &a3h);
  shk_paper_size_get_points (SHK_PAPER_A4, SHK_ORIENTATION_PORTRAIT, &pw, &ph);
  /* 297 × 210 mm, 420 × 297 mm. */
  g_assert_cmpfloat_with_epsilon (a4w, 297 / 25.4 * 72, 0.01);
  g_assert_cmpfloat_with_epsilon (a4h, 210 / 25.4 * 72, 0.01);
  g_assert_cmpfloat_with_epsilon (a3w, 420 / 25.4 * 72, 0.01);
  g_assert_cmpfloat (pw, ==, a4h);
  g_assert_cmpfloat (ph, ==, a4w);

  landscape = shk_report_new (fixture->plan, a4w, a4h, fixture->date);
  portrait = shk_report_new (fixture->plan, pw, ph, fixture->date);
  a3 = shk_report_new (fixture->plan, a3w, a3h, fixture->date);

  /* A3 holds more than A4, whatever the text size. */
  g_assert_cmpuint (shk_report_get_n_pages (a3), <=, shk_report_get_n_pages (landscape));

  /* Every page draws without a cairo error, at its size and scaled to
   * another one (as a printer's page setup may ask). */
  for (guint page = 0; page < shk_report_get_n_pages (portrait); page++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);

      shk_report_draw_page (portrait, cr, page, pw, ph);
      shk_report_draw_page (portrait, cr, page, a3w, a3h);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* An empty plan, and one with absurdly long texts, still make a handout:
 * pages end, nothing loops, long cells are cut, not the page. */
static void
test_report_edge_cases (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(ShkPlan) empty = shk_plan_new ();
  g_autoptr(ShkReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  GListModel *measures = shk_plan_get_measures (fixture->plan);
  double width, height;

  shk_paper_size_get_points (SHK_PAPER_A4, SHK_ORIENTATION_PORTRAIT, &width, &height);
  report = shk_report_new (empty, width, height, fixture->date);
  g_assert_cmpuint (shk_report_get_n_pages (report), >=, 1);
  g_assert_true (shk_report_save_pdf (report, fixture->path, &error));
  g_assert_no_error (error);
  g_clear_object (&report);

  for (guint i = 0; i < 400; i++)
    g_string_append (long_text, "とても長い具体策の名称 ");
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, i);

      shk_measure_set_name (measure, long_text->str);
      shk_measure_set_actions (measure, long_text->str);
    }
  report = shk_report_new (fixture->plan, width, height, fixture->date);
  /* Cells stop after a few lines, so a measure takes a fraction of a
   * page, never a page of its own. */
  g_assert_cmpuint (shk_report_get_n_pages (report), <,
                    g_list_model_get_n_items (measures) + 20);
  g_assert_true (shk_report_save_pdf (report, fixture->path, &error));
  g_assert_no_error (error);
}

/* The handout's printed tables, kept as the file had them, may hold any
 * type anywhere: the lists read what they can, warn about nothing and
 * still make their pages. */
static void
test_report_hostile_tables (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char *const hostile =
    "{\"list_3_not_achieved\": {\"subgroups\": [5, {\"items\": \"x\"}, {\"items\": [null, "
    "{\"no\": 11, \"achievement_rate_R1_R3_pct\": {}, \"achievement_rate_R2_R3_pct\": \"67\"}, "
    "{\"no\": 1e300}]}]}, \"list_5_expanded_measures_R3\": {\"items\": [1, {\"no\": -3, "
    "\"measure\": 7, \"expansion\": []}, {\"no\": 59, \"expansion\": \"電子図書館\"}]}}";
  g_autoptr(GBytes) bytes = shk_builtin_plan_bytes ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) table = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(ShkReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *tables;
  double width, height;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), &error));
  g_assert_true (json_parser_load_from_data (table, hostile, -1, &error));
  g_assert_no_error (error);
  tables = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                          "source_tables");
  json_object_set_member (tables, "plan_summary", json_node_copy (json_parser_get_root (table)));
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  plan = shk_format_load_data (text, -1, "hostile.json", &error);
  g_assert_no_error (error);

  shk_paper_size_get_points (SHK_PAPER_A4, SHK_ORIENTATION_LANDSCAPE, &width, &height);
  report = shk_report_new (plan, width, height, fixture->date);
  g_assert_cmpuint (shk_report_get_n_pages (report), >=, 10);
  g_assert_true (shk_report_save_pdf (report, fixture->path, &error));
  g_assert_no_error (error);
}

static void
test_report_write_errors (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-dir", "handout.pdf", NULL);

  g_assert_false (shk_report_write_pdf (fixture->plan, missing, SHK_PAPER_A4,
                                        SHK_ORIENTATION_LANDSCAPE, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/report/pages", Fixture, NULL, fixture_set_up, test_report_pages, fixture_tear_down);
  g_test_add ("/report/text", Fixture, NULL, fixture_set_up, test_report_text, fixture_tear_down);
  g_test_add ("/report/order", Fixture, NULL, fixture_set_up, test_report_order, fixture_tear_down);
  g_test_add ("/report/lists", Fixture, NULL, fixture_set_up, test_report_lists, fixture_tear_down);
  g_test_add ("/report/promotion", Fixture, NULL, fixture_set_up, test_report_promotion,
              fixture_tear_down);
  g_test_add ("/report/figures", Fixture, NULL, fixture_set_up, test_report_figures, fixture_tear_down);
  g_test_add ("/report/pagination", Fixture, NULL, fixture_set_up, test_report_pagination,
              fixture_tear_down);
  g_test_add ("/report/page-fill", Fixture, NULL, fixture_set_up, test_report_page_fill,
              fixture_tear_down);
  g_test_add ("/report/paper", Fixture, NULL, fixture_set_up, test_report_paper, fixture_tear_down);
  g_test_add ("/report/edge-cases", Fixture, NULL, fixture_set_up, test_report_edge_cases,
              fixture_tear_down);
  g_test_add ("/report/hostile-tables", Fixture, NULL, fixture_set_up, test_report_hostile_tables,
              fixture_tear_down);
  g_test_add ("/report/write-errors", Fixture, NULL, fixture_set_up, test_report_write_errors,
              fixture_tear_down);

  return g_test_run ();
}
