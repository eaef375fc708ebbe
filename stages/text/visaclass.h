/*
 * visaclass.h - US visa classes as people and forms print them.
 *
 * case.xml says "h1b" or "H-1B", an I-797 prints "Class: H1B", an I-94
 * "Class of Admission: H1B", a visa foil "Visa Type/Class: R H1B", and an
 * EAD card "Category: C26" or "(c)(26)".  The us-tcn-border rules compare
 * classes, so every one of them is made canonical the same way here.
 *
 * Part of the text library (stages/text/): GLib only; the readers and the
 * rules library both use it.
 */
#ifndef SV_VISACLASS_H
#define SV_VISACLASS_H

#include <stdbool.h>

/* Returns owned (g_free): a class as written made canonical: upper case,
   no spaces, a hyphen between a part's class letters and its first digit
   ("h1b" -> "H-1B", "B1/B2" -> "B-1/B-2", "C1/D" -> "C-1/D").  NULL for
   NULL.  No check that it is a class at all (see sv_visa_class_read). */
char *sv_visa_class_norm(const char *s);

/* Whether a canonical class is one the State Department or CBP issues
   (H-1B, F-1, B-1/B-2, TN, WT ...). */
bool sv_visa_class_known(const char *canonical);

/* Returns owned (g_free): the canonical class a printed value names, or
   NULL when it names none.  A class is 1-2 letters, then optionally a
   digit and up to two more letters or digits ("H1B", "L-1A", "O-1", "I",
   "TN", "H-1B1"), parts joined by '/' ("B1/B2", "C-1/D"); a foil's visa
   type letter before it ("R H1B") is skipped; trailing words after the
   class ("H1B PETITION") are not read.  What OCR makes of a known class
   is read back to it when one or two of its characters were confused
   ("FL" -> F-1, "H-18" -> H-1B, "LIA" -> L-1A: 1/L/I, 0/O/D, 8/B, 5/S,
   2/Z, 4/A); a reading that is no known class is kept only when it is
   shaped like one.  Words that are not a class ("NONE", "PETITION") give
   NULL. */
char *sv_visa_class_read(const char *printed);

/* Returns owned (g_free): an EAD category code made canonical, the letter
   A or C, two digits and an optional letter ("C26", "C09", "A17",
   "C03B"), from what a card or form prints: "C26", "c09", "C-9",
   "(c)(9)", "C03(B)", "(c)(3)(B)", and OCR's "CO9" or "C009".  NULL when
   the value is no code. */
char *sv_ead_category_read(const char *printed);

#endif
