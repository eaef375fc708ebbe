/*
 * currency.h - the currency of a statement, from the evidence the document
 * itself gives, strongest first:
 *
 *   printed  an ISO code or a currency's name: "Currency: USD", "Moneda:
 *            MXN (Pesos mexicanos)", "All amounts in CAD", "US$ 1,000.00",
 *            "1,000.00 M.N.", "U.S. Dollars", "Moneda Nacional", "euros";
 *   country  the country the statement shows (its address with a US state
 *            and ZIP code, a Mexican C.P. or CLABE, a New Zealand bank
 *            account number or "New Zealand", a UK postcode or sort code, a
 *            Canadian postal code, an IBAN's country...) names its
 *            currency, when amounts print a symbol shared by several
 *            currencies ("$") or none;
 *   inferred a symbol alone ("$", "€", "£") or nothing but the language:
 *            a guess, reported as such; a test it decides is never
 *            "meets" (evaluate).
 *
 * One of the statement reader's parts (statement.c); depends on the
 * layout (text/layout.h) only.
 */
#ifndef SV_CURRENCY_H
#define SV_CURRENCY_H

#include "../../pipeline/model.h"
#include "../text/layout.h"

/* Reads the currency of the document laid out in l (all its pages: a
   bundle of statements shares its bank's currency).  lang ("en", "es" or
   "") decides a bare "$" when nothing else does.  Sets code ("" when there
   is no evidence at all) and *source. */
void sv_currency_read(const struct sv_layout *l, const char *lang,
                      char code[4], enum sv_currency_source *source);

/* The ISO code a currency's printed name or code in folded text names
   ("dolares americanos" -> USD, "m n" -> MXN), the first one found;
   NULL when none.  "dollars" or "pesos" alone name no single currency
   (NULL), unless the words around them do ("us dollars", "pesos
   mexicanos", "moneda nacional").  Borrows folded. */
const char *sv_currency_named(const char *folded);

#endif
