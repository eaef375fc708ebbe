/*
 * test_ingest.c - the ingest stage alone: file types from bytes, hashing,
 * empty/unsupported/oversized handling, case.xml, recursive sorted walk.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <glib/gstdio.h>

#include "ingest.h"
#include "support.h"

static struct sv_config config(void)
{
  struct sv_config cfg = {0};
  static char *data_dir;
  if (data_dir == NULL)
    data_dir = sv_test_src("schemas");
  cfg.data_dir = data_dir;
  cfg.ruleset_id = "sre-2012";
  g_date_clear(&cfg.today, 1);
  g_date_set_dmy(&cfg.today, 21, 11, 2026);
  g_date_clear(&cfg.as_of, 1);
  return cfg;
}

/* Types come from magic bytes, whatever the name says. */
static void test_ingest_sniff_by_bytes(void **state)
{
  (void)state;
  assert_int_equal(sv_ingest_sniff((const guint8 *)"%PDF-1.7\n", 9),
                   SV_FILE_PDF);
  assert_int_equal(sv_ingest_sniff((const guint8 *)"\n\n%PDF-1.4", 10),
                   SV_FILE_PDF);
  assert_int_equal(
      sv_ingest_sniff((const guint8 *)"\x89PNG\r\n\x1a\n\0\0", 10),
      SV_FILE_PNG);
  assert_int_equal(sv_ingest_sniff((const guint8 *)"\xff\xd8\xff\xe0", 4),
                   SV_FILE_JPEG);
  assert_int_equal(sv_ingest_sniff((const guint8 *)"II*\0\x08\0", 6),
                   SV_FILE_TIFF);
  assert_int_equal(sv_ingest_sniff((const guint8 *)"MM\0*\0\0", 6),
                   SV_FILE_TIFF);
  assert_int_equal(sv_ingest_sniff((const guint8 *)"PK\x03\x04", 4),
                   SV_FILE_UNKNOWN);
  assert_int_equal(sv_ingest_sniff((const guint8 *)"%PD", 3),
                   SV_FILE_UNKNOWN);
  assert_int_equal(sv_ingest_sniff(NULL, 0), SV_FILE_UNKNOWN);
}

static struct sv_doc *ingest_file(struct sv_case *c, const char *path)
{
  struct sv_config cfg = config();
  struct sv_doc *d = sv_doc_new(c, "x", path);
  assert_int_equal(sv_ingest_stage.process(NULL, &cfg, NULL, c, d), SV_OK);
  return d;
}

/* A file is hashed with SHA-256 (hand: sha256("abc") is the FIPS 180-2
   example ba7816bf...) and a PDF-looking file keeps its bytes for render. */
