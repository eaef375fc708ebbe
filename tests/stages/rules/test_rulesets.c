/*
 * test_rulesets.c - the rulesets of the dates (schemas/rulesets/sre-2014,
 * sre-2025, and "auto"), the UMA table and what each ruleset requires on
 * a date (stages/rules/rules.c).
 *
 * Every figure is worked out by hand from docs/domain.md: s.1 (minimum
 * wage), s.1b (UMA), s.2.2 (2025 Lineamientos, days of UMA) and s.2.3
 * (2014 Lineamientos, days of minimum wage).
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

static struct sv_rules *load(const char *id)
{
  struct sv_rules *r = NULL;
  char *err = NULL;
  if (sv_rules_load(DATA_DIR, id, NULL, &r, &err) != SV_OK)
    fail_msg("sv_rules_load %s: %s", id, err != NULL ? err : "");
  return r;
}

static const struct sv_rule_test *find(const struct sv_rules *r,
                                       const char *stay,
                                       enum sv_test_basis basis)
{
  const struct sv_rule_stay *s = sv_rules_find_stay(r, stay);
  assert_non_null(s);
  for (size_t i = 0; i < s->ntests; i++)
    if (s->tests[i].basis == basis)
      return &s->tests[i];
  fail_msg("%s has no %s test", stay, sv_test_basis_str(basis));
  return NULL;
}

/* days x the index value on date, in centavos, as evaluate computes it. */
static sv_cents required(const struct sv_rules *r, const char *date,
                         const char *stay, enum sv_test_basis basis)
{
  GDate d = day(date);
  struct sv_index_value iv;
  assert_true(sv_rules_index_value(r, &d, &iv));
  return (sv_cents)find(r, stay, basis)->wage_days * iv.daily;
}

/* The UMA changes on 1 February (2025: 113.14, 2026: 117.31), the
   minimum wage on 1 January (2025: 278.80, 2026: 315.04). */
static void test_rulesets_uma_february_wage_january(void **state)
{
  (void)state;
  struct sv_rules *uma = load("sre-2025");
  struct sv_rules *mw = load("sre-2014");
  static const struct {
    const char *date;
    sv_cents uma, wage;
  } cases[] = {
      {"2025-12-31", 11314, 27880},
      {"2026-01-01", 11314, 31504},
      {"2026-01-31", 11314, 31504},
      {"2026-02-01", 11731, 31504},
      {"2016-01-28", 7304, 7304},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    GDate d = day(cases[i].date);
    struct sv_index_value a, b;
    assert_true(sv_rules_index_value(uma, &d, &a));
    assert_true(sv_rules_index_value(mw, &d, &b));
    assert_string_equal(a.index, "uma");
    assert_string_equal(b.index, "minimum-wage");
    if (a.daily != cases[i].uma || b.daily != cases[i].wage)
      fail_msg("%s: UMA %lld, wage %lld", cases[i].date, (long long)a.daily,
               (long long)b.daily);
    assert_non_null(a.source);
    assert_non_null(b.source);
  }
  /* before the UMA existed */
  GDate d = day("2016-01-27");
  struct sv_index_value iv;
  assert_false(sv_rules_index_value(uma, &d, &iv));
  sv_rules_free(&uma);
  sv_rules_free(&mw);
}

/* sre-2025, days of UMA: temporary resident 11,460 x 117.31 on 2026-03-02
   = 1,344,372.60; x 113.14 on 2025-12-01 = 1,296,584.40; income > 680 x
   117.31 = 79,770.80 over 6 months; visitor 680 over 3 months and > 220
   with a year's employment; property > 91,710; investment > 45,850;
   permanent 45,850 / > 1,140; students not applicable. */
