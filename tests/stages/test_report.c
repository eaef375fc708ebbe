/*
 * test_report.c - the report stage: XML layout, schema, sanitizing, files.
 *
 * Builds cases in memory with known figures, prints them with
 * sv_report_build, parses the bytes back and checks them against
 * schemas/report.xsd and the contract XPaths (docs/contract.md).  Also
 * covers the atomic file writer, the stage op and batch.xml.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <string.h>

#include "report.h"
#include "support.h"

#define REPORT_XSD SV_SOURCE_DIR "/schemas/report.xsd"
#define BATCH_XSD SV_SOURCE_DIR "/schemas/batch.xsd"

/* ------------------------------------------------------------- helpers */

static struct sv_config test_config(const char *out_dir)
{
  struct sv_config cfg = {0};
  cfg.out_dir = out_dir;
  cfg.ruleset_id = "sre-2012";
  return cfg;
}

static void add_doc(struct sv_case *c, struct sv_doc *d)
{
  c->docs = g_renew(struct sv_doc *, c->docs, c->ndocs + 1);
  d->index = c->ndocs;
  c->docs[c->ndocs++] = d;
}

static void add_month(GArray *a, int y, int m, const char *account,
                      sv_cents amount, const char *cur, bool has_mxn,
                      sv_cents mxn, const char *source)
{
  struct sv_month mo = {0};
  mo.year = y;
  mo.month = m;
  mo.account = g_strdup(account);
  mo.amount = amount;
  g_strlcpy(mo.currency, cur, sizeof mo.currency);
  mo.basis = SV_BASIS_AVERAGE_DAILY;
  mo.has_mxn = has_mxn;
  mo.amount_mxn = mxn;
  mo.source = g_strdup(source);
  mo.conf = 100.0f;
  g_array_append_val(a, mo);
}

static void add_test(struct sv_evaluation *ev, const char *stay,
                     enum sv_test_basis basis, int window, int days,
                     sv_cents required, bool has_actual, sv_cents actual,
                     enum sv_outcome outcome, const char *reason)
{
  struct sv_test t = {0};
  t.stay = g_strdup(stay);
  t.basis = basis;
  t.window_months = window;
  t.wage_days = days;
  t.required_mxn = required;
  t.has_actual = has_actual;
  t.actual_mxn = actual;
  t.months_found = has_actual ? 6 : 0;
  t.has_lowest = has_actual;
  t.lowest_year = 2026;
  t.lowest_month = 3;
  t.lowest_mxn = actual;
  t.outcome = outcome;
  t.reasons = g_ptr_array_new_with_free_func(g_free);
  g_ptr_array_add(t.reasons, g_strdup(reason));
  g_array_append_val(ev->tests, t);
}

/* A complete case: three documents (statement, OCR'd scan, skipped file),
   two accounts and their total in one month, income, a deed, a wage and
   two tests of the visitor stay. */
static struct sv_case *sample_case(void)
{
  struct sv_case *c = sv_case_new("C-0042", "/cases/c42", "c42");
  g_date_set_dmy(&c->as_of, 15, G_DATE_NOVEMBER, 2026);
  c->applicant = g_strdup("María José Pérez Gómez");

  struct sv_doc *d = sv_doc_new(c, "notes.txt", "/cases/c42/notes.txt");
  sv_doc_problem(d, SV_DOC_SKIPPED, SV_UNSUPPORTED, "ingest", 0,
                 "not a PDF or an image");
  add_doc(c, d);

  d = sv_doc_new(c, "scan.png", "/cases/c42/scan.png");
  memset(d->sha256, 'b', 64);
  d->type = SV_FILE_PNG;
  d->npages = 1;
  d->pages = g_new0(struct sv_page, 1);
  d->text = SV_TEXT_OCR;
  d->ocr_conf = 71.6f;
  d->kind = SV_KIND_DEED;
  d->kind_score = 0.666;
  d->lang[0] = 'e';
  d->lang[1] = 's';
  sv_doc_problem(d, SV_DOC_OK, SV_OCR, "ocr", 1, "low confidence");
  add_doc(c, d);

  d = sv_doc_new(c, "statements/2026-03.pdf",
                 "/cases/c42/statements/2026-03.pdf");
  memset(d->sha256, 'a', 64);
  d->type = SV_FILE_PDF;
  d->npages = 2;
  d->pages = g_new0(struct sv_page, 2);
  d->text = SV_TEXT_LAYER;
  d->kind = SV_KIND_BANK_STATEMENT;
  d->kind_score = 0.9;
  g_strlcpy(d->lang, "en", sizeof d->lang);
  g_ptr_array_add(d->statements, sv_statement_new());
  sv_doc_statement(d, 0)->holder = g_strdup("JOHN MICHAEL DOE");
  sv_doc_statement(d, 0)->account = g_strdup("****7890");
  g_strlcpy(sv_doc_statement(d, 0)->currency, "USD", sizeof sv_doc_statement(d, 0)->currency);
  g_date_set_dmy(&sv_doc_statement(d, 0)->start, 1, G_DATE_MARCH, 2026);
  g_date_set_dmy(&sv_doc_statement(d, 0)->end, 31, G_DATE_MARCH, 2026);
  sv_statement_set_month(sv_doc_statement(d, 0));
  sv_doc_statement(d, 0)->closing.present = true;
  sv_doc_statement(d, 0)->closing.amount = 1411111;
  sv_doc_statement(d, 0)->average.present = true;
  sv_doc_statement(d, 0)->average.amount = -50; /* prints as -0.50 */
  add_doc(c, d);

  struct sv_evaluation *ev = sv_evaluation_new();
  ev->applicant = g_strdup("María José Pérez Gómez");
  ev->applicant_from_manifest = true;
  add_month(ev->balances, 2026, 3, "****1234", 100000, "MXN", true, 100000,
            "statements/2026-02.pdf#1");
  add_month(ev->balances, 2026, 3, "****7890", 1300240, "USD", true,
            23951871, "statements/2026-03.pdf#1");
  add_month(ev->balances, 2026, 3, "total", 1400240, "MXN", true, 24051871,
            "statements/2026-02.pdf#1");
  add_month(ev->income, 2026, 3, "****7890", 300000, "USD", false, 0,
            "statements/2026-03.pdf#2");
  struct sv_asset as = {0};
  as.kind = SV_ASSET_PROPERTY;
  as.amount = 500000000;
  g_strlcpy(as.currency, "MXN", sizeof as.currency);
  as.has_mxn = true;
  as.amount_mxn = 500000000;
  as.source = g_strdup("scan.png#1");
  g_array_append_val(ev->assets, as);
  ev->wage_daily = 31504;
  ev->wage_zone = g_strdup("general");
  g_date_set_dmy(&ev->wage_effective, 1, G_DATE_JANUARY, 2026);
  add_test(ev, "visitor", SV_TEST_SAVINGS, 6, 500, 15752000, true, 24051871,
           SV_OUTCOME_MEETS, "the lowest month is above the requirement");
  add_test(ev, "visitor", SV_TEST_INCOME, 0, 150, 4725600, false, 0,
           SV_OUTCOME_INSUFFICIENT, "no rate for USD");
  struct sv_stay st = {g_strdup("visitor"), SV_OUTCOME_MEETS};
  g_array_append_val(ev->stays, st);
  ev->overall = SV_OUTCOME_MEETS;
  c->eval = ev;
  return c;
}

static xmlDocPtr parse_bytes(GBytes *bytes)
{
  gsize len = 0;
  const char *data = g_bytes_get_data(bytes, &len);
  return xmlReadMemory(data, (int)len, "report.xml", NULL, XML_PARSE_NONET);
}

