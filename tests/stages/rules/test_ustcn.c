/*
 * test_ustcn.c - the us-tcn-border rules (stages/rules/ustcn.c): the table
 * against the seed (../shared/seeds/000_773e505e44ccb631.txt), each rule
 * on a hand-made usVisa, the "in status" slot with hand-made status
 * facts, and broken tables refused with a plain message naming the file.
 *
 * The hand reading of the seed: TCNs living in the US may apply at the
 * five border posts for student, exchange visitor, journalist, religious,
 * temporary worker (H, L, O, P) and crew visas (no crew at Nuevo Laredo),
 * in the category they entered in, when in status (I-797, I-94 ...); not
 * for B-1/B-2 (non-residents of Mexico, renewals too), transit, diplomat,
 * treaty trader/investor, H-1A, H-2A, H-2B, Q; not VWP entrants, a change
 * of category, a visa from outside the legal residence, NSEERS, North
 * Korea, Cuba, Syria, Sudan, Iran, nor after an overstay.  Lost passports:
 * VWP residents B-1/B-2 or C, others a B-1/B-2 renewal, to return home.
 * Non-F-1 to H-1: consult a lawyer.  No status document is read yet, so
 * the H-1B renewal is insufficient-evidence today and eligible once an
 * I-94 or I-797 for H-1B is read (test_ustcn_in_status_slot).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "rules/rules.h"
#include "rules/ustcn.h"
#include "support.h"
#include "xmlsafe.h"

#define DATA_DIR SV_SOURCE_DIR "/schemas"
#define SEED SV_SOURCE_DIR "/../shared/seeds/000_773e505e44ccb631.txt"

static struct sv_ustcn *table;

static int setup(void **state)
{
  (void)state;
  char *err = NULL;
  if (sv_ustcn_load(DATA_DIR, &table, &err) != SV_OK) {
    fprintf(stderr, "sv_ustcn_load: %s\n", err != NULL ? err : "(none)");
    g_free(err);
    return -1;
  }
  return 0;
}

static int teardown(void **state)
{
  (void)state;
  sv_ustcn_free(&table);
  return 0;
}

/* A usVisa with every input given: an H-1B renewal at Tijuana by an
   Indian national living in the US.  Tests change what they need. */
static struct sv_usvisa *h1b(void)
{
  struct sv_usvisa *v = sv_usvisa_new();
  v->category = g_strdup("H-1B");
  v->nationality = g_strdup("IN");
  v->residence = g_strdup("US");
  v->post = g_strdup("Tijuana");
  v->entry_category = g_strdup("H-1B");
  v->visa_issued_in = g_strdup("IN");
  return v;
}

static void set(char **field, const char *v)
{
  g_free(*field);
  *field = g_strdup(v);
}

static GDate as_of(void)
{
  GDate d;
  g_date_clear(&d, 1);
  g_date_set_dmy(&d, 15, 11, 2026);
  return d;
}

static struct sv_eligibility_result *run(const struct sv_usvisa *v)
{
  GDate d = as_of();
  return sv_ustcn_evaluate(table, v, NULL, 0, &d);
}

/* The space-separated rule ids of the reasons, in order. */
static char *rules_of(const struct sv_eligibility_result *r)
{
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < r->reasons->len; i++) {
    const struct sv_elig_reason *x =
        &g_array_index(r->reasons, struct sv_elig_reason, i);
    g_string_append_printf(s, "%s%s", i > 0 ? " " : "", x->rule);
    assert_non_null(x->text);
    assert_non_null(x->cite);
    assert_non_null(strstr(x->cite, "000_773e505e44ccb631.txt: \""));
  }
  return g_string_free(s, FALSE);
}

