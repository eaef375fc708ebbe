/*
 * test_render.c - the render stage alone: PDF text layer to words and lines
 * (geometry, columns, reading order), image-only pages left for OCR,
 * damaged and encrypted-looking PDFs failed with a reason.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <string.h>

#include "render.h"
#include "support.h"

struct sink {
  GByteArray *buf;
};

static cairo_status_t sink_write(void *closure, const unsigned char *data,
                                 unsigned int len)
{
  struct sink *s = closure;
  g_byte_array_append(s->buf, data, len);
  return CAIRO_STATUS_SUCCESS;
}

/* Draws a one-page A4 PDF in memory: (text, x, y) triples, plus an image
   when image is true.  Returns owned bytes. */
static GBytes *make_pdf(const char *const *texts, const double *xy,
                        size_t n, bool image)
{
  struct sink s = {g_byte_array_new()};
  cairo_surface_t *surf =
      cairo_pdf_surface_create_for_stream(sink_write, &s, 595, 842);
  cairo_t *cr = cairo_create(surf);
  if (image) {
    cairo_surface_t *img =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, 200, 100);
    cairo_t *ic = cairo_create(img);
    cairo_set_source_rgb(ic, 1, 1, 1);
    cairo_paint(ic);
    cairo_set_source_rgb(ic, 0, 0, 0);
    cairo_move_to(ic, 10, 50);
    cairo_set_font_size(ic, 20);
    cairo_show_text(ic, "Saldo Final 1,000.00"); /* pixels only */
    cairo_destroy(ic);
    cairo_set_source_surface(cr, img, 50, 50);
    cairo_paint(cr);
    cairo_surface_destroy(img);
  }
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                         CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 10);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (size_t i = 0; i < n; i++) {
    cairo_move_to(cr, xy[2 * i], xy[2 * i + 1]);
    cairo_show_text(cr, texts[i]);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surf);
  cairo_surface_destroy(surf);
  return g_byte_array_free_to_bytes(s.buf);
}

static struct sv_doc *render(struct sv_case *c, GBytes *bytes)
{
  struct sv_config cfg = {0};
  struct sv_doc *d = sv_doc_new(c, "t.pdf", "/t.pdf");
  d->type = SV_FILE_PDF;
  d->bytes = bytes;
  assert_int_equal(sv_render_stage.process(NULL, &cfg, c, d), SV_OK);
  return d;
}

/* Text drawn out of order (value first, label later; lower line first)
   comes back as lines top to bottom, words left to right, with a column
   gap between label and value and single spaces inside the label. */
static void test_render_lines_by_geometry(void **state)
{
  (void)state;
  const char *t[] = {"$14,111.11", "Ending Balance", "Beginning Balance",
                     "$12,345.67", "Account Holder: JOHN DOE"};
  const double xy[] = {450, 200, 60, 200, 60, 180, 450, 180, 60, 100};
  struct sv_case *c = sv_case_new("c", "/", "c");
  struct sv_doc *d = render(c, make_pdf(t, xy, 5, false));
  assert_int_equal(d->status, SV_DOC_OK);
  assert_int_equal(d->npages, 1);
  assert_int_equal(d->text, SV_TEXT_LAYER);
  assert_null(d->bytes); /* text layer everywhere: bytes dropped */
  struct sv_page *p = &d->pages[0];
  assert_int_equal(p->source, SV_TEXT_LAYER);
  assert_int_equal(p->nlines, 3);
  assert_string_equal(p->lines[0].text, "Account Holder: JOHN DOE");
  assert_string_equal(p->lines[1].text,
                      "Beginning Balance" SV_COLUMN_GAP "$12,345.67");
  assert_string_equal(p->lines[2].text,
                      "Ending Balance" SV_COLUMN_GAP "$14,111.11");
  /* boxes are in points, top-left origin: the value sits at x >= 450 */
  const struct sv_line *ln = &p->lines[2];
  assert_int_equal(ln->nwords, 3);
  assert_true(ln->words[2].box.x0 >= 449 && ln->words[2].box.x0 < 460);
  assert_true(ln->words[2].box.y1 > 190 && ln->words[2].box.y0 < 201);
  assert_true(ln->words[2].conf == 100.0f);
  sv_doc_free(&d);
  sv_case_free(&c);
}

/* A page holding only an image has no text layer: left for OCR with its
   bytes kept. */
static void test_render_image_only_page_left_for_ocr(void **state)
{
  (void)state;
  struct sv_case *c = sv_case_new("c", "/", "c");
  struct sv_doc *d = render(c, make_pdf(NULL, NULL, 0, true));
  assert_int_equal(d->status, SV_DOC_OK);
  assert_int_equal(d->npages, 1);
  assert_int_equal(d->pages[0].source, SV_TEXT_NONE);
  assert_int_equal(d->pages[0].nlines, 0);
  assert_int_equal(d->text, SV_TEXT_NONE);
  assert_non_null(d->bytes);
  sv_doc_free(&d);
  sv_case_free(&c);
}

/* A truncated PDF fails with a reason; nothing crashes or leaks. */
static void test_render_truncated_pdf_fails(void **state)
{
  (void)state;
  const char *t[] = {"Saldo Final", "$1,000.00", "Titular: ANA"};
  const double xy[] = {60, 100, 400, 100, 60, 60};
  GBytes *full = make_pdf(t, xy, 3, false);
  gsize len = 0;
  const guint8 *data = g_bytes_get_data(full, &len);
  GBytes *cut = g_bytes_new(data, len * 4 / 10);
  g_bytes_unref(full);
  struct sv_case *c = sv_case_new("c", "/", "c");
  struct sv_doc *d = render(c, cut);
  assert_int_equal(d->status, SV_DOC_FAILED);
  struct sv_problem *pr = g_ptr_array_index(d->problems, 0);
  assert_int_equal(pr->status, SV_CORRUPT);
  assert_non_null(strstr(pr->message, "PDF"));
  sv_doc_free(&d);
  sv_case_free(&c);
}

/* Line building alone: overlapping words share a line, a word lower by
   more than half a height starts a new one, and the gap rule holds. */
static void test_render_build_lines_direct(void **state)
{
  (void)state;
  struct sv_word *w = g_new0(struct sv_word, 4);
  w[0] = (struct sv_word){g_strdup("Saldo"), {10, 10, 40, 20}, 90};
  w[1] = (struct sv_word){g_strdup("Final"), {44, 11, 70, 21}, 95};
  w[2] = (struct sv_word){g_strdup("9.00"), {300, 10, 324, 20}, 80};
  w[3] = (struct sv_word){g_strdup("next"), {10, 30, 34, 40}, 99};
  struct sv_page p = {.number = 1};
  sv_render_build_lines(&p, w, 4);
  assert_int_equal(p.nlines, 2);
  assert_string_equal(p.lines[0].text, "Saldo Final" SV_COLUMN_GAP "9.00");
  assert_string_equal(p.lines[1].text, "next");
  assert_true(p.lines[0].box.x1 == 324 && p.lines[0].box.y1 == 21);
  assert_true(p.lines[0].words[2].conf == 80.0f);
  sv_page_clear(&p);
  assert_int_equal(p.nlines, 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_render_lines_by_geometry),
      cmocka_unit_test(test_render_image_only_page_left_for_ocr),
      cmocka_unit_test(test_render_truncated_pdf_fails),
      cmocka_unit_test(test_render_build_lines_direct),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
