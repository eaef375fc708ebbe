/*
 * test_rules.c - the ruleset, wage table and rates loader (stages/rules.c).
 *
 * Loads the real data files from SV_SOURCE_DIR/schemas and checks them
 * against figures worked out by hand from docs/contract.md and
 * docs/domain.md section 1; writes broken files into a temporary data
 * folder to check that each is refused with a message naming the file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "rules/rules.h"
#include "support.h"
#include "xmlsafe.h"

#define DATA_DIR SV_SOURCE_DIR "/schemas"

static GDate day(const char *s)
{
  GDate d;
  g_date_clear(&d, 1);
  assert_true(sv_xml_parse_date(s, &d));
  return d;
}

static struct sv_rules *load_ok(const char *data_dir, const char *rates)
{
  struct sv_rules *r = NULL;
  char *err = NULL;
  sv_status rc = sv_rules_load(data_dir, "sre-2012", rates, &r, &err);
  if (rc != SV_OK)
    fail_msg("sv_rules_load: %s", err != NULL ? err : "(no message)");
  assert_non_null(r);
  assert_null(err);
  return r;
}

/* Writes text as dir/name and returns the owned path. */
static char *write_file(const char *dir, const char *name, const char *text)
{
  char *path = g_build_filename(dir, name, NULL);
  sv_test_write(path, text, strlen(text));
  return path;
}

/* Copies SV_SOURCE_DIR/schemas/rel to dir/rel. */
static void copy_data(const char *dir, const char *rel)
{
  char *src = g_build_filename(DATA_DIR, rel, NULL);
  char *dst = g_build_filename(dir, rel, NULL);
  char *text = NULL;
  gsize len = 0;
  assert_true(g_file_get_contents(src, &text, &len, NULL));
  sv_test_write(dst, text, len);
  g_free(text);
  g_free(src);
  g_free(dst);
}

/* A temporary data folder: the real XSDs and wage table, and `ruleset`
   as rulesets/<id>.xml. */
static char *data_dir_with(const char *id, const char *ruleset)
{
  char *dir = sv_test_tmpdir("rules-data");
  copy_data(dir, "ruleset.xsd");
  copy_data(dir, "wages.xsd");
  copy_data(dir, "rates.xsd");
  copy_data(dir, "data/minimum-wages.xml");
  char *name = g_strdup_printf("rulesets/%s.xml", id);
  g_free(write_file(dir, name, ruleset));
  g_free(name);
  return dir;
}

static sv_status load_rates(const char *rates_xml, char **err)
{
  char *dir = sv_test_tmpdir("rules-rates");
  char *path = write_file(dir, "rates.xml", rates_xml);
  struct sv_rules *r = NULL;
  sv_status rc = sv_rules_load(DATA_DIR, "sre-2012", path, &r, err);
  if (rc == SV_OK)
    assert_non_null(r);
  else
    assert_null(r);
  sv_rules_free(&r);
  assert_null(r);
  sv_test_rmtree(dir);
  g_free(path);
  g_free(dir);
  return rc;
}

/* ------------------------------------------------------------ tests */

/* The seed ruleset lists the contract's ten stays, in order, with the
   contract's days, windows and comparisons. */
