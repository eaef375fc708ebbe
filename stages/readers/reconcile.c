/*
 * reconcile.c - the statement's own arithmetic as the judge of what was
 * read (see reconcile.h).
 */
#include "reconcile.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../pipeline/money.h"
#include "../text/amount.h"
#include "summary.h"

#define STAGE "extract"
#define MAX_OPTS 6
#define MAX_PERIOD_DAYS 400

/* ---------------------------------------------------------- the options */

/* One reading of one figure. */
struct option {
  struct sv_figure fig; /* the value and where it was printed */
  int rank;             /* 0 = printed first; larger = less likely */
};

struct field_opts {
  struct option o[MAX_OPTS];
  int n;
};

static bool has_value(const struct field_opts *fo, sv_cents v)
{
  for (int i = 0; i < fo->n; i++)
    if (fo->o[i].fig.amount == v)
      return true;
  return false;
}

static void add_option(struct field_opts *fo, const struct sv_figure *f)
{
  if (fo->n >= MAX_OPTS || has_value(fo, f->amount))
    return;
  fo->o[fo->n].fig = *f;
  fo->o[fo->n].rank = fo->n;
  fo->n++;
}

/* f + g as one figure: the first one's place, the lower confidence. */
static void figure_add(struct sv_figure *acc, const struct sv_figure *g)
{
  if (!acc->present) {
    *acc = *g;
    return;
  }
  acc->amount += g->amount;
  acc->conf = fminf(acc->conf, g->conf);
}

/* The readings of credits or debits: each printed total, the sum of the
   kinds printed (checks + fees + ...), the sum of everything labelled. */
static void total_options(const GArray *cands, enum sv_sfield f,
                          const struct sv_figure *table_total,
                          struct field_opts *fo)
{
  struct sv_figure kinds = {0}, all = {0};
  int nkinds = 0, nall = 0;
  for (guint i = 0; i < cands->len; i++) {
    const struct sv_scand *c = &g_array_index(cands, struct sv_scand, i);
    if (c->field != f)
      continue;
    if (c->total)
      add_option(fo, &c->fig);
    else {
      figure_add(&kinds, &c->fig);
      nkinds++;
    }
    figure_add(&all, &c->fig);
    nall++;
  }
  if (nkinds > 0)
    add_option(fo, &kinds);
  if (nall > 1 && nkinds > 0)
    add_option(fo, &all);
  if (table_total->present)
    add_option(fo, table_total);
}

static void balance_options(const GArray *cands, enum sv_sfield f,
                            const GArray *rows, struct field_opts *fo)
{
  for (guint i = 0; i < cands->len; i++) {
    const struct sv_scand *c = &g_array_index(cands, struct sv_scand, i);
    if (c->field == f)
      add_option(fo, &c->fig);
  }
  /* a "Beginning balance" / "Ending balance" row of the table */
  bool opening = f == SV_SF_OPENING;
  for (guint k = 0; k < rows->len; k++) {
    guint i = opening ? k : rows->len - 1 - k;
    const struct sv_mrow *r = &g_array_index(rows, struct sv_mrow, i);
    if (!r->marker || r->opening != opening)
      continue;
    struct sv_figure fig = {0};
    fig.present = true;
    fig.amount = r->balance;
    fig.page = r->page;
    fig.box = r->bal_box;
    fig.conf = r->bal_conf;
    add_option(fo, &fig);
    break;
  }
}

/* ------------------------------------------------------------- checks */

struct values {
  bool has[SV_SF_COUNT];
  sv_cents v[SV_SF_COUNT];
};

struct checks {
  int done, failed;
  bool sum_done, sum_ok;
  sv_cents sum_expected;
  bool avg_done, avg_ok, avg_exact;
  bool has_computed;
  sv_cents computed, day_min, day_max;
  bool uncertain;
  sv_cents lo, hi; /* the average's range when uncertain */
  bool last_done, last_ok;
  sv_cents last_balance;
  int last_page;
  bool links_done, links_ok;
  int bad_page;
  sv_cents bad_prev, bad_amount, bad_balance;
};

struct ctx {
  struct sv_recon_in *in;
  GArray *rows;    /* borrowed: in->mv->rows */
  GDate *dates;    /* owned: the rows' dates in the period */
  GDate *late;     /* owned: the same with each row whose date could not
                      be read on the next readable date (NULL when every
                      date was read) */
  bool dates_ok;
};