/* Runs v and checks the outcome and the reasons' rules (exactly). */
static void expect(struct sv_usvisa *v, enum sv_eligibility want,
                   const char *want_rules)
{
  struct sv_eligibility_result *r = run(v);
  char *got = rules_of(r);
  if (r->outcome != want || strcmp(got, want_rules) != 0)
    fail_msg("outcome %s [%s], wanted %s [%s]", sv_eligibility_str(r->outcome),
             got, sv_eligibility_str(want), want_rules);
  assert_string_equal(r->ruleset, "us-tcn-border");
  assert_non_null(strstr(r->source, "000_773e505e44ccb631.txt (undated)"));
  g_free(got);
  sv_eligibility_result_free(&r);
  sv_usvisa_free(&v);
}

/* The text of r's first reason of rule `rule` ("" when none). */
static const char *reason_text(const struct sv_eligibility_result *r,
                               const char *rule)
{
  for (guint i = 0; i < r->reasons->len; i++) {
    const struct sv_elig_reason *x =
        &g_array_index(r->reasons, struct sv_elig_reason, i);
    if (strcmp(x->rule, rule) == 0)
      return x->text;
  }
  return "";
}

/* A reason's text of rule `rule` holds `phrase`. */
static void expect_text(struct sv_usvisa *v, const char *rule,
                        const char *phrase)
{
  struct sv_eligibility_result *r = run(v);
  bool found = false;
  for (guint i = 0; i < r->reasons->len; i++) {
    const struct sv_elig_reason *x =
        &g_array_index(r->reasons, struct sv_elig_reason, i);
    if (strcmp(x->rule, rule) == 0 && strstr(x->text, phrase) != NULL)
      found = true;
  }
  if (!found)
    fail_msg("no reason of rule %s says \"%s\"", rule, phrase);
  sv_eligibility_result_free(&r);
  sv_usvisa_free(&v);
}

/* ------------------------------------------------------------ tests */

/* Every rule quotes the seed's sentence as printed; the five border
   posts are there. */
static void test_ustcn_cites_are_in_the_seed(void **state)
{
  (void)state;
  assert_int_equal(sv_ustcn_nposts(table), 5);
  assert_true(sv_ustcn_nrules(table) >= 25);
  char *seed = NULL;
  if (!g_file_get_contents(SEED, &seed, NULL, NULL)) {
    fprintf(stderr, "seed %s not found: quotes not checked\n", SEED);
    return;
  }
  for (size_t i = 0; i < sv_ustcn_nrules(table); i++) {
    const char *cite = sv_ustcn_rule_cite(table, i);
    const char *q = strstr(cite, ": \"");
    assert_non_null(q);
    char *quote = g_strndup(q + 3, strlen(q + 3) - 1); /* drop the " */
    if (strstr(seed, quote) == NULL)
      fail_msg("rule %s: \"%s\" is not in the seed",
               sv_ustcn_rule_id(table, i), quote);
    g_free(quote);
  }
  g_free(seed);
}

/* The H-1B renewal by an Indian national living in the US at Tijuana:
   a listed category, no exclusion, but in status is not shown by any
   read document: insufficient-evidence, naming the I-94 and I-797. */
static void test_ustcn_h1b_renewal_insufficient(void **state)
{
  (void)state;
  expect(h1b(), SV_ELIG_INSUFFICIENT, "temporary-worker in-status");
  expect_text(h1b(), "in-status", "Form I-94 admitting until after 2026-11-15");
  expect_text(h1b(), "in-status", "naming the applicant, would show it");
  /* categories as people write them */
  struct sv_usvisa *v = h1b();
  set(&v->category, "h1b");
  set(&v->entry_category, "H1B");
  set(&v->post, "TIJUANA");
  expect(v, SV_ELIG_INSUFFICIENT, "temporary-worker in-status");
}

/* The slot: an I-94 admitting until after as-of, or an I-797 for H-1B
   valid on it, makes the same case eligible, with the document named;
   an I-94 that ended before as-of makes it not-eligible (out of status);
   facts for another category show nothing (an I-94 for one contradicts
   case.xml's entryCategory: needs-review). */
