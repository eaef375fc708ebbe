/*
 * test_samples.c - end to end: the program over samples/cases, checked
 * against the outcomes and figures the sample generator wrote into
 * samples/expected/ (never against the program's own earlier output).
 * Also: every report validates against schemas/report.xsd, batch.xml
 * against batch.xsd, -j 1 and -j 4 give byte-identical output, and bad
 * usage exits 2.  Scanned cases (c08, c10-c13) go through OCR: their months
 * must equal the text-layer figures to the cent, and the blotted figure of
 * c13 must come out unreconciled and needs-review.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <string.h>

#include "support.h"

static char *out1, *out4, *cases_dir, *expected_dir, *rates;

static int run_samples(const char *out, const char *jobs)
{
  const char *argv[] = {"run",   "--as-of", "2026-11-15", "--rates", rates,
                        "-j",    jobs,      "--quiet",    cases_dir, "-o",
                        out,     NULL};
  char *so = NULL, *se = NULL;
  int rc = sv_test_run(argv, &so, &se);
  if (rc != 0)
    fprintf(stderr, "solvency exited %d\nstdout: %s\nstderr: %s\n", rc, so,
            se);
  g_free(so);
  g_free(se);
  return rc;
}

static int setup(void **state)
{
  (void)state;
  cases_dir = sv_test_src("samples/cases");
  expected_dir = sv_test_src("samples/expected");
  rates = sv_test_src("samples/rates.xml");
  out1 = sv_test_tmpdir("e2e-j1");
  out4 = sv_test_tmpdir("e2e-j4");
  if (run_samples(out1, "1") != 0 || run_samples(out4, "4") != 0)
    return -1;
  return 0;
}

static int teardown(void **state)
{
  (void)state;
  sv_test_rmtree(out1);
  sv_test_rmtree(out4);
  g_free(out1);
  g_free(out4);
  g_free(cases_dir);
  g_free(expected_dir);
  g_free(rates);
  return 0;
}

static gint name_cmp(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static GPtrArray *list_xml(const char *dir)
{
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  GDir *d = g_dir_open(dir, 0, NULL);
  assert_non_null(d);
  const char *n;
  while ((n = g_dir_read_name(d)) != NULL)
    if (g_str_has_suffix(n, ".xml"))
      g_ptr_array_add(names, g_strdup(n));
  g_dir_close(d);
  g_ptr_array_sort(names, name_cmp);
  return names;
}

static char *attr(xmlNodePtr n, const char *name)
{
  xmlChar *v = xmlGetProp(n, BAD_CAST name);
  char *r = v != NULL ? g_strdup((const char *)v) : NULL;
  xmlFree(v);
  return r;
}

/* Asserts that the report's value at xpath equals want. */
static void expect_xpath(xmlDocPtr rep, const char *case_id,
                         const char *xpath, const char *want)
{
  char *got = sv_test_xpath_str(rep, xpath);
  if (got == NULL || strcmp(got, want) != 0) {
    fprintf(stderr, "case %s: %s = %s, expected %s\n", case_id, xpath,
            got != NULL ? got : "(nothing)", want);
    fail();
  }
  g_free(got);
}

/* Every sample case's outcome, stay outcomes, required and mean amounts,
   monthly figures and document statuses are what the generator says. */