sv_cents sv_reconcile_div_round(sv_cents num, int64_t den)
{
  sv_cents q = num / den;
  sv_cents r = num % den;
  if (r < 0)
    r = -r;
  if (r * 2 >= den)
    q += num < 0 ? -1 : 1;
  return q;
}

/* The day-weighted average daily balance over the period (see the
   header), and the lowest and highest day.  False when a row cannot be
   placed, dates go backwards, or a balance before the first printed one
   is unknown. */
static bool day_weighted(const struct ctx *cx, const GDate *dates,
                         bool has_open, sv_cents open, sv_cents *avg,
                         sv_cents *lo, sv_cents *hi)
{
  const GArray *rows = cx->rows;
  const GDate *start = &cx->in->st->start, *end = &cx->in->st->end;
  if (!cx->dates_ok || !g_date_valid(start) || !g_date_valid(end) ||
      rows->len == 0)
    return false;
  guint32 js = g_date_get_julian(start), je = g_date_get_julian(end);
  if (je < js || je - js + 1 > MAX_PERIOD_DAYS)
    return false;
  bool known = has_open;
  sv_cents bal = open;
  const struct sv_mrow *first = &g_array_index(rows, struct sv_mrow, 0);
  if (!known && first->has_balance && first->has_amount) {
    bal = first->balance - first->amount; /* the balance before it */
    known = true;
  }
  sv_cents sum = 0;
  *lo = INT64_MAX;
  *hi = INT64_MIN;
  guint i = 0;
  for (guint32 d = js; d <= je; d++) {
    for (; i < rows->len && g_date_get_julian(&dates[i]) <= d; i++) {
      const struct sv_mrow *r = &g_array_index(rows, struct sv_mrow, i);
      if (g_date_get_julian(&dates[i]) < d)
        return false; /* out of order */
      if (r->has_balance) {
        bal = r->balance;
        known = true;
      } else if (r->has_amount && known) {
        bal += r->amount;
      } else {
        known = false;
      }
    }
    if (!known)
      return false;
    if ((bal > 0 && sum > INT64_MAX - bal) ||
        (bal < 0 && sum < INT64_MIN - bal))
      return false;
    sum += bal;
    *lo = MIN(*lo, bal);
    *hi = MAX(*hi, bal);
  }
  if (i < rows->len)
    return false;
  *avg = sv_reconcile_div_round(sum, (int64_t)(je - js + 1));
  return true;
}

static bool ocr_page(const struct sv_doc *doc, int n)
{
  const struct sv_page *pg = sv_doc_page(doc, n);
  return pg != NULL && pg->source == SV_TEXT_OCR;
}

/* What the table alone says, given the opening balance: the computed
   average and the period's range, the running balances' links and the
   last balance.  It depends on the opening only, so it is worked out once
   per opening reading. */
struct table_part {
  bool has_computed;
  sv_cents computed, day_min, day_max;
  bool uncertain;      /* rows without a readable date move the average */
  sv_cents lo, hi;     /* ... between these (guessed_range) */
  bool links_done, links_ok;
  int bad_page;
  sv_cents bad_prev, bad_amount, bad_balance;
  bool last_avail;
  sv_cents last_balance;
  int last_page;
};

/* Where the average may lie when some rows' dates were not read (each
   guessed on the row above's date, cx->dates, at the latest on the next
   readable one, cx->late).  A run of such rows keeps its printed order, so
   its extremes are its first k rows early and the rest late; separate
   runs move separate days, so their moves add up.  base is the average
   with every guessed row early. */
static void guessed_range(const struct ctx *cx, bool has_open, sv_cents open,
                          sv_cents base, sv_cents *lo, sv_cents *hi)
{
  const GArray *rows = cx->rows;
  GDate *trial = g_new(GDate, rows->len + 1);
  *lo = *hi = base;
  guint i = 0;
  while (i < rows->len) {
    if (!g_array_index(rows, struct sv_mrow, i).date_guessed) {
      i++;
      continue;
    }
    guint j = i;
    while (j < rows->len && g_array_index(rows, struct sv_mrow, j).date_guessed)
      j++;
    sv_cents dmin = 0, dmax = 0;
    for (guint k = i; k < j; k++) {
      memcpy(trial, cx->dates, rows->len * sizeof trial[0]);
      for (guint m = k; m < j; m++)
        trial[m] = cx->late[m];
      sv_cents a = 0, l2 = 0, h2 = 0;
      if (day_weighted(cx, trial, has_open, open, &a, &l2, &h2)) {
        dmin = MIN(dmin, a - base);
        dmax = MAX(dmax, a - base);
      }
    }
    *lo += dmin;
    *hi += dmax;
    i = j;
  }
  g_free(trial);
}

