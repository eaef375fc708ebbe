/*
 * test_pagejob.c - the pages of one document shared out between workers:
 * first claim wins, the owner's gather waits for every page a helper
 * claimed and returns them in page order, failures carry their reason,
 * and many helper threads lose or duplicate no page.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <pthread.h>

#include "pagejob.h"
#include "wire.h"

static struct sv_page_job *job_of(int npages)
{
  GBytes *bytes = g_bytes_new_static("%PDF-1.4", 8);
  struct sv_page_job *job =
      sv_page_job_new(bytes, "scans/long.pdf", SV_FILE_PDF, npages);
  g_bytes_unref(bytes); /* the job holds its own reference */
  return job;
}

/* An encoded page result, as a helper's worker hands it back. */
static GByteArray *result_of(int page, const char *word)
{
  struct sv_doc *doc = sv_doc_new(NULL, "x.pdf", "x.pdf");
  struct sv_page pg = {.number = page, .source = SV_TEXT_OCR,
                       .ocr_words = 1, .ocr_conf_sum = 90.0};
  pg.lines = g_new0(struct sv_line, 1);
  pg.nlines = 1;
  pg.lines[0].text = g_strdup(word);
  pg.lines[0].words = g_new0(struct sv_word, 1);
  pg.lines[0].nwords = 1;
  pg.lines[0].words[0].text = g_strdup(word);
  pg.lines[0].words[0].conf = 90.0f;
  sv_doc_problem(doc, SV_DOC_OK, SV_OCR, "ocr", page, "note on page %d",
                 page);
  GByteArray *b = g_byte_array_new();
  sv_wire_put_page_result(b, &pg, doc->problems, 0);
  sv_page_clear(&pg);
  sv_doc_free(&doc);
  return b;
}

/* Reads a gather's output back: page numbers and, per page, its first
   word or its failure reason. */
static guint32 read_gather(GByteArray *b, int *pages, char **what)
{
  struct sv_wire_in in;
  guint32 n = 0;
  sv_wire_in_init(&in, b);
  assert_true(sv_wire_get_u32(&in, &n));
  struct sv_doc *doc = sv_doc_new(NULL, "x.pdf", "x.pdf");
  for (guint32 i = 0; i < n; i++) {
    guint32 kind = 9;
    assert_true(sv_wire_get_i32(&in, &pages[i]));
    assert_true(sv_wire_get_u32(&in, &kind));
    if (kind == 0) {
      struct sv_page pg;
      assert_true(sv_wire_get_page_result(&in, &pg, doc));
      assert_int_equal(pg.number, pages[i]);
      what[i] = g_strdup(pg.lines[0].words[0].text);
      sv_page_clear(&pg);
    } else {
      assert_int_equal(kind, 1);
      assert_true(sv_wire_get_str(&in, &what[i]));
    }
  }
  assert_int_equal(in.left, 0);
  /* each delivered page brought its own problem along */
  guint delivered = 0;
  for (guint32 i = 0; i < n; i++)
    delivered += g_str_has_prefix(what[i], "w");
  assert_int_equal(doc->problems->len, delivered);
  sv_doc_free(&doc);
  return n;
}

/* The first to claim a page has it; a closed job refuses helpers but
   not the owner. */
static void test_pagejob_first_claim_wins(void **state)
{
  (void)state;
  struct sv_page_job *job = job_of(4);
  assert_true(sv_page_job_open(job));
  assert_true(sv_page_job_claim(job, 1, true));
  assert_false(sv_page_job_claim(job, 1, false));
  assert_true(sv_page_job_claim(job, 2, false));
  assert_false(sv_page_job_claim(job, 2, true));
  assert_false(sv_page_job_claim(job, 0, true)); /* no such page */
  assert_false(sv_page_job_claim(job, 5, false));
  sv_page_job_close(job);
  assert_false(sv_page_job_open(job));
  assert_false(sv_page_job_claim(job, 3, false));
  assert_true(sv_page_job_claim(job, 3, true));
  sv_page_job_deliver(job, 2, result_of(2, "w2"));
  sv_page_job_unref(&job);
  assert_null(job);
}

struct late {
  struct sv_page_job *job;
};

