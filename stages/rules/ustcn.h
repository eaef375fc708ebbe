/*
 * ustcn.h - the us-tcn-border rules: may a third-country national living
 * in the United States apply for a US visa at a US consulate in Mexico
 * (the border posts)?
 *
 * The rules are data (schemas/data/us-tcn-border.xml, validated by
 * schemas/us-tcn-border.xsd), each quoting the seed's sentence
 * (../shared/seeds/000_773e505e44ccb631.txt, undated and old: the answer
 * says so).  The inputs the documents cannot give come from case.xml's
 * <usVisa> (struct sv_usvisa, read by ingest); the "in status" condition
 * must be shown by a read status document (struct sv_us_status, from the
 * status-document reader, stages/readers/usstatus.h) that names the
 * applicant.
 *
 * Part of the rules library: sv_rules_load loads the table once in main
 * before any thread starts; read-only afterwards, so every function taking
 * a const table is MT safe.  evaluate calls sv_ustcn_fill on the collector
 * thread; the report prints the answer as r:eligibility.
 */
#ifndef SV_USTCN_H
#define SV_USTCN_H

#include <glib.h>
#include <stdbool.h>

#include "../../pipeline/model.h"
#include "../../pipeline/status.h"

struct sv_ustcn;

/* One fact read from a status document (struct sv_us_doc, made by
   sv_ustcn_case_status, or by hand in tests).  Borrowed strings. */
struct sv_us_status {
  const char *kind;     /* "i94", "i797", "ead" or "visa" */
  const char *category; /* class of admission / classification / EAD code */
  GDate valid_from;     /* may be invalid (not read) */
  GDate valid_until;    /* I-94 admit-until, I-797 valid-to, EAD card
                           expiry, visa expiry; invalid when not read */
  bool duration_of_status; /* an I-94 admitting for "D/S" */
  const char *source;   /* the document's path */
  int page;             /* where it prints it (0: source says "path#p") */
  const char *name;     /* the person it names, NULL when not read */
  bool not_applicant;   /* that person is not (or may not be) the
                           applicant, or no applicant name to compare */
  const char *doubt;    /* why the reader doubts the document, or NULL */
};

/* Loads data_dir/data/us-tcn-border.xml validated by
   data_dir/us-tcn-border.xsd.  On failure returns the status and sets
   *err to an owned message naming the file (free with g_free).  Returns
   owned *out: free with sv_ustcn_free. */
sv_status sv_ustcn_load(const char *data_dir, struct sv_ustcn **out,
                        char **err);
/* NULL-safe; clears *t. */
void sv_ustcn_free(struct sv_ustcn **t);

/* Returns borrowed: where the rules come from, their date and how old
   they are, in plain words (the report's @source). */
const char *sv_ustcn_source(const struct sv_ustcn *t);
/* Returns borrowed: the number of rules and posts (tests). */
size_t sv_ustcn_nrules(const struct sv_ustcn *t);
size_t sv_ustcn_nposts(const struct sv_ustcn *t);
/* Returns borrowed: the i-th rule's id and quoted sentence. */
const char *sv_ustcn_rule_id(const struct sv_ustcn *t, size_t i);
const char *sv_ustcn_rule_cite(const struct sv_ustcn *t, size_t i);

/* Returns owned (free with sv_eligibility_result_free): the answer for
   in, given the status facts read from the case's documents (borrowed,
   n of them; NULL/0 when none) and the as-of date.  Exclusions give
   not-eligible (all that apply are listed); the non-F-1 to H-1 change
   consult-lawyer; inputs case.xml leaves out, or an "in status" no read
   document shows, insufficient-evidence; what the seed does not settle
   needs-review.  eligible only with a status fact that shows it. */
struct sv_eligibility_result *
sv_ustcn_evaluate(const struct sv_ustcn *t, const struct sv_usvisa *in,
                  const struct sv_us_status *facts, size_t n,
                  const GDate *as_of);

/* The status facts the case's read status documents give (appended to
   out, a GArray of struct sv_us_status borrowing from c and applicant), in
   document order; each names whether its person is the applicant (the
   name evaluated against, sv_names_match; NULL: cannot be told).
   Returns how many it appended. */
size_t sv_ustcn_case_status(const struct sv_case *c, const char *applicant,
                            GArray *out);

/* Sets ev->eligibility to the answer for c's usVisa (none when c has
   none or t is NULL). */
void sv_ustcn_fill(const struct sv_ustcn *t, const struct sv_case *c,
                   struct sv_evaluation *ev);

#endif