static void test_rules_seed_ruleset_matches_contract(void **state)
{
  (void)state;
  static const struct {
    const char *id;
    int savings, window, income;
  } want[] = {
      {"visitor", 500, 6, 150},
      {"visitor-study", 300, 6, 150},
      {"visitor-10-years", 500, 12, 300},
      {"temporary-resident", 20000, 12, 400},
      {"temporary-resident-invited", 10000, 12, 200},
      {"temporary-resident-family", 300, 6, 100},
      {"temporary-student", 20000, 12, 150},
      {"temporary-student-family", 300, 6, 100},
      {"permanent-resident", 25000, 12, 500},
      {"permanent-resident-family", 300, 6, 100},
  };
  struct sv_rules *r = load_ok(DATA_DIR, NULL);
  assert_string_equal(sv_rules_id(r), "sre-2012");
  size_t n = 0;
  const struct sv_rule_stay *stays = sv_rules_stays(r, &n);
  assert_int_equal(n, G_N_ELEMENTS(want));
  for (size_t i = 0; i < n; i++) {
    const struct sv_rule_stay *s = &stays[i];
    assert_string_equal(s->id, want[i].id);
    assert_non_null(s->title);
    assert_true(s->ntests >= 2);
    assert_int_equal(s->tests[0].basis, SV_TEST_SAVINGS);
    assert_int_equal(s->tests[0].wage_days, want[i].savings);
    assert_int_equal(s->tests[0].window_months, want[i].window);
    assert_false(s->tests[0].strictly_greater); /* savings "reach" */
    assert_int_equal(s->tests[1].basis, SV_TEST_INCOME);
    assert_int_equal(s->tests[1].wage_days, want[i].income);
    assert_int_equal(s->tests[1].window_months, 6);
    assert_false(s->tests[1].strictly_greater);
    assert_ptr_equal(sv_rules_find_stay(r, want[i].id), s);
  }
  /* temporary-resident also: property > 40,000 days, investment > 20,000 */
  const struct sv_rule_stay *tr = sv_rules_find_stay(r, "temporary-resident");
  assert_non_null(tr);
  assert_int_equal(tr->ntests, 4);
  assert_int_equal(tr->tests[2].basis, SV_TEST_PROPERTY);
  assert_int_equal(tr->tests[2].wage_days, 40000);
  assert_int_equal(tr->tests[2].window_months, 0);
  assert_true(tr->tests[2].strictly_greater);
  assert_int_equal(tr->tests[3].basis, SV_TEST_INVESTMENT);
  assert_int_equal(tr->tests[3].wage_days, 20000);
  assert_true(tr->tests[3].strictly_greater);
  /* The only other stays have exactly savings + income. */
  assert_int_equal(sv_rules_find_stay(r, "visitor")->ntests, 2);
  /* The seed's student remark is carried as a note on visitor income. */
  const char *note = sv_rules_find_stay(r, "visitor")->tests[1].note;
  assert_non_null(note);
  assert_non_null(strstr(note, "100 days"));
  assert_null(sv_rules_find_stay(r, "tourist"));
  sv_rules_free(&r);
  assert_null(r);
  sv_rules_free(&r); /* NULL-safe */
}

/* The wage in force follows the mid-year change of 2017-12-01:
   80.04 on 2017-11-30, 88.36 from 2017-12-01 and all of 2018. */
static void test_rules_wage_december_2017_change(void **state)
{
  (void)state;
  struct sv_rules *r = load_ok(DATA_DIR, NULL);
  sv_cents daily = 0;
  const char *zone = NULL;
  GDate eff, d;
  g_date_clear(&eff, 1);

  d = day("2017-11-30");
  assert_true(sv_rules_wage(r, &d, &daily, &zone, &eff));
  assert_int_equal(daily, 8004);
  assert_string_equal(zone, "general");
  GDate want = day("2017-01-01");
  assert_int_equal(g_date_compare(&eff, &want), 0);

  d = day("2017-12-01");
  assert_true(sv_rules_wage(r, &d, &daily, &zone, &eff));
  assert_int_equal(daily, 8836);
  want = day("2017-12-01");
  assert_int_equal(g_date_compare(&eff, &want), 0);

  d = day("2018-07-15"); /* the 2018 resolution kept 88.36 */
  assert_true(sv_rules_wage(r, &d, &daily, NULL, &eff));
  assert_int_equal(daily, 8836);
  assert_int_equal(g_date_compare(&eff, &want), 0);
  sv_rules_free(&r);
}

/* Lookups pick the latest entry on or before the date: 315.04 in 2026,
   the 2012-11-27 merge entry in December 2012, nothing before 2012. */
