/*
 * layout.h - a document's pages seen the way a person reads them: cells,
 * label -> value neighbours and tables, from the words' boxes alone.
 *
 * Part of the text library (stages/text/): it knows geometry, amounts and
 * dates, and no vocabulary at all; which table holds movements or which
 * cell is a closing balance is for the readers to decide.  It works on the
 * lines render or OCR built (pipeline/model.h), so text-layer and scanned
 * pages are seen alike.
 *
 *  - Cells.  A line's words split where the gap between two words is wider
 *    than a column gap (SV_LAYOUT_GAP_* below): "Saldo inicial   $ 89,910.70
 *    Días del periodo   30" is four cells, and two key/value columns side
 *    by side in a header are two columns, not one line.
 *  - Neighbours.  The cell right of a cell on its line, and the cell below
 *    it (the next line with a cell overlapping it horizontally, close
 *    enough to belong to it): a label's value is printed right of it or
 *    under it.
 *  - Amounts.  Every printed amount of a line (1-3 words of one cell:
 *    "$ 1,234.56", "- 3,169.04", "638.24 CR"), parsed (text/amount.h).
 *  - Tables.  A header is a line of two or more cells without an amount
 *    (two such lines close together make one two-line header: "BALANCE /
 *    FORWARD"), followed by lines printing amounts.  Its numeric columns
 *    come from the amounts of its rows: right-aligned numbers of a column
 *    overlap one another, so the union of overlapping amount boxes is one
 *    column, matched to the header cell it overlaps (or the nearest one).
 *    Text columns come from the other header cells.  Each amount goes to
 *    the column it overlaps, each other word to the column it starts in.
 *    A line without amounts whose words stay in the text columns continues
 *    the row above it (a wrapped description).  A table ends at another
 *    header, a paragraph across its numeric columns, a gap of several
 *    lines, or the end of its page; the next page continues it when its
 *    first rows print amounts in the same numeric columns (a repeated
 *    header starts a new table with the same columns; readers join them).
 *    Transposed tables (months as columns) and horizontal summaries (labels
 *    in one row, values in the next) are tables like any other.
 *
 * Everything returned is owned by the layout and valid until it is freed;
 * a layout is read-only once made, so several readers may share one.
 */
#ifndef SV_LAYOUT_H
#define SV_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "../../pipeline/model.h"
#include "amount.h"

/* A gap between two words of a line wider than this many mean character
   widths of the line, and than this share of the words' height, is a
   column gap. */
#define SV_LAYOUT_GAP_CHARS 1.5
#define SV_LAYOUT_GAP_HEIGHT 0.75

/* Limits: more cells or table rows than these in one document are not
   looked at (a case holds statements, not ledgers of millions). */
#define SV_LAYOUT_MAX_CELLS 400000
#define SV_LAYOUT_MAX_ROWS 20000
#define SV_LAYOUT_MAX_COLUMNS 24

/* A printed amount: words [w0, w1) of a line. */
struct sv_span {
  size_t w0, w1;
  struct sv_box box;
  float conf;                 /* the lowest confidence of its words */
  sv_cents value;
  struct sv_amount_info info; /* mark and sign as printed */
};

/* A run of words of one line between column gaps. */
struct sv_cell {
  size_t line;                /* index in sv_layout's lines */
  size_t w0, w1;              /* its words [w0, w1) of that line */
  struct sv_box box;
  float conf;                 /* the lowest confidence of its words */
  char *text;                 /* the words as printed, joined by ' ' */
  char *key;                  /* folded alphanumeric tokens joined by ' '
                                 ("No. de Cuenta:" -> "no de cuenta") */
  bool amount;                /* the whole cell is one amount */
  size_t nspans;              /* amounts printed in the cell */
  size_t span0;               /* the first one in its line's spans */
};

/* A line of a page with text, as the layout sees it. */
struct sv_lline {
  const struct sv_line *ln;   /* borrowed from the document */
  int pidx;                   /* index in doc->pages */
  int page;                   /* the page's number (1-based) */
  size_t cell0, ncells;       /* its cells in sv_layout's cells */
  struct sv_span *spans;      /* the amounts printed on it, left to right */
  size_t nspans;
  double height;              /* median height of its words */
  double page_height;         /* its page's height (0 when unknown) */
};