static void test_e2e_samples_match_expected(void **state)
{
  (void)state;
  GPtrArray *exp = list_xml(expected_dir);
  assert_true(exp->len >= 8); /* the sample set is not empty */
  size_t checks = 0;
  for (guint i = 0; i < exp->len; i++) {
    char *ep = g_build_filename(expected_dir, exp->pdata[i], NULL);
    xmlDocPtr ed = sv_test_parse(ep);
    assert_non_null(ed);
    xmlNodePtr root = xmlDocGetRootElement(ed);
    char *id = attr(root, "case");
    char *outcome = attr(root, "outcome");
    assert_non_null(id);
    assert_non_null(outcome);
    char *rp = g_strdup_printf("%s/%s.xml", out1, id);
    xmlDocPtr rep = sv_test_parse(rp);
    if (rep == NULL)
      fprintf(stderr, "no report for case %s at %s\n", id, rp);
    assert_non_null(rep);
    expect_xpath(rep, id, "/r:report/@outcome", outcome);
    checks++;
    for (xmlNodePtr n = root->children; n != NULL; n = n->next) {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      char *xp = NULL;
      if (xmlStrEqual(n->name, BAD_CAST "stay")) {
        char *sid = attr(n, "id"), *so = attr(n, "outcome");
        xp = g_strdup_printf("/r:report/r:evaluation/r:stay[@id='%s']/"
                             "@outcome", sid);
        expect_xpath(rep, id, xp, so);
        g_free(xp);
        /* expected attribute -> (test basis, report attribute) */
        static const char *const map[][3] = {
            {"savingsRequiredMxn", "savings", "requiredMxn"},
            {"savingsMeanMxn", "savings", "actualMxn"},
            {"windowMonths", "savings", "windowMonths"},
            {"wageDays", "savings", "wageDays"},
            {"monthsFound", "savings", "monthsFound"},
            {"savingsOutcome", "savings", "outcome"},
            {"lowestMonth", "savings", "lowestPeriod"},
            {"lowestMonthMxn", "savings", "lowestMxn"},
            {"incomeOutcome", "income", "outcome"},
        };
        for (size_t k = 0; k < G_N_ELEMENTS(map); k++) {
          char *want = attr(n, map[k][0]);
          if (want == NULL)
            continue;
          xp = g_strdup_printf("/r:report/r:evaluation/r:test[@stay='%s' "
                               "and @basis='%s']/@%s",
                               sid, map[k][1], map[k][2]);
          expect_xpath(rep, id, xp, want);
          g_free(xp);
          g_free(want);
        }
        checks++;
        g_free(sid);
        g_free(so);
      } else if (xmlStrEqual(n->name, BAD_CAST "month")) {
        char *period = attr(n, "period"), *acct = attr(n, "account");
        char *damaged = attr(n, "damaged");
        if (g_strcmp0(damaged, "true") == 0) {
          /* A figure the generator blotted: whatever OCR made of it, the
             report must flag it as unreconciled, never present it as
             read. */
          xp = g_strdup_printf("/r:report/r:balances/r:month[@period='%s' "
                               "and @account='%s']/@reconciled",
                               period, acct);
          expect_xpath(rep, id, xp, "false");
          g_free(xp);
          g_free(damaged);
          g_free(period);
          g_free(acct);
          checks++;
          continue;
        }
        g_free(damaged);
        const char *fields[] = {"amount", "currency", "basis", "amountMxn",
                                "source"};
        for (size_t f = 0; f < G_N_ELEMENTS(fields); f++) {
          char *want = attr(n, fields[f]);
          if (want == NULL)
            continue;
          xp = g_strdup_printf("/r:report/r:balances/r:month[@period='%s' "
                               "and @account='%s']/@%s",
                               period, acct, fields[f]);
          expect_xpath(rep, id, xp, want);
          g_free(xp);
          g_free(want);
        }
        checks++;
        g_free(period);
        g_free(acct);
      } else if (xmlStrEqual(n->name, BAD_CAST "applicant")) {
        char *name = attr(n, "name"), *src = attr(n, "source");
        if (name != NULL)
          expect_xpath(rep, id, "/r:report/r:applicant/@name", name);
        if (src != NULL)
          expect_xpath(rep, id, "/r:report/r:applicant/@source", src);
        checks++;
        g_free(name);
        g_free(src);
      } else if (xmlStrEqual(n->name, BAD_CAST "document")) {
        char *path = attr(n, "path");
        const char *fields[] = {"status", "kind", "sha256", "pages",
                                "text"};
        for (size_t f = 0; f < G_N_ELEMENTS(fields); f++) {
          char *want = attr(n, fields[f]);
          if (want == NULL)
            continue;
          xp = g_strdup_printf("/r:report/r:documents/r:document[@path="
                               "'%s']/@%s",
                               path, fields[f]);
          expect_xpath(rep, id, xp, want);
          g_free(xp);
          g_free(want);
        }
        /* a document that is not ok always says why */
        xp = g_strdup_printf("count(/r:report/r:documents/r:document[@path="
                             "'%s' and @status!='ok' and not(r:problem)])",
                             path);
        expect_xpath(rep, id, xp, "0");
        g_free(xp);
        checks++;
        g_free(path);
      }
    }
    xmlFreeDoc(rep);
    xmlFreeDoc(ed);
    g_free(rp);
    g_free(id);
    g_free(outcome);
    g_free(ep);
  }
  assert_true(checks > exp->len * 3); /* more than outcomes were checked */
  g_ptr_array_free(exp, TRUE);
}

