/*
 * render.c - document stage: PDF text layer to pages of positioned words.
 *
 * Each worker opens its own PopplerDocument from the bytes ingest read (a
 * PopplerDocument is never shared between threads).  For every page we take
 * poppler's text and its per-character boxes, cut the characters into words
 * at white space and at jumps in position, and rebuild lines by geometry.
 * Pages with fewer than SV_RENDER_MIN_CHARS printable characters are left
 * for OCR (source SV_TEXT_NONE).  The document's bytes are kept only while
 * a page still needs them (OCR renders them); otherwise they are dropped.
 */
#include "render.h"

#include <math.h>
#include <poppler.h>
#include <string.h>

/* A PDF with more pages than this is refused (no case needs it). */
#define SV_RENDER_MAX_PAGES 2000

/* ------------------------------------------------------- line building */

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

static void box_union(struct sv_box *acc, const struct sv_box *b)
{
  acc->x0 = fmin(acc->x0, b->x0);
  acc->y0 = fmin(acc->y0, b->y0);
  acc->x1 = fmax(acc->x1, b->x1);
  acc->y1 = fmax(acc->y1, b->y1);
}

/* True when b belongs on the line whose vertical extent is [y0, y1]. */
static bool same_line(double y0, double y1, const struct sv_box *b)
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
    box_union(&ln->box, &ln->words[i].box);
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

void sv_render_build_lines(struct sv_page *page, struct sv_word *words,
                           size_t nwords)
{
  sv_page_clear(page);
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
    if (i < nwords && same_line(y0, y1, &words[i].box)) {
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

/* ------------------------------------------------------- text layer */

struct word_acc {
  GString *text;
  struct sv_box box;
  bool open;
};

static void word_flush(struct word_acc *acc, GArray *words)
{
  if (!acc->open)
    return;
  acc->open = false;
  char *norm = g_utf8_normalize(acc->text->str, -1, G_NORMALIZE_NFC);
  g_string_truncate(acc->text, 0);
  if (norm == NULL || norm[0] == '\0') {
    g_free(norm);
    return;
  }
  struct sv_word w = {.text = norm, .box = acc->box, .conf = 100.0f};
  g_array_append_val(words, w);
}

/* Reads one page's text layer into page; returns the number of printable
   characters seen. */
static long read_text_layer(PopplerPage *pp, struct sv_page *page)
{
  char *text = poppler_page_get_text(pp);
  PopplerRectangle *rects = NULL;
  guint nrects = 0;
  long printable = 0;
  GArray *words = g_array_new(FALSE, TRUE, sizeof(struct sv_word));
  struct word_acc acc = {.text = g_string_new(NULL)};

  if (text == NULL || !g_utf8_validate(text, -1, NULL) ||
      !poppler_page_get_text_layout(pp, &rects, &nrects))
    goto out;

  /* poppler gives one rectangle per character of poppler_page_get_text(). */
  guint i = 0;
  for (const char *p = text; *p != '\0' && i < nrects;
       p = g_utf8_next_char(p), i++) {
    gunichar ch = g_utf8_get_char(p);
    const PopplerRectangle *r = &rects[i];
    struct sv_box b = {fmin(r->x1, r->x2), fmin(r->y1, r->y2),
                       fmax(r->x1, r->x2), fmax(r->y1, r->y2)};
    if (g_unichar_isspace(ch) || !g_unichar_isprint(ch)) {
      word_flush(&acc, words);
      continue;
    }
    printable++;
    if (acc.open) {
      /* A jump backwards, to another line, or far right ends the word. */
      double h = acc.box.y1 - acc.box.y0;
      bool other_line = !same_line(acc.box.y0, acc.box.y1, &b);
      bool jump = b.x0 < acc.box.x1 - h || b.x0 > acc.box.x1 + h;
      if (other_line || jump)
        word_flush(&acc, words);
    }
    if (!acc.open) {
      acc.open = true;
      acc.box = b;
    } else {
      box_union(&acc.box, &b);
    }
    g_string_append_unichar(acc.text, ch);
  }
  word_flush(&acc, words);

out:
  g_string_free(acc.text, TRUE);
  g_free(rects);
  g_free(text);
  if (printable >= SV_RENDER_MIN_CHARS) {
    size_t n = words->len;
    sv_render_build_lines(page, (struct sv_word *)g_array_free(words, FALSE),
                          n);
    page->source = SV_TEXT_LAYER;
    page->conf = 100.0f;
  } else {
    for (guint k = 0; k < words->len; k++)
      g_free(g_array_index(words, struct sv_word, k).text);
    g_array_free(words, TRUE);
    page->source = SV_TEXT_NONE;
  }
  return printable;
}

static void render_pdf(struct sv_doc *doc)
{
  GError *err = NULL;
  PopplerDocument *pd = poppler_document_new_from_bytes(doc->bytes, NULL, &err);
  if (pd == NULL) {
    bool encrypted = err != NULL &&
                     g_error_matches(err, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED);
    sv_doc_problem(doc, SV_DOC_FAILED, encrypted ? SV_ENCRYPTED : SV_CORRUPT,
                   "render", 0, "%s: %s",
                   encrypted ? "the PDF is password-protected"
                             : "the PDF cannot be opened",
                   err != NULL ? err->message : "unknown error");
    g_clear_error(&err);
    return;
  }
  int n = poppler_document_get_n_pages(pd);
  if (n <= 0) {
    sv_doc_problem(doc, SV_DOC_FAILED, SV_CORRUPT, "render", 0,
                   "the PDF has no pages");
    goto out;
  }
  if (n > SV_RENDER_MAX_PAGES) {
    sv_doc_problem(doc, SV_DOC_FAILED, SV_TOOBIG, "render", 0,
                   "the PDF has %d pages; the limit is %d", n,
                   SV_RENDER_MAX_PAGES);
    goto out;
  }
  doc->npages = n;
  doc->pages = g_new0(struct sv_page, n);
  bool all_text = true;
  for (int i = 0; i < n; i++) {
    struct sv_page *page = &doc->pages[i];
    page->number = i + 1;
    PopplerPage *pp = poppler_document_get_page(pd, i);
    if (pp == NULL) {
      sv_doc_problem(doc, SV_DOC_OK, SV_CORRUPT, "render", i + 1,
                     "page %d cannot be read", i + 1);
      all_text = false;
      continue;
    }
    poppler_page_get_size(pp, &page->width, &page->height);
    read_text_layer(pp, page);
    if (page->source != SV_TEXT_LAYER)
      all_text = false;
    g_object_unref(pp);
  }
  if (all_text) {
    doc->text = SV_TEXT_LAYER;
    g_bytes_unref(doc->bytes); /* no page needs pixels: free them now */
    doc->bytes = NULL;
  }
out:
  g_object_unref(pd);
}

static sv_status render_process(void *ctx, const struct sv_config *cfg,
                                struct sv_case *c, struct sv_doc *doc)
{
  (void)ctx;
  (void)cfg;
  (void)c;
  if (doc->type == SV_FILE_PDF && doc->bytes != NULL)
    render_pdf(doc);
  /* Images have no text layer: the OCR stage reads them. */
  return SV_OK;
}

const struct sv_stage sv_render_stage = {
    .name = "render",
    .scope = SV_SCOPE_DOCUMENT,
    .process = render_process,
};
