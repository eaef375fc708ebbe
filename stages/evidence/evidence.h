/*
 * evidence.h - from a case's read documents to the rows the rules test:
 * the applicant's name, monthly balances per account (and their total),
 * monthly net income, and assets, each converted to MXN at the rate in
 * force on the case's as-of date, with notes on what could not count.
 *
 * Used by the evaluate stage only; depends on the model and the rules
 * library (rates), not on any stage.
 */
#ifndef SV_EVIDENCE_H
#define SV_EVIDENCE_H

#include <stdbool.h>

#include <glib.h>

#include "../../pipeline/model.h"
#include "../rules/rules.h"

/* What the tests should say about the evidence behind them. */
struct sv_evidence_notes {
  GPtrArray *savings; /* of char *: reasons for every savings test */
  GPtrArray *income;
  GPtrArray *assets;
  bool income_review; /* an income letter could not be trusted as net */
};

void sv_evidence_notes_init(struct sv_evidence_notes *nt);
void sv_evidence_notes_clear(struct sv_evidence_notes *nt);

/* ev->applicant: case.xml's name, else the most frequent holder of the OK
   statements (ties: alphabetically first), else "" with a case problem. */
void sv_evidence_pick_applicant(struct sv_case *c, struct sv_evaluation *ev);

/* Fills ev->balances, ev->income and ev->assets from c's documents (and
   from old's income and assets, which tests inject; their strings move
   out of old), with reasons in nt.  ev->applicant must be set. */
void sv_evidence_gather(const struct sv_rules *rules, const struct sv_case *c,
                        struct sv_evaluation *old, struct sv_evaluation *ev,
                        struct sv_evidence_notes *nt);

/* Whether m is a month's "total" row over several accounts. */
bool sv_month_is_total(const struct sv_month *m);

#endif