static void table_checks(const struct ctx *cx, bool has_open, sv_cents open,
                         struct table_part *tp)
{
  const GArray *rows = cx->rows;
  memset(tp, 0, sizeof *tp);
  tp->has_computed = day_weighted(cx, cx->dates, has_open, open,
                                  &tp->computed, &tp->day_min, &tp->day_max);
  if (tp->has_computed && cx->late != NULL) {
    guessed_range(cx, has_open, open, tp->computed, &tp->lo, &tp->hi);
    tp->uncertain = tp->lo != tp->hi;
  }
  bool known = has_open;
  sv_cents prev = open, pending = 0, moved = 0;
  bool pending_ok = true, any_balance = false, all_amounts = rows->len > 0;
  bool moves = false;
  for (guint i = 0; i < rows->len; i++)
    moves = moves || g_array_index(rows, struct sv_mrow, i).kind != SV_ROW_LEDGER;
  tp->links_ok = true;
  for (guint i = 0; i < rows->len; i++) {
    const struct sv_mrow *r = &g_array_index(rows, struct sv_mrow, i);
    any_balance = any_balance || r->has_balance;
    all_amounts = all_amounts && (r->has_amount || r->kind == SV_ROW_LEDGER);
    if (r->has_amount)
      moved += r->amount;
    if (r->kind == SV_ROW_LEDGER)
      ; /* a day's balance: the movements before it lead to it */
    else if (r->unread)
      pending_ok = false;
    else if (r->has_amount)
      pending += r->amount;
    if (!r->has_balance)
      continue;
    /* daily balances alone link to nothing: no movement leads to them */
    if (known && pending_ok && moves) {
      tp->links_done = true;
      if (prev + pending != r->balance && tp->links_ok) {
        tp->links_ok = false;
        tp->bad_page = r->page;
        tp->bad_prev = prev;
        tp->bad_amount = pending;
        tp->bad_balance = r->balance;
      }
    }
    prev = r->balance;
    known = true;
    pending = 0;
    pending_ok = true;
    tp->last_balance = r->balance;
    tp->last_page = r->page;
    tp->last_avail = true;
  }
  if (!any_balance && all_amounts && has_open) {
    /* movements only: opening + movements = closing */
    tp->last_avail = true;
    tp->last_balance = open + moved;
    tp->last_page = g_array_index(rows, struct sv_mrow, rows->len - 1).page;
  }
  if (!tp->links_done)
    tp->links_ok = false;
}

