/*
 * case_fixture.c - see case_fixture.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "case_fixture.h"
#include "support.h"
#include "xmlsafe.h"

struct sv_rules *fx_rules(const char *id)
{
  struct sv_rules *r = NULL;
  char *err = NULL;
  if (sv_rules_load(FX_DATA_DIR, id, NULL, &r, &err) != SV_OK)
    fail_msg("sv_rules_load %s: %s", id, err);
  return r;
}

struct sv_rules *fx_rules_with_rates(const char *rates_xml)
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
  if (sv_rules_load(FX_DATA_DIR, "sre-2012", path, &r, &err) != SV_OK)
    fail_msg("sv_rules_load: %s", err);
  if (dir != NULL)
    sv_test_rmtree(dir);
  g_free(path);
  g_free(dir);
  return r;
}

struct sv_case *fx_new_case(const char *as_of)
{
  struct sv_case *c = sv_case_new("C-1", "/nonexistent/C-1", "C-1");
  assert_true(sv_xml_parse_date(as_of, &c->as_of));
  return c;
}

void fx_request(struct sv_case *c, const char *stay)
{
  g_ptr_array_add(c->requested, g_strdup(stay));
}

GDate fx_ymd(int y, int m, int d)
{
  GDate g;
  g_date_clear(&g, 1);
  g_date_set_dmy(&g, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
  return g;
}

/* Adds an OK bank-statement document with its statement; returns it so a
   test can adjust the figures.  Documents must be added in path order. */
struct sv_statement *fx_add_doc(struct sv_case *c, const char *relpath,
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
struct sv_statement *fx_add_month(struct sv_case *c, const char *account,
                                  const char *currency, int y, int m,
                                  sv_cents average)
{
  char *rel = g_strdup_printf("statements/%s/%04d-%02d.pdf",
                              account + strlen(account) - 4, y, m);
  struct sv_statement *st = fx_add_doc(c, rel, "ANA PEREZ", account, currency);
  g_free(rel);
  st->start = fx_ymd(y, m, 1);
  st->end = fx_ymd(y, m, g_date_get_days_in_month((GDateMonth)m, (GDateYear)y));
  sv_statement_set_month(st);
  st->average.present = true;
  st->average.amount = average;
  st->average.page = 1;
  st->average.conf = FX_CONF_TEXT;
  return st;
}

/* n consecutive months starting at (y, m), each with the same average. */
void fx_add_months(struct sv_case *c, const char *account, const char *currency,
                   int y, int m, int n, sv_cents average)
{
  for (int i = 0; i < n; i++) {
    fx_add_month(c, account, currency, y, m, average);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
}

const struct sv_test *fx_find_test(const struct sv_case *c, const char *stay,
                                   enum sv_test_basis basis)
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

enum sv_outcome fx_stay_outcome(const struct sv_case *c, const char *stay)
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
bool fx_has_reason(const struct sv_test *t, const char *a, const char *b)
{
  for (guint i = 0; i < t->reasons->len; i++) {
    const char *r = t->reasons->pdata[i];
    if (strstr(r, a) != NULL && (b == NULL || strstr(r, b) != NULL))
      return true;
  }
  return false;
}

void fx_print_reasons(const struct sv_test *t)
{
  for (guint i = 0; i < t->reasons->len; i++)
    print_message("    reason: %s\n", (const char *)t->reasons->pdata[i]);
}

const struct sv_month *fx_balance(const struct sv_case *c, guint i)
{
  assert_true(i < c->eval->balances->len);
  return &g_array_index(c->eval->balances, struct sv_month, i);
}

void fx_add_asset(struct sv_case *c, enum sv_asset_kind kind, sv_cents amount,
                  const char *currency)
{
  if (c->eval == NULL)
    c->eval = sv_evaluation_new();
  struct sv_asset a;
  memset(&a, 0, sizeof a);
  a.kind = kind;
  a.amount = amount;
  g_strlcpy(a.currency, currency, sizeof a.currency);
  a.source = g_strdup("deeds/escritura.pdf#3");
  a.conf = FX_CONF_TEXT;
  g_array_append_val(c->eval->assets, a);
}

/* Adds an OK document of `kind` at relpath (path order is the caller's). */
struct sv_doc *fx_add_kind(struct sv_case *c, const char *relpath,
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
struct sv_income_doc *fx_add_letter(struct sv_case *c, const char *rel,
                                    const char *person, bool net, int y, int m,
                                    int n, sv_cents monthly)
{
  struct sv_doc *d = fx_add_kind(c, rel, SV_KIND_INCOME_LETTER);
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
  inc->stated.conf = FX_CONF_TEXT;
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
struct sv_deed *fx_add_deed(struct sv_case *c, const char *rel,
                            const char *owner, enum sv_value_kind kind,
                            sv_cents amount, bool words_agree)
{
  struct sv_doc *d = fx_add_kind(c, rel, SV_KIND_DEED);
  struct sv_deed *dd = sv_deed_new();
  g_ptr_array_add(dd->owners, g_strdup(owner));
  struct sv_stated_value v;
  memset(&v, 0, sizeof v);
  v.kind = kind;
  v.figure.present = true;
  v.figure.amount = amount;
  v.figure.page = 2;
  v.figure.conf = FX_CONF_TEXT;
  g_strlcpy(v.currency, "MXN", sizeof v.currency);
  v.has_words = true;
  v.words_amount = words_agree ? amount : amount + 10000000;
  v.words_agree = words_agree;
  g_array_append_val(dd->values, v);
  d->deed = dd;
  return dd;
}