static void *deliver_late(void *arg)
{
  struct late *l = arg;
  g_usleep(150000);
  sv_page_job_deliver(l->job, 4, result_of(4, "w4"));
  sv_page_job_fail(l->job, 2, "the reader process died on page 2");
  return NULL;
}

/* The owner's gather waits for the pages helpers still read, and gives
   them in page order; a failed page carries its reason; pages the owner
   read itself are not in it. */
static void test_pagejob_gather_waits_and_orders(void **state)
{
  (void)state;
  struct sv_page_job *job = job_of(5);
  assert_true(sv_page_job_claim(job, 1, true));
  assert_true(sv_page_job_claim(job, 4, false));
  assert_true(sv_page_job_claim(job, 2, false));
  assert_true(sv_page_job_claim(job, 3, true));
  assert_true(sv_page_job_claim(job, 5, false));
  sv_page_job_deliver(job, 5, result_of(5, "w5"));
  sv_page_job_deliver(job, 1, result_of(1, "nope")); /* not a helper's */
  struct late l = {job};
  pthread_t t;
  pthread_create(&t, NULL, deliver_late, &l);
  gint64 t0 = g_get_monotonic_time();
  GByteArray *b = g_byte_array_new();
  assert_int_equal(sv_page_job_gather(job, b), 3);
  assert_true(g_get_monotonic_time() - t0 >= 100000); /* it waited */
  pthread_join(t, NULL);
  int pages[5];
  char *what[5] = {0};
  assert_int_equal(read_gather(b, pages, what), 3);
  assert_int_equal(pages[0], 2);
  assert_string_equal(what[0], "the reader process died on page 2");
  assert_int_equal(pages[1], 4);
  assert_string_equal(what[1], "w4");
  assert_int_equal(pages[2], 5);
  assert_string_equal(what[2], "w5");
  assert_int_equal(sv_page_job_helped(job), 2);
  for (int i = 0; i < 3; i++)
    g_free(what[i]);
  g_byte_array_unref(b);
  sv_page_job_unref(&job);
}

#define MANY_PAGES 400
#define HELPERS 3

struct helper {
  struct sv_page_job *job;
  int read;
};

static void *help(void *arg)
{
  struct helper *h = arg;
  for (int p = 1; p <= MANY_PAGES; p++) {
    if (!sv_page_job_claim(h->job, p, false))
      continue;
    char word[16];
    g_snprintf(word, sizeof word, "w%d", p);
    sv_page_job_deliver(h->job, p, result_of(p, word));
    h->read++;
  }
  sv_page_job_unref(&h->job);
  return NULL;
}

/* An owner and three helpers race over 400 pages: every page is read
   exactly once, and the gather holds exactly the helpers' pages, each
   once, in order. */
static void test_pagejob_race_loses_nothing(void **state)
{
  (void)state;
  struct sv_page_job *job = job_of(MANY_PAGES);
  struct helper h[HELPERS];
  pthread_t t[HELPERS];
  for (int i = 0; i < HELPERS; i++) {
    h[i] = (struct helper){.job = sv_page_job_ref(job)};
    pthread_create(&t[i], NULL, help, &h[i]);
  }
  int mine = 0;
  for (int p = 1; p <= MANY_PAGES; p++)
    mine += sv_page_job_claim(job, p, true);
  GByteArray *b = g_byte_array_new();
  guint32 n = sv_page_job_gather(job, b);
  int helped = 0;
  for (int i = 0; i < HELPERS; i++) {
    pthread_join(t[i], NULL);
    helped += h[i].read;
  }
  assert_int_equal(mine + helped, MANY_PAGES);
  assert_int_equal(n, (guint32)helped);
  int *pages = g_new0(int, MANY_PAGES);
  char **what = g_new0(char *, MANY_PAGES);
  assert_int_equal(read_gather(b, pages, what), n);
  for (guint32 i = 0; i < n; i++) {
    char word[16];
    g_snprintf(word, sizeof word, "w%d", pages[i]);
    assert_string_equal(what[i], word);
    if (i > 0)
      assert_true(pages[i] > pages[i - 1]);
    g_free(what[i]);
  }
  g_free(pages);
  g_free(what);
  g_byte_array_unref(b);
  sv_page_job_unref(&job);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_pagejob_first_claim_wins),
      cmocka_unit_test(test_pagejob_gather_waits_and_orders),
      cmocka_unit_test(test_pagejob_race_loses_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
