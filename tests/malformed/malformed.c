/*
 * malformed.c - the hostile-input corpus (see malformed.h).
 */
#include "malformed.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <leptonica/allheaders.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FILES "m01-files"
#define LAUGHS "m02-billion-laughs"
#define XXE "m03-xxe"

/* Escaped as the report writes odd bytes (stages/report.c). */
#define CTRL_NAME "ctl\x01\x1bname.pdf"
#define CTRL_SHOWN "ctl\\x01\\x1Bname.pdf"
#define LATIN1_NAME "extracto-\xf1o.pdf"
#define LATIN1_SHOWN "extracto-\\xF1o.pdf"

const struct sv_malformed sv_malformed_table[] = {
    {FILES, SV_MALFORMED_GOOD, "ok", NULL, false},
    {FILES, "truncated.pdf", "failed", "the PDF cannot be opened", false},
    {FILES, "encrypted.pdf", "failed", "password-protected", false},
    {FILES, "empty.pdf", "failed", "the file is empty (0 bytes)", false},
    {FILES, "random.pdf", "skipped", "not a PDF, PNG, JPEG or TIFF", false},
    {FILES, "fake-header.pdf", "failed", "the PDF cannot be opened", false},
    {FILES, "gif-named.pdf", "skipped", "a GIF image", false},
    {FILES, "javascript.pdf", "ok", NULL, false},
    {FILES, "bomb.png", "failed", "60000 x 60000 pixels; the limit", false},
    {FILES, "huge-blank-page.pdf", "skipped", "cannot be rendered readably",
     false},
    {FILES, CTRL_SHOWN, "ok", NULL, false},
    {FILES, LATIN1_SHOWN, "ok", NULL, false},
    {FILES, "link-to-passwd.pdf", "skipped", "symbolic links are not followed",
     false},
    {FILES, "link-loop.pdf", "skipped", "symbolic links are not followed",
     false},
    {FILES, "fifo.pdf", "skipped", "not a regular file", false},
    {FILES, "pages-2000.pdf", "failed", "the PDF has 2000 pages; the limit is",
     true},
    {FILES, "tiff-200-pages.tif", "skipped", "no text could be read", true},
    {LAUGHS, SV_MALFORMED_GOOD, "ok", NULL, false},
    {XXE, SV_MALFORMED_GOOD, "ok", NULL, false},
    {NULL, NULL, NULL, NULL, false}};

static bool put(const char *dir, const char *name, const void *data,
                size_t len)
{
  char *path = g_build_filename(dir, name, NULL);
  GError *e = NULL;
  bool ok = g_file_set_contents(path, data, (gssize)len, &e);
  if (!ok) {
    fprintf(stderr, "make-malformed: %s\n", e->message);
    g_error_free(e);
  }
  g_free(path);
  return ok;
}

/* A PDF from its numbered objects (1..n, bodies without "obj"), with the
   cross-reference table worked out; trailer_extra goes into the trailer
   dictionary. */
