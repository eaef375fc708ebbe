/*
 * test_dates.c - tests of dates and periods (stages/text/dates.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <string.h>

#include "text/dates.h"

struct period_case {
  const char *text;
  const char *lang;
  int y0, m0, d0, y1, m1, d1;
};

/* Every period format of domain.md §4, English and Spanish. */
static void test_dates_period_formats(void **state)
{
  (void)state;
  static const struct period_case cases[] = {
      {"Statement Period: 03/01/2026 - 03/31/2026", "en", 2026, 3, 1, 2026,
       3, 31},
      {"Periodo: DEL 01/03/2026 AL 31/03/2026", "es", 2026, 3, 1, 2026, 3,
       31},
      {"Periodo DEL 01/01/2024 AL 31/01/2024", "es", 2024, 1, 1, 2024, 1, 31},
      {"PERIODO DEL 01-ENE-2024 AL 31-ENE-2024", "es", 2024, 1, 1, 2024, 1,
       31},
      {"Periodo Del 01/ENE/2024 Al 31/ENE/2024", "es", 2024, 1, 1, 2024, 1,
       31},
      {"Periodo Del 01-SEPT-24 al 30-SEPT-24", "es", 2024, 9, 1, 2024, 9, 30},
      {"PERIODO DEL 01-SET-2025 AL 30-SET-2025", "es", 2025, 9, 1, 2025, 9,
       30},
      {"Periodo DEL 01-DIC-2025 AL 31-DIC-2025", "es", 2025, 12, 1, 2025, 12,
       31},
      {"DEL 01/AGO/2026 AL 31/AGO/2026", "es", 2026, 8, 1, 2026, 8, 31},
      {"Periodo 5-jul-2025 al 04-ago-2025", "es", 2025, 7, 5, 2025, 8, 4},
      {"del 1 de abril de 2025 al 30 de abril de 2025", "es", 2025, 4, 1,
       2025, 4, 30},
      {"April 01, 2025 through April 30, 2025", "en", 2025, 4, 1, 2025, 4,
       30},
      {"July 1, 2022 through July 31, 2022", "en", 2022, 7, 1, 2022, 7, 31},
      {"Statement period from 1 May 2026 to 31 May 2026", "en", 2026, 5, 1,
       2026, 5, 31},
      {"Statement Period February 1 \xe2\x80\x93 April 30, 2022", "en", 2022,
       2, 1, 2022, 4, 30},
      {"December 15, 2025 - January 14, 2026", "en", 2025, 12, 15, 2026, 1,
       14},
      /* an OCR'd text layer: "l" for "1" */
      {"May l, 2019 to May 31, 2019", "en", 2019, 5, 1, 2019, 5, 31},
      /* only one reading is valid: the language's order gives way */
      {"Statement Period: 01/03/2026 - 31/03/2026", "en", 2026, 3, 1, 2026,
       3, 31},
      {"Periodo: 03/01/2026 - 03/31/2026", "es", 2026, 3, 1, 2026, 3, 31},
      /* both valid: the monthly one wins over the language */
      {"Period 01/02/2026 - 01/03/2026", "en", 2026, 2, 1, 2026, 3, 1},
      /* both valid and monthly: the language decides */
      {"Period 01/05/2026 - 02/06/2026", "en", 2026, 1, 5, 2026, 2, 6},
      {"Periodo 01/05/2026 - 02/06/2026", "es", 2026, 5, 1, 2026, 6, 2},
      /* two-digit years */
      {"Periodo 01/03/26 al 31/03/26", "es", 2026, 3, 1, 2026, 3, 31},
      /* the issue-4 layouts (LAYOUTS.md), as printed */
      {"for July 1, 2026 to July 31, 2026", "en", 2026, 7, 1, 2026, 7, 31},
      {"Statement Period 07/16/2026 - 08/15/2026", "en", 2026, 7, 16, 2026,
       8, 15},
      {"Statement Period 07/16/2026 - 08/15/2026", "es", 2026, 7, 16, 2026,
       8, 15},
      {"PERIODO DEL 01-ENE-2026 AL 31-ENE-2026", "es", 2026, 1, 1, 2026, 1,
       31},
      {"Periodo Del 01/ENE/2026 Al 31/ENE/2026", "es", 2026, 1, 1, 2026, 1,
       31},
      {"Periodo: 01/03/2026 - 31/03/2026", "es", 2026, 3, 1, 2026, 3, 31},
      {"Periodo: 01/03/2026 - 31/03/2026", "", 2026, 3, 1, 2026, 3, 31},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    GDate s, e;
    g_date_clear(&s, 1);
    g_date_clear(&e, 1);
    if (!sv_period_parse(cases[i].text, cases[i].lang, &s, &e))
      fail_msg("no period in \"%s\"", cases[i].text);
    if (g_date_get_year(&s) != (GDateYear)cases[i].y0 ||
        g_date_get_month(&s) != (GDateMonth)cases[i].m0 ||
        g_date_get_day(&s) != (GDateDay)cases[i].d0 ||
        g_date_get_year(&e) != (GDateYear)cases[i].y1 ||
        g_date_get_month(&e) != (GDateMonth)cases[i].m1 ||
        g_date_get_day(&e) != (GDateDay)cases[i].d1)
      fail_msg("\"%s\" gave %d-%d-%d .. %d-%d-%d", cases[i].text,
               g_date_get_year(&s), g_date_get_month(&s), g_date_get_day(&s),
               g_date_get_year(&e), g_date_get_month(&e),
               g_date_get_day(&e));
  }
}