static void run_checks(const struct ctx *cx, const struct table_part *tp,
                       const struct values *v, int avg_page,
                       struct checks *ck)
{
  memset(ck, 0, sizeof *ck);
  if (v->has[SV_SF_OPENING] && v->has[SV_SF_CREDITS] &&
      v->has[SV_SF_DEBITS] && v->has[SV_SF_CLOSING]) {
    ck->sum_done = true;
    ck->sum_expected =
        v->v[SV_SF_OPENING] + v->v[SV_SF_CREDITS] - v->v[SV_SF_DEBITS];
    ck->sum_ok = ck->sum_expected == v->v[SV_SF_CLOSING];
  }
  ck->has_computed = tp->has_computed;
  ck->computed = tp->computed;
  ck->uncertain = tp->uncertain;
  ck->lo = tp->lo;
  ck->hi = tp->hi;
  ck->day_min = tp->day_min;
  ck->day_max = tp->day_max;
  if (ck->has_computed && v->has[SV_SF_AVERAGE]) {
    sv_cents a = v->v[SV_SF_AVERAGE];
    ck->avg_done = true;
    /* rows whose date was not read leave the average between two
       figures: a printed one between them agrees */
    ck->avg_exact = ck->computed == a ||
                    (ck->uncertain && a >= ck->lo && a <= ck->hi);
    /* a bank's own averaging (collected balances, days counted another
       way) may differ from ours: on a text layer, an average between the
       period's lowest and highest day is what it prints; an OCR'd one
       must match, since a misread digit lands in range too */
    ck->avg_ok = ck->avg_exact ||
                 (!ocr_page(cx->in->doc, avg_page) && a >= ck->day_min &&
                  a <= ck->day_max);
  }
  ck->links_done = tp->links_done;
  ck->links_ok = tp->links_ok;
  ck->bad_page = tp->bad_page;
  ck->bad_prev = tp->bad_prev;
  ck->bad_amount = tp->bad_amount;
  ck->bad_balance = tp->bad_balance;
  ck->last_balance = tp->last_balance;
  ck->last_page = tp->last_page;
  ck->last_done = tp->last_avail && v->has[SV_SF_CLOSING];
  if (ck->last_done)
    ck->last_ok = ck->last_balance == v->v[SV_SF_CLOSING];
  if (ck->links_done && !ck->links_ok) {
    /* a table that contradicts itself proves nothing about the summary */
    ck->avg_done = ck->avg_ok = false;
    ck->last_done = ck->last_ok = false;
  }
  ck->done = ck->sum_done + ck->avg_done + ck->last_done + ck->links_done;
  ck->failed = (ck->sum_done && !ck->sum_ok) + (ck->avg_done && !ck->avg_ok) +
               (ck->last_done && !ck->last_ok) +
               (ck->links_done && !ck->links_ok);
}

/* ------------------------------------------------------ the choosing */

struct choice {
  int pick[SV_SF_COUNT]; /* option index, -1 when the field has none */
  struct checks ck;
  int rank;
};

static void values_of(const struct field_opts *fo, const int *pick,
                      struct values *v)
{
  memset(v, 0, sizeof *v);
  for (int f = 0; f < SV_SF_COUNT; f++) {
    if (pick[f] < 0)
      continue;
    v->has[f] = true;
    v->v[f] = fo[f].o[pick[f]].fig.amount;
  }
}

static bool better(const struct choice *a, const struct choice *b)
{
  if (a->ck.failed != b->ck.failed)
    return a->ck.failed < b->ck.failed;
  if (a->ck.done != b->ck.done)
    return a->ck.done > b->ck.done;
  if (a->ck.avg_exact != b->ck.avg_exact)
    return a->ck.avg_exact;
  return a->rank < b->rank;
}

/* Every combination of the options (each field that has any takes one). */
static void choose(const struct ctx *cx, const struct field_opts *fo,
                   struct choice *best)
{
  int n[SV_SF_COUNT];
  long combos = 1;
  for (int f = 0; f < SV_SF_COUNT; f++) {
    n[f] = fo[f].n > 0 ? fo[f].n : 1;
    combos *= n[f];
  }
  /* the table's part once per opening reading */
  struct table_part tp[MAX_OPTS];
  for (int i = 0; i < n[SV_SF_OPENING]; i++) {
    bool has = fo[SV_SF_OPENING].n > 0;
    table_checks(cx, has, has ? fo[SV_SF_OPENING].o[i].fig.amount : 0,
                 &tp[i]);
  }
  bool first = true;
  for (long c = 0; c < combos; c++) {
    struct choice ch;
    long x = c;
    ch.rank = 0;
    for (int f = 0; f < SV_SF_COUNT; f++) {
      int i = (int)(x % n[f]);
      x /= n[f];
      ch.pick[f] = fo[f].n > 0 ? i : -1;
      if (fo[f].n > 0)
        ch.rank += fo[f].o[i].rank;
    }
    struct values v;
    values_of(fo, ch.pick, &v);
    int avg_page = ch.pick[SV_SF_AVERAGE] >= 0
                       ? fo[SV_SF_AVERAGE].o[ch.pick[SV_SF_AVERAGE]].fig.page
                       : 0;
    int oi = ch.pick[SV_SF_OPENING] >= 0 ? ch.pick[SV_SF_OPENING] : 0;
    run_checks(cx, &tp[oi], &v, avg_page, &ch.ck);
    if (first || better(&ch, best)) {
      *best = ch;
      first = false;
    }
  }
}

