/*
 * test_crops.c - the evidence crops of the sample cases
 * (stages/crops.h, stages/report_evidence.c).
 *
 * Every sample case is run once.  Then, for every report: each figure that
 * feeds a test (r:balances/r:month of one account, r:income/r:month,
 * r:assets/r:asset) names a crop in @evidence, the crop is a PNG under
 * OUT_DIR/<case-id>/evidence/, and Tesseract, reading the crop afresh,
 * finds the figure's digits in it (the digits of @amount as printed; the
 * crop shows the figure's line, so other digits may be there too) unless
 * the amount is not printed as such (computed="true": an average of the
 * running balances, whose crop shows them; converted="true": an income
 * worked out from another frequency).  Each
 * statement with a holder names the crop of the holder's name, and OCR of
 * it finds the holder's longest word.  Each US status document names the
 * crop of its validity, and OCR of it finds the year it ends (or "D/S").
 * No file under evidence/ is not
 * named by its report.  A run of the text-layer samples with
 * --no-evidence writes no crop and no @evidence, and its reports otherwise
 * equal the first run's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <leptonica/allheaders.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>
#include <tesseract/capi.h>

#include "support.h"

#define CASES SV_SOURCE_DIR "/samples/cases"
#define RATES SV_SOURCE_DIR "/samples/rates.xml"

static char *out;        /* OUT_DIR of the run with crops */
static char *out_none;   /* ... and of the run with --no-evidence */
static TessBaseAPI *api;

static char *text_root; /* the text-layer samples only */

static int run(const char *root, const char *dst, const char *extra)
{
  const char *argv[] = {"run", "-q", "-j", "2", "--as-of", "2026-11-15",
                        "--rates", RATES, root, "-o", dst, extra, NULL};
  return sv_test_run(argv, NULL, NULL);
}

static bool text_case(const char *id)
{
  return !sv_test_scanned_case(id);
}

static int setup(void **state)
{
  (void)state;
  out = sv_test_tmpdir("evidence-out");
  out_none = sv_test_tmpdir("evidence-none");
  text_root = sv_test_sample_root("evidence-root", text_case);
  if (run(CASES, out, NULL) != 0 ||
      run(text_root, out_none, "--no-evidence") != 0)
    return -1;
  api = TessBaseAPICreate();
  if (TessBaseAPIInit3(api, NULL, "eng") != 0)
    return -1;
  return 0;
}

static int teardown(void **state)
{
  (void)state;
  TessBaseAPIDelete(api);
  sv_test_rmtree(out);
  sv_test_rmtree(out_none);
  sv_test_rmtree(text_root);
  g_free(text_root);
  g_free(out);
  g_free(out_none);
  return 0;
}

/* The text Tesseract reads in the PNG at path (owned); fails the test when
   it is no PNG. */
static char *ocr_png(const char *path)
{
  gchar *data = NULL;
  gsize len = 0;
  if (!g_file_get_contents(path, &data, &len, NULL))
    fail_msg("the crop %s is missing", path);
  if (len < 8 || memcmp(data, "\x89PNG\r\n\x1a\n", 8) != 0)
    fail_msg("the crop %s is not a PNG", path);
  PIX *pix = pixReadMem((const l_uint8 *)data, len);
  g_free(data);
  assert_non_null(pix);
  TessBaseAPISetImage2(api, pix);
  TessBaseAPISetSourceResolution(api, pixGetXRes(pix) > 0 ? pixGetXRes(pix)
                                                          : 300);
  char *t = TessBaseAPIGetUTF8Text(api);
  char *text = g_strdup(t != NULL ? t : "");
  TessDeleteText(t);
  pixDestroy(&pix);
  return text;
}

static char *digits_of(const char *s)
{
  GString *g = g_string_new(NULL);
  for (; *s != '\0'; s++)
    if (g_ascii_isdigit(*s))
      g_string_append_c(g, *s);
  return g_string_free(g, FALSE);
}

static char *prop(xmlNodePtr n, const char *name)
{
  xmlChar *v = xmlGetProp(n, BAD_CAST name);
  char *s = v != NULL ? g_strdup((const char *)v) : NULL;
  xmlFree(v);
  return s;
}

