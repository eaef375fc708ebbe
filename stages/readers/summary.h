/*
 * summary.h - the labelled figures of a statement's summary: opening,
 * closing and average balances, and the credits and debits, each as every
 * candidate the page prints.
 *
 * A label (vocab.h) names the field; its value is the first amount after
 * the label in its own cell ("Saldo final al 30 de abril: $ 99,950.18"),
 * else in the cells right of it (a currency sign or a count such as "10"
 * or "(4)" stepped over, another label stops the search), else the amount
 * cell under it (a horizontal summary: labels in one row, values in the
 * next).  On an OCR'd page, a label whose value did not parse has its
 * value's crop re-read, digits only.  Every match is a candidate: a
 * statement prints its closing balance in the summary, beside the last
 * movement and again at the foot, and credits as one total or as several
 * kinds ("Checks paid", "Service fees"); reconcile.c keeps the reading
 * the statement's arithmetic agrees with.
 *
 * One of the statement reader's parts (statement.c).
 */
#ifndef SV_SUMMARY_H
#define SV_SUMMARY_H

#include <stdbool.h>

#include "../../pipeline/model.h"
#include "../../pipeline/service.h"
#include "../text/dates.h"
#include "../text/layout.h"

enum sv_sfield {
  SV_SF_OPENING = 0,
  SV_SF_CLOSING,
  SV_SF_AVERAGE,
  SV_SF_CREDITS,
  SV_SF_DEBITS,
  SV_SF_COUNT,
  SV_SF_BALANCE_ON = SV_SF_COUNT /* a balance on a printed date: the
                                    statement reader makes it the opening
                                    or the closing by that date */
};

/* One labelled figure. */
struct sv_scand {
  enum sv_sfield field;
  bool total;              /* credits/debits: labelled as the total */
  bool marker;             /* a balance row of the movements table */
  struct sv_figure fig;    /* the value as printed (debits: positive) */
  long value_cell;         /* the value's layout cell, -1 when none */
  bool has_date;           /* a date printed with the label ("Beginning
                              balance on July 1, 2026") */
  struct sv_raw_date date;
};

/* The candidates of pages [page0, page1] of l, leaving out the lines
   skip[] marks (movement tables; may be NULL), in reading order.  svc (may
   be NULL) re-reads an unparsed value on an OCR'd page of doc.  Returns
   owned: a GArray of struct sv_scand (g_array_free). */
GArray *sv_summary_read(const struct sv_layout *l, int page0, int page1,
                        const bool *skip, const struct sv_doc *doc,
                        const struct sv_services *svc);

#endif