static void test_rules_wage_latest_on_or_before(void **state)
{
  (void)state;
  struct sv_rules *r = load_ok(DATA_DIR, NULL);
  sv_cents daily = 0;
  GDate eff, d, want;
  g_date_clear(&eff, 1);

  d = day("2026-11-15");
  assert_true(sv_rules_wage(r, &d, &daily, NULL, &eff));
  assert_int_equal(daily, 31504);
  want = day("2026-01-01");
  assert_int_equal(g_date_compare(&eff, &want), 0);

  d = day("2025-12-31");
  assert_true(sv_rules_wage(r, &d, &daily, NULL, NULL));
  assert_int_equal(daily, 27880);

  d = day("2012-12-01");
  assert_true(sv_rules_wage(r, &d, &daily, NULL, &eff));
  assert_int_equal(daily, 6233);
  want = day("2012-11-27");
  assert_int_equal(g_date_compare(&eff, &want), 0);

  d = day("2015-09-30"); /* zona A value for Mexico City */
  assert_true(sv_rules_wage(r, &d, &daily, NULL, NULL));
  assert_int_equal(daily, 7010);

  d = day("2011-12-31");
  assert_false(sv_rules_wage(r, &d, &daily, NULL, NULL));
  sv_rules_free(&r);
}

/* The latest rate on or before the date is chosen; a later-dated one is
   ignored; MXN is always 1.0000; unknown currencies have none. */
static void test_rules_rate_latest_on_or_before(void **state)
{
  (void)state;
  char *dir = sv_test_tmpdir("rules-rate");
  char *path = write_file(dir, "rates.xml",
                          "<rates>\n"
                          "  <rate currency=\"USD\" date=\"2026-11-20\" "
                          "mxn=\"25.0000\"/>\n"
                          "  <rate currency=\"USD\" date=\"2026-10-30\" "
                          "mxn=\"18.4210\"/>\n"
                          "  <rate currency=\"USD\" date=\"2026-09-30\" "
                          "mxn=\"17.5\"/>\n"
                          "  <rate currency=\"EUR\" date=\"2026-10-30\" "
                          "mxn=\"21.335\"/>\n"
                          "</rates>\n");
  struct sv_rules *r = load_ok(DATA_DIR, path);
  int64_t e4 = 0;
  GDate rd, d, want;
  g_date_clear(&rd, 1);

  d = day("2026-11-15");
  assert_true(sv_rules_rate(r, "USD", &d, &e4, &rd));
  assert_int_equal(e4, 184210);
  want = day("2026-10-30");
  assert_int_equal(g_date_compare(&rd, &want), 0);

  d = day("2026-10-29"); /* before 10-30: the September rate, 17.5000 */
  assert_true(sv_rules_rate(r, "USD", &d, &e4, NULL));
  assert_int_equal(e4, 175000);

  d = day("2026-11-20"); /* on the day itself */
  assert_true(sv_rules_rate(r, "USD", &d, &e4, NULL));
  assert_int_equal(e4, 250000);

  d = day("2026-11-15");
  assert_true(sv_rules_rate(r, "EUR", &d, &e4, NULL));
  assert_int_equal(e4, 213350);
  assert_true(sv_rules_rate(r, "MXN", &d, &e4, NULL));
  assert_int_equal(e4, 10000);
  assert_false(sv_rules_rate(r, "GBP", &d, &e4, NULL));

  d = day("2026-09-29");
  assert_false(sv_rules_rate(r, "USD", &d, &e4, NULL));
  sv_rules_free(&r);

  /* Without a rates file only MXN converts. */
  r = load_ok(DATA_DIR, NULL);
  d = day("2026-11-15");
  assert_false(sv_rules_rate(r, "USD", &d, &e4, NULL));
  assert_true(sv_rules_rate(r, "MXN", &d, &e4, NULL));
  assert_int_equal(e4, 10000);
  sv_rules_free(&r);
  sv_test_rmtree(dir);
  g_free(path);
  g_free(dir);
}

