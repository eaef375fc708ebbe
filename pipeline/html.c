/*
 * html.c - reports rendered as HTML pages with schemas/report.xsl (see
 * html.h): the stylesheet compiled once, one transform per page, the
 * batch index from batch.xml with a summary of each report, and the
 * `solvency render` command.
 */
#include "html.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../stages/report.h"
#include "xmlsafe.h"

/* The stylesheet is ours, but read like any input: a limit, no DTD. */
#define SV_HTML_XSL_MAX_BYTES (1024 * 1024)
/* Longest error text kept from libxslt (it reports in fragments). */
#define SV_HTML_ERR_MAX 600

/* Parse options for the stylesheet and for anything a transform would
   load: no network, no entities substituted, no DTD loaded. */
#define SV_HTML_PARSE (XML_PARSE_NONET | XML_PARSE_NOCDATA | \
                       XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

struct sv_html {
  xsltStylesheetPtr style;
  xsltSecurityPrefsPtr sec; /* read nothing, write nothing */
  char *data_dir;
};

bool sv_html_lang_valid(const char *lang)
{
  return lang != NULL && (strcmp(lang, "en") == 0 || strcmp(lang, "es") == 0);
}

/* ------------------------------------------------------------- errors */

/* libxslt's and libxml2's messages, gathered (they come in pieces). */
static void gather(void *ctx, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static void gather(void *ctx, const char *fmt, ...)
{
  GString *g = ctx;
  if (g->len >= SV_HTML_ERR_MAX)
    return;
  va_list ap;
  va_start(ap, fmt);
  g_string_append_vprintf(g, fmt, ap);
  va_end(ap);
}

static void gather_structured(void *ctx, xmlErrorPtr e)
{
  GString *g = ctx;
  if (e != NULL && e->message != NULL && g->len < SV_HTML_ERR_MAX)
    g_string_append(g, e->message);
}

/* Returns owned: what was gathered, on one line, or fallback. */
static char *gathered(GString *g, const char *fallback)
{
  char *s = g_strstrip(g_strdup(g->str));
  for (char *p = s; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';
  if (s[0] == '\0') {
    g_free(s);
    return g_strdup(fallback);
  }
  return s;
}

/* ---------------------------------------------------------- stylesheet */

sv_status sv_html_new(const char *data_dir, struct sv_html **out, char **err)
{
  sv_status rc = SV_BADXML;
  char *path = g_build_filename(data_dir, "report.xsl", NULL);
  xmlDocPtr doc = NULL;
  xmlParserCtxtPtr pctx = NULL;
  GString *msg = g_string_new(NULL);
  GStatBuf st;

  *out = NULL;
  *err = NULL;
  if (g_stat(path, &st) != 0) {
    rc = errno == ENOENT ? SV_NOTFOUND : SV_IO;
    *err = g_strdup_printf("stylesheet %s: %s", path, g_strerror(errno));
    goto out;
  }
  if (st.st_size > SV_HTML_XSL_MAX_BYTES) {
    rc = SV_TOOBIG;
    *err = g_strdup_printf("stylesheet %s: larger than %d bytes", path,
                           SV_HTML_XSL_MAX_BYTES);
    goto out;
  }
  pctx = xmlNewParserCtxt();
  if (pctx == NULL)
    g_error("out of memory");
  doc = xmlCtxtReadFile(pctx, path, NULL, SV_HTML_PARSE);
  if (doc == NULL) {
    xmlErrorPtr e = xmlCtxtGetLastError(pctx);
    char *why = g_strstrip(g_strdup(e != NULL && e->message != NULL
                                        ? e->message
                                        : "unknown error"));
    *err = g_strdup_printf("stylesheet %s: not well-formed XML (line %d: "
                           "%s)", path, e != NULL ? e->line : 0, why);
    g_free(why);
    goto out;
  }
  if (doc->intSubset != NULL || doc->extSubset != NULL) {
    *err = g_strdup_printf("stylesheet %s: declares a DOCTYPE (refused for "
                           "safety)", path);
    goto out;
  }
  /* compile errors go through libxslt's generic handler (process-wide:
     this runs on one thread, before or after the engine's) */
  xsltSetGenericErrorFunc(msg, gather);
  xsltStylesheetPtr style = xsltParseStylesheetDoc(doc);
  xsltSetGenericErrorFunc(NULL, NULL);
  if (style == NULL || style->errors > 0) {
    char *why = gathered(msg, "unknown error");
    *err = g_strdup_printf("stylesheet %s cannot be compiled: %s", path,
                           why);
    g_free(why);
    if (style != NULL) {
      xsltFreeStylesheet(style); /* frees doc with it */
      doc = NULL;
    } /* else the doc is still ours */
    goto out;
  }
  doc = NULL; /* the stylesheet owns it now */

  struct sv_html *h = g_new0(struct sv_html, 1);
  h->style = style;
  h->data_dir = g_strdup(data_dir);
  h->sec = xsltNewSecurityPrefs();
  if (h->sec == NULL)
    g_error("out of memory");
  xsltSetSecurityPrefs(h->sec, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
  xsltSetSecurityPrefs(h->sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
  xsltSetSecurityPrefs(h->sec, XSLT_SECPREF_CREATE_DIRECTORY,
                       xsltSecurityForbid);
  xsltSetSecurityPrefs(h->sec, XSLT_SECPREF_READ_NETWORK,
                       xsltSecurityForbid);
  xsltSetSecurityPrefs(h->sec, XSLT_SECPREF_WRITE_NETWORK,
                       xsltSecurityForbid);
  *out = h;
  rc = SV_OK;
out:
  if (pctx != NULL)
    xmlFreeParserCtxt(pctx);
  xmlFreeDoc(doc);
  g_string_free(msg, TRUE);
  g_free(path);
  return rc;
}

void sv_html_free(struct sv_html **h)
{
  if (h == NULL || *h == NULL)
    return;
  xsltFreeStylesheet((*h)->style);
  xsltFreeSecurityPrefs((*h)->sec);
  g_free((*h)->data_dir);
  g_free(*h);
  *h = NULL;
}

/* ----------------------------------------------------------- transform */

/* Applies the stylesheet to doc with its parameters.  Returns SV_OK and
   owned *res (xmlFreeDoc), or SV_INVALID and owned *err. */
static sv_status transform(struct sv_html *h, xmlDocPtr doc, const char *view,
                           const char *lang, const char *base,
                           xmlDocPtr *res, char **err)
{
  GString *msg = g_string_new(NULL);
  xsltTransformContextPtr t = xsltNewTransformContext(h->style, doc);
  if (t == NULL)
    g_error("out of memory");
  xsltSetCtxtParseOptions(t, SV_HTML_PARSE);
  xsltSetCtxtSecurityPrefs(h->sec, t);
  xsltSetTransformErrorFunc(t, msg, gather);
  xsltSetGenericErrorFunc(msg, gather); /* some messages bypass t's */
  xmlSetStructuredErrorFunc(msg, gather_structured);
  xsltQuoteOneUserParam(t, BAD_CAST "view", BAD_CAST view);
  xsltQuoteOneUserParam(t, BAD_CAST "lang", BAD_CAST lang);
  xsltQuoteOneUserParam(t, BAD_CAST "base", BAD_CAST base);
  *res = xsltApplyStylesheetUser(h->style, doc, NULL, NULL, NULL, t);
  xmlSetStructuredErrorFunc(NULL, NULL);
  xsltSetGenericErrorFunc(NULL, NULL);
  sv_status rc = SV_OK;
  if (*res == NULL || t->state != XSLT_STATE_OK || msg->len > 0 ||
      xmlDocGetRootElement(*res) == NULL) {
    rc = SV_INVALID;
    *err = gathered(msg, "the stylesheet produced no page");
    xmlFreeDoc(*res);
    *res = NULL;
  }
  xsltFreeTransformContext(t);
  g_string_free(msg, TRUE);
  return rc;
}

/* Renders doc (a report or the batch) as a page and writes it to
   dir/name.  Returns SV_OK, SV_INVALID or SV_WRITE with owned *err. */
static sv_status write_page(struct sv_html *h, xmlDocPtr doc,
                            const char *lang, const char *base,
                            const char *dir, const char *name, char **err)
{
  xmlDocPtr res = NULL;
  sv_status rc = transform(h, doc, "page", lang, base, &res, err);
  if (rc != SV_OK)
    return rc;
  xmlChar *text = NULL;
  int len = 0;
  if (xsltSaveResultToString(&text, &len, res, h->style) != 0 ||
      text == NULL) {
    xmlFreeDoc(res);
    xmlFree(text);
    *err = g_strdup_printf("%s: the page could not be written out", name);
    return SV_INVALID;
  }
  GBytes *bytes = g_bytes_new(text, (gsize)len);
  xmlFree(text);
  xmlFreeDoc(res);
  rc = sv_report_write_file(dir, name, bytes, err);
  g_bytes_unref(bytes);
  return rc;
}

/* Returns owned: a report's XML read and validated (report.xsd), or NULL
   with owned *err and *rc set. */
static xmlDocPtr load_report(struct sv_html *h, const char *path,
                             sv_status *rc, char **err)
{
  char *xsd = g_build_filename(h->data_dir, "report.xsd", NULL);
  xmlDocPtr doc = NULL;
  *rc = sv_xml_load(path, xsd, &doc, err);
  g_free(xsd);
  return doc;
}

/* Returns owned: the relative path from folder `from` to folder `to`, with
   a trailing '/', "" when they are the same folder (both must exist);
   `to` made absolute when they have nothing in common. */
static char *relative_dir(const char *from, const char *to)
{
  char *a = realpath(from, NULL);
  char *b = realpath(to, NULL);
  char *rel = NULL;
  if (a == NULL || b == NULL) {
    rel = g_strdup(""); /* cannot tell: links stay relative to the page */
    goto out;
  }
  char **pa = g_strsplit(a + 1, "/", -1), **pb = g_strsplit(b + 1, "/", -1);
  guint na = a[1] == '\0' ? 0 : g_strv_length(pa);
  guint nb = b[1] == '\0' ? 0 : g_strv_length(pb);
  guint common = 0;
  while (common < na && common < nb && strcmp(pa[common], pb[common]) == 0)
    common++;
  GString *g = g_string_new(NULL);
  for (guint i = common; i < na; i++)
    g_string_append(g, "../");
  for (guint i = common; i < nb; i++) {
    g_string_append(g, pb[i]);
    g_string_append_c(g, '/');
  }
  rel = g_string_free(g, FALSE);
  g_strfreev(pa);
  g_strfreev(pb);
out:
  free(a);
  free(b);
  return rel;
}

sv_status sv_html_render(struct sv_html *h, const char *report_path,
                         const char *lang, const char *out_path, char **err)
{
  sv_status rc = SV_OK;
  char *out_dir = g_path_get_dirname(out_path);
  char *name = g_path_get_basename(out_path);
  char *report_dir = g_path_get_dirname(report_path);
  char *base = NULL;
  xmlDocPtr doc = load_report(h, report_path, &rc, err);
  if (doc == NULL)
    goto out;
  if (g_mkdir_with_parents(out_dir, 0700) != 0) {
    rc = SV_WRITE;
    *err = g_strdup_printf("cannot create folder %s: %s", out_dir,
                           g_strerror(errno));
    goto out;
  }
  base = relative_dir(out_dir, report_dir);
  rc = write_page(h, doc, lang, base, out_dir, name, err);
out:
  xmlFreeDoc(doc);
  g_free(base);
  g_free(report_dir);
  g_free(name);
  g_free(out_dir);
  return rc;
}

/* -------------------------------------------------------------- index */

static char *prop(xmlNodePtr n, const char *name)
{
  xmlChar *v = xmlGetProp(n, BAD_CAST name);
  char *s = v != NULL ? g_strdup((const char *)v) : NULL;
  xmlFree(v);
  return s;
}

char *sv_html_page_name(const char *report)
{
  if (g_str_has_suffix(report, ".xml"))
    return g_strdup_printf("%.*s.html", (int)(strlen(report) - 4), report);
  return g_strconcat(report, ".html", NULL);
}

/* Whether name is a page's temporary file (".<name>.html.XXXXXX") that a
   run killed while writing left behind. */
static bool temp_page(const char *name)
{
  size_t n = strlen(name);
  return name[0] == '.' && n > 13 && name[n - 7] == '.' &&
         strncmp(name + n - 12, ".html", 5) == 0;
}

static void clean_temp_pages(const char *dir)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  for (const char *n; d != NULL && (n = g_dir_read_name(d)) != NULL;) {
    if (!temp_page(n))
      continue;
    char *p = g_build_filename(dir, n, NULL);
    if (g_file_test(p, G_FILE_TEST_IS_REGULAR))
      g_unlink(p);
    g_free(p);
  }
  if (d != NULL)
    g_dir_close(d);
}

/* Keeps the first failure; later ones are added to its text. */
static void note(sv_status *rc, char **err, sv_status st, char *msg)
{
  if (*rc == SV_OK)
    *rc = st;
  if (*err == NULL) {
    *err = msg;
    return;
  }
  char *both = g_strconcat(*err, "; ", msg, NULL);
  g_free(*err);
  g_free(msg);
  *err = both;
}

/* One case of the batch: its page (when pages) and its summary, put
   inside the case element for the index. */
static void index_case(struct sv_html *h, xmlNodePtr c, const char *out_dir,
                       const char *lang, bool pages, size_t *written,
                       sv_status *rc, char **err)
{
  char *report = prop(c, "report");
  char *path = NULL, *msg = NULL, *page = NULL;
  xmlDocPtr doc = NULL, sum = NULL;
  sv_status st = SV_OK;
  if (report == NULL)
    goto out; /* a failed case: no report, listed as such */
  if (strchr(report, '/') != NULL || report[0] == '.') {
    note(rc, err, SV_BADXML,
         g_strdup_printf("batch.xml names a report outside OUT_DIR: %s",
                         report));
    goto out;
  }
  path = g_build_filename(out_dir, report, NULL);
  doc = load_report(h, path, &st, &msg);
  if (doc == NULL) {
    note(rc, err, st, msg);
    goto out;
  }
  if (pages) {
    page = sv_html_page_name(report);
    st = write_page(h, doc, lang, "", out_dir, page, &msg);
    if (st != SV_OK) {
      note(rc, err, st, msg);
      goto out;
    }
    if (written != NULL)
      (*written)++;
  }
  st = transform(h, doc, "summary", lang, "", &sum, &msg);
  if (st != SV_OK) {
    note(rc, err, st, g_strdup_printf("%s: %s", report, msg));
    g_free(msg);
    goto out;
  }
  xmlNodePtr root = xmlDocGetRootElement(sum);
  if (root != NULL) {
    xmlNodePtr copy = xmlDocCopyNode(root, c->doc, 1);
    if (copy == NULL)
      g_error("out of memory");
    xmlAddChild(c, copy);
  }
out:
  xmlFreeDoc(sum);
  xmlFreeDoc(doc);
  g_free(page);
  g_free(path);
  g_free(report);
}

sv_status sv_html_index(struct sv_html *h, const char *out_dir,
                        const char *lang, bool pages, size_t *written,
                        char **err)
{
  sv_status rc = SV_OK;
  char *msg = NULL;
  char *path = g_build_filename(out_dir, "batch.xml", NULL);
  char *xsd = g_build_filename(h->data_dir, "batch.xsd", NULL);
  xmlDocPtr batch = NULL;

  *err = NULL;
  if (written != NULL)
    *written = 0;
  sv_status st = sv_xml_load(path, xsd, &batch, &msg);
  if (st != SV_OK) {
    note(&rc, err, st, msg);
    goto out;
  }
  if (pages)
    clean_temp_pages(out_dir);
  xmlNodePtr root = xmlDocGetRootElement(batch);
  for (xmlNodePtr c = root->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE &&
        xmlStrEqual(c->name, BAD_CAST "case"))
      index_case(h, c, out_dir, lang, pages, written, &rc, err);
  st = write_page(h, batch, lang, "", out_dir, "index.html", &msg);
  if (st != SV_OK)
    note(&rc, err, st, msg);
  else if (written != NULL)
    (*written)++;
out:
  xmlFreeDoc(batch);
  g_free(xsd);
  g_free(path);
  return rc;
}

/* ------------------------------------------------------------ command */

int sv_html_main(int argc, char **argv, const char *data_dir)
{
  char *output = NULL, *lang = NULL;
  gboolean quiet = FALSE;
  GError *gerr = NULL;
  char *err = NULL;
  char *out_path = NULL;
  struct sv_html *h = NULL;
  int rc = 2;
  GOptionEntry entries[] = {
      {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
       "Where the page goes (default: REPORT with .xml replaced by .html)",
       "FILE.html"},
      {"lang", 0, 0, G_OPTION_ARG_STRING, &lang,
       "Language of the page's labels: en (default) or es", "LANG"},
      {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
       "Print nothing when all went well", NULL},
      {NULL, 0, 0, 0, NULL, NULL, NULL}};
  GOptionContext *ctx = g_option_context_new("REPORT.xml | OUT_DIR");
  g_option_context_set_summary(
      ctx, "Renders a verdict report as an HTML page for an auditor (the "
           "case, the verdict per stay, the months against the threshold, "
           "the documents, every figure with its evidence crop).  Given "
           "an OUT_DIR, renders every report its batch.xml lists and "
           "OUT_DIR/index.html.");
  g_option_context_add_main_entries(ctx, entries, NULL);
  g_set_prgname("solvency render");
  argv[1] = argv[0]; /* "solvency render ..." parses as "render ..." */
  argv++;
  argc--;
  if (!g_option_context_parse(ctx, &argc, &argv, &gerr)) {
    fprintf(stderr, "solvency render: %s\n", gerr->message);
    g_error_free(gerr);
    goto out;
  }
  if (argc != 2) {
    fprintf(stderr, "solvency render: %s\nTry 'solvency render --help'.\n",
            argc < 2 ? "REPORT.xml is missing" : "one REPORT.xml at a time");
    goto out;
  }
  if (lang == NULL)
    lang = g_strdup("en");
  if (!sv_html_lang_valid(lang)) {
    fprintf(stderr, "solvency render: --lang '%s': use en or es\n", lang);
    goto out;
  }
  const char *in = argv[1];
  bool is_dir = g_file_test(in, G_FILE_TEST_IS_DIR);
  if (is_dir && output != NULL) {
    fprintf(stderr, "solvency render: -o goes with one REPORT.xml; the "
                    "pages of OUT_DIR are written into it\n");
    goto out;
  }
  rc = 1;
  if (sv_html_new(data_dir, &h, &err) != SV_OK) {
    fprintf(stderr, "solvency render: %s\n", err);
    goto out;
  }
  if (is_dir) {
    size_t n = 0;
    if (sv_html_index(h, in, lang, true, &n, &err) != SV_OK) {
      fprintf(stderr, "solvency render: %s\n", err);
      goto out;
    }
    if (!quiet)
      printf("solvency render: %zu pages in %s (index.html lists the "
             "cases)\n", n, in);
  } else {
    if (output != NULL)
      out_path = g_strdup(output);
    else if (g_str_has_suffix(in, ".xml"))
      out_path = g_strdup_printf("%.*s.html", (int)(strlen(in) - 4), in);
    else
      out_path = g_strconcat(in, ".html", NULL);
    if (strcmp(out_path, in) == 0) {
      fprintf(stderr, "solvency render: the page would replace the "
                      "report %s\n", in);
      rc = 2;
      goto out;
    }
    if (sv_html_render(h, in, lang, out_path, &err) != SV_OK) {
      fprintf(stderr, "solvency render: %s\n", err);
      goto out;
    }
    if (!quiet)
      printf("solvency render: %s\n", out_path);
  }
  rc = 0;
out:
  sv_html_free(&h);
  g_free(out_path);
  g_free(err);
  g_free(output);
  g_free(lang);
  g_option_context_free(ctx);
  return rc;
}