static void test_ustcn_in_status_slot(void **state)
{
  (void)state;
  GDate d = as_of();
  struct sv_us_status f;
  memset(&f, 0, sizeof f);
  f.kind = "i94";
  f.category = "H-1B";
  f.source = "status/i94.pdf#1";
  g_date_clear(&f.valid_until, 1);
  g_date_set_dmy(&f.valid_until, 30, 9, 2028);
  struct sv_usvisa *v = h1b();

  struct sv_eligibility_result *r = sv_ustcn_evaluate(table, v, &f, 1, &d);
  assert_int_equal(r->outcome, SV_ELIGIBLE);
  assert_int_equal(r->documents->len, 1);
  assert_string_equal(r->documents->pdata[0], "status/i94.pdf#1");
  sv_eligibility_result_free(&r);

  f.kind = "i797";
  f.source = "status/i797.pdf#1";
  r = sv_ustcn_evaluate(table, v, &f, 1, &d);
  assert_int_equal(r->outcome, SV_ELIGIBLE);
  sv_eligibility_result_free(&r);

  f.kind = "i94";
  g_date_set_dmy(&f.valid_until, 15, 11, 2026); /* not after as-of */
  r = sv_ustcn_evaluate(table, v, &f, 1, &d);
  assert_int_equal(r->outcome, SV_NOT_ELIGIBLE);
  char *got = rules_of(r);
  assert_string_equal(got, "in-status");
  g_free(got);
  sv_eligibility_result_free(&r);

  /* the applicant's I-94 for another class shows nothing for H-1B, and
     contradicts case.xml's entry as H-1B: needs-review */
  f.category = "F-1";
  g_date_set_dmy(&f.valid_until, 30, 9, 2028);
  r = sv_ustcn_evaluate(table, v, &f, 1, &d);
  assert_int_equal(r->outcome, SV_ELIG_NEEDS_REVIEW);
  sv_eligibility_result_free(&r);
  /* an I-797 for another class: it shows nothing either way */
  f.kind = "i797";
  r = sv_ustcn_evaluate(table, v, &f, 1, &d);
  assert_int_equal(r->outcome, SV_ELIG_INSUFFICIENT);
  sv_eligibility_result_free(&r);
  sv_usvisa_free(&v);
}

/* Status documents that cannot be relied on make the answer needs-review,
   never eligible: another person's I-94, a doubted I-797, an I-94 for
   "D/S", an EAD card alone, an I-797 valid only from a later date.  An
   I-797 that ended before as-of is out of status like an I-94; a later
   one for the same person lifts it. */
