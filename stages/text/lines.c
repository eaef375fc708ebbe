/*
 * lines.c - words into visual lines, by geometry (see lines.h).
 *
 * Greedy banding: words sorted by vertical centre join the current line
 * while they overlap its vertical extent by more than half a height.
 */
#include "lines.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int word_cmp_y(const void *a, const void *b)
{
  const struct sv_word *wa = a, *wb = b;
  double ca = (wa->box.y0 + wa->box.y1) / 2, cb = (wb->box.y0 + wb->box.y1) / 2;
  if (ca != cb)
    return ca < cb ? -1 : 1;
  if (wa->box.x0 != wb->box.x0)
    return wa->box.x0 < wb->box.x0 ? -1 : 1;
  return 0;
}

static int word_cmp_x(const void *a, const void *b)
{
  const struct sv_word *wa = a, *wb = b;
  if (wa->box.x0 != wb->box.x0)
    return wa->box.x0 < wb->box.x0 ? -1 : 1;
  return 0;
}

static int line_cmp_y(const void *a, const void *b)
{
  const struct sv_line *la = a, *lb = b;
  if (la->box.y0 != lb->box.y0)
    return la->box.y0 < lb->box.y0 ? -1 : 1;
  if (la->box.x0 != lb->box.x0)
    return la->box.x0 < lb->box.x0 ? -1 : 1;
  return 0;
}

bool sv_lines_same_band(double y0, double y1, const struct sv_box *b)
{
  double overlap = fmin(y1, b->y1) - fmax(y0, b->y0);
  double h = fmin(y1 - y0, b->y1 - b->y0);
  if (h <= 0)
    return fabs((y0 + y1) / 2 - (b->y0 + b->y1) / 2) < 1.0;
  return overlap > h / 2;
}

static void line_finish(struct sv_line *ln)
{
  qsort(ln->words, ln->nwords, sizeof *ln->words, word_cmp_x);
  double width = 0;
  glong chars = 0;
  ln->box = ln->words[0].box;
  for (size_t i = 0; i < ln->nwords; i++) {
    sv_box_union(&ln->box, &ln->words[i].box);
    width += ln->words[i].box.x1 - ln->words[i].box.x0;
    chars += g_utf8_strlen(ln->words[i].text, -1);
  }
  double charw = chars > 0 ? width / (double)chars : 0;
  GString *s = g_string_new(NULL);
  for (size_t i = 0; i < ln->nwords; i++) {
    if (i > 0) {
      double gap = ln->words[i].box.x0 - ln->words[i - 1].box.x1;
      g_string_append(s, gap > 2 * charw ? SV_COLUMN_GAP : " ");
    }
    g_string_append(s, ln->words[i].text);
  }
  ln->text = g_string_free(s, FALSE);
}

static int cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Drops the glyphs of a diagonal watermark ("SYNTHETIC TRAINING DOCUMENT"
   stamped across a page a letter or two at a time): words of one or two
   characters over SV_LINES_WATERMARK times as tall as the median word of
   three characters or more.  Their tall boxes overlap many lines and
   would glue every line of the page into one.  Returns the words kept. */
static size_t drop_watermark(struct sv_word *words, size_t nwords)
{
  double *h = g_new(double, nwords + 1);
  size_t nh = 0;
  for (size_t i = 0; i < nwords; i++)
    if (g_utf8_strlen(words[i].text, -1) >= 3)
      h[nh++] = words[i].box.y1 - words[i].box.y0;
  double median = 0;
  if (nh > 0) {
    qsort(h, nh, sizeof *h, cmp_double);
    median = h[nh / 2];
  }
  g_free(h);
  if (median <= 0)
    return nwords;
  size_t kept = 0;
  for (size_t i = 0; i < nwords; i++) {
    double height = words[i].box.y1 - words[i].box.y0;
    if (g_utf8_strlen(words[i].text, -1) <= 2 &&
        height > SV_LINES_WATERMARK * median) {
      g_free(words[i].text);
      continue;
    }
    words[kept++] = words[i];
  }
  return kept;
}

void sv_lines_build(struct sv_page *page, struct sv_word *words,
                    size_t nwords)
{
  struct Pix *image = page->image; /* the lines change, the pixels stay */
  page->image = NULL;
  sv_page_clear(page);
  page->image = image;
  nwords = nwords > 0 ? drop_watermark(words, nwords) : 0;
  if (nwords == 0) {
    g_free(words);
    return;
  }
  qsort(words, nwords, sizeof *words, word_cmp_y);

  /* Greedy banding: words sorted by vertical centre join the current line
     while they overlap its vertical extent by more than half a height. */
  GArray *lines = g_array_new(FALSE, TRUE, sizeof(struct sv_line));
  size_t start = 0;
  double y0 = words[0].box.y0, y1 = words[0].box.y1;
  for (size_t i = 1; i <= nwords; i++) {
    if (i < nwords && sv_lines_same_band(y0, y1, &words[i].box)) {
      y0 = fmin(y0, words[i].box.y0);
      y1 = fmax(y1, words[i].box.y1);
      continue;
    }
    struct sv_line ln = {0};
    ln.nwords = i - start;
    ln.words = g_new(struct sv_word, ln.nwords);
    memcpy(ln.words, words + start, ln.nwords * sizeof *words);
    line_finish(&ln);
    g_array_append_val(lines, ln);
    if (i < nwords) {
      start = i;
      y0 = words[i].box.y0;
      y1 = words[i].box.y1;
    }
  }
  g_free(words); /* the texts moved into the lines */
  qsort(lines->data, lines->len, sizeof(struct sv_line), line_cmp_y);
  page->nlines = lines->len;
  page->lines = (struct sv_line *)g_array_free(lines, FALSE);
}