/* The figures a failed check involves (a bit per field). */
static unsigned involved(const struct checks *ck)
{
  unsigned m = 0;
  if (ck->sum_done && !ck->sum_ok)
    m |= 1u << SV_SF_OPENING | 1u << SV_SF_CREDITS | 1u << SV_SF_DEBITS |
         1u << SV_SF_CLOSING;
  if (ck->avg_done && !ck->avg_ok)
    m |= 1u << SV_SF_AVERAGE | 1u << SV_SF_OPENING;
  if (ck->last_done && !ck->last_ok)
    m |= 1u << SV_SF_CLOSING;
  if (ck->links_done && !ck->links_ok)
    m |= 1u << SV_SF_OPENING;
  return m;
}

/* A failed check on an OCR'd page: the chosen figures involved are
   re-read from their crops and the new readings added as options.
   Returns whether any re-read was possible. */
static bool reread(const struct ctx *cx, struct field_opts *fo,
                   const struct choice *ch)
{
  const struct sv_services *svc = cx->in->svc;
  if (svc == NULL || svc->reread == NULL)
    return false;
  unsigned want = involved(&ch->ck);
  bool tried = false;
  for (int f = 0; f < SV_SF_COUNT; f++) {
    if (!(want & (1u << f)) || ch->pick[f] < 0)
      continue;
    const struct sv_figure *fig = &fo[f].o[ch->pick[f]].fig;
    const struct sv_page *pg = sv_doc_page(cx->in->doc, fig->page);
    if (pg == NULL || pg->source != SV_TEXT_OCR)
      continue;
    char *text = NULL;
    float conf = 0;
    sv_cents v = 0;
    tried = true;
    bool ok = sv_services_reread(svc, pg, &fig->box, &text, &conf) &&
              sv_amount_parse(text, &v);
    g_free(text);
    if (!ok)
      continue;
    if (f == SV_SF_DEBITS && v < 0)
      v = -v;
    if (has_value(&fo[f], v) || fo[f].n >= MAX_OPTS)
      continue;
    struct option *o = &fo[f].o[fo[f].n];
    o->fig = *fig;
    o->fig.amount = v;
    o->fig.conf = conf;
    o->fig.reread = true;
    o->rank = MAX_OPTS + fo[f].n; /* a re-read only when it reconciles */
    fo[f].n++;
  }
  return tried;
}

/* -------------------------------------------------------- row dates */

/* Dates every row in the period.  Numeric row dates are read in one
   order for the whole table: the period's own when it told, else the
   language's, unless the other order places more rows or keeps them in
   date order where this one does not. */
static bool place_rows(struct ctx *cx)
{
  const GArray *rows = cx->rows;
  const struct sv_statement *st = cx->in->st;
  const char *lang = cx->in->doc->lang;
  if (rows->len == 0)
    return false;
  int first = cx->in->period_mdy >= 0 ? cx->in->period_mdy
                                      : strcmp(lang, "en") == 0;
  int best_order = first, best_score = -1;
  GDate *tmp = g_new0(GDate, rows->len);
  for (int k = 0; k < 2; k++) {
    int order = k == 0 ? first : !first;
    int placed = 0;
    bool sorted = true;
    for (guint i = 0; i < rows->len; i++) {
      const struct sv_mrow *r = &g_array_index(rows, struct sv_mrow, i);
      g_date_clear(&tmp[i], 1);
      if (!r->dated ||
          !sv_row_date_place(&r->raw, lang, order, &st->start, &st->end,
                             &tmp[i]))
        continue;
      placed++;
      if (i > 0 && g_date_valid(&tmp[i - 1]) && r->kind == SV_ROW_RUNNING &&
          g_date_compare(&tmp[i - 1], &tmp[i]) > 0)
        sorted = false;
    }
    int score = placed * 2 + (sorted ? 1 : 0);
    if (score > best_score) {
      best_score = score;
      best_order = order;
    }
  }
  g_free(tmp);
  bool all = true;
  for (guint i = 0; i < rows->len; i++) {
    const struct sv_mrow *r = &g_array_index(rows, struct sv_mrow, i);
    g_date_clear(&cx->dates[i], 1);
    if (!r->dated && r->marker) {
      /* an undated "Balance brought forward" row: the period's first day
         (its last for an ending balance) */
      cx->dates[i] = r->opening ? st->start : st->end;
      continue;
    }
    if (!r->dated ||
        (!sv_row_date_place(&r->raw, lang, best_order, &st->start, &st->end,
                            &cx->dates[i]) &&
         !sv_row_date_place(&r->raw, lang, -1, &st->start, &st->end,
                            &cx->dates[i])))
      all = false;
  }
  return all;
}