static void test_ustcn_status_doubts(void **state)
{
  (void)state;
  GDate d = as_of();
  struct sv_us_status f[2];
  memset(f, 0, sizeof f);
  f[0].kind = "i94";
  f[0].category = "H1B"; /* as an I-94 prints it */
  f[0].source = "status/i94.pdf";
  f[0].page = 1;
  g_date_clear(&f[0].valid_from, 1);
  g_date_clear(&f[0].valid_until, 1);
  g_date_set_dmy(&f[0].valid_until, 30, 9, 2028);
  f[0].not_applicant = true;
  f[0].name = "ANIL KUMAR";
  struct sv_usvisa *v = h1b();

  struct sv_eligibility_result *r = sv_ustcn_evaluate(table, v, f, 1, &d);
  assert_int_equal(r->outcome, SV_ELIG_NEEDS_REVIEW);
  assert_non_null(strstr(reason_text(r, "in-status"), "names ANIL KUMAR"));
  assert_int_equal(r->documents->len, 1);
  assert_string_equal(r->documents->pdata[0], "status/i94.pdf#1");
  sv_eligibility_result_free(&r);

  f[0].not_applicant = false;
  f[0].doubt = "its validity ends before it begins";
  r = sv_ustcn_evaluate(table, v, f, 1, &d);
  assert_int_equal(r->outcome, SV_ELIG_NEEDS_REVIEW);
  assert_non_null(strstr(reason_text(r, "in-status"), "cannot be relied on"));
  sv_eligibility_result_free(&r);

  f[0].doubt = NULL;
  f[0].duration_of_status = true;
  g_date_clear(&f[0].valid_until, 1);
  r = sv_ustcn_evaluate(table, v, f, 1, &d);
  assert_int_equal(r->outcome, SV_ELIG_NEEDS_REVIEW);
  assert_non_null(strstr(reason_text(r, "in-status"), "(D/S)"));
  sv_eligibility_result_free(&r);

  f[0].duration_of_status = false;
  f[0].kind = "ead";
  f[0].category = "C26";
  g_date_set_dmy(&f[0].valid_from, 1, 1, 2026);
  g_date_set_dmy(&f[0].valid_until, 31, 12, 2027);
  r = sv_ustcn_evaluate(table, v, f, 1, &d);
  assert_int_equal(r->outcome, SV_ELIG_NEEDS_REVIEW);
  assert_non_null(strstr(reason_text(r, "in-status"), "permission to work"));
  sv_eligibility_result_free(&r);

  /* an EAD that expired says nothing: insufficient */
  g_date_set_dmy(&f[0].valid_until, 31, 12, 2025);
  r = sv_ustcn_evaluate(table, v, f, 1, &d);
  assert_int_equal(r->outcome, SV_ELIG_INSUFFICIENT);
  sv_eligibility_result_free(&r);

  /* an I-797 approved from a later date is not valid on as-of */
  f[0].kind = "i797";
  f[0].category = "H-1B";
  g_date_set_dmy(&f[0].valid_from, 1, 12, 2026);
  g_date_set_dmy(&f[0].valid_until, 30, 11, 2029);
  r = sv_ustcn_evaluate(table, v, f, 1, &d);
  assert_int_equal(r->outcome, SV_ELIG_NEEDS_REVIEW);
  sv_eligibility_result_free(&r);

  /* an I-797 that ended before as-of: out of status ... */
  g_date_set_dmy(&f[0].valid_from, 1, 10, 2023);
  g_date_set_dmy(&f[0].valid_until, 31, 10, 2026);
  r = sv_ustcn_evaluate(table, v, f, 1, &d);
  assert_int_equal(r->outcome, SV_NOT_ELIGIBLE);
  assert_non_null(strstr(reason_text(r, "in-status"), "out of status"));
  sv_eligibility_result_free(&r);

  /* ... unless the applicant's I-94 admits until after it */
  f[1] = f[0];
  f[1].kind = "i94";
  f[1].source = "status/i94.pdf";
  g_date_clear(&f[1].valid_from, 1);
  g_date_set_dmy(&f[1].valid_until, 1, 10, 2027);
  r = sv_ustcn_evaluate(table, v, f, 2, &d);
  assert_int_equal(r->outcome, SV_ELIGIBLE);
  sv_eligibility_result_free(&r);

  /* the applicant's own visa foil for another class than case.xml's
     entryCategory: the I-94's "in status" cannot stand */
  f[0].kind = "visa";
  f[0].category = "H-4";
  f[0].source = "status/visa.jpg";
  r = sv_ustcn_evaluate(table, v, f, 2, &d);
  assert_int_equal(r->outcome, SV_ELIG_NEEDS_REVIEW);
  assert_non_null(strstr(reason_text(r, "in-status"),
                         "the last entry was as H-1B"));
  sv_eligibility_result_free(&r);
  /* ... unless it is another person's */
  f[0].not_applicant = true;
  r = sv_ustcn_evaluate(table, v, f, 2, &d);
  assert_int_equal(r->outcome, SV_ELIGIBLE);
  sv_eligibility_result_free(&r);
  f[0].not_applicant = false;

  /* the applicant's own I-94 admitting as WT (Visa Waiver Program): the
     VWP exclusion, whatever case.xml's waiver says; another person's
     does not count */
  f[1].category = "WT";
  r = sv_ustcn_evaluate(table, v, &f[1], 1, &d);
  assert_int_equal(r->outcome, SV_NOT_ELIGIBLE);
  assert_non_null(strstr(reason_text(r, "vwp-entrant"), "admits as WT"));
  sv_eligibility_result_free(&r);
  f[1].not_applicant = true;
  r = sv_ustcn_evaluate(table, v, &f[1], 1, &d);
  assert_int_not_equal(r->outcome, SV_NOT_ELIGIBLE);
  sv_eligibility_result_free(&r);
  f[1].not_applicant = false;
  f[1].category = "H-1B";

  /* a visa foil never shows status by itself */
  f[0].kind = "visa";
  f[0].category = "H-1B";
  r = sv_ustcn_evaluate(table, v, f, 1, &d);
  assert_int_equal(r->outcome, SV_ELIG_INSUFFICIENT);
  sv_eligibility_result_free(&r);
  sv_usvisa_free(&v);
}

