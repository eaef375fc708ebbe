/*
 * doctext.c - a document's words as one folded text with back-references.
 *
 * Each kept word is folded on its own and appended to one GString; its
 * byte range there, its printed text, page, line, box and confidence go in
 * a parallel array, so a regex match over the folded text maps back to
 * words by a binary search on the ranges.  Watermark glyphs are removed
 * per page before the lines are rebuilt (see doctext.h).
 */
#include "doctext.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "lines.h"

struct dt_word {
  size_t fstart, fend; /* byte range in folded */
  char *orig;          /* owned */
  int page;            /* 1-based */
  size_t line;         /* index into lines */
  struct sv_box box;
  float conf;
};

struct dt_line {
  size_t first, n; /* words */
  double margin;   /* the right edge of running text on its page */
};

struct sv_doctext {
  GString *folded;
  GArray *words; /* of struct dt_word */
  GArray *lines; /* of struct dt_line */
};

static int cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* ---------------------------------------------------------- building */

static double char_width(const struct sv_word *w)
{
  glong n = g_utf8_strlen(w->text, -1);
  return n > 0 ? (w->box.x1 - w->box.x0) / (double)n : 0;
}

static double char_width_of(const struct dt_word *w)
{
  glong n = g_utf8_strlen(w->orig, -1);
  return n > 0 ? (w->box.x1 - w->box.x0) / (double)n : 0;
}

static void add_word(struct sv_doctext *t, const struct sv_word *w, int page,
                     const char *sep)
{
  char *f = sv_fold(w->text);
  if (f[0] == '\0' || t->folded->len + strlen(f) + 4 > SV_DOCTEXT_MAX) {
    g_free(f);
    return;
  }
  struct dt_line *ln = &g_array_index(t->lines, struct dt_line,
                                      t->lines->len - 1);
  if (ln->n > 0)
    g_string_append(t->folded, sep);
  struct dt_word dw = {0};
  dw.fstart = t->folded->len;
  g_string_append(t->folded, f);
  dw.fend = t->folded->len;
  dw.orig = g_strdup(w->text);
  dw.page = page;
  dw.line = t->lines->len - 1;
  dw.box = w->box;
  dw.conf = w->conf;
  g_array_append_val(t->words, dw);
  ln->n++;
  g_free(f);
}

static void add_line(struct sv_doctext *t, const struct sv_line *line,
                     int page)
{
  struct dt_line dl = {t->words->len, 0, 0};
  if (t->folded->len > 0)
    g_string_append_c(t->folded, '\n');
  g_array_append_val(t->lines, dl);
  for (size_t w = 0; w < line->nwords; w++) {
    const char *sep = " ";
    if (w > 0) {
      const struct sv_word *a = &line->words[w - 1], *b = &line->words[w];
      double cw = (char_width(a) + char_width(b)) / 2;
      if (b->box.x0 - a->box.x1 > 2 * cw)
        sep = SV_COLUMN_GAP;
    }
    add_word(t, &line->words[w], page, sep);
  }
}

static void add_page(struct sv_doctext *t, const struct sv_page *pg)
{
  if (t->folded->len > 0)
    g_string_append(t->folded, "\n\f");
  for (size_t l = 0; l < pg->nlines; l++)
    add_line(t, &pg->lines[l], pg->number);
}

/* The right edge of a line's words (0 when it has none). */
static double line_right(const struct sv_doctext *t, const struct dt_line *l)
{
  return l->n > 0
             ? g_array_index(t->words, struct dt_word, l->first + l->n - 1)
                   .box.x1
             : 0;
}

static int line_page(const struct sv_doctext *t, const struct dt_line *l)
{
  return l->n > 0 ? g_array_index(t->words, struct dt_word, l->first).page
                  : 0;
}

/* Sets each line's margin: per page, the upper quartile of the right
   edges of its lines of MARGIN_WORDS+ words (the edge most running lines
   reach; a lone right-aligned heading or OCR specks past it do not move
   it); lines of a page without such lines get the page's widest line. */
