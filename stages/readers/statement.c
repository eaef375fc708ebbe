/*
 * statement.c - reading a bank statement (see statement.h): the document
 * is laid out once (text/layout.h), cut into one statement per period,
 * and each statement read by the parts beside this file:
 *
 *   movements.c  the movement tables, their columns decided by the
 *                running balance;
 *   party.c      the holder and the account, from labels or the address
 *                block, never from a movement line;
 *   summary.c    every labelled candidate for the summary figures;
 *   currency.c   the currency from the document's own evidence;
 *   reconcile.c  the candidates and the rows judged by the statement's
 *                arithmetic.
 *
 * Periods: a page's period is its labelled one ("Statement period",
 * "Periodo"), else its first monthly date range, else its first range; a
 * page printing a period other than the current statement's starts a new
 * statement (a PDF bundling several months), pages without one continue
 * it.  No range printed: the dates printed with the opening and closing
 * labels ("Beginning balance on July 1, 2026").
 */
#include "statement.h"

#include <stdlib.h>
#include <string.h>

#include "../../pipeline/xmlsafe.h"
#include "../text/dates.h"
#include "../text/fold.h"
#include "../text/layout.h"
#include "currency.h"
#include "movements.h"
#include "party.h"
#include "reconcile.h"
#include "summary.h"
#include "vocab.h"

#define STAGE "extract"

/* The period one page prints. */
struct page_period {
  bool found;
  GDate start, end;
  int mdy;
  int strength; /* 3 labelled, 2 monthly range, 1 any range */
};

static void period_of_text(const char *text, const char *lang, int strength,
                           struct page_period *pp)
{
  char *f = sv_fold(text);
  GDate s, e;
  bool monthly = false;
  int mdy = -1;
  g_date_clear(&s, 1);
  g_date_clear(&e, 1);
  bool ok = sv_period_in(f, lang, &s, &e, &monthly, &mdy);
  g_free(f);
  if (!ok)
    return;
  if (strength < 3)
    strength = monthly ? 2 : 1;
  if (pp->found && pp->strength >= strength)
    return;
  pp->found = true;
  pp->start = s;
  pp->end = e;
  pp->mdy = mdy;
  pp->strength = strength;
}

/* The text a period label announces: the rest of its cell and the cell
   right of it (or under it). */
static char *labelled_period_text(const struct sv_layout *l, size_t ci)
{
  const struct sv_cell *c = sv_layout_cell(l, ci);
  GString *s = g_string_new(c->text);
  long r = sv_layout_right(l, ci);
  if (r >= 0)
    g_string_append_printf(s, " %s", sv_layout_cell(l, (size_t)r)->text);
  else {
    long b = sv_layout_below(l, ci);
    if (b >= 0)
      g_string_append_printf(s, " %s", sv_layout_cell(l, (size_t)b)->text);
  }
  return g_string_free(s, FALSE);
}

/* The period of each page numbered 1..npages (index page - 1). */
static struct page_period *page_periods(const struct sv_layout *l,
                                        const struct sv_doc *doc,
                                        const bool *skip)
{
  struct page_period *pp = g_new0(struct page_period, doc->npages + 1);
  for (size_t ci = 0; ci < sv_layout_ncells(l); ci++) {
    const struct sv_cell *c = sv_layout_cell(l, ci);
    const struct sv_lline *ll = sv_layout_line(l, c->line);
    struct sv_label_match m;
    if (ll->page < 1 || ll->page > doc->npages || skip[c->line] ||
        !sv_vocab_label(c->key, &m) || m.label != SV_LABEL_PERIOD)
      continue;
    char *t = labelled_period_text(l, ci);
    period_of_text(t, doc->lang, 3, &pp[ll->page - 1]);
    g_free(t);
  }
  for (size_t i = 0; i < sv_layout_nlines(l); i++) {
    const struct sv_lline *ll = sv_layout_line(l, i);
    if (ll->page < 1 || ll->page > doc->npages || skip[i] ||
        pp[ll->page - 1].strength >= 2)
      continue;
    period_of_text(ll->ln->text, doc->lang, 0, &pp[ll->page - 1]);
  }
  return pp;
}

static bool same_period(const struct page_period *a,
                        const struct page_period *b)
{
  return g_date_compare(&a->start, &b->start) == 0 &&
         g_date_compare(&a->end, &b->end) == 0;
}

/* No range printed: the dates printed with the opening and closing
   labels. */
static void period_from_labels(const GArray *cands, const char *lang,
                               struct sv_statement *st, int *mdy)
{
  const struct sv_raw_date *open = NULL, *close = NULL;
  for (guint i = 0; i < cands->len; i++) {
    const struct sv_scand *c = &g_array_index(cands, struct sv_scand, i);
    if (!c->has_date)
      continue;
    if (c->field == SV_SF_OPENING && open == NULL)
      open = &c->date;
    else if (c->field == SV_SF_CLOSING && close == NULL)
      close = &c->date;
  }
  GDate s, e;
  bool monthly = false;
  g_date_clear(&s, 1);
  g_date_clear(&e, 1);
  if (open != NULL && close != NULL &&
      sv_dates_pick(open, close, lang, &s, &e, &monthly, mdy)) {
    st->start = s;
    st->end = e;
  }
}

/* A balance printed with a date ("Balance at 1 March: ...") is the
   opening or the closing balance when its date is the period's first or
   last day (give or take the day before the start); else nothing. */
