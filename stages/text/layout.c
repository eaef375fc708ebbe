/*
 * layout.c - cells, neighbours and tables from word boxes (see layout.h).
 *
 * Three passes over a document's lines: cells and amounts per line (here);
 * tables per page (tables.c: a header candidate, its rows, then columns
 * from the rows' amounts); neighbours are answered on demand from the
 * cells (here).  Geometry is
 * in PDF points with the origin top-left, as in the model.
 */
#include "layout.h"
#include "layout_priv.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "fold.h"

/* ------------------------------------------------------------- helpers */

static int cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

double sv_layout_overlap(double a0, double a1, double b0, double b1)
{
  return fmin(a1, b1) - fmax(a0, b0);
}

char *sv_layout_words(const struct sv_line *ln, size_t w0, size_t w1)
{
  GString *s = g_string_new(NULL);
  for (size_t i = w0; i < w1 && i < ln->nwords; i++) {
    if (s->len > 0)
      g_string_append_c(s, ' ');
    g_string_append(s, ln->words[i].text);
  }
  return g_string_free(s, FALSE);
}

size_t sv_layout_word_after_tokens(const struct sv_line *ln, size_t w0,
                                   size_t w1, size_t ntokens)
{
  size_t seen = 0, w = w0;
  while (w < w1 && w < ln->nwords && seen < ntokens) {
    char *f = sv_fold(ln->words[w].text);
    char *t = sv_fold_tokens(f);
    for (const char *p = t; *p != '\0'; p++)
      if (p[0] == ' ' && p[1] != '\0')
        seen++;
    g_free(t);
    g_free(f);
    w++;
  }
  return w;
}

struct sv_box sv_layout_words_box(const struct sv_line *ln, size_t w0,
                                  size_t w1)
{
  struct sv_box b = ln->words[w0].box;
  for (size_t i = w0 + 1; i < w1 && i < ln->nwords; i++)
    sv_box_union(&b, &ln->words[i].box);
  return b;
}

static float words_conf(const struct sv_line *ln, size_t w0, size_t w1)
{
  float c = 100.0f;
  for (size_t i = w0; i < w1 && i < ln->nwords; i++)
    c = fminf(c, ln->words[i].conf);
  return c;
}

/* Whether one of words [w0, w1) of ln holds a digit: an amount needs
   one, so runs of words without any are not parsed. */
static bool words_have_digit(const struct sv_line *ln, size_t w0, size_t w1)
{
  for (size_t i = w0; i < w1; i++)
    if (strpbrk(ln->words[i].text, "0123456789") != NULL)
      return true;
  return false;
}

bool sv_layout_amount_in(const struct sv_line *ln, size_t w0, size_t w1,
                         struct sv_span *out)
{
  for (size_t i = w0; i < w1 && i < ln->nwords; i++) {
    for (size_t n = 3; n >= 1; n--) {
      if (i + n > w1 || i + n > ln->nwords)
        continue;
      if (!words_have_digit(ln, i, i + n))
        break; /* nor do the shorter runs from i */
      char *t = sv_layout_words(ln, i, i + n);
      sv_cents v = 0;
      struct sv_amount_info info;
      bool ok = sv_amount_parse_info(t, &v, &info);
      g_free(t);
      if (!ok)
        continue;
      memset(out, 0, sizeof *out);
      out->w0 = i;
      out->w1 = i + n;
      out->box = sv_layout_words_box(ln, i, i + n);
      out->conf = words_conf(ln, i, i + n);
      out->value = v;
      out->info = info;
      return true;
    }
  }
  return false;
}

/* --------------------------------------------------------------- cells */

static double median_height(const struct sv_line *ln)
{
  if (ln->nwords == 0)
    return 0.0;
  double *h = g_new(double, ln->nwords);
  for (size_t i = 0; i < ln->nwords; i++)
    h[i] = ln->words[i].box.y1 - ln->words[i].box.y0;
  qsort(h, ln->nwords, sizeof *h, cmp_double);
  double m = h[ln->nwords / 2];
  g_free(h);
  return m;
}

/* True when the gap before word i (i > 0) of ln is a column gap. */
static bool column_gap(const struct sv_line *ln, size_t i, double charw)
{
  const struct sv_box *a = &ln->words[i - 1].box, *b = &ln->words[i].box;
  double gap = b->x0 - a->x1;
  double h = fmin(a->y1 - a->y0, b->y1 - b->y0);
  return gap > SV_LAYOUT_GAP_CHARS * charw && gap > SV_LAYOUT_GAP_HEIGHT * h;
}