struct dated_row {
  struct sv_mrow row;
  GDate date;
  guint index;
};

static int dated_row_cmp(const void *pa, const void *pb)
{
  const struct dated_row *a = pa, *b = pb;
  int c = g_date_compare(&a->date, &b->date);
  if (c != 0)
    return c;
  /* a day's ledger balance comes after that day's movements */
  if ((a->row.kind == SV_ROW_LEDGER) != (b->row.kind == SV_ROW_LEDGER))
    return a->row.kind == SV_ROW_LEDGER ? 1 : -1;
  return a->index < b->index ? -1 : a->index > b->index;
}

/* Movements without a running balance may be printed by section (credits,
   then debits) and their daily balances in a table of their own: they are
   put in date order, each day's ledger balance after its movements.  A
   running-balance table keeps its printed order. */
static void sort_rows(struct ctx *cx)
{
  GArray *rows = cx->rows;
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index(rows, struct sv_mrow, i).kind == SV_ROW_RUNNING)
      return;
  struct dated_row *dr = g_new0(struct dated_row, rows->len + 1);
  for (guint i = 0; i < rows->len; i++) {
    dr[i].row = g_array_index(rows, struct sv_mrow, i);
    dr[i].date = cx->dates[i];
    dr[i].index = i;
  }
  qsort(dr, rows->len, sizeof dr[0], dated_row_cmp);
  for (guint i = 0; i < rows->len; i++) {
    g_array_index(rows, struct sv_mrow, i) = dr[i].row;
    cx->dates[i] = dr[i].date;
  }
  g_free(dr);
}

/* Drops the movements and keeps the daily ledger balances alone (rows
   and dates in step); true when there was a movement to drop. */
static bool drop_movements(struct ctx *cx)
{
  guint k = 0;
  bool dropped = false;
  for (guint i = 0; i < cx->rows->len; i++) {
    struct sv_mrow r = g_array_index(cx->rows, struct sv_mrow, i);
    if (r.kind == SV_ROW_MOVE) {
      dropped = true;
      continue;
    }
    g_array_index(cx->rows, struct sv_mrow, k) = r;
    cx->dates[k] = cx->dates[i];
    k++;
  }
  g_array_set_size(cx->rows, k);
  if (k == 0)
    cx->dates_ok = false;
  return dropped;
}

/* Rows whose date could not be read carry the date of the row above;
   the other end of what they may be is the next readable date (the
   period's last day for the last rows). */
static void late_dates(struct ctx *cx)
{
  GArray *rows = cx->rows;
  /* in a running-balance table a date before the row above's was misread
     ("7" for 17): no better than an unread one */
  for (guint i = 1; cx->dates_ok && i < rows->len; i++) {
    struct sv_mrow *r = &g_array_index(rows, struct sv_mrow, i);
    if (r->kind == SV_ROW_RUNNING &&
        g_date_compare(&cx->dates[i], &cx->dates[i - 1]) < 0) {
      r->date_guessed = true;
      cx->dates[i] = cx->dates[i - 1];
    }
  }
  bool any = false;
  for (guint i = 0; i < rows->len; i++)
    any = any || g_array_index(rows, struct sv_mrow, i).date_guessed;
  if (!any || !cx->dates_ok)
    return;
  cx->late = g_new0(GDate, rows->len + 1);
  for (guint i = 0; i < rows->len; i++) {
    cx->late[i] = cx->dates[i];
    if (!g_array_index(rows, struct sv_mrow, i).date_guessed)
      continue;
    /* the next readable date; after the last one, the period's end */
    if (g_date_valid(&cx->in->st->end))
      cx->late[i] = cx->in->st->end;
    for (guint k = i + 1; k < rows->len; k++)
      if (!g_array_index(rows, struct sv_mrow, k).date_guessed) {
        cx->late[i] = cx->dates[k];
        break;
      }
  }
}

/* ------------------------------------------------------------ results */

/* The computed average as a figure: the balance cells of its first page
   (the movement cells when no balance is printed), their lowest
   confidence. */