/* Every report and batch.xml validate against their XSDs, and every case
   folder has exactly one report listed in batch.xml. */
static void test_e2e_reports_validate(void **state)
{
  (void)state;
  char *xsd = sv_test_src("schemas/report.xsd");
  char *bxsd = sv_test_src("schemas/batch.xsd");
  GPtrArray *reps = list_xml(out1);
  size_t ncases = 0;
  GDir *d = g_dir_open(cases_dir, 0, NULL);
  const char *n;
  while ((n = g_dir_read_name(d)) != NULL)
    ncases++;
  g_dir_close(d);
  assert_true(ncases >= 8);
  assert_int_equal(reps->len, ncases + 1); /* + batch.xml */
  for (guint i = 0; i < reps->len; i++) {
    char *p = g_build_filename(out1, reps->pdata[i], NULL);
    xmlDocPtr doc = sv_test_parse(p);
    assert_non_null(doc);
    bool batch = strcmp(reps->pdata[i], "batch.xml") == 0;
    if (!sv_test_validate(doc, batch ? bxsd : xsd))
      fprintf(stderr, "%s does not validate\n", p);
    assert_true(sv_test_validate(doc, batch ? bxsd : xsd));
    if (batch) {
      char *cnt = sv_test_xpath_str(doc, "count(/r:batch/r:case)");
      char *want = g_strdup_printf("%zu", ncases);
      assert_string_equal(cnt, want);
      g_free(cnt);
      g_free(want);
    }
    xmlFreeDoc(doc);
    g_free(p);
  }
  g_ptr_array_free(reps, TRUE);
  g_free(xsd);
  g_free(bxsd);
}

/* -j 1 and -j 4 write the same files, byte for byte. */
static void test_e2e_jobs_byte_identical(void **state)
{
  (void)state;
  GPtrArray *a = list_xml(out1), *b = list_xml(out4);
  assert_int_equal(a->len, b->len);
  assert_true(a->len > 1);
  for (guint i = 0; i < a->len; i++) {
    assert_string_equal(a->pdata[i], b->pdata[i]);
    char *pa = g_build_filename(out1, a->pdata[i], NULL);
    char *pb = g_build_filename(out4, b->pdata[i], NULL);
    char *ca = NULL, *cb = NULL;
    gsize la = 0, lb = 0;
    assert_true(g_file_get_contents(pa, &ca, &la, NULL));
    assert_true(g_file_get_contents(pb, &cb, &lb, NULL));
    assert_true(la > 0);
    assert_int_equal(la, lb);
    assert_memory_equal(ca, cb, la);
    g_free(ca);
    g_free(cb);
    g_free(pa);
    g_free(pb);
  }
  g_ptr_array_free(a, TRUE);
  g_ptr_array_free(b, TRUE);
}