#define MARGIN_WORDS 4
static void set_margins(struct sv_doctext *t)
{
  guint from = 0;
  while (from < t->lines->len) {
    int page = line_page(t, &g_array_index(t->lines, struct dt_line, from));
    guint to = from + 1;
    while (to < t->lines->len &&
           (g_array_index(t->lines, struct dt_line, to).n == 0 ||
            line_page(t, &g_array_index(t->lines, struct dt_line, to)) ==
                page))
      to++;
    GArray *edges = g_array_new(FALSE, FALSE, sizeof(double));
    double widest = 0;
    for (guint k = from; k < to; k++) {
      const struct dt_line *l = &g_array_index(t->lines, struct dt_line, k);
      double x1 = line_right(t, l);
      widest = fmax(widest, x1);
      if (l->n >= MARGIN_WORDS)
        g_array_append_val(edges, x1);
    }
    double margin = widest;
    if (edges->len > 0) {
      qsort(edges->data, edges->len, sizeof(double), cmp_double);
      margin = g_array_index(edges, double, (edges->len * 3) / 4);
    }
    g_array_free(edges, TRUE);
    for (guint k = from; k < to; k++)
      g_array_index(t->lines, struct dt_line, k).margin = margin;
    from = to;
  }
}

struct sv_doctext *sv_doctext_new(const struct sv_doc *doc)
{
  struct sv_doctext *t = g_new0(struct sv_doctext, 1);
  t->folded = g_string_new(NULL);
  t->words = g_array_new(FALSE, TRUE, sizeof(struct dt_word));
  t->lines = g_array_new(FALSE, TRUE, sizeof(struct dt_line));
  for (int p = 0; p < doc->npages; p++)
    if (doc->pages[p].nlines > 0)
      add_page(t, &doc->pages[p]);
  set_margins(t);
  return t;
}

void sv_doctext_free(struct sv_doctext **t)
{
  if (t == NULL || *t == NULL)
    return;
  for (guint k = 0; k < (*t)->words->len; k++)
    g_free(g_array_index((*t)->words, struct dt_word, k).orig);
  g_array_free((*t)->words, TRUE);
  g_array_free((*t)->lines, TRUE);
  g_string_free((*t)->folded, TRUE);
  g_free(*t);
  *t = NULL;
}

const char *sv_doctext_folded(const struct sv_doctext *t)
{
  return t->folded->str;
}

/* ----------------------------------------------------------- lookups */