static void computed_figure(const struct ctx *cx, sv_cents value,
                            struct sv_figure *f)
{
  memset(f, 0, sizeof *f);
  f->present = true;
  f->amount = value;
  f->conf = 100.0f;
  bool any_balance = false;
  for (guint i = 0; i < cx->rows->len; i++)
    any_balance = any_balance ||
                  g_array_index(cx->rows, struct sv_mrow, i).has_balance;
  bool first = true;
  for (guint i = 0; i < cx->rows->len; i++) {
    const struct sv_mrow *r = &g_array_index(cx->rows, struct sv_mrow, i);
    if (any_balance ? !r->has_balance : !r->has_amount)
      continue;
    const struct sv_box *bx = any_balance ? &r->bal_box : &r->amt_box;
    f->conf = fminf(f->conf, any_balance ? r->bal_conf : r->amt_conf);
    if (first) {
      f->page = r->page;
      f->box = *bx;
      first = false;
    } else if (r->page == f->page) {
      sv_box_union(&f->box, bx);
    }
  }
}

static void closing_from_table(const struct ctx *cx, struct sv_figure *f)
{
  for (guint i = cx->rows->len; i-- > 0;) {
    const struct sv_mrow *r = &g_array_index(cx->rows, struct sv_mrow, i);
    if (!r->has_balance)
      continue;
    memset(f, 0, sizeof *f);
    f->present = true;
    f->amount = r->balance;
    f->page = r->page;
    f->box = r->bal_box;
    f->conf = r->bal_conf;
    return;
  }
}

static void fmt(sv_cents v, char *buf, size_t len)
{
  sv_cents_format_grouped(v, buf, len);
}

/* Marks the deciding figures of the failed checks unreconciled and says
   why on the document, with both numbers of each failed check. */
static void report_failures(const struct ctx *cx, const struct checks *ck,
                            bool tried)
{
  struct sv_statement *st = cx->in->st;
  struct sv_doc *doc = cx->in->doc;
  const char *tail = tried ? "re-reading the figures did not reconcile them"
                     : doc->text == SV_TEXT_OCR
                         ? "the page image was not available to re-read them"
                         : "the statement contradicts itself";
  char a[48], b[48];
  if (ck->avg_done && !ck->avg_ok) {
    st->average.unreconciled = true;
    fmt(st->average.amount, a, sizeof a);
    fmt(ck->computed, b, sizeof b);
    sv_doc_problem(doc, SV_DOC_OK, SV_INVALID, STAGE, st->average.page,
                   "page %d: the printed average balance %s does not match "
                   "the day-weighted average of the running balances, %s; %s",
                   st->average.page, a, b, tail);
  }
  if (ck->sum_done && !ck->sum_ok) {
    /* which of the four is wrong cannot be told: the closing balance is
       the figure that decides, so it is the one marked */
    st->closing.unreconciled = true;
    char o[48], c[48], d[48];
    fmt(st->opening.amount, o, sizeof o);
    fmt(st->credits.amount, c, sizeof c);
    fmt(st->debits.amount, d, sizeof d);
    fmt(ck->sum_expected, a, sizeof a);
    fmt(st->closing.amount, b, sizeof b);
    sv_doc_problem(doc, SV_DOC_OK, SV_INVALID, STAGE, st->closing.page,
                   "page %d: opening balance %s + credits %s - debits %s = "
                   "%s, but the printed closing balance is %s; %s",
                   st->closing.page, o, c, d, a, b, tail);
  }
  if (ck->last_done && !ck->last_ok) {
    st->closing.unreconciled = true;
    if (st->average_computed)
      st->average.unreconciled = true;
    fmt(st->closing.amount, a, sizeof a);
    fmt(ck->last_balance, b, sizeof b);
    sv_doc_problem(doc, SV_DOC_OK, SV_INVALID, STAGE, st->closing.page,
                   "page %d: the printed closing balance %s does not match "
                   "the last running balance, %s (page %d); %s",
                   st->closing.page, a, b, ck->last_page, tail);
  }
  if (ck->links_done && !ck->links_ok) {
    if (st->average_computed)
      st->average.unreconciled = true;
    char m[48];
    fmt(ck->bad_prev, a, sizeof a);
    fmt(ck->bad_amount, m, sizeof m);
    fmt(ck->bad_balance, b, sizeof b);
    sv_doc_problem(doc, SV_DOC_OK, SV_INVALID, STAGE, ck->bad_page,
                   "page %d: the running balance %s does not follow from the "
                   "balance before it, %s, and the movements since, %s; %s",
                   ck->bad_page, b, a, m, tail);
  }
}

