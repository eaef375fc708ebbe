/*
 * evaluate.c - case stage: monthly balances, MXN amounts and verdicts.
 *
 * Runs on the collector thread once all of a case's documents are back
 * (see evaluate.h).  Steps, each a static function below:
 *   1. applicant: case.xml's name, else the most frequent statement holder;
 *   2. balances: one row per (calendar month, account) from the OK bank
 *      statements, a "total" row when a month has several accounts, all
 *      converted to MXN with the rate in force on the case's as-of date;
 *   3. income months and assets: kept from an earlier c->eval if one filled
 *      them (no extractor does yet), re-converted the same way;
 *   4. tests: for each stay evaluated, each test of the ruleset against the
 *      daily wage in force on as-of, with plain-words reasons;
 *   5. outcomes of the stays and the overall outcome;
 *   6. next steps: the INM procedure after each stay found met
 *      (rules/nextsteps.h);
 *   7. the US border-post question when case.xml asks it: the
 *      us-tcn-border answer (rules/ustcn.h), whatever the steps above gave.
 * Money is integer centavos throughout; comparisons are exact.  Output
 * depends only on the case (documents in path order, no hash tables, no
 * clock), so reports are reproducible.
 */
#include "evaluate.h"
#include "evidence/evidence.h"
#include "rules/nextsteps.h"
#include "rules/ustcn.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../pipeline/money.h"
#include "../pipeline/xmlsafe.h"

/* A figure read with less confidence than this cannot decide a test. */
#define SV_EVAL_MIN_CONF 60.0f

/* -------------------------------------------------------- formatting */

/* Writes a whole number as "20,000". */
static void fmt_int(int64_t v, char *buf, size_t len)
{
  char money[48];
  sv_cents_format_grouped(v * 100, money, sizeof money);
  char *dot = strchr(money, '.');
  if (dot != NULL)
    *dot = '\0';
  g_strlcpy(buf, money, len);
}

static void fmt_period(int year, int month, char *buf, size_t len)
{
  g_snprintf(buf, len, "%04d-%02d", year, month);
}

