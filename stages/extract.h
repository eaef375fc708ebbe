/*
 * extract.h - document stage: read the figures of a bank statement.
 *
 * Runs after classify on documents of kind SV_KIND_BANK_STATEMENT and fills
 * doc->statement: holder, masked account, currency, statement period and
 * the opening, closing and average balances and the credits / debits
 * totals (debits positive, other summary lines such as "Checks" or
 * "+ Intereses Netos Ganados" included), each figure traceable to its
 * page, box and confidence.  A period not aligned to a calendar month keeps
 * its printed start and end (evaluate decides which month it counts for).  Summary figures are read only next to their
 * labels (English and Spanish, matched case- and accent-insensitively), so
 * amounts of the transaction table never become balances.  A statement
 * whose period or balances cannot be read keeps status OK and gets a
 * problem naming what is missing, for evaluate and the report to explain.
 */
#ifndef SV_EXTRACT_H
#define SV_EXTRACT_H

#include "stage.h"

extern const struct sv_stage sv_extract_stage;

/* Parses one printed amount into cents: "$12,345.67", "12,345.67",
   "$ 1,234.56", "1.234,56", "US$1,000.00", "MXN 1,000.00", "-1,234.56",
   "(1,234.56)", "1,234.56-", "1,234.56 CR" (positive), "1,234.56 DR"
   (negative), "12.345,67 €", "$1,234.56 CAD" (a code after a symbol).  Rejects anything ambiguous: two numbers, a bare integer
   without a currency mark ("16", "31": counts and days), one or three
   decimals ("0.000"), misplaced group separators, two signs, more than 15
   integer digits.  Borrows text; *out is written only on success. */
bool sv_extract_parse_amount(const char *text, sv_cents *out);

/* Finds the first date range in text ("03/01/2026 - 03/31/2026", "DEL
   01/03/2026 AL 31/03/2026", "01-ENE-2024 AL 31-ENE-2024", "April 01, 2025
   through April 30, 2025", "from 1 May 2026 to 31 May 2026", "February 1 -
   April 30, 2022") and sets *start and *end.  lang ("en", "es" or "")
   decides between month/day and day/month when both readings of numeric
   dates are valid and equally plausible (a start after the end is never
   valid; a 20..40-day period is preferred).  Borrows text and lang.
   Returns false and leaves the dates alone when no valid range is found. */
bool sv_extract_parse_period(const char *text, const char *lang, GDate *start,
                             GDate *end);

#endif
