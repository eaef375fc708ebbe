/*
 * mrz.h - the machine-readable zone of a US visa foil (ICAO Doc 9303,
 * machine-readable visa, two lines of 44 characters).
 *
 * Line 1: "V", a type letter, the issuing state "USA", then the name
 * (SURNAME<<GIVEN<NAMES<<<...).  Line 2: the passport number and its check
 * digit, nationality, birth date YYMMDD and its check digit, sex, the
 * visa's expiry YYMMDD and its check digit, optional data.  The zone is
 * read only when the check digits of both dates hold, so an OCR slip in a
 * date is caught; line 1 has no check digit, so its name may carry slips.
 *
 * One of the status-document reader's parts (usstatus.c); uses only the
 * text library.
 */
#ifndef SV_MRZ_H
#define SV_MRZ_H

#include <glib.h>
#include <stdbool.h>

#include "../text/layout.h"

struct sv_mrz {
  char *name;        /* owned: "GIVEN NAMES SURNAME" from line 1, or NULL */
  GDate expiry;      /* the visa's expiry (20YY) */
  int page;          /* where line 2 is printed */
  struct sv_box box; /* ... and its box */
};

/* The ICAO 9303 check digit of s[0..n) (weights 7, 3, 1; digits, A-Z
   = 10-35, '<' = 0); -1 when s holds another character. */
int sv_mrz_check(const char *s, size_t n);

/* Looks among l's lines, in order, for the two lines of a US visa's zone
   whose date check digits hold (spaces dropped, '«' and the like read as
   '<').  True with *m filled (free with sv_mrz_clear); false when none. */
bool sv_mrz_read_visa(const struct sv_layout *l, struct sv_mrz *m);

/* Frees m's name (m itself is the caller's). */
void sv_mrz_clear(struct sv_mrz *m);

#endif