static GString *pdf_from(const char *const *objs, int n,
                         const char *trailer_extra)
{
  GString *s = g_string_new("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  size_t *at = g_new0(size_t, (size_t)n + 1);
  for (int i = 0; i < n; i++) {
    at[i] = s->len;
    g_string_append_printf(s, "%d 0 obj\n%s\nendobj\n", i + 1, objs[i]);
  }
  size_t xref = s->len;
  g_string_append_printf(s, "xref\n0 %d\n0000000000 65535 f \n", n + 1);
  for (int i = 0; i < n; i++)
    g_string_append_printf(s, "%010zu 00000 n \n", at[i]);
  g_string_append_printf(s,
                         "trailer\n<< /Size %d /Root 1 0 R %s >>\n"
                         "startxref\n%zu\n%%%%EOF\n",
                         n + 1, trailer_extra, xref);
  g_free(at);
  return s;
}

/* A one-page text PDF; extra_catalog goes into the catalog. */
static GString *text_pdf(const char *text, const char *extra_catalog,
                         const char *extra_obj, const char *trailer_extra)
{
  char *catalog = g_strdup_printf("<< /Type /Catalog /Pages 2 0 R %s >>",
                                  extra_catalog);
  char *content = g_strdup_printf("BT /F1 12 Tf 72 720 Td (%s) Tj ET", text);
  char *stream = g_strdup_printf("<< /Length %zu >>\nstream\n%s\nendstream",
                                 strlen(content), content);
  const char *objs[] = {
      catalog,
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>",
      stream,
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      extra_obj};
  GString *s = pdf_from(objs, extra_obj != NULL ? 6 : 5, trailer_extra);
  g_free(catalog);
  g_free(content);
  g_free(stream);
  return s;
}

static bool put_gstring(const char *dir, const char *name, GString *s)
{
  bool ok = put(dir, name, s->str, s->len);
  g_string_free(s, TRUE);
  return ok;
}

/* n blank letter pages, drawn by cairo. */
static bool blank_pdf(const char *dir, const char *name, int n)
{
  char *path = g_build_filename(dir, name, NULL);
  cairo_surface_t *s = cairo_pdf_surface_create(path, 612, 792);
  cairo_t *cr = cairo_create(s);
  for (int i = 0; i < n; i++)
    cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(s);
  bool ok = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(s);
  g_free(path);
  return ok;
}

/* n full-size (letter at 300 dpi) Group 4 pages, blank but for a speck. */
static bool blank_tiff(const char *dir, const char *name, int n)
{
  struct Pix *p = pixCreate(2550, 3300, 1);
  pixSetResolution(p, 300, 300);
  pixSetPixel(p, 1200, 1600, 1);
  char *path = g_build_filename(dir, name, NULL);
  bool ok = true;
  for (int i = 0; i < n && ok; i++)
    ok = pixWriteTiff(path, p, IFF_TIFF_G4, i == 0 ? "w" : "a") == 0;
  pixDestroy(&p);
  g_free(path);
  return ok;
}

/* A PNG whose header declares w x h pixels (valid CRC), then a tiny IDAT:
   a decompression bomb's promise without the pixels. */
static GString *png_header(guint32 w, guint32 h)
{
  static const guint8 sig[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  guint8 ihdr[17] = {'I', 'H', 'D', 'R', (guint8)(w >> 24), (guint8)(w >> 16),
                     (guint8)(w >> 8), (guint8)w, (guint8)(h >> 24),
                     (guint8)(h >> 16), (guint8)(h >> 8), (guint8)h,
                     8, 0, 0, 0, 0};
  guint32 crc = 0xffffffffu;
  for (size_t i = 0; i < sizeof ihdr; i++) {
    crc ^= ihdr[i];
    for (int k = 0; k < 8; k++)
      crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  }
  crc ^= 0xffffffffu;
  GString *s = g_string_new_len((const char *)sig, sizeof sig);
  static const guint8 len13[] = {0, 0, 0, 13};
  g_string_append_len(s, (const char *)len13, 4);
  g_string_append_len(s, (const char *)ihdr, sizeof ihdr);
  guint8 c[4] = {(guint8)(crc >> 24), (guint8)(crc >> 16), (guint8)(crc >> 8),
                 (guint8)crc};
  g_string_append_len(s, (const char *)c, 4);
  static const guint8 idat[] = {0, 0, 0, 2, 'I', 'D', 'A', 'T', 0x78, 0x9c,
                                0, 0, 0, 0};
  g_string_append_len(s, (const char *)idat, sizeof idat);
  return s;
}

/* A case folder holding the good statement. */
static char *case_dir(const char *root, const char *id, const char *good,
                      gsize good_len)
{
  char *dir = g_build_filename(root, id, "good", NULL);
  g_mkdir_with_parents(dir, 0755);
  if (!put(dir, "statement.pdf", good, good_len)) {
    g_free(dir);
    return NULL;
  }
  g_free(dir);
  return g_build_filename(root, id, NULL);
}

static bool write_files(const char *dir, const char *good, gsize len,
                        bool big)
{
  bool ok = true;
  ok = ok && put(dir, "truncated.pdf", good, len * 2 / 5);
  /* Standard security handler with passwords nobody knows: poppler
     tries the empty user password and gives up. */
  ok = ok && put_gstring(
                 dir, "encrypted.pdf",
                 text_pdf("Confidential statement", "",
                          "<< /Filter /Standard /V 1 /R 2 /P -4 "
                          "/O <0123456789abcdef0123456789abcdef0123456789abcd"
                          "ef0123456789abcdef> "
                          "/U <fedcba9876543210fedcba9876543210fedcba987654"
                          "3210fedcba9876543210> >>",
                          "/Encrypt 6 0 R /ID [<00112233445566778899aabbccdde"
                          "eff> <00112233445566778899aabbccddeeff>]"));
  ok = ok && put(dir, "empty.pdf", "", 0);
  guint8 noise[4096];
  GRand *r = g_rand_new_with_seed(20261202);
  for (size_t i = 0; i < sizeof noise; i++)
    noise[i] = (guint8)g_rand_int_range(r, 0, 256);
  g_rand_free(r);
  noise[0] = 0x01; /* no magic number by chance */
  ok = ok && put(dir, "random.pdf", noise, sizeof noise);
  GString *fake = g_string_new("%PDF-1.7\n");
  g_string_append_len(fake, (const char *)noise, sizeof noise);
  ok = ok && put_gstring(dir, "fake-header.pdf", fake);
  static const char gif[] = "GIF89a\x01\x00\x01\x00\x00\x00\x00;";
  ok = ok && put(dir, "gif-named.pdf", gif, sizeof gif - 1);
  ok = ok && put_gstring(dir, "javascript.pdf",
                         text_pdf("A letter carrying a script that is never "
                                  "run.",
                                  "/OpenAction 6 0 R",
                                  "<< /S /JavaScript /JS (app.alert\\('x'\\);) "
                                  ">>",
                                  ""));
  ok = ok && put_gstring(dir, "bomb.png", png_header(60000, 60000));
  const char *huge[] = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] >>"};
  ok = ok && put_gstring(dir, "huge-blank-page.pdf", pdf_from(huge, 3, ""));
  ok = ok && put(dir, CTRL_NAME, good, len);
  ok = ok && put(dir, LATIN1_NAME, good, len);
  char *p = g_build_filename(dir, "link-to-passwd.pdf", NULL);
  ok = ok && symlink("/etc/passwd", p) == 0;
  g_free(p);
  p = g_build_filename(dir, "link-loop.pdf", NULL);
  ok = ok && symlink("link-loop.pdf", p) == 0;
  g_free(p);
  p = g_build_filename(dir, "fifo.pdf", NULL);
  ok = ok && mkfifo(p, 0600) == 0;
  g_free(p);
  if (big) {
    ok = ok && blank_pdf(dir, "pages-2000.pdf", 2000);
    ok = ok && blank_tiff(dir, "tiff-200-pages.tif", 200);
  }
  if (!ok)
    fprintf(stderr, "make-malformed: cannot write in %s: %s\n", dir,
            g_strerror(errno));
  return ok;
}

bool sv_malformed_write(const char *root, const char *good_pdf, bool big)
{
  gchar *good = NULL;
  gsize len = 0;
  GError *e = NULL;
  if (!g_file_get_contents(good_pdf, &good, &len, &e)) {
    fprintf(stderr, "make-malformed: %s\n", e->message);
    g_error_free(e);
    return false;
  }
  bool ok = true;
  char *dir = case_dir(root, FILES, good, len);
  ok = dir != NULL && write_files(dir, good, len, big);
  g_free(dir);

  /* A manifest that expands to gigabytes if anyone lets it. */
  dir = case_dir(root, LAUGHS, good, len);
  ok = ok && dir != NULL;
  if (ok) {
    GString *x = g_string_new("<?xml version=\"1.0\"?>\n<!DOCTYPE case [\n"
                              "<!ENTITY a \"aaaaaaaaaa\">\n");
    for (int i = 1; i < 10; i++)
      g_string_append_printf(x,
                             "<!ENTITY %c \"&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;"
                             "&%c;&%c;\">\n",
                             'a' + i, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1,
                             'a' + i - 1, 'a' + i - 1, 'a' + i - 1,
                             'a' + i - 1, 'a' + i - 1, 'a' + i - 1,
                             'a' + i - 1);
    g_string_append(x, "]>\n<case id=\"m02\">"
                       "<applicant>&j;</applicant></case>\n");
    ok = put_gstring(dir, "case.xml", x);
  }
  g_free(dir);

  /* A manifest that asks for a file of the server. */
  dir = case_dir(root, XXE, good, len);
  ok = ok && dir != NULL;
  if (ok) {
    static const char xxe[] =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE case [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
        "<case id=\"m03\">"
        "<applicant>&x;</applicant></case>\n";
    ok = put(dir, "case.xml", xxe, sizeof xxe - 1);
  }
  g_free(dir);
  g_free(good);
  return ok;
}