/* Rates keep 4 decimals exactly: "18.421000" is 18.4210, "18.42105" is
   refused (never rounded) with a message saying why. */
static void test_rules_rate_fifth_decimal_refused(void **state)
{
  (void)state;
  char *err = NULL;
  assert_int_equal(load_rates("<rates><rate currency=\"USD\" "
                              "date=\"2026-10-30\" mxn=\"18.421000\"/>"
                              "</rates>",
                              &err),
                   SV_OK);
  assert_null(err);
  assert_int_equal(load_rates("<rates><rate currency=\"USD\" "
                              "date=\"2026-10-30\" mxn=\"18.42105\"/>"
                              "</rates>",
                              &err),
                   SV_INVALID);
  assert_non_null(err);
  assert_non_null(strstr(err, "rates.xml"));
  assert_non_null(strstr(err, "4 decimals"));
  g_free(err);
}

/* Malformed rates files are refused with SV_BADXML (or NOTFOUND) and a
   message naming the file. */
static void test_rules_rates_malformed(void **state)
{
  (void)state;
  static const char *const bad[] = {
      "<rates><rate currency=\"USD\"", /* not well-formed */
      "<rates><rate currency=\"USD\" date=\"2026-10-30\" mxn=\"abc\"/>"
      "</rates>",
      "<rates><rate currency=\"usd\" date=\"2026-10-30\" mxn=\"18.4\"/>"
      "</rates>",
      "<rates><rate currency=\"USD\" date=\"2026-02-30\" mxn=\"18.4\"/>"
      "</rates>",
      "<rates><rate currency=\"USD\" date=\"2026-10-30\" mxn=\"18.4\"/>"
      "<rate currency=\"USD\" date=\"2026-10-30\" mxn=\"18.5\"/></rates>",
      "<rates><rate currency=\"USD\" date=\"2026-10-30\" mxn=\"0\"/>"
      "</rates>",
      "<!DOCTYPE rates [<!ENTITY x \"18.4\">]><rates><rate currency=\"USD\" "
      "date=\"2026-10-30\" mxn=\"&x;\"/></rates>",
      "<currencies/>",
  };
  for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
    char *err = NULL;
    sv_status rc = load_rates(bad[i], &err);
    if (rc == SV_OK)
      fail_msg("rates file %zu was accepted", i);
    assert_true(rc == SV_BADXML || rc == SV_INVALID);
    assert_non_null(err);
    assert_non_null(strstr(err, "rates.xml"));
    g_free(err);
  }
  /* The MXN rate may be listed, but only as 1. */
  char *err = NULL;
  assert_int_equal(load_rates("<rates><rate currency=\"MXN\" "
                              "date=\"2026-10-30\" mxn=\"1.0000\"/></rates>",
                              &err),
                   SV_OK);
  assert_int_equal(load_rates("<rates><rate currency=\"MXN\" "
                              "date=\"2026-10-30\" mxn=\"1.5\"/></rates>",
                              &err),
                   SV_INVALID);
  assert_non_null(strstr(err, "MXN"));
  g_free(err);

  /* Implausible rates are refused with their line: 999,999,999.9999 MXN
     per USD (12.6 trillion MXN of savings from a modest account), a rate
     per 100 yen, the inverse of a euro rate; the band's edges pass. */
  static const struct {
    const char *xml;
    sv_status want;
  } bands[] = {
      {"<rates>\n<rate currency=\"USD\" date=\"2026-10-30\" "
       "mxn=\"999999999.9999\"/></rates>",
       SV_INVALID},
      {"<rates>\n<rate currency=\"JPY\" date=\"2026-10-30\" "
       "mxn=\"12.1000\"/></rates>",
       SV_INVALID},
      {"<rates>\n<rate currency=\"EUR\" date=\"2026-10-30\" "
       "mxn=\"0.0469\"/></rates>",
       SV_INVALID},
      {"<rates>\n<rate currency=\"USD\" date=\"2026-10-30\" "
       "mxn=\"50.0000\"/></rates>",
       SV_OK},
      {"<rates>\n<rate currency=\"JPY\" date=\"2026-10-30\" "
       "mxn=\"0.1210\"/></rates>",
       SV_OK},
      {"<rates>\n<rate currency=\"KWD\" date=\"2026-10-30\" "
       "mxn=\"59.8000\"/></rates>",
       SV_OK},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(bands); i++) {
    err = NULL;
    sv_status rc = load_rates(bands[i].xml, &err);
    if (rc != bands[i].want)
      fail_msg("band case %zu: %s", i, err != NULL ? err : "accepted");
    if (rc != SV_OK) {
      assert_non_null(strstr(err, "line 2"));
      assert_non_null(strstr(err, "plausible"));
    }
    g_free(err);
  }

  struct sv_rules *r = NULL;
  err = NULL;
  assert_int_equal(sv_rules_load(DATA_DIR, "sre-2012",
                                 SV_BINARY_DIR "/no-such-rates.xml", &r, &err),
                   SV_NOTFOUND);
  assert_null(r);
  assert_non_null(strstr(err, "no-such-rates.xml"));
  g_free(err);
}

