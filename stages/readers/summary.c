/*
 * summary.c - the labelled figures of a statement's summary (see
 * summary.h).
 */
#include "summary.h"

#include <string.h>

#include "../text/amount.h"
#include "../text/fold.h"
#include "vocab.h"

/* Right of a label, how many cells may be stepped over before its value
   (a currency sign, a count, a date). */
#define MAX_STEP_CELLS 3

static bool field_of(enum sv_label lb, enum sv_sfield *f)
{
  switch (lb) {
  case SV_LABEL_OPENING:
    *f = SV_SF_OPENING;
    return true;
  case SV_LABEL_CLOSING:
    *f = SV_SF_CLOSING;
    return true;
  case SV_LABEL_AVERAGE:
    *f = SV_SF_AVERAGE;
    return true;
  case SV_LABEL_CREDITS:
    *f = SV_SF_CREDITS;
    return true;
  case SV_LABEL_DEBITS:
    *f = SV_SF_DEBITS;
    return true;
  case SV_LABEL_BALANCE_ON:
    *f = SV_SF_BALANCE_ON;
    return true;
  default:
    return false;
  }
}

/* A cell a label's value may stand behind: a currency sign or code, a
   count ("10", "(4)"), a date, or nothing but punctuation. */
static bool steppable(const struct sv_cell *c)
{
  if (c->nspans > 0)
    return false;
  const char *k = c->key;
  if (k[0] == '\0')
    return true;
  bool digits = true;
  for (const char *p = k; *p != '\0'; p++)
    if (!g_ascii_isdigit(*p))
      digits = false;
  if (digits && strlen(k) <= 4)
    return true;
  static const char *const codes[] = {"usd", "mxn", "eur", "cad", "gbp",
                                      "nzd", "aud", "sgd", "mn",  "m n",
                                      NULL};
  for (size_t i = 0; codes[i] != NULL; i++)
    if (strcmp(k, codes[i]) == 0)
      return true;
  GArray *d = sv_dates_in(k);
  bool date = d->len > 0;
  g_array_free(d, TRUE);
  return date;
}

static void figure_of_span(const struct sv_span *sp, int page,
                           struct sv_figure *f)
{
  memset(f, 0, sizeof *f);
  f->present = true;
  f->amount = sp->value;
  f->page = page;
  f->box = sp->box;
  f->conf = sp->conf;
}

/* The first amount of cell c starting at word w or later. */
static const struct sv_span *span_from(const struct sv_lline *ll,
                                       const struct sv_cell *c, size_t w)
{
  for (size_t s = c->span0; s < c->span0 + c->nspans; s++)
    if (ll->spans[s].w0 >= w)
      return &ll->spans[s];
  return NULL;
}

/* The first date of the label's own words after the label tokens. */
static void label_date(const struct sv_lline *ll, const struct sv_cell *c,
                       size_t from, size_t to, struct sv_scand *cand)
{
  if (to <= from)
    return;
  char *t = sv_layout_words(ll->ln, from, to);
  char *f = sv_fold(t);
  GArray *d = sv_dates_in(f);
  if (d->len > 0) {
    cand->has_date = true;
    cand->date = g_array_index(d, struct sv_raw_date, 0);
  }
  g_array_free(d, TRUE);
  g_free(f);
  g_free(t);
  (void)c;
}

/* On an OCR'd page, the value a label should have right of it but that
   did not parse ("$13/9:72:36"): its crop re-read digits only. */
static bool reread_value(const struct sv_layout *l, size_t ci,
                         const struct sv_doc *doc,
                         const struct sv_services *svc, struct sv_figure *f)
{
  long r = sv_layout_right(l, (size_t)ci);
  if (r < 0 || svc == NULL || svc->reread == NULL)
    return false;
  const struct sv_cell *v = sv_layout_cell(l, (size_t)r);
  const struct sv_lline *ll = sv_layout_line(l, v->line);
  const struct sv_page *pg = sv_doc_page(doc, ll->page);
  if (pg == NULL || pg->source != SV_TEXT_OCR || strpbrk(v->text, "0123456789") == NULL)
    return false;
  char *text = NULL;
  float conf = 0;
  sv_cents value = 0;
  bool ok = sv_services_reread(svc, pg, &v->box, &text, &conf) &&
            sv_amount_parse(text, &value);
  g_free(text);
  if (!ok)
    return false;
  memset(f, 0, sizeof *f);
  f->present = true;
  f->amount = value;
  f->page = ll->page;
  f->box = v->box;
  f->conf = conf;
  f->reread = true;
  return true;
}

