/*
 * usstatus.h - US immigration status documents: USCIS Form I-797 notices
 * of action, CBP Form I-94 records, EAD cards (Form I-766) and US visa
 * foils, text layer or OCR'd, in any of the layouts their issuers and
 * printers use.
 *
 * Which form it is comes from its wording (a visa's machine-readable zone
 * or "Visa Type/Class"; "Notice of Action"; "Admit Until" or "Class of
 * Admission"; "Employment Authorization" with "Card Expires").  Each field
 * is the value of one of its labels, in the many wordings the forms use
 * ("Class", "Classification", "Class of Admission", "Category", "Visa
 * Type/Class"), found by geometry: in the label's own cell after it, in
 * the cell right of it, or in the cell under it (the boxed forms print the
 * label above the value).  A value must read as what its field holds (a
 * date, a class, a name, a number) and must not itself be a label;
 * otherwise the next place is tried.
 *
 *  - name: "SURNAME, GIVEN" and separate Surname / Given Name fields both
 *    give "GIVEN SURNAME";
 *  - category: a visa class made canonical ("H1B" -> "H-1B"; a foil's
 *    "R H1B" is type R, class H-1B), an EAD code ("(c)(26)" -> "C26");
 *  - valid from / until: I-797 validity ("Valid from 10/01/2024 to
 *    09/30/2027"), I-94 date of entry and admit-until date (or "D/S",
 *    duration of status), EAD valid from / card expires, visa issue and
 *    expiration dates; numeric dates are US month/day, and "2024 March
 *    15", "15 JAN 2024", "15JAN2024", "January 15, 2025" are read too;
 *  - number: receipt, I-94 record, USCIS or control number, masked to its
 *    last 4 as account numbers are;
 *  - a visa's machine-readable zone (mrz.h), when read with its check
 *    digits holding, must agree with the printed name and expiry (else the
 *    document is in doubt); it gives the expiry when the printed one
 *    cannot be read.
 *
 * One of the readers (readers.h); uses only the text library.
 */
#ifndef SV_USSTATUS_H
#define SV_USSTATUS_H

#include <glib.h>
#include <stdbool.h>

#include "../../pipeline/model.h"

/* Reads doc (classified SV_KIND_US_STATUS) into doc->us: one reading per
   form, in page order, when the file holds several (a scan of an I-797,
   an I-94 and a visa in one PDF: each page's form is told from its own
   wording, and a page naming none goes with the one before).  Returns
   false when not even one form's class or validity could be read
   (doc->us is then left NULL). */
bool sv_usstatus_read(struct sv_doc *doc);

/* Sets *out to the nth (0-based) date printed in text, read as the US
   forms print dates (see above).  False when there are fewer. */
bool sv_usstatus_date(const char *text, int nth, GDate *out);

/* The form a document's folded token stream (sv_fold_tokens) reads as;
   false when none. */
bool sv_usstatus_form(const char *tokens, enum sv_us_form *out);

#endif
