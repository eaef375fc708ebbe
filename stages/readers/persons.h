/*
 * persons.h - who an income document is about and who pays: the employee,
 * pensioner or beneficiary, and the employer or pension fund.
 *
 *  - person: "Employee: X", "Recipient" over "X", "certify that X ...",
 *    "verification for X", "hace constar que el C. X ..."; payer:
 *    "Employer: X", "employed by X", "has worked for X", "benefit from
 *    X", "Por medio de la presente, X hace constar", "presta sus
 *    servicios en X"; else a company (a name ending with its legal form)
 *    that "hace constar" at the start of a sentence, else the letterhead's
 *    first line when it is such a company.  A name after
 *    a phrase runs on over a wrapped line (sv_doctext_line_wraps) and is
 *    the capitalised words, the particles between them (de, del, of, &)
 *    and a legal form after a comma ("..., S.A. de C.V.", "Ltd."); it ends
 *    at a lower-case word or a sentence's '.' ("... System. Your").
 *
 * A part of the income reader (income.c); works on the document's folded
 * text (text/doctext.h).
 */
#ifndef SV_PERSONS_H
#define SV_PERSONS_H

#include "../text/doctext.h"

/* Sets *person and *payer (owned, g_free; NULL when not found). */
void sv_persons_read(const struct sv_doctext *t, char **person, char **payer);

#endif