static void test_ingest_hashes_and_keeps_bytes(void **state)
{
  (void)state;
  char *dir = sv_test_tmpdir("ingest-hash");
  char *p = g_build_filename(dir, "renamed.txt", NULL);
  sv_test_write(p, "%PDF-abc", 8);
  char *q = g_build_filename(dir, "abc.bin", NULL);
  sv_test_write(q, "abc", 3);
  struct sv_case *c = sv_case_new("c", dir, "c");
  struct sv_doc *d = ingest_file(c, p);
  assert_int_equal(d->status, SV_DOC_OK);
  assert_int_equal(d->type, SV_FILE_PDF);
  assert_non_null(d->bytes);
  assert_int_equal(d->size, 8);
  struct sv_doc *e = ingest_file(c, q);
  assert_string_equal(
      e->sha256,
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  assert_int_equal(e->status, SV_DOC_SKIPPED);
  sv_doc_free(&d);
  sv_doc_free(&e);
  sv_case_free(&c);
  sv_test_rmtree(dir);
  g_free(p);
  g_free(q);
  g_free(dir);
}

/* A zero-byte file fails with a reason; it is still hashed. */
static void test_ingest_empty_file_fails(void **state)
{
  (void)state;
  char *dir = sv_test_tmpdir("ingest-empty");
  char *p = g_build_filename(dir, "vacio.pdf", NULL);
  sv_test_write(p, "", 0);
  struct sv_case *c = sv_case_new("c", dir, "c");
  struct sv_doc *d = ingest_file(c, p);
  assert_int_equal(d->status, SV_DOC_FAILED);
  assert_int_equal(d->problems->len, 1);
  struct sv_problem *pr = g_ptr_array_index(d->problems, 0);
  assert_int_equal(pr->status, SV_EMPTY);
  assert_non_null(strstr(pr->message, "empty"));
  assert_string_equal(
      d->sha256,
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  sv_doc_free(&d);
  sv_case_free(&c);
  sv_test_rmtree(dir);
  g_free(p);
  g_free(dir);
}

/* An unsupported file (a .docx ZIP) is skipped, saying what it looks
   like; its bytes are not kept. */
static void test_ingest_unsupported_is_skipped(void **state)
{
  (void)state;
  char *dir = sv_test_tmpdir("ingest-docx");
  char *p = g_build_filename(dir, "notas.docx", NULL);
  sv_test_write(p, "PK\x03\x04\x14\0\0\0", 8);
  struct sv_case *c = sv_case_new("c", dir, "c");
  struct sv_doc *d = ingest_file(c, p);
  assert_int_equal(d->status, SV_DOC_SKIPPED);
  assert_null(d->bytes);
  struct sv_problem *pr = g_ptr_array_index(d->problems, 0);
  assert_int_equal(pr->status, SV_UNSUPPORTED);
  assert_non_null(strstr(pr->message, "ZIP"));
  sv_doc_free(&d);
  sv_case_free(&c);
  sv_test_rmtree(dir);
  g_free(p);
  g_free(dir);
}

/* A missing file fails with an I/O reason instead of crashing. */
static void test_ingest_missing_file_fails(void **state)
{
  (void)state;
  struct sv_case *c = sv_case_new("c", "/nonexistent", "c");
  struct sv_doc *d = ingest_file(c, "/nonexistent/nothing.pdf");
  assert_int_equal(d->status, SV_DOC_FAILED);
  struct sv_problem *pr = g_ptr_array_index(d->problems, 0);
  assert_int_equal(pr->status, SV_IO);
  sv_doc_free(&d);
  sv_case_free(&c);
}

/* The walk is recursive, sorted by relative path, and leaves case.xml
   out; case.xml gives id, applicant, asOf and requests. */
static void test_ingest_open_case_reads_manifest_and_walks(void **state)
{
  (void)state;
  char *dir = sv_test_tmpdir("ingest-case");
  const char *files[] = {"b.pdf", "a/z.pdf", "a/b/c.png", "A.pdf"};
  for (size_t i = 0; i < G_N_ELEMENTS(files); i++) {
    char *p = g_build_filename(dir, files[i], NULL);
    sv_test_write(p, "x", 1);
    g_free(p);
  }
  const char *xml = "<case id=\"C-0042\"><applicant> María José Pérez "
                    "Gómez </applicant><asOf>2026-11-15</asOf>"
                    "<request stay=\"visitor\"/></case>";
  char *m = g_build_filename(dir, "case.xml", NULL);
  sv_test_write(m, xml, strlen(xml));
  struct sv_config cfg = config();
  struct sv_case *c = NULL;
  assert_int_equal(sv_ingest_open_case(&cfg, dir, &c), SV_OK);
  assert_string_equal(c->id, "C-0042");
  assert_string_equal(c->applicant, "María José Pérez Gómez");
  assert_int_equal(g_date_get_year(&c->as_of), 2026);
  assert_int_equal(g_date_get_day(&c->as_of), 15);
  assert_int_equal(c->requested->len, 1);
  assert_string_equal(g_ptr_array_index(c->requested, 0), "visitor");
  assert_int_equal(c->ndocs, 4);
  assert_string_equal(c->docs[0]->relpath, "A.pdf");
  assert_string_equal(c->docs[1]->relpath, "a/b/c.png");
  assert_string_equal(c->docs[2]->relpath, "a/z.pdf");
  assert_string_equal(c->docs[3]->relpath, "b.pdf");
  assert_int_equal(c->problems->len, 0);
  sv_case_free(&c);
  sv_test_rmtree(dir);
  g_free(m);
  g_free(dir);
}

/* --as-of wins over case.xml; without either, today is used. */
static void test_ingest_as_of_precedence(void **state)
{
  (void)state;
  char *dir = sv_test_tmpdir("ingest-asof");
  const char *xml = "<case><asOf>2026-11-15</asOf></case>";
  char *m = g_build_filename(dir, "case.xml", NULL);
  sv_test_write(m, xml, strlen(xml));
  struct sv_config cfg = config();
  cfg.has_as_of = true;
  g_date_set_dmy(&cfg.as_of, 1, 2, 2026);
  struct sv_case *c = NULL;
  sv_ingest_open_case(&cfg, dir, &c);
  assert_int_equal(g_date_get_month(&c->as_of), 2);
  sv_case_free(&c);
  g_remove(m);
  cfg.has_as_of = false;
  sv_ingest_open_case(&cfg, dir, &c);
  assert_int_equal(g_date_get_day(&c->as_of), 21); /* cfg.today */
  char *base = g_path_get_basename(dir);
  assert_string_equal(c->id, base);
  g_free(base);
  sv_case_free(&c);
  sv_test_rmtree(dir);
  g_free(m);
  g_free(dir);
}

/* A malformed case.xml, a bad date and an unsafe id become case problems;
   the case goes on with defaults. */
static void test_ingest_bad_manifest_is_a_problem_not_a_stop(void **state)
{
  (void)state;
  char *dir = sv_test_tmpdir("ingest-badxml");
  char *m = g_build_filename(dir, "case.xml", NULL);
  char *f = g_build_filename(dir, "s.pdf", NULL);
  sv_test_write(f, "x", 1);
  const char *broken = "<case id=\"x\"><applicant>no end";
  sv_test_write(m, broken, strlen(broken));
  struct sv_config cfg = config();
  struct sv_case *c = NULL;
  sv_ingest_open_case(&cfg, dir, &c);
  assert_int_equal(c->problems->len, 1);
  struct sv_problem *pr = g_ptr_array_index(c->problems, 0);
  assert_int_equal(pr->status, SV_BADXML);
  assert_int_equal(c->ndocs, 1);
  assert_false(c->failed);
  sv_case_free(&c);

  const char *bad = "<case id=\"../../etc/x\"><asOf>2026-02-30</asOf></case>";
  sv_test_write(m, bad, strlen(bad));
  sv_ingest_open_case(&cfg, dir, &c);
  assert_int_equal(c->problems->len, 2); /* unsafe id, impossible date */
  char *base = g_path_get_basename(dir);
  assert_string_equal(c->id, base);
  g_free(base);
  sv_case_free(&c);

  const char *unknown = "<case><what/></case>";
  sv_test_write(m, unknown, strlen(unknown));
  sv_ingest_open_case(&cfg, dir, &c);
  assert_int_equal(c->problems->len, 1); /* schema rejects <what/> */
  assert_true(c->manifest_unreadable);
  sv_case_free(&c);

  /* hostile or ambiguous manifests: a DOCTYPE (XXE, billion laughs) is
     refused in plain words, without the server's path; two <asOf> are
     refused rather than the last one winning; each marks the manifest
     unreadable and the requests are not taken */
  static const char *const hostile[] = {
      "<?xml version=\"1.0\"?>\n<!DOCTYPE case [<!ENTITY x SYSTEM "
      "\"file:///etc/passwd\">]>\n<case><applicant>&x;</applicant>"
      "<request stay=\"visitor\"/></case>",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE case [<!ENTITY a \"aaaa\">"
      "<!ENTITY b \"&a;&a;&a;&a;\">]>\n<case><applicant>&b;</applicant>"
      "</case>",
      "<case><asOf>2026-01-01</asOf><asOf>2026-11-15</asOf>"
      "<request stay=\"visitor\"/></case>",
      "<case><applicant>Ana Ruiz</applicant><request stay=\"visitor\"/>"
      "<applicant>Eva Ruiz</applicant></case>",
      "<case><dependents n=\"1\"/><request stay=\"visitor\"/>"
      "<dependents n=\"3\"/></case>",
  };
  /* repeated single elements are refused by case.xsd itself (an identity
     constraint), in plain words */
  static const char *const reason[] = {
      "DOCTYPE", "DOCTYPE", "<asOf> appears more than once",
      "<applicant> appears more than once",
      "<dependents> appears more than once"};
  G_STATIC_ASSERT(G_N_ELEMENTS(reason) == G_N_ELEMENTS(hostile));
  for (size_t i = 0; i < G_N_ELEMENTS(hostile); i++) {
    sv_test_write(m, hostile[i], strlen(hostile[i]));
    sv_ingest_open_case(&cfg, dir, &c);
    assert_true(c->manifest_unreadable);
    assert_int_equal(c->problems->len, 1);
    pr = g_ptr_array_index(c->problems, 0);
    if (strstr(pr->message, reason[i]) == NULL)
      fail_msg("manifest %zu: %s", i, pr->message);
    assert_null(strstr(pr->message, dir));
    assert_null(strstr(pr->message, "Internal error"));
    assert_null(strstr(pr->message, "XPath"));
    assert_int_equal(c->requested->len, 0);
    assert_null(c->applicant);
    sv_case_free(&c);
  }
  sv_test_rmtree(dir);
  g_free(m);
  g_free(f);
  g_free(dir);
}

/* case.xml's <usVisa> becomes c->usvisa: every attribute as written,
   the flags "no" when left out and vwpResident "not said"; a case.xml
   without it has none; a second <usVisa> is refused in plain words. */
static void test_ingest_reads_usvisa(void **state)
{
  (void)state;
  char *dir = sv_test_tmpdir("ingest-usvisa");
  char *m = g_build_filename(dir, "case.xml", NULL);
  const char *xml =
      "<case><usVisa category=\"H-1B\" nationality=\"IN\" "
      "residence=\"US\" post=\"Ciudad Juárez\" entryCategory=\"H-4\" "
      "visaIssuedIn=\"IN\" changingFrom=\"H-4\" nseers=\"false\" "
      "lostPassport=\"1\"/><asOf>2026-11-15</asOf></case>";
  sv_test_write(m, xml, strlen(xml));
  struct sv_config cfg = config();
  struct sv_case *c = NULL;
  assert_int_equal(sv_ingest_open_case(&cfg, dir, &c), SV_OK);
  assert_int_equal(c->problems->len, 0);
  assert_non_null(c->usvisa);
  assert_string_equal(c->usvisa->category, "H-1B");
  assert_string_equal(c->usvisa->nationality, "IN");
  assert_string_equal(c->usvisa->residence, "US");
  assert_string_equal(c->usvisa->post, "Ciudad Juárez");
  assert_string_equal(c->usvisa->entry_category, "H-4");
  assert_string_equal(c->usvisa->visa_issued_in, "IN");
  assert_string_equal(c->usvisa->changing_from, "H-4");
  assert_false(c->usvisa->waiver);
  assert_false(c->usvisa->nseers);
  assert_false(c->usvisa->overstay);
  assert_true(c->usvisa->lost_passport);
  assert_int_equal(c->usvisa->vwp_resident, -1);
  sv_case_free(&c);

  const char *none = "<case><asOf>2026-11-15</asOf></case>";
  sv_test_write(m, none, strlen(none));
  sv_ingest_open_case(&cfg, dir, &c);
  assert_null(c->usvisa);
  sv_case_free(&c);

  const char *twice = "<case><usVisa category=\"F-1\"/>"
                      "<usVisa category=\"J-1\"/></case>";
  sv_test_write(m, twice, strlen(twice));
  sv_ingest_open_case(&cfg, dir, &c);
  assert_true(c->manifest_unreadable);
  assert_null(c->usvisa);
  assert_int_equal(c->problems->len, 1);
  struct sv_problem *pr = g_ptr_array_index(c->problems, 0);
  if (strstr(pr->message, "<usVisa> appears more than once") == NULL)
    fail_msg("repeated usVisa: %s", pr->message);
  sv_case_free(&c);

  const char *bad = "<case><usVisa nationality=\"India\"/></case>";
  sv_test_write(m, bad, strlen(bad));
  sv_ingest_open_case(&cfg, dir, &c);
  assert_true(c->manifest_unreadable); /* not ISO 3166 alpha-2 */
  sv_case_free(&c);
  sv_test_rmtree(dir);
  g_free(m);
  g_free(dir);
}

/* A case folder that cannot be listed marks the case failed. */
static void test_ingest_unreadable_folder_fails_case(void **state)
{
  (void)state;
  struct sv_config cfg = config();
  struct sv_case *c = NULL;
  sv_ingest_open_case(&cfg, "/nonexistent/case-folder", &c);
  assert_non_null(c);
  assert_true(c->failed);
  assert_int_equal(c->ndocs, 0);
  assert_true(c->problems->len >= 1);
  sv_case_free(&c);
}

/* File names with control characters or bytes that are not UTF-8 are
   listed, not dropped: their report name writes each such byte "\xNN",
   and the file itself is still read by its real name. */
static void test_ingest_odd_file_names(void **state)
{
  (void)state;
  char *dir = sv_test_tmpdir("ingest-names");
  static const char *const raw[] = {"a\x01" "b.pdf", "caf\xe9.pdf",
                                    "ni\xc3\xb1o.pdf"};
  static const char *const shown[] = {"a\\x01b.pdf", "caf\\xE9.pdf",
                                      "ni\xc3\xb1o.pdf"};
  for (size_t i = 0; i < G_N_ELEMENTS(raw); i++) {
    char *p = g_build_filename(dir, raw[i], NULL);
    sv_test_write(p, "%PDF-1.4\n", 9);
    g_free(p);
  }
  struct sv_config cfg = config();
  struct sv_case *c = NULL;
  assert_int_equal(sv_ingest_open_case(&cfg, dir, &c), SV_OK);
  assert_int_equal(c->ndocs, 3);
  assert_int_equal(c->problems->len, 0);
  for (size_t i = 0; i < c->ndocs; i++) {
    bool found = false;
    for (size_t k = 0; k < G_N_ELEMENTS(shown) && !found; k++)
      found = strcmp(c->docs[i]->relpath, shown[k]) == 0;
    if (!found)
      fail_msg("unexpected name \"%s\"", c->docs[i]->relpath);
    assert_true(g_utf8_validate(c->docs[i]->relpath, -1, NULL));
    /* read by the real name: the bytes are there */
    assert_int_equal(
        sv_ingest_stage.process(NULL, &cfg, NULL, c, c->docs[i]), SV_OK);
    assert_int_equal(c->docs[i]->size, 9);
  }
  sv_case_free(&c);
  sv_test_rmtree(dir);
  g_free(dir);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_ingest_odd_file_names),
      cmocka_unit_test(test_ingest_sniff_by_bytes),
      cmocka_unit_test(test_ingest_hashes_and_keeps_bytes),
      cmocka_unit_test(test_ingest_empty_file_fails),
      cmocka_unit_test(test_ingest_unsupported_is_skipped),
      cmocka_unit_test(test_ingest_missing_file_fails),
      cmocka_unit_test(test_ingest_open_case_reads_manifest_and_walks),
      cmocka_unit_test(test_ingest_as_of_precedence),
      cmocka_unit_test(test_ingest_bad_manifest_is_a_problem_not_a_stop),
      cmocka_unit_test(test_ingest_reads_usvisa),
      cmocka_unit_test(test_ingest_unreadable_folder_fails_case),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
