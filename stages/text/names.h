/*
 * names.h - is the person printed on a document the applicant?
 *
 * Extract and evaluate ask this of every account holder, deed owner and
 * letter's person.  Names arrive as printed, in any order, with or without
 * accents, middle names, second surnames, titles and OCR noise, and a
 * joint account prints several people on one line.
 *
 * The rule (per printed holder, the best holder wins):
 *  1. Both names are folded (case, accents, punctuation away), "SURNAMES,
 *     GIVEN" is turned round, titles (MR MRS MS MISS DR SR SRA SRTA LIC ING
 *     DON DONA C) and particles (DE DEL LA LAS LOS) are dropped.
 *  2. Tokens are paired regardless of order: equal; an initial with a word
 *     of that first letter; or, for OCR noise, one edit in a word of 4+
 *     letters or two in a word of 7+ ("fuzzy").
 *  3. MATCH: every token of the shorter name is paired, at least two
 *     pairs are whole words (not initials), no two initials disagree, and
 *     the fuzzy pairs add up to at most two edits (three or more: UNCERTAIN,
 *     never DIFFERENT when every token pairs).  Extra tokens on either side
 *     are middle names or a second surname and are allowed.
 *  4. Otherwise, with at least one whole-word pair: UNCERTAIN when a pair
 *     is one of the applicant's surnames (the last token of a two-token
 *     name, the last two of a longer one) and a given name or its initial
 *     pairs too; DIFFERENT when only a given name is shared ("JOHN SMITH"
 *     is not "JOHN DOE") or only the family name, however many surnames
 *     agree ("LINDA MARIE MORALES" is not Kevin Patrick Morales, "PEDRO
 *     PEREZ GOMEZ" not María José Pérez Gómez: a relative's money does not
 *     count).
 *  5. No whole-word pair: DIFFERENT.
 * The applicant's name is taken in natural order (given names first), as
 * case.xml states it.
 */
#ifndef SV_NAMES_H
#define SV_NAMES_H

#include <glib.h>

enum sv_name_verdict {
  SV_NAME_MATCH = 0,
  SV_NAME_UNCERTAIN,
  SV_NAME_DIFFERENT
};

/* Longest name text looked at (bytes); longer gives DIFFERENT, score 0. */
#define SV_NAMES_MAX_TEXT 1024

/* Matches the applicant against a printed name, which may list joint
   holders (see sv_names_split_holders).  *score (may be NULL) is set to
   0..1: the best holder's share of paired tokens, fuzzy pairs counting
   0.8 and initials 0.5.  Borrows both strings; NULL or empty gives
   DIFFERENT with score 0. */
enum sv_name_verdict sv_names_match(const char *applicant, const char *printed,
                                    double *score);

/* Splits joint holders: "JOHN DOE AND JANE DOE", "JUAN PEREZ Y/O MARIA
   LOPEZ", "A & B", "X O Y", "X Y Y" (the one-letter Spanish words split
   only between two names of 2+ words each).  "JOHN AND JANE DOE" gives
   "JOHN DOE" and "JANE DOE" (a lone given name takes the shared surname).
   Borrows printed.  Returns owned: a GPtrArray of owned char * (free with
   g_ptr_array_unref), each trimmed as printed; empty when printed is
   NULL or blank. */
GPtrArray *sv_names_split_holders(const char *printed);

/* Returns a static string: "match", "uncertain", "different". */
const char *sv_names_verdict_str(enum sv_name_verdict v);

#endif