/* The value of the label at cell ci (m matched its key). */
static bool value_of(const struct sv_layout *l, size_t ci,
                     const struct sv_label_match *m, const struct sv_doc *doc,
                     const struct sv_services *svc, struct sv_scand *cand)
{
  const struct sv_cell *c = sv_layout_cell(l, ci);
  const struct sv_lline *ll = sv_layout_line(l, c->line);
  size_t after = sv_layout_word_after_tokens(ll->ln, c->w0, c->w1, m->tokens);
  const struct sv_span *sp = span_from(ll, c, after);
  if (sp != NULL) {
    label_date(ll, c, after, sp->w0, cand);
    figure_of_span(sp, ll->page, &cand->fig);
    cand->value_cell = (long)ci;
    return true;
  }
  label_date(ll, c, after, c->w1, cand);
  long r = sv_layout_right(l, ci);
  for (int step = 0; r >= 0 && step <= MAX_STEP_CELLS; step++) {
    const struct sv_cell *v = sv_layout_cell(l, (size_t)r);
    struct sv_label_match other;
    if (v->nspans > 0) {
      const struct sv_span *vs = &ll->spans[v->span0];
      if (vs->w0 - v->w0 > 1)
        return false; /* an amount inside another label's text */
      figure_of_span(vs, ll->page, &cand->fig);
      cand->value_cell = r;
      return true;
    }
    if (sv_vocab_label(v->key, &other) || !steppable(v))
      break;
    r = sv_layout_right(l, (size_t)r);
  }
  if (sv_layout_right(l, ci) < 0) {
    /* nothing right of the label: the value under it */
    long b = sv_layout_below(l, ci);
    if (b >= 0) {
      const struct sv_cell *v = sv_layout_cell(l, (size_t)b);
      const struct sv_lline *bl = sv_layout_line(l, v->line);
      struct sv_label_match other;
      if (v->amount && !sv_vocab_label(v->key, &other)) {
        figure_of_span(&bl->spans[v->span0], bl->page, &cand->fig);
        cand->value_cell = b;
        return true;
      }
    }
  }
  if (reread_value(l, ci, doc, svc, &cand->fig)) {
    cand->value_cell = sv_layout_right(l, ci);
    return true;
  }
  return false;
}

/* Horizontal summaries the layout saw as tables: a header of labels and
   one or two rows of values under them. */
static void table_candidates(const struct sv_layout *l, int page0, int page1,
                             const bool *skip, GArray *out)
{
  for (size_t i = 0; i < sv_layout_ntables(l); i++) {
    const struct sv_table *t = sv_layout_table(l, i);
    if (t->page < page0 || t->page > page1 || t->nrows > 2 ||
        (skip != NULL && skip[t->header_line]))
      continue;
    for (size_t c = 0; c < t->ncols; c++) {
      struct sv_label_match m;
      enum sv_sfield f;
      const struct sv_tcell *tc = &t->rows[0].cells[c];
      if (!t->cols[c].numeric || !tc->has_amount ||
          !sv_vocab_label(t->cols[c].key, &m) || !field_of(m.label, &f))
        continue;
      struct sv_scand cand = {0};
      cand.field = f;
      cand.total = m.total;
      cand.value_cell = -1;
      figure_of_span(&tc->span, t->rows[0].page, &cand.fig);
      g_array_append_val(out, cand);
    }
  }
}

GArray *sv_summary_read(const struct sv_layout *l, int page0, int page1,
                        const bool *skip, const struct sv_doc *doc,
                        const struct sv_services *svc)
{
  GArray *out = g_array_new(FALSE, TRUE, sizeof(struct sv_scand));
  for (size_t ci = 0; ci < sv_layout_ncells(l); ci++) {
    const struct sv_cell *c = sv_layout_cell(l, ci);
    const struct sv_lline *ll = sv_layout_line(l, c->line);
    if (ll->page < page0 || ll->page > page1 ||
        (skip != NULL && skip[c->line]))
      continue;
    struct sv_label_match m;
    enum sv_sfield f;
    if (!sv_vocab_label(c->key, &m) || !field_of(m.label, &f))
      continue;
    struct sv_scand cand = {0};
    cand.field = f;
    cand.total = m.total;
    cand.value_cell = -1;
    if (!value_of(l, ci, &m, doc, svc, &cand) ||
        (f == SV_SF_BALANCE_ON && !cand.has_date))
      continue;
    /* the same value cell claimed twice (a label right of another's
       value): the first label keeps it */
    bool claimed = false;
    for (guint k = 0; k < out->len && !claimed; k++)
      claimed = g_array_index(out, struct sv_scand, k).value_cell ==
                cand.value_cell;
    if (claimed)
      continue;
    if (f == SV_SF_DEBITS && cand.fig.amount < 0)
      cand.fig.amount = -cand.fig.amount;
    g_array_append_val(out, cand);
  }
  table_candidates(l, page0, page1, skip, out);
  return out;
}
