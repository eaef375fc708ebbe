/*
 * reader_fixture.c - see reader_fixture.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "classify.h"
#include "extract.h"
#include "render.h"
#include "stages/readers/reader_fixture.h"
#include "support.h"

/* Returns owned (sv_doc_free): a document of the given pages' texts
   (NULL-terminated); 3+ spaces stay a column break by themselves. */
struct sv_doc *fx_statement_doc(const char *const *pages)
{
  return sv_test_doc_from_pages("statement.pdf", pages, 0.0);
}

/* Classifies and extracts doc with the worker services svc (may be NULL). */
void fx_run_stages_svc(struct sv_doc *doc, const struct sv_services *svc)
{
  struct sv_config cfg;
  memset(&cfg, 0, sizeof cfg);
  assert_int_equal(sv_classify_stage.process(NULL, &cfg, svc, NULL, doc),
                   SV_OK);
  assert_int_equal(sv_extract_stage.process(NULL, &cfg, svc, NULL, doc), SV_OK);
}

void fx_run_stages(struct sv_doc *doc)
{
  fx_run_stages_svc(doc, NULL);
}

/* Returns owned: a document of one page, classified and extracted. */
struct sv_doc *fx_extract_text(const char *text)
{
  const char *pages[] = {text, NULL};
  struct sv_doc *doc = fx_statement_doc(pages);
  fx_run_stages(doc);
  return doc;
}

void fx_assert_date(const GDate *d, int y, int m, int day)
{
  assert_true(g_date_valid(d));
  assert_int_equal(g_date_get_year(d), y);
  assert_int_equal(g_date_get_month(d), m);
  assert_int_equal(g_date_get_day(d), day);
}

void fx_assert_figure(const struct sv_figure *f, sv_cents amount, int page)
{
  assert_true(f->present);
  assert_int_equal(f->amount, amount);
  assert_int_equal(f->page, page);
  assert_true(f->box.x1 > f->box.x0);
  assert_true(f->box.y1 > f->box.y0);
}

/* The first word of doc's pages whose text is `text`. */
struct sv_word *fx_find_word(struct sv_doc *doc, const char *text)
{
  for (int p = 0; p < doc->npages; p++)
    for (size_t l = 0; l < doc->pages[p].nlines; l++)
      for (size_t w = 0; w < doc->pages[p].lines[l].nwords; w++)
        if (strcmp(doc->pages[p].lines[l].words[w].text, text) == 0)
          return &doc->pages[p].lines[l].words[w];
  return NULL;
}

/* Returns owned (g_free): text with the first `from` replaced by `to`
   (GLib 2.56 has no g_string_replace); fails the test when absent. */
char *fx_replaced(const char *text, const char *from, const char *to)
{
  const char *at = strstr(text, from);
  assert_non_null(at);
  GString *s = g_string_new_len(text, at - text);
  g_string_append(s, to);
  g_string_append(s, at + strlen(from));
  return g_string_free(s, FALSE);
}

/* Returns owned: the document read from a realdocs PDF through render,
   classify and extract, or NULL (test skipped) when it is not there. */
struct sv_doc *fx_realdoc(const char *rel)
{
  char *path = g_build_filename(SV_REALDOCS_DIR, rel, NULL);
  gchar *data = NULL;
  gsize len = 0;
  if (!g_file_get_contents(path, &data, &len, NULL)) {
    g_free(path);
    return NULL;
  }
  struct sv_doc *doc = sv_doc_new(NULL, rel, path);
  g_free(path);
  doc->bytes = g_bytes_new_take(data, len);
  doc->size = (gint64)len;
  doc->type = SV_FILE_PDF;
  struct sv_config cfg;
  memset(&cfg, 0, sizeof cfg);
  assert_int_equal(sv_render_stage.process(NULL, &cfg, NULL, NULL, doc), SV_OK);
  fx_run_stages(doc);
  return doc;
}
