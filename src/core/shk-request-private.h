/* shk-request-private.h — what the measures' request workbooks and the
 * AI/RPA survey workbooks share
 *
 * A request workbook is a grid of cells (context cells locked, input
 * cells open, each column with its check), written as three sheets: the
 * instructions, the reply sheet, and the hidden identification sheet
 * with a copy of the grid as sent and its checksum. shk-request.c lays
 * out the measures' grid, shk-survey-request.c the survey's; this writes
 * either (shk-request-grid.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shk-request.h"

G_BEGIN_DECLS

/* The reply sheet's rows: a title, the section, a hint, the headings. */
#define SHK_REQUEST_TITLE_ROW   0
#define SHK_REQUEST_HINT_ROW    2
#define SHK_REQUEST_HEADING_ROW 3
#define SHK_REQUEST_FIRST_ROW   4

typedef enum
{
  SHK_REQUEST_CELL_EMPTY,
  SHK_REQUEST_CELL_TEXT,
  SHK_REQUEST_CELL_NUMBER,
} ShkRequestCellKind;

typedef struct
{
  ShkRequestCellKind  kind;
  char               *text;     /* SHK_REQUEST_CELL_TEXT */
  double              number;   /* SHK_REQUEST_CELL_NUMBER */
  gboolean            input;    /* open to the section */
} ShkRequestCell;

/* What the spreadsheet checks in a column's input cells. */
typedef enum
{
  SHK_REQUEST_CHECK_NONE,
  SHK_REQUEST_CHECK_NUMBER,     /* any number in the plan's range */
  SHK_REQUEST_CHECK_HOURS,      /* a number, 0 or more */
  SHK_REQUEST_CHECK_TEXT,       /* at most SHK_REQUEST_MAX_TEXT characters */
  SHK_REQUEST_CHECK_LIST,       /* one of the column's choices */
} ShkRequestCheck;

typedef struct
{
  char            *key;
  char            *heading;   /* translated */
  double           width;     /* in characters */
  ShkRequestCheck  check;
  GStrv            choices;   /* SHK_REQUEST_CHECK_LIST */
  char            *message;   /* the validation's error message */
} ShkRequestColumn;

typedef struct
{
  GPtrArray *columns;    /* ShkRequestColumn */
  GArray    *cells;      /* ShkRequestCell, n_rows × columns->len */
  GArray    *heights;    /* double per row, in points */
  guint      n_rows;
} ShkRequestGrid;

ShkRequestGrid *shk_request_grid_new         (void);
void            shk_request_grid_free        (ShkRequestGrid  *grid);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkRequestGrid, shk_request_grid_free)

/* @choices and @message may be NULL; both are copied. */
void            shk_request_grid_add_column  (ShkRequestGrid     *grid,
                                              const char         *key,
                                              const char         *heading,
                                              double              width,
                                              ShkRequestCheck     check,
                                              const char * const *choices,
                                              const char         *message);
/* Returns the new row's index. */
guint           shk_request_grid_add_row     (ShkRequestGrid  *grid,
                                              double           height);
/* G_MAXUINT when there is no such column. */
guint           shk_request_grid_column      (ShkRequestGrid  *grid,
                                              const char      *key);
ShkRequestCell *shk_request_grid_cell        (ShkRequestGrid  *grid,
                                              guint            row,
                                              guint            column);
/* Empty or NULL text and a missing value leave the cell empty. */
void            shk_request_grid_set_text    (ShkRequestGrid  *grid,
                                              guint            row,
                                              const char      *key,
                                              const char      *text);
void            shk_request_grid_set_number  (ShkRequestGrid  *grid,
                                              guint            row,
                                              const char      *key,
                                              gboolean         has_value,
                                              double           value);
void            shk_request_grid_set_input   (ShkRequestGrid  *grid,
                                              guint            row,
                                              const char      *key);
/* The copy the identification sheet holds: rows of GStrv, the column
 * keys first; numbers shortest-exact in the C locale. */
GPtrArray      *shk_request_grid_dup_copy    (ShkRequestGrid  *grid);

/* One workbook to write. */
typedef struct
{
  const char         *magic;          /* SHK_REQUEST_MAGIC or SHK_SURVEY_MAGIC */
  const char         *document;
  const char         *section;
  const char         *year_id;
  const char         *due;            /* may be NULL */
  const char         *created;        /* NULL: today */
  const char         *sheet_name;     /* the reply sheet's */
  const char         *title;          /* the reply sheet's first row */
  const char         *hint;           /* its third row */
  const char * const *instructions;   /* the lines of the instructions sheet */
  guint               frozen_columns;
} ShkRequestBook;

/* The workbook as bytes, through a temporary file (libxlsxwriter writes
 * only to a named one). */
GBytes         *shk_request_book_write       (const ShkRequestBook *book,
                                              ShkRequestGrid       *grid,
                                              GError              **error);

/* Writes @bytes as @name in @folder (made if missing) through the safe
 * save. */
gboolean        shk_request_save_in_folder   (GFile           *folder,
                                              const char      *name,
                                              GBytes          *bytes,
                                              GError         **error);
/* Makes @folder if it is missing. */
gboolean        shk_request_make_folder      (GFile           *folder,
                                              GError         **error);

G_END_DECLS
