/*
 * reader_fixture.h - documents for the reader tests: pages built from
 * text as printed (6pt per character, 14pt per line; 3+ spaces are wide
 * enough for render to see a column break; sv_lines_build rebuilds the
 * lines, so extract sees what render gives it), run through classify and
 * extract as the pipeline runs them, and real PDFs from realdocs through
 * render.
 */
#ifndef SV_TEST_READER_FIXTURE_H
#define SV_TEST_READER_FIXTURE_H

#include <glib.h>

#include "model.h"
#include "service.h"

/* Returns owned (sv_doc_free): a document of the given pages' texts
   (NULL-terminated); 3+ spaces stay a column break by themselves. */
struct sv_doc *fx_statement_doc(const char *const *pages);

/* Classifies and extracts doc with the worker services svc (may be NULL). */
void fx_run_stages_svc(struct sv_doc *doc, const struct sv_services *svc);

void fx_run_stages(struct sv_doc *doc);

/* Returns owned: a document of one page, classified and extracted. */
struct sv_doc *fx_extract_text(const char *text);

void fx_assert_date(const GDate *d, int y, int m, int day);

void fx_assert_figure(const struct sv_figure *f, sv_cents amount, int page);

/* The first word of doc's pages whose text is `text`. */
struct sv_word *fx_find_word(struct sv_doc *doc, const char *text);

/* Returns owned (g_free): text with the first `from` replaced by `to`
   (GLib 2.56 has no g_string_replace); fails the test when absent. */
char *fx_replaced(const char *text, const char *from, const char *to);

/* Returns owned: the document read from a realdocs PDF through render,
   classify and extract, or NULL (test skipped) when it is not there. */
struct sv_doc *fx_realdoc(const char *rel);

#endif
