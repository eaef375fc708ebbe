/*
 * paytable.h - the month tables of income documents: employer letters,
 * constancias de percepciones, pension payment statements.
 *
 * A layout table (text/layout.h) is a pay table when one of its text
 * columns names a month of a year on its rows ("September 2025", "Mayo
 * 2026", "07/2025"), or when its header's cells are months (a transposed
 * table: the concepts are rows).  Its amount columns (or rows) get roles
 * from their headers, in English and Spanish and any order:
 *
 *   net        net pay, net payment, net amount, take-home, neto, ingreso
 *              neto, neto pagado, liquido;
 *   gross      gross, gross pay, gross benefit, bruto, percepciones,
 *              earnings;
 *   deduction  taxes, withheld, deductions, premium, deducciones,
 *              retenciones, ISR, IMSS.
 *
 * The arithmetic decides where the words do not: gross - deductions = net
 * on a row names an unlabelled column net, and confirms a labelled one
 * (inc->checked when it holds on every row that prints all three).  Only
 * the net amounts become income months; a table with a gross column and no
 * net one makes the document gross-only, never income.  One of the income
 * reader's parts (income.c).
 */
#ifndef SV_PAYTABLE_H
#define SV_PAYTABLE_H

#include <stdbool.h>

#include "../../pipeline/model.h"
#include "../../pipeline/service.h"
#include "../text/layout.h"

/* Reads the pay tables of l into inc: net months into inc->months (with
   frequency monthly, printed), inc->net, inc->gross_only, inc->checked.
   A table of months with one amount column no header names gives its
   months too, with *unlabelled set: whether they are net the document's
   words must say.  On an OCR'd page of doc a row that does not add up
   has its amount cells re-read through svc (cells.h); doc and svc may be
   NULL.  Returns true when a month table was found (whatever its basis);
   inc is left alone otherwise. */
bool sv_paytable_read(const struct sv_layout *l, const struct sv_doc *doc,
                      const struct sv_services *svc,
                      struct sv_income_doc *inc, bool *unlabelled);

/* The month a printed text names with its year ("September 2025", "Sept.
   2025", "Mayo de 2026", "09/2025", "2025-09"), at its start; false when
   none.  Borrows text. */
bool sv_paytable_month(const char *text, int *year, int *month);

#endif
