/*
 * support.c - helpers shared by the cmocka tests (see support.h).
 */
#include "support.h"

#include "render.h"
#include "text/lines.h"

#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

char *sv_test_tmpdir(const char *tag)
{
  static int seq;
  char *base = g_build_filename(SV_BINARY_DIR, "test-tmp", NULL);
  g_mkdir_with_parents(base, 0755);
  char *name = g_strdup_printf("%s-%d-%d", tag, (int)getpid(), seq++);
  char *dir = g_build_filename(base, name, NULL);
  sv_test_rmtree(dir);
  if (g_mkdir_with_parents(dir, 0755) != 0)
    abort();
  g_free(base);
  g_free(name);
  return dir;
}

static void rmtree_file(GFile *f)
{
  GFileEnumerator *en = g_file_enumerate_children(
      f, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
      G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (en != NULL) {
    GFileInfo *info;
    while ((info = g_file_enumerator_next_file(en, NULL, NULL)) != NULL) {
      GFile *child = g_file_get_child(f, g_file_info_get_name(info));
      if (g_file_info_get_file_type(info) == G_FILE_TYPE_DIRECTORY)
        rmtree_file(child);
      else
        g_file_delete(child, NULL, NULL);
      g_object_unref(child);
      g_object_unref(info);
    }
    g_object_unref(en);
  }
  g_file_delete(f, NULL, NULL);
}

void sv_test_rmtree(const char *dir)
{
  if (!g_str_has_prefix(dir, SV_BINARY_DIR))
    abort();
  GFile *f = g_file_new_for_path(dir);
  rmtree_file(f);
  g_object_unref(f);
}

/* Files (relative paths) under dir/rel, recursively, into names. */
static void list_tree(const char *dir, const char *rel, GPtrArray *names)
{
  char *path = rel[0] != '\0' ? g_build_filename(dir, rel, NULL)
                               : g_strdup(dir);
  GDir *d = g_dir_open(path, 0, NULL);
  for (const char *n; d != NULL && (n = g_dir_read_name(d)) != NULL;) {
    char *r = rel[0] != '\0' ? g_build_filename(rel, n, NULL) : g_strdup(n);
    char *full = g_build_filename(dir, r, NULL);
    if (g_file_test(full, G_FILE_TEST_IS_DIR) &&
        !g_file_test(full, G_FILE_TEST_IS_SYMLINK)) {
      list_tree(dir, r, names);
      g_free(r);
    } else {
      g_ptr_array_add(names, r);
    }
    g_free(full);
  }
  if (d != NULL)
    g_dir_close(d);
  g_free(path);
}

char *sv_test_tree_diff(const char *a, const char *b, const char *skip)
{
  char *why = NULL;
  for (int pass = 0; pass < 2 && why == NULL; pass++) {
    const char *x = pass == 0 ? a : b, *y = pass == 0 ? b : a;
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    list_tree(x, "", names);
    for (guint i = 0; i < names->len && why == NULL; i++) {
      const char *n = g_ptr_array_index(names, i);
      if (skip != NULL && strcmp(n, skip) == 0)
        continue;
      char *px = g_build_filename(x, n, NULL), *py = g_build_filename(y, n, NULL);
      char *dx = NULL, *dy = NULL;
      gsize lx = 0, ly = 0;
      if (!g_file_get_contents(px, &dx, &lx, NULL))
        why = g_strdup_printf("%s cannot be read", px);
      else if (!g_file_get_contents(py, &dy, &ly, NULL))
        why = g_strdup_printf("%s has no counterpart in %s", px, y);
      else if (pass == 0 && (lx != ly || memcmp(dx, dy, lx) != 0))
        why = g_strdup_printf("%s differs between %s and %s", n, x, y);
      g_free(dx);
      g_free(dy);
      g_free(px);
      g_free(py);
    }
    g_ptr_array_free(names, TRUE);
  }
  return why;
}

void sv_test_write(const char *path, const void *data, size_t len)
{
  char *parent = g_path_get_dirname(path);
  g_mkdir_with_parents(parent, 0755);
  g_free(parent);
  if (!g_file_set_contents(path, data, (gssize)len, NULL))
    abort();
}

char *sv_test_src(const char *rel)
{
  return g_build_filename(SV_SOURCE_DIR, rel, NULL);
}

int sv_test_run(const char *const *argv, char **out, char **err)
{
  GPtrArray *args = g_ptr_array_new();
  g_ptr_array_add(args, (gpointer)SV_SOLVENCY_BIN);
  for (size_t i = 0; argv[i] != NULL; i++)
    g_ptr_array_add(args, (gpointer)argv[i]);
  g_ptr_array_add(args, NULL);
  int wait_status = 0;
  char *o = NULL, *e = NULL;
  GError *gerr = NULL;
  gboolean ok = g_spawn_sync(NULL, (char **)args->pdata, NULL,
                             G_SPAWN_DEFAULT, NULL, NULL, &o, &e,
                             &wait_status, &gerr);
  g_ptr_array_free(args, TRUE);
  if (!ok) {
    fprintf(stderr, "spawn failed: %s\n", gerr->message);
    g_error_free(gerr);
    return -1;
  }
  if (out != NULL)
    *out = o;
  else
    g_free(o);
  if (err != NULL)
    *err = e;
  else
    g_free(e);
  if (!WIFEXITED(wait_status))
    return -1;
  return WEXITSTATUS(wait_status);
}

xmlDocPtr sv_test_parse(const char *path)
{
  return xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
}

bool sv_test_validate(xmlDocPtr doc, const char *xsd_path)
{
  xmlSchemaParserCtxtPtr pctx = xmlSchemaNewParserCtxt(xsd_path);
  xmlSchemaPtr schema = pctx != NULL ? xmlSchemaParse(pctx) : NULL;
  xmlSchemaValidCtxtPtr vctx =
      schema != NULL ? xmlSchemaNewValidCtxt(schema) : NULL;
  bool ok = vctx != NULL && xmlSchemaValidateDoc(vctx, doc) == 0;
  xmlSchemaFreeValidCtxt(vctx);
  xmlSchemaFree(schema);
  xmlSchemaFreeParserCtxt(pctx);
  return ok;
}

static xmlXPathObjectPtr eval(xmlDocPtr doc, const char *xpath)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  xmlXPathRegisterNs(ctx, BAD_CAST "r", BAD_CAST "urn:solvency:report:1");
  xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
  xmlXPathFreeContext(ctx);
  return obj;
}