/* Asserts that xpath selects a node whose string value is want. */
static void check_str(xmlDocPtr doc, const char *xpath, const char *want)
{
  char *got = sv_test_xpath_str(doc, xpath);
  if (got == NULL || strcmp(got, want) != 0)
    fail_msg("%s: got \"%s\", want \"%s\"", xpath,
             got != NULL ? got : "(nothing)", want);
  g_free(got);
}

static bool dir_is_empty_but(const char *dir, const char *only)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  assert_non_null(d);
  bool ok = true;
  const char *name;
  while ((name = g_dir_read_name(d)) != NULL)
    if (only == NULL || strcmp(name, only) != 0)
      ok = false;
  g_dir_close(d);
  return ok;
}

/* ---------------------------------------------------------------- tests */

/* A full case validates against report.xsd and its contract XPaths carry
   the values put in. */
static void test_report_contract_xpaths(void **state)
{
  (void)state;
  struct sv_case *c = sample_case();
  struct sv_config cfg = test_config("/nonexistent");
  GBytes *bytes = sv_report_build(&cfg, c);
  xmlDocPtr doc = parse_bytes(bytes);
  assert_non_null(doc);
  assert_true(sv_test_validate(doc, REPORT_XSD));

  check_str(doc, "/r:report/@case", "C-0042");
  check_str(doc, "/r:report/@asOf", "2026-11-15");
  check_str(doc, "/r:report/@ruleset", "sre-2012");
  check_str(doc, "/r:report/@toolVersion", SV_VERSION);
  check_str(doc, "/r:report/@outcome", "meets");
  check_str(doc, "/r:report/r:applicant/@name", "María José Pérez Gómez");
  check_str(doc, "/r:report/r:applicant/@source", "manifest");
  assert_int_equal(sv_test_xpath_count(doc, "/r:report/r:problems"), 0);

  assert_int_equal(
      sv_test_xpath_count(doc, "/r:report/r:documents/r:document"), 3);
  check_str(doc, "/r:report/r:documents/r:document[3]/@path",
            "statements/2026-03.pdf");
  check_str(doc, "/r:report/r:documents/r:document[3]/@sha256",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  check_str(doc, "/r:report/r:documents/r:document[3]/@kind",
            "bank-statement");
  check_str(doc, "/r:report/r:documents/r:document[3]/@pages", "2");
  check_str(doc, "/r:report/r:documents/r:document[3]/@text", "text-layer");
  check_str(doc, "/r:report/r:documents/r:document[3]/@status", "ok");
  check_str(doc, "/r:report/r:documents/r:document[1]/@status", "skipped");
  check_str(doc, "/r:report/r:documents/r:document[1]/r:problem",
            "not a PDF or an image");
  check_str(doc, "/r:report/r:documents/r:document[1]/r:problem/@stage",
            "ingest");

  assert_int_equal(
      sv_test_xpath_count(doc, "/r:report/r:balances/r:month"), 3);
  check_str(doc,
            "/r:report/r:balances/r:month[@account='total']/@amountMxn",
            "240518.71");
  check_str(doc, "/r:report/r:balances/r:month[@account='****7890']/@amount",
            "13002.40");
  check_str(doc,
            "/r:report/r:balances/r:month[@account='****7890']/@currency",
            "USD");
  check_str(doc, "/r:report/r:balances/r:month[@account='****7890']/@period",
            "2026-03");
  check_str(doc, "/r:report/r:balances/r:month[@account='****7890']/@basis",
            "average-daily");
  check_str(doc, "/r:report/r:balances/r:month[@account='****7890']/@source",
            "statements/2026-03.pdf#1");
  check_str(doc, "/r:report/r:income/r:month/@amount", "3000.00");
  check_str(doc, "/r:report/r:assets/r:asset/@kind", "property");
  check_str(doc, "/r:report/r:assets/r:asset/@amountMxn", "5000000.00");

  check_str(doc, "/r:report/r:evaluation/r:wage/@daily", "315.04");
  check_str(doc, "/r:report/r:evaluation/r:wage/@zone", "general");
  check_str(doc, "/r:report/r:evaluation/r:wage/@effective", "2026-01-01");
  check_str(doc,
            "/r:report/r:evaluation/r:test[@stay='visitor' and "
            "@basis='savings']/@requiredMxn",
            "157520.00");
  check_str(doc,
            "/r:report/r:evaluation/r:test[@stay='visitor' and "
            "@basis='savings']/@actualMxn",
            "240518.71");
  check_str(doc,
            "/r:report/r:evaluation/r:test[@basis='savings']/@windowMonths",
            "6");
  check_str(doc, "/r:report/r:evaluation/r:test[@basis='savings']/@wageDays",
            "500");
  check_str(doc,
            "/r:report/r:evaluation/r:test[@basis='savings']/@lowestPeriod",
            "2026-03");
  check_str(doc, "/r:report/r:evaluation/r:test[@basis='savings']/r:reason",
            "the lowest month is above the requirement");
  check_str(doc, "/r:report/r:evaluation/r:stay[@id='visitor']/@outcome",
            "meets");

  xmlFreeDoc(doc);
  g_bytes_unref(bytes);
  sv_case_free(&c);
}

/* Optional attributes appear exactly when their data is there: OCR
   confidence on OCR'd files only, page on page problems, actualMxn and
   windowMonths only when known, the statement extension. */
static void test_report_optional_attributes(void **state)
{
  (void)state;
  struct sv_case *c = sample_case();
  struct sv_config cfg = test_config("/nonexistent");
  GBytes *bytes = sv_report_build(&cfg, c);
  xmlDocPtr doc = parse_bytes(bytes);
  assert_non_null(doc);
  assert_true(sv_test_validate(doc, REPORT_XSD));

  assert_int_equal(sv_test_xpath_count(doc, "//r:document"), 3);
  assert_int_equal(sv_test_xpath_count(doc, "//r:document[@ocrConfidence]"),
                   1);
  check_str(doc, "//r:document[@path='scan.png']/@ocrConfidence", "72");
  check_str(doc, "//r:document[@path='scan.png']/@text", "ocr");
  check_str(doc, "//r:document[@path='scan.png']/@fileType", "png");
  check_str(doc, "//r:document[@path='scan.png']/@language", "es");
  check_str(doc, "//r:document[@path='scan.png']/@kindScore", "0.67");
  check_str(doc, "//r:document[@path='scan.png']/r:problem/@page", "1");
  /* whole-file problems carry no page; unread files no sha256 */
  assert_int_equal(
      sv_test_xpath_count(doc, "//r:document[@path='notes.txt']/r:problem"),
      1);
  assert_int_equal(
      sv_test_xpath_count(doc, "//r:document[@path='notes.txt']/r:problem/@page"),
      0);
  assert_int_equal(
      sv_test_xpath_count(doc, "//r:document[@path='notes.txt']/@sha256"), 0);
  assert_int_equal(
      sv_test_xpath_count(doc, "//r:document[@path='notes.txt']/@language"),
      0);

  assert_int_equal(sv_test_xpath_count(doc, "//r:statement"), 1);
  check_str(doc, "//r:statement/@holder", "JOHN MICHAEL DOE");
  check_str(doc, "//r:statement/@account", "****7890");
  check_str(doc, "//r:statement/@periodStart", "2026-03-01");
  check_str(doc, "//r:statement/@periodEnd", "2026-03-31");
  check_str(doc, "//r:statement/@closing", "14111.11");
  check_str(doc, "//r:statement/@average", "-0.50");
  assert_int_equal(sv_test_xpath_count(doc, "//r:statement/@opening"), 0);

  assert_int_equal(sv_test_xpath_count(doc, "//r:test"), 2);
  assert_int_equal(
      sv_test_xpath_count(doc, "//r:test[@basis='income']/@actualMxn"), 0);
  assert_int_equal(
      sv_test_xpath_count(doc, "//r:test[@basis='income']/@windowMonths"), 0);
  assert_int_equal(
      sv_test_xpath_count(doc, "//r:test[@basis='income']/@lowestMxn"), 0);
  check_str(doc, "//r:test[@basis='income']/@outcome",
            "insufficient-evidence");
  assert_int_equal(sv_test_xpath_count(doc, "//r:income/r:month"), 1);
  assert_int_equal(sv_test_xpath_count(doc, "//r:income/r:month/@amountMxn"),
                   0);
  xmlFreeDoc(doc);
  g_bytes_unref(bytes);

  /* unknown wage: no wage element, the rest unchanged */
  c->eval->wage_daily = 0;
  bytes = sv_report_build(&cfg, c);
  doc = parse_bytes(bytes);
  assert_non_null(doc);
  assert_true(sv_test_validate(doc, REPORT_XSD));
  assert_int_equal(sv_test_xpath_count(doc, "//r:evaluation/r:test"), 2);
  assert_int_equal(sv_test_xpath_count(doc, "//r:evaluation/r:wage"), 0);
  xmlFreeDoc(doc);
  g_bytes_unref(bytes);
  sv_case_free(&c);
}

/* Invalid UTF-8, C0 controls and U+FFFF in names, problems and reasons
   still give a report that parses and validates; tab and newline survive,
   the controls do not, bad bytes become U+FFFD. */
static void test_report_sanitizes_hostile_text(void **state)
{
  (void)state;
  struct sv_case *c = sample_case();
  struct sv_doc *d =
      sv_doc_new(c, "bad\xff\xfe\x01name\x0c.pdf", "/cases/c42/bad.pdf");
  d->type = SV_FILE_PDF;
  g_ptr_array_add(d->statements, sv_statement_new());
  sv_doc_statement(d, 0)->holder = g_strdup("JOHN\tDOE\nJR\r\x1f");
  g_strlcpy(sv_doc_statement(d, 0)->currency, "u$", sizeof sv_doc_statement(d, 0)->currency);
  sv_doc_problem(d, SV_DOC_FAILED, SV_CORRUPT, "render\x02", 3,
                 "broken\x01 \xc3\x28 page\x1b\ttab\nline\r\xef\xbf\xbf<&>");
  add_doc(c, d);
  g_ptr_array_add(g_array_index(c->eval->tests, struct sv_test, 0).reasons,
                  g_strdup("reason \x7f\x08 with \xed\xa0\x80 surrogate"));
  sv_case_problem(c, SV_BADXML, "ingest", "case.xml: \x01\x02\x03 bad");
  g_free(c->eval->applicant);
  c->eval->applicant = g_strdup("Jos\xe9 \x01P\xe9rez");

  struct sv_config cfg = test_config("/nonexistent");
  GBytes *bytes = sv_report_build(&cfg, c);
  xmlDocPtr doc = parse_bytes(bytes);
  assert_non_null(doc);
  assert_true(sv_test_validate(doc, REPORT_XSD));

  check_str(doc, "//r:document[4]/@path",
            "bad\xef\xbf\xbd\xef\xbf\xbdname.pdf");
  check_str(doc, "//r:document[4]/@status", "failed");
  check_str(doc, "//r:document[4]/r:problem/@stage", "render");
  check_str(doc, "//r:document[4]/r:problem/@page", "3");
  /* tab and newline survive attribute normalisation (written as &#9;) */
  check_str(doc, "//r:document[4]/r:statement/@holder", "JOHN\tDOE\nJR");
  assert_int_equal(
      sv_test_xpath_count(doc, "//r:document[4]/r:statement/@currency"), 0);
  check_str(doc, "//r:document[4]/r:problem",
            "broken \xef\xbf\xbd( page\ttab\nline\xef\xbf\xbd<&>");
  check_str(doc, "/r:report/r:problems/r:problem", "case.xml:  bad");
  check_str(doc, "/r:report/r:applicant/@name",
            "Jos\xef\xbf\xbd P\xef\xbf\xbdrez");
  check_str(doc, "//r:test[1]/r:reason[2]",
            "reason \x7f with \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd surrogate");
  xmlFreeDoc(doc);
  g_bytes_unref(bytes);
  sv_case_free(&c);
}

/* A failed case (no evaluation) still gets a valid report with its
   problems, its documents, empty figure sections and outcome
   insufficient-evidence. */
static void test_report_failed_case_validates(void **state)
{
  (void)state;
  struct sv_case *c = sample_case();
  sv_evaluation_free(&c->eval);
  c->failed = true;
  sv_case_problem(c, SV_BADXML, "ingest", "case.xml is malformed");

  struct sv_config cfg = test_config("/nonexistent");
  GBytes *bytes = sv_report_build(&cfg, c);
  xmlDocPtr doc = parse_bytes(bytes);
  assert_non_null(doc);
  assert_true(sv_test_validate(doc, REPORT_XSD));
  check_str(doc, "/r:report/@outcome", "insufficient-evidence");
  check_str(doc, "/r:report/r:problems/r:problem", "case.xml is malformed");
  check_str(doc, "/r:report/r:problems/r:problem/@stage", "ingest");
  check_str(doc, "/r:report/r:applicant/@name", "María José Pérez Gómez");
  check_str(doc, "/r:report/r:applicant/@source", "manifest");
  assert_int_equal(sv_test_xpath_count(doc, "//r:document"), 3);
  assert_int_equal(sv_test_xpath_count(doc, "/r:report/r:balances"), 1);
  assert_int_equal(sv_test_xpath_count(doc, "/r:report/r:income"), 1);
  assert_int_equal(sv_test_xpath_count(doc, "/r:report/r:assets"), 1);
  assert_int_equal(sv_test_xpath_count(doc, "/r:report/r:evaluation"), 1);
  assert_int_equal(sv_test_xpath_count(doc, "/r:report/r:balances/*"), 0);
  assert_int_equal(sv_test_xpath_count(doc, "/r:report/r:evaluation/*"), 0);
  xmlFreeDoc(doc);
  g_bytes_unref(bytes);

  /* no manifest name and no evaluation: no name, source documents */
  g_clear_pointer(&c->applicant, g_free);
  bytes = sv_report_build(&cfg, c);
  doc = parse_bytes(bytes);
  assert_non_null(doc);
  assert_true(sv_test_validate(doc, REPORT_XSD));
  check_str(doc, "/r:report/r:applicant/@source", "documents");
  assert_int_equal(sv_test_xpath_count(doc, "/r:report/r:applicant/@name"), 0);
  xmlFreeDoc(doc);
  g_bytes_unref(bytes);
  sv_case_free(&c);
}

/* The same case, built twice (also from two separately made cases), gives
   byte-identical reports. */
static void test_report_deterministic(void **state)
{
  (void)state;
  struct sv_case *a = sample_case();
  struct sv_case *b = sample_case();
  struct sv_config cfg = test_config("/nonexistent");
  GBytes *x = sv_report_build(&cfg, a);
  GBytes *y = sv_report_build(&cfg, a);
  GBytes *z = sv_report_build(&cfg, b);
  assert_true(g_bytes_get_size(x) > 1000);
  assert_true(g_bytes_equal(x, y));
  assert_true(g_bytes_equal(x, z));
  g_bytes_unref(x);
  g_bytes_unref(y);
  g_bytes_unref(z);
  sv_case_free(&a);
  sv_case_free(&b);
}

/* The schema is strict: the writer's own output validates, and the same
   document with a bad outcome, a bad decimal, a bad period or an element
   out of order does not. */
static void test_report_schema_rejects_bad_values(void **state)
{
  (void)state;
  struct sv_case *c = sample_case();
  struct sv_config cfg = test_config("/nonexistent");
  GBytes *bytes = sv_report_build(&cfg, c);
  const char *edits[][2] = {
      {"outcome=\"meets\" xmlns", "outcome=\"maybe\" xmlns"},
      {"amount=\"3000.00\"", "amount=\"3000.5\""},
      {"period=\"2026-03\"", "period=\"2026-13\""},
      {"kind=\"bank-statement\"", "kind=\"payslip\""},
      {"basis=\"savings\"", "basis=\"luck\""},
      {"sha256=\"aaaa", "sha256=\"AAAA"},
  };
  gsize orig_len = 0;
  const char *data = g_bytes_get_data(bytes, &orig_len);
  char *orig = g_strndup(data, orig_len); /* bytes are not NUL-terminated */
  xmlDocPtr doc = parse_bytes(bytes);
  assert_non_null(doc);
  assert_true(sv_test_validate(doc, REPORT_XSD));
  xmlFreeDoc(doc);
  for (size_t i = 0; i < G_N_ELEMENTS(edits); i++) {
    const char *hit = strstr(orig, edits[i][0]);
    if (hit == NULL)
      fail_msg("edit %zu: \"%s\" not in the report", i, edits[i][0]);
    GString *s = g_string_new_len(orig, (gssize)orig_len);
    size_t at = (size_t)(hit - orig);
    g_string_erase(s, (gssize)at, (gssize)strlen(edits[i][0]));
    g_string_insert(s, (gssize)at, edits[i][1]);
    doc = xmlReadMemory(s->str, (int)s->len, "edited.xml", NULL,
                        XML_PARSE_NONET);
    assert_non_null(doc);
    if (sv_test_validate(doc, REPORT_XSD))
      fail_msg("edit %zu (%s) still validates", i, edits[i][1]);
    xmlFreeDoc(doc);
    g_string_free(s, TRUE);
  }
  /* assets before balances: order is part of the schema */
  xmlDocPtr d2 = parse_bytes(bytes);
  assert_non_null(d2);
  xmlNodePtr root = xmlDocGetRootElement(d2);
  xmlNodePtr balances = NULL, assets = NULL;
  for (xmlNodePtr n = root->children; n != NULL; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    if (strcmp((const char *)n->name, "balances") == 0)
      balances = n;
    if (strcmp((const char *)n->name, "assets") == 0)
      assets = n;
  }
  assert_non_null(balances);
  assert_non_null(assets);
  xmlUnlinkNode(assets);
  xmlAddPrevSibling(balances, assets);
  assert_false(sv_test_validate(d2, REPORT_XSD));
  xmlFreeDoc(d2);
  g_free(orig);
  g_bytes_unref(bytes);
  sv_case_free(&c);
}

/* The reconciliation attributes (statement totals and checks; a month's
   confidence, reconciled="false", computed="true") validate, and wrong
   values of them do not. */
static void test_report_reconciliation_attributes(void **state)
{
  (void)state;
  struct sv_case *c = sample_case();
  struct sv_statement *st = NULL;
  for (size_t i = 0; i < c->ndocs; i++)
    if (sv_doc_statement(c->docs[i], 0) != NULL)
      st = sv_doc_statement(c->docs[i], 0);
  assert_non_null(st);
  st->credits.present = true;
  st->credits.amount = 300000;
  st->debits.present = true;
  st->debits.amount = 123456;
  st->average_computed = true;
  st->checks = 3;
  st->reconciled = false;
  struct sv_month *m = &g_array_index(c->eval->balances, struct sv_month, 1);
  assert_string_equal(m->account, "****7890");
  m->ocr = true;
  m->conf = 57.4f;
  m->unreconciled = true;
  m->computed = true;
  struct sv_config cfg = test_config("/nonexistent");
  GBytes *bytes = sv_report_build(&cfg, c);
  xmlDocPtr doc = parse_bytes(bytes);
  assert_non_null(doc);
  assert_true(sv_test_validate(doc, REPORT_XSD));
  check_str(doc, "string(//r:statement/@credits)", "3000.00");
  check_str(doc, "string(//r:statement/@debits)", "1234.56");
  check_str(doc, "string(//r:statement/@averageComputed)", "true");
  check_str(doc, "string(//r:statement/@checks)", "3");
  check_str(doc, "string(//r:statement/@reconciled)", "false");
  check_str(doc, "string(//r:balances/r:month[@account='****7890']/@confidence)",
            "57");
  check_str(doc, "string(//r:balances/r:month[@account='****7890']/@reconciled)",
            "false");
  check_str(doc, "string(//r:balances/r:month[@account='****7890']/@computed)",
            "true");
  check_str(doc, "count(//r:balances/r:month[@confidence])", "1");
  check_str(doc, "count(//r:balances/r:month[@reconciled])", "1");
  check_str(doc, "count(//r:balances/r:month[@computed])", "1");
  xmlFreeDoc(doc);

  const char *edits[][2] = {
      {"reconciled=\"false\" computed", "reconciled=\"maybe\" computed"},
      {"reconciled=\"false\" computed", "reconciled=\"true\" computed"},
      {"confidence=\"57\"", "confidence=\"101\""},
      {"computed=\"true\"", "computed=\"1\""},
      {"averageComputed=\"true\"", "averageComputed=\"yes\""},
      {"checks=\"3\"", "checks=\"-1\""},
      {"credits=\"3000.00\"", "credits=\"3,000.00\""},
  };
  gsize len = 0;
  const char *data = g_bytes_get_data(bytes, &len);
  char *orig = g_strndup(data, len);
  for (size_t i = 0; i < G_N_ELEMENTS(edits); i++) {
    const char *hit = strstr(orig, edits[i][0]);
    if (hit == NULL)
      fail_msg("edit %zu: \"%s\" not in the report", i, edits[i][0]);
    GString *s = g_string_new_len(orig, (gssize)len);
    size_t at = (size_t)(hit - orig);
    g_string_erase(s, (gssize)at, (gssize)strlen(edits[i][0]));
    g_string_insert(s, (gssize)at, edits[i][1]);
    doc = xmlReadMemory(s->str, (int)s->len, "edited.xml", NULL,
                        XML_PARSE_NONET);
    assert_non_null(doc);
    if (sv_test_validate(doc, REPORT_XSD))
      fail_msg("edit %zu (%s) still validates", i, edits[i][1]);
    xmlFreeDoc(doc);
    g_string_free(s, TRUE);
  }
  g_free(orig);
  g_bytes_unref(bytes);
  sv_case_free(&c);
}

/* write_file creates the folder, leaves no temp file behind and replaces an
   existing report whole. */
static void test_report_write_file_replaces(void **state)
{
  (void)state;
  char *tmp = sv_test_tmpdir("report-write");
  char *dir = g_build_filename(tmp, "out", "nested", NULL);
  char *path = g_build_filename(dir, "C-1.xml", NULL);
  char *err = NULL;

  GBytes *first = g_bytes_new_static("<a/>\n", 5);
  assert_int_equal(sv_report_write_file(dir, "C-1.xml", first, &err), SV_OK);
  assert_null(err);
  char *got = NULL;
  gsize len = 0;
  assert_true(g_file_get_contents(path, &got, &len, NULL));
  assert_int_equal(len, 5);
  assert_memory_equal(got, "<a/>\n", 5);
  g_free(got);

  GBytes *second = g_bytes_new_static("<second/>\n", 10);
  assert_int_equal(sv_report_write_file(dir, "C-1.xml", second, &err), SV_OK);
  assert_null(err);
  assert_true(g_file_get_contents(path, &got, &len, NULL));
  assert_int_equal(len, 10);
  assert_memory_equal(got, "<second/>\n", 10);
  g_free(got);
  assert_true(dir_is_empty_but(dir, "C-1.xml"));

  g_bytes_unref(first);
  g_bytes_unref(second);
  sv_test_rmtree(tmp);
  g_free(path);
  g_free(dir);
  g_free(tmp);
}

/* Writing where no folder can be made (the out dir is a regular file)
   returns SV_WRITE with a message naming the path, and leaves nothing;
   a name with a '/' is refused the same way. */
static void test_report_write_file_unwritable(void **state)
{
  (void)state;
  char *tmp = sv_test_tmpdir("report-unwritable");
  char *blocker = g_build_filename(tmp, "out", NULL);
  sv_test_write(blocker, "x", 1);
  char *err = NULL;
  GBytes *bytes = g_bytes_new_static("<a/>\n", 5);

  assert_int_equal(sv_report_write_file(blocker, "C-1.xml", bytes, &err),
                   SV_WRITE);
  assert_non_null(err);
  assert_non_null(strstr(err, "C-1.xml"));
  assert_non_null(strstr(err, blocker));
  g_free(err);
  err = NULL;
  assert_true(dir_is_empty_but(tmp, "out"));
  assert_true(g_file_test(blocker, G_FILE_TEST_IS_REGULAR));

  char *ok_dir = g_build_filename(tmp, "fine", NULL);
  assert_int_equal(sv_report_write_file(ok_dir, "../escape.xml", bytes, &err),
                   SV_WRITE);
  assert_non_null(err);
  g_free(err);
  assert_false(g_file_test(ok_dir, G_FILE_TEST_EXISTS));
  char *escaped = g_build_filename(tmp, "escape.xml", NULL);
  assert_false(g_file_test(escaped, G_FILE_TEST_EXISTS));

  g_bytes_unref(bytes);
  sv_test_rmtree(tmp);
  g_free(escaped);
  g_free(ok_dir);
  g_free(blocker);
  g_free(tmp);
}

/* The stage writes OUT_DIR/<case id>.xml, a valid report; when it cannot,
   the case fails with a "report" problem. */
static void test_report_stage_writes_case(void **state)
{
  (void)state;
  assert_string_equal(sv_report_stage.name, "report");
  assert_int_equal(sv_report_stage.scope, SV_SCOPE_CASE);
  assert_non_null(sv_report_stage.process);

  char *tmp = sv_test_tmpdir("report-stage");
  char *out = g_build_filename(tmp, "out", NULL);
  struct sv_config cfg = test_config(out);
  struct sv_case *c = sample_case();
  assert_int_equal(sv_report_stage.process(NULL, &cfg, NULL, c, NULL), SV_OK);
  assert_false(c->failed);
  assert_int_equal(c->problems->len, 0);
  char *path = g_build_filename(out, "C-0042.xml", NULL);
  xmlDocPtr doc = sv_test_parse(path);
  assert_non_null(doc);
  assert_true(sv_test_validate(doc, REPORT_XSD));
  check_str(doc, "/r:report/@case", "C-0042");
  xmlFreeDoc(doc);
  assert_true(dir_is_empty_but(out, "C-0042.xml"));

  char *blocker = g_build_filename(tmp, "blocked", NULL);
  sv_test_write(blocker, "x", 1);
  cfg.out_dir = blocker;
  assert_int_equal(sv_report_stage.process(NULL, &cfg, NULL, c, NULL), SV_OK);
  assert_true(c->failed);
  assert_int_equal(c->problems->len, 1);
  const struct sv_problem *pr = g_ptr_array_index(c->problems, 0);
  assert_string_equal(pr->stage, "report");
  assert_int_equal(pr->status, SV_WRITE);
  assert_non_null(strstr(pr->message, "C-0042.xml"));

  sv_case_free(&c);
  sv_test_rmtree(tmp);
  g_free(blocker);
  g_free(path);
  g_free(out);
  g_free(tmp);
}

/* batch.xml lists every case in the given order, validates against
   batch.xsd, and a failed case has no @report but a problem. */
/* batch.csv: a header row, one row per stay with the deciding test's
   figures (pesos, two decimals), one row for a case without stays or that
   failed; fields with a comma, a quote or a line break quoted, quotes
   doubled, CRLF line ends; written 0600.  Expected text written by hand
   from the entries. */
static void test_report_batch_csv(void **state)
{
  (void)state;
  char *tmp = sv_test_tmpdir("report-csv");
  struct sv_config cfg = test_config(tmp);
  const struct sv_batch_stay stays[] = {
      {.id = "visitor", .outcome = SV_OUTCOME_MEETS, .has_test = true,
       .basis = SV_TEST_SAVINGS, .required_mxn = 15752000,
       .has_actual = true, .actual_mxn = 23177007, .has_lowest = true,
       .lowest_year = 2026, .lowest_month = 9, .lowest_mxn = -5},
      {.id = "temporary-resident", .outcome = SV_OUTCOME_NEEDS_REVIEW,
       .has_test = true, .basis = SV_TEST_INCOME, .required_mxn = 630080000,
       .review_reasons = 2},
  };
  const struct sv_batch_entry entries[] = {
      {.case_id = "C-1", .folder = "a", .report = "C-1.xml",
       .outcome = SV_OUTCOME_MEETS, .applicant = "Hayes, \"Dan\"\nRobert",
       .stays = stays, .nstays = 2},
      {.case_id = "C-2", .folder = "b", .outcome = SV_OUTCOME_MEETS,
       .failed = true, .error = "no space", .applicant = "Ana",
       .stays = stays, .nstays = 1},
      {.case_id = "C-3", .folder = "c", .report = "C-3.xml",
       .outcome = SV_OUTCOME_INSUFFICIENT},
  };
  char *err = NULL;
  assert_int_equal(sv_report_write_batch_csv(&cfg, entries, 3, &err), SV_OK);
  assert_null(err);
  char *path = g_build_filename(tmp, "batch.csv", NULL);
  char *text = NULL;
  assert_true(g_file_get_contents(path, &text, NULL, NULL));
  assert_string_equal(
      text,
      "case,folder,applicant,outcome,stay,stay_outcome,basis,required_mxn,"
      "actual_mxn,lowest_month,lowest_mxn,review_reasons,report\r\n"
      "C-1,a,\"Hayes, \"\"Dan\"\"\nRobert\",meets,visitor,meets,savings,"
      "157520.00,231770.07,2026-09,-0.05,0,C-1.xml\r\n"
      "C-1,a,\"Hayes, \"\"Dan\"\"\nRobert\",meets,temporary-resident,"
      "needs-review,income,6300800.00,,,,2,C-1.xml\r\n"
      "C-2,b,Ana,insufficient-evidence,,,,,,,,,\r\n"
      "C-3,c,,insufficient-evidence,,,,,,,,,C-3.xml\r\n");
  GStatBuf st;
  assert_int_equal(g_stat(path, &st), 0);
  assert_int_equal(st.st_mode & 0777, 0600);
  g_free(text);
  g_free(path);
  sv_test_rmtree(tmp);
  g_free(tmp);
}

static void test_report_batch_validates(void **state)
{
  (void)state;
  char *tmp = sv_test_tmpdir("report-batch");
  struct sv_config cfg = test_config(tmp);
  const struct sv_batch_entry entries[] = {
      {.case_id = "C-0001", .folder = "alpha", .report = "C-0001.xml",
       .outcome = SV_OUTCOME_MEETS},
      {.case_id = "C-0002", .folder = "beta\x01",
       .outcome = SV_OUTCOME_INSUFFICIENT, .failed = true,
       .error = "cannot write out/C-0002.xml: No space left on device"},
      {.case_id = "C-0003", .folder = "gamma", .report = "C-0003.xml",
       .outcome = SV_OUTCOME_NEEDS_REVIEW},
  };
  char *err = NULL;
  assert_int_equal(sv_report_write_batch(&cfg, entries, 3, &err), SV_OK);
  assert_null(err);
  char *path = g_build_filename(tmp, "batch.xml", NULL);
  xmlDocPtr doc = sv_test_parse(path);
  assert_non_null(doc);
  assert_true(sv_test_validate(doc, BATCH_XSD));
  assert_false(sv_test_validate(doc, REPORT_XSD));
  check_str(doc, "/r:batch/@cases", "3");
  check_str(doc, "/r:batch/@ruleset", "sre-2012");
  check_str(doc, "/r:batch/@toolVersion", SV_VERSION);
  assert_int_equal(sv_test_xpath_count(doc, "/r:batch/r:case"), 3);
  check_str(doc, "/r:batch/r:case[1]/@id", "C-0001");
  check_str(doc, "/r:batch/r:case[1]/@report", "C-0001.xml");
  check_str(doc, "/r:batch/r:case[1]/@status", "ok");
  check_str(doc, "/r:batch/r:case[1]/@outcome", "meets");
  check_str(doc, "/r:batch/r:case[2]/@status", "failed");
  check_str(doc, "/r:batch/r:case[2]/@folder", "beta");
  assert_int_equal(sv_test_xpath_count(doc, "/r:batch/r:case[2]/@report"), 0);
  check_str(doc, "/r:batch/r:case[2]/r:problem",
            "cannot write out/C-0002.xml: No space left on device");
  check_str(doc, "/r:batch/r:case[3]/@outcome", "needs-review");
  xmlFreeDoc(doc);

  /* an empty run still writes a valid batch.xml */
  assert_int_equal(sv_report_write_batch(&cfg, NULL, 0, &err), SV_OK);
  doc = sv_test_parse(path);
  assert_non_null(doc);
  assert_true(sv_test_validate(doc, BATCH_XSD));
  check_str(doc, "/r:batch/@cases", "0");
  xmlFreeDoc(doc);
  assert_true(dir_is_empty_but(tmp, "batch.xml"));

  sv_test_rmtree(tmp);
  g_free(path);
  g_free(tmp);
}

/* The rules of the date: the ruleset auto chose (report/@ruleset, the
   ruleset element with its reason and source), the UMA as index with its
   source, a savings test's policy figures, and a not-applicable test and
   stay: all validate. */
static void test_report_ruleset_of_the_date(void **state)
{
  (void)state;
  struct sv_case *c = sample_case();
  struct sv_evaluation *ev = c->eval;
  ev->ruleset_id = g_strdup("sre-2025");
  ev->ruleset_source = g_strdup("DOF 2025-07-25");
  ev->ruleset_why = g_strdup("ruleset auto: sre-2025 is in force");
  g_free(ev->wage_index);
  ev->wage_index = g_strdup("uma");
  ev->wage_source = g_strdup("INEGI");
  ev->wage_daily = 11731;
  struct sv_test *t = &g_array_index(ev->tests, struct sv_test, 0);
  t->has_policy = true;
  t->policy = SV_POLICY_EVERY_MONTH;
  t->has_mean = true;
  t->mean_mxn = 139166667;
  t->months_below = 1;
  add_test(ev, "temporary-student", SV_TEST_SAVINGS, 0, 0, 0, false, 0,
           SV_OUTCOME_NOT_APPLICABLE, "not applicable under sre-2025");
  struct sv_stay st = {g_strdup("temporary-student"),
                       SV_OUTCOME_NOT_APPLICABLE};
  g_array_append_val(ev->stays, st);
  struct sv_config cfg = test_config("/nonexistent");
  cfg.ruleset_id = "auto";
  GBytes *bytes = sv_report_build(&cfg, c);
  xmlDocPtr doc = parse_bytes(bytes);
  assert_non_null(doc);
  assert_true(sv_test_validate(doc, REPORT_XSD));
  check_str(doc, "/r:report/@ruleset", "sre-2025");
  check_str(doc, "//r:evaluation/r:ruleset/@id", "sre-2025");
  check_str(doc, "//r:evaluation/r:ruleset/@chosen", "auto");
  check_str(doc, "//r:evaluation/r:ruleset/@source", "DOF 2025-07-25");
  check_str(doc, "//r:evaluation/r:wage/@index", "uma");
  check_str(doc, "//r:evaluation/r:wage/@daily", "117.31");
  check_str(doc, "//r:evaluation/r:wage/@source", "INEGI");
  check_str(doc, "//r:test[1]/@policy", "every-month");
  check_str(doc, "//r:test[1]/@meanMxn", "1391666.67");
  check_str(doc, "//r:test[1]/@monthsBelow", "1");
  check_str(doc, "//r:test[@stay='temporary-student']/@outcome",
            "not-applicable");
  check_str(doc, "//r:stay[@id='temporary-student']/@outcome",
            "not-applicable");
  xmlFreeDoc(doc);
  g_bytes_unref(bytes);
  sv_case_free(&c);
}

/* A case's crops land whole in OUT_DIR/<case-id>/evidence, replace an
   earlier set whole (no file of the old set is left), go when a rerun has
   none; temporary folders a killed run left are removed at the next start,
   other hidden folders are not. */
static struct sv_crop *crop_new(const char *name, const char *bytes)
{
  struct sv_crop *cr = g_new0(struct sv_crop, 1);
  cr->name = g_strdup(name);
  cr->page = 1;
  cr->png = g_bytes_new(bytes, strlen(bytes));
  return cr;
}

static void test_report_evidence_written_whole(void **state)
{
  (void)state;
  char *tmp = sv_test_tmpdir("report-evidence");
  struct sv_config cfg = test_config(tmp);
  struct sv_case *c = sample_case();
  char *err = NULL;
  GPtrArray *owned = g_ptr_array_new_with_free_func(sv_crop_free);
  GPtrArray *crops = g_ptr_array_new(); /* what the report names */
  g_ptr_array_add(owned, crop_new("01-a.pdf-p1-average.png", "first"));
  g_ptr_array_add(owned, crop_new("01-a.pdf-p1-holder.png", "name"));
  g_ptr_array_add(owned, crop_new("02-b.pdf-p3-closing.png", "second"));
  g_ptr_array_add(crops, g_ptr_array_index(owned, 0));
  g_ptr_array_add(crops, g_ptr_array_index(owned, 1));
  g_ptr_array_add(crops, g_ptr_array_index(owned, 0)); /* named twice */
  assert_int_equal(sv_report_write_evidence(&cfg, c, crops, &err), SV_OK);
  assert_null(err);
  char *ev = g_build_filename(tmp, "C-0042", "evidence", NULL);
  char *a = g_build_filename(ev, "01-a.pdf-p1-average.png", NULL);
  char *h = g_build_filename(ev, "01-a.pdf-p1-holder.png", NULL);
  gchar *data = NULL;
  assert_true(g_file_get_contents(a, &data, NULL, NULL));
  assert_string_equal(data, "first");
  g_free(data);
  GStatBuf st;
  assert_int_equal(g_stat(a, &st), 0);
  assert_int_equal(st.st_mode & 0777, 0600);

  /* a new set replaces the old one whole */
  g_ptr_array_remove_index(crops, 2);
  g_ptr_array_remove_index(crops, 1);
  g_ptr_array_add(crops, g_ptr_array_index(owned, 2));
  assert_int_equal(sv_report_write_evidence(&cfg, c, crops, &err), SV_OK);
  assert_false(g_file_test(h, G_FILE_TEST_EXISTS));
  assert_true(g_file_test(a, G_FILE_TEST_EXISTS));
  char *b = g_build_filename(ev, "02-b.pdf-p3-closing.png", NULL);
  assert_true(g_file_test(b, G_FILE_TEST_EXISTS));
  assert_true(dir_is_empty_but(tmp, "C-0042"));

  /* none: the folder goes, and the case folder with it */
  g_ptr_array_set_size(crops, 0);
  assert_int_equal(sv_report_write_evidence(&cfg, c, crops, &err), SV_OK);
  char *cdir = g_build_filename(tmp, "C-0042", NULL);
  assert_false(g_file_test(cdir, G_FILE_TEST_EXISTS));

  /* what a killed run leaves, and what it does not own */
  char *t1 = g_build_filename(tmp, ".C-0042.evidence.Ab12Cd", "x.png", NULL);
  char *t2 = g_build_filename(tmp, ".C-0042.old.Zz99Yy", "evidence", "y.png",
                              NULL);
  char *keep = g_build_filename(tmp, ".cache", "z", NULL);
  sv_test_write(t1, "x", 1);
  sv_test_write(t2, "y", 1);
  sv_test_write(keep, "z", 1);
  assert_int_equal(sv_report_clean_temps(tmp), 2);
  assert_true(dir_is_empty_but(tmp, ".cache"));

  g_ptr_array_free(crops, TRUE);
  g_ptr_array_free(owned, TRUE);
  sv_case_free(&c);
  sv_test_rmtree(tmp);
  g_free(t1);
  g_free(t2);
  g_free(keep);
  g_free(cdir);
  g_free(a);
  g_free(b);
  g_free(h);
  g_free(ev);
  g_free(tmp);
}

/* Adds a next step to ev as evaluate would from the INM table. */
static void add_step(struct sv_evaluation *ev, const char *stay,
                     const char *procedure, bool online, int within,
                     const char *where, const char *text)
{
  struct sv_next_step s;
  memset(&s, 0, sizeof s);
  g_date_clear(&s.since, 1);
  s.stay = g_strdup(stay);
  s.procedure = g_strdup(procedure);
  s.online = online;
  if (online) {
    g_date_set_dmy(&s.since, 17, G_DATE_SEPTEMBER, 2024);
    s.name = g_strdup("Exchange of a consular visa for a resident card "
                      "(canje)");
    s.name_es = g_strdup("Canje de visa por tarjeta de residente");
  }
  s.within_days = within;
  if (within > 0) {
    s.within_confidence = g_strdup("unconfirmed");
    s.within_source = g_strdup("not from the seeds");
  }
  s.where = g_strdup(where);
  s.source = g_strdup("seed 002: \"Canje (exchange of visa for residency "
                      "card).\"");
  s.text = g_strdup(text);
  g_array_append_val(ev->next_steps, s);
}

/* r:nextSteps: absent when no step was made (the sample case's visitor
   meets, but nothing filled its steps), after r:evaluation when there
   are steps, with the table's source and date, each step's attributes
   as set, within only with a limit, since only when stated, the booking
   only when a step is online; it validates both ways, the contract's
   XPaths still hold, and a step with another appointment word or a
   section without steps does not validate. */
static void test_report_next_steps(void **state)
{
  (void)state;
  struct sv_case *c = sample_case();
  struct sv_config cfg = test_config("/nonexistent");
  GBytes *bytes = sv_report_build(&cfg, c);
  xmlDocPtr doc = parse_bytes(bytes);
  assert_true(sv_test_validate(doc, REPORT_XSD));
  assert_int_equal(sv_test_xpath_count(doc, "/r:report/r:nextSteps"), 0);
  xmlFreeDoc(doc);
  g_bytes_unref(bytes);

  struct sv_evaluation *ev = c->eval;
  ev->next_steps_source = g_strdup("seed 002 (INM, 2024-09-13)");
  g_date_set_dmy(&ev->next_steps_as_of, 13, G_DATE_SEPTEMBER, 2024);
  ev->booking_url = g_strdup("inm.gob.mx/spublic/portal/inmex.html");
  ev->booking_note = g_strdup("Book at inm.gob.mx/spublic/portal/inmex.html");
  ev->booking_source = g_strdup("seed 002: \"The appointment link\"");
  add_step(ev, "visitor", "none", false, 0, "port-of-entry",
           "No INM procedure follows a visitor visa.");
  add_step(ev, "temporary-resident", "canje", true, 30, "inm-office",
           "Canje at an INM office.");
  bytes = sv_report_build(&cfg, c);
  doc = parse_bytes(bytes);
  assert_non_null(doc);
  assert_true(sv_test_validate(doc, REPORT_XSD));
  check_str(doc, "count(/r:report/r:evaluation/following-sibling::*)", "1");
  check_str(doc, "local-name(/r:report/*[last()])", "nextSteps");
  check_str(doc, "/r:report/r:nextSteps/@source", "seed 002 (INM, 2024-09-13)");
  check_str(doc, "/r:report/r:nextSteps/@asOf", "2024-09-13");
  assert_int_equal(sv_test_xpath_count(doc, "/r:report/r:nextSteps/r:step"), 2);
  const char *t = "/r:report/r:nextSteps/r:step[@stay='temporary-resident']";
  char xp[256];
  static const char *const want[][2] = {
      {"procedure", "canje"},
      {"appointment", "online"},
      {"since", "2024-09-17"},
      {"within", "30"},
      {"withinConfidence", "unconfirmed"},
      {"withinSource", "not from the seeds"},
      {"where", "inm-office"},
      {"nameEs", "Canje de visa por tarjeta de residente"},
      {"source", "seed 002: \"Canje (exchange of visa for residency "
                 "card).\""},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
    g_snprintf(xp, sizeof xp, "%s/@%s", t, want[i][0]);
    check_str(doc, xp, want[i][1]);
  }
  check_str(doc, t, "Canje at an INM office.");
  const char *v = "/r:report/r:nextSteps/r:step[@stay='visitor']";
  g_snprintf(xp, sizeof xp, "%s/@procedure", v);
  check_str(doc, xp, "none");
  g_snprintf(xp, sizeof xp, "%s/@appointment", v);
  check_str(doc, xp, "none");
  g_snprintf(xp, sizeof xp, "%s/@where", v);
  check_str(doc, xp, "port-of-entry");
  g_snprintf(xp, sizeof xp, "count(%s/@within | %s/@since | %s/@name)", v, v,
             v);
  check_str(doc, xp, "0");
  check_str(doc, "/r:report/r:nextSteps/r:booking/@url",
            "inm.gob.mx/spublic/portal/inmex.html");
  /* the contract's XPaths are where they were */
  check_str(doc, "/r:report/r:evaluation/r:stay[@id='visitor']/@outcome",
            "meets");
  check_str(doc, "/r:report/@outcome", "meets");
  xmlFreeDoc(doc);

  gsize len = 0;
  const char *data = g_bytes_get_data(bytes, &len);
  char *orig = g_strndup(data, len);
  const char *edits[][2] = {
      {"appointment=\"online\"", "appointment=\"phone\""},
      {"within=\"30\"", "within=\"thirty\""},
      {"withinConfidence=\"unconfirmed\"", "withinConfidence=\"likely\""},
      {"where=\"inm-office\"", "where=\"embassy\""},
      {"asOf=\"2024-09-13\"", "asOf=\"2024-09-31\""},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(edits); i++) {
    const char *hit = strstr(orig, edits[i][0]);
    if (hit == NULL)
      fail_msg("edit %zu: \"%s\" not in the report", i, edits[i][0]);
    char *e = g_strdup_printf("%.*s%s%s", (int)(hit - orig), orig, edits[i][1],
                              hit + strlen(edits[i][0]));
    doc = xmlReadMemory(e, (int)strlen(e), "edited.xml", NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    if (sv_test_validate(doc, REPORT_XSD))
      fail_msg("edit %zu (%s) still validates", i, edits[i][1]);
    xmlFreeDoc(doc);
    g_free(e);
  }
  g_free(orig);
  g_bytes_unref(bytes);

  /* no online step: no booking; the steps alone validate */
  g_array_remove_index(ev->next_steps, 1);
  bytes = sv_report_build(&cfg, c);
  doc = parse_bytes(bytes);
  assert_true(sv_test_validate(doc, REPORT_XSD));
  assert_int_equal(sv_test_xpath_count(doc, "/r:report/r:nextSteps/r:step"), 1);
  assert_int_equal(sv_test_xpath_count(doc, "/r:report/r:nextSteps/r:booking"),
                   0);
  /* a section without a step is not valid */
  xmlNodePtr root = xmlDocGetRootElement(doc);
  xmlNodePtr ns = xmlGetLastChild(root);
  while (ns != NULL && ns->type != XML_ELEMENT_NODE)
    ns = ns->prev;
  assert_non_null(ns);
  assert_string_equal((const char *)ns->name, "nextSteps");
  for (xmlNodePtr k = ns->children; k != NULL;) {
    xmlNodePtr next = k->next;
    xmlUnlinkNode(k);
    xmlFreeNode(k);
    k = next;
  }
  assert_false(sv_test_validate(doc, REPORT_XSD));
  xmlFreeDoc(doc);
  g_bytes_unref(bytes);
  sv_case_free(&c);
}

/* r:eligibility: absent without a usVisa answer; with one, last in the
   report (after r:evaluation), with its ruleset, outcome, source, one
   r:reason per reason (rule, cite, text) and one r:document per document
   used; it validates, the contract's XPaths still hold, and an outcome
   word the schema does not know is refused. */
static void test_report_eligibility(void **state)
{
  (void)state;
  struct sv_case *c = sample_case();
  struct sv_config cfg = test_config("/nonexistent");
  GBytes *bytes = sv_report_build(&cfg, c);
  xmlDocPtr doc = parse_bytes(bytes);
  assert_true(sv_test_validate(doc, REPORT_XSD));
  assert_int_equal(sv_test_xpath_count(doc, "/r:report/r:eligibility"), 0);
  xmlFreeDoc(doc);
  g_bytes_unref(bytes);

  struct sv_eligibility_result *e = sv_eligibility_result_new();
  e->outcome = SV_ELIG_INSUFFICIENT;
  e->ruleset = g_strdup("us-tcn-border");
  e->source = g_strdup("seed 000 (undated): old");
  struct sv_elig_reason r = {g_strdup("in-status"),
                             g_strdup("being in status is not shown"),
                             g_strdup("seed 000: \"in status\"")};
  g_array_append_val(e->reasons, r);
  struct sv_elig_reason r2 = {g_strdup("input"),
                              g_strdup("case.xml's usVisa does not give post"),
                              NULL};
  g_array_append_val(e->reasons, r2);
  g_ptr_array_add(e->documents, g_strdup("status/i94.pdf#1"));
  c->eval->eligibility = e;
  bytes = sv_report_build(&cfg, c);
  doc = parse_bytes(bytes);
  assert_non_null(doc);
  assert_true(sv_test_validate(doc, REPORT_XSD));
  check_str(doc, "local-name(/r:report/*[last()])", "eligibility");
  check_str(doc, "/r:report/r:eligibility/@ruleset", "us-tcn-border");
  check_str(doc, "/r:report/r:eligibility/@outcome", "insufficient-evidence");
  check_str(doc, "/r:report/r:eligibility/@source", "seed 000 (undated): old");
  check_str(doc, "/r:report/r:eligibility/r:reason[@rule='in-status']/@cite",
            "seed 000: \"in status\"");
  check_str(doc, "/r:report/r:eligibility/r:reason[@rule='in-status']",
            "being in status is not shown");
  check_str(doc,
            "count(/r:report/r:eligibility/r:reason[@rule='input']/@cite)",
            "0");
  check_str(doc, "/r:report/r:eligibility/r:document/@source",
            "status/i94.pdf#1");
  check_str(doc, "/r:report/r:evaluation/r:stay[@id='visitor']/@outcome",
            "meets");
  xmlFreeDoc(doc);
  g_bytes_unref(bytes);

  for (int o = SV_ELIGIBLE; o <= SV_ELIG_INSUFFICIENT; o++) {
    e->outcome = (enum sv_eligibility)o;
    bytes = sv_report_build(&cfg, c);
    doc = parse_bytes(bytes);
    assert_true(sv_test_validate(doc, REPORT_XSD));
    check_str(doc, "/r:report/r:eligibility/@outcome",
              sv_eligibility_str(e->outcome));
    xmlFreeDoc(doc);
    g_bytes_unref(bytes);
  }
  bytes = sv_report_build(&cfg, c);
  gsize len = 0;
  const char *data = g_bytes_get_data(bytes, &len);
  GString *edited = g_string_new_len(data, (gssize)len);
  g_string_replace(edited, "outcome=\"insufficient-evidence\" source=\"seed 000",
                   "outcome=\"maybe\" source=\"seed 000", 1);
  xmlDocPtr d2 = xmlReadMemory(edited->str, (int)edited->len, "x.xml", NULL,
                               XML_PARSE_NONET);
  assert_non_null(d2);
  assert_false(sv_test_validate(d2, REPORT_XSD));
  xmlFreeDoc(d2);
  g_string_free(edited, TRUE);
  g_bytes_unref(bytes);
  sv_case_free(&c);
}

int main(void)
{
  xmlInitParser();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_report_contract_xpaths),
      cmocka_unit_test(test_report_optional_attributes),
      cmocka_unit_test(test_report_sanitizes_hostile_text),
      cmocka_unit_test(test_report_failed_case_validates),
      cmocka_unit_test(test_report_deterministic),
      cmocka_unit_test(test_report_schema_rejects_bad_values),
      cmocka_unit_test(test_report_reconciliation_attributes),
      cmocka_unit_test(test_report_write_file_replaces),
      cmocka_unit_test(test_report_write_file_unwritable),
      cmocka_unit_test(test_report_stage_writes_case),
      cmocka_unit_test(test_report_evidence_written_whole),
      cmocka_unit_test(test_report_batch_validates),
      cmocka_unit_test(test_report_batch_csv),
      cmocka_unit_test(test_report_ruleset_of_the_date),
      cmocka_unit_test(test_report_next_steps),
      cmocka_unit_test(test_report_eligibility),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  xmlCleanupParser();
  return rc;
}