/* B-1/B-2 renewal by a non-resident of Mexico: not-eligible, with both
   sentences; a resident of Mexico still falls to the renewal sentence. */
static void test_ustcn_b2_renewal_refused(void **state)
{
  (void)state;
  struct sv_usvisa *v = h1b();
  set(&v->category, "B-1/B-2");
  set(&v->entry_category, "B-2");
  expect(v, SV_NOT_ELIGIBLE, "same-category-renewal visitor-non-resident");
  v = h1b();
  set(&v->category, "B-1/B-2");
  set(&v->entry_category, "B-1/B-2");
  set(&v->residence, "MX");
  set(&v->visa_issued_in, "MX");
  expect(v, SV_NOT_ELIGIBLE, "same-category-renewal");
}

/* Crew at Nuevo Laredo: not-eligible; the same crew at Matamoros is a
   listed category waiting for its status. */
static void test_ustcn_crew_nuevo_laredo(void **state)
{
  (void)state;
  struct sv_usvisa *v = h1b();
  set(&v->category, "C-1/D");
  set(&v->entry_category, "C-1/D");
  set(&v->post, "Nuevo Laredo");
  expect(v, SV_NOT_ELIGIBLE, "crew-nuevo-laredo");
  v = h1b();
  set(&v->category, "C-1/D");
  set(&v->entry_category, "C-1/D");
  set(&v->post, "nuevo-laredo");
  expect(v, SV_NOT_ELIGIBLE, "crew-nuevo-laredo");
  v = h1b();
  set(&v->category, "C-1/D");
  set(&v->entry_category, "C-1/D");
  set(&v->post, "Matamoros");
  expect(v, SV_ELIG_INSUFFICIENT, "crew in-status");
}

/* The listed categories that cannot be applied for: H-2A (also a renewal
   of an H-2), H-1A, Q, E-2, transit C-1, diplomat A-1. */
static void test_ustcn_excluded_categories(void **state)
{
  (void)state;
  static const struct {
    const char *cat;
    const char *rules;
  } cases[] = {
      {"H-2A", "same-category-renewal h1a-h2a-h2b-q"},
      {"H-2B", "same-category-renewal h1a-h2a-h2b-q"},
      {"H-1A", "h1a-h2a-h2b-q"},
      {"Q-1", "h1a-h2a-h2b-q"},
      {"E-2", "treaty-trader-investor"},
      {"C-1", "transit"},
      {"A-1", "diplomat"},
      {"G-4", "diplomat"},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    struct sv_usvisa *v = h1b();
    set(&v->category, cases[i].cat);
    set(&v->entry_category, cases[i].cat);
    expect(v, SV_NOT_ELIGIBLE, cases[i].rules);
  }
}

/* Visa Waiver entrant, NSEERS, overstay, an Iranian national, a change
   of category since entry, a visa issued in a third country: each alone
   not-eligible; together every one is listed. */