/* Bad usage exits 2 with a message; --help and --version exit 0. */
static void test_e2e_usage(void **state)
{
  (void)state;
  char *err = NULL, *out = NULL;
  const char *none[] = {"run", NULL};
  assert_int_equal(sv_test_run(none, NULL, &err), 2);
  assert_non_null(strstr(err, "CASES_ROOT"));
  g_free(err);
  const char *noout[] = {"run", cases_dir, NULL};
  assert_int_equal(sv_test_run(noout, NULL, NULL), 2);
  const char *baddate[] = {"run", "--as-of", "2026-02-30", cases_dir, "-o",
                           out1, NULL};
  assert_int_equal(sv_test_run(baddate, NULL, NULL), 2);
  const char *noroot[] = {"run", "/nonexistent/root", "-o", out1, NULL};
  assert_int_equal(sv_test_run(noroot, NULL, NULL), 2);
  /* a short option's value attached ("-j2", "-oDIR") reads as apart:
     the error is the root's, not the options' */
  char *attached_o = g_strconcat("-o", out1, NULL);
  const char *attached[] = {"run", "-j2", "/nonexistent/root", attached_o,
                            NULL};
  assert_int_equal(sv_test_run(attached, NULL, &err), 2);
  assert_non_null(strstr(err, "/nonexistent/root"));
  g_free(err);
  g_free(attached_o);
  const char *badjobs[] = {"run", "-jx", cases_dir, "-o", out1, NULL};
  assert_int_equal(sv_test_run(badjobs, NULL, &err), 2);
  assert_non_null(strstr(err, "-j"));
  g_free(err);
  const char *badrules[] = {"run", "--ruleset", "no-such-rules", cases_dir,
                            "-o", out1, NULL};
  assert_int_equal(sv_test_run(badrules, NULL, &err), 2);
  assert_non_null(strstr(err, "no-such-rules"));
  g_free(err);
  const char *badopt[] = {"run", "--frobnicate", NULL};
  assert_int_equal(sv_test_run(badopt, NULL, NULL), 2);
  const char *badcmd[] = {"walk", NULL};
  assert_int_equal(sv_test_run(badcmd, NULL, NULL), 2);
  const char *help[] = {"run", "--help", NULL};
  assert_int_equal(sv_test_run(help, &out, NULL), 0);
  assert_non_null(strstr(out, "--as-of"));
  assert_non_null(strstr(out, "--rates"));
  g_free(out);
  const char *ver[] = {"--version", NULL};
  assert_int_equal(sv_test_run(ver, &out, NULL), 0);
  assert_true(g_str_has_prefix(out, "solvency "));
  g_free(out);
}

/* A case whose folder holds only a bad file still gets its report, and
   an empty CASES_ROOT gives an empty batch, exit 0; a CASES_ROOT with
   loose files but no folders is a usage error. */
static void test_e2e_odd_roots(void **state)
{
  (void)state;
  char *root = sv_test_tmpdir("e2e-odd");
  char *out = g_build_filename(root, "out", NULL);
  char *casesub = g_build_filename(root, "in", "only-junk", "x.txt", NULL);
  sv_test_write(casesub, "hello", 5);
  char *in = g_build_filename(root, "in", NULL);
  const char *argv[] = {"run", "--quiet", "--as-of", "2026-11-15", in, "-o",
                        out, NULL};
  assert_int_equal(sv_test_run(argv, NULL, NULL), 0);
  char *rp = g_build_filename(out, "only-junk.xml", NULL);
  xmlDocPtr rep = sv_test_parse(rp);
  assert_non_null(rep);
  expect_xpath(rep, "only-junk",
               "/r:report/r:documents/r:document[@path='x.txt']/@status",
               "skipped");
  expect_xpath(rep, "only-junk", "/r:report/@outcome",
               "insufficient-evidence");
  xmlFreeDoc(rep);

  char *loose = g_build_filename(root, "loose", "a.pdf", NULL);
  sv_test_write(loose, "%PDF-1.4", 8);
  char *ldir = g_build_filename(root, "loose", NULL);
  const char *argv2[] = {"run", "--quiet", ldir, "-o", out, NULL};
  assert_int_equal(sv_test_run(argv2, NULL, NULL), 2);

  sv_test_rmtree(root);
  g_free(ldir);
  g_free(loose);
  g_free(rp);
  g_free(in);
  g_free(casesub);
  g_free(out);
  g_free(root);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_e2e_samples_match_expected),
      cmocka_unit_test(test_e2e_reports_validate),
      cmocka_unit_test(test_e2e_jobs_byte_identical),
      cmocka_unit_test(test_e2e_usage),
      cmocka_unit_test(test_e2e_odd_roots),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
