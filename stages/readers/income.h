/*
 * income.h - read an employer letter, income certificate ("constancia de
 * ingresos", "carta de empleo") or pension / benefit letter, English or
 * Spanish.
 *
 * One of the readers of the extract stage's table (readers.h), for
 * documents classified SV_KIND_INCOME_LETTER;
 * fills doc->income for evaluate's income test.  Works on the folded text
 * of the pages (stages/text/doctext.h), so text-layer and OCR'd letters read
 * alike, and labels may sit left of their value or above it.
 *
 *  - person: "Employee: X", "Recipient" over "X", "certify that X ...",
 *    "verification for X", "hace constar que el C. X ..."; payer:
 *    "Employer: X", "employed by X", "benefit from X", "Por medio de la
 *    presente, X hace constar", "presta sus servicios en X".  A name after
 *    a phrase runs on over a wrapped line (sv_doctext_line_wraps) and is
 *    the capitalised words, the particles between them (de, del, of, &)
 *    and a legal form after a comma ("..., S.A. de C.V.", "Ltd."); it ends
 *    at a lower-case word or a sentence's '.' ("... System. Your").
 *  - the stated amount: every amount in digits is a candidate except hourly
 *    rates and rows of a month table; a net-labelled one beats an
 *    unlabelled one, which beats a gross one.  net: the chosen amount or
 *    the letter says net / neto / libre de impuestos / after taxes /
 *    take-home / after deductions; gross_only: it says only gross / bruto /
 *    before taxes.
 *  - currency: a mark on the stated amount (US$, C$, CAD, MXN, EUR) first,
 *    else the letter's words (Canadian dollars, U.S. dollars / dollars,
 *    euros, pesos / M.N.), else a bare "$" by language.
 *  - frequency of the stated amount, from the words around it (after it;
 *    else before it, back over wrapped lines to the sentence's start; else
 *    the label above it):
 *      monthly      monthly, per month, mensual, al mes          x1
 *      weekly       weekly, per week, semanal                    x52/12
 *      fortnightly  biweekly, every two weeks, fortnightly,
 *                   catorcenal (every 14 days)                   x26/12
 *      semimonthly  semimonthly, twice a month, quincenal
 *                   (in Mexico a quincena is half a month,
 *                   paid on the 15th and the last day)           x2
 *      annual       annual(ly), per year, yearly, anual          /12
 *    monthly = stated x factor in integer cents, rounded half-up.
 *  - period: a date range (sv_period_parse), "since January
 *    2020" / "desde enero de 2020" (start only), else the span of the
 *    month table.  Relative periods ("durante los últimos seis meses") are
 *    not turned into dates: the letter's own date is not read.
 *  - months: rows "May 2026   $4,393.00", "Mayo 2026  $ 4,393.00",
 *    "05/2026  4,393.00", each a month of income as printed (monthly =
 *    the amount).
 */
#ifndef SV_INCOME_H
#define SV_INCOME_H

#include <stdbool.h>

#include "../../pipeline/model.h"
#include "../../pipeline/service.h"

/* Reads doc's pages and replaces doc->income (sv_income_doc_new) with
   what was found.  Returns false, leaving doc->income NULL, when neither
   a person, an amount nor a month was read.  Uses doc->lang ("en"/"es")
   when set, else guesses it, for the currency of a bare "$".  Borrows
   doc's pages; svc (may be NULL) re-reads OCR'd table cells that do not
   add up. */
bool sv_income_read(struct sv_doc *doc, const struct sv_services *svc);

/* amount normalised to a month for freq (see above), half-up. */
sv_cents sv_income_monthly(sv_cents amount, enum sv_frequency freq);

#endif