char *sv_test_xpath_str(xmlDocPtr doc, const char *xpath)
{
  xmlXPathObjectPtr obj = eval(doc, xpath);
  char *res = NULL;
  if (obj != NULL && obj->type == XPATH_NODESET && obj->nodesetval != NULL &&
      obj->nodesetval->nodeNr > 0) {
    xmlChar *s = xmlNodeGetContent(obj->nodesetval->nodeTab[0]);
    res = g_strdup((const char *)s);
    xmlFree(s);
  } else if (obj != NULL && obj->type == XPATH_STRING) {
    res = g_strdup((const char *)obj->stringval);
  } else if (obj != NULL && obj->type == XPATH_NUMBER) {
    res = g_strdup_printf("%g", obj->floatval);
  }
  xmlXPathFreeObject(obj);
  return res;
}

int sv_test_xpath_count(xmlDocPtr doc, const char *xpath)
{
  xmlXPathObjectPtr obj = eval(doc, xpath);
  int n = 0;
  if (obj != NULL && obj->type == XPATH_NODESET && obj->nodesetval != NULL)
    n = obj->nodesetval->nodeNr;
  xmlXPathFreeObject(obj);
  return n;
}

/* ------------------------------------------ documents made from text */

#define SV_TEST_CHAR_W 6.0
#define SV_TEST_LINE_H 14.0

static void add_text_word(GArray *words, GString **w, long w_col,
                          double w_extra, long col, size_t line)
{
  struct sv_word sw = {0};
  sw.box.x0 = 20 + (double)w_col * SV_TEST_CHAR_W + w_extra;
  sw.box.x1 = 20 + (double)col * SV_TEST_CHAR_W + w_extra;
  sw.box.y0 = 20 + (double)line * SV_TEST_LINE_H;
  sw.box.y1 = sw.box.y0 + 10;
  sw.conf = 100.0f;
  sw.text = g_string_free(*w, FALSE);
  *w = NULL;
  g_array_append_val(words, sw);
}

