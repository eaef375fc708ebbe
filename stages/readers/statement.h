/*
 * statement.h - read a bank statement: holder, account, currency, period,
 * the summary figures and the movements, judged by the statement's own
 * arithmetic.
 *
 * One of the readers of the extract stage's table (readers.h), for
 * documents classified SV_KIND_BANK_STATEMENT.  Fills doc->statement:
 * holder, masked account, currency, statement period and the opening,
 * closing and average balances and the credits / debits totals (debits
 * positive, other summary lines such as "Checks" or "+ Intereses Netos
 * Ganados" included), each figure traceable to its page, box and
 * confidence.  A period not aligned to a calendar month keeps its printed
 * start and end (evaluate decides which month it counts for).  Summary
 * figures are read only next to their labels (English and Spanish,
 * matched case- and accent-insensitively), so amounts of the transaction
 * table never become balances.  A statement whose period or balances
 * cannot be read gets a problem naming what is missing, for evaluate and
 * the report to explain.
 */
#ifndef SV_STATEMENT_H
#define SV_STATEMENT_H

#include <stdbool.h>

#include "../../pipeline/model.h"
#include "../../pipeline/service.h"

/* Reads doc's pages into doc->statement (replacing any).  svc (may be
   NULL) offers the re-read of a doubtful figure's crop on OCR'd pages.
   Returns false, leaving doc->statement NULL, when the document has no
   text.  Borrows doc's pages and svc. */
bool sv_statement_read(struct sv_doc *doc, const struct sv_services *svc);

#endif