/* Index of the first word ending after pos (words->len when none). */
static size_t first_word_after(const struct sv_doctext *t, size_t pos)
{
  size_t lo = 0, hi = t->words->len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (g_array_index(t->words, struct dt_word, mid).fend <= pos)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* The words overlapping [fstart, fend): [*first, *last). */
static bool span_words(const struct sv_doctext *t, size_t fstart, size_t fend,
                       size_t *first, size_t *last)
{
  *first = first_word_after(t, fstart);
  *last = *first;
  while (*last < t->words->len &&
         g_array_index(t->words, struct dt_word, *last).fstart < fend)
    (*last)++;
  return *last > *first;
}

char *sv_doctext_original(const struct sv_doctext *t, size_t fstart,
                          size_t fend)
{
  size_t first = 0, last = 0;
  GString *s = g_string_new(NULL);
  if (span_words(t, fstart, fend, &first, &last))
    for (size_t k = first; k < last; k++) {
      if (k > first)
        g_string_append_c(s, ' ');
      g_string_append(s, g_array_index(t->words, struct dt_word, k).orig);
    }
  return g_string_free(s, FALSE);
}

bool sv_doctext_figure(const struct sv_doctext *t, size_t fstart, size_t fend,
                       struct sv_figure *fig)
{
  size_t first = 0, last = 0;
  if (!span_words(t, fstart, fend, &first, &last))
    return false;
  const struct dt_word *w0 = &g_array_index(t->words, struct dt_word, first);
  fig->present = true;
  fig->page = w0->page;
  fig->box = w0->box;
  fig->conf = w0->conf;
  for (size_t k = first + 1; k < last; k++) {
    const struct dt_word *w = &g_array_index(t->words, struct dt_word, k);
    if (w->page != w0->page)
      break;
    fig->box.x0 = fmin(fig->box.x0, w->box.x0);
    fig->box.y0 = fmin(fig->box.y0, w->box.y0);
    fig->box.x1 = fmax(fig->box.x1, w->box.x1);
    fig->box.y1 = fmax(fig->box.y1, w->box.y1);
    fig->conf = fminf(fig->conf, w->conf);
  }
  return true;
}

/* The words of the line `step` lines away (+1 below, -1 above) that
   overlap [fstart, fend) horizontally. */
static bool neighbour(const struct sv_doctext *t, size_t fstart, size_t fend,
                      int step, size_t *vstart, size_t *vend)
{
  const double slack = 12.0;
  size_t first = 0, last = 0;
  if (!span_words(t, fstart, fend, &first, &last))
    return false;
  const struct dt_word *a = &g_array_index(t->words, struct dt_word, first);
  const struct dt_word *z = &g_array_index(t->words, struct dt_word, last - 1);
  double x0 = a->box.x0 - slack, x1 = z->box.x1 + slack;
  size_t line = step > 0 ? z->line : a->line;
  if ((step > 0 && line + 1 >= t->lines->len) || (step < 0 && line == 0))
    return false;
  const struct dt_line *other =
      &g_array_index(t->lines, struct dt_line, step > 0 ? line + 1 : line - 1);
  bool found = false;
  for (size_t k = other->first; k < other->first + other->n; k++) {
    const struct dt_word *w = &g_array_index(t->words, struct dt_word, k);
    if (w->page != a->page || w->box.x1 < x0 || w->box.x0 > x1)
      continue;
    if (!found)
      *vstart = w->fstart;
    *vend = w->fend;
    found = true;
  }
  return found;
}

bool sv_doctext_below(const struct sv_doctext *t, size_t fstart, size_t fend,
                      size_t *vstart, size_t *vend)
{
  return neighbour(t, fstart, fend, +1, vstart, vend);
}

bool sv_doctext_above(const struct sv_doctext *t, size_t fstart, size_t fend,
                      size_t *vstart, size_t *vend)
{
  return neighbour(t, fstart, fend, -1, vstart, vend);
}

/* The index of the line holding folded byte pos (lines->len when that
   line has no words). */
static size_t line_of(const struct sv_doctext *t, size_t pos)
{
  size_t start = sv_doctext_line_start(t, pos);
  size_t k = first_word_after(t, start);
  if (k >= t->words->len)
    return t->lines->len;
  const struct dt_word *w = &g_array_index(t->words, struct dt_word, k);
  const char *nl = strchr(t->folded->str + start, '\n');
  if (nl != NULL && (size_t)(nl - t->folded->str) < w->fstart)
    return t->lines->len;
  return w->line;
}

/* Line k's running text goes on in line k + 1. */
static bool wraps(const struct sv_doctext *t, size_t k)
{
  if (k + 1 >= t->lines->len)
    return false;
  const struct dt_line *l = &g_array_index(t->lines, struct dt_line, k);
  const struct dt_line *m = &g_array_index(t->lines, struct dt_line, k + 1);
  if (l->n == 0 || m->n == 0 || line_page(t, l) != line_page(t, m))
    return false;
  const struct dt_word *last =
      &g_array_index(t->words, struct dt_word, l->first + l->n - 1);
  const struct dt_word *next = &g_array_index(t->words, struct dt_word, m->first);
  double height = 0, top = last->box.y0;
  for (size_t w = l->first; w < l->first + l->n; w++) {
    const struct dt_word *dw = &g_array_index(t->words, struct dt_word, w);
    height = fmax(height, dw->box.y1 - dw->box.y0);
    top = fmin(top, dw->box.y0);
  }
  double step = next->box.y0 - top;
  if (height <= 0 || step <= 0 || step > 2.0 * height)
    return false;
  /* word wrap: the next line's first word would not have fitted */
  double space = char_width_of(last);
  return last->box.x1 + space + (next->box.x1 - next->box.x0) > l->margin;
}

bool sv_doctext_line_wraps(const struct sv_doctext *t, size_t pos)
{
  size_t k = line_of(t, pos);
  return k < t->lines->len && wraps(t, k);
}

size_t sv_doctext_run_end(const struct sv_doctext *t, size_t pos, size_t max)
{
  const char *s = t->folded->str;
  size_t len = t->folded->len;
  size_t limit = pos < len && max < len - pos ? pos + max : len;
  size_t end = pos;
  for (;;) {
    while (end < limit && s[end] != '\n')
      end++;
    if (end >= limit || !sv_doctext_line_wraps(t, end))
      return end;
    end++; /* across the line break */
  }
}

size_t sv_doctext_run_start(const struct sv_doctext *t, size_t pos,
                            size_t max)
{
  const char *s = t->folded->str;
  size_t limit = pos > max ? pos - max : 0;
  size_t start = pos;
  for (;;) {
    while (start > limit && s[start - 1] != '\n')
      start--;
    if (start <= limit || !sv_doctext_line_wraps(t, start - 1))
      return start;
    start--; /* back across the line break */
  }
}

/* Start of the line holding folded byte pos. */
size_t sv_doctext_line_start(const struct sv_doctext *t, size_t pos)
{
  const char *s = t->folded->str;
  while (pos > 0 && s[pos - 1] != '\n')
    pos--;
  return pos;
}