static void place_dated_balances(GArray *cands, const struct sv_statement *st,
                                 const char *lang, int mdy)
{
  if (!g_date_valid(&st->start) || !g_date_valid(&st->end))
    return;
  GDate lo = st->start, hi = st->end;
  g_date_subtract_days(&lo, 3);
  g_date_add_days(&hi, 3);
  for (guint i = 0; i < cands->len; i++) {
    struct sv_scand *c = &g_array_index(cands, struct sv_scand, i);
    if (c->field != SV_SF_BALANCE_ON)
      continue;
    struct sv_row_date rd = {0};
    rd.numeric = c->date.numeric;
    rd.a = c->date.a;
    rd.b = c->date.b;
    rd.day = c->date.day;
    rd.month = c->date.month;
    rd.year = c->date.year;
    GDate d;
    g_date_clear(&d, 1);
    if (!sv_row_date_place(&rd, lang, mdy, &lo, &hi, &d))
      continue;
    int to_start = abs(g_date_days_between(&st->start, &d));
    int to_end = abs(g_date_days_between(&d, &st->end));
    if (to_start <= 1 && to_start < to_end)
      c->field = SV_SF_OPENING;
    else if (to_end <= 1 && to_end < to_start)
      c->field = SV_SF_CLOSING;
  }
}

static void report_missing(struct sv_doc *doc, const struct sv_statement *st,
                           bool several)
{
  bool no_period = !g_date_valid(&st->start) || !g_date_valid(&st->end);
  bool no_balance = !st->opening.present && !st->closing.present;
  if (!no_period && !no_balance)
    return;
  char where[48] = "";
  if (several)
    g_snprintf(where, sizeof where, " (pages %d-%d)", st->first_page,
               st->last_page);
  sv_doc_problem(doc, SV_DOC_OK, SV_NOTFOUND, STAGE, 0,
                 "bank statement%s: could not read %s%s%s", where,
                 no_period ? "the statement period" : "",
                 no_period && no_balance ? " nor " : "",
                 no_balance ? "an opening or closing balance" : "");
}

static void note_month(struct sv_doc *doc, const struct sv_statement *st)
{
  if (!st->month_spans)
    return;
  char s[16], e[16];
  sv_xml_format_date(&st->start, s, sizeof s);
  sv_xml_format_date(&st->end, e, sizeof e);
  sv_doc_problem(doc, SV_DOC_OK, SV_OK, STAGE, st->first_page,
                 "pages %d-%d: the statement period %s to %s covers more "
                 "than one month; it counts for %04d-%02d, the month of its "
                 "cut-off date, and its balances say nothing of each month "
                 "before",
                 st->first_page, st->last_page, s, e, st->year, st->month);
}

/* Reads the statement on pages [p0, p1]. */
static struct sv_statement *read_one(struct sv_doc *doc,
                                     const struct sv_services *svc,
                                     const struct sv_layout *l, int p0,
                                     int p1, const struct page_period *pp,
                                     const char *code,
                                     enum sv_currency_source source)
{
  struct sv_statement *st = sv_statement_new();
  st->first_page = p0;
  st->last_page = p1;
  g_strlcpy(st->currency, code, sizeof st->currency);
  st->currency_source = code[0] != '\0' ? source : SV_CURRENCY_NONE;
  struct sv_movements *mv = sv_movements_read(l, doc, svc, p0, p1);
  sv_party_read(l, p0, p1, mv->skip, &st->holder, &st->account);
  GArray *cands = sv_summary_read(l, p0, p1, mv->skip, doc, svc);
  int mdy = -1;
  for (int p = p0; p <= p1; p++)
    if (pp[p - 1].found) {
      st->start = pp[p - 1].start;
      st->end = pp[p - 1].end;
      mdy = pp[p - 1].mdy;
      break;
    }
  if (!g_date_valid(&st->start))
    period_from_labels(cands, doc->lang, st, &mdy);
  place_dated_balances(cands, st, doc->lang, mdy);
  struct sv_recon_in in = {.doc = doc,
                           .svc = svc,
                           .st = st,
                           .cands = cands,
                           .mv = mv,
                           .period_mdy = mdy};
  sv_reconcile(&in);
  sv_statement_set_month(st);
  g_array_free(cands, TRUE);
  sv_movements_free(&mv);
  return st;
}

static bool has_text(const struct sv_doc *doc)
{
  for (int p = 0; p < doc->npages; p++)
    if (doc->pages[p].source != SV_TEXT_NONE && doc->pages[p].nlines > 0)
      return true;
  return false;
}

bool sv_statement_read(struct sv_doc *doc, const struct sv_services *svc)
{
  if (doc == NULL || !has_text(doc))
    return false;
  g_ptr_array_set_size(doc->statements, 0);
  struct sv_layout *l = sv_layout_new(doc);
  char code[4];
  enum sv_currency_source source = SV_CURRENCY_NONE;
  sv_currency_read(l, doc->lang, code, &source);

  /* the movement tables of the whole document, so that no period is read
     off a movement row */
  struct sv_movements *all = sv_movements_read(l, doc, NULL, 1, doc->npages);
  struct page_period *pp = page_periods(l, doc, all->skip);
  sv_movements_free(&all);

  int start = 1;
  struct page_period current = pp[0];
  for (int p = 2; p <= doc->npages + 1; p++) {
    bool cut = p > doc->npages;
    if (!cut && pp[p - 1].found) {
      if (!current.found)
        current = pp[p - 1];
      else if (!same_period(&current, &pp[p - 1]))
        cut = true;
    }
    if (!cut)
      continue;
    g_ptr_array_add(doc->statements,
                    read_one(doc, svc, l, start, p - 1, pp, code, source));
    start = p;
    if (p <= doc->npages)
      current = pp[p - 1];
  }
  bool several = doc->statements->len > 1;
  for (guint i = 0; i < doc->statements->len; i++) {
    const struct sv_statement *st = g_ptr_array_index(doc->statements, i);
    report_missing(doc, st, several);
    note_month(doc, st);
  }
  g_free(pp);
  sv_layout_free(&l);
  return true;
}
