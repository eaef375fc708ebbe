/*
 * amount.h - printed amounts of money into cents.
 *
 * Part of the text library (stages/text/): depends on the data model only.
 * Every reader parses money through here, so that a misread never becomes
 * a figure: anything ambiguous is refused, never guessed.
 */
#ifndef SV_AMOUNT_H
#define SV_AMOUNT_H

#include <stdbool.h>
#include <stddef.h>

#include "../../pipeline/model.h"

/* Most integer digits an amount may have (below 2^63 cents). */
#define SV_AMOUNT_MAX_DIGITS 15

/* Parses one printed amount into cents: "$12,345.67", "12,345.67",
   "$ 1,234.56", "1.234,56", "US$1,000.00", "MXN 1,000.00", "-1,234.56",
   "(1,234.56)", "1,234.56-", "1,234.56 CR" (positive), "1,234.56 DR"
   (negative), "12.345,67 €", "$1,234.56 CAD" (a code after a symbol).
   Rejects anything ambiguous: two numbers, a bare integer without a
   currency mark ("16", "31": counts and days), one or three decimals
   ("0.000"), misplaced group separators, two signs, more than
   SV_AMOUNT_MAX_DIGITS integer digits.  Borrows text; *out is written only
   on success. */
bool sv_amount_parse(const char *text, sv_cents *out);

/* What sv_amount_parse saw besides the value: the currency printed with
   the amount ("USD", "EUR", "GBP" for "£", "" for a bare "$" or nothing),
   whether any mark (symbol or code) was printed, and whether the sign came
   from a trailing minus, parentheses or CR/DR.  Same rules as
   sv_amount_parse; *out and *info written only on success. */
struct sv_amount_info {
  char code[4];   /* ISO code printed or implied by the symbol, or "" */
  bool marked;    /* a currency symbol or code was printed */
  bool dollar;    /* the mark was a bare "$" (dollar or peso: unknown) */
  bool signed_;   /* a sign of any form was printed */
};
bool sv_amount_parse_info(const char *text, sv_cents *out,
                          struct sv_amount_info *info);

#endif
