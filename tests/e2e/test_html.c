/*
 * test_html.c - the auditor's view (pipeline/html.c, schemas/report.xsl):
 * `solvency run --html` over nine sample cases (statements, two
 * accounts, a month below, a scan needing review, income, a deed, a deed
 * whose words disagree, bad files, UMA), then each page read back: as XML
 * (the output is XHTML-compatible) and with libxml2's HTML parser, its
 * verdicts and figures against the report they came from, the chart's
 * bars and threshold line, what needs review before the documents, the
 * Spanish labels, the index's order and links, every crop an <img> that
 * points to a PNG that decodes; and `solvency render`'s files and errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <glib/gstdio.h>
#include <leptonica/allheaders.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.h"

#define RATES SV_SOURCE_DIR "/samples/rates.xml"
#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define SVG_NS "http://www.w3.org/2000/svg"
#define C13 "c13-scan-damaged-figure"

static char *root, *out;

static bool keep(const char *id)
{
  static const char *const ids[] = {"c01", "c05", "c06", "c07", "c13",
                                    "c14", "c16", "c17", "c23"};
  for (size_t i = 0; i < G_N_ELEMENTS(ids); i++)
    if (strncmp(id, ids[i], 3) == 0)
      return true;
  return false;
}

static int setup(void **state)
{
  (void)state;
  root = sv_test_sample_root("html-cases", keep);
  char *dir = sv_test_tmpdir("html");
  out = g_build_filename(dir, "out", NULL);
  g_free(dir);
  const char *argv[] = {"run", "-q",   "-j",    "2",  "--html", "--as-of",
                        "2026-11-15", "--rates", RATES, root,   "-o",
                        out,          NULL};
  return sv_test_run(argv, NULL, NULL) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
  (void)state;
  char *dir = g_path_get_dirname(out);
  sv_test_rmtree(dir);
  sv_test_rmtree(root);
  g_free(dir);
  g_free(out);
  g_free(root);
  return 0;
}

/* ------------------------------------------------------------ helpers */

/* The case ids of batch.xml, in its order (owned). */
static GPtrArray *case_ids(void)
{
  char *path = g_build_filename(out, "batch.xml", NULL);
  xmlDocPtr doc = sv_test_parse(path);
  assert_non_null(doc);
  GPtrArray *ids = g_ptr_array_new_with_free_func(g_free);
  int n = sv_test_xpath_count(doc, "/r:batch/r:case");
  for (int i = 1; i <= n; i++) {
    char *xp = g_strdup_printf("string(/r:batch/r:case[%d]/@id)", i);
    g_ptr_array_add(ids, sv_test_xpath_str(doc, xp));
    g_free(xp);
  }
  xmlFreeDoc(doc);
  g_free(path);
  return ids;
}

static char *page_path(const char *id)
{
  char *name = g_strconcat(id, ".html", NULL);
  char *p = g_build_filename(out, name, NULL);
  g_free(name);
  return p;
}

static xmlDocPtr report(const char *id)
{
  char *name = g_strconcat(id, ".xml", NULL);
  char *p = g_build_filename(out, name, NULL);
  xmlDocPtr doc = sv_test_parse(p);
  if (doc == NULL)
    fail_msg("%s does not parse", p);
  g_free(p);
  g_free(name);
  return doc;
}

/* The page at path read as XML: it must be well-formed. */
static xmlDocPtr page_xml(const char *path)
{
  xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET |
                                              XML_PARSE_NOERROR |
                                              XML_PARSE_NOWARNING);
  if (doc == NULL)
    fail_msg("%s is not well-formed XML", path);
  return doc;
}

static xmlXPathObjectPtr eval(xmlDocPtr doc, xmlNodePtr ctx, const char *xp)
{
  xmlXPathContextPtr c = xmlXPathNewContext(doc);
  xmlXPathRegisterNs(c, BAD_CAST "h", BAD_CAST XHTML_NS);
  xmlXPathRegisterNs(c, BAD_CAST "s", BAD_CAST SVG_NS);
  xmlXPathRegisterNs(c, BAD_CAST "r", BAD_CAST "urn:solvency:report:1");
  if (ctx != NULL)
    c->node = ctx;
  xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST xp, c);
  xmlXPathFreeContext(c);
  if (o == NULL)
    fail_msg("bad XPath %s", xp);
  return o;
}

/* The string value of xp (h = XHTML, s = SVG, r = report), owned. */
static char *str(xmlDocPtr doc, xmlNodePtr ctx, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);
static char *str(xmlDocPtr doc, xmlNodePtr ctx, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  char *xp = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  char *full = g_strdup_printf("normalize-space(%s)", xp);
  xmlXPathObjectPtr o = eval(doc, ctx, full);
  char *s = g_strdup((const char *)o->stringval);
  xmlXPathFreeObject(o);
  g_free(full);
  g_free(xp);
  return s;
}