static void add_reason(struct sv_test *t, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

static void add_reason(struct sv_test *t, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  g_ptr_array_add(t->reasons, g_strdup_vprintf(fmt, ap));
  va_end(ap);
}

/* ------------------------------------------------------ integer math */

/* add_reason, unless the test already gives that very reason. */
static void add_reason_once(struct sv_test *t, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

static void add_reason_once(struct sv_test *t, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  char *r = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  for (guint i = 0; i < t->reasons->len; i++)
    if (strcmp(t->reasons->pdata[i], r) == 0) {
      g_free(r);
      return;
    }
  g_ptr_array_add(t->reasons, r);
}

static bool mul_ok(int64_t a, int64_t b, int64_t *out)
{
  if (a != 0 && b != 0) {
    if (a > 0 ? (b > 0 ? a > INT64_MAX / b : b < INT64_MIN / a)
              : (b > 0 ? a < INT64_MIN / b : b < INT64_MAX / a))
      return false;
  }
  *out = a * b;
  return true;
}

/* num / den (den > 0) rounded half away from zero. */
static int64_t div_round(int64_t num, int64_t den)
{
  int64_t q = num / den;
  int64_t r = num % den;
  if (r < 0)
    r = -r;
  if (r * 2 >= den)
    q += num < 0 ? -1 : 1;
  return q;
}

/* ------------------------------------------------------------- tests */

struct wage_ctx {
  bool ok;
  sv_cents daily;
  bool uma;             /* the index is the UMA, not the minimum wage */
  char as_of[16];
  const char *ruleset;  /* the ruleset applied */
  enum sv_policy policy;
};

/* What a windowed test reads, in words. */
struct window_words {
  const char *one;  /* "balance" */
  const char *many; /* "monthly balances" */
};

/* Returns borrowed: the row that stands for (year, month): the "total" row
   when there is one, else the single account row; NULL when none. */
static const struct sv_month *month_row(const GArray *months, int year,
                                        int month)
{
  const struct sv_month *found = NULL;
  for (guint i = 0; i < months->len; i++) {
    const struct sv_month *m = &g_array_index(months, struct sv_month, i);
    if (m->year != year || m->month != month)
      continue;
    if (sv_month_is_total(m))
      return m;
    if (found == NULL)
      found = m;
  }
  return found;
}

static bool passes(sv_cents actual, sv_cents required, bool strictly)
{
  return strictly ? actual > required : actual >= required;
}

static void required_words(const struct sv_test *t, const struct wage_ctx *w,
                           char *buf, size_t len)
{
  char req[48], days[32], daily[48];
  sv_cents_format_grouped(t->required_mxn, req, sizeof req);
  fmt_int(t->wage_days, days, sizeof days);
  sv_cents_format_grouped(w->daily, daily, sizeof daily);
  g_snprintf(buf, len, "%s MXN (%s days%s x %s MXN)", req, days,
             w->uma ? " of UMA" : "", daily);
}

/* Savings or income: the mean of the last N complete calendar months
   before as-of.  Missing months or rates -> insufficient-evidence; a
   low-confidence figure -> needs-review; else meets / not-met. */
static void eval_window(const struct sv_case *c, const struct wage_ctx *w,
                        const GArray *months, const struct window_words *words,
                        struct sv_test *t, bool strictly)
{
  int n = t->window_months;
  int base = (int)g_date_get_year(&c->as_of) * 12 +
             ((int)g_date_get_month(&c->as_of) - 1);
  const struct sv_month *rows[12] = {0};
  GString *missing = g_string_new(NULL);
  GPtrArray *no_rate = g_ptr_array_new_with_free_func(g_free);
  char first[16], last[16];
  fmt_period((base - n) / 12, (base - n) % 12 + 1, first, sizeof first);
  fmt_period((base - 1) / 12, (base - 1) % 12 + 1, last, sizeof last);

  t->months_found = 0;
  bool all_mxn = true;
  for (int k = 0; k < n; k++) {
    int idx = base - n + k;
    int y = idx / 12, m = idx % 12 + 1;
    rows[k] = month_row(months, y, m);
    char period[16];
    fmt_period(y, m, period, sizeof period);
    if (rows[k] == NULL) {
      g_string_append_printf(missing, "%s%s", missing->len ? ", " : "", period);
      continue;
    }
    t->months_found++;
    if (!rows[k]->has_mxn) {
      all_mxn = false;
      /* Name the currencies of the account rows behind the month. */
      for (guint i = 0; i < months->len; i++) {
        const struct sv_month *r = &g_array_index(months, struct sv_month, i);
        if (r->year != y || r->month != m || sv_month_is_total(r) || r->has_mxn)
          continue;
        char *why;
        if (r->currency[0] == '\0')
          why = g_strdup_printf("the currency of the %s %s (%s) could not "
                                "be read",
                                period, words->one, r->source);
        else
          why = g_strdup_printf("no exchange rate for %s on or before %s; "
                                "pass --rates",
                                r->currency, w->as_of);
        bool seen = false;
        for (guint q = 0; q < no_rate->len && !seen; q++)
          seen = strcmp(no_rate->pdata[q], why) == 0;
        if (seen)
          g_free(why);
        else
          g_ptr_array_add(no_rate, why);
      }
    }
  }

  /* The lowest month among those found in MXN: with months missing it
     still tells the reader how far the evidence is from the threshold. */
  {
    for (int k = 0; k < n; k++) {
      if (rows[k] == NULL || !rows[k]->has_mxn)
        continue;
      if (!t->has_lowest || rows[k]->amount_mxn < t->lowest_mxn) {
        t->has_lowest = true;
        t->lowest_year = rows[k]->year;
        t->lowest_month = rows[k]->month;
        t->lowest_mxn = rows[k]->amount_mxn;
      }
    }
  }

  if (missing->len > 0 || !all_mxn) {
    t->outcome = SV_OUTCOME_INSUFFICIENT;
    if (missing->len > 0)
      add_reason(t,
                 "no %s found for %s; the %d-month window %s to %s "
                 "needs every month (%d of %d found)",
                 words->one, missing->str, n, first, last, t->months_found, n);
    for (guint q = 0; q < no_rate->len; q++)
      add_reason(t, "%s", (const char *)no_rate->pdata[q]);
    goto out;
  }

  sv_cents sum = 0, required_sum = 0;
  bool ok = mul_ok(t->required_mxn, n, &required_sum);
  for (int k = 0; k < n && ok; k++)
    ok = sv_cents_add(&sum, rows[k]->amount_mxn);
  if (!ok) {
    t->outcome = SV_OUTCOME_NEEDS_REVIEW;
    add_reason(t, "the %s amounts are too large to add up exactly", words->one);
    goto out;
  }
  t->has_actual = true;
  t->actual_mxn = div_round(sum, n);
  t->has_mean = true;
  t->mean_mxn = t->actual_mxn;
  /* sum vs required x N: exact, no rounding of the mean. */
  bool mean_pass = passes(sum, required_sum, strictly);
  t->months_below = 0;
  for (int k = 0; k < n; k++)
    if (!passes(rows[k]->amount_mxn, t->required_mxn, strictly))
      t->months_below++;
  bool every = t->has_policy && t->policy == SV_POLICY_EVERY_MONTH;
  bool pass = every ? mean_pass && t->months_below == 0 : mean_pass;

  char mean[48], req[160];
  sv_cents_format_grouped(t->actual_mxn, mean, sizeof mean);
  required_words(t, w, req, sizeof req);
  const char *verb = strictly ? (pass ? "exceeds" : "does not exceed")
                              : (pass ? "reaches" : "is below");
  if (every)
    verb = strictly ? (mean_pass ? "exceeds" : "does not exceed")
                    : (mean_pass ? "reaches" : "is below");
  add_reason(t, "mean of the %d %s from %s to %s, %s MXN, %s the required %s",
             n, words->many, first, last, mean, verb, req);
  if (every && t->months_below > 0) {
    char low[48], period[16];
    sv_cents_format_grouped(t->lowest_mxn, low, sizeof low);
    fmt_period(t->lowest_year, t->lowest_month, period, sizeof period);
    add_reason(t,
               "policy every-month: %d month%s of the window %s below the "
               "required amount (the lowest, %s, is %s MXN), so the test "
               "is not met whatever the mean",
               t->months_below, t->months_below == 1 ? "" : "s",
               t->months_below == 1 ? "is" : "are", period, low);
  } else if (every) {
    add_reason(t, "policy every-month: every month of the window reaches "
                  "the required amount");
  }

  /* Figures read with low confidence, or contradicted by their own
     statement's arithmetic, decide nothing on their own, whatever the
     mean: the test needs a person. */
  bool doubtful = false;
  for (int k = 0; k < n; k++) {
    for (guint i = 0; i < months->len; i++) {
      const struct sv_month *r = &g_array_index(months, struct sv_month, i);
      if (r->year != rows[k]->year || r->month != rows[k]->month ||
          sv_month_is_total(r))
        continue;
      char period[16];
      fmt_period(r->year, r->month, period, sizeof period);
      if (r->unreconciled) {
        add_reason(t,
                   "the %s %s at %s could not be reconciled with the "
                   "statement's own arithmetic; a person must check that "
                   "page",
                   period, words->one, r->source);
        doubtful = true;
      }
      if (r->holder_doubt) {
        add_reason(t,
                   "the %s %s at %s is in a name that may not be the "
                   "applicant's; a person must check it",
                   period, words->one, r->source);
        doubtful = true;
      }
      if (r->currency_source == SV_CURRENCY_INFERRED) {
        add_reason(t,
                   "the currency of the %s %s at %s (%s) is only inferred "
                   "from a symbol; a person must confirm which currency it "
                   "is",
                   period, words->one, r->source, r->currency);
        doubtful = true;
      }
      if (r->conf >= SV_EVAL_MIN_CONF || r->confirmed)
        continue;
      add_reason(t,
                 "the %s %s at %s was read with confidence %.0f (below "
                 "%.0f); a person must check that page",
                 period, words->one, r->source, (double)r->conf,
                 (double)SV_EVAL_MIN_CONF);
      doubtful = true;
    }
  }
  if (doubtful) {
    t->outcome = SV_OUTCOME_NEEDS_REVIEW;
    goto out;
  }
  t->outcome = pass ? SV_OUTCOME_MEETS : SV_OUTCOME_NOT_MET;

  if (pass && !every) {
    /* Several consulates check each month, so say when one falls short. */
    GString *below = g_string_new(NULL);
    int nbelow = 0;
    for (int k = 0; k < n; k++) {
      if (passes(rows[k]->amount_mxn, t->required_mxn, strictly))
        continue;
      char period[16], amt[48];
      fmt_period(rows[k]->year, rows[k]->month, period, sizeof period);
      sv_cents_format_grouped(rows[k]->amount_mxn, amt, sizeof amt);
      g_string_append_printf(below, "%s%s (%s MXN)", nbelow ? ", " : "", period,
                             amt);
      nbelow++;
    }
    if (nbelow > 0) {
      char reqm[48];
      sv_cents_format_grouped(t->required_mxn, reqm, sizeof reqm);
      add_reason(t,
                 "the mean passes but %d month%s %s below the required "
                 "%s MXN: %s; consulates that check every month may refuse",
                 nbelow, nbelow == 1 ? "" : "s", nbelow == 1 ? "is" : "are",
                 reqm, below->str);
    }
    g_string_free(below, TRUE);
  }

out:
  g_string_free(missing, TRUE);
  g_ptr_array_free(no_rate, TRUE);
}

/* Property or investment: every value found (price, appraisal, cadastral,
   capital) against the threshold (strictly greater when the ruleset says
   "exceeds").  All pass: meets; none: not-met; some do and some do not:
   needs-review (which value a consulate takes is not settled).  A value
   whose words disagree with its digits, whose owner may not be the
   applicant, or read with low confidence keeps the test from a verdict:
   needs-review. */
static void eval_asset(const struct sv_evaluation *ev, const struct wage_ctx *w,
                       struct sv_test *t, bool strictly)
{
  enum sv_asset_kind kind =
      t->basis == SV_TEST_PROPERTY ? SV_ASSET_PROPERTY : SV_ASSET_INVESTMENT;
  const char *what = kind == SV_ASSET_PROPERTY ? "property" : "investment";
  const struct sv_asset *best = NULL;
  GPtrArray *no_rate = g_ptr_array_new_with_free_func(g_free);
  size_t count = 0, npass = 0, nfail = 0;
  bool doubt = false;
  char req[160];
  required_words(t, w, req, sizeof req);
  for (guint i = 0; i < ev->assets->len; i++) {
    const struct sv_asset *a = &g_array_index(ev->assets, struct sv_asset, i);
    if (a->kind != kind)
      continue;
    count++;
    const char *vk = sv_value_kind_str(a->value);
    if (a->has_words && !a->words_agree) {
      add_reason(t,
                 "the %s value at %s is written in words that do not "
                 "match its digits; a person must check the deed",
                 vk, a->source);
      doubt = true;
    }
    if (a->owner_doubt) {
      add_reason_once(t, "the owner named at %s may not be the applicant",
                      a->source);
      doubt = true;
    }
    if (a->conf < SV_EVAL_MIN_CONF) {
      add_reason(t,
                 "the %s value at %s was read with confidence %.0f "
                 "(below %.0f)",
                 vk, a->source, (double)a->conf, (double)SV_EVAL_MIN_CONF);
      doubt = true;
    }
    if (!a->has_mxn) {
      char *why = a->currency[0] == '\0'
                      ? g_strdup_printf("the currency of the %s value at %s "
                                        "could not be read",
                                        what, a->source)
                      : g_strdup_printf("no exchange rate for %s on or before "
                                        "%s; pass --rates",
                                        a->currency, w->as_of);
      g_ptr_array_add(no_rate, why);
      continue;
    }
    char amt[48];
    sv_cents_format_grouped(a->amount_mxn, amt, sizeof amt);
    bool pass = passes(a->amount_mxn, t->required_mxn, strictly);
    const char *verb = strictly ? (pass ? "exceeds" : "does not exceed")
                                : (pass ? "reaches" : "is below");
    add_reason(t, "the %s %s value %s MXN (%s) %s the required %s", what, vk,
               amt, a->source, verb, req);
    if (pass)
      npass++;
    else
      nfail++;
    if (best == NULL || a->amount_mxn > best->amount_mxn)
      best = a;
  }
  if (count == 0) {
    t->outcome = SV_OUTCOME_INSUFFICIENT;
    if (kind == SV_ASSET_PROPERTY)
      add_reason(t, "no deed of a property in Mexico was found");
    else
      add_reason(t, "no deed or certificate of an investment in a Mexican "
                    "company was found");
    goto out;
  }
  if (best != NULL) {
    t->has_actual = true;
    t->actual_mxn = best->amount_mxn;
  }
  for (guint q = 0; q < no_rate->len; q++)
    add_reason(t, "%s", (const char *)no_rate->pdata[q]);
  if (doubt) {
    t->outcome = SV_OUTCOME_NEEDS_REVIEW;
  } else if (npass > 0 && nfail > 0) {
    t->outcome = SV_OUTCOME_NEEDS_REVIEW;
    add_reason(t,
               "the %s values lead to different outcomes; which one the "
               "consulate takes must be decided by a person",
               what);
  } else if (npass > 0) {
    t->outcome = no_rate->len > 0 ? SV_OUTCOME_NEEDS_REVIEW : SV_OUTCOME_MEETS;
  } else {
    /* Not passing on what could be converted: unconverted values might. */
    t->outcome =
        no_rate->len > 0 ? SV_OUTCOME_INSUFFICIENT : SV_OUTCOME_NOT_MET;
  }

out:
  g_ptr_array_free(no_rate, TRUE);
}

/* Whether an income document of c states employment since a date at
   least one year before as-of; *since set to the earliest such date
   stated (invalid when none is). */
static bool employed_a_year(const struct sv_case *c, GDate *since)
{
  g_date_clear(since, 1);
  for (size_t i = 0; i < c->ndocs; i++) {
    const struct sv_doc *d = c->docs[i];
    if (d->status != SV_DOC_OK || d->income == NULL ||
        !g_date_valid(&d->income->employed_since))
      continue;
    if (!g_date_valid(since) ||
        g_date_compare(&d->income->employed_since, since) < 0)
      *since = d->income->employed_since;
  }
  if (!g_date_valid(since))
    return false;
  GDate year_before = c->as_of;
  g_date_subtract_years(&year_before, 1);
  return g_date_compare(since, &year_before) <= 0;
}

/* What a verdict of meets further rests on: dependents the ruleset gives
   no figure for, a condition beside the figure (a year's employment), a
   figure resting on one source.  Each is said; the first two keep the
   test from meets. */
static void check_conditions(const struct sv_case *c,
                             const struct wage_ctx *w,
                             const struct sv_rule_test *rt, struct sv_test *t)
{
  bool windowed =
      rt->basis == SV_TEST_SAVINGS || rt->basis == SV_TEST_INCOME;
  if (windowed && c->dependents > 0 && rt->per_dependent_days == 0) {
    add_reason(t,
               "the case declares %d economic dependent%s but %s gives no "
               "figure per dependent; a person must decide what they add",
               c->dependents, c->dependents == 1 ? "" : "s", w->ruleset);
    if (t->outcome == SV_OUTCOME_MEETS)
      t->outcome = SV_OUTCOME_NEEDS_REVIEW;
  }
  if (rt->needs_employment_year) {
    GDate since;
    char d[16] = "";
    bool ok = employed_a_year(c, &since);
    if (g_date_valid(&since))
      sv_xml_format_date(&since, d, sizeof d);
    if (ok) {
      add_reason(t, "employed since %s: at least one year of stable "
                    "employment before %s",
                 d, w->as_of);
    } else {
      if (d[0] != '\0')
        add_reason(t, "employed since %s: less than the year of stable "
                      "employment the ruleset asks for",
                   d);
      else
        add_reason(t, "%s also asks for a certificate of at least one "
                      "year's stable employment, and no document read "
                      "states since when the applicant is employed",
                   w->ruleset);
      if (t->outcome == SV_OUTCOME_MEETS)
        t->outcome = SV_OUTCOME_NEEDS_REVIEW;
    }
  }
  if (rt->confidence != NULL && strcmp(rt->confidence, "confirmed") != 0)
    add_reason(t, "the figure of %s for this test is %s (%s)", w->ruleset,
               rt->confidence, rt->source != NULL ? rt->source : "no source");
}

static void eval_test(const struct sv_case *c, struct sv_evaluation *ev,
                      const struct wage_ctx *w, const char *stay_id,
                      const struct sv_rule_test *rt,
                      const struct sv_evidence_notes *nt)
{
  static const struct window_words savings_words = {"balance",
                                                    "monthly balances"};
  static const struct window_words income_words = {"net income",
                                                   "monthly net incomes"};
  struct sv_test t;
  memset(&t, 0, sizeof t);
  t.stay = g_strdup(stay_id);
  t.basis = rt->basis;
  t.window_months = rt->window_months;
  t.wage_days = rt->wage_days;
  t.reasons = g_ptr_array_new_with_free_func(g_free);
  t.outcome = SV_OUTCOME_INSUFFICIENT;
  if (rt->basis == SV_TEST_SAVINGS) {
    t.has_policy = true;
    t.policy = w->policy;
  }

  if (rt->not_applicable != NULL) {
    t.outcome = SV_OUTCOME_NOT_APPLICABLE;
    t.has_policy = false;
    add_reason(&t, "not applicable under %s: %s", w->ruleset,
               rt->not_applicable);
    g_array_append_val(ev->tests, t);
    return;
  }
  bool windowed =
      rt->basis == SV_TEST_SAVINGS || rt->basis == SV_TEST_INCOME;
  if (windowed && c->dependents > 0 && rt->per_dependent_days > 0) {
    t.wage_days = rt->wage_days + c->dependents * rt->per_dependent_days;
    add_reason(&t, "%d days for the applicant plus %d for each of %d "
                   "economic dependent%s",
               rt->wage_days, rt->per_dependent_days, c->dependents,
               c->dependents == 1 ? "" : "s");
  }

  if (!w->ok) {
    add_reason(&t, "no daily %s on file for %s",
               w->uma ? "UMA value" : "minimum wage", w->as_of);
  } else if (!mul_ok(t.wage_days, w->daily, &t.required_mxn)) {
    add_reason(&t, "the required amount is too large to compute");
  } else if (rt->basis == SV_TEST_SAVINGS || rt->basis == SV_TEST_INCOME) {
    bool savings = rt->basis == SV_TEST_SAVINGS;
    const GArray *months = savings ? ev->balances : ev->income;
    if (!savings && months->len == 0 && !nt->income_review)
      add_reason(&t, "no income evidence (employer or pension letter) was "
                     "found");
    else if (!savings && months->len == 0)
      add_reason(&t, "no letter proves a net monthly income for the window");
    else if (t.window_months < 1 || t.window_months > 12)
      add_reason(&t, "the ruleset gives no window for this test");
    else
      eval_window(c, w, months, savings ? &savings_words : &income_words, &t,
                  rt->strictly_greater);
  } else {
    eval_asset(ev, w, &t, rt->strictly_greater);
  }

  /* An income letter that cannot be trusted as net income keeps the test
     from any verdict but meets (which other letters may still prove). */
  if (rt->basis == SV_TEST_INCOME && nt->income_review &&
      t.outcome != SV_OUTCOME_MEETS)
    t.outcome = SV_OUTCOME_NEEDS_REVIEW;
  check_conditions(c, w, rt, &t);
  GPtrArray *notes = rt->basis == SV_TEST_SAVINGS  ? nt->savings
                     : rt->basis == SV_TEST_INCOME ? nt->income
                                                   : nt->assets;
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    add_reason(&t, "%s", (const char *)notes->pdata[i]);
  if (rt->note != NULL)
    add_reason(&t, "%s", rt->note);
  g_array_append_val(ev->tests, t);
}

/* A stay meets when any of its tests meets; else needs-review if any test
   does; else not-met if any test is not met; else insufficient-evidence;
   not-applicable tests do not count, and a stay with no other is
   not-applicable. */
static enum sv_outcome stay_outcome(const struct sv_evaluation *ev,
                                    guint first_test)
{
  bool review = false, not_met = false, applicable = false;
  for (guint i = first_test; i < ev->tests->len; i++) {
    enum sv_outcome o = g_array_index(ev->tests, struct sv_test, i).outcome;
    if (o == SV_OUTCOME_NOT_APPLICABLE)
      continue;
    applicable = true;
    if (o == SV_OUTCOME_MEETS)
      return SV_OUTCOME_MEETS;
    review = review || o == SV_OUTCOME_NEEDS_REVIEW;
    not_met = not_met || o == SV_OUTCOME_NOT_MET;
  }
  if (!applicable)
    return SV_OUTCOME_NOT_APPLICABLE;
  if (review)
    return SV_OUTCOME_NEEDS_REVIEW;
  return not_met ? SV_OUTCOME_NOT_MET : SV_OUTCOME_INSUFFICIENT;
}

static void eval_stay(const struct sv_case *c, struct sv_evaluation *ev,
                      const struct wage_ctx *w, const struct sv_rule_stay *rs,
                      const struct sv_evidence_notes *nt)
{
  guint first = ev->tests->len;
  for (size_t i = 0; i < rs->ntests; i++)
    eval_test(c, ev, w, rs->id, &rs->tests[i], nt);
  struct sv_stay s;
  s.id = g_strdup(rs->id);
  s.outcome = stay_outcome(ev, first);
  g_array_append_val(ev->stays, s);
}

/* ------------------------------------------------------------ public */

void sv_evaluate_case(const struct sv_rules *rules, struct sv_case *c)
{
  sv_evaluate_case_policy(rules, SV_POLICY_MEAN, c);
}

void sv_evaluate_case_policy(const struct sv_rules *all,
                             enum sv_policy policy, struct sv_case *c)
{
  if (c == NULL)
    return;
  const struct sv_rules *rules = NULL;
  char *why = NULL;
  struct sv_evaluation *old = c->eval;
  struct sv_evaluation *ev = sv_evaluation_new();
  struct sv_evidence_notes nt;
  sv_evidence_notes_init(&nt);
  struct wage_ctx w;
  memset(&w, 0, sizeof w);
  c->eval = NULL;

  sv_evidence_pick_applicant(c, ev);
  sv_xml_format_date(&c->as_of, w.as_of, sizeof w.as_of);
  if (all == NULL || !g_date_valid(&c->as_of)) {
    sv_case_problem(c, SV_INVALID, "evaluate",
                    all == NULL ? "no ruleset was loaded"
                                : "the case has no valid as-of date");
    ev->overall = SV_OUTCOME_INSUFFICIENT;
    goto out;
  }
  rules = sv_rules_for(all, &c->as_of, &why);
  if (rules == NULL) {
    sv_case_problem(c, SV_NOTFOUND, "evaluate",
                    "no ruleset is in force on the as-of date %s", w.as_of);
    ev->overall = SV_OUTCOME_INSUFFICIENT;
    goto out;
  }
  ev->ruleset_id = g_strdup(sv_rules_id(rules));
  ev->ruleset_source = g_strdup(sv_rules_source(rules));
  ev->ruleset_why = why;
  why = NULL;
  w.ruleset = ev->ruleset_id;
  w.policy = policy;

  sv_evidence_gather(rules, c, old, ev, &nt);

  struct sv_index_value iv;
  w.ok = sv_rules_index_value(rules, &c->as_of, &iv);
  w.daily = w.ok ? iv.daily : 0;
  w.uma = w.ok && strcmp(iv.index, "uma") == 0;
  ev->wage_daily = w.daily;
  ev->wage_effective = iv.effective;
  ev->wage_zone = g_strdup(w.ok && iv.zone != NULL ? iv.zone : "");
  ev->wage_index = g_strdup(w.ok ? iv.index : "");
  ev->wage_source = g_strdup(w.ok ? iv.source : NULL);

  /* Stays: the requested ones in request order (a repeat counts once),
     else every stay of the ruleset in ruleset order. */
  if (c->requested->len > 0) {
    for (guint i = 0; i < c->requested->len; i++) {
      const char *id = c->requested->pdata[i];
      bool repeat = false;
      for (guint k = 0; k < i && !repeat; k++)
        repeat = strcmp(c->requested->pdata[k], id) == 0;
      if (repeat)
        continue;
      const struct sv_rule_stay *rs = sv_rules_find_stay(rules, id);
      if (rs == NULL) {
        sv_case_problem(c, SV_NOTFOUND, "evaluate",
                        "ruleset %s has no characteristic of stay \"%s\"",
                        sv_rules_id(rules), id);
        continue;
      }
      eval_stay(c, ev, &w, rs, &nt);
    }
  } else {
    size_t n = 0;
    const struct sv_rule_stay *stays = sv_rules_stays(rules, &n);
    for (size_t i = 0; i < n; i++)
      eval_stay(c, ev, &w, &stays[i], &nt);
  }

  /* Overall outcome.  Ordering meets < needs-review < insufficient-evidence
     < not-met (the enum's order); not-applicable stays are left out.  With requested stays: the worst of them,
     since the applicant needs every stay asked for.  Without requests: the
     best over all stays, i.e. whether the evidence qualifies for any. */
  /* A case.xml that was there but could not be read may have named
     another applicant or other stays: nothing it decides is a pass. */
  if (c->manifest_unreadable) {
    for (guint i = 0; i < ev->tests->len; i++) {
      struct sv_test *t = &g_array_index(ev->tests, struct sv_test, i);
      if (t->outcome != SV_OUTCOME_MEETS)
        continue;
      t->outcome = SV_OUTCOME_NEEDS_REVIEW;
      add_reason(t, "the case's case.xml could not be read (see the case's "
                    "problems): the applicant and the stays requested are "
                    "unknown; a person must check");
    }
    for (guint i = 0; i < ev->stays->len; i++) {
      struct sv_stay *st = &g_array_index(ev->stays, struct sv_stay, i);
      if (st->outcome == SV_OUTCOME_MEETS)
        st->outcome = SV_OUTCOME_NEEDS_REVIEW;
    }
  }

  bool requested = c->requested->len > 0;
  bool any = false, none_applies = ev->stays->len > 0;
  ev->overall = SV_OUTCOME_INSUFFICIENT;
  for (guint i = 0; i < ev->stays->len; i++) {
    enum sv_outcome o = g_array_index(ev->stays, struct sv_stay, i).outcome;
    if (o == SV_OUTCOME_NOT_APPLICABLE)
      continue; /* never counts, unless nothing else does */
    none_applies = false;
    if (!any || (requested ? o > ev->overall : o < ev->overall))
      ev->overall = o;
    any = true;
  }
  if (none_applies)
    ev->overall = SV_OUTCOME_NOT_APPLICABLE;

  /* What follows at INM for each stay found met (after the checks above,
     which may have taken a stay from meets). */
  sv_nextsteps_fill(sv_rules_nextsteps(all), ev);

out:
  /* The US border-post question, when case.xml asks it (rules/ustcn.h):
     it needs no ruleset figure, so it is answered whatever happened
     above; without an as-of date no status can be shown. */
  sv_ustcn_fill(sv_rules_ustcn(all), c, ev);
  g_free(why);
  c->eval = ev;
  sv_evaluation_free(&old);
  sv_evidence_notes_clear(&nt);
}

static sv_status evaluate_process(void *ctx, const struct sv_config *cfg,
                                  const struct sv_services *svc,
                                  struct sv_case *c, struct sv_doc *doc)
{
  (void)svc;
  (void)ctx;
  (void)doc;
  if (c == NULL || c->failed)
    return SV_OK;
  sv_evaluate_case_policy(cfg != NULL ? cfg->rules : NULL,
                          cfg != NULL ? cfg->policy : SV_POLICY_MEAN, c);
  return SV_OK;
}

const struct sv_stage sv_evaluate_stage = {
    .name = "evaluate",
    .scope = SV_SCOPE_CASE,
    .run_on_failed = false,
    .init = NULL,
    .process = evaluate_process,
    .fini = NULL,
};
