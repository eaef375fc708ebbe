/*
 * make-malformed.c - writes the hostile-input corpus (malformed.h):
 *
 *   make-malformed [--big] CASES_ROOT [GOOD_STATEMENT.pdf]
 *
 * Without GOOD_STATEMENT, the first statement of the sample case c01.
 * --big adds the 2,000-page PDF and the 200-page full-size TIFF.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "malformed.h"

int main(int argc, char **argv)
{
  bool big = argc > 1 && strcmp(argv[1], "--big") == 0;
  int i = big ? 2 : 1;
  if (argc - i < 1 || argc - i > 2) {
    fprintf(stderr, "usage: make-malformed [--big] CASES_ROOT "
                    "[GOOD_STATEMENT.pdf]\n");
    return 2;
  }
  const char *good = argc - i == 2
                         ? argv[i + 1]
                         : SV_SOURCE_DIR
                   "/samples/cases/c01-en-visitor-meets/statements/2026-05.pdf";
  if (g_mkdir_with_parents(argv[i], 0755) != 0) {
    fprintf(stderr, "make-malformed: cannot create %s\n", argv[i]);
    return 1;
  }
  return sv_malformed_write(argv[i], good, big) ? 0 : 1;
}