/* An unknown ruleset id is SV_NOTFOUND; an id that is not a plain token
   (path tricks) is refused before touching the file system. */
static void test_rules_unknown_ruleset(void **state)
{
  (void)state;
  struct sv_rules *r = NULL;
  char *err = NULL;
  assert_int_equal(sv_rules_load(DATA_DIR, "sre-1999", NULL, &r, &err),
                   SV_NOTFOUND);
  assert_null(r);
  assert_non_null(err);
  assert_non_null(strstr(err, "sre-1999"));
  g_free(err);

  err = NULL;
  assert_int_equal(
      sv_rules_load(DATA_DIR, "../rulesets/sre-2012", NULL, &r, &err),
      SV_INVALID);
  assert_null(r);
  assert_non_null(err);
  g_free(err);
}

/* The ruleset XSD refuses a broken ruleset: SV_BADXML and a message naming
   the file and the schema. */
static void test_rules_xsd_rejects_broken_ruleset(void **state)
{
  (void)state;
  char *dir = data_dir_with(
      "broken",
      "<ruleset id=\"broken\" title=\"Broken\">\n"
      "  <index name=\"minimum-wage\" zone=\"general\" "
      "table=\"minimum-wages\"/>\n"
      "  <stay id=\"visitor\" title=\"Visitor\">\n"
      "    <test basis=\"lottery\" wageDays=\"500\" windowMonths=\"6\" "
      "compare=\"reaches\"/>\n"
      "  </stay>\n"
      "</ruleset>\n");
  struct sv_rules *r = NULL;
  char *err = NULL;
  assert_int_equal(sv_rules_load(dir, "broken", NULL, &r, &err), SV_BADXML);
  assert_null(r);
  assert_non_null(err);
  assert_non_null(strstr(err, "broken.xml"));
  assert_non_null(strstr(err, "ruleset.xsd"));
  g_free(err);
  sv_test_rmtree(dir);
  g_free(dir);

  /* Two stays with one id: the XSD's unique constraint. */
  dir = data_dir_with(
      "twice",
      "<ruleset id=\"twice\" title=\"Twice\">\n"
      "  <index name=\"minimum-wage\" zone=\"general\" "
      "table=\"minimum-wages\"/>\n"
      "  <stay id=\"visitor\" title=\"A\"><test basis=\"savings\" "
      "wageDays=\"500\" windowMonths=\"6\" compare=\"reaches\"/></stay>\n"
      "  <stay id=\"visitor\" title=\"B\"><test basis=\"savings\" "
      "wageDays=\"500\" windowMonths=\"6\" compare=\"reaches\"/></stay>\n"
      "</ruleset>\n");
  err = NULL;
  assert_int_equal(sv_rules_load(dir, "twice", NULL, &r, &err), SV_BADXML);
  assert_null(r);
  assert_non_null(strstr(err, "twice.xml"));
  g_free(err);
  sv_test_rmtree(dir);
  g_free(dir);
}