static void test_ustcn_exclusions_listed(void **state)
{
  (void)state;
  struct sv_usvisa *v = h1b();
  v->waiver = true;
  expect(v, SV_NOT_ELIGIBLE, "vwp-entrant");
  v = h1b();
  v->nseers = true;
  expect(v, SV_NOT_ELIGIBLE, "nseers");
  v = h1b();
  v->overstay = true;
  expect(v, SV_NOT_ELIGIBLE, "overstay");
  v = h1b();
  set(&v->nationality, "IR");
  set(&v->visa_issued_in, "IR");
  expect(v, SV_NOT_ELIGIBLE, "nationality");
  v = h1b();
  set(&v->category, "F-1");
  set(&v->entry_category, "J-1");
  expect(v, SV_NOT_ELIGIBLE, "different-category");
  v = h1b();
  set(&v->visa_issued_in, "AE");
  expect(v, SV_NOT_ELIGIBLE, "issued-outside-residence");
  v = h1b();
  set(&v->nationality, "SY");
  v->overstay = true;
  v->nseers = true;
  v->waiver = true;
  expect(v, SV_NOT_ELIGIBLE,
         "overstay vwp-entrant issued-outside-residence nseers nationality");
}

/* Non-F-1 (H-4, B-1, J-1) to H-1B: consult-lawyer, the change exclusions
   lifted; an excluded nationality still not-eligible; F-1 to H-1B is not
   settled by the seed (needs review) and its status is not shown yet. */
static void test_ustcn_change_to_h1(void **state)
{
  (void)state;
  static const char *const from[] = {"H-4", "B-1", "J-1"};
  for (size_t i = 0; i < G_N_ELEMENTS(from); i++) {
    struct sv_usvisa *v = h1b();
    set(&v->entry_category, from[i]);
    set(&v->changing_from, from[i]);
    expect(v, SV_CONSULT_LAWYER, "lawyer-non-f1-to-h1 temporary-worker");
  }
  struct sv_usvisa *v = h1b();
  set(&v->entry_category, "H-4"); /* no changingFrom: the entry says it */
  expect(v, SV_CONSULT_LAWYER, "lawyer-non-f1-to-h1 temporary-worker");
  v = h1b();
  set(&v->entry_category, "H-4");
  set(&v->changing_from, "H-4");
  set(&v->nationality, "CU");
  set(&v->visa_issued_in, "CU");
  expect(v, SV_NOT_ELIGIBLE, "nationality");
  v = h1b();
  set(&v->entry_category, "F-1");
  set(&v->changing_from, "F-1");
  expect(v, SV_ELIG_INSUFFICIENT, "f1-to-h1 temporary-worker in-status");
  /* a change to another category than H-1 stays excluded */
  v = h1b();
  set(&v->category, "L-1");
  set(&v->entry_category, "H-4");
  set(&v->changing_from, "H-4");
  expect(v, SV_NOT_ELIGIBLE, "uscis-change different-category");
}

/* Lost or stolen passports: a VWP resident may ask for B-1/B-2 or C to
   return home (the VWP entry and non-residence in Mexico lifted); a
   non-VWP resident only a B-1/B-2 renewal; both rest on case.xml's word:
   needs-review.  Without vwpResident: insufficient, naming it. */
static void test_ustcn_lost_passport(void **state)
{
  (void)state;
  struct sv_usvisa *v = sv_usvisa_new();
  set(&v->category, "B-1/B-2");
  set(&v->nationality, "FR");
  set(&v->residence, "FR");
  set(&v->post, "Tijuana");
  v->waiver = true;
  v->lost_passport = true;
  v->vwp_resident = 1;
  expect(v, SV_ELIG_NEEDS_REVIEW, "lost-passport-vwp");

  v = sv_usvisa_new();
  set(&v->category, "C-1");
  set(&v->nationality, "JP");
  set(&v->residence, "JP");
  set(&v->post, "Nogales");
  v->waiver = true;
  v->lost_passport = true;
  v->vwp_resident = 1;
  expect(v, SV_ELIG_NEEDS_REVIEW, "lost-passport-vwp");

  v = h1b();
  set(&v->category, "B-1/B-2");
  set(&v->entry_category, "B-1/B-2");
  set(&v->residence, "IN");
  v->lost_passport = true;
  v->vwp_resident = 0;
  expect(v, SV_ELIG_NEEDS_REVIEW, "lost-passport-non-vwp");

  v = h1b(); /* non-VWP: no transit visa */
  set(&v->category, "C-1");
  set(&v->entry_category, "C-1");
  set(&v->residence, "IN");
  v->lost_passport = true;
  v->vwp_resident = 0;
  expect(v, SV_NOT_ELIGIBLE, "transit");

  v = sv_usvisa_new();
  set(&v->category, "B-2");
  set(&v->nationality, "FR");
  set(&v->residence, "FR");
  set(&v->post, "Tijuana");
  v->lost_passport = true;
  expect(v, SV_ELIG_INSUFFICIENT, "input");
  v = sv_usvisa_new();
  set(&v->category, "B-2");
  set(&v->nationality, "FR");
  set(&v->residence, "FR");
  set(&v->post, "Tijuana");
  v->lost_passport = true;
  expect_text(v, "input", "does not give vwpResident");

  /* an H-1B with a lost passport is the ordinary case */
  v = h1b();
  v->lost_passport = true;
  expect(v, SV_ELIG_INSUFFICIENT, "temporary-worker in-status");
}

