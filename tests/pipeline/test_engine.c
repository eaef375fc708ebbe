/*
 * test_engine.c - the engine with fake stages: every document runs through
 * every document stage exactly once, every case reaches the case stages
 * exactly once after all its documents, per-worker contexts are made once
 * per worker, a stage that cannot start fails its documents with the reason
 * while the batch goes on, and case ids are made unique.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "engine.h"
#include "ingest.h"
#include "support.h"

static gint inits, finis, doc_calls, case_calls, docs_seen_at_case;
static gint broken_inits;

static sv_status count_init(const struct sv_config *cfg,
                            struct sv_services *svc, void **ctx)
{
  (void)cfg;
  (void)svc;
  g_atomic_int_inc(&inits);
  *ctx = g_new0(int, 1);
  return SV_OK;
}

static void count_fini(void **ctx)
{
  g_atomic_int_inc(&finis);
  g_free(*ctx);
  *ctx = NULL;
}

/* Marks each document it sees; fails those named "bad*". */
static sv_status mark_process(void *ctx, const struct sv_config *cfg,
                              const struct sv_services *svc,
                              struct sv_case *c, struct sv_doc *doc)
{
  (void)svc;
  (void)cfg;
  (void)c;
  (*(int *)ctx)++;
  g_atomic_int_inc(&doc_calls);
  doc->kind_score += 1.0; /* counts visits: must end at exactly 1 */
  char *base = g_path_get_basename(doc->relpath);
  if (g_str_has_prefix(base, "bad"))
    sv_doc_problem(doc, SV_DOC_FAILED, SV_CORRUPT, "mark", 0, "bad file");
  g_free(base);
  return SV_OK;
}

/* Runs after mark: must never see a failed document. */
static sv_status after_process(void *ctx, const struct sv_config *cfg,
                               const struct sv_services *svc,
                               struct sv_case *c, struct sv_doc *doc)
{
  (void)svc;
  (void)ctx;
  (void)cfg;
  (void)c;
  assert_int_equal(doc->status, SV_DOC_OK);
  doc->kind_score += 10.0;
  return SV_OK;
}

/* Case stage: all documents are back, each visited once. */
static sv_status case_process(void *ctx, const struct sv_config *cfg,
                              const struct sv_services *svc,
                              struct sv_case *c, struct sv_doc *doc)
{
  (void)svc;
  (void)ctx;
  (void)cfg;
  assert_null(doc);
  g_atomic_int_inc(&case_calls);
  for (size_t i = 0; i < c->ndocs; i++) {
    const struct sv_doc *d = c->docs[i];
    bool bad = strstr(d->relpath, "bad") != NULL;
    assert_true(d->kind_score == (bad ? 1.0 : 11.0));
    assert_null(d->bytes);
    g_atomic_int_inc(&docs_seen_at_case);
  }
  c->report_written = true;
  return SV_OK;
}

static sv_status broken_init(const struct sv_config *cfg,
                            struct sv_services *svc, void **ctx)
{
  (void)cfg;
  (void)svc;
  (void)ctx;
  g_atomic_int_inc(&broken_inits);
  return SV_OCR;
}

/* Lists the case folders as the program does (ingest's open). */
static const struct sv_stage opener = {.name = "open",
                                       .open = sv_ingest_open_case};
static const struct sv_stage mark = {.name = "mark",
                                     .init = count_init,
                                     .process = mark_process,
                                     .fini = count_fini};
static const struct sv_stage after = {.name = "after",
                                      .process = after_process};
static const struct sv_stage casest = {.name = "case",
                                       .scope = SV_SCOPE_CASE,
                                       .process = case_process};
static const struct sv_stage broken = {.name = "broken",
                                       .init = broken_init,
                                       .process = after_process};

static char *make_root(int ncases, int ndocs)
{
  char *root = sv_test_tmpdir("engine");
  for (int c = 0; c < ncases; c++) {
    for (int d = 0; d < ndocs; d++) {
      char *p = g_strdup_printf("%s/case%02d/%s%d.pdf", root, c,
                                d == 0 && c % 3 == 0 ? "bad" : "doc", d);
      sv_test_write(p, "x", 1);
      g_free(p);
    }
  }
  char *empty = g_strdup_printf("%s/case%02d", root, ncases);
  g_mkdir_with_parents(empty, 0755); /* a case with no documents */
  g_free(empty);
  return root;
}