static void test_rulesets_2025_figures(void **state)
{
  (void)state;
  struct sv_rules *r = load("sre-2025");
  assert_int_equal(required(r, "2026-03-02", "temporary-resident",
                            SV_TEST_SAVINGS),
                   134437260);
  assert_int_equal(required(r, "2025-12-01", "temporary-resident",
                            SV_TEST_SAVINGS),
                   129658440);
  assert_int_equal(required(r, "2026-03-02", "temporary-resident",
                            SV_TEST_INCOME),
                   7977080);
  const struct sv_rule_test *t =
      find(r, "temporary-resident", SV_TEST_INCOME);
  assert_true(t->strictly_greater);
  assert_int_equal(t->window_months, 6);
  t = find(r, "visitor", SV_TEST_SAVINGS);
  assert_int_equal(t->wage_days, 680);
  assert_int_equal(t->window_months, 3);
  assert_false(t->strictly_greater);
  t = find(r, "visitor", SV_TEST_INCOME);
  assert_int_equal(t->wage_days, 220);
  assert_int_equal(t->window_months, 3);
  assert_true(t->strictly_greater);
  assert_true(t->needs_employment_year);
  assert_string_equal(t->confidence, "single-source");
  assert_int_equal(find(r, "temporary-resident", SV_TEST_PROPERTY)->wage_days,
                   91710);
  assert_int_equal(
      find(r, "temporary-resident", SV_TEST_INVESTMENT)->wage_days, 45850);
  assert_int_equal(find(r, "permanent-resident", SV_TEST_SAVINGS)->wage_days,
                   45850);
  assert_int_equal(find(r, "permanent-resident", SV_TEST_INCOME)->wage_days,
                   1140);
  assert_int_equal(
      find(r, "permanent-resident", SV_TEST_SAVINGS)->per_dependent_days, 220);
  assert_non_null(
      find(r, "temporary-student", SV_TEST_SAVINGS)->not_applicable);
  assert_non_null(find(r, "visitor-study", SV_TEST_SAVINGS)->not_applicable);
  assert_null(find(r, "visitor-study", SV_TEST_INCOME)->not_applicable);
  assert_string_equal(sv_rules_id(r), "sre-2025");
  assert_non_null(sv_rules_source(r));
  sv_rules_free(&r);
}

/* sre-2014, days of minimum wage: temporary resident on 2024-06-30: 5,000
   x 248.93 = 1,244,650.00; income > 300 over 6 months; visitor 300 over 3
   months and > 100 with a year's employment; permanent 20,000 / > 500;
   each dependent + 100 days. */
static void test_rulesets_2014_figures(void **state)
{
  (void)state;
  struct sv_rules *r = load("sre-2014");
  assert_int_equal(required(r, "2024-06-30", "temporary-resident",
                            SV_TEST_SAVINGS),
                   124465000);
  const struct sv_rule_test *t = find(r, "visitor", SV_TEST_SAVINGS);
  assert_int_equal(t->wage_days, 300);
  assert_int_equal(t->window_months, 3);
  assert_int_equal(t->per_dependent_days, 100);
  t = find(r, "visitor", SV_TEST_INCOME);
  assert_int_equal(t->wage_days, 100);
  assert_true(t->strictly_greater);
  assert_true(t->needs_employment_year);
  t = find(r, "temporary-resident", SV_TEST_INCOME);
  assert_int_equal(t->wage_days, 300);
  assert_int_equal(t->window_months, 6);
  assert_true(t->strictly_greater);
  assert_int_equal(find(r, "permanent-resident", SV_TEST_SAVINGS)->wage_days,
                   20000);
  assert_int_equal(find(r, "permanent-resident", SV_TEST_INCOME)->wage_days,
                   500);
  assert_int_equal(
      find(r, "temporary-resident", SV_TEST_PROPERTY)->wage_days, 40000);
  assert_string_equal(
      find(r, "temporary-resident", SV_TEST_INVESTMENT)->confidence,
      "unconfirmed");
  sv_rules_free(&r);
}

/* "auto" picks the ruleset in force: sre-2012 up to 2014-10-09, sre-2014
   from 2014-10-10 to 2025-08-08, sre-2025 from 2025-08-09; before 2012-11-09
   the earliest, saying so. */
static void test_rulesets_auto_boundaries(void **state)
{
  (void)state;
  struct sv_rules *r = load("auto");
  static const struct {
    const char *date, *id;
  } cases[] = {
      {"2013-06-01", "sre-2012"}, {"2014-10-09", "sre-2012"},
      {"2014-10-10", "sre-2014"}, {"2025-08-08", "sre-2014"},
      {"2025-08-09", "sre-2025"}, {"2026-12-02", "sre-2025"},
      {"2010-01-01", "sre-2012"},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    GDate d = day(cases[i].date);
    char *why = NULL;
    const struct sv_rules *m = sv_rules_for(r, &d, &why);
    assert_non_null(m);
    if (strcmp(sv_rules_id(m), cases[i].id) != 0)
      fail_msg("%s: %s, expected %s", cases[i].date, sv_rules_id(m),
               cases[i].id);
    assert_non_null(why);
    assert_non_null(strstr(why, cases[i].id));
    assert_non_null(strstr(why, cases[i].date));
    g_free(why);
  }
  /* a stay of any member can be requested */
  assert_non_null(sv_rules_find_stay(r, "temporary-resident"));
  /* a ruleset given by name is itself on every date, with no why */
  struct sv_rules *fixed = load("sre-2012");
  GDate d = day("2026-12-02");
  char *why = NULL;
  assert_ptr_equal(sv_rules_for(fixed, &d, &why), fixed);
  assert_null(why);
  sv_rules_free(&fixed);
  sv_rules_free(&r);
}