/* Inputs case.xml leaves out: insufficient-evidence naming each; an
   exclusion that can be decided still decides. */
static void test_ustcn_missing_inputs(void **state)
{
  (void)state;
  struct sv_usvisa *v = sv_usvisa_new();
  set(&v->category, "H-1B");
  expect(v, SV_ELIG_INSUFFICIENT,
         "temporary-worker in-status input input input input input");
  static const char *const named[] = {"post", "nationality", "residence",
                                      "entryCategory", "visaIssuedIn"};
  for (size_t i = 0; i < G_N_ELEMENTS(named); i++) {
    v = sv_usvisa_new();
    set(&v->category, "H-1B");
    char *phrase = g_strdup_printf("does not give %s,", named[i]);
    expect_text(v, "input", phrase);
    g_free(phrase);
  }
  v = sv_usvisa_new();
  expect_text(v, "input", "does not give category");
  v = sv_usvisa_new();
  set(&v->nationality, "KP");
  expect(v, SV_NOT_ELIGIBLE, "nationality");
}

/* What the seed does not speak of: a post that is not a border post, a
   Mexican citizen, a category it neither lists nor excludes (TN). */
static void test_ustcn_outside_the_seed(void **state)
{
  (void)state;
  struct sv_usvisa *v = h1b();
  set(&v->post, "Monterrey");
  expect_text(v, "border-post", "\"Monterrey\" is not one of the border posts");
  v = h1b();
  set(&v->category, "TN");
  set(&v->entry_category, "TN");
  expect(v, SV_ELIG_NEEDS_REVIEW, "listed-category");
  v = h1b();
  set(&v->nationality, "MX");
  set(&v->visa_issued_in, "MX");
  expect(v, SV_ELIG_INSUFFICIENT,
         "third-country-national temporary-worker in-status");
}

/* sv_ustcn_fill: no usVisa, no section; with one, the answer. */
static void test_ustcn_fill(void **state)
{
  (void)state;
  struct sv_case *c = sv_case_new("x", "/tmp/x", "x");
  c->as_of = as_of();
  struct sv_evaluation *ev = sv_evaluation_new();
  sv_ustcn_fill(table, c, ev);
  assert_null(ev->eligibility);
  c->usvisa = h1b();
  sv_ustcn_fill(table, c, ev);
  assert_non_null(ev->eligibility);
  assert_int_equal(ev->eligibility->outcome, SV_ELIG_INSUFFICIENT);
  sv_evaluation_free(&ev);
  sv_case_free(&c);
}

/* The table loads with the rules (sv_rules_ustcn). */
static void test_ustcn_loaded_with_rules(void **state)
{
  (void)state;
  struct sv_rules *r = NULL;
  char *err = NULL;
  assert_int_equal(sv_rules_load(DATA_DIR, "auto", NULL, &r, &err), SV_OK);
  assert_non_null(sv_rules_ustcn(r));
  sv_rules_free(&r);
}

static void copy_data(const char *dir, const char *rel)
{
  char *src = g_build_filename(DATA_DIR, rel, NULL);
  char *dst = g_build_filename(dir, rel, NULL);
  char *text = NULL;
  gsize len = 0;
  assert_true(g_file_get_contents(src, &text, &len, NULL));
  sv_test_write(dst, text, len);
  g_free(text);
  g_free(src);
  g_free(dst);
}