/* A column of a table. */
struct sv_tcol {
  double x0, x1;              /* its extent on the page, in points */
  char *label;                /* the header words as printed ("" when the
                                 column has no header cell) */
  char *key;                  /* the header folded ("" when none) */
  bool numeric;               /* amounts are printed in it */
};

/* What one row prints in one column. */
struct sv_tcell {
  char *text;                 /* words as printed (NULL when empty) */
  struct sv_box box;
  float conf;
  bool has_amount;            /* one amount is printed there */
  size_t namounts;            /* how many were (2+: it cannot be read) */
  struct sv_span span;        /* the amount, when has_amount */
};

struct sv_trow {
  size_t line;                /* its (first) line in sv_layout's lines */
  int page;
  struct sv_tcell *cells;     /* one per column of the table */
  char *more;                 /* wrapped lines below it, joined by ' ', or
                                 NULL */
  size_t nlines;              /* lines it spans (1 + wrapped ones) */
};

struct sv_table {
  size_t header_line;         /* the header's (first) line */
  size_t header_lines;        /* 1 or 2 */
  int page;                   /* the header's page */
  struct sv_tcol *cols;
  size_t ncols;
  struct sv_trow *rows;
  size_t nrows;
  bool continued;             /* it goes on from the table before it on the
                                 previous page, without a header of its own
                                 (header_line then repeats that table's) */
};

struct sv_layout;

/* Builds the layout of every page of doc that has lines.  Borrows doc,
   which must outlive the layout (cells point into its lines).  Returns
   owned: free with sv_layout_free. */
struct sv_layout *sv_layout_new(const struct sv_doc *doc);

/* NULL-safe; frees the layout and clears *l. */
void sv_layout_free(struct sv_layout **l);

/* The lines, in page then reading order. */
size_t sv_layout_nlines(const struct sv_layout *l);
const struct sv_lline *sv_layout_line(const struct sv_layout *l, size_t i);

/* The cells, in line order then left to right. */
size_t sv_layout_ncells(const struct sv_layout *l);
const struct sv_cell *sv_layout_cell(const struct sv_layout *l, size_t i);

/* The index of the cell right of cell i on its line, or -1. */
long sv_layout_right(const struct sv_layout *l, size_t i);

/* The index of the cell below cell i: on the first of the next lines of
   its page (within SV_LAYOUT_BELOW_LINES line heights) that has a cell
   overlapping cell i horizontally, the one overlapping it most; -1 when
   none.  The cell above, likewise. */
#define SV_LAYOUT_BELOW_LINES 2.5
long sv_layout_below(const struct sv_layout *l, size_t i);
long sv_layout_above(const struct sv_layout *l, size_t i);

/* The tables, in page and line order. */
size_t sv_layout_ntables(const struct sv_layout *l);
const struct sv_table *sv_layout_table(const struct sv_layout *l, size_t i);

/* The first amount printed in words [w0, w1) of line ln (1-3 words, the
   longest that parses, a prefix-sign or code word included); false when
   none.  Borrows ln. */
bool sv_layout_amount_in(const struct sv_line *ln, size_t w0, size_t w1,
                         struct sv_span *out);

/* The first word of [w0, w1) of ln after the words that make up the first
   ntokens tokens of their folded key (a word like "(+)" makes none, "No."
   one): where a label's value starts in its own cell.  w1 when the label
   takes every word. */
size_t sv_layout_word_after_tokens(const struct sv_line *ln, size_t w0,
                                   size_t w1, size_t ntokens);

/* Returns owned (g_free): words [w0, w1) of ln joined by ' '. */
char *sv_layout_words(const struct sv_line *ln, size_t w0, size_t w1);

/* The box of words [w0, w1) of ln (w1 > w0). */
struct sv_box sv_layout_words_box(const struct sv_line *ln, size_t w0,
                                  size_t w1);

#endif
