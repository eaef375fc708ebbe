/*
 * test_extract.c - tests of the extract stage (stages/extract.c): it runs
 * the reader of each document's kind from the reader table, leaves other
 * kinds and documents without text alone, and records a problem when a
 * reader could read nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "extract.h"
#include "support.h"

static struct sv_doc *doc_of(const char *text, enum sv_doc_kind kind)
{
  const char *pages[] = {text, NULL};
  struct sv_doc *doc = sv_test_doc_from_pages("d.pdf", pages, 0.0);
  doc->kind = kind;
  g_strlcpy(doc->lang, "en", sizeof doc->lang);
  return doc;
}

static void run(struct sv_doc *doc)
{
  struct sv_config cfg = {0};
  assert_int_equal(sv_extract_stage.process(NULL, &cfg, NULL, NULL, doc),
                   SV_OK);
}

/* A bank statement goes to the statement reader. */
static void test_extract_routes_statements(void **state)
{
  (void)state;
  struct sv_doc *doc = doc_of("Statement Period: 03/01/2026 - 03/31/2026\n"
                              "Beginning Balance     $1,000.00\n"
                              "Ending Balance        $1,200.00\n",
                              SV_KIND_BANK_STATEMENT);
  run(doc);
  assert_int_equal(doc->statements->len, 1);
  assert_int_equal(sv_doc_statement(doc, 0)->closing.amount, 120000);
  assert_null(doc->income);
  assert_null(doc->deed);
  sv_doc_free(&doc);
}

/* A letter, an unknown document, a failed one: nothing is read. */
static void test_extract_leaves_other_kinds(void **state)
{
  (void)state;
  static const enum sv_doc_kind kinds[] = {SV_KIND_LETTER, SV_KIND_UNKNOWN};
  for (size_t i = 0; i < G_N_ELEMENTS(kinds); i++) {
    struct sv_doc *doc = doc_of("Beginning Balance     $1,000.00\n", kinds[i]);
    run(doc);
    assert_int_equal(doc->statements->len, 0);
    assert_null(doc->income);
    assert_null(doc->deed);
    assert_int_equal(doc->problems->len, 0);
    sv_doc_free(&doc);
  }
  struct sv_doc *doc = doc_of("Beginning Balance     $1,000.00\n",
                              SV_KIND_BANK_STATEMENT);
  doc->status = SV_DOC_FAILED;
  run(doc);
  assert_int_equal(doc->statements->len, 0);
  sv_doc_free(&doc);
}

/* A deed the deed reader reads nothing from gets a problem saying so,
   and stays OK for the report to list. */
static void test_extract_problem_when_nothing_read(void **state)
{
  (void)state;
  struct sv_doc *doc = doc_of("Hello\n", SV_KIND_DEED);
  run(doc);
  assert_null(doc->deed);
  assert_int_equal(doc->status, SV_DOC_OK);
  assert_int_equal(doc->problems->len, 1);
  const struct sv_problem *pr = g_ptr_array_index(doc->problems, 0);
  assert_string_equal(pr->stage, "extract");
  assert_non_null(strstr(pr->message, "deed"));
  sv_doc_free(&doc);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_extract_routes_statements),
      cmocka_unit_test(test_extract_leaves_other_kinds),
      cmocka_unit_test(test_extract_problem_when_nothing_read),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