/* A broken table is refused with a plain message naming the file: one
   the XSD refuses (an unknown kind, a category in lower case), a rule
   without what its test needs, an override or post naming nothing, two
   conditions, a DOCTYPE, no table at all. */
static void test_ustcn_broken_tables_refused(void **state)
{
  (void)state;
  static const struct {
    const char *from, *to, *needle;
  } bad[] = {
      {"kind=\"eligible\" test=\"category\" categories=\"F* M*\"",
       "kind=\"allowed\" test=\"category\" categories=\"F* M*\"", "kind"},
      {"categories=\"F* M*\"", "categories=\"f-1\"", "categories"},
      {"test=\"category\" categories=\"J*\"", "test=\"category\"",
       "it needs categories"},
      {"overrides=\"uscis-change different-category\"",
       "overrides=\"uscis-changes different-category\"",
       "overrides rule \"uscis-changes\""},
      {"posts=\"nuevo-laredo\"", "posts=\"laredo\"", "names post \"laredo\""},
      {"kind=\"eligible\" test=\"category\" categories=\"I*\"",
       "kind=\"condition\" test=\"in-status\"", "exactly one"},
      {"<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE us-tcn-border>",
       "DOCTYPE"},
      {NULL, NULL, "us-tcn-border.xml"},
  };
  char *orig = NULL;
  assert_true(g_file_get_contents(DATA_DIR "/data/us-tcn-border.xml", &orig,
                                  NULL, NULL));
  for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
    char *dir = sv_test_tmpdir("ustcn-bad");
    copy_data(dir, "us-tcn-border.xsd");
    char *path = g_build_filename(dir, "data", "us-tcn-border.xml", NULL);
    if (bad[i].from != NULL) {
      assert_non_null(strstr(orig, bad[i].from));
      GString *s = g_string_new(orig);
      g_string_replace(s, bad[i].from, bad[i].to, 1);
      sv_test_write(path, s->str, s->len);
      g_string_free(s, TRUE);
    } else {
      char *d = g_build_filename(dir, "data", NULL);
      g_mkdir_with_parents(d, 0700);
      g_free(d);
    }
    struct sv_ustcn *t = NULL;
    char *err = NULL;
    sv_status rc = sv_ustcn_load(dir, &t, &err);
    if (rc == SV_OK || err == NULL || strstr(err, bad[i].needle) == NULL ||
        strstr(err, "us-tcn-border.xml") == NULL ||
        !g_str_has_prefix(err, "US border-post rules"))
      fail_msg("broken table %zu: status %s, message %s (wanted \"%s\")", i,
               sv_status_name(rc), err != NULL ? err : "(none)",
               bad[i].needle);
    assert_null(t);
    g_free(err);
    g_free(path);
    sv_test_rmtree(dir);
    g_free(dir);
  }
  g_free(orig);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_ustcn_cites_are_in_the_seed),
      cmocka_unit_test(test_ustcn_h1b_renewal_insufficient),
      cmocka_unit_test(test_ustcn_in_status_slot),
      cmocka_unit_test(test_ustcn_status_doubts),
      cmocka_unit_test(test_ustcn_b2_renewal_refused),
      cmocka_unit_test(test_ustcn_crew_nuevo_laredo),
      cmocka_unit_test(test_ustcn_excluded_categories),
      cmocka_unit_test(test_ustcn_exclusions_listed),
      cmocka_unit_test(test_ustcn_change_to_h1),
      cmocka_unit_test(test_ustcn_lost_passport),
      cmocka_unit_test(test_ustcn_missing_inputs),
      cmocka_unit_test(test_ustcn_outside_the_seed),
      cmocka_unit_test(test_ustcn_fill),
      cmocka_unit_test(test_ustcn_loaded_with_rules),
      cmocka_unit_test(test_ustcn_broken_tables_refused),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
