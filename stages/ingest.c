/*
 * ingest.c - first stage: list a case's files, read case.xml, then read,
 * hash and identify each file.
 *
 * sv_ingest_open_case() runs on the feeder thread and only lists names;
 * the bytes are read by the document stage on a worker, so slow disks and
 * SHA-256 overlap with OCR of other documents.  File types are told by
 * their first bytes; a name's extension is never trusted.
 */
#include "ingest.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "../pipeline/digest.h"
#include "../pipeline/xmlsafe.h"
#include "rules/rules.h"

#define SV_INGEST_MAX_DEPTH 16
#define SV_INGEST_MAX_FILES 10000
#define SV_CASE_XML "case.xml"

/* ------------------------------------------------------------- sniffing */

enum sv_filetype sv_ingest_sniff(const guint8 *d, size_t len)
{
  if (len >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0)
    return SV_FILE_PNG;
  if (len >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
    return SV_FILE_JPEG;
  if (len >= 4 && (memcmp(d, "II*\0", 4) == 0 || memcmp(d, "MM\0*", 4) == 0))
    return SV_FILE_TIFF;
  /* PDF readers accept the header anywhere in the first 1024 bytes. */
  size_t lim = len < 1024 ? len : 1024;
  for (size_t i = 0; i + 5 <= lim; i++)
    if (memcmp(d + i, "%PDF-", 5) == 0)
      return SV_FILE_PDF;
  return SV_FILE_UNKNOWN;
}

/* Plain words for what an unsupported file looks like. */
static const char *describe_unknown(const guint8 *d, size_t len)
{
  if (len >= 4 && memcmp(d, "PK\x03\x04", 4) == 0)
    return "a ZIP container (such as .docx, .xlsx or .zip)";
  if (len >= 8 && memcmp(d, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    return "an old Microsoft Office file";
  if (len >= 4 && (memcmp(d, "GIF8", 4) == 0))
    return "a GIF image";
  if (len >= 12 && memcmp(d, "RIFF", 4) == 0 && memcmp(d + 8, "WEBP", 4) == 0)
    return "a WebP image";
  if (len >= 2 && memcmp(d, "BM", 2) == 0)
    return "possibly a BMP image";
  if (len >= 5 && memcmp(d, "<?xml", 5) == 0)
    return "an XML file";
  size_t lim = len < 512 ? len : 512;
  if (g_utf8_validate((const char *)d, (gssize)lim, NULL) ||
      lim == len /* short: fully checked */)
    return "a text file";
  return "of an unknown type";
}

/* ------------------------------------------------------- document stage */

/* Reads the regular file at path into *data (owned) and *len, opening it
   without following a symlink and without blocking (a FIFO swapped in
   after the lstat must not hang the worker), then checking that what was
   opened is still a regular file of at most SV_INGEST_MAX_BYTES.  Returns
   0, or an errno value (EINVAL: no longer a regular file; EFBIG: grew too
   large). */
static int read_regular(const char *path, char **data, gsize *len)
{
  *data = NULL;
  *len = 0;
  int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return errno;
  struct stat st;
  int err = 0;
  if (fstat(fd, &st) != 0)
    err = errno;
  else if (!S_ISREG(st.st_mode))
    err = EINVAL;
  else if ((gint64)st.st_size > SV_INGEST_MAX_BYTES)
    err = EFBIG;
  GByteArray *b = g_byte_array_sized_new(err == 0 ? (guint)st.st_size : 0);
  while (err == 0) {
    guint8 buf[65536];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      err = errno;
    else if (n == 0)
      break;
    else if ((gint64)b->len + n > SV_INGEST_MAX_BYTES)
      err = EFBIG;
    else
      g_byte_array_append(b, buf, (guint)n);
  }
  close(fd);
  if (err != 0) {
    g_byte_array_unref(b);
    return err;
  }
  *len = b->len;
  g_byte_array_append(b, (const guint8 *)"", 1); /* a NUL after the end */
  *data = (char *)g_byte_array_free(b, FALSE);
  return 0;
}

static sv_status ingest_process(void *ctx, const struct sv_config *cfg,
                                const struct sv_services *svc,
                                struct sv_case *c, struct sv_doc *doc)
{
  (void)svc;
  (void)ctx;
  (void)cfg;
  (void)c;
  GStatBuf st;
  char *data = NULL;
  gsize len = 0;

  if (g_lstat(doc->abspath, &st) != 0) {
    sv_doc_problem(doc, SV_DOC_FAILED, SV_IO, "ingest", 0,
                   "cannot read the file: %s", g_strerror(errno));
    goto out;
  }
  sv_stamp_of(&st, g_get_real_time() * 1000, &doc->stamp);
  if (S_ISLNK(st.st_mode)) {
    sv_doc_problem(doc, SV_DOC_SKIPPED, SV_UNSUPPORTED, "ingest", 0,
                   "symbolic links are not followed");
    goto out;
  }
  if (!S_ISREG(st.st_mode)) {
    sv_doc_problem(doc, SV_DOC_SKIPPED, SV_UNSUPPORTED, "ingest", 0,
                   "not a regular file");
    goto out;
  }
  doc->size = (gint64)st.st_size;
  if (doc->size > SV_INGEST_MAX_BYTES) {
    sv_doc_problem(doc, SV_DOC_FAILED, SV_TOOBIG, "ingest", 0,
                   "the file has %" G_GINT64_FORMAT
                   " bytes; the limit is %" G_GINT64_FORMAT,
                   doc->size, (gint64)SV_INGEST_MAX_BYTES);
    goto out;
  }
  int rerr = read_regular(doc->abspath, &data, &len);
  if (rerr != 0) {
    sv_doc_problem(doc, SV_DOC_FAILED, rerr == EFBIG ? SV_TOOBIG : SV_IO,
                   "ingest", 0, "cannot read the file: %s",
                   rerr == EINVAL ? "it is no longer a regular file"
                   : rerr == EFBIG ? "it grew past the size limit"
                                   : g_strerror(rerr));
    goto out;
  }
  doc->size = (gint64)len;
  char *hex = sv_sha256_hex(data, len);
  g_strlcpy(doc->sha256, hex, sizeof doc->sha256);
  g_free(hex);
  if (len == 0) {
    sv_doc_problem(doc, SV_DOC_FAILED, SV_EMPTY, "ingest", 0,
                   "the file is empty (0 bytes)");
    goto out;
  }
  doc->type = sv_ingest_sniff((const guint8 *)data, len);
  if (doc->type == SV_FILE_UNKNOWN) {
    sv_doc_problem(doc, SV_DOC_SKIPPED, SV_UNSUPPORTED, "ingest", 0,
                   "not a PDF, PNG, JPEG or TIFF file: its bytes look like %s",
                   describe_unknown((const guint8 *)data, len));
    goto out;
  }
  doc->bytes = g_bytes_new_take(data, len);
  data = NULL;
out:
  g_free(data);
  return SV_OK;
}


/* ------------------------------------------------------------ case.xml */

/* A case id becomes a file name: keep it to a safe alphabet. */
static bool valid_case_id(const char *id)
{
  size_t n = strlen(id);
  if (n == 0 || n > 128 || id[0] == '.' || id[0] == '-')
    return false;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum(*p) && *p != '.' && *p != '_' && *p != '-')
      return false;
  return g_strcmp0(id, "batch") != 0;
}

static char *node_text(xmlNodePtr n)
{
  xmlChar *s = xmlNodeGetContent(n);
  char *r = g_strstrip(g_strdup(s != NULL ? (const char *)s : ""));
  xmlFree(s);
  return r;
}

/* Returns owned: the attribute, NULL when absent or empty. */
static char *usvisa_prop(xmlNodePtr n, const char *name)
{
  xmlChar *v = xmlGetProp(n, BAD_CAST name);
  char *r = NULL;
  if (v != NULL && v[0] != '\0')
    r = g_strstrip(g_strdup((const char *)v));
  xmlFree(v);
  return r;
}

/* An xs:boolean attribute (case.xsd): "true" or "1"; absent: dflt. */
static int usvisa_flag(xmlNodePtr n, const char *name, int dflt)
{
  char *v = usvisa_prop(n, name);
  int r = v == NULL ? dflt
                    : (strcmp(v, "true") == 0 || strcmp(v, "1") == 0);
  g_free(v);
  return r;
}

/* case.xml's <usVisa> (validated by case.xsd): the inputs of the
   us-tcn-border rules (stages/rules/ustcn.h). */
static void read_usvisa(struct sv_case *c, xmlNodePtr n)
{
  struct sv_usvisa *v = sv_usvisa_new();
  v->category = usvisa_prop(n, "category");
  v->nationality = usvisa_prop(n, "nationality");
  v->residence = usvisa_prop(n, "residence");
  v->post = usvisa_prop(n, "post");
  v->entry_category = usvisa_prop(n, "entryCategory");
  v->visa_issued_in = usvisa_prop(n, "visaIssuedIn");
  v->changing_from = usvisa_prop(n, "changingFrom");
  v->waiver = usvisa_flag(n, "waiver", 0);
  v->nseers = usvisa_flag(n, "nseers", 0);
  v->overstay = usvisa_flag(n, "overstay", 0);
  v->lost_passport = usvisa_flag(n, "lostPassport", 0);
  v->vwp_resident = usvisa_flag(n, "vwpResident", -1);
  sv_usvisa_free(&c->usvisa);
  c->usvisa = v;
}

static void read_manifest(const struct sv_config *cfg, struct sv_case *c,
                          const char *path)
{
  char *schema = g_build_filename(cfg->data_dir, "case.xsd", NULL);
  char *err = NULL;
  xmlDocPtr xd = NULL;
  if (sv_xml_load(path, schema, &xd, &err) != SV_OK) {
    /* the server's path stays out of the report */
    GString *plain = g_string_new(err);
    g_string_replace(plain, path, "case.xml", 0);
    c->manifest_unreadable = true;
    sv_case_problem(c, SV_BADXML, "ingest",
                    "case.xml was ignored: %s; the applicant's name and the "
                    "stays it may request are unknown, so no outcome is "
                    "better than needs-review",
                    plain->str);
    g_string_free(plain, TRUE);
    goto out;
  }
  /* a repeated applicant, asOf or dependents is refused by case.xsd */
  xmlNodePtr root = xmlDocGetRootElement(xd);
  xmlChar *id = xmlGetProp(root, BAD_CAST "id");
  if (id != NULL) {
    if (valid_case_id((const char *)id)) {
      g_free(c->id);
      c->id = g_strdup((const char *)id);
    } else {
      sv_case_problem(c, SV_INVALID, "ingest",
                      "case.xml id \"%s\" cannot be used as a file name "
                      "(letters, digits, '.', '_' and '-' only); the folder "
                      "name is used instead",
                      (const char *)id);
    }
    xmlFree(id);
  }
  for (xmlNodePtr n = root->children; n != NULL; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    const char *name = (const char *)n->name;
    if (strcmp(name, "applicant") == 0) {
      char *a = node_text(n);
      if (a[0] != '\0') {
        g_free(c->applicant);
        c->applicant = g_utf8_normalize(a, -1, G_NORMALIZE_NFC);
      }
      g_free(a);
    } else if (strcmp(name, "asOf") == 0 && !cfg->has_as_of) {
      char *s = node_text(n);
      GDate d;
      if (sv_xml_parse_date(s, &d))
        c->as_of = d;
      else
        sv_case_problem(c, SV_INVALID, "ingest",
                        "case.xml asOf \"%s\" is not a valid YYYY-MM-DD "
                        "date; today is used",
                        s);
      g_free(s);
    } else if (strcmp(name, "dependents") == 0) {
      xmlChar *nv = xmlGetProp(n, BAD_CAST "n");
      gint64 v = 0;
      if (nv != NULL &&
          g_ascii_string_to_signed((const char *)nv, 10, 0, 50, &v, NULL))
        c->dependents = (int)v;
      xmlFree(nv);
    } else if (strcmp(name, "request") == 0) {
      xmlChar *stay = xmlGetProp(n, BAD_CAST "stay");
      if (stay == NULL)
        continue;
      if (cfg->rules != NULL &&
          sv_rules_find_stay(cfg->rules, (const char *)stay) == NULL)
        sv_case_problem(c, SV_INVALID, "ingest",
                        "case.xml requests \"%s\", which ruleset %s does not "
                        "define; the request was ignored",
                        (const char *)stay, cfg->ruleset_id);
      else
        g_ptr_array_add(c->requested, g_strdup((const char *)stay));
      xmlFree(stay);
    } else if (strcmp(name, "usVisa") == 0) {
      read_usvisa(c, n);
    }
  }
out:
  xmlFreeDoc(xd);
  g_free(err);
  g_free(schema);
}

/* ----------------------------------------------------------------- walk */

static gint relpath_cmp(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Returns owned: a file name as the report shows it: as it is when it is
   UTF-8 without control characters, else with each invalid byte and each
   control character written "\xNN" (the name stays exact and readable:
   the file itself is read by its real name). */
static char *display_name(const char *name)
{
  GString *s = g_string_new(NULL);
  const char *p = name;
  while (*p != '\0') {
    gunichar u = g_utf8_get_char_validated(p, -1);
    if (u == (gunichar)-1 || u == (gunichar)-2 || u < 0x20 || u == 0x7f ||
        (u >= 0x80 && u < 0xa0)) {
      size_t n = u >= 0x80 && u < 0xa0 ? 2 : 1; /* C1: its two bytes */
      for (size_t k = 0; k < n && p[k] != '\0'; k++)
        g_string_append_printf(s, "\\x%02X", (guchar)p[k]);
      p += n;
      continue;
    }
    const char *next = g_utf8_next_char(p);
    g_string_append_len(s, p, next - p);
    p = next;
  }
  return g_string_free(s, FALSE);
}

/* Collects relative paths of every non-directory entry under dir (as the
   file system spells them: bytes, not always UTF-8). */
static void walk(struct sv_case *c, const char *root, const char *rel,
                 int depth, GPtrArray *out)
{
  char *dir = rel[0] != '\0' ? g_build_filename(root, rel, NULL)
                             : g_strdup(root);
  GError *err = NULL;
  GDir *gd = g_dir_open(dir, 0, &err);
  if (gd == NULL) {
    /* GLib's message names the server's path: the case's own instead */
    char *shown = display_name(rel[0] != '\0' ? rel : ".");
    GString *why = g_string_new(err->message);
    g_string_replace(why, dir, shown, 0);
    sv_case_problem(c, SV_IO, "ingest", "cannot list folder %s: %s", shown,
                    why->str);
    g_string_free(why, TRUE);
    g_free(shown);
    if (depth == 0)
      c->failed = true;
    g_clear_error(&err);
    g_free(dir);
    return;
  }
  const char *name;
  while ((name = g_dir_read_name(gd)) != NULL) {
    char *childrel = rel[0] != '\0' ? g_strconcat(rel, "/", name, NULL)
                                    : g_strdup(name);
    if (depth == 0 && strcmp(name, SV_CASE_XML) == 0) {
      g_free(childrel);
      continue;
    }
    char *abs = g_build_filename(root, childrel, NULL);
    GStatBuf st;
    bool is_dir = g_lstat(abs, &st) == 0 && S_ISDIR(st.st_mode);
    g_free(abs);
    if (is_dir) {
      if (depth + 1 >= SV_INGEST_MAX_DEPTH) {
        char *shown = display_name(childrel);
        sv_case_problem(c, SV_TOOBIG, "ingest",
                        "folder %s is nested deeper than %d levels and was "
                        "not read",
                        shown, SV_INGEST_MAX_DEPTH);
        g_free(shown);
      } else
        walk(c, root, childrel, depth + 1, out);
      g_free(childrel);
    } else if (out->len >= SV_INGEST_MAX_FILES) {
      g_free(childrel);
    } else {
      g_ptr_array_add(out, childrel);
    }
  }
  g_dir_close(gd);
  g_free(dir);
}

sv_status sv_ingest_open_case(const struct sv_config *cfg, const char *dir,
                              struct sv_case **out)
{
  char *folder = g_path_get_basename(dir);
  struct sv_case *c = sv_case_new(folder, dir, folder);
  g_free(folder);
  if (cfg->has_as_of)
    c->as_of = cfg->as_of;
  else
    c->as_of = cfg->today;

  char *manifest = g_build_filename(dir, SV_CASE_XML, NULL);
  if (g_file_test(manifest, G_FILE_TEST_IS_REGULAR)) {
    gchar *bytes = NULL; /* its digest, for the rerun journal */
    gsize len = 0;
    if (g_file_get_contents(manifest, &bytes, &len, NULL)) {
      char *hex = sv_sha256_hex(bytes, len);
      g_strlcpy(c->manifest_sha256, hex, sizeof c->manifest_sha256);
      g_free(hex);
      g_free(bytes);
    }
    read_manifest(cfg, c, manifest);
  }
  g_free(manifest);

  GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
  walk(c, dir, "", 0, files);
  if (files->len >= SV_INGEST_MAX_FILES)
    sv_case_problem(c, SV_TOOBIG, "ingest",
                    "the case holds more than %d files; only the first %d "
                    "were read",
                    SV_INGEST_MAX_FILES, SV_INGEST_MAX_FILES);
  g_ptr_array_sort(files, relpath_cmp);
  c->ndocs = files->len;
  c->docs = g_new0(struct sv_doc *, c->ndocs > 0 ? c->ndocs : 1);
  for (guint i = 0; i < files->len; i++) {
    const char *rel = g_ptr_array_index(files, i);
    char *abs = g_build_filename(dir, rel, NULL);
    char *shown = display_name(rel);
    c->docs[i] = sv_doc_new(c, shown, abs);
    c->docs[i]->index = i;
    g_free(shown);
    g_free(abs);
  }
  g_ptr_array_free(files, TRUE);
  *out = c;
  return SV_OK;
}

const struct sv_stage sv_ingest_stage = {
    .name = "ingest",
    .scope = SV_SCOPE_DOCUMENT,
    .open = sv_ingest_open_case,
    .process = ingest_process,
};
