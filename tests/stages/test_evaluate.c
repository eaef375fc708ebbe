/*
 * test_evaluate.c - the evaluate stage (stages/evaluate.c): thresholds,
 * windows, wages, rates and outcomes.
 *
 * Cases are built in memory (case_fixture.h) and evaluated against the
 * real seed ruleset and wage table from SV_SOURCE_DIR/schemas; rates files
 * are written into a temporary folder.  Every expected figure is worked
 * out by hand in the comment next to it.  Wage on 2026-11-15 (as-of of
 * most tests): 315.04 MXN (from 2026-01-01).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "evaluate.h"
#include "stages/case_fixture.h"
#include "support.h"
#include "xmlsafe.h"

/* The savings threshold is days x wage: temporary-resident on 2026-11-15
   needs 20,000 x 315.04 = 6,300,800.00 MXN; 12 months exactly at it meet
   (">= reaches"), with the mean and the wage reported. */
static void test_evaluate_threshold_exactly_reached_meets(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_request(c, "temporary-resident");
  /* window: the 12 complete months before 2026-11-15 = 2025-11..2026-10 */
  fx_add_months(c, "****1234", "MXN", 2025, 11, 12, 630080000);
  sv_evaluate_case(r, c);

  assert_int_equal(c->eval->wage_daily, 31504);
  assert_string_equal(c->eval->wage_zone, "general");
  GDate eff = fx_ymd(2026, 1, 1);
  assert_int_equal(g_date_compare(&c->eval->wage_effective, &eff), 0);
  const struct sv_test *t =
      fx_find_test(c, "temporary-resident", SV_TEST_SAVINGS);
  fx_print_reasons(t);
  assert_int_equal(t->required_mxn, 630080000); /* 20000 * 31504 */
  assert_int_equal(t->window_months, 12);
  assert_int_equal(t->wage_days, 20000);
  assert_int_equal(t->months_found, 12);
  assert_true(t->has_actual);
  assert_int_equal(t->actual_mxn, 630080000);
  assert_int_equal(t->outcome, SV_OUTCOME_MEETS);
  assert_true(fx_has_reason(t, "6,300,800.00 MXN", "20,000 days x 315.04 MXN"));
  assert_int_equal(fx_stay_outcome(c, "temporary-resident"), SV_OUTCOME_MEETS);
  assert_int_equal(c->eval->overall, SV_OUTCOME_MEETS);
  /* Four tests for this stay, in ruleset order. */
  assert_int_equal(c->eval->tests->len, 4);
  assert_int_equal(c->eval->stays->len, 1);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* One centavo below the threshold in every month is not met: mean
   6,300,799.99 < 6,300,800.00. */
static void test_evaluate_one_centavo_below_not_met(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_request(c, "temporary-resident");
  fx_add_months(c, "****1234", "MXN", 2025, 11, 12, 630079999);
  sv_evaluate_case(r, c);
  const struct sv_test *t =
      fx_find_test(c, "temporary-resident", SV_TEST_SAVINGS);
  assert_true(t->has_actual);
  assert_int_equal(t->actual_mxn, 630079999);
  assert_int_equal(t->outcome, SV_OUTCOME_NOT_MET);
  assert_true(fx_has_reason(t, "is below the required 6,300,800.00", NULL));
  /* Income/property/investment have no evidence -> insufficient; savings
     is not met, so the stay is not met. */
  assert_int_equal(fx_stay_outcome(c, "temporary-resident"),
                   SV_OUTCOME_NOT_MET);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* The comparison is on the exact sum, not the rounded mean: 11 months at
   6,300,800.00 and one at 6,300,799.99 sum to 75,609,599.99 < 12 x
   6,300,800.00 = 75,609,600.00, so not met although the mean rounds to
   6,300,800.00. */
static void test_evaluate_exact_sum_not_rounded_mean(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_request(c, "temporary-resident");
  fx_add_months(c, "****1234", "MXN", 2025, 11, 11, 630080000);
  fx_add_month(c, "****1234", "MXN", 2026, 10, 630079999);
  sv_evaluate_case(r, c);
  const struct sv_test *t =
      fx_find_test(c, "temporary-resident", SV_TEST_SAVINGS);
  assert_int_equal(t->actual_mxn, 630080000); /* 7560959999 / 12 rounded */
  assert_int_equal(t->outcome, SV_OUTCOME_NOT_MET);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* The wage changes on 2017-12-01: visitor savings need 500 x 80.04 =
   40,020.00 on 2017-11-30 but 500 x 88.36 = 44,180.00 on 2017-12-01, so
   balances of 42,000.00 meet on the first date and not on the second. */
static void test_evaluate_wage_change_2017(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);

  struct sv_case *c = fx_new_case("2017-11-30");
  fx_request(c, "visitor");
  fx_add_months(c, "****1234", "MXN", 2017, 5, 7, 4200000); /* 2017-05..11 */
  sv_evaluate_case(r, c);
  assert_int_equal(c->eval->wage_daily, 8004);
  const struct sv_test *t = fx_find_test(c, "visitor", SV_TEST_SAVINGS);
  assert_int_equal(t->required_mxn, 4002000);
  assert_int_equal(t->months_found, 6); /* 2017-05..2017-10 */
  assert_int_equal(t->outcome, SV_OUTCOME_MEETS);
  sv_case_free(&c);

  c = fx_new_case("2017-12-01");
  fx_request(c, "visitor");
  fx_add_months(c, "****1234", "MXN", 2017, 5, 7, 4200000);
  sv_evaluate_case(r, c);
  assert_int_equal(c->eval->wage_daily, 8836);
  GDate eff = fx_ymd(2017, 12, 1);
  assert_int_equal(g_date_compare(&c->eval->wage_effective, &eff), 0);
  t = fx_find_test(c, "visitor", SV_TEST_SAVINGS);
  assert_int_equal(t->required_mxn, 4418000);
  assert_int_equal(t->months_found, 6); /* 2017-06..2017-11 */
  assert_int_equal(t->outcome, SV_OUTCOME_NOT_MET);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* 6- and 12-month windows: six months (2026-05..10) of 200,000.00 meet
   visitor (500 days, 6 months: 157,520.00) but leave visitor-10-years
   (500 days, 12 months) without 2025-11..2026-04. */
static void test_evaluate_window_6_vs_12(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_request(c, "visitor");
  fx_request(c, "visitor-10-years");
  fx_add_months(c, "****1234", "MXN", 2026, 5, 6, 20000000);
  sv_evaluate_case(r, c);

  const struct sv_test *t6 = fx_find_test(c, "visitor", SV_TEST_SAVINGS);
  assert_int_equal(t6->window_months, 6);
  assert_int_equal(t6->required_mxn, 15752000); /* 500 * 315.04 */
  assert_int_equal(t6->months_found, 6);
  assert_int_equal(t6->actual_mxn, 20000000);
  assert_int_equal(t6->outcome, SV_OUTCOME_MEETS);

  const struct sv_test *t12 =
      fx_find_test(c, "visitor-10-years", SV_TEST_SAVINGS);
  fx_print_reasons(t12);
  assert_int_equal(t12->window_months, 12);
  assert_int_equal(t12->months_found, 6);
  assert_false(t12->has_actual);
  /* the lowest of the months found is still named (all equal: the first) */
  assert_true(t12->has_lowest);
  assert_int_equal(t12->lowest_year, 2026);
  assert_int_equal(t12->lowest_month, 5);
  assert_int_equal(t12->outcome, SV_OUTCOME_INSUFFICIENT);
  assert_true(fx_has_reason(t12,
                            "2025-11, 2025-12, 2026-01, 2026-02, "
                            "2026-03, 2026-04",
                            NULL));
  /* Stays in request order; the worst requested stay is overall. */
  assert_int_equal(c->eval->stays->len, 2);
  assert_string_equal(g_array_index(c->eval->stays, struct sv_stay, 0).id,
                      "visitor");
  assert_int_equal(fx_stay_outcome(c, "visitor"), SV_OUTCOME_MEETS);
  assert_int_equal(fx_stay_outcome(c, "visitor-10-years"),
                   SV_OUTCOME_INSUFFICIENT);
  assert_int_equal(c->eval->overall, SV_OUTCOME_INSUFFICIENT);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* A month missing inside the window is insufficient evidence, naming the
   month, with no actual amount. */
static void test_evaluate_missing_month_insufficient(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_request(c, "visitor");
  fx_add_months(c, "****1234", "MXN", 2026, 5, 2, 90000000); /* 05, 06 */
  fx_add_months(c, "****1234", "MXN", 2026, 8, 3, 90000000); /* 08..10 */
  sv_evaluate_case(r, c);
  const struct sv_test *t = fx_find_test(c, "visitor", SV_TEST_SAVINGS);
  fx_print_reasons(t);
  assert_int_equal(t->months_found, 5);
  assert_false(t->has_actual);
  assert_int_equal(t->outcome, SV_OUTCOME_INSUFFICIENT);
  assert_true(fx_has_reason(t, "2026-07", "5 of 6"));
  assert_false(fx_has_reason(t, "2026-06", NULL));
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* USD balances convert with the latest rate on or before as-of (18.4210
   of 2026-10-30; the 2026-11-20 rate is ignored): 10,000.00 USD x 18.4210
   = 184,210.00 MXN >= 157,520.00. */
static void test_evaluate_usd_latest_rate(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(
      "<rates>\n"
      "  <rate currency=\"USD\" date=\"2026-09-30\" mxn=\"15.0000\"/>\n"
      "  <rate currency=\"USD\" date=\"2026-10-30\" mxn=\"18.4210\"/>\n"
      "  <rate currency=\"USD\" date=\"2026-11-20\" mxn=\"25.0000\"/>\n"
      "</rates>\n");
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_request(c, "visitor");
  fx_add_months(c, "****9876", "USD", 2026, 5, 6, 1000000);
  sv_evaluate_case(r, c);
  assert_int_equal(c->eval->balances->len, 6);
  const struct sv_month *m = fx_balance(c, 0);
  assert_string_equal(m->currency, "USD");
  assert_int_equal(m->amount, 1000000);
  assert_true(m->has_mxn);
  assert_int_equal(m->amount_mxn, 18421000);
  const struct sv_test *t = fx_find_test(c, "visitor", SV_TEST_SAVINGS);
  assert_int_equal(t->actual_mxn, 18421000);
  assert_int_equal(t->outcome, SV_OUTCOME_MEETS);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* Without a rates file a USD balance has no MXN amount and the test is
   insufficient evidence, saying to pass --rates; never a guess. */
static void test_evaluate_usd_without_rates_insufficient(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_request(c, "visitor");
  fx_add_months(c, "****9876", "USD", 2026, 5, 6, 100000000);
  sv_evaluate_case(r, c);
  assert_false(fx_balance(c, 0)->has_mxn);
  const struct sv_test *t = fx_find_test(c, "visitor", SV_TEST_SAVINGS);
  fx_print_reasons(t);
  assert_int_equal(t->months_found, 6);
  assert_false(t->has_actual);
  assert_int_equal(t->outcome, SV_OUTCOME_INSUFFICIENT);
  assert_true(fx_has_reason(t,
                            "no exchange rate for USD on or before "
                            "2026-11-15; pass --rates",
                            NULL));
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* Property must exceed 40,000 x 315.04 = 12,601,600.00 MXN strictly:
   exactly equal is not met, one centavo more meets (and the stay meets). */
static void test_evaluate_property_strictly_greater(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_request(c, "temporary-resident");
  fx_add_asset(c, SV_ASSET_PROPERTY, 1260160000, "MXN");
  sv_evaluate_case(r, c);
  const struct sv_test *t =
      fx_find_test(c, "temporary-resident", SV_TEST_PROPERTY);
  fx_print_reasons(t);
  assert_int_equal(t->required_mxn, 1260160000);
  assert_int_equal(t->window_months, 0);
  assert_true(t->has_actual);
  assert_int_equal(t->actual_mxn, 1260160000);
  assert_int_equal(t->outcome, SV_OUTCOME_NOT_MET);
  assert_true(fx_has_reason(t, "does not exceed", "12,601,600.00"));
  /* No investment evidence at all. */
  const struct sv_test *inv =
      fx_find_test(c, "temporary-resident", SV_TEST_INVESTMENT);
  assert_int_equal(inv->required_mxn, 630080000); /* 20000 * 31504 */
  assert_int_equal(inv->outcome, SV_OUTCOME_INSUFFICIENT);
  sv_case_free(&c);

  c = fx_new_case("2026-11-15");
  fx_request(c, "temporary-resident");
  fx_add_asset(c, SV_ASSET_PROPERTY, 1260160001, "MXN");
  sv_evaluate_case(r, c);
  t = fx_find_test(c, "temporary-resident", SV_TEST_PROPERTY);
  assert_int_equal(t->outcome, SV_OUTCOME_MEETS);
  assert_int_equal(fx_stay_outcome(c, "temporary-resident"), SV_OUTCOME_MEETS);
  assert_int_equal(c->eval->assets->len, 1);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* The lowest month is reported, and a mean that passes while a month falls
   below says so: (5 x 200,000.00 + 100,000.00) / 6 = 183,333.33 >=
   157,520.00, but 2026-08 has 100,000.00. */
static void test_evaluate_lowest_month_below_reason(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_request(c, "visitor");
  fx_add_months(c, "****1234", "MXN", 2026, 5, 3, 20000000);
  fx_add_month(c, "****1234", "MXN", 2026, 8, 10000000);
  fx_add_months(c, "****1234", "MXN", 2026, 9, 2, 20000000);
  sv_evaluate_case(r, c);
  const struct sv_test *t = fx_find_test(c, "visitor", SV_TEST_SAVINGS);
  fx_print_reasons(t);
  assert_int_equal(t->actual_mxn, 18333333); /* 110000000 / 6 = 18333333.3 */
  assert_int_equal(t->outcome, SV_OUTCOME_MEETS);
  assert_true(t->has_lowest);
  assert_int_equal(t->lowest_year, 2026);
  assert_int_equal(t->lowest_month, 8);
  assert_int_equal(t->lowest_mxn, 10000000);
  assert_true(fx_has_reason(t, "mean passes", "2026-08 (100,000.00 MXN)"));
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* A deciding figure read with confidence below 60 makes the test
   needs-review, naming its page, even when the amounts would meet. */
static void test_evaluate_low_confidence_needs_review(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_request(c, "visitor");
  fx_add_months(c, "****1234", "MXN", 2026, 5, 5, 20000000);
  struct sv_statement *st =
      fx_add_month(c, "****1234", "MXN", 2026, 10, 20000000);
  st->average.conf = 45.0f;
  st->average.page = 2;
  sv_evaluate_case(r, c);
  const struct sv_test *t = fx_find_test(c, "visitor", SV_TEST_SAVINGS);
  fx_print_reasons(t);
  assert_int_equal(t->outcome, SV_OUTCOME_NEEDS_REVIEW);
  assert_true(
      fx_has_reason(t, "statements/1234/2026-10.pdf#2", "confidence 45"));
  assert_int_equal(fx_stay_outcome(c, "visitor"), SV_OUTCOME_NEEDS_REVIEW);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* A window month whose figure failed its statement's arithmetic makes the
   test needs-review although the mean passes; the reason names the month,
   the document and the page, and the month carries the flag. */
static void test_evaluate_unreconciled_month_needs_review(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_request(c, "visitor");
  /* 200,000.00 MXN every month: far above 500 days x 315.04 */
  fx_add_months(c, "****1234", "MXN", 2026, 5, 5, 20000000);
  struct sv_statement *st =
      fx_add_month(c, "****1234", "MXN", 2026, 10, 20000000);
  st->average.unreconciled = true;
  sv_evaluate_case(r, c);
  const struct sv_test *t = fx_find_test(c, "visitor", SV_TEST_SAVINGS);
  fx_print_reasons(t);
  assert_int_equal(t->outcome, SV_OUTCOME_NEEDS_REVIEW);
  assert_true(fx_has_reason(t,
                            "2026-10 balance at statements/1234/2026-10.pdf#1",
                            "could not be reconciled"));
  assert_int_equal(fx_stay_outcome(c, "visitor"), SV_OUTCOME_NEEDS_REVIEW);
  bool flagged = false;
  for (guint i = 0; i < c->eval->balances->len; i++) {
    const struct sv_month *m = fx_balance(c, i);
    if (m->year == 2026 && m->month == 10)
      flagged = m->unreconciled;
    else
      assert_false(m->unreconciled);
  }
  assert_true(flagged);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* An OCR'd month read under the confidence floor: needs-review, and the
   month says it was OCR'd with the figure's confidence. */
static void test_evaluate_ocr_low_confidence_month(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_request(c, "visitor");
  fx_add_months(c, "****1234", "MXN", 2026, 5, 5, 20000000);
  struct sv_statement *st =
      fx_add_month(c, "****1234", "MXN", 2026, 10, 20000000);
  st->average.conf = 52.0f;
  c->docs[c->ndocs - 1]->text = SV_TEXT_OCR;
  sv_evaluate_case(r, c);
  const struct sv_test *t = fx_find_test(c, "visitor", SV_TEST_SAVINGS);
  assert_int_equal(t->outcome, SV_OUTCOME_NEEDS_REVIEW);
  assert_true(
      fx_has_reason(t, "statements/1234/2026-10.pdf#1", "confidence 52"));
  const struct sv_month *m = fx_balance(c, c->eval->balances->len - 1);
  assert_int_equal(m->month, 10);
  assert_true(m->ocr);
  assert_true(m->conf > 51.9f && m->conf < 52.1f);
  assert_false(fx_balance(c, 0)->ocr);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* Without requests every stay is evaluated in ruleset order and the
   overall outcome is the best of them; the stage ops run the same code. */
static void test_evaluate_all_stays_best_overall(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  /* 6 months of 100,000.00: reaches 300 days (94,512.00), not 500 days
     (157,520.00); the 12-month stays lack months. */
  fx_add_months(c, "****1234", "MXN", 2026, 5, 6, 10000000);
  struct sv_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.rules = r;
  assert_string_equal(sv_evaluate_stage.name, "evaluate");
  assert_int_equal(sv_evaluate_stage.scope, SV_SCOPE_CASE);
  assert_int_equal(sv_evaluate_stage.process(NULL, &cfg, NULL, c, NULL), SV_OK);
  assert_non_null(c->eval);

  size_t n = 0;
  const struct sv_rule_stay *all = sv_rules_stays(r, &n);
  assert_int_equal(c->eval->stays->len, n);
  for (size_t i = 0; i < n; i++)
    assert_string_equal(g_array_index(c->eval->stays, struct sv_stay, i).id,
                        all[i].id);
  assert_int_equal(fx_stay_outcome(c, "visitor"), SV_OUTCOME_NOT_MET);
  assert_int_equal(fx_stay_outcome(c, "visitor-study"), SV_OUTCOME_MEETS);
  assert_int_equal(fx_stay_outcome(c, "permanent-resident"),
                   SV_OUTCOME_INSUFFICIENT);
  assert_int_equal(c->eval->overall, SV_OUTCOME_MEETS);

  /* Running again gives the same evaluation (no state kept). */
  guint ntests = c->eval->tests->len;
  sv_evaluate_case(r, c);
  assert_int_equal(c->eval->tests->len, ntests);
  assert_int_equal(c->eval->overall, SV_OUTCOME_MEETS);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* ------------------------------------------------ rulesets of the date */

/* A pensioner with two dependents under sre-2014 on 2024-06-30 (wage
   248.93): (20,000 + 2 x 100) x 248.93 = 5,028,386.00 over 2023-06 ..
   2024-05; reached exactly: meets; one centavo short: not-met. */
static void test_evaluate_dependents_add_days(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules("sre-2014");
  for (int short_by = 0; short_by <= 1; short_by++) {
    struct sv_case *c = fx_new_case("2024-06-30");
    c->dependents = 2;
    fx_request(c, "permanent-resident");
    fx_add_months(c, "0001112222", "MXN", 2023, 6, 12, 502838600 - short_by);
    sv_evaluate_case(r, c);
    const struct sv_test *t =
        fx_find_test(c, "permanent-resident", SV_TEST_SAVINGS);
    assert_int_equal(t->wage_days, 20200);
    assert_int_equal(t->required_mxn, 502838600);
    assert_int_equal(t->outcome,
                     short_by ? SV_OUTCOME_NOT_MET : SV_OUTCOME_MEETS);
    assert_true(fx_has_reason(t, "economic dependents", NULL));
    sv_case_free(&c);
  }
  sv_rules_free(&r);
}

/* sre-2014 visitor: 300 x 248.93 = 74,679.00 over the 3 months 2024-03 ..
   2024-05 (as of 2024-06-30): three months meet; two are not enough. */
static void test_evaluate_three_month_window(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules("sre-2014");
  for (int n = 3; n >= 2; n--) {
    struct sv_case *c = fx_new_case("2024-06-30");
    fx_request(c, "visitor");
    fx_add_months(c, "0001112222", "MXN", 2024, 6 - n, n, 7467900);
    sv_evaluate_case(r, c);
    const struct sv_test *t = fx_find_test(c, "visitor", SV_TEST_SAVINGS);
    assert_int_equal(t->window_months, 3);
    assert_int_equal(t->required_mxn, 7467900);
    assert_int_equal(t->months_found, n);
    assert_int_equal(t->outcome,
                     n == 3 ? SV_OUTCOME_MEETS : SV_OUTCOME_INSUFFICIENT);
    sv_case_free(&c);
  }
  sv_rules_free(&r);
}

/* sre-2025 temporary resident on 2026-03-02: 11,460 x 117.31 =
   1,344,372.60.  Eleven months of 1,400,000.00 and 2025-07 at
   1,300,000.00: mean (11 x 1,400,000 + 1,300,000) / 12 = 1,391,666.67
   passes; under every-month the one month below fails the test. */
static void test_evaluate_every_month_policy(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules("sre-2025");
  for (int every = 0; every <= 1; every++) {
    struct sv_case *c = fx_new_case("2026-03-02");
    fx_request(c, "temporary-resident");
    fx_add_months(c, "0001112222", "MXN", 2025, 3, 4, 140000000);
    fx_add_months(c, "0001112222", "MXN", 2025, 7, 1, 130000000);
    fx_add_months(c, "0001112222", "MXN", 2025, 8, 7, 140000000);
    sv_evaluate_case_policy(
        r, every ? SV_POLICY_EVERY_MONTH : SV_POLICY_MEAN, c);
    const struct sv_test *t =
        fx_find_test(c, "temporary-resident", SV_TEST_SAVINGS);
    assert_int_equal(t->required_mxn, 134437260);
    assert_true(t->has_policy);
    assert_int_equal(t->policy,
                     every ? SV_POLICY_EVERY_MONTH : SV_POLICY_MEAN);
    assert_true(t->has_mean);
    assert_int_equal(t->mean_mxn, 139166667);
    assert_int_equal(t->months_below, 1);
    assert_int_equal(t->lowest_year, 2025);
    assert_int_equal(t->lowest_month, 7);
    assert_int_equal(t->lowest_mxn, 130000000);
    assert_int_equal(t->outcome,
                     every ? SV_OUTCOME_NOT_MET : SV_OUTCOME_MEETS);
    sv_case_free(&c);
  }
  sv_rules_free(&r);
}

/* sre-2025 has no figure for temporary students: the stay and the case
   are not-applicable, never evaluated; under auto on 2026-03-02 the
   ruleset applied is sre-2025 and the evaluation says so. */
static void test_evaluate_not_applicable(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules("auto");
  struct sv_case *c = fx_new_case("2026-03-02");
  fx_request(c, "temporary-student");
  fx_add_months(c, "0001112222", "MXN", 2025, 3, 12, 900000000);
  sv_evaluate_case(r, c);
  assert_string_equal(c->eval->ruleset_id, "sre-2025");
  assert_non_null(c->eval->ruleset_why);
  assert_string_equal(c->eval->wage_index, "uma");
  assert_int_equal(c->eval->wage_daily, 11731);
  const struct sv_test *t =
      fx_find_test(c, "temporary-student", SV_TEST_SAVINGS);
  assert_int_equal(t->outcome, SV_OUTCOME_NOT_APPLICABLE);
  assert_int_equal(t->required_mxn, 0);
  assert_int_equal(fx_stay_outcome(c, "temporary-student"),
                   SV_OUTCOME_NOT_APPLICABLE);
  assert_int_equal(c->eval->overall, SV_OUTCOME_NOT_APPLICABLE);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* sre-2025 income is "superior a": > 680 x 117.31 = 79,770.80 over the 6
   months 2025-09 .. 2026-02; exactly 79,770.80 is not-met, one centavo
   more meets. */
static void test_evaluate_income_strictly_greater(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules("sre-2025");
  for (int more = 0; more <= 1; more++) {
    struct sv_case *c = fx_new_case("2026-03-02");
    c->applicant = g_strdup("ANA PEREZ");
    fx_request(c, "temporary-resident");
    fx_add_letter(c, "income/letter.pdf", "ANA PEREZ", true, 2025, 9, 6,
                  7977080 + more);
    sv_evaluate_case(r, c);
    const struct sv_test *t =
        fx_find_test(c, "temporary-resident", SV_TEST_INCOME);
    assert_int_equal(t->required_mxn, 7977080);
    assert_false(t->has_policy);
    assert_int_equal(t->outcome,
                     more ? SV_OUTCOME_MEETS : SV_OUTCOME_NOT_MET);
    sv_case_free(&c);
  }
  sv_rules_free(&r);
}

/* sre-2025 visitor income (> 220 x 117.31 = 25,808.20 over 2025-12 ..
   2026-02, 30,000.00 a month) also needs a year's stable employment
   before 2026-03-02: since 2020-09-01 meets; since 2025-06-01, or no date
   stated, needs review. */
static void test_evaluate_employment_year(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules("sre-2025");
  static const char *const since[] = {"2020-09-01", "2025-06-01", NULL};
  static const enum sv_outcome want[] = {SV_OUTCOME_MEETS,
                                         SV_OUTCOME_NEEDS_REVIEW,
                                         SV_OUTCOME_NEEDS_REVIEW};
  for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
    struct sv_case *c = fx_new_case("2026-03-02");
    c->applicant = g_strdup("ANA PEREZ");
    fx_request(c, "visitor");
    struct sv_income_doc *inc = fx_add_letter(
        c, "income/letter.pdf", "ANA PEREZ", true, 2025, 12, 3, 3000000);
    if (since[i] != NULL)
      assert_true(sv_xml_parse_date(since[i], &inc->employed_since));
    sv_evaluate_case(r, c);
    const struct sv_test *t = fx_find_test(c, "visitor", SV_TEST_INCOME);
    assert_int_equal(t->required_mxn, 2580820);
    if (t->outcome != want[i]) {
      fx_print_reasons(t);
      fail_msg("since %s: %s", since[i] != NULL ? since[i] : "(none)",
               sv_outcome_str(t->outcome));
    }
    assert_true(fx_has_reason(t, "employ", NULL));
    sv_case_free(&c);
  }
  sv_rules_free(&r);
}

/* A case.xml that was there but could not be read: what would meet is
   needs-review, with the reason (sre-2012 visitor, 500 x 315.04 =
   157,520.00, six months of 200,000.00). */
static void test_evaluate_unreadable_manifest_caps_meets(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  c->manifest_unreadable = true;
  fx_request(c, "visitor");
  fx_add_months(c, "0001112222", "MXN", 2026, 5, 6, 20000000);
  sv_evaluate_case(r, c);
  const struct sv_test *t = fx_find_test(c, "visitor", SV_TEST_SAVINGS);
  assert_int_equal(t->outcome, SV_OUTCOME_NEEDS_REVIEW);
  assert_true(fx_has_reason(t, "case.xml could not be read", NULL));
  assert_int_equal(fx_stay_outcome(c, "visitor"), SV_OUTCOME_NEEDS_REVIEW);
  assert_int_equal(c->eval->overall, SV_OUTCOME_NEEDS_REVIEW);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* ------------------------------------------------------- next steps */

static const struct sv_next_step *step_of(const struct sv_case *c, guint i)
{
  assert_true(i < c->eval->next_steps->len);
  return &g_array_index(c->eval->next_steps, struct sv_next_step, i);
}

static void assert_day(const GDate *d, int y, int m, int day)
{
  GDate want = fx_ymd(y, m, day);
  assert_true(g_date_valid(d));
  assert_int_equal(g_date_compare(d, &want), 0);
}

/* A met temporary-resident stay is followed by the canje (seed 002:
   "Canje (exchange of visa for residency card).") at an INM office, for
   the temporary resident card, booked online since 2024-09-17 (seed 002)
   at inm.gob.mx/spublic/portal/inmex.html, within 30 days after entry,
   a figure the seeds do not state: unconfirmed.  The table is dated
   2024-09-13, the announcement. */
static void test_evaluate_next_step_temporary_canje(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_request(c, "temporary-resident");
  fx_add_months(c, "****1234", "MXN", 2025, 11, 12, 630080000); /* meets */
  sv_evaluate_case(r, c);
  assert_int_equal(fx_stay_outcome(c, "temporary-resident"), SV_OUTCOME_MEETS);
  assert_int_equal(c->eval->next_steps->len, 1);
  const struct sv_next_step *s = step_of(c, 0);
  assert_string_equal(s->stay, "temporary-resident");
  assert_string_equal(s->procedure, "canje");
  assert_true(s->online);
  assert_day(&s->since, 2024, 9, 17);
  assert_int_equal(s->within_days, 30);
  assert_string_equal(s->within_confidence, "unconfirmed");
  assert_non_null(strstr(s->within_source, "not from the seeds"));
  assert_string_equal(s->where, "inm-office");
  assert_non_null(strstr(s->source, "002_adbcd8bb5367bd69.txt"));
  assert_non_null(
      strstr(s->source, "Canje (exchange of visa for residency card)."));
  assert_non_null(strstr(s->name, "canje"));
  assert_non_null(strstr(s->name_es, "Canje"));
  assert_non_null(strstr(s->text, "temporary resident card"));
  assert_non_null(strstr(s->text, "INM office"));
  assert_non_null(strstr(s->text, "30 calendar days after entering Mexico"));
  assert_non_null(strstr(s->text, "unconfirmed"));
  assert_non_null(strstr(s->text, "online (since 2024-09-17)"));
  assert_non_null(strstr(s->text, "inm.gob.mx/spublic/portal/inmex.html"));
  assert_non_null(
      strstr(c->eval->next_steps_source, "002_adbcd8bb5367bd69.txt"));
  assert_day(&c->eval->next_steps_as_of, 2024, 9, 13);
  assert_string_equal(c->eval->booking_url,
                      "inm.gob.mx/spublic/portal/inmex.html");
  assert_non_null(strstr(c->eval->booking_note, "Chapala and Melaque"));
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* A met visitor stay: a visitor visa is used at the port of entry and
   gives no card, so no INM procedure follows (no canje, nothing to book,
   no time limit); the step says so.  A met permanent-resident stay is
   followed by the canje for the permanent resident card.  Steps come in
   the order the stays were requested. */
static void test_evaluate_next_step_visitor_none(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_request(c, "visitor");
  fx_request(c, "permanent-resident");
  /* 25,000 x 315.04 = 7,876,000.00 for permanent; 500 days for visitor */
  fx_add_months(c, "****1234", "MXN", 2025, 11, 12, 787600000);
  sv_evaluate_case(r, c);
  assert_int_equal(fx_stay_outcome(c, "visitor"), SV_OUTCOME_MEETS);
  assert_int_equal(fx_stay_outcome(c, "permanent-resident"), SV_OUTCOME_MEETS);
  assert_int_equal(c->eval->next_steps->len, 2);
  const struct sv_next_step *v = step_of(c, 0);
  assert_string_equal(v->stay, "visitor");
  assert_string_equal(v->procedure, "none");
  assert_false(v->online);
  assert_false(g_date_valid(&v->since));
  assert_int_equal(v->within_days, 0);
  assert_null(v->within_confidence);
  assert_null(v->name);
  assert_string_equal(v->where, "port-of-entry");
  assert_non_null(strstr(v->text, "No INM procedure follows"));
  assert_non_null(strstr(v->text, "no canje"));
  assert_non_null(strstr(v->source, "003_c94c913426d77d10.txt"));
  const struct sv_next_step *p = step_of(c, 1);
  assert_string_equal(p->stay, "permanent-resident");
  assert_string_equal(p->procedure, "canje");
  assert_non_null(strstr(p->text, "permanent resident card"));
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* Only met stays get a step: not-met (one centavo below), insufficient
   evidence (a month missing), needs-review (a figure read with
   confidence 45) and a meets capped by an unreadable case.xml give
   none. */
static void test_evaluate_next_step_only_when_met(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  for (int k = 0; k < 4; k++) {
    struct sv_case *c = fx_new_case("2026-11-15");
    enum sv_outcome want = SV_OUTCOME_NOT_MET;
    const char *stay = "visitor";
    if (k == 0) {
      stay = "temporary-resident";
      fx_add_months(c, "****1234", "MXN", 2025, 11, 12, 630079999);
    } else if (k == 1) {
      want = SV_OUTCOME_INSUFFICIENT;
      fx_add_months(c, "****1234", "MXN", 2026, 5, 2, 90000000);
      fx_add_months(c, "****1234", "MXN", 2026, 8, 3, 90000000);
    } else if (k == 2) {
      want = SV_OUTCOME_NEEDS_REVIEW;
      fx_add_months(c, "****1234", "MXN", 2026, 5, 5, 20000000);
      fx_add_month(c, "****1234", "MXN", 2026, 10, 20000000)->average.conf =
          45.0f;
    } else {
      want = SV_OUTCOME_NEEDS_REVIEW;
      c->manifest_unreadable = true;
      fx_add_months(c, "****1234", "MXN", 2026, 5, 6, 20000000);
    }
    fx_request(c, stay);
    sv_evaluate_case(r, c);
    assert_int_equal(fx_stay_outcome(c, stay), want);
    assert_int_equal(c->eval->next_steps->len, 0);
    sv_case_free(&c);
  }
  sv_rules_free(&r);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_evaluate_threshold_exactly_reached_meets),
      cmocka_unit_test(test_evaluate_one_centavo_below_not_met),
      cmocka_unit_test(test_evaluate_exact_sum_not_rounded_mean),
      cmocka_unit_test(test_evaluate_wage_change_2017),
      cmocka_unit_test(test_evaluate_window_6_vs_12),
      cmocka_unit_test(test_evaluate_missing_month_insufficient),
      cmocka_unit_test(test_evaluate_usd_latest_rate),
      cmocka_unit_test(test_evaluate_usd_without_rates_insufficient),
      cmocka_unit_test(test_evaluate_property_strictly_greater),
      cmocka_unit_test(test_evaluate_lowest_month_below_reason),
      cmocka_unit_test(test_evaluate_low_confidence_needs_review),
      cmocka_unit_test(test_evaluate_unreconciled_month_needs_review),
      cmocka_unit_test(test_evaluate_ocr_low_confidence_month),
      cmocka_unit_test(test_evaluate_all_stays_best_overall),
      cmocka_unit_test(test_evaluate_dependents_add_days),
      cmocka_unit_test(test_evaluate_three_month_window),
      cmocka_unit_test(test_evaluate_every_month_policy),
      cmocka_unit_test(test_evaluate_not_applicable),
      cmocka_unit_test(test_evaluate_income_strictly_greater),
      cmocka_unit_test(test_evaluate_employment_year),
      cmocka_unit_test(test_evaluate_unreadable_manifest_caps_meets),
      cmocka_unit_test(test_evaluate_next_step_temporary_canje),
      cmocka_unit_test(test_evaluate_next_step_visitor_none),
      cmocka_unit_test(test_evaluate_next_step_only_when_met),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