static int count(xmlDocPtr doc, xmlNodePtr ctx, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);
static int count(xmlDocPtr doc, xmlNodePtr ctx, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  char *xp = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  char *full = g_strdup_printf("count(%s)", xp);
  xmlXPathObjectPtr o = eval(doc, ctx, full);
  int n = (int)o->floatval;
  xmlXPathFreeObject(o);
  g_free(full);
  g_free(xp);
  return n;
}

/* The nodes xp selects (owned object: xmlXPathFreeObject). */
static xmlXPathObjectPtr nodes(xmlDocPtr doc, xmlNodePtr ctx, const char *xp)
{
  xmlXPathObjectPtr o = eval(doc, ctx, xp);
  assert_int_equal(o->type, XPATH_NODESET);
  return o;
}

static int nnodes(xmlXPathObjectPtr o)
{
  return o->nodesetval != NULL ? o->nodesetval->nodeNr : 0;
}

static char *attr(xmlNodePtr n, const char *name)
{
  xmlChar *v = xmlGetProp(n, BAD_CAST name);
  char *s = g_strdup((const char *)v);
  xmlFree(v);
  return s;
}

/* "157520.00" -> "157,520.00": an amount as the page prints it. */
static char *grouped(const char *decimal)
{
  GString *g = g_string_new(NULL);
  const char *s = decimal;
  if (*s == '-') {
    g_string_append_c(g, '-');
    s++;
  }
  const char *dot = strchr(s, '.');
  size_t whole = dot != NULL ? (size_t)(dot - s) : strlen(s);
  for (size_t i = 0; i < whole; i++) {
    if (i > 0 && (whole - i) % 3 == 0)
      g_string_append_c(g, ',');
    g_string_append_c(g, s[i]);
  }
  if (dot != NULL)
    g_string_append(g, dot);
  return g_string_free(g, FALSE);
}

static const char *outcome_en(const char *o)
{
  static const char *const map[][2] = {
      {"meets", "meets"},
      {"not-met", "not met"},
      {"needs-review", "needs review"},
      {"insufficient-evidence", "insufficient evidence"},
      {"not-applicable", "not applicable"}};
  for (size_t i = 0; i < G_N_ELEMENTS(map); i++)
    if (strcmp(o, map[i][0]) == 0)
      return map[i][1];
  fail_msg("unknown outcome %s", o);
  return NULL;
}

static int html_errors;

static void count_html_error(void *ctx, xmlErrorPtr e)
{
  (void)ctx;
  /* libxml2's HTML parser knows HTML 4 only: <section>, <svg> ... are
     "invalid tags" to it but parse as elements all the same */
  if (e != NULL && e->code != XML_HTML_UNKNOWN_TAG) {
    html_errors++;
    fprintf(stderr, "HTML parser: line %d: %s", e->line, e->message);
  }
}

/* ---------------------------------------------------------------- tests */

/* Every case of batch.xml has its page, mode 0600, well-formed as XML and
   free of errors for libxml2's HTML parser; no non-void HTML element is
   written self-closed (an HTML parser would leave it open). */