/* Marks the figures the checks that held involve. */
static void confirm(const struct checks *ck, struct sv_statement *st)
{
  if (ck->sum_done && ck->sum_ok)
    st->opening.confirmed = st->credits.confirmed = st->debits.confirmed =
        st->closing.confirmed = true;
  if (ck->last_done && ck->last_ok)
    st->closing.confirmed = true;
  if (ck->avg_done && ck->avg_ok && ck->avg_exact)
    st->average.confirmed = true;
  /* the average computed from balances that all link to one another */
  if (st->average_computed && ck->links_done && ck->links_ok &&
      !st->average.unreconciled)
    st->average.confirmed = true;
}

void sv_reconcile(struct sv_recon_in *in)
{
  struct ctx cx = {0};
  cx.in = in;
  cx.rows = in->mv->rows;
  cx.dates = g_new0(GDate, cx.rows->len + 1);
  cx.dates_ok = place_rows(&cx);
  if (cx.dates_ok)
    sort_rows(&cx);
  late_dates(&cx);

  struct field_opts fo[SV_SF_COUNT];
  memset(fo, 0, sizeof fo);
  balance_options(in->cands, SV_SF_OPENING, cx.rows, &fo[SV_SF_OPENING]);
  balance_options(in->cands, SV_SF_CLOSING, cx.rows, &fo[SV_SF_CLOSING]);
  balance_options(in->cands, SV_SF_AVERAGE, cx.rows, &fo[SV_SF_AVERAGE]);
  total_options(in->cands, SV_SF_CREDITS, &in->mv->total_credits,
                &fo[SV_SF_CREDITS]);
  total_options(in->cands, SV_SF_DEBITS, &in->mv->total_debits,
                &fo[SV_SF_DEBITS]);

  struct choice best;
  choose(&cx, fo, &best);
  if (best.ck.links_done && !best.ck.links_ok && drop_movements(&cx)) {
    /* The movements do not lead to the daily ledger balances (a section
       of unsigned amounts, a missed table): the balances alone still give
       the average and the last-balance check. */
    choose(&cx, fo, &best);
  }
  bool tried = false;
  if (best.ck.failed > 0 && reread(&cx, fo, &best)) {
    tried = true;
    choose(&cx, fo, &best);
  }

  struct sv_statement *st = in->st;
  struct sv_figure *figs[SV_SF_COUNT] = {&st->opening, &st->closing,
                                         &st->average, &st->credits,
                                         &st->debits};
  for (int f = 0; f < SV_SF_COUNT; f++)
    if (best.pick[f] >= 0)
      *figs[f] = fo[f].o[best.pick[f]].fig;
  /* movements without any printed balance give daily balances only when
     they are all there: opening + movements = closing */
  bool balances = false;
  for (guint i = 0; i < cx.rows->len; i++)
    balances = balances || g_array_index(cx.rows, struct sv_mrow, i).has_balance;
  bool complete = balances || (best.ck.last_done && best.ck.last_ok);
  if (!st->average.present && best.ck.has_computed && complete) {
    computed_figure(&cx, best.ck.computed, &st->average);
    st->average_computed = true;
    if (best.ck.uncertain) {
      char a[48], b[48];
      fmt(best.ck.lo, a, sizeof a);
      fmt(best.ck.hi, b, sizeof b);
      st->average.unreconciled = true;
      sv_doc_problem(in->doc, SV_DOC_OK, SV_INVALID, STAGE,
                     st->average.page,
                     "page %d: the dates of some movements could not be "
                     "read, so the average of the running balances lies "
                     "between %s and %s",
                     st->average.page, a, b);
    }
  }
  if (!st->closing.present)
    closing_from_table(&cx, &st->closing);
  confirm(&best.ck, st);
  st->checks = best.ck.done;
  st->reconciled = best.ck.done > 0 && best.ck.failed == 0;
  if (best.ck.failed > 0)
    report_failures(&cx, &best.ck, tried);
  g_free(cx.late);
  g_free(cx.dates);
}