static char *key_of(const struct sv_line *ln, size_t w0, size_t w1)
{
  char *t = sv_layout_words(ln, w0, w1);
  char *f = sv_fold(t);
  char *tok = sv_fold_tokens(f);
  char *key = g_strdup(g_strstrip(tok));
  g_free(tok);
  g_free(f);
  g_free(t);
  return key;
}

/* The amounts of one line, left to right, never across a cell edge. */
static void line_spans(struct sv_lline *ll, const struct sv_cell *cells)
{
  GArray *spans = g_array_new(FALSE, TRUE, sizeof(struct sv_span));
  for (size_t c = 0; c < ll->ncells; c++) {
    const struct sv_cell *cell = &cells[ll->cell0 + c];
    size_t i = cell->w0;
    while (i < cell->w1) {
      struct sv_span sp;
      if (!sv_layout_amount_in(ll->ln, i, cell->w1, &sp))
        break;
      g_array_append_val(spans, sp);
      i = sp.w1;
    }
  }
  ll->nspans = spans->len;
  ll->spans = (struct sv_span *)g_array_free(spans, FALSE);
}

static void add_line(struct sv_layout *l, const struct sv_line *ln, int pidx,
                     int page, double page_height)
{
  if (ln->nwords == 0 || l->cells->len >= SV_LAYOUT_MAX_CELLS)
    return;
  struct sv_lline ll = {0};
  ll.ln = ln;
  ll.pidx = pidx;
  ll.page = page;
  ll.height = median_height(ln);
  ll.page_height = page_height;
  ll.cell0 = l->cells->len;
  double width = 0;
  glong chars = 0;
  for (size_t i = 0; i < ln->nwords; i++) {
    width += ln->words[i].box.x1 - ln->words[i].box.x0;
    chars += g_utf8_strlen(ln->words[i].text, -1);
  }
  double charw = chars > 0 ? width / (double)chars : 0;
  size_t index = l->lines->len;
  size_t start = 0;
  for (size_t i = 1; i <= ln->nwords; i++) {
    if (i < ln->nwords && !column_gap(ln, i, charw))
      continue;
    struct sv_cell c = {0};
    c.line = index;
    c.w0 = start;
    c.w1 = i;
    c.box = sv_layout_words_box(ln, start, i);
    c.conf = words_conf(ln, start, i);
    c.text = sv_layout_words(ln, start, i);
    c.key = key_of(ln, start, i);
    g_array_append_val(l->cells, c);
    start = i;
  }
  ll.ncells = l->cells->len - ll.cell0;
  struct sv_cell *cells = &g_array_index(l->cells, struct sv_cell, 0);
  line_spans(&ll, cells);
  /* which spans each cell holds */
  size_t s = 0;
  for (size_t c = 0; c < ll.ncells; c++) {
    struct sv_cell *cell = &cells[ll.cell0 + c];
    cell->span0 = s;
    while (s < ll.nspans && ll.spans[s].w0 < cell->w1) {
      cell->nspans++;
      s++;
    }
    cell->amount = cell->nspans == 1 && ll.spans[cell->span0].w0 == cell->w0 &&
                   ll.spans[cell->span0].w1 == cell->w1;
  }
  g_array_append_val(l->lines, ll);
}

/* ---------------------------------------------------------- neighbours */

const struct sv_lline *sv_layout_lline_at(const struct sv_layout *l, size_t i)
{
  return &g_array_index(l->lines, struct sv_lline, i);
}

const struct sv_cell *sv_layout_cell_at(const struct sv_layout *l, size_t i)
{
  return &g_array_index(l->cells, struct sv_cell, i);
}

long sv_layout_right(const struct sv_layout *l, size_t i)
{
  if (l == NULL || i + 1 >= l->cells->len)
    return -1;
  return sv_layout_cell_at(l, i + 1)->line == sv_layout_cell_at(l, i)->line
             ? (long)(i + 1)
             : -1;
}

/* The cell of a line near cell c vertically (dir = +1 below, -1 above)
   overlapping it most. */
