/*
 * deed.h - read a Mexican deed (escritura, compraventa) or an investment
 * document (acta of company capital, share purchase).
 *
 * One of the readers of the extract stage's table (readers.h), for
 * documents classified SV_KIND_DEED; fills
 * doc->deed for evaluate (property and investment tests).  Works on the
 * folded text of the pages (stages/text/doctext.h), so text-layer and OCR'd
 * documents read alike:
 *  - values: every amount in digits whose preceding words name it (precio,
 *    valor de operación, contraprestación -> price; avalúo -> appraisal;
 *    valor catastral -> cadastral; capital social, acciones, aportación,
 *    inversión -> investment), parsed with sv_amount_parse, and the
 *    parenthesised words right after it parsed with sv_numwords_parse_es:
 *    has_words when words follow (even malformed ones), words_agree only
 *    when they parse and equal the digits; the nominal value of one share
 *    ("valor nominal de $1,000.00 cada una", "... por acción") is not an
 *    investment value;
 *  - owners: the buyer / adquirente / titular / accionista, from "X (en lo
 *    sucesivo EL COMPRADOR)", "X, como LA PARTE COMPRADORA", "El
 *    accionista X suscribe ...", "Comprador: X", or the signature block
 *    (the name printed under "EL COMPRADOR"); joint names kept as printed;
 *  - notary: the bare name of "Licenciado X, Notario Público número N",
 *    "Lic. X / Notario Público número N", "Notario Lic. X (No. N)" (no
 *    title, no number); "Notario Público número N" as printed only when
 *    no name is;
 *  - date: "a los 17 días del mes de septiembre de 2025", "29 veintinueve
 *    de marzo de 2022 ...", "a 17 de septiembre de 2025"; the signing date
 *    is preferred over birth dates and dates of earlier deeds.
 *  - investment: the document talks about capital / shares more than about
 *    a property.
 */
#ifndef SV_DEED_H
#define SV_DEED_H

#include <stdbool.h>

#include "../../pipeline/model.h"

/* Reads doc's pages and replaces doc->deed (sv_deed_new) with what was
   found.  Returns false, leaving doc->deed NULL, when nothing was read
   (no value, owner, notary or date).  Borrows doc's pages. */
bool sv_deed_read(struct sv_doc *doc);

#endif
