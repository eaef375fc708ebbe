/*
 * malformed.h - a corpus of hostile and broken inputs, written on demand
 * (never checked in: some are large, some cannot live in git: FIFOs,
 * symlink loops, names with control bytes).
 *
 * sv_malformed_write() makes, under a cases root, case folders whose
 * documents are each broken in one way, next to one good statement per
 * case, and the table below says what the report must say about each:
 * its status and a piece of the reason, in plain words.  Used by
 * tests/e2e/test_malformed.c and by `make-malformed DIR` (the corpus for
 * a look by hand, or for scripts/stress-memory.sh).
 */
#ifndef SV_MALFORMED_H
#define SV_MALFORMED_H

#include <stdbool.h>

struct sv_malformed {
  const char *case_id;  /* the case folder */
  const char *path;     /* relative to it, as the report's @path shows it */
  const char *status;   /* the document's expected @status */
  const char *reason;   /* a piece of one of its problems, or NULL */
  bool big;             /* a size/stress input (see sv_malformed_write) */
};

/* The corpus, NULL-path terminated. */
extern const struct sv_malformed sv_malformed_table[];

/* The good statement every case also holds (read as a bank statement). */
#define SV_MALFORMED_GOOD "good/statement.pdf"

/* Writes the corpus under root (which must exist), taking the good
   statement from good_pdf.  With big, also the 2,000-page PDF and the
   200-page full-size TIFF (a few MB; seconds to write).  Returns false,
   printing why, on a write error. */
bool sv_malformed_write(const char *root, const char *good_pdf, bool big);

#endif
