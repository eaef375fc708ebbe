/*
 * test_evaluate.c - the evaluate stage (stages/evaluate.c).
 *
 * Cases are built in memory (sv_case_new, sv_doc_new, sv_statement_new)
 * and evaluated against the real seed ruleset and wage table from
 * SV_SOURCE_DIR/schemas; rates files are written into a temporary folder.
 * Every expected figure is worked out by hand in the comment next to it.
 * Wage on 2026-11-15 (as-of of most tests): 315.04 MXN (from 2026-01-01).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "evaluate.h"
#include "rules/rules.h"
#include "support.h"
#include "xmlsafe.h"

#define DATA_DIR SV_SOURCE_DIR "/schemas"
#define CONF_TEXT 100.0f

/* ---------------------------------------------------------- helpers */

static struct sv_rules *rules_with_rates(const char *rates_xml)
{
  char *dir = NULL;
  char *path = NULL;
  if (rates_xml != NULL) {
    dir = sv_test_tmpdir("eval-rates");
    path = g_build_filename(dir, "rates.xml", NULL);
    sv_test_write(path, rates_xml, strlen(rates_xml));
  }
  struct sv_rules *r = NULL;
  char *err = NULL;
  if (sv_rules_load(DATA_DIR, "sre-2012", path, &r, &err) != SV_OK)
    fail_msg("sv_rules_load: %s", err);
  if (dir != NULL)
    sv_test_rmtree(dir);
  g_free(path);
  g_free(dir);
  return r;
}

static struct sv_case *new_case(const char *as_of)
{
  struct sv_case *c = sv_case_new("C-1", "/nonexistent/C-1", "C-1");
  assert_true(sv_xml_parse_date(as_of, &c->as_of));
  return c;
}

static void request(struct sv_case *c, const char *stay)
{
  g_ptr_array_add(c->requested, g_strdup(stay));
}