/* Text without a valid range gives no period and leaves the dates alone. */
static void test_dates_period_rejects(void **state)
{
  (void)state;
  static const char *const bad[] = {
      "Statement Period: 03/31/2026 - 03/01/2026", /* end before start */
      "Fecha de Corte 31/03/2026",                 /* one date */
      "Beginning balance on October 10",           /* no year */
      "31/13/2026 - 32/14/2026",                   /* no valid reading */
      "03/02 PAYROLL 3,000.00 03/05 CHECK",        /* table, no years */
      "",
  };
  for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
    GDate s, e;
    g_date_clear(&s, 1);
    g_date_clear(&e, 1);
    if (sv_period_parse(bad[i], "en", &s, &e))
      fail_msg("found a period in \"%s\"", bad[i]);
    assert_false(g_date_valid(&s));
  }
}

/* Month names in both languages, full and abbreviated, one table. */
static void test_dates_month_names(void **state)
{
  (void)state;
  static const struct {
    const char *word;
    int month;
  } cases[] = {
      {"enero", 1}, {"ene", 1}, {"jan.", 1}, {"febrero", 2}, {"mar", 3},
      {"abr", 4}, {"may", 5}, {"junio", 6}, {"jul", 7}, {"ago", 8},
      {"setiembre", 9}, {"sept", 9}, {"sep", 9}, {"octubre", 10},
      {"nov", 11}, {"dic", 12}, {"december", 12}, {"marzo", 3},
      {"mayo", 5}, {"lunes", 0}, {"", 0}, {"ma", 0},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++)
    if (sv_month_of(cases[i].word) != cases[i].month)
      fail_msg("\"%s\" gave %d", cases[i].word, sv_month_of(cases[i].word));
  assert_null(strstr(sv_month_pattern(), "||"));
  assert_non_null(strstr(sv_month_pattern(), "septiembre"));
}

/* Row dates: day/month names, numeric pairs kept unordered, two-digit
   years; placed inside the period in the order asked. */
static void test_dates_row_dates(void **state)
{
  (void)state;
  struct sv_row_date rd;
  GDate s, e, out;
  g_date_clear(&s, 1);
  g_date_clear(&e, 1);
  g_date_clear(&out, 1);
  g_date_set_dmy(&s, 16, 12, 2025);
  g_date_set_dmy(&e, 15, 1, 2026);

  assert_true(sv_row_date_parse("15/ENE", &rd));
  assert_false(rd.numeric);
  assert_int_equal(rd.day, 15);
  assert_int_equal(rd.month, 1);
  assert_true(sv_row_date_place(&rd, "es", -1, &s, &e, &out));
  assert_int_equal(g_date_get_year(&out), 2026);

  assert_true(sv_row_date_parse("20-DIC", &rd));
  assert_true(sv_row_date_place(&rd, "es", -1, &s, &e, &out));
  assert_int_equal(g_date_get_year(&out), 2025);

  assert_true(sv_row_date_parse("05-OCT-24", &rd));
  assert_int_equal(rd.year, 2024);

  assert_true(sv_row_date_parse("12/20", &rd));
  assert_true(rd.numeric);
  /* read day/month (order 0) 12/20 is no date; month/day is Dec 20 */
  assert_false(sv_row_date_place(&rd, "es", 0, &s, &e, &out));
  assert_true(sv_row_date_place(&rd, "es", 1, &s, &e, &out));
  assert_int_equal(g_date_get_day(&out), 20);
  assert_true(sv_row_date_place(&rd, "es", -1, &s, &e, &out));

  /* OCR's letters for digits in a day, digits for letters in a month */
  assert_true(sv_row_date_parse("OS/JUN", &rd));
  assert_int_equal(rd.day, 5);
  assert_int_equal(rd.month, 6);
  assert_true(sv_row_date_parse("08/0CT", &rd));
  assert_int_equal(rd.day, 8);
  assert_int_equal(rd.month, 10);
  assert_true(sv_row_date_parse("l2/ENE", &rd));
  assert_int_equal(rd.day, 12);

  /* a stray dot after the cell ("12/20.") is OCR noise, not a third part */
  assert_true(sv_row_date_parse("12/20.", &rd));
  assert_true(rd.numeric);
  assert_int_equal(rd.a, 12);
  assert_int_equal(rd.b, 20);
  assert_true(sv_row_date_parse("15.06.", &rd));
  assert_int_equal(rd.b, 6);

  /* a bare day in a day column, with OCR's stray bracket */
  assert_true(sv_row_date_day("07", &rd));
  assert_int_equal(rd.day, 7);
  assert_true(rd.day_only);
  assert_true(sv_row_date_day("25)", &rd));
  assert_int_equal(rd.day, 25);
  assert_false(sv_row_date_day("32", &rd));
  assert_false(sv_row_date_day("123", &rd));
  assert_false(sv_row_date_day(")", &rd));

  assert_false(sv_row_date_parse("PAYROLL", &rd));
  assert_false(sv_row_date_parse("1,234.56", &rd));
  assert_false(sv_row_date_parse("12", &rd));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_dates_period_formats),
      cmocka_unit_test(test_dates_period_rejects),
      cmocka_unit_test(test_dates_month_names),
      cmocka_unit_test(test_dates_row_dates),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