static void test_html_pages_parse(void **state)
{
  (void)state;
  GPtrArray *ids = case_ids();
  assert_int_equal(ids->len, 9);
  g_ptr_array_add(ids, g_strdup("index"));
  static const char *const self_closing_ok[] = {
      "br", "img", "meta", "rect", "line", "hr"};
  for (guint i = 0; i < ids->len; i++) {
    char *path = page_path(g_ptr_array_index(ids, i));
    GStatBuf st;
    assert_int_equal(g_stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    xmlFreeDoc(page_xml(path));

    html_errors = 0;
    xmlSetStructuredErrorFunc(NULL, count_html_error);
    htmlDocPtr h = htmlReadFile(path, "UTF-8", HTML_PARSE_NONET |
                                                   HTML_PARSE_NOERROR |
                                                   HTML_PARSE_NOWARNING);
    xmlSetStructuredErrorFunc(NULL, NULL);
    assert_non_null(h);
    if (html_errors != 0)
      fail_msg("%s: %d HTML parse errors", path, html_errors);
    xmlFreeDoc(h);

    gchar *text = NULL;
    assert_true(g_file_get_contents(path, &text, NULL, NULL));
    for (char *p = strstr(text, "/>"); p != NULL; p = strstr(p + 2, "/>")) {
      char *lt = p;
      while (lt > text && *lt != '<')
        lt--;
      size_t n = strcspn(lt + 1, " \t\n/>");
      bool ok = false;
      for (size_t k = 0; k < G_N_ELEMENTS(self_closing_ok); k++)
        ok = ok || (strlen(self_closing_ok[k]) == n &&
                    strncmp(lt + 1, self_closing_ok[k], n) == 0);
      if (!ok)
        fail_msg("%s: <%.*s/> written self-closed", path, (int)n, lt + 1);
    }
    /* no script, no external resource */
    assert_null(strstr(text, "<script"));
    assert_null(strstr(text, "<link"));
    assert_null(strstr(text, "src=\"http"));
    assert_null(strstr(text, "url("));
    g_free(text);
    g_free(path);
  }
  g_ptr_array_free(ids, TRUE);
}

/* Each stay's block shows its outcome word, and each of its tests the
   basis, outcome, required and actual MXN as the report has them (with
   thousands separators) and the margin (actual - required) / required in
   %. */
static void test_html_verdicts_match_report(void **state)
{
  (void)state;
  GPtrArray *ids = case_ids();
  int tests_seen = 0;
  for (guint i = 0; i < ids->len; i++) {
    const char *id = g_ptr_array_index(ids, i);
    xmlDocPtr rep = report(id);
    char *path = page_path(id);
    xmlDocPtr page = page_xml(path);
    char *overall = sv_test_xpath_str(rep, "string(/r:report/@outcome)");
    char *shown = str(page, NULL, "//h:p[@class='overall']/h:span[contains(@class,'badge')]");
    assert_string_equal(shown, outcome_en(overall));
    g_free(shown);
    g_free(overall);

    xmlXPathObjectPtr stays = nodes(rep, NULL, "/r:report/r:evaluation/r:stay");
    for (int s = 0; s < nnodes(stays); s++) {
      char *sid = attr(stays->nodesetval->nodeTab[s], "id");
      char *so = attr(stays->nodesetval->nodeTab[s], "outcome");
      char *div = g_strdup_printf("//h:div[contains(@class,'stay ')][h:h3/h:span[@class='stay-id']='%s']", sid);
      assert_int_equal(count(page, NULL, "%s", div), 1);
      char *badge = str(page, NULL, "%s/h:h3/h:span[contains(@class,'badge')]", div);
      assert_string_equal(badge, outcome_en(so));
      g_free(badge);

      char *txp = g_strdup_printf("/r:report/r:evaluation/r:test[@stay='%s']", sid);
      xmlXPathObjectPtr tests = nodes(rep, NULL, txp);
      assert_int_equal(count(page, NULL, "%s//h:tr[contains(@class,'test ')]", div),
                       nnodes(tests));
      for (int t = 0; t < nnodes(tests); t++) {
        xmlNodePtr tn = tests->nodesetval->nodeTab[t];
        char *row = g_strdup_printf("(%s//h:tr[contains(@class,'test ')])[%d]", div, t + 1);
        char *req = attr(tn, "requiredMxn"), *act = attr(tn, "actualMxn");
        char *oc = attr(tn, "outcome");
        char *greq = grouped(req);
        char *want_req = g_strconcat(greq, " MXN", NULL);
        g_free(greq);
        char *got = str(page, NULL, "%s/h:td[contains(@class,'required')]", row);
        assert_string_equal(got, want_req);
        g_free(got);
        got = str(page, NULL, "%s/h:td[contains(@class,'actual')]", row);
        if (act != NULL) {
          char *g = grouped(act);
          char *want = g_strconcat(g, " MXN", NULL);
          assert_string_equal(got, want);
          g_free(want);
          g_free(g);
          double m = (g_ascii_strtod(act, NULL) - g_ascii_strtod(req, NULL)) /
                     g_ascii_strtod(req, NULL) * 100;
          char want_m[32];
          snprintf(want_m, sizeof want_m, "%+.1f %%", m);
          char *gm = str(page, NULL, "%s/h:td[contains(@class,'margin')]", row);
          if (strlen(want_m) < 10) /* under 1,000 %: no separator */
            assert_string_equal(gm, want_m);
          g_free(gm);
        } else {
          assert_string_equal(got, "—");
        }
        g_free(got);
        got = str(page, NULL, "%s/h:td/h:span[contains(@class,'badge')]", row);
        assert_string_equal(got, outcome_en(oc));
        g_free(got);
        tests_seen++;
        g_free(want_req);
        g_free(req);
        g_free(act);
        g_free(oc);
        g_free(row);
      }
      xmlXPathFreeObject(tests);
      g_free(txp);
      g_free(div);
      g_free(sid);
      g_free(so);
    }
    xmlXPathFreeObject(stays);
    xmlFreeDoc(page);
    xmlFreeDoc(rep);
    g_free(path);
  }
  assert_true(tests_seen >= 20);
  g_ptr_array_free(ids, TRUE);
}

/* Index of "YYYY-MM": y * 12 + m. */
static int month_index(const char *p)
{
  return (int)g_ascii_strtoll(p, NULL, 10) * 12 +
         (int)g_ascii_strtoll(p + 5, NULL, 10);
}

/* Each savings test's chart: one rect.bar per month of its window that
   has a figure (the account="total" row where several accounts have
   one), the bars below the required amount = @monthsBelow, the lowest
   month marked, one threshold line at the required amount (not counting
   the legend's) and one mean line. */
static void test_html_chart_bars_and_threshold(void **state)
{
  (void)state;
  GPtrArray *ids = case_ids();
  int charts = 0, below_seen = 0;
  for (guint i = 0; i < ids->len; i++) {
    const char *id = g_ptr_array_index(ids, i);
    xmlDocPtr rep = report(id);
    char *path = page_path(id);
    xmlDocPtr page = page_xml(path);
    char *as_of = sv_test_xpath_str(rep, "string(/r:report/@asOf)");
    int last = month_index(as_of) - 1;
    xmlXPathObjectPtr tests = nodes(rep, NULL, "/r:report/r:evaluation/r:test[@basis='savings']");
    xmlXPathObjectPtr svgs = nodes(page, NULL, "//s:svg[@class='chart']");
    assert_int_equal(nnodes(svgs), nnodes(tests));
    for (int t = 0; t < nnodes(tests); t++) {
      xmlNodePtr tn = tests->nodesetval->nodeTab[t];
      xmlNodePtr svg = svgs->nodesetval->nodeTab[t];
      char *wm = attr(tn, "windowMonths");
      int first = last - (int)g_ascii_strtoll(wm, NULL, 10) + 1;
      /* months of the window with a figure */
      int want = 0;
      xmlXPathObjectPtr months = nodes(rep, NULL, "/r:report/r:balances/r:month[@amountMxn]");
      for (int m = 0; m < nnodes(months); m++) {
        xmlNodePtr mn = months->nodesetval->nodeTab[m];
        char *p = attr(mn, "period"), *acct = attr(mn, "account");
        int k = month_index(p);
        char *xp = g_strdup_printf("/r:report/r:balances/r:month[@period='%s']", p);
        int rows = sv_test_xpath_count(rep, xp);
        if (k >= first && k <= last &&
            (rows == 1 || g_strcmp0(acct, "total") == 0))
          want++;
        g_free(xp);
        g_free(p);
        g_free(acct);
      }
      xmlXPathFreeObject(months);
      assert_int_equal(count(page, svg, "s:rect[contains(concat(' ',@class,' '),' bar ')]"), want);
      char *mb = attr(tn, "monthsBelow");
      if (mb != NULL) {
        int nb = (int)g_ascii_strtoll(mb, NULL, 10);
        assert_int_equal(count(page, svg, "s:rect[contains(@class,'below')]"), nb);
        below_seen += nb;
      }
      char *lowest = attr(tn, "lowestPeriod");
      if (lowest != NULL && want > 0)
        assert_int_equal(count(page, svg, "s:rect[contains(@class,'lowest')]"), 1);
      assert_int_equal(count(page, svg, "s:line[@class='threshold']"), 1);
      /* the threshold at the required amount: y = 204 - req/ymax*180,
         between the plot's top (24) and bottom (204), its label the
         amount */
      char *y = str(page, svg, "s:line[@class='threshold']/@y1");
      double yv = g_ascii_strtod(y, NULL);
      assert_true(yv >= 24 && yv < 204);
      char *req = attr(tn, "requiredMxn");
      char *g = grouped(req);
      char *label = str(page, svg, "s:text[@class='threshold-label']");
      assert_non_null(strstr(label, g));
      char *mean = attr(tn, "meanMxn");
      assert_int_equal(count(page, svg, "s:line[@class='mean']"),
                       mean != NULL ? 1 : 0);
      charts++;
      g_free(mean);
      g_free(label);
      g_free(g);
      g_free(req);
      g_free(y);
      g_free(lowest);
      g_free(mb);
      g_free(wm);
    }
    xmlXPathFreeObject(svgs);
    xmlXPathFreeObject(tests);
    g_free(as_of);
    xmlFreeDoc(page);
    xmlFreeDoc(rep);
    g_free(path);
  }
  assert_true(charts >= 9);
  assert_true(below_seen >= 3); /* c07's month, c13's two */
  g_ptr_array_free(ids, TRUE);
}

/* A case needing review shows what and why first: c13's reasons and its
   unreconciled month come before the documents; a case without anything
   to review has no such section. */
static void test_html_review_first(void **state)
{
  (void)state;
  char *path = page_path(C13);
  gchar *text = NULL;
  assert_true(g_file_get_contents(path, &text, NULL, NULL));
  const char *review = strstr(text, "id=\"review\"");
  const char *reason = strstr(text, "could not be reconciled with the "
                                    "statement's own arithmetic");
  const char *docs = strstr(text, "id=\"documents\"");
  const char *verdicts = strstr(text, "id=\"verdicts\"");
  assert_non_null(review);
  assert_non_null(reason);
  assert_non_null(docs);
  assert_true(review < reason && reason < verdicts && verdicts < docs);
  xmlDocPtr page = page_xml(path);
  /* the needs-review test and the 2026-07 balance */
  assert_int_equal(count(page, NULL, "//h:section[@id='review']//h:li[contains(@class,'item')]"), 2);
  char *fig = str(page, NULL, "//h:section[@id='review']//h:li[contains(@class,'figure')]/h:strong");
  assert_non_null(strstr(fig, "2026-07"));
  assert_int_equal(count(page, NULL, "//h:tr[contains(@class,'flagged')]"), 1);
  g_free(fig);
  xmlFreeDoc(page);
  g_free(text);
  g_free(path);

  path = page_path("c01-en-visitor-meets");
  page = page_xml(path);
  assert_int_equal(count(page, NULL, "//h:section[@id='review']"), 0);
  xmlFreeDoc(page);
  g_free(path);
}

/* The INM next steps of a met stay are on its page, one row per
   r:step with the report's words and the table's source; a case with no
   stay met has no such section. */
static void test_html_next_steps(void **state)
{
  (void)state;
  const char *id = "c01-en-visitor-meets";
  xmlDocPtr rep = report(id);
  int steps = sv_test_xpath_count(rep, "/r:report/r:nextSteps/r:step");
  assert_true(steps >= 1);
  char *text = sv_test_xpath_str(rep, "string(/r:report/r:nextSteps/r:step[1])");
  char *source = sv_test_xpath_str(rep, "string(/r:report/r:nextSteps/@source)");
  char *path = page_path(id);
  xmlDocPtr page = page_xml(path);
  assert_int_equal(count(page, NULL, "//h:section[@id='next-steps']//h:tbody/h:tr"),
                   steps);
  char *shown = str(page, NULL, "//h:section[@id='next-steps']//h:p[@class='step-text']");
  assert_string_equal(shown, text);
  char *src = str(page, NULL, "//h:section[@id='next-steps']/h:p[@class='source']");
  assert_non_null(strstr(src, source));
  g_free(src);
  g_free(shown);
  xmlFreeDoc(page);
  g_free(path);
  g_free(text);
  g_free(source);
  xmlFreeDoc(rep);

  path = page_path(C13); /* needs review: no stay met */
  page = page_xml(path);
  assert_int_equal(count(page, NULL, "//h:section[@id='next-steps']"), 0);
  xmlFreeDoc(page);
  g_free(path);
}

/* A case whose case.xml asks about a US visa renewal shows the
   us-tcn-border answer right after the case: its outcome badge and one
   line per reason of r:eligibility (sample c29: consult a lawyer), and
   the status documents read, one row each with its crop (sample c31:
   eligible on an I-797, an I-94 and a visa foil). */
static bool usvisa_case(const char *id)
{
  return strncmp(id, "c29", 3) == 0 || strncmp(id, "c31", 3) == 0;
}

static void test_html_eligibility(void **state)
{
  (void)state;
  char *root29 = sv_test_sample_root("html-usvisa", usvisa_case);
  char *out29 = sv_test_tmpdir("html-usvisa-out");
  const char *argv[] = {"run", "-q", "--html", "--as-of", "2026-11-15",
                        root29, "-o", out29, NULL};
  assert_int_equal(sv_test_run(argv, NULL, NULL), 0);
  const char *id = "c29-usvisa-h4-to-h1b-lawyer";
  char *name = g_strconcat(id, ".xml", NULL);
  char *rpath = g_build_filename(out29, name, NULL);
  xmlDocPtr rep = sv_test_parse(rpath);
  assert_non_null(rep);
  int reasons = sv_test_xpath_count(rep, "/r:report/r:eligibility/r:reason");
  assert_true(reasons >= 1);
  char *outcome = sv_test_xpath_str(rep, "string(/r:report/r:eligibility/@outcome)");
  assert_string_equal(outcome, "consult-lawyer");
  char *hname = g_strconcat(id, ".html", NULL);
  char *hpath = g_build_filename(out29, hname, NULL);
  xmlDocPtr page = page_xml(hpath);
  assert_int_equal(count(page, NULL, "//h:section[@id='eligibility']//h:ul/h:li"),
                   reasons);
  char *badge = str(page, NULL, "//h:section[@id='eligibility']//h:span[contains(@class,'badge')]");
  assert_non_null(strstr(badge, "consult a lawyer"));
  /* after the case, before the verdicts */
  assert_int_equal(count(page, NULL, "//h:section[@id='eligibility']/preceding-sibling::h:section[@id='verdicts']"), 0);
  /* no status document in c29: no table */
  assert_int_equal(count(page, NULL, "//h:table[@class='status-docs']"), 0);
  g_free(badge);
  xmlFreeDoc(page);
  xmlFreeDoc(rep);
  g_free(hpath);
  g_free(hname);
  g_free(outcome);
  g_free(rpath);
  g_free(name);

  id = "c31-usvisa-h1b-eligible";
  name = g_strconcat(id, ".xml", NULL);
  rpath = g_build_filename(out29, name, NULL);
  rep = sv_test_parse(rpath);
  assert_non_null(rep);
  int docs = sv_test_xpath_count(rep, "//r:document/r:usStatus[@evidence]");
  assert_int_equal(docs, 3);
  hname = g_strconcat(id, ".html", NULL);
  hpath = g_build_filename(out29, hname, NULL);
  page = page_xml(hpath);
  assert_int_equal(count(page, NULL, "//h:section[@id='eligibility']"
                                     "//h:table[@class='status-docs']"
                                     "/h:tbody/h:tr"),
                   docs);
  assert_int_equal(count(page, NULL, "//h:table[@class='status-docs']"
                                     "/h:tbody/h:tr/h:td//h:img"),
                   docs);
  badge = str(page, NULL, "//h:section[@id='eligibility']//h:span[contains(@class,'badge')]");
  assert_non_null(strstr(badge, "eligible"));
  g_free(badge);
  xmlFreeDoc(page);
  xmlFreeDoc(rep);
  g_free(hpath);
  g_free(hname);
  g_free(rpath);
  g_free(name);
  sv_test_rmtree(out29);
  sv_test_rmtree(root29);
  g_free(out29);
  g_free(root29);
}

/* Every figure that carries @evidence (and every holder's or person's
   name that does) has one <img> on its page, whose src, relative to the
   page, is a PNG that Leptonica decodes. */
static void test_html_evidence_images_load(void **state)
{
  (void)state;
  GPtrArray *ids = case_ids();
  int imgs = 0;
  for (guint i = 0; i < ids->len; i++) {
    const char *id = g_ptr_array_index(ids, i);
    xmlDocPtr rep = report(id);
    int crops = sv_test_xpath_count(rep, "//r:month/@evidence | //r:asset/@evidence | //r:applicant/@evidence | //r:statement[@holder]/@holderEvidence | //r:income[@person]/@personEvidence");
    char *path = page_path(id);
    xmlDocPtr page = page_xml(path);
    /* the figures' section has one per crop (the review list may repeat
       a figure's) */
    assert_int_equal(count(page, NULL, "//h:section[@id='figures']//h:img"), crops);
    xmlXPathObjectPtr src = nodes(page, NULL, "//h:img/@src");
    for (int k = 0; k < nnodes(src); k++) {
      xmlChar *v = xmlNodeGetContent(src->nodesetval->nodeTab[k]);
      char *unesc = g_uri_unescape_string((const char *)v, NULL);
      char *file = g_build_filename(out, unesc, NULL);
      PIX *pix = pixRead(file);
      if (pix == NULL)
        fail_msg("%s: <img src=\"%s\"> does not load", path, v);
      assert_true(pixGetWidth(pix) > 8 && pixGetHeight(pix) > 8);
      l_int32 format = 0;
      findFileFormat(file, &format);
      assert_int_equal(format, IFF_PNG);
      pixDestroy(&pix);
      g_free(file);
      g_free(unesc);
      xmlFree(v);
      imgs++;
    }
    xmlXPathFreeObject(src);
    xmlFreeDoc(page);
    xmlFreeDoc(rep);
    g_free(path);
  }
  print_message("%d <img> checked\n", imgs);
  g_ptr_array_free(ids, TRUE);
}

/* --lang es: the labels and outcome words in Spanish (the report's own
   reasons stay as written); a page rendered into another folder links
   its crops through a relative path that resolves. */
static void test_html_spanish_labels(void **state)
{
  (void)state;
  char *rep = g_build_filename(out, C13 ".xml", NULL);
  char *dst = g_build_filename(out, "es", "c13.html", NULL);
  const char *argv[] = {"render", "-q", "--lang", "es", rep, "-o", dst, NULL};
  assert_int_equal(sv_test_run(argv, NULL, NULL), 0);
  xmlDocPtr page = page_xml(dst);
  char *title = str(page, NULL, "//h:h1");
  assert_non_null(strstr(title, "Informe de solvencia"));
  char *overall = str(page, NULL, "//h:p[@class='overall']/h:span[contains(@class,'badge')]");
  assert_string_equal(overall, "requiere revisión");
  char *h2 = str(page, NULL, "//h:section[@id='documents']/h:h2");
  assert_string_equal(h2, "Documentos");
  assert_int_equal(count(page, NULL, "//h:span[contains(@class,'badge')][.='evidencia insuficiente']"), 2);
  assert_int_equal(count(page, NULL, "//h:span[contains(@class,'badge')][.='needs review']"), 0);
  char *lang = str(page, NULL, "/h:html/@lang");
  assert_string_equal(lang, "es");
  xmlXPathObjectPtr src = nodes(page, NULL, "//h:img/@src");
  for (int k = 0; k < nnodes(src); k++) {
    xmlChar *v = xmlNodeGetContent(src->nodesetval->nodeTab[k]);
    assert_true(g_str_has_prefix((const char *)v, "../"));
    char *file = g_build_filename(out, "es", (const char *)v, NULL);
    assert_true(g_file_test(file, G_FILE_TEST_IS_REGULAR));
    g_free(file);
    xmlFree(v);
  }
  xmlXPathFreeObject(src);
  g_free(lang);
  g_free(h2);
  g_free(overall);
  g_free(title);
  xmlFreeDoc(page);
  g_free(dst);
  g_free(rep);
}

/* index.html: one row per case, those with items to review (or no
   report) first, then by case id; each links to a page that exists; the
   count of items is the page's (c13: the test and the month, c17: the
   test and the deed's price). */
static void test_html_index_order_and_links(void **state)
{
  (void)state;
  char *path = page_path("index");
  xmlDocPtr page = page_xml(path);
  xmlXPathObjectPtr rows = nodes(page, NULL, "//h:table[@class='index']/h:tbody/h:tr");
  assert_int_equal(nnodes(rows), 9);
  bool in_review = true;
  char *prev = NULL;
  int reviewed = 0;
  for (int i = 0; i < nnodes(rows); i++) {
    xmlNodePtr tr = rows->nodesetval->nodeTab[i];
    char *id = str(page, tr, "h:td[1]");
    char *n = str(page, tr, "h:td[contains(@class,'review-count')]");
    bool attention = g_ascii_strtoll(n, NULL, 10) > 0;
    if (attention) {
      assert_true(in_review); /* none after the first without */
      reviewed++;
    } else if (in_review) {
      in_review = false;
      g_free(prev);
      prev = NULL;
    }
    if (prev != NULL)
      assert_true(strcmp(prev, id) < 0);
    char *href = str(page, tr, "h:td[1]/h:a/@href");
    char *want = g_strconcat(id, ".html", NULL);
    assert_string_equal(href, want);
    char *file = g_build_filename(out, href, NULL);
    assert_true(g_file_test(file, G_FILE_TEST_IS_REGULAR));
    if (strcmp(id, C13) == 0 || strncmp(id, "c17", 3) == 0)
      assert_string_equal(n, "2");
    /* the same count as the page's review section */
    xmlDocPtr cp = page_xml(file);
    char *c = g_strdup_printf("%d", count(cp, NULL, "//h:section[@id='review']//h:li[contains(@class,'item')]"));
    assert_string_equal(c, n);
    g_free(c);
    xmlFreeDoc(cp);
    g_free(file);
    g_free(want);
    g_free(href);
    g_free(n);
    g_free(prev);
    prev = id;
  }
  g_free(prev);
  assert_int_equal(reviewed, 2); /* c13, c17 */
  xmlXPathFreeObject(rows);
  xmlFreeDoc(page);
  g_free(path);
}

/* Rendering is a function of the report: pages rendered again (solvency
   render OUT_DIR) are the same bytes; a rerun with --html over the same
   OUT_DIR, every case unchanged and skipped, writes every page again
   (one removed comes back) and leaves the reports as they were; and a run
   without --html writes the same report bytes. */
static void test_html_deterministic_and_reports_unchanged(void **state)
{
  (void)state;
  GPtrArray *ids = case_ids();
  g_ptr_array_add(ids, g_strdup("index"));
  GPtrArray *before = g_ptr_array_new_with_free_func(g_free);
  for (guint i = 0; i < ids->len; i++) {
    char *p = page_path(g_ptr_array_index(ids, i));
    gchar *t = NULL;
    assert_true(g_file_get_contents(p, &t, NULL, NULL));
    g_ptr_array_add(before, t);
    g_free(p);
  }
  const char *argv[] = {"render", "-q", out, NULL};
  assert_int_equal(sv_test_run(argv, NULL, NULL), 0);
  char *gone = page_path("c01-en-visitor-meets");
  assert_int_equal(g_unlink(gone), 0);
  const char *rerun[] = {"run", "-q", "--html", "--as-of", "2026-11-15",
                         "--rates", RATES, root, "-o", out, NULL};
  assert_int_equal(sv_test_run(rerun, NULL, NULL), 0);
  for (guint i = 0; i < ids->len; i++) {
    char *p = page_path(g_ptr_array_index(ids, i));
    gchar *t = NULL;
    assert_true(g_file_get_contents(p, &t, NULL, NULL));
    assert_string_equal(t, g_ptr_array_index(before, i));
    g_free(t);
    g_free(p);
  }
  /* the same report without --html (c01 alone: text layer, quick) */
  char *one = sv_test_tmpdir("html-one");
  char *link = g_build_filename(one, "c01-en-visitor-meets", NULL);
  char *src = g_build_filename(root, "c01-en-visitor-meets", NULL);
  char *target = g_file_read_link(src, NULL);
  assert_int_equal(symlink(target, link), 0);
  char *plain = g_build_filename(one, "out", NULL);
  const char *noh[] = {"run", "-q", "--as-of", "2026-11-15", "--rates",
                       RATES, one, "-o", plain, NULL};
  assert_int_equal(sv_test_run(noh, NULL, NULL), 0);
  char *a = g_build_filename(out, "c01-en-visitor-meets.xml", NULL);
  char *b = g_build_filename(plain, "c01-en-visitor-meets.xml", NULL);
  gchar *ta = NULL, *tb = NULL;
  assert_true(g_file_get_contents(a, &ta, NULL, NULL));
  assert_true(g_file_get_contents(b, &tb, NULL, NULL));
  assert_string_equal(ta, tb);
  char *nopage = g_build_filename(plain, "index.html", NULL);
  assert_false(g_file_test(nopage, G_FILE_TEST_EXISTS));
  g_free(nopage);
  g_free(ta);
  g_free(tb);
  g_free(a);
  g_free(b);
  g_free(plain);
  g_free(target);
  g_free(src);
  g_free(link);
  sv_test_rmtree(one);
  g_free(one);
  g_free(gone);
  g_ptr_array_free(before, TRUE);
  g_ptr_array_free(ids, TRUE);
}

/* `solvency render` refuses what it cannot do, in plain words: a missing
   report, a file that is not a report (exit 1), an unknown language, a
   --lang without --html (exit 2); the default output is the report's
   name with .html. */
static void test_html_render_errors(void **state)
{
  (void)state;
  char *dir = sv_test_tmpdir("html-errors");
  char *missing = g_build_filename(dir, "nope.xml", NULL);
  char *err = NULL;
  const char *a1[] = {"render", missing, NULL};
  assert_int_equal(sv_test_run(a1, NULL, &err), 1);
  assert_non_null(strstr(err, "nope.xml"));
  g_free(err);

  char *bogus = g_build_filename(dir, "bogus.xml", NULL);
  sv_test_write(bogus, "<report/>", 9);
  const char *a2[] = {"render", bogus, NULL};
  assert_int_equal(sv_test_run(a2, NULL, &err), 1);
  assert_non_null(strstr(err, "report.xsd"));
  g_free(err);
  char *bogus_page = g_build_filename(dir, "bogus.html", NULL);
  assert_false(g_file_test(bogus_page, G_FILE_TEST_EXISTS));

  char *rep = g_build_filename(out, "c06-two-accounts.xml", NULL);
  const char *a3[] = {"render", "--lang", "fr", rep, NULL};
  assert_int_equal(sv_test_run(a3, NULL, NULL), 2);
  const char *a4[] = {"run", "--lang", "es", root, "-o", dir, NULL};
  assert_int_equal(sv_test_run(a4, NULL, NULL), 2);

  /* default output beside the report */
  char *copy = g_build_filename(dir, "c06.xml", NULL);
  gchar *t = NULL;
  gsize len = 0;
  assert_true(g_file_get_contents(rep, &t, &len, NULL));
  sv_test_write(copy, t, len);
  const char *a5[] = {"render", "-q", copy, NULL};
  assert_int_equal(sv_test_run(a5, NULL, NULL), 0);
  char *made = g_build_filename(dir, "c06.html", NULL);
  assert_true(g_file_test(made, G_FILE_TEST_IS_REGULAR));
  g_free(made);
  g_free(t);
  g_free(copy);
  g_free(rep);
  g_free(bogus_page);
  g_free(bogus);
  g_free(missing);
  sv_test_rmtree(dir);
  g_free(dir);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_html_pages_parse),
      cmocka_unit_test(test_html_verdicts_match_report),
      cmocka_unit_test(test_html_chart_bars_and_threshold),
      cmocka_unit_test(test_html_review_first),
      cmocka_unit_test(test_html_next_steps),
      cmocka_unit_test(test_html_eligibility),
      cmocka_unit_test(test_html_evidence_images_load),
      cmocka_unit_test(test_html_spanish_labels),
      cmocka_unit_test(test_html_index_order_and_links),
      cmocka_unit_test(test_html_deterministic_and_reports_unchanged),
      cmocka_unit_test(test_html_render_errors),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