static GDate ymd(int y, int m, int d)
{
  GDate g;
  g_date_clear(&g, 1);
  g_date_set_dmy(&g, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
  return g;
}

/* Adds an OK bank-statement document with its statement; returns it so a
   test can adjust the figures.  Documents must be added in path order. */
static struct sv_statement *add_doc(struct sv_case *c, const char *relpath,
                                    const char *holder, const char *account,
                                    const char *currency)
{
  struct sv_doc *d = sv_doc_new(c, relpath, relpath);
  d->status = SV_DOC_OK;
  d->kind = SV_KIND_BANK_STATEMENT;
  struct sv_statement *st = sv_statement_new();
  g_ptr_array_add(d->statements, st);
  st->holder = g_strdup(holder);
  st->account = g_strdup(account);
  g_strlcpy(st->currency, currency, sizeof st->currency);
  st->currency_source = SV_CURRENCY_PRINTED;
  c->docs = g_renew(struct sv_doc *, c->docs, c->ndocs + 1);
  d->index = c->ndocs;
  c->docs[c->ndocs++] = d;
  return st;
}

/* A full calendar-month statement with a printed average on page 1. */
static struct sv_statement *add_month(struct sv_case *c, const char *account,
                                      const char *currency, int y, int m,
                                      sv_cents average)
{
  char *rel = g_strdup_printf("statements/%s/%04d-%02d.pdf",
                              account + strlen(account) - 4, y, m);
  struct sv_statement *st = add_doc(c, rel, "ANA PEREZ", account, currency);
  g_free(rel);
  st->start = ymd(y, m, 1);
  st->end = ymd(y, m, g_date_get_days_in_month((GDateMonth)m, (GDateYear)y));
  sv_statement_set_month(st);
  st->average.present = true;
  st->average.amount = average;
  st->average.page = 1;
  st->average.conf = CONF_TEXT;
  return st;
}

/* n consecutive months starting at (y, m), each with the same average. */
static void add_months(struct sv_case *c, const char *account,
                       const char *currency, int y, int m, int n,
                       sv_cents average)
{
  for (int i = 0; i < n; i++) {
    add_month(c, account, currency, y, m, average);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
}

static const struct sv_test *
find_test(const struct sv_case *c, const char *stay, enum sv_test_basis basis)
{
  assert_non_null(c->eval);
  for (guint i = 0; i < c->eval->tests->len; i++) {
    const struct sv_test *t = &g_array_index(c->eval->tests, struct sv_test, i);
    if (strcmp(t->stay, stay) == 0 && t->basis == basis)
      return t;
  }
  fail_msg("no %s test for %s", sv_test_basis_str(basis), stay);
  return NULL;
}

static enum sv_outcome stay_outcome(const struct sv_case *c, const char *stay)
{
  for (guint i = 0; i < c->eval->stays->len; i++) {
    const struct sv_stay *s = &g_array_index(c->eval->stays, struct sv_stay, i);
    if (strcmp(s->id, stay) == 0)
      return s->outcome;
  }
  fail_msg("no stay %s", stay);
  return SV_OUTCOME_INSUFFICIENT;
}

/* True when some reason of t contains every given fragment. */
static bool has_reason(const struct sv_test *t, const char *a, const char *b)
{
  for (guint i = 0; i < t->reasons->len; i++) {
    const char *r = t->reasons->pdata[i];
    if (strstr(r, a) != NULL && (b == NULL || strstr(r, b) != NULL))
      return true;
  }
  return false;
}

static void print_reasons(const struct sv_test *t)
{
  for (guint i = 0; i < t->reasons->len; i++)
    print_message("    reason: %s\n", (const char *)t->reasons->pdata[i]);
}

static const struct sv_month *balance(const struct sv_case *c, guint i)
{
  assert_true(i < c->eval->balances->len);
  return &g_array_index(c->eval->balances, struct sv_month, i);
}

static void add_asset(struct sv_case *c, enum sv_asset_kind kind,
                      sv_cents amount, const char *currency)
{
  if (c->eval == NULL)
    c->eval = sv_evaluation_new();
  struct sv_asset a;
  memset(&a, 0, sizeof a);
  a.kind = kind;
  a.amount = amount;
  g_strlcpy(a.currency, currency, sizeof a.currency);
  a.source = g_strdup("deeds/escritura.pdf#3");
  a.conf = CONF_TEXT;
  g_array_append_val(c->eval->assets, a);
}

/* Adds an OK document of `kind` at relpath (path order is the caller's). */
static struct sv_doc *add_kind(struct sv_case *c, const char *relpath,
                               enum sv_doc_kind kind)
{
  struct sv_doc *d = sv_doc_new(c, relpath, relpath);
  d->status = SV_DOC_OK;
  d->kind = kind;
  c->docs = g_renew(struct sv_doc *, c->docs, c->ndocs + 1);
  d->index = c->ndocs;
  c->docs[c->ndocs++] = d;
  return d;
}

/* An income letter for `person` in MXN listing n months from (y, m). */
static struct sv_income_doc *add_letter(struct sv_case *c, const char *rel,
                                        const char *person, bool net, int y,
                                        int m, int n, sv_cents monthly)
{
  struct sv_doc *d = add_kind(c, rel, SV_KIND_INCOME_LETTER);
  struct sv_income_doc *inc = sv_income_doc_new();
  inc->person = g_strdup(person);
  inc->payer = g_strdup("ACME SA DE CV");
  g_strlcpy(inc->currency, "MXN", sizeof inc->currency);
  inc->net = net;
  inc->gross_only = !net;
  inc->monthly = monthly;
  inc->stated.present = true;
  inc->stated.amount = monthly;
  inc->stated.page = 1;
  inc->stated.conf = CONF_TEXT;
  for (int i = 0; i < n; i++) {
    struct sv_income_month im;
    memset(&im, 0, sizeof im);
    im.year = y;
    im.month = m;
    im.monthly = monthly;
    im.figure = inc->stated;
    g_array_append_val(inc->months, im);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  d->income = inc;
  return inc;
}

/* A deed owned by `owner` with one MXN value of `kind`. */
static struct sv_deed *add_deed(struct sv_case *c, const char *rel,
                                const char *owner, enum sv_value_kind kind,
                                sv_cents amount, bool words_agree)
{
  struct sv_doc *d = add_kind(c, rel, SV_KIND_DEED);
  struct sv_deed *dd = sv_deed_new();
  g_ptr_array_add(dd->owners, g_strdup(owner));
  struct sv_stated_value v;
  memset(&v, 0, sizeof v);
  v.kind = kind;
  v.figure.present = true;
  v.figure.amount = amount;
  v.figure.page = 2;
  v.figure.conf = CONF_TEXT;
  g_strlcpy(v.currency, "MXN", sizeof v.currency);
  v.has_words = true;
  v.words_amount = words_agree ? amount : amount + 10000000;
  v.words_agree = words_agree;
  g_array_append_val(dd->values, v);
  d->deed = dd;
  return dd;
}

/* ------------------------------------------------------------ tests */

/* The savings threshold is days x wage: temporary-resident on 2026-11-15
   needs 20,000 x 315.04 = 6,300,800.00 MXN; 12 months exactly at it meet
   (">= reaches"), with the mean and the wage reported. */
static void test_evaluate_threshold_exactly_reached_meets(void **state)
{
  (void)state;
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  request(c, "temporary-resident");
  /* window: the 12 complete months before 2026-11-15 = 2025-11..2026-10 */
  add_months(c, "****1234", "MXN", 2025, 11, 12, 630080000);
  sv_evaluate_case(r, c);

  assert_int_equal(c->eval->wage_daily, 31504);
  assert_string_equal(c->eval->wage_zone, "general");
  GDate eff = ymd(2026, 1, 1);
  assert_int_equal(g_date_compare(&c->eval->wage_effective, &eff), 0);
  const struct sv_test *t = find_test(c, "temporary-resident", SV_TEST_SAVINGS);
  print_reasons(t);
  assert_int_equal(t->required_mxn, 630080000); /* 20000 * 31504 */
  assert_int_equal(t->window_months, 12);
  assert_int_equal(t->wage_days, 20000);
  assert_int_equal(t->months_found, 12);
  assert_true(t->has_actual);
  assert_int_equal(t->actual_mxn, 630080000);
  assert_int_equal(t->outcome, SV_OUTCOME_MEETS);
  assert_true(has_reason(t, "6,300,800.00 MXN", "20,000 days x 315.04 MXN"));
  assert_int_equal(stay_outcome(c, "temporary-resident"), SV_OUTCOME_MEETS);
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
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  request(c, "temporary-resident");
  add_months(c, "****1234", "MXN", 2025, 11, 12, 630079999);
  sv_evaluate_case(r, c);
  const struct sv_test *t = find_test(c, "temporary-resident", SV_TEST_SAVINGS);
  assert_true(t->has_actual);
  assert_int_equal(t->actual_mxn, 630079999);
  assert_int_equal(t->outcome, SV_OUTCOME_NOT_MET);
  assert_true(has_reason(t, "is below the required 6,300,800.00", NULL));
  /* Income/property/investment have no evidence -> insufficient; savings
     is not met, so the stay is not met. */
  assert_int_equal(stay_outcome(c, "temporary-resident"), SV_OUTCOME_NOT_MET);
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
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  request(c, "temporary-resident");
  add_months(c, "****1234", "MXN", 2025, 11, 11, 630080000);
  add_month(c, "****1234", "MXN", 2026, 10, 630079999);
  sv_evaluate_case(r, c);
  const struct sv_test *t = find_test(c, "temporary-resident", SV_TEST_SAVINGS);
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
  struct sv_rules *r = rules_with_rates(NULL);

  struct sv_case *c = new_case("2017-11-30");
  request(c, "visitor");
  add_months(c, "****1234", "MXN", 2017, 5, 7, 4200000); /* 2017-05..11 */
  sv_evaluate_case(r, c);
  assert_int_equal(c->eval->wage_daily, 8004);
  const struct sv_test *t = find_test(c, "visitor", SV_TEST_SAVINGS);
  assert_int_equal(t->required_mxn, 4002000);
  assert_int_equal(t->months_found, 6); /* 2017-05..2017-10 */
  assert_int_equal(t->outcome, SV_OUTCOME_MEETS);
  sv_case_free(&c);

  c = new_case("2017-12-01");
  request(c, "visitor");
  add_months(c, "****1234", "MXN", 2017, 5, 7, 4200000);
  sv_evaluate_case(r, c);
  assert_int_equal(c->eval->wage_daily, 8836);
  GDate eff = ymd(2017, 12, 1);
  assert_int_equal(g_date_compare(&c->eval->wage_effective, &eff), 0);
  t = find_test(c, "visitor", SV_TEST_SAVINGS);
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
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  request(c, "visitor");
  request(c, "visitor-10-years");
  add_months(c, "****1234", "MXN", 2026, 5, 6, 20000000);
  sv_evaluate_case(r, c);

  const struct sv_test *t6 = find_test(c, "visitor", SV_TEST_SAVINGS);
  assert_int_equal(t6->window_months, 6);
  assert_int_equal(t6->required_mxn, 15752000); /* 500 * 315.04 */
  assert_int_equal(t6->months_found, 6);
  assert_int_equal(t6->actual_mxn, 20000000);
  assert_int_equal(t6->outcome, SV_OUTCOME_MEETS);

  const struct sv_test *t12 = find_test(c, "visitor-10-years", SV_TEST_SAVINGS);
  print_reasons(t12);
  assert_int_equal(t12->window_months, 12);
  assert_int_equal(t12->months_found, 6);
  assert_false(t12->has_actual);
  /* the lowest of the months found is still named (all equal: the first) */
  assert_true(t12->has_lowest);
  assert_int_equal(t12->lowest_year, 2026);
  assert_int_equal(t12->lowest_month, 5);
  assert_int_equal(t12->outcome, SV_OUTCOME_INSUFFICIENT);
  assert_true(has_reason(t12,
                         "2025-11, 2025-12, 2026-01, 2026-02, "
                         "2026-03, 2026-04",
                         NULL));
  /* Stays in request order; the worst requested stay is overall. */
  assert_int_equal(c->eval->stays->len, 2);
  assert_string_equal(g_array_index(c->eval->stays, struct sv_stay, 0).id,
                      "visitor");
  assert_int_equal(stay_outcome(c, "visitor"), SV_OUTCOME_MEETS);
  assert_int_equal(stay_outcome(c, "visitor-10-years"),
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
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  request(c, "visitor");
  add_months(c, "****1234", "MXN", 2026, 5, 2, 90000000); /* 05, 06 */
  add_months(c, "****1234", "MXN", 2026, 8, 3, 90000000); /* 08..10 */
  sv_evaluate_case(r, c);
  const struct sv_test *t = find_test(c, "visitor", SV_TEST_SAVINGS);
  print_reasons(t);
  assert_int_equal(t->months_found, 5);
  assert_false(t->has_actual);
  assert_int_equal(t->outcome, SV_OUTCOME_INSUFFICIENT);
  assert_true(has_reason(t, "2026-07", "5 of 6"));
  assert_false(has_reason(t, "2026-06", NULL));
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* USD balances convert with the latest rate on or before as-of (18.4210
   of 2026-10-30; the 2026-11-20 rate is ignored): 10,000.00 USD x 18.4210
   = 184,210.00 MXN >= 157,520.00. */
static void test_evaluate_usd_latest_rate(void **state)
{
  (void)state;
  struct sv_rules *r = rules_with_rates(
      "<rates>\n"
      "  <rate currency=\"USD\" date=\"2026-09-30\" mxn=\"15.0000\"/>\n"
      "  <rate currency=\"USD\" date=\"2026-10-30\" mxn=\"18.4210\"/>\n"
      "  <rate currency=\"USD\" date=\"2026-11-20\" mxn=\"25.0000\"/>\n"
      "</rates>\n");
  struct sv_case *c = new_case("2026-11-15");
  request(c, "visitor");
  add_months(c, "****9876", "USD", 2026, 5, 6, 1000000);
  sv_evaluate_case(r, c);
  assert_int_equal(c->eval->balances->len, 6);
  const struct sv_month *m = balance(c, 0);
  assert_string_equal(m->currency, "USD");
  assert_int_equal(m->amount, 1000000);
  assert_true(m->has_mxn);
  assert_int_equal(m->amount_mxn, 18421000);
  const struct sv_test *t = find_test(c, "visitor", SV_TEST_SAVINGS);
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
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  request(c, "visitor");
  add_months(c, "****9876", "USD", 2026, 5, 6, 100000000);
  sv_evaluate_case(r, c);
  assert_false(balance(c, 0)->has_mxn);
  const struct sv_test *t = find_test(c, "visitor", SV_TEST_SAVINGS);
  print_reasons(t);
  assert_int_equal(t->months_found, 6);
  assert_false(t->has_actual);
  assert_int_equal(t->outcome, SV_OUTCOME_INSUFFICIENT);
  assert_true(has_reason(t,
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
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  request(c, "temporary-resident");
  add_asset(c, SV_ASSET_PROPERTY, 1260160000, "MXN");
  sv_evaluate_case(r, c);
  const struct sv_test *t =
      find_test(c, "temporary-resident", SV_TEST_PROPERTY);
  print_reasons(t);
  assert_int_equal(t->required_mxn, 1260160000);
  assert_int_equal(t->window_months, 0);
  assert_true(t->has_actual);
  assert_int_equal(t->actual_mxn, 1260160000);
  assert_int_equal(t->outcome, SV_OUTCOME_NOT_MET);
  assert_true(has_reason(t, "does not exceed", "12,601,600.00"));
  /* No investment evidence at all. */
  const struct sv_test *inv =
      find_test(c, "temporary-resident", SV_TEST_INVESTMENT);
  assert_int_equal(inv->required_mxn, 630080000); /* 20000 * 31504 */
  assert_int_equal(inv->outcome, SV_OUTCOME_INSUFFICIENT);
  sv_case_free(&c);

  c = new_case("2026-11-15");
  request(c, "temporary-resident");
  add_asset(c, SV_ASSET_PROPERTY, 1260160001, "MXN");
  sv_evaluate_case(r, c);
  t = find_test(c, "temporary-resident", SV_TEST_PROPERTY);
  assert_int_equal(t->outcome, SV_OUTCOME_MEETS);
  assert_int_equal(stay_outcome(c, "temporary-resident"), SV_OUTCOME_MEETS);
  assert_int_equal(c->eval->assets->len, 1);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* Two accounts in a month are summed into a "total" row placed after the
   accounts: 100,000.00 + 60,000.00 = 160,000.00 >= 157,520.00, which
   neither account reaches alone. */
static void test_evaluate_two_accounts_total(void **state)
{
  (void)state;
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  request(c, "visitor");
  add_months(c, "****1111", "MXN", 2026, 5, 6, 10000000);
  add_months(c, "****2222", "MXN", 2026, 5, 6, 6000000);
  sv_evaluate_case(r, c);
  assert_int_equal(c->eval->balances->len, 18); /* 6 x (2 + total) */
  for (guint i = 0; i < 18; i += 3) {
    const struct sv_month *a = balance(c, i), *b = balance(c, i + 1),
                          *t = balance(c, i + 2);
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
  const struct sv_test *t = find_test(c, "visitor", SV_TEST_SAVINGS);
  assert_int_equal(t->actual_mxn, 16000000);
  assert_int_equal(t->outcome, SV_OUTCOME_MEETS);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* A total over two currencies is stated in MXN: 1,000.00 USD x 18.0000 =
   18,000.00 MXN plus 2,000.00 MXN = 20,000.00 MXN. */
static void test_evaluate_mixed_currency_total(void **state)
{
  (void)state;
  struct sv_rules *r = rules_with_rates(
      "<rates><rate currency=\"USD\" date=\"2026-01-01\" mxn=\"18\"/>"
      "</rates>");
  struct sv_case *c = new_case("2026-11-15");
  add_month(c, "****1111", "MXN", 2026, 10, 200000);
  add_month(c, "****2222", "USD", 2026, 10, 100000);
  sv_evaluate_case(r, c);
  assert_int_equal(c->eval->balances->len, 3);
  const struct sv_month *t = balance(c, 2);
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
static void test_evaluate_duplicate_month_counted_once(void **state)
{
  (void)state;
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  request(c, "visitor");
  add_months(c, "****1234", "MXN", 2026, 5, 6, 20000000);
  struct sv_statement *dup =
      add_doc(c, "zz-copy-of-october.pdf", "ANA PEREZ", "****1234", "MXN");
  dup->start = ymd(2026, 10, 1);
  dup->end = ymd(2026, 10, 31);
  sv_statement_set_month(dup);
  dup->average.present = true;
  dup->average.amount = 99999999900; /* would inflate the mean */
  dup->average.page = 1;
  dup->average.conf = CONF_TEXT;
  sv_evaluate_case(r, c);
  assert_int_equal(c->eval->balances->len, 6); /* no total row either */
  assert_int_equal(balance(c, 5)->amount, 20000000);
  const struct sv_test *t = find_test(c, "visitor", SV_TEST_SAVINGS);
  print_reasons(t);
  assert_int_equal(t->actual_mxn, 20000000);
  assert_true(has_reason(t, "zz-copy-of-october.pdf", "counted once"));
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* The lowest month is reported, and a mean that passes while a month falls
   below says so: (5 x 200,000.00 + 100,000.00) / 6 = 183,333.33 >=
   157,520.00, but 2026-08 has 100,000.00. */
static void test_evaluate_lowest_month_below_reason(void **state)
{
  (void)state;
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  request(c, "visitor");
  add_months(c, "****1234", "MXN", 2026, 5, 3, 20000000);
  add_month(c, "****1234", "MXN", 2026, 8, 10000000);
  add_months(c, "****1234", "MXN", 2026, 9, 2, 20000000);
  sv_evaluate_case(r, c);
  const struct sv_test *t = find_test(c, "visitor", SV_TEST_SAVINGS);
  print_reasons(t);
  assert_int_equal(t->actual_mxn, 18333333); /* 110000000 / 6 = 18333333.3 */
  assert_int_equal(t->outcome, SV_OUTCOME_MEETS);
  assert_true(t->has_lowest);
  assert_int_equal(t->lowest_year, 2026);
  assert_int_equal(t->lowest_month, 8);
  assert_int_equal(t->lowest_mxn, 10000000);
  assert_true(has_reason(t, "mean passes", "2026-08 (100,000.00 MXN)"));
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* A deciding figure read with confidence below 60 makes the test
   needs-review, naming its page, even when the amounts would meet. */
static void test_evaluate_low_confidence_needs_review(void **state)
{
  (void)state;
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  request(c, "visitor");
  add_months(c, "****1234", "MXN", 2026, 5, 5, 20000000);
  struct sv_statement *st = add_month(c, "****1234", "MXN", 2026, 10, 20000000);
  st->average.conf = 45.0f;
  st->average.page = 2;
  sv_evaluate_case(r, c);
  const struct sv_test *t = find_test(c, "visitor", SV_TEST_SAVINGS);
  print_reasons(t);
  assert_int_equal(t->outcome, SV_OUTCOME_NEEDS_REVIEW);
  assert_true(has_reason(t, "statements/1234/2026-10.pdf#2", "confidence 45"));
  assert_int_equal(stay_outcome(c, "visitor"), SV_OUTCOME_NEEDS_REVIEW);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* A window month whose figure failed its statement's arithmetic makes the
   test needs-review although the mean passes; the reason names the month,
   the document and the page, and the month carries the flag. */
static void test_evaluate_unreconciled_month_needs_review(void **state)
{
  (void)state;
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  request(c, "visitor");
  /* 200,000.00 MXN every month: far above 500 days x 315.04 */
  add_months(c, "****1234", "MXN", 2026, 5, 5, 20000000);
  struct sv_statement *st = add_month(c, "****1234", "MXN", 2026, 10, 20000000);
  st->average.unreconciled = true;
  sv_evaluate_case(r, c);
  const struct sv_test *t = find_test(c, "visitor", SV_TEST_SAVINGS);
  print_reasons(t);
  assert_int_equal(t->outcome, SV_OUTCOME_NEEDS_REVIEW);
  assert_true(has_reason(t, "2026-10 balance at statements/1234/2026-10.pdf#1",
                         "could not be reconciled"));
  assert_int_equal(stay_outcome(c, "visitor"), SV_OUTCOME_NEEDS_REVIEW);
  bool flagged = false;
  for (guint i = 0; i < c->eval->balances->len; i++) {
    const struct sv_month *m = balance(c, i);
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
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  request(c, "visitor");
  add_months(c, "****1234", "MXN", 2026, 5, 5, 20000000);
  struct sv_statement *st = add_month(c, "****1234", "MXN", 2026, 10, 20000000);
  st->average.conf = 52.0f;
  c->docs[c->ndocs - 1]->text = SV_TEXT_OCR;
  sv_evaluate_case(r, c);
  const struct sv_test *t = find_test(c, "visitor", SV_TEST_SAVINGS);
  assert_int_equal(t->outcome, SV_OUTCOME_NEEDS_REVIEW);
  assert_true(has_reason(t, "statements/1234/2026-10.pdf#1", "confidence 52"));
  const struct sv_month *m = balance(c, c->eval->balances->len - 1);
  assert_int_equal(m->month, 10);
  assert_true(m->ocr);
  assert_true(m->conf > 51.9f && m->conf < 52.1f);
  assert_false(balance(c, 0)->ocr);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* Income: none found is insufficient evidence in plain words; income
   months left in c->eval are evaluated like balances: 6 x 50,000.00 >=
   150 x 315.04 = 47,256.00. */
static void test_evaluate_income(void **state)
{
  (void)state;
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  request(c, "visitor");
  sv_evaluate_case(r, c);
  const struct sv_test *t = find_test(c, "visitor", SV_TEST_INCOME);
  assert_int_equal(t->required_mxn, 4725600);
  assert_int_equal(t->outcome, SV_OUTCOME_INSUFFICIENT);
  assert_true(has_reason(t,
                         "no income evidence (employer or pension "
                         "letter) was found",
                         NULL));
  /* The ruleset's note about students travels with the test. */
  assert_true(has_reason(t, "100 days", NULL));
  sv_case_free(&c);

  c = new_case("2026-11-15");
  request(c, "visitor");
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
    im.conf = CONF_TEXT;
    g_array_append_val(c->eval->income, im);
  }
  sv_evaluate_case(r, c);
  t = find_test(c, "visitor", SV_TEST_INCOME);
  print_reasons(t);
  assert_int_equal(t->months_found, 6);
  assert_int_equal(t->actual_mxn, 5000000);
  assert_int_equal(t->outcome, SV_OUTCOME_MEETS);
  assert_int_equal(stay_outcome(c, "visitor"), SV_OUTCOME_MEETS);
  assert_int_equal(c->eval->income->len, 6);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* The applicant is case.xml's name, else the most frequent statement
   holder, ties broken alphabetically. */
static void test_evaluate_applicant(void **state)
{
  (void)state;
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  add_doc(c, "a.pdf", "ZOE ROE", "****1111", "MXN");
  add_doc(c, "b.pdf", "ANA PEREZ", "****2222", "MXN");
  add_doc(c, "c.pdf", "ZOE ROE", "****1111", "MXN");
  add_doc(c, "d.pdf", "ANA PEREZ", "****2222", "MXN");
  add_doc(c, "e.pdf", "BOB DOE", "****3333", "MXN");
  sv_evaluate_case(r, c);
  assert_string_equal(c->eval->applicant, "ANA PEREZ");
  assert_false(c->eval->applicant_from_manifest);
  sv_case_free(&c);

  c = new_case("2026-11-15");
  c->applicant = g_strdup("María José Pérez Gómez");
  add_doc(c, "a.pdf", "ZOE ROE", "****1111", "MXN");
  sv_evaluate_case(r, c);
  assert_string_equal(c->eval->applicant, "María José Pérez Gómez");
  assert_true(c->eval->applicant_from_manifest);
  sv_case_free(&c);

  c = new_case("2026-11-15");
  sv_evaluate_case(r, c);
  assert_string_equal(c->eval->applicant, "");
  assert_int_equal(c->problems->len, 1);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* Statement month = the calendar month with most of the period's days
   (ties: the end's month); closing balance when no average is printed;
   a statement without a period gives no month and a reason. */
static void test_evaluate_statement_month_and_basis(void **state)
{
  (void)state;
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  request(c, "visitor");
  /* 2026-03-15..04-14: cut off in April -> 2026-04 (17 of its days are in
     March: the month of the cut-off date wins, see period_month) */
  struct sv_statement *a = add_doc(c, "a.pdf", "ANA PEREZ", "****1111", "MXN");
  a->start = ymd(2026, 3, 15);
  a->end = ymd(2026, 4, 14);
  sv_statement_set_month(a);
  a->closing.present = true;
  a->closing.amount = 12345;
  a->closing.page = 3;
  a->closing.conf = CONF_TEXT;
  /* 2026-04-16..05-15: cut off in May -> 2026-05 */
  struct sv_statement *b = add_doc(c, "b.pdf", "ANA PEREZ", "****1111", "MXN");
  b->start = ymd(2026, 4, 16);
  b->end = ymd(2026, 5, 15);
  sv_statement_set_month(b);
  b->average.present = true;
  b->average.amount = 500;
  b->average.page = 1;
  b->average.conf = CONF_TEXT;
  b->closing = b->average;
  b->closing.amount = 999;
  /* no period at all */
  struct sv_statement *d = add_doc(c, "d.pdf", "ANA PEREZ", "****1111", "MXN");
  d->closing.present = true;
  d->closing.amount = 1;
  sv_evaluate_case(r, c);

  assert_int_equal(c->eval->balances->len, 2);
  const struct sv_month *m0 = balance(c, 0), *m1 = balance(c, 1);
  assert_int_equal(m0->month, 4);
  assert_int_equal(m0->basis, SV_BASIS_CLOSING);
  assert_int_equal(m0->amount, 12345);
  assert_string_equal(m0->source, "a.pdf#3");
  assert_int_equal(m1->month, 5);
  assert_int_equal(m1->basis, SV_BASIS_AVERAGE_DAILY);
  assert_int_equal(m1->amount, 500);
  const struct sv_test *t = find_test(c, "visitor", SV_TEST_SAVINGS);
  assert_true(has_reason(t,
                         "document d.pdf: no statement period/balance "
                         "could be read",
                         NULL));
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* Without requests every stay is evaluated in ruleset order and the
   overall outcome is the best of them; the stage ops run the same code. */
static void test_evaluate_all_stays_best_overall(void **state)
{
  (void)state;
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  /* 6 months of 100,000.00: reaches 300 days (94,512.00), not 500 days
     (157,520.00); the 12-month stays lack months. */
  add_months(c, "****1234", "MXN", 2026, 5, 6, 10000000);
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
  assert_int_equal(stay_outcome(c, "visitor"), SV_OUTCOME_NOT_MET);
  assert_int_equal(stay_outcome(c, "visitor-study"), SV_OUTCOME_MEETS);
  assert_int_equal(stay_outcome(c, "permanent-resident"),
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


/* Whose money: a statement in another person's name does not count, with
   the reason; the window is then incomplete. */
static void test_evaluate_other_holder_not_counted(void **state)
{
  (void)state;
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  c->applicant = g_strdup("María José Pérez Gómez");
  request(c, "visitor");
  for (int m = 5; m <= 10; m++) {
    char *rel = g_strdup_printf("s/2026-%02d.pdf", m);
    struct sv_statement *st = add_doc(c, rel, "JOHN SMITH", "****1234", "MXN");
    g_free(rel);
    st->start = ymd(2026, m, 1);
    st->end = ymd(2026, m, 28);
    sv_statement_set_month(st);
    st->average.present = true;
    st->average.amount = 100000000; /* far above 157,520.00 */
    st->average.page = 1;
    st->average.conf = CONF_TEXT;
  }
  sv_evaluate_case(r, c);
  const struct sv_test *t = find_test(c, "visitor", SV_TEST_SAVINGS);
  assert_int_equal(c->eval->balances->len, 0);
  assert_int_equal(t->outcome, SV_OUTCOME_INSUFFICIENT);
  assert_true(has_reason(t, "JOHN SMITH", "not the applicant"));
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* The holder printed surnames first, in capitals, without accents, is the
   applicant: the months count and meet; a holder sharing a surname and an
   initial only is uncertain and makes the test needs-review. */
static void test_evaluate_holder_name_forms(void **state)
{
  (void)state;
  const char *printed[] = {"PEREZ GOMEZ MARIA JOSE", "M. GOMEZ"};
  const enum sv_outcome want[] = {SV_OUTCOME_MEETS, SV_OUTCOME_NEEDS_REVIEW};
  for (int k = 0; k < 2; k++) {
    struct sv_rules *r = rules_with_rates(NULL);
    struct sv_case *c = new_case("2026-11-15");
    c->applicant = g_strdup("María José Pérez Gómez");
    request(c, "visitor");
    for (int m = 5; m <= 10; m++) {
      char *rel = g_strdup_printf("s/2026-%02d.pdf", m);
      struct sv_statement *st = add_doc(c, rel, printed[k], "****1234", "MXN");
      g_free(rel);
      st->start = ymd(2026, m, 1);
      st->end = ymd(2026, m, 28);
      sv_statement_set_month(st);
      st->average.present = true;
      st->average.amount = 20000000; /* 200,000.00 >= 157,520.00 */
      st->average.page = 1;
      st->average.conf = CONF_TEXT;
    }
    sv_evaluate_case(r, c);
    const struct sv_test *t = find_test(c, "visitor", SV_TEST_SAVINGS);
    print_reasons(t);
    assert_int_equal(c->eval->balances->len, 6);
    assert_int_equal(t->outcome, want[k]);
    if (k == 1)
      assert_true(g_array_index(c->eval->balances, struct sv_month, 0)
                      .holder_doubt);
    sv_case_free(&c);
    sv_rules_free(&r);
  }
}

/* An employer letter listing six months of net income of 130,000.00 MXN
   meets temporary-resident income (400 x 315.04 = 126,016.00 a month). */
static void test_evaluate_income_letter_months(void **state)
{
  (void)state;
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  c->applicant = g_strdup("Ana Pérez");
  request(c, "temporary-resident");
  add_letter(c, "carta.pdf", "ANA PEREZ", true, 2026, 5, 6, 13000000);
  sv_evaluate_case(r, c);
  const struct sv_test *t = find_test(c, "temporary-resident", SV_TEST_INCOME);
  print_reasons(t);
  assert_int_equal(c->eval->income->len, 6);
  assert_int_equal(t->required_mxn, 12601600);
  assert_int_equal(t->months_found, 6);
  assert_int_equal(t->actual_mxn, 13000000);
  assert_int_equal(t->outcome, SV_OUTCOME_MEETS);
  assert_int_equal(stay_outcome(c, "temporary-resident"), SV_OUTCOME_MEETS);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* A letter stating a current monthly net income since 2019 covers the
   window (to the month before as-of); one stating only gross income
   gives needs-review, never meets. */
static void test_evaluate_income_period_and_gross(void **state)
{
  (void)state;
  struct sv_rules *r = rules_with_rates(NULL);
  struct sv_case *c = new_case("2026-11-15");
  c->applicant = g_strdup("Ana Pérez");
  request(c, "temporary-resident");
  struct sv_income_doc *inc =
      add_letter(c, "carta.pdf", "ANA PEREZ", true, 2026, 5, 0, 13000000);
  inc->start = ymd(2019, 3, 1);
  sv_evaluate_case(r, c);
  const struct sv_test *t = find_test(c, "temporary-resident", SV_TEST_INCOME);
  assert_int_equal(t->months_found, 6);
  assert_int_equal(t->outcome, SV_OUTCOME_MEETS);
  sv_case_free(&c);

  c = new_case("2026-11-15");
  c->applicant = g_strdup("Ana Pérez");
  request(c, "temporary-resident");
  add_letter(c, "carta.pdf", "ANA PEREZ", false, 2026, 5, 6, 99000000);
  sv_evaluate_case(r, c);
  t = find_test(c, "temporary-resident", SV_TEST_INCOME);
  print_reasons(t);
  assert_int_equal(t->outcome, SV_OUTCOME_NEEDS_REVIEW);
  assert_true(has_reason(t, "only gross income", NULL));
  assert_int_equal(stay_outcome(c, "temporary-resident"),
                   SV_OUTCOME_NEEDS_REVIEW);
  sv_case_free(&c);
  sv_rules_free(&r);
}

/* Deeds: a price of 14,500,000.00 exceeds 40,000 x 315.04 = 12,601,600.00
   (meets); the same price whose words disagree is needs-review; a price
   that passes with a cadastral value that does not is needs-review; a
   deed of someone else does not count. */
static void test_evaluate_deeds(void **state)
{
  (void)state;
  struct sv_rules *r = rules_with_rates(NULL);
  const char *owner[] = {"MARIA JOSE PEREZ GOMEZ", "MARIA JOSE PEREZ GOMEZ",
                         "MARIA JOSE PEREZ GOMEZ", "CARLOS SANTANA"};
  const bool agree[] = {true, false, true, true};
  const enum sv_outcome want[] = {SV_OUTCOME_MEETS, SV_OUTCOME_NEEDS_REVIEW,
                                  SV_OUTCOME_NEEDS_REVIEW,
                                  SV_OUTCOME_INSUFFICIENT};
  for (int k = 0; k < 4; k++) {
    struct sv_case *c = new_case("2026-11-15");
    c->applicant = g_strdup("María José Pérez Gómez");
    request(c, "temporary-resident");
    struct sv_deed *dd = add_deed(c, "escritura.pdf", owner[k],
                                  SV_VALUE_PRICE, 1450000000, agree[k]);
    if (k == 2) {
      struct sv_stated_value v = g_array_index(dd->values,
                                               struct sv_stated_value, 0);
      v.kind = SV_VALUE_CADASTRAL;
      v.figure.amount = 900000000;
      v.words_amount = v.figure.amount;
      g_array_append_val(dd->values, v);
    }
    sv_evaluate_case(r, c);
    const struct sv_test *t =
        find_test(c, "temporary-resident", SV_TEST_PROPERTY);
    print_reasons(t);
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
      cmocka_unit_test(test_evaluate_threshold_exactly_reached_meets),
      cmocka_unit_test(test_evaluate_one_centavo_below_not_met),
      cmocka_unit_test(test_evaluate_exact_sum_not_rounded_mean),
      cmocka_unit_test(test_evaluate_wage_change_2017),
      cmocka_unit_test(test_evaluate_window_6_vs_12),
      cmocka_unit_test(test_evaluate_missing_month_insufficient),
      cmocka_unit_test(test_evaluate_usd_latest_rate),
      cmocka_unit_test(test_evaluate_usd_without_rates_insufficient),
      cmocka_unit_test(test_evaluate_property_strictly_greater),
      cmocka_unit_test(test_evaluate_two_accounts_total),
      cmocka_unit_test(test_evaluate_mixed_currency_total),
      cmocka_unit_test(test_evaluate_duplicate_month_counted_once),
      cmocka_unit_test(test_evaluate_lowest_month_below_reason),
      cmocka_unit_test(test_evaluate_low_confidence_needs_review),
      cmocka_unit_test(test_evaluate_unreconciled_month_needs_review),
      cmocka_unit_test(test_evaluate_ocr_low_confidence_month),
      cmocka_unit_test(test_evaluate_income),
      cmocka_unit_test(test_evaluate_applicant),
      cmocka_unit_test(test_evaluate_statement_month_and_basis),
      cmocka_unit_test(test_evaluate_all_stays_best_overall),
      cmocka_unit_test(test_evaluate_other_holder_not_counted),
      cmocka_unit_test(test_evaluate_holder_name_forms),
      cmocka_unit_test(test_evaluate_income_letter_months),
      cmocka_unit_test(test_evaluate_income_period_and_gross),
      cmocka_unit_test(test_evaluate_deeds),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