/* What the XSD cannot say is checked by the loader: a savings test needs a
   window, property takes none, the root id matches the file name, and a
   DOCTYPE is refused. */
static void test_rules_loader_checks_beyond_xsd(void **state)
{
  (void)state;
  static const char *const bad[] = {
      "<ruleset id=\"bad\" title=\"x\"><index name=\"minimum-wage\" "
      "zone=\"general\" table=\"minimum-wages\"/><stay id=\"a\" title=\"a\">"
      "<test basis=\"savings\" wageDays=\"5\" compare=\"reaches\"/>"
      "</stay></ruleset>",
      "<ruleset id=\"bad\" title=\"x\"><index name=\"minimum-wage\" "
      "zone=\"general\" table=\"minimum-wages\"/><stay id=\"a\" title=\"a\">"
      "<test basis=\"property\" wageDays=\"5\" windowMonths=\"6\" "
      "compare=\"exceeds\"/></stay></ruleset>",
      "<ruleset id=\"other\" title=\"x\"><index name=\"minimum-wage\" "
      "zone=\"general\" table=\"minimum-wages\"/><stay id=\"a\" title=\"a\">"
      "<test basis=\"savings\" wageDays=\"5\" windowMonths=\"6\" "
      "compare=\"reaches\"/></stay></ruleset>",
      "<!DOCTYPE ruleset><ruleset id=\"bad\" title=\"x\"><index "
      "name=\"minimum-wage\" zone=\"general\" table=\"minimum-wages\"/>"
      "<stay id=\"a\" title=\"a\"><test basis=\"savings\" wageDays=\"5\" "
      "windowMonths=\"6\" compare=\"reaches\"/></stay></ruleset>",
      /* an index the wage table does not hold */
      "<ruleset id=\"bad\" title=\"x\"><index name=\"uma\" "
      "zone=\"general\" table=\"minimum-wages\"/><stay id=\"a\" title=\"a\">"
      "<test basis=\"savings\" wageDays=\"5\" windowMonths=\"6\" "
      "compare=\"reaches\"/></stay></ruleset>",
      /* a zone the wage table does not hold */
      "<ruleset id=\"bad\" title=\"x\"><index name=\"minimum-wage\" "
      "zone=\"mars\" table=\"minimum-wages\"/><stay id=\"a\" title=\"a\">"
      "<test basis=\"savings\" wageDays=\"5\" windowMonths=\"6\" "
      "compare=\"reaches\"/></stay></ruleset>",
  };
  for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
    char *dir = data_dir_with("bad", bad[i]);
    struct sv_rules *r = NULL;
    char *err = NULL;
    sv_status rc = sv_rules_load(dir, "bad", NULL, &r, &err);
    if (rc != SV_BADXML)
      fail_msg("ruleset %zu: status %s, message %s", i, sv_status_name(rc),
               err != NULL ? err : "(none)");
    assert_null(r);
    assert_non_null(err);
    assert_true(strstr(err, "bad.xml") != NULL ||
                strstr(err, "minimum-wages.xml") != NULL);
    g_free(err);
    sv_test_rmtree(dir);
    g_free(dir);
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rules_seed_ruleset_matches_contract),
      cmocka_unit_test(test_rules_wage_december_2017_change),
      cmocka_unit_test(test_rules_wage_latest_on_or_before),
      cmocka_unit_test(test_rules_rate_latest_on_or_before),
      cmocka_unit_test(test_rules_rate_fifth_decimal_refused),
      cmocka_unit_test(test_rules_rates_malformed),
      cmocka_unit_test(test_rules_unknown_ruleset),
      cmocka_unit_test(test_rules_xsd_rejects_broken_ruleset),
      cmocka_unit_test(test_rules_loader_checks_beyond_xsd),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