/* The evidence files of case id named by its report go into named. */
static void check_figures(xmlDocPtr doc, const char *id, GHashTable *named,
                          int *figures)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  xmlXPathRegisterNs(ctx, BAD_CAST "r", BAD_CAST "urn:solvency:report:1");
  xmlXPathObjectPtr o = xmlXPathEvalExpression(
      BAD_CAST "/r:report/r:balances/r:month[not(@account='total')] | "
               "/r:report/r:income/r:month | /r:report/r:assets/r:asset",
      ctx);
  assert_non_null(o);
  for (int i = 0; o->nodesetval != NULL && i < o->nodesetval->nodeNr; i++) {
    xmlNodePtr n = o->nodesetval->nodeTab[i];
    char *ev = prop(n, "evidence"), *amount = prop(n, "amount");
    char *conv = prop(n, "converted"), *src = prop(n, "source");
    char *computed = prop(n, "computed");
    if (ev == NULL)
      fail_msg("%s: the figure %s from %s has no @evidence", id, amount, src);
    char *prefix = g_strdup_printf("%s/evidence/", id);
    assert_true(g_str_has_prefix(ev, prefix));
    g_free(prefix);
    g_hash_table_add(named, g_strdup(ev));
    char *path = g_build_filename(out, ev, NULL);
    char *text = ocr_png(path);
    char *want = digits_of(amount), *got = digits_of(text);
    /* an income month worked out from another frequency, and an average
       computed from the running balances (its crop shows them), are not
       printed as such */
    if (conv == NULL && computed == NULL && strstr(got, want) == NULL)
      fail_msg("%s: the crop %s of %s reads \"%s\"", id, ev, amount, text);
    (*figures)++;
    g_free(want);
    g_free(got);
    g_free(text);
    g_free(path);
    g_free(ev);
    g_free(amount);
    g_free(conv);
    g_free(computed);
    g_free(src);
  }
  xmlXPathFreeObject(o);

  o = xmlXPathEvalExpression(
      BAD_CAST "//r:statement[@holderEvidence] | //r:income[@personEvidence]",
      ctx);
  for (int i = 0; o->nodesetval != NULL && i < o->nodesetval->nodeNr; i++) {
    xmlNodePtr n = o->nodesetval->nodeTab[i];
    bool st = xmlStrcmp(n->name, BAD_CAST "statement") == 0;
    char *ev = prop(n, st ? "holderEvidence" : "personEvidence");
    char *name = prop(n, st ? "holder" : "person");
    g_hash_table_add(named, g_strdup(ev));
    char *path = g_build_filename(out, ev, NULL);
    char *text = ocr_png(path);
    /* the name's longest word, in any case */
    char **words = g_strsplit(name, " ", -1);
    const char *longest = "";
    for (char **w = words; *w != NULL; w++)
      if (strlen(*w) > strlen(longest))
        longest = *w;
    /* accents aside: the test reads with the English model only */
    char *ta = g_str_to_ascii(text, "C"), *la = g_str_to_ascii(longest, "C");
    char *a = g_ascii_strdown(ta, -1), *b = g_ascii_strdown(la, -1);
    g_free(ta);
    g_free(la);
    if (strstr(a, b) == NULL)
      fail_msg("%s: the crop %s of \"%s\" reads \"%s\"", id, ev, name, text);
    g_free(a);
    g_free(b);
    g_strfreev(words);
    g_free(text);
    g_free(path);
    g_free(ev);
    g_free(name);
  }
  xmlXPathFreeObject(o);

  /* a status document's validity: its crop shows the year it ends (the
     last two digits: a visa's zone prints YYMMDD), or "D/S" */
  o = xmlXPathEvalExpression(BAD_CAST "//r:usStatus", ctx);
  for (int i = 0; o->nodesetval != NULL && i < o->nodesetval->nodeNr; i++) {
    xmlNodePtr n = o->nodesetval->nodeTab[i];
    char *ev = prop(n, "evidence"), *until = prop(n, "validUntil");
    char *ds = prop(n, "durationOfStatus");
    if (ev == NULL)
      fail_msg("%s: a status document has no @evidence", id);
    g_hash_table_add(named, g_strdup(ev));
    char *path = g_build_filename(out, ev, NULL);
    char *text = ocr_png(path);
    if (until != NULL) {
      char *got = digits_of(text);
      char yy[3] = {until[2], until[3], '\0'};
      if (strstr(got, yy) == NULL)
        fail_msg("%s: the crop %s of validity %s reads \"%s\"", id, ev,
                 until, text);
      g_free(got);
    } else if (ds != NULL) {
      char *low = g_ascii_strdown(text, -1);
      if (strstr(low, "d/s") == NULL)
        fail_msg("%s: the crop %s of D/S reads \"%s\"", id, ev, text);
      g_free(low);
    }
    (*figures)++;
    g_free(text);
    g_free(path);
    g_free(ev);
    g_free(until);
    g_free(ds);
  }
  xmlXPathFreeObject(o);
  xmlXPathFreeContext(ctx);
}

