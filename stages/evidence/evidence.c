/*
 * evidence.c - what a case's documents prove, month by month: the
 * applicant, balances, income months and assets the evaluate stage's
 * tests read (evidence.h).
 *
 * Steps, each a static function below:
 *   1. applicant: case.xml's name, else the most frequent statement holder;
 *   2. balances: one row per (calendar month, account) from the OK bank
 *      statements, a "total" row when a month has several accounts, all
 *      converted to MXN with the rate in force on the case's as-of date;
 *      a statement in another person's name does not count;
 *   3. income months from the letters and pay tables (net only), and
 *      assets from the deeds, with any an earlier stage left, converted
 *      the same way.
 * Money is integer centavos throughout; output depends only on the case
 * (documents in path order, no hash tables, no clock).
 */
#include "evidence.h"
#include "../text/names.h"

#include <stdlib.h>
#include <string.h>

#include "../../pipeline/money.h"

/* --------------------------------------------------------- applicant */

static int str_ptr_cmp(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* case.xml's name, else the most frequent holder of the OK statements
   (ties: alphabetically first), else "" with a case problem. */
void sv_evidence_pick_applicant(struct sv_case *c, struct sv_evaluation *ev)
{
  if (c->applicant != NULL && c->applicant[0] != '\0') {
    ev->applicant = g_strdup(c->applicant);
    ev->applicant_from_manifest = true;
    return;
  }
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  for (size_t i = 0; i < c->ndocs; i++) {
    const struct sv_doc *d = c->docs[i];
    if (d->status != SV_DOC_OK || d->kind != SV_KIND_BANK_STATEMENT)
      continue;
    for (guint s = 0; s < d->statements->len; s++) {
      const struct sv_statement *st = g_ptr_array_index(d->statements, s);
      if (st->holder == NULL)
        continue;
      char *h = g_strstrip(g_strdup(st->holder));
      if (h[0] == '\0') {
        g_free(h);
        continue;
      }
      g_ptr_array_add(names, h);
    }
  }
  if (names->len > 1)
    qsort(names->pdata, names->len, sizeof(gpointer), str_ptr_cmp);
  const char *best = NULL;
  size_t best_n = 0;
  for (size_t i = 0; i < names->len;) {
    size_t j = i;
    while (j < names->len && strcmp(names->pdata[j], names->pdata[i]) == 0)
      j++;
    if (j - i > best_n) { /* strictly more: ties keep the earlier name */
      best_n = j - i;
      best = names->pdata[i];
    }
    i = j;
  }
  ev->applicant_from_manifest = false;
  ev->applicant = g_strdup(best != NULL ? best : "");
  if (best == NULL)
    sv_case_problem(c, SV_NOTFOUND, "evaluate",
                    "no applicant name: case.xml gives none and no bank "
                    "statement shows an account holder");
  g_ptr_array_free(names, TRUE);
}

/* ------------------------------------------------------------ months */

bool sv_month_is_total(const struct sv_month *m)
{
  return m->account != NULL && strcmp(m->account, "total") == 0;
}

/* (year, month), then accounts by name, the "total" row last. */
static int month_cmp(const void *a, const void *b)
{
  const struct sv_month *x = a, *y = b;
  if (x->year != y->year)
    return x->year < y->year ? -1 : 1;
  if (x->month != y->month)
    return x->month < y->month ? -1 : 1;
  bool tx = sv_month_is_total(x), ty = sv_month_is_total(y);
  if (tx != ty)
    return tx ? 1 : -1;
  return strcmp(x->account, y->account);
}

/* Sets has_mxn/amount_mxn from the rate in force on as_of. */
static void convert_mxn(const struct sv_rules *rules, const GDate *as_of,
                        const char *currency, sv_cents amount, bool *has_mxn,
                        sv_cents *amount_mxn)
{
  int64_t rate = 0;
  *has_mxn = false;
  *amount_mxn = 0;
  if (currency[0] == '\0' ||
      !sv_rules_rate(rules, currency, as_of, &rate, NULL))
    return;
  *has_mxn = sv_cents_mul_rate(amount, rate, 4, amount_mxn);
}

static void month_clear_fields(struct sv_month *m)
{
  g_free(m->account);
  g_free(m->source);
  m->account = NULL;
  m->source = NULL;
}

/* The "total" row of rows[0..n) (n >= 2, all of one month). */
static struct sv_month month_total(const struct sv_month *rows, size_t n)
{
  struct sv_month t;
  memset(&t, 0, sizeof t);
  t.year = rows[0].year;
  t.month = rows[0].month;
  t.account = g_strdup("total");
  t.basis = SV_BASIS_AVERAGE_DAILY;
  t.conf = 100.0f;
  bool same_cur = true, all_mxn = true, ok = true;
  sv_cents sum = 0, sum_mxn = 0;
  GString *src = g_string_new(NULL);
  for (size_t i = 0; i < n; i++) {
    const struct sv_month *r = &rows[i];
    if (strcmp(r->currency, rows[0].currency) != 0)
      same_cur = false;
    if (r->has_mxn)
      ok = sv_cents_add(&sum_mxn, r->amount_mxn) && ok;
    else
      all_mxn = false;
    ok = sv_cents_add(&sum, r->amount) && ok;
    if (r->basis == SV_BASIS_CLOSING)
      t.basis = SV_BASIS_CLOSING;
    t.conf = MIN(t.conf, r->conf);
    t.ocr = t.ocr || r->ocr;
    t.unreconciled = t.unreconciled || r->unreconciled;
    t.confirmed = i == 0 ? r->confirmed : t.confirmed && r->confirmed;
    t.computed = t.computed || r->computed;
    t.holder_doubt = t.holder_doubt || r->holder_doubt;
    if (r->currency_source > t.currency_source)
      t.currency_source = r->currency_source; /* the weakest source */
    if (i > 0)
      g_string_append(src, " + ");
    g_string_append(src, r->source != NULL ? r->source : "");
  }
  if (same_cur) {
    g_strlcpy(t.currency, rows[0].currency, sizeof t.currency);
    t.amount = sum;
  } else {
    /* Mixed currencies: the total is stated in MXN. */
    g_strlcpy(t.currency, "MXN", sizeof t.currency);
    t.amount = sum_mxn;
  }
  t.has_mxn = all_mxn && ok;
  t.amount_mxn = t.has_mxn ? sum_mxn : 0;
  t.source = g_string_free(src, FALSE);
  return t;
}

/* Moves the rows of `in` (document order; ownership of their strings moves
   too) into `out`: a repeated (month, account) is kept once (the first) and
   noted, each row gets its MXN amount, a month with 2+ accounts gets a
   "total" row, and `out` ends sorted by month_cmp. */
static void finish_months(const struct sv_rules *rules, const GDate *as_of,
                          GArray *in, GArray *out, GPtrArray *notes,
                          const char *what)
{
  for (guint i = 0; i < in->len; i++) {
    struct sv_month *m = &g_array_index(in, struct sv_month, i);
    const struct sv_month *dup = NULL;
    for (guint k = 0; k < out->len && dup == NULL; k++) {
      const struct sv_month *o = &g_array_index(out, struct sv_month, k);
      if (o->year == m->year && o->month == m->month &&
          strcmp(o->account, m->account) == 0)
        dup = o;
    }
    if (dup != NULL) {
      char period[16];
      g_snprintf(period, sizeof period, "%04d-%02d", m->year, m->month);
      g_ptr_array_add(notes,
                      g_strdup_printf("%s repeats the %s %s of account %s "
                                      "already read from %s; counted once",
                                      m->source, period, what, m->account,
                                      dup->source));
      month_clear_fields(m);
      continue;
    }
    convert_mxn(rules, as_of, m->currency, m->amount, &m->has_mxn,
                &m->amount_mxn);
    g_array_append_val(out, *m);
    memset(m, 0, sizeof *m); /* ownership moved */
  }
  g_array_sort(out, month_cmp);
  guint n = out->len;
  for (guint i = 0; i < n;) {
    guint j = i;
    const struct sv_month *a = &g_array_index(out, struct sv_month, i);
    while (j < n) {
      const struct sv_month *b = &g_array_index(out, struct sv_month, j);
      if (b->year != a->year || b->month != a->month)
        break;
      j++;
    }
    if (j - i >= 2) {
      struct sv_month t =
          month_total(&g_array_index(out, struct sv_month, i), j - i);
      g_array_append_val(out, t);
    }
    i = j;
  }
  g_array_sort(out, month_cmp);
}

/* ------------------------------------------------------- whose money */

enum holder_check { HOLDER_OK = 0, HOLDER_DOUBT, HOLDER_OTHER };

/* Is the name printed on a document the applicant's?  A different person's
   document does not count; an uncertain match or a missing name counts
   but makes the test it decides needs-review.  `role` is "account holder",
   "owner" or "person named"; notes get the reason. */
static enum holder_check check_holder(const struct sv_evaluation *ev,
                                      const char *printed, const char *relpath,
                                      const char *role, GPtrArray *notes)
{
  if (ev->applicant == NULL || ev->applicant[0] == '\0')
    return HOLDER_OK; /* nobody to compare with: a case problem says so */
  if (printed == NULL || printed[0] == '\0') {
    g_ptr_array_add(notes, g_strdup_printf("%s shows no %s name, so it cannot "
                                           "be matched to the applicant %s",
                                           relpath, role, ev->applicant));
    return HOLDER_DOUBT;
  }
  switch (sv_names_match(ev->applicant, printed, NULL)) {
  case SV_NAME_MATCH:
    return HOLDER_OK;
  case SV_NAME_UNCERTAIN:
    g_ptr_array_add(notes,
                    g_strdup_printf("the %s on %s, \"%s\", may not "
                                    "be the applicant %s",
                                    role, relpath, printed, ev->applicant));
    return HOLDER_DOUBT;
  case SV_NAME_DIFFERENT:
    break;
  }
  g_ptr_array_add(notes, g_strdup_printf("%s is in the name of \"%s\", not "
                                         "the applicant %s; it does not count",
                                         relpath, printed, ev->applicant));
  return HOLDER_OTHER;
}

/* One row per statement of an OK bank statement with a period, a
   currency and a balance figure, in the applicant's name.  The month is
   the statement's own (model.h: the month of its cut-off date). */
static void build_balances(const struct sv_rules *rules,
                           const struct sv_case *c, struct sv_evaluation *ev,
                           GPtrArray *notes)
{
  GArray *rows = g_array_new(FALSE, TRUE, sizeof(struct sv_month));
  for (size_t i = 0; i < c->ndocs; i++) {
    const struct sv_doc *d = c->docs[i];
    if (d->status != SV_DOC_OK || d->kind != SV_KIND_BANK_STATEMENT)
      continue;
    if (d->statements->len == 0)
      g_ptr_array_add(notes, g_strdup_printf("document %s: no statement "
                                             "period/balance could be read",
                                             d->relpath));
    for (guint s = 0; s < d->statements->len; s++) {
      const struct sv_statement *st = g_ptr_array_index(d->statements, s);
      enum sv_basis basis = SV_BASIS_AVERAGE_DAILY;
      const struct sv_figure *fig = sv_statement_month_figure(st, &basis);
      if (fig == NULL || st->month == 0) {
        if (d->statements->len > 1)
          g_ptr_array_add(notes,
                          g_strdup_printf("document %s (pages %d-%d): no "
                                          "statement period/balance could be "
                                          "read",
                                          d->relpath, st->first_page,
                                          st->last_page));
        else
          g_ptr_array_add(notes, g_strdup_printf("document %s: no statement "
                                                 "period/balance could be read",
                                                 d->relpath));
        continue;
      }
      if (st->currency[0] == '\0') {
        g_ptr_array_add(
            notes, g_strdup_printf("document %s#%d: the currency of the "
                                   "statement could not be read; it does not "
                                   "count",
                                   d->relpath, fig->page));
        continue;
      }
      enum holder_check hc =
          check_holder(ev, st->holder, d->relpath, "account holder", notes);
      if (hc == HOLDER_OTHER)
        continue;
      struct sv_month m;
      memset(&m, 0, sizeof m);
      m.year = st->year;
      m.month = st->month;
      m.holder_doubt = hc == HOLDER_DOUBT;
      m.computed = basis == SV_BASIS_AVERAGE_DAILY && st->average_computed;
      m.account = g_strdup(st->account != NULL ? st->account : "unknown");
      m.amount = fig->amount;
      g_strlcpy(m.currency, st->currency, sizeof m.currency);
      m.currency_source = st->currency_source;
      m.basis = basis;
      m.source = g_strdup_printf("%s#%d", d->relpath, fig->page);
      m.conf = fig->conf;
      m.page = fig->page;
      m.box = fig->box;
      m.ocr = d->text == SV_TEXT_OCR;
      m.unreconciled = fig->unreconciled;
      m.confirmed = fig->confirmed;
      g_array_append_val(rows, m);
    }
  }
  finish_months(rules, &c->as_of, rows, ev->balances, notes, "balance");
  g_array_free(rows, TRUE);
}

/* The first day of (year, month) + k months. */
static void month_add(int *year, int *month, int k)
{
  int idx = *year * 12 + (*month - 1) + k;
  *year = idx / 12;
  *month = idx % 12 + 1;
}

static void income_row(GArray *rows, const struct sv_doc *d,
                       const struct sv_income_doc *inc, int year, int month,
                       sv_cents monthly, const struct sv_figure *fig,
                       bool doubt)
{
  struct sv_month m;
  memset(&m, 0, sizeof m);
  m.year = year;
  m.month = month;
  m.account = g_strdup(
      inc->payer != NULL && inc->payer[0] != '\0' ? inc->payer : d->relpath);
  m.amount = monthly;
  g_strlcpy(m.currency, inc->currency, sizeof m.currency);
  m.basis = SV_BASIS_AVERAGE_DAILY; /* unused for income */
  m.source =
      g_strdup_printf("%s#%d", d->relpath, fig->page > 0 ? fig->page : 1);
  m.conf = fig->present ? fig->conf : 100.0f;
  if (fig->present) {
    m.page = fig->page;
    m.box = fig->box;
  }
  m.ocr = d->text == SV_TEXT_OCR;
  m.unreconciled = fig->unreconciled;
  m.holder_doubt = doubt;
  m.currency_source = inc->currency_source;
  g_array_append_val(rows, m);
}

/* Monthly net income from employer and pension letters in the applicant's
   name: the months a letter lists, or its stated monthly amount for each
   month of the period it states (a period without an end runs to the month
   before as-of: the letter speaks of current income).  A letter that
   states only gross income, or does not say net or gross, proves no net
   income: *review is set so the income test cannot say meets on it. */
static void build_income(const struct sv_case *c, struct sv_evaluation *ev,
                         GArray *rows, GPtrArray *notes, bool *review)
{
  for (size_t i = 0; i < c->ndocs; i++) {
    const struct sv_doc *d = c->docs[i];
    const struct sv_income_doc *inc = d->income;
    if (d->status != SV_DOC_OK || d->kind != SV_KIND_INCOME_LETTER ||
        inc == NULL)
      continue;
    enum holder_check hc =
        check_holder(ev, inc->person, d->relpath, "person named", notes);
    if (hc == HOLDER_OTHER)
      continue;
    if (inc->doubt != NULL) {
      g_ptr_array_add(notes, g_strdup_printf("%s: %s", d->relpath, inc->doubt));
      *review = true;
      continue;
    }
    if (!inc->net) {
      g_ptr_array_add(notes,
                      g_strdup_printf(inc->gross_only
                                          ? "%s states only gross income; "
                                            "the rule asks for income free "
                                            "of tax (net)"
                                          : "%s does not say whether its "
                                            "amount is net of tax",
                                      d->relpath));
      *review = true;
      continue;
    }
    bool doubt = hc == HOLDER_DOUBT;
    if (inc->months->len > 0) {
      for (guint k = 0; k < inc->months->len; k++) {
        const struct sv_income_month *im =
            &g_array_index(inc->months, struct sv_income_month, k);
        income_row(rows, d, inc, im->year, im->month, im->monthly, &im->figure,
                   doubt);
      }
      continue;
    }
    if (inc->monthly <= 0 || !g_date_valid(&inc->start)) {
      g_ptr_array_add(
          notes, g_strdup_printf(
                     "%s states %s but not for which months", d->relpath,
                     inc->monthly > 0 ? "a monthly net income" : "no amount"));
      *review = true;
      continue;
    }
    int y = g_date_get_year(&inc->start), m = g_date_get_month(&inc->start);
    int ey, em;
    if (g_date_valid(&inc->end)) {
      ey = g_date_get_year(&inc->end);
      em = g_date_get_month(&inc->end);
    } else {
      ey = g_date_get_year(&c->as_of);
      em = g_date_get_month(&c->as_of);
      month_add(&ey, &em, -1);
    }
    /* At most the 12 months before the end: enough for any window. */
    int span = (ey * 12 + em) - (y * 12 + m);
    if (span > 11)
      month_add(&y, &m, span - 11);
    if (inc->converted)
      g_ptr_array_add(
          notes,
          g_strdup_printf("%s states a %s amount; its monthly "
                          "equivalent is used (%s)",
                          d->relpath, sv_frequency_str(inc->frequency),
                          inc->frequency == SV_FREQ_WEEKLY        ? "x 52 / 12"
                          : inc->frequency == SV_FREQ_FORTNIGHTLY ? "x 26 / 12"
                          : inc->frequency == SV_FREQ_SEMIMONTHLY ? "x 2"
                                                                  : "/ 12"));
    for (int guard = 0; guard < 12 && y * 12 + m <= ey * 12 + em; guard++) {
      income_row(rows, d, inc, y, m, inc->monthly, &inc->stated, doubt);
      if (inc->converted) {
        struct sv_month *last =
            &g_array_index(rows, struct sv_month, rows->len - 1);
        last->converted = true;
        last->frequency = inc->frequency;
      }
      month_add(&y, &m, 1);
    }
  }
}

/* Property and investment values from deeds in the applicant's name. */
static void build_assets(const struct sv_rules *rules, const struct sv_case *c,
                         struct sv_evaluation *ev, GPtrArray *notes)
{
  for (size_t i = 0; i < c->ndocs; i++) {
    const struct sv_doc *d = c->docs[i];
    const struct sv_deed *dd = d->deed;
    if (d->status != SV_DOC_OK || d->kind != SV_KIND_DEED || dd == NULL)
      continue;
    /* The best verdict over the owners (a joint deed names several). */
    enum holder_check hc = HOLDER_OTHER;
    GPtrArray *scratch = g_ptr_array_new_with_free_func(g_free);
    if (dd->owners->len == 0)
      hc = check_holder(ev, NULL, d->relpath, "owner", scratch);
    for (guint k = 0; k < dd->owners->len && hc != HOLDER_OK; k++) {
      enum holder_check h1 =
          check_holder(ev, dd->owners->pdata[k], d->relpath, "owner", scratch);
      if (h1 < hc)
        hc = h1;
    }
    if (hc != HOLDER_OK) /* say why only when it matters */
      for (guint k = 0; k < scratch->len; k++)
        g_ptr_array_add(notes, g_strdup(scratch->pdata[k]));
    g_ptr_array_free(scratch, TRUE);
    if (hc == HOLDER_OTHER)
      continue;
    for (guint k = 0; k < dd->values->len; k++) {
      const struct sv_stated_value *v =
          &g_array_index(dd->values, struct sv_stated_value, k);
      struct sv_asset a;
      memset(&a, 0, sizeof a);
      a.kind = dd->investment || v->kind == SV_VALUE_INVESTMENT
                   ? SV_ASSET_INVESTMENT
                   : SV_ASSET_PROPERTY;
      a.value = v->kind;
      a.amount = v->figure.amount;
      g_strlcpy(a.currency, v->currency, sizeof a.currency);
      a.source = g_strdup_printf("%s#%d", d->relpath,
                                 v->figure.page > 0 ? v->figure.page : 1);
      a.has_words = v->has_words;
      a.words_agree = v->words_agree;
      a.owner_doubt = hc == HOLDER_DOUBT;
      a.conf = v->figure.conf;
      a.page = v->figure.page;
      a.box = v->figure.box;
      convert_mxn(rules, &c->as_of, a.currency, a.amount, &a.has_mxn,
                  &a.amount_mxn);
      g_array_append_val(ev->assets, a);
    }
  }
}

/* Income months from the letters, plus any an earlier stage left in old
   (tests inject them), go through the same cleaning as balances; assets
   likewise from the deeds and from old. */
static void take_income_assets(const struct sv_rules *rules,
                               const struct sv_case *c,
                               struct sv_evaluation *old,
                               struct sv_evaluation *ev,
                               struct sv_evidence_notes *nt)
{
  GArray *rows = g_array_new(FALSE, TRUE, sizeof(struct sv_month));
  for (guint i = 0; old != NULL && i < old->income->len; i++) {
    struct sv_month *m = &g_array_index(old->income, struct sv_month, i);
    if (sv_month_is_total(m))
      continue; /* rebuilt */
    struct sv_month r = *m;
    memset(m, 0, sizeof *m);
    if (r.account == NULL)
      r.account = g_strdup("unknown");
    if (r.source == NULL)
      r.source = g_strdup("");
    g_array_append_val(rows, r);
  }
  build_income(c, ev, rows, nt->income, &nt->income_review);
  finish_months(rules, &c->as_of, rows, ev->income, nt->income, "net income");
  g_array_free(rows, TRUE);

  for (guint i = 0; old != NULL && i < old->assets->len; i++) {
    struct sv_asset *a = &g_array_index(old->assets, struct sv_asset, i);
    struct sv_asset r = *a;
    memset(a, 0, sizeof *a);
    if (r.source == NULL)
      r.source = g_strdup("");
    convert_mxn(rules, &c->as_of, r.currency, r.amount, &r.has_mxn,
                &r.amount_mxn);
    g_array_append_val(ev->assets, r);
  }
  build_assets(rules, c, ev, nt->assets);
}
void sv_evidence_gather(const struct sv_rules *rules, const struct sv_case *c,
                        struct sv_evaluation *old, struct sv_evaluation *ev,
                        struct sv_evidence_notes *nt)
{
  build_balances(rules, c, ev, nt->savings);
  take_income_assets(rules, c, old, ev, nt);
}

void sv_evidence_notes_init(struct sv_evidence_notes *nt)
{
  nt->savings = g_ptr_array_new_with_free_func(g_free);
  nt->income = g_ptr_array_new_with_free_func(g_free);
  nt->assets = g_ptr_array_new_with_free_func(g_free);
  nt->income_review = false;
}

void sv_evidence_notes_clear(struct sv_evidence_notes *nt)
{
  g_ptr_array_free(nt->savings, TRUE);
  g_ptr_array_free(nt->income, TRUE);
  g_ptr_array_free(nt->assets, TRUE);
  memset(nt, 0, sizeof *nt);
}