void sv_test_page_from_text(struct sv_page *pg, int number, const char *text,
                            double column_extra)
{
  GArray *words = g_array_new(FALSE, TRUE, sizeof(struct sv_word));
  char **lines = g_strsplit(text, "\n", -1);
  for (size_t l = 0; lines[l] != NULL; l++) {
    double extra = 0, w_extra = 0;
    long col = 0, w_col = 0;
    int spaces = 0;
    GString *w = NULL;
    for (const char *p = lines[l];; p = g_utf8_next_char(p)) {
      gunichar ch = *p != '\0' ? g_utf8_get_char(p) : 0;
      if (ch == 0 || ch == ' ') {
        if (w != NULL)
          add_text_word(words, &w, w_col, w_extra, col, l);
        if (ch == 0)
          break;
        spaces++;
      } else {
        if (spaces >= 3)
          extra += column_extra;
        spaces = 0;
        if (w == NULL) {
          w = g_string_new(NULL);
          w_col = col;
          w_extra = extra;
        }
        g_string_append_unichar(w, ch);
      }
      col++;
    }
  }
  g_strfreev(lines);
  pg->number = number;
  pg->width = 595;
  pg->height = 842;
  pg->source = SV_TEXT_LAYER;
  pg->conf = 100.0f;
  size_t n = words->len;
  sv_lines_build(pg, (struct sv_word *)g_array_free(words, FALSE), n);
}

struct sv_doc *sv_test_doc_from_pages(const char *relpath,
                                      const char *const *pages,
                                      double column_extra)
{
  char *abs = g_build_filename("/x", relpath, NULL);
  struct sv_doc *doc = sv_doc_new(NULL, relpath, abs);
  g_free(abs);
  int n = 0;
  while (pages[n] != NULL)
    n++;
  doc->pages = g_new0(struct sv_page, (gsize)(n > 0 ? n : 1));
  doc->npages = n;
  for (int i = 0; i < n; i++)
    sv_test_page_from_text(&doc->pages[i], i + 1, pages[i], column_extra);
  doc->text = SV_TEXT_LAYER;
  doc->type = SV_FILE_PDF;
  return doc;
}

struct sv_doc *sv_test_doc_from_pdf(const char *path)
{
  gchar *data = NULL;
  gsize len = 0;
  if (!g_file_get_contents(path, &data, &len, NULL))
    return NULL;
  struct sv_doc *doc = sv_doc_new(NULL, "real.pdf", path);
  doc->bytes = g_bytes_new_take(data, len);
  doc->size = (gint64)len;
  doc->type = SV_FILE_PDF;
  struct sv_config cfg;
  memset(&cfg, 0, sizeof cfg);
  if (sv_render_stage.process(NULL, &cfg, NULL, NULL, doc) != SV_OK)
    abort();
  return doc;
}

bool sv_test_scanned_case(const char *id)
{
  static const char *const ids[] = {"c08", "c10", "c11", "c12", "c13"};
  for (size_t i = 0; i < G_N_ELEMENTS(ids); i++)
    if (strncmp(id, ids[i], 3) == 0)
      return true;
  return false;
}

char *sv_test_sample_root(const char *tag, bool (*keep)(const char *id))
{
  char *root = sv_test_tmpdir(tag);
  char *cases = g_build_filename(SV_SOURCE_DIR, "samples", "cases", NULL);
  GDir *d = g_dir_open(cases, 0, NULL);
  for (const char *id; d != NULL && (id = g_dir_read_name(d)) != NULL;) {
    if (keep != NULL && !keep(id))
      continue;
    char *src = g_build_filename(cases, id, NULL);
    char *dst = g_build_filename(root, id, NULL);
    if (symlink(src, dst) != 0)
      abort();
    g_free(src);
    g_free(dst);
  }
  if (d != NULL)
    g_dir_close(d);
  g_free(cases);
  return root;
}
