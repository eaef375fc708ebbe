/*
 * reconcile.h - a statement's own arithmetic as the judge of what was
 * read.
 *
 * The summary gives candidates for each figure (summary.h), the movement
 * tables give dated rows (movements.h).  Every combination of the
 * candidates (which printed number is the opening and the closing
 * balance, whether the credits are one total or the sum of their kinds)
 * is checked against everything the statement allows:
 *
 *   sum      opening + credits - debits = closing;
 *   average  the printed average equals the day-weighted average of the
 *            running balances (opening until the first movement, each
 *            day's end-of-day balance, half up to the cent), or, on a text
 *            layer, at least lies between the period's lowest and highest
 *            balance;
 *   last     closing = the last running balance (or, with movements only,
 *            opening + the movements = closing);
 *   links    each running balance = the previous one + the movements
 *            between them (a table that contradicts itself proves nothing
 *            about the summary, so average and last are then not judged).
 *
 * The combination with no failed check and the most checks passed wins
 * (the first-printed candidates on a tie).  When none passes and the page
 * was OCR'd, the crops of the figures involved are re-read (digits only,
 * larger) and the readings tried again.  A figure no reading reconciles is
 * marked unreconciled, with a problem on the document saying which check
 * failed with both numbers: its test becomes needs-review.  No average
 * printed: the day-weighted average of the running balances is the
 * statement's (averageComputed).  No closing printed: the last running
 * balance.
 *
 * One of the statement reader's parts (statement.c).
 */
#ifndef SV_RECONCILE_H
#define SV_RECONCILE_H

#include "../../pipeline/model.h"
#include "../../pipeline/service.h"
#include "movements.h"

struct sv_recon_in {
  struct sv_doc *doc;            /* problems are recorded on it */
  const struct sv_services *svc; /* the re-read service, may be NULL */
  struct sv_statement *st;       /* its period is set; figures are filled */
  const GArray *cands;           /* of struct sv_scand (summary.h) */
  struct sv_movements *mv;       /* its rows are dated and sorted here */
  int period_mdy;                /* how the period's numeric dates read: 1
                                    month/day, 0 day/month, -1 unknown */
};

/* Chooses and checks the statement's figures (see above). */
void sv_reconcile(struct sv_recon_in *in);

/* num / den (den > 0) rounded half away from zero, as banks round an
   average to the cent. */
sv_cents sv_reconcile_div_round(sv_cents num, int64_t den);

#endif
