/*
 * movements.h - a statement's movement tables read into dated rows, with
 * the statement's own arithmetic deciding what each column holds.
 *
 * A layout table (text/layout.h) is a movements table when it has a date
 * column (its header says so, or most rows start with a date) and an
 * amount column.  Its amount columns get roles from their header words
 * (vocab.h: debits, credits, one signed amount, running balance) and then
 * from arithmetic: when the table prints a running balance, every reading
 * of the movement columns (each as printed, as money in, or as money out)
 * and every choice of the balance column is tried, and the one under
 * which the most rows lead from the balance above them to their own wins.
 * So a debit column read as a credit, a header that names no column, or
 * a one-column table of unsigned amounts all come out right when the
 * balances allow it.  Tables without a running balance give movements
 * only, signed by their column or their section's title ("Deposits and
 * additions", "Checks paid"); "Date Balance" pairs under a daily-balances
 * title give daily ledger balances.  Consecutive tables (a table continued
 * over pages, a repeated header) make one list of rows.
 *
 * Rows printing only a balance beside "Beginning balance" / "Saldo
 * anterior" or "Ending balance" are opening and closing markers; a row
 * labelled "Total" under debit and credit columns gives the totals.
 *
 * One of the statement reader's parts (statement.c); reconcile.c dates the
 * rows and checks them against the summary.
 */
#ifndef SV_MOVEMENTS_H
#define SV_MOVEMENTS_H

#include <stdbool.h>

#include "../../pipeline/model.h"
#include "../../pipeline/service.h"
#include "../text/dates.h"
#include "../text/layout.h"

enum sv_row_kind {
  SV_ROW_RUNNING = 0, /* a table with a running-balance column */
  SV_ROW_MOVE,        /* movements only */
  SV_ROW_LEDGER       /* a day's balance: no movement of its own */
};

/* One row of a movements table. */
struct sv_mrow {
  int page;
  enum sv_row_kind kind;
  bool dated;             /* raw holds the date printed (or the row
                             above's, for an undated row) */
  bool date_guessed;      /* no date could be read: raw is the row
                             above's */
  struct sv_row_date raw;
  bool has_amount;        /* the movement: + money in, - money out */
  sv_cents amount;
  struct sv_box amt_box;
  float amt_conf;
  bool has_balance;       /* the running balance printed on the row */
  sv_cents balance;
  struct sv_box bal_box;
  float bal_conf;
  bool unread;            /* an amount cell printed something that is not
                             an amount (an OCR misread) */
  struct sv_box unread_box;
  bool marker;            /* a "Beginning/Ending balance" row */
  bool opening;           /* marker: the opening one */
};

struct sv_movements {
  GArray *rows;              /* of struct sv_mrow, in printed order */
  bool *skip;                /* owned: per layout line, true when it is a
                                movement table's header, row or wrap */
  size_t nlines;             /* length of skip */
  bool running;              /* rows come from running-balance tables */
  int links, links_ok;       /* balance links checked while deciding the
                                columns, and how many held */
  struct sv_figure total_credits, total_debits; /* a "Total" row */
};

/* Reads the movement tables of pages [page0, page1] of l (laid out from
   doc).  svc (may be NULL) re-reads, on OCR'd pages, an amount cell that
   printed something other than an amount.  Returns owned: free with
   sv_movements_free. */
struct sv_movements *sv_movements_read(const struct sv_layout *l,
                                       const struct sv_doc *doc,
                                       const struct sv_services *svc,
                                       int page0, int page1);

/* NULL-safe; frees m and clears *m. */
void sv_movements_free(struct sv_movements **m);

#endif