static long vertical(const struct sv_layout *l, size_t i, int dir)
{
  if (l == NULL || i >= l->cells->len)
    return -1;
  const struct sv_cell *c = sv_layout_cell_at(l, i);
  const struct sv_lline *cl = sv_layout_lline_at(l, c->line);
  double reach = SV_LAYOUT_BELOW_LINES * fmax(cl->height, 1.0);
  for (long k = (long)c->line + dir; k >= 0 && (size_t)k < l->lines->len;
       k += dir) {
    const struct sv_lline *o = sv_layout_lline_at(l, (size_t)k);
    if (o->pidx != cl->pidx)
      break;
    double dist = dir > 0 ? o->ln->box.y0 - cl->ln->box.y1
                          : cl->ln->box.y0 - o->ln->box.y1;
    if (dist > reach)
      break;
    long best = -1;
    double best_ov = 0.0;
    for (size_t j = 0; j < o->ncells; j++) {
      const struct sv_cell *d = sv_layout_cell_at(l, o->cell0 + j);
      double ov = sv_layout_overlap(c->box.x0, c->box.x1, d->box.x0, d->box.x1);
      if (ov > best_ov) {
        best_ov = ov;
        best = (long)(o->cell0 + j);
      }
    }
    if (best >= 0)
      return best;
  }
  return -1;
}

long sv_layout_below(const struct sv_layout *l, size_t i)
{
  return vertical(l, i, +1);
}

long sv_layout_above(const struct sv_layout *l, size_t i)
{
  return vertical(l, i, -1);
}

/* ---------------------------------------------------------------- public */

struct sv_layout *sv_layout_new(const struct sv_doc *doc)
{
  struct sv_layout *l = g_new0(struct sv_layout, 1);
  l->doc = doc;
  l->lines = g_array_new(FALSE, TRUE, sizeof(struct sv_lline));
  l->cells = g_array_new(FALSE, TRUE, sizeof(struct sv_cell));
  l->tables = g_array_new(FALSE, TRUE, sizeof(struct sv_table));
  for (int p = 0; doc != NULL && p < doc->npages; p++) {
    const struct sv_page *pg = &doc->pages[p];
    if (pg->source == SV_TEXT_NONE)
      continue;
    int number = pg->number > 0 ? pg->number : p + 1;
    for (size_t i = 0; i < pg->nlines; i++)
      add_line(l, &pg->lines[i], p, number, pg->height);
  }
  sv_layout_find_tables(l);
  return l;
}

void sv_layout_free(struct sv_layout **lp)
{
  if (lp == NULL || *lp == NULL)
    return;
  struct sv_layout *l = *lp;
  for (guint i = 0; i < l->cells->len; i++) {
    struct sv_cell *c = &g_array_index(l->cells, struct sv_cell, i);
    g_free(c->text);
    g_free(c->key);
  }
  for (guint i = 0; i < l->lines->len; i++)
    g_free(g_array_index(l->lines, struct sv_lline, i).spans);
  for (guint i = 0; i < l->tables->len; i++) {
    struct sv_table *t = &g_array_index(l->tables, struct sv_table, i);
    for (size_t r = 0; r < t->nrows; r++) {
      for (size_t c = 0; c < t->ncols; c++)
        g_free(t->rows[r].cells[c].text);
      g_free(t->rows[r].cells);
      g_free(t->rows[r].more);
    }
    g_free(t->rows);
    for (size_t c = 0; c < t->ncols; c++) {
      g_free(t->cols[c].label);
      g_free(t->cols[c].key);
    }
    g_free(t->cols);
  }
  g_array_free(l->cells, TRUE);
  g_array_free(l->lines, TRUE);
  g_array_free(l->tables, TRUE);
  g_free(l);
  *lp = NULL;
}

size_t sv_layout_nlines(const struct sv_layout *l)
{
  return l != NULL ? l->lines->len : 0;
}

const struct sv_lline *sv_layout_line(const struct sv_layout *l, size_t i)
{
  return l != NULL && i < l->lines->len ? sv_layout_lline_at(l, i) : NULL;
}

size_t sv_layout_ncells(const struct sv_layout *l)
{
  return l != NULL ? l->cells->len : 0;
}

const struct sv_cell *sv_layout_cell(const struct sv_layout *l, size_t i)
{
  return l != NULL && i < l->cells->len ? sv_layout_cell_at(l, i) : NULL;
}

size_t sv_layout_ntables(const struct sv_layout *l)
{
  return l != NULL ? l->tables->len : 0;
}

const struct sv_table *sv_layout_table(const struct sv_layout *l, size_t i)
{
  return l != NULL && i < l->tables->len
             ? &g_array_index(l->tables, struct sv_table, i)
             : NULL;
}