static gint path_cmp(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The case folders under root, in name order (as the CLI lists them). */
static GPtrArray *case_dirs(const char *root)
{
  GPtrArray *dirs = g_ptr_array_new_with_free_func(g_free);
  GDir *d = g_dir_open(root, 0, NULL);
  const char *n;
  while ((n = g_dir_read_name(d)) != NULL)
    g_ptr_array_add(dirs, g_build_filename(root, n, NULL));
  g_dir_close(d);
  g_ptr_array_sort(dirs, path_cmp);
  return dirs;
}

static struct sv_config config(int jobs)
{
  struct sv_config cfg = {0};
  cfg.jobs = jobs;
  cfg.quiet = true;
  g_date_clear(&cfg.today, 1);
  g_date_set_dmy(&cfg.today, 15, 11, 2026);
  g_date_clear(&cfg.as_of, 1);
  return cfg;
}

/* 20 cases x 5 documents (+ one empty case) with 3 workers: every
   document through every stage once, failed ones skipped by later
   stages, every case finished once, one context per worker. */
static void test_engine_every_item_once(void **state)
{
  (void)state;
  char *root = make_root(20, 5);
  GPtrArray *dirs = case_dirs(root);
  struct sv_config cfg = config(3);
  const struct sv_stage *const stages[] = {&opener, &mark, &after, &casest, NULL};
  inits = finis = doc_calls = case_calls = docs_seen_at_case = 0;
  struct sv_engine_result res;
  sv_engine_run(&cfg, stages, (char *const *)dirs->pdata, dirs->len, &res);
  assert_int_equal(g_atomic_int_get(&inits), 3);
  assert_int_equal(g_atomic_int_get(&finis), 3);
  assert_int_equal(g_atomic_int_get(&doc_calls), 100);
  assert_int_equal(g_atomic_int_get(&case_calls), 21);
  assert_int_equal(g_atomic_int_get(&docs_seen_at_case), 100);
  assert_int_equal(res.cases, 21);
  assert_int_equal(res.reported, 21);
  assert_int_equal(res.failed, 0);
  assert_int_equal(res.documents, 100);
  assert_int_equal(res.nentries, 21);
  for (size_t i = 1; i < res.nentries; i++) /* sorted by case id */
    assert_true(strcmp(res.entries[i - 1].case_id, res.entries[i].case_id) <
                0);
  assert_string_equal(res.entries[0].report, "case00.xml");
  sv_engine_result_clear(&res);
  g_ptr_array_free(dirs, TRUE);
  sv_test_rmtree(root);
  g_free(root);
}

/* A document stage that cannot start in any worker fails the documents
   that reach it, with the stage's name and reason; cases still finish. */
static void test_engine_stage_init_failure_fails_documents(void **state)
{
  (void)state;
  char *root = make_root(2, 2);
  GPtrArray *dirs = case_dirs(root);
  struct sv_config cfg = config(2);
  broken_inits = 0;
  case_calls = 0;
  const struct sv_stage *const stages[] = {&opener, &broken, NULL};
  struct sv_engine_result res;
  sv_engine_run(&cfg, stages, (char *const *)dirs->pdata, dirs->len, &res);
  assert_int_equal(g_atomic_int_get(&broken_inits), 2);
  assert_int_equal(res.cases, 3);
  assert_int_equal(res.documents, 4);
  sv_engine_result_clear(&res);
  g_ptr_array_free(dirs, TRUE);
  sv_test_rmtree(root);
  g_free(root);
}

static gint failed_docs;

static sv_status check_failed(void *ctx, const struct sv_config *cfg,
                              const struct sv_services *svc,
                              struct sv_case *c, struct sv_doc *doc)
{
  (void)svc;
  (void)ctx;
  (void)cfg;
  (void)doc;
  for (size_t i = 0; i < c->ndocs; i++) {
    const struct sv_doc *d = c->docs[i];
    if (d->status != SV_DOC_FAILED)
      continue;
    const struct sv_problem *pr = g_ptr_array_index(d->problems, 0);
    assert_string_equal(pr->stage, "broken");
    assert_int_equal(pr->status, SV_OCR);
    assert_non_null(strstr(pr->message, "could not start"));
    g_atomic_int_inc(&failed_docs);
  }
  return SV_OK;
}

/* The failure detail reaches the case stages (and so the report). */
static void test_engine_init_failure_detail(void **state)
{
  (void)state;
  char *root = make_root(2, 3);
  GPtrArray *dirs = case_dirs(root);
  struct sv_config cfg = config(1);
  const struct sv_stage checker = {.name = "check",
                                   .scope = SV_SCOPE_CASE,
                                   .process = check_failed};
  const struct sv_stage *const stages[] = {&opener, &broken, &checker, NULL};
  failed_docs = 0;
  struct sv_engine_result res;
  sv_engine_run(&cfg, stages, (char *const *)dirs->pdata, dirs->len, &res);
  assert_int_equal(g_atomic_int_get(&failed_docs), 6);
  sv_engine_result_clear(&res);
  g_ptr_array_free(dirs, TRUE);
  sv_test_rmtree(root);
  g_free(root);
}

/* Two folders whose case.xml give the same id get distinct reports. */
static void test_engine_duplicate_case_ids(void **state)
{
  (void)state;
  char *root = sv_test_tmpdir("engine-dup");
  const char *xml = "<case id=\"C-1\"/>";
  for (int i = 0; i < 2; i++) {
    char *p = g_strdup_printf("%s/f%d/case.xml", root, i);
    sv_test_write(p, xml, strlen(xml));
    g_free(p);
  }
  GPtrArray *dirs = case_dirs(root);
  struct sv_config cfg = config(2);
  char *schemas = sv_test_src("schemas");
  cfg.data_dir = schemas;
  const struct sv_stage *const stages[] = {&opener, &casest, NULL};
  struct sv_engine_result res;
  sv_engine_run(&cfg, stages, (char *const *)dirs->pdata, dirs->len, &res);
  assert_int_equal(res.nentries, 2);
  assert_string_equal(res.entries[0].case_id, "C-1");
  assert_string_equal(res.entries[1].case_id, "C-1-2");
  sv_engine_result_clear(&res);
  g_ptr_array_free(dirs, TRUE);
  sv_test_rmtree(root);
  g_free(schemas);
  g_free(root);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_engine_every_item_once),
      cmocka_unit_test(test_engine_stage_init_failure_fails_documents),
      cmocka_unit_test(test_engine_init_failure_detail),
      cmocka_unit_test(test_engine_duplicate_case_ids),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
