/*
 * test_evidence.c - what counts as evidence (stages/evidence/evidence.c):
 * the applicant, one row per month and account with totals and repeats,
 * whose money a statement shows, income months from letters (net only)
 * and deed values, seen through sv_evaluate_case.
 *
 * Cases are built in memory (case_fixture.h); figures are worked out by
 * hand next to each test.  Wage on 2026-11-15: 315.04 MXN.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "evaluate.h"
#include "evidence/evidence.h"
#include "stages/case_fixture.h"
#include "support.h"

/* Two accounts in a month are summed into a "total" row placed after the
   accounts: 100,000.00 + 60,000.00 = 160,000.00 >= 157,520.00, which
   neither account reaches alone. */
static void test_evidence_two_accounts_total(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_request(c, "visitor");
  fx_add_months(c, "****1111", "MXN", 2026, 5, 6, 10000000);
  fx_add_months(c, "****2222", "MXN", 2026, 5, 6, 6000000);
  sv_evaluate_case(r, c);
  assert_int_equal(c->eval->balances->len, 18); /* 6 x (2 + total) */
  for (guint i = 0; i < 18; i += 3) {
    const struct sv_month *a = fx_balance(c, i), *b = fx_balance(c, i + 1),
                          *t = fx_balance(c, i + 2);
    assert_int_equal(a->month, 5 + (int)i / 3);
    assert_string_equal(a->account, "****1111");
    assert_string_equal(b->account, "****2222");
    assert_string_equal(t->account, "total");
    assert_int_equal(t->year, a->year);
    assert_int_equal(t->month, a->month);
    assert_int_equal(t->amount, 16000000);
    assert_string_equal(t->currency, "MXN");
    assert_true(t->has_mxn);
    assert_int_equal(t->amount_mxn, 16000000);
  }
  const struct sv_test *t = fx_find_test(c, "visitor", SV_TEST_SAVINGS);
  assert_int_equal(t->actual_mxn, 16000000);
  assert_int_equal(t->outcome, SV_OUTCOME_MEETS);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* A total over two currencies is stated in MXN: 1,000.00 USD x 18.0000 =
   18,000.00 MXN plus 2,000.00 MXN = 20,000.00 MXN. */
static void test_evidence_mixed_currency_total(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(
      "<rates><rate currency=\"USD\" date=\"2026-01-01\" mxn=\"18\"/>"
      "</rates>");
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_add_month(c, "****1111", "MXN", 2026, 10, 200000);
  fx_add_month(c, "****2222", "USD", 2026, 10, 100000);
  sv_evaluate_case(r, c);
  assert_int_equal(c->eval->balances->len, 3);
  const struct sv_month *t = fx_balance(c, 2);
  assert_string_equal(t->account, "total");
  assert_string_equal(t->currency, "MXN");
  assert_int_equal(t->amount, 2000000);
  assert_true(t->has_mxn);
  assert_int_equal(t->amount_mxn, 2000000);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* The same account and month in two documents counts once (the first by
   path), and the savings test says so. */
static void test_evidence_duplicate_month_counted_once(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_request(c, "visitor");
  fx_add_months(c, "****1234", "MXN", 2026, 5, 6, 20000000);
  struct sv_statement *dup =
      fx_add_doc(c, "zz-copy-of-october.pdf", "ANA PEREZ", "****1234", "MXN");
  dup->start = fx_ymd(2026, 10, 1);
  dup->end = fx_ymd(2026, 10, 31);
  sv_statement_set_month(dup);
  dup->average.present = true;
  dup->average.amount = 99999999900; /* would inflate the mean */
  dup->average.page = 1;
  dup->average.conf = FX_CONF_TEXT;
  sv_evaluate_case(r, c);
  assert_int_equal(c->eval->balances->len, 6); /* no total row either */
  assert_int_equal(fx_balance(c, 5)->amount, 20000000);
  const struct sv_test *t = fx_find_test(c, "visitor", SV_TEST_SAVINGS);
  fx_print_reasons(t);
  assert_int_equal(t->actual_mxn, 20000000);
  assert_true(fx_has_reason(t, "zz-copy-of-october.pdf", "counted once"));
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* Income: none found is insufficient evidence in plain words; income
   months left in c->eval are evaluated like balances: 6 x 50,000.00 >=
   150 x 315.04 = 47,256.00. */
static void test_evidence_income(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_request(c, "visitor");
  sv_evaluate_case(r, c);
  const struct sv_test *t = fx_find_test(c, "visitor", SV_TEST_INCOME);
  assert_int_equal(t->required_mxn, 4725600);
  assert_int_equal(t->outcome, SV_OUTCOME_INSUFFICIENT);
  assert_true(fx_has_reason(t,
                            "no income evidence (employer or pension "
                            "letter) was found",
                            NULL));
  /* The ruleset's note about students travels with the test. */
  assert_true(fx_has_reason(t, "100 days", NULL));
  sv_case_free(&c);

  c = fx_new_case("2026-11-15");
  fx_request(c, "visitor");
  c->eval = sv_evaluation_new();
  for (int m = 5; m <= 10; m++) {
    struct sv_month im;
    memset(&im, 0, sizeof im);
    im.year = 2026;
    im.month = m;
    im.account = g_strdup("ACME SA");
    im.amount = 5000000;
    g_strlcpy(im.currency, "MXN", sizeof im.currency);
    im.source = g_strdup_printf("letters/acme.pdf#%d", m);
    im.conf = FX_CONF_TEXT;
    g_array_append_val(c->eval->income, im);
  }
  sv_evaluate_case(r, c);
  t = fx_find_test(c, "visitor", SV_TEST_INCOME);
  fx_print_reasons(t);
  assert_int_equal(t->months_found, 6);
  assert_int_equal(t->actual_mxn, 5000000);
  assert_int_equal(t->outcome, SV_OUTCOME_MEETS);
  assert_int_equal(fx_stay_outcome(c, "visitor"), SV_OUTCOME_MEETS);
  assert_int_equal(c->eval->income->len, 6);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* The applicant is case.xml's name, else the most frequent statement
   holder, ties broken alphabetically. */
static void test_evidence_applicant(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_add_doc(c, "a.pdf", "ZOE ROE", "****1111", "MXN");
  fx_add_doc(c, "b.pdf", "ANA PEREZ", "****2222", "MXN");
  fx_add_doc(c, "c.pdf", "ZOE ROE", "****1111", "MXN");
  fx_add_doc(c, "d.pdf", "ANA PEREZ", "****2222", "MXN");
  fx_add_doc(c, "e.pdf", "BOB DOE", "****3333", "MXN");
  sv_evaluate_case(r, c);
  assert_string_equal(c->eval->applicant, "ANA PEREZ");
  assert_false(c->eval->applicant_from_manifest);
  sv_case_free(&c);

  c = fx_new_case("2026-11-15");
  c->applicant = g_strdup("María José Pérez Gómez");
  fx_add_doc(c, "a.pdf", "ZOE ROE", "****1111", "MXN");
  sv_evaluate_case(r, c);
  assert_string_equal(c->eval->applicant, "María José Pérez Gómez");
  assert_true(c->eval->applicant_from_manifest);
  sv_case_free(&c);

  c = fx_new_case("2026-11-15");
  sv_evaluate_case(r, c);
  assert_string_equal(c->eval->applicant, "");
  assert_int_equal(c->problems->len, 1);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* Statement month = the calendar month with most of the period's days
   (ties: the end's month); closing balance when no average is printed;
   a statement without a period gives no month and a reason. */
static void test_evidence_statement_month_and_basis(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  fx_request(c, "visitor");
  /* 2026-03-15..04-14: cut off in April -> 2026-04 (17 of its days are in
     March: the month of the cut-off date wins, see period_month) */
  struct sv_statement *a =
      fx_add_doc(c, "a.pdf", "ANA PEREZ", "****1111", "MXN");
  a->start = fx_ymd(2026, 3, 15);
  a->end = fx_ymd(2026, 4, 14);
  sv_statement_set_month(a);
  a->closing.present = true;
  a->closing.amount = 12345;
  a->closing.page = 3;
  a->closing.conf = FX_CONF_TEXT;
  /* 2026-04-16..05-15: cut off in May -> 2026-05 */
  struct sv_statement *b =
      fx_add_doc(c, "b.pdf", "ANA PEREZ", "****1111", "MXN");
  b->start = fx_ymd(2026, 4, 16);
  b->end = fx_ymd(2026, 5, 15);
  sv_statement_set_month(b);
  b->average.present = true;
  b->average.amount = 500;
  b->average.page = 1;
  b->average.conf = FX_CONF_TEXT;
  b->closing = b->average;
  b->closing.amount = 999;
  /* no period at all */
  struct sv_statement *d =
      fx_add_doc(c, "d.pdf", "ANA PEREZ", "****1111", "MXN");
  d->closing.present = true;
  d->closing.amount = 1;
  sv_evaluate_case(r, c);

  assert_int_equal(c->eval->balances->len, 2);
  const struct sv_month *m0 = fx_balance(c, 0), *m1 = fx_balance(c, 1);
  assert_int_equal(m0->month, 4);
  assert_int_equal(m0->basis, SV_BASIS_CLOSING);
  assert_int_equal(m0->amount, 12345);
  assert_string_equal(m0->source, "a.pdf#3");
  assert_int_equal(m1->month, 5);
  assert_int_equal(m1->basis, SV_BASIS_AVERAGE_DAILY);
  assert_int_equal(m1->amount, 500);
  const struct sv_test *t = fx_find_test(c, "visitor", SV_TEST_SAVINGS);
  assert_true(fx_has_reason(t,
                            "document d.pdf: no statement period/balance "
                            "could be read",
                            NULL));
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* Whose money: a statement in another person's name does not count, with
   the reason; the window is then incomplete. */
static void test_evidence_other_holder_not_counted(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  c->applicant = g_strdup("María José Pérez Gómez");
  fx_request(c, "visitor");
  for (int m = 5; m <= 10; m++) {
    char *rel = g_strdup_printf("s/2026-%02d.pdf", m);
    struct sv_statement *st =
        fx_add_doc(c, rel, "JOHN SMITH", "****1234", "MXN");
    g_free(rel);
    st->start = fx_ymd(2026, m, 1);
    st->end = fx_ymd(2026, m, 28);
    sv_statement_set_month(st);
    st->average.present = true;
    st->average.amount = 100000000; /* far above 157,520.00 */
    st->average.page = 1;
    st->average.conf = FX_CONF_TEXT;
  }
  sv_evaluate_case(r, c);
  const struct sv_test *t = fx_find_test(c, "visitor", SV_TEST_SAVINGS);
  assert_int_equal(c->eval->balances->len, 0);
  assert_int_equal(t->outcome, SV_OUTCOME_INSUFFICIENT);
  assert_true(fx_has_reason(t, "JOHN SMITH", "not the applicant"));
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* The holder printed surnames first, in capitals, without accents, is the
   applicant: the months count and meet; a holder sharing a surname and an
   initial only is uncertain and makes the test needs-review. */
static void test_evidence_holder_name_forms(void **state)
{
  (void)state;
  const char *printed[] = {"PEREZ GOMEZ MARIA JOSE", "M. GOMEZ"};
  const enum sv_outcome want[] = {SV_OUTCOME_MEETS, SV_OUTCOME_NEEDS_REVIEW};
  for (int k = 0; k < 2; k++) {
    struct sv_rules *r = fx_rules_with_rates(NULL);
    struct sv_case *c = fx_new_case("2026-11-15");
    c->applicant = g_strdup("María José Pérez Gómez");
    fx_request(c, "visitor");
    for (int m = 5; m <= 10; m++) {
      char *rel = g_strdup_printf("s/2026-%02d.pdf", m);
      struct sv_statement *st =
          fx_add_doc(c, rel, printed[k], "****1234", "MXN");
      g_free(rel);
      st->start = fx_ymd(2026, m, 1);
      st->end = fx_ymd(2026, m, 28);
      sv_statement_set_month(st);
      st->average.present = true;
      st->average.amount = 20000000; /* 200,000.00 >= 157,520.00 */
      st->average.page = 1;
      st->average.conf = FX_CONF_TEXT;
    }
    sv_evaluate_case(r, c);
    const struct sv_test *t = fx_find_test(c, "visitor", SV_TEST_SAVINGS);
    fx_print_reasons(t);
    assert_int_equal(c->eval->balances->len, 6);
    assert_int_equal(t->outcome, want[k]);
    if (k == 1)
      assert_true(
          g_array_index(c->eval->balances, struct sv_month, 0).holder_doubt);
    sv_case_free(&c);
    sv_rules_free(&r);
  }
}

/* An employer letter listing six months of net income of 130,000.00 MXN
   meets temporary-resident income (400 x 315.04 = 126,016.00 a month). */
static void test_evidence_income_letter_months(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  c->applicant = g_strdup("Ana Pérez");
  fx_request(c, "temporary-resident");
  fx_add_letter(c, "carta.pdf", "ANA PEREZ", true, 2026, 5, 6, 13000000);
  sv_evaluate_case(r, c);
  const struct sv_test *t =
      fx_find_test(c, "temporary-resident", SV_TEST_INCOME);
  fx_print_reasons(t);
  assert_int_equal(c->eval->income->len, 6);
  assert_int_equal(t->required_mxn, 12601600);
  assert_int_equal(t->months_found, 6);
  assert_int_equal(t->actual_mxn, 13000000);
  assert_int_equal(t->outcome, SV_OUTCOME_MEETS);
  assert_int_equal(fx_stay_outcome(c, "temporary-resident"), SV_OUTCOME_MEETS);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* A letter stating a current monthly net income since 2019 covers the
   window (to the month before as-of); one stating only gross income
   gives needs-review, never meets. */
static void test_evidence_income_period_and_gross(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  struct sv_case *c = fx_new_case("2026-11-15");
  c->applicant = g_strdup("Ana Pérez");
  fx_request(c, "temporary-resident");
  struct sv_income_doc *inc =
      fx_add_letter(c, "carta.pdf", "ANA PEREZ", true, 2026, 5, 0, 13000000);
  inc->start = fx_ymd(2019, 3, 1);
  sv_evaluate_case(r, c);
  const struct sv_test *t =
      fx_find_test(c, "temporary-resident", SV_TEST_INCOME);
  assert_int_equal(t->months_found, 6);
  assert_int_equal(t->outcome, SV_OUTCOME_MEETS);
  sv_case_free(&c);

  c = fx_new_case("2026-11-15");
  c->applicant = g_strdup("Ana Pérez");
  fx_request(c, "temporary-resident");
  fx_add_letter(c, "carta.pdf", "ANA PEREZ", false, 2026, 5, 6, 99000000);
  sv_evaluate_case(r, c);
  t = fx_find_test(c, "temporary-resident", SV_TEST_INCOME);
  fx_print_reasons(t);
  assert_int_equal(t->outcome, SV_OUTCOME_NEEDS_REVIEW);
  assert_true(fx_has_reason(t, "only gross income", NULL));
  assert_int_equal(fx_stay_outcome(c, "temporary-resident"),
                   SV_OUTCOME_NEEDS_REVIEW);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* Deeds: a price of 14,500,000.00 exceeds 40,000 x 315.04 = 12,601,600.00
   (meets); the same price whose words disagree is needs-review; a price
   that passes with a cadastral value that does not is needs-review; a
   deed of someone else does not count. */
static void test_evidence_deeds(void **state)
{
  (void)state;
  struct sv_rules *r = fx_rules_with_rates(NULL);
  const char *owner[] = {"MARIA JOSE PEREZ GOMEZ", "MARIA JOSE PEREZ GOMEZ",
                         "MARIA JOSE PEREZ GOMEZ", "CARLOS SANTANA"};
  const bool agree[] = {true, false, true, true};
  const enum sv_outcome want[] = {SV_OUTCOME_MEETS, SV_OUTCOME_NEEDS_REVIEW,
                                  SV_OUTCOME_NEEDS_REVIEW,
                                  SV_OUTCOME_INSUFFICIENT};
  for (int k = 0; k < 4; k++) {
    struct sv_case *c = fx_new_case("2026-11-15");
    c->applicant = g_strdup("María José Pérez Gómez");
    fx_request(c, "temporary-resident");
    struct sv_deed *dd = fx_add_deed(c, "escritura.pdf", owner[k],
                                     SV_VALUE_PRICE, 1450000000, agree[k]);
    if (k == 2) {
      struct sv_stated_value v =
          g_array_index(dd->values, struct sv_stated_value, 0);
      v.kind = SV_VALUE_CADASTRAL;
      v.figure.amount = 900000000;
      v.words_amount = v.figure.amount;
      g_array_append_val(dd->values, v);
    }
    sv_evaluate_case(r, c);
    const struct sv_test *t =
        fx_find_test(c, "temporary-resident", SV_TEST_PROPERTY);
    fx_print_reasons(t);
    assert_int_equal(t->required_mxn, 1260160000);
    assert_int_equal(t->outcome, want[k]);
    assert_int_equal(c->eval->assets->len, k == 3 ? 0 : (k == 2 ? 2 : 1));
    if (k == 0)
      assert_int_equal(t->actual_mxn, 1450000000);
    sv_case_free(&c);
  }
  sv_rules_free(&r);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_evidence_two_accounts_total),
      cmocka_unit_test(test_evidence_mixed_currency_total),
      cmocka_unit_test(test_evidence_duplicate_month_counted_once),
      cmocka_unit_test(test_evidence_income),
      cmocka_unit_test(test_evidence_applicant),
      cmocka_unit_test(test_evidence_statement_month_and_basis),
      cmocka_unit_test(test_evidence_other_holder_not_counted),
      cmocka_unit_test(test_evidence_holder_name_forms),
      cmocka_unit_test(test_evidence_income_letter_months),
      cmocka_unit_test(test_evidence_income_period_and_gross),
      cmocka_unit_test(test_evidence_deeds),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