static void test_every_figure_has_a_readable_crop(void **state)
{
  (void)state;
  GDir *d = g_dir_open(CASES, 0, NULL);
  assert_non_null(d);
  int cases = 0, figures = 0;
  for (const char *id; (id = g_dir_read_name(d)) != NULL;) {
    char *file = g_strdup_printf("%s.xml", id);
    char *path = g_build_filename(out, file, NULL);
    xmlDocPtr doc = sv_test_parse(path);
    assert_non_null(doc);
    char *case_id = sv_test_xpath_str(doc, "string(/r:report/@case)");
    GHashTable *named = g_hash_table_new_full(g_str_hash, g_str_equal,
                                              g_free, NULL);
    check_figures(doc, case_id, named, &figures);
    /* nothing under evidence/ that the report does not name */
    char *dir = g_build_filename(out, case_id, "evidence", NULL);
    GDir *e = g_dir_open(dir, 0, NULL);
    for (const char *f; e != NULL && (f = g_dir_read_name(e)) != NULL;) {
      char *rel = g_strdup_printf("%s/evidence/%s", case_id, f);
      if (!g_hash_table_contains(named, rel))
        fail_msg("%s is not named by its report", rel);
      g_free(rel);
    }
    if (e != NULL)
      g_dir_close(e);
    if (g_hash_table_size(named) == 0)
      assert_false(g_file_test(dir, G_FILE_TEST_EXISTS));
    g_free(dir);
    g_hash_table_destroy(named);
    g_free(case_id);
    xmlFreeDoc(doc);
    g_free(path);
    g_free(file);
    cases++;
  }
  g_dir_close(d);
  assert_true(cases >= 20);
  assert_true(figures >= 100); /* the samples hold about 190 */
}

/* Without crops: no evidence folder, no @evidence, and the reports are
   the same otherwise (the attributes removed, they are byte-identical). */
static void test_no_evidence(void **state)
{
  (void)state;
  GDir *d = g_dir_open(out_none, 0, NULL);
  assert_non_null(d);
  int reports = 0;
  for (const char *f; (f = g_dir_read_name(d)) != NULL;) {
    char *p = g_build_filename(out_none, f, NULL);
    assert_false(g_file_test(p, G_FILE_TEST_IS_DIR));
    if (g_str_has_suffix(f, ".xml") && strcmp(f, "batch.xml") != 0) {
      gchar *none = NULL, *with = NULL;
      char *q = g_build_filename(out, f, NULL);
      assert_true(g_file_get_contents(p, &none, NULL, NULL));
      assert_true(g_file_get_contents(q, &with, NULL, NULL));
      assert_null(strstr(none, "vidence=\""));
      GRegex *re = g_regex_new(" (holder|person)?[eE]vidence=\"[^\"]*\"", 0,
                               0, NULL);
      char *stripped = g_regex_replace_literal(re, with, -1, 0, "", 0, NULL);
      assert_string_equal(stripped, none);
      g_free(stripped);
      g_regex_unref(re);
      g_free(none);
      g_free(with);
      g_free(q);
      reports++;
    }
    g_free(p);
  }
  g_dir_close(d);
  assert_true(reports >= 12);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_figure_has_a_readable_crop),
      cmocka_unit_test(test_no_evidence),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