/* A ruleset may not take windowMonths 4, nor a figure beside
   notApplicable; two rulesets in force on the same days make "auto"
   refuse to load. */
static void test_rulesets_loader_refuses(void **state)
{
  (void)state;
  char *dir = sv_test_tmpdir("rulesets");
  char *sub = g_build_filename(dir, "rulesets", NULL);
  char *data = g_build_filename(dir, "data", NULL);
  g_mkdir_with_parents(sub, 0700);
  g_mkdir_with_parents(data, 0700);
  static const char *const files[] = {"ruleset.xsd", "wages.xsd",
                                      "rates.xsd", "data/uma.xml"};
  for (size_t i = 0; i < G_N_ELEMENTS(files); i++) {
    char *src = g_build_filename(DATA_DIR, files[i], NULL);
    char *dst = g_build_filename(dir, files[i], NULL);
    char *text = NULL;
    gsize len = 0;
    assert_true(g_file_get_contents(src, &text, &len, NULL));
    sv_test_write(dst, text, len);
    g_free(text);
    g_free(src);
    g_free(dst);
  }
  static const char head[] =
      "<?xml version=\"1.0\"?>\n<ruleset id=\"%s\" title=\"t\" "
      "validFrom=\"%s\">\n<index name=\"uma\" zone=\"general\" "
      "table=\"uma\"/>\n<stay id=\"visitor\" title=\"v\">\n%s\n</stay>\n"
      "</ruleset>\n";
  struct {
    const char *test;
    const char *needle;
  } bad[] = {
      {"<test basis=\"savings\" wageDays=\"680\" windowMonths=\"4\" "
       "compare=\"reaches\"/>",
       "windowMonths"},
      {"<test basis=\"savings\" wageDays=\"680\" notApplicable=\"none\"/>",
       "notApplicable"},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
    char *text = g_strdup_printf(head, "x-1", "2025-08-09", bad[i].test);
    char *path = g_build_filename(sub, "x-1.xml", NULL);
    sv_test_write(path, text, strlen(text));
    struct sv_rules *r = NULL;
    char *err = NULL;
    assert_int_not_equal(sv_rules_load(dir, "x-1", NULL, &r, &err), SV_OK);
    assert_null(r);
    assert_non_null(err);
    g_free(err);
    g_free(path);
    g_free(text);
  }
  static const char ok_test[] = "<test basis=\"savings\" wageDays=\"680\" "
                                "windowMonths=\"3\" compare=\"reaches\"/>";
  for (int k = 1; k <= 2; k++) {
    char id[8];
    g_snprintf(id, sizeof id, "x-%d", k);
    char *text = g_strdup_printf(head, id, k == 1 ? "2025-08-09" : "2026-01-01",
                                 ok_test);
    char *name = g_strconcat(id, ".xml", NULL);
    char *path = g_build_filename(sub, name, NULL);
    sv_test_write(path, text, strlen(text));
    g_free(path);
    g_free(name);
    g_free(text);
  }
  struct sv_rules *r = NULL;
  char *err = NULL;
  assert_int_not_equal(sv_rules_load(dir, "auto", NULL, &r, &err), SV_OK);
  assert_non_null(err);
  assert_non_null(strstr(err, "same days"));
  g_free(err);
  sv_test_rmtree(dir);
  g_free(sub);
  g_free(data);
  g_free(dir);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rulesets_uma_february_wage_january),
      cmocka_unit_test(test_rulesets_2025_figures),
      cmocka_unit_test(test_rulesets_2014_figures),
      cmocka_unit_test(test_rulesets_auto_boundaries),
      cmocka_unit_test(test_rulesets_loader_refuses),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
