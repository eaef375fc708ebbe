/*
 * test_paytable.c - tests of the month tables of income documents
 * (stages/readers/paytable.c) on layouts of pages drawn from text
 * (tests/support.h): a Month / Gross / Taxes / Net table (the net months
 * taken, never the gross), Spanish columns in another order with two
 * deductions, a row whose arithmetic fails, a transposed table (months as
 * columns), a gross-only table (no months, gross_only), an unlabelled
 * amount column (*unlabelled), a column the arithmetic names net, a table
 * that is no pay table (inc left alone); and sv_paytable_month on the
 * forms its header lists and on texts that name no month.  Every amount
 * is printed in its table; the checks of gross - deductions = net are
 * worked out in the comments.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "readers/paytable.h"
#include "support.h"
#include "text/layout.h"

/* ------------------------------------------------------------ helpers */

/* Reads the pay tables of a one-page document of text into inc; returns
   what sv_paytable_read returned. */
static bool read_into(const char *text, struct sv_income_doc *inc,
                      bool *unlabelled)
{
  const char *pages[] = {text, NULL};
  struct sv_doc *doc = sv_test_doc_from_pages("pay.pdf", pages, 0.0);
  struct sv_layout *l = sv_layout_new(doc);
  bool found = sv_paytable_read(l, doc, NULL, inc, unlabelled);
  sv_layout_free(&l);
  sv_doc_free(&doc);
  return found;
}

/* Checks month k of inc: its year, month and amount as printed. */
static void assert_month(const struct sv_income_doc *inc, guint k, int year,
                         int month, sv_cents amount)
{
  assert_true(k < inc->months->len);
  const struct sv_income_month *m =
      &g_array_index(inc->months, struct sv_income_month, k);
  assert_int_equal(m->year, year);
  assert_int_equal(m->month, month);
  assert_true(m->figure.present);
  assert_int_equal(m->figure.amount, amount);
  assert_int_equal(m->monthly, amount);
  assert_int_equal(m->figure.page, 1);
}

static bool month_unreconciled(const struct sv_income_doc *inc, guint k)
{
  return g_array_index(inc->months, struct sv_income_month, k)
      .figure.unreconciled;
}

/* ------------------------------------------------------------- tables */

/* Month / Gross / Taxes / Net: the net column's months, checked
   (5,000.00 - 1,000.00 = 4,000.00; 5,000.00 - 1,100.00 = 3,900.00;
   5,200.00 - 1,150.00 = 4,050.00); monthly, printed. */
static void test_paytable_net_column(void **state)
{
  (void)state;
  struct sv_income_doc *inc = sv_income_doc_new();
  bool unlabelled = true;
  assert_true(
      read_into("Payroll history\n"
                "Month                     Gross        Taxes          Net\n"
                "September 2025         5,000.00     1,000.00     4,000.00\n"
                "October 2025           5,000.00     1,100.00     3,900.00\n"
                "November 2025          5,200.00     1,150.00     4,050.00\n",
                inc, &unlabelled));
  assert_false(unlabelled);
  assert_int_equal(inc->months->len, 3);
  assert_month(inc, 0, 2025, 9, 400000);
  assert_month(inc, 1, 2025, 10, 390000);
  assert_month(inc, 2, 2025, 11, 405000);
  for (guint k = 0; k < 3; k++)
    assert_false(month_unreconciled(inc, k));
  assert_true(inc->net);
  assert_false(inc->gross_only);
  assert_true(inc->checked);
  assert_int_equal(inc->frequency, SV_FREQ_MONTHLY);
  assert_true(inc->frequency_printed);
  sv_income_doc_free(&inc);
}

/* Spanish headers in another order, net first and gross last, with two
   deduction columns summed: 25,000.00 - (4,500.00 + 500.00) = 20,000.00;
   26,000.00 - (4,600.00 + 1,000.00) = 20,400.00. */
static void test_paytable_spanish_other_order(void **state)
{
  (void)state;
  struct sv_income_doc *inc = sv_income_doc_new();
  bool unlabelled = true;
  assert_true(read_into(
      "CONSTANCIA DE PERCEPCIONES\n"
      "Mes                      Neto          ISR         IMSS     "
      "Percepciones\n"
      "Mayo de 2026        20,000.00     4,500.00       500.00        "
      "25,000.00\n"
      "Junio de 2026       20,400.00     4,600.00     1,000.00        "
      "26,000.00\n",
      inc, &unlabelled));
  assert_false(unlabelled);
  assert_int_equal(inc->months->len, 2);
  assert_month(inc, 0, 2026, 5, 2000000);
  assert_month(inc, 1, 2026, 6, 2040000);
  assert_true(inc->net);
  assert_false(inc->gross_only);
  assert_true(inc->checked);
  sv_income_doc_free(&inc);
}

/* Other net words of the header: "Take-home" (folded "take home") and
   "Líquido" name the net column on their own; "Net earnings" and
   "Percepciones netas" are net (earnings and percepciones are gross only
   when nothing says net). */
static void test_paytable_net_words(void **state)
{
  (void)state;
  static const char *const tables[] = {"Month           Take-home\n"
                                       "January 2026     1,250.00\n"
                                       "February 2026    1,300.00\n",
                                       "Mes             L\u00edquido\n"
                                       "Enero 2026      1,250.00\n"
                                       "Febrero 2026    1,300.00\n",
                                       "Month           Net earnings\n"
                                       "January 2026     1,250.00\n"
                                       "February 2026    1,300.00\n",
                                       "Mes       Percepciones netas\n"
                                       "Enero 2026        1,250.00\n"
                                       "Febrero 2026      1,300.00\n"};
  for (size_t k = 0; k < G_N_ELEMENTS(tables); k++) {
    struct sv_income_doc *inc = sv_income_doc_new();
    bool unlabelled = true;
    assert_true(read_into(tables[k], inc, &unlabelled));
    assert_false(unlabelled);
    assert_true(inc->net);
    if (inc->months->len != 2)
      fail_msg("table %zu: %u months", k, inc->months->len);
    assert_month(inc, 0, 2026, 1, 125000);
    assert_month(inc, 1, 2026, 2, 130000);
    sv_income_doc_free(&inc);
  }
}

/* A row that does not add up (3,000.00 - 600.00 = 2,400.00, but 2,500.00
   is printed): its net month is kept as printed but unreconciled, and the
   table is not checked; months written "09/2025". */
static void test_paytable_row_not_adding_up(void **state)
{
  (void)state;
  struct sv_income_doc *inc = sv_income_doc_new();
  bool unlabelled = true;
  assert_true(
      read_into("Period           Gross pay    Deductions       Net pay\n"
                "09/2025           3,000.00        600.00      2,400.00\n"
                "10/2025           3,000.00        600.00      2,500.00\n",
                inc, &unlabelled));
  assert_int_equal(inc->months->len, 2);
  assert_month(inc, 0, 2025, 9, 240000);
  assert_month(inc, 1, 2025, 10, 250000);
  assert_false(month_unreconciled(inc, 0));
  assert_true(month_unreconciled(inc, 1));
  assert_true(inc->net);
  assert_false(inc->checked);
  sv_income_doc_free(&inc);
}

/* A transposed table: months are the columns, concepts the rows; the
   "Net payment" row gives the months (2,000.00 - 185.00 = 1,815.00;
   2,100.00 - 185.00 = 1,915.00). */
static void test_paytable_transposed(void **state)
{
  (void)state;
  struct sv_income_doc *inc = sv_income_doc_new();
  bool unlabelled = true;
  assert_true(read_into(
      "PENSION PAYMENT STATEMENT\n"
      "Item                    Jan 2026      Feb 2026      Mar 2026\n"
      "Gross benefit           2,000.00      2,000.00      2,100.00\n"
      "Medicare premium          185.00        185.00        185.00\n"
      "Net payment             1,815.00      1,815.00      1,915.00\n",
      inc, &unlabelled));
  assert_false(unlabelled);
  assert_int_equal(inc->months->len, 3);
  assert_month(inc, 0, 2026, 1, 181500);
  assert_month(inc, 1, 2026, 2, 181500);
  assert_month(inc, 2, 2026, 3, 191500);
  assert_true(inc->net);
  assert_true(inc->checked);
  sv_income_doc_free(&inc);
}

/* A table with a gross column only: a month table, but no income months;
   the document is gross-only. */
static void test_paytable_gross_only(void **state)
{
  (void)state;
  struct sv_income_doc *inc = sv_income_doc_new();
  bool unlabelled = true;
  assert_true(read_into("Month                Gross pay\n"
                        "January 2026          5,000.00\n"
                        "February 2026         5,000.00\n",
                        inc, &unlabelled));
  assert_false(unlabelled);
  assert_int_equal(inc->months->len, 0);
  assert_false(inc->net);
  assert_true(inc->gross_only);
  sv_income_doc_free(&inc);
}

/* One amount column no header names: its months, with *unlabelled set;
   net or not the document's words say, not the table. */
static void test_paytable_unlabelled(void **state)
{
  (void)state;
  struct sv_income_doc *inc = sv_income_doc_new();
  bool unlabelled = false;
  assert_true(read_into("Month                   Amount\n"
                        "January 2026          4,393.00\n"
                        "February 2026         4,393.00\n"
                        "March 2026            4,400.50\n",
                        inc, &unlabelled));
  assert_true(unlabelled);
  assert_int_equal(inc->months->len, 3);
  assert_month(inc, 0, 2026, 1, 439300);
  assert_month(inc, 1, 2026, 2, 439300);
  assert_month(inc, 2, 2026, 3, 440050);
  assert_false(inc->net);
  assert_false(inc->gross_only);
  sv_income_doc_free(&inc);
}

/* An unlabelled column that is gross - deductions on every row is the net
   (3,500.00 - 700.00 = 2,800.00; 3,500.00 - 720.00 = 2,780.00); months
   written "2026-04". */
static void test_paytable_arithmetic_names_net(void **state)
{
  (void)state;
  struct sv_income_doc *inc = sv_income_doc_new();
  bool unlabelled = true;
  assert_true(
      read_into("Month                Gross    Deductions     Deposited\n"
                "2026-04           3,500.00        700.00      2,800.00\n"
                "2026-05           3,500.00        720.00      2,780.00\n",
                inc, &unlabelled));
  assert_false(unlabelled);
  assert_int_equal(inc->months->len, 2);
  assert_month(inc, 0, 2026, 4, 280000);
  assert_month(inc, 1, 2026, 5, 278000);
  assert_true(inc->net);
  assert_false(inc->gross_only);
  assert_true(inc->checked);
  sv_income_doc_free(&inc);
}

/* A table that names no month (a statement's movements): no pay table,
   inc left as it was. */
static void test_paytable_not_a_pay_table(void **state)
{
  (void)state;
  struct sv_income_doc *inc = sv_income_doc_new();
  bool unlabelled = true;
  assert_false(read_into(
      "Date        Description                 Amount        Balance\n"
      "03/02       PAYROLL ACME CORP         3,000.00      15,345.67\n"
      "03/05       CHECK 1042                 -150.00      15,195.67\n",
      inc, &unlabelled));
  assert_false(unlabelled);
  assert_int_equal(inc->months->len, 0);
  assert_false(inc->net);
  assert_false(inc->gross_only);
  assert_false(inc->checked);
  assert_false(inc->frequency_printed);
  assert_int_equal(inc->frequency, SV_FREQ_MONTHLY); /* as made: 0 */
  sv_income_doc_free(&inc);
}

/* The frequency is the stated amount's (model.h): a letter that already
   stated a weekly amount keeps it; the table's net months still count. */
static void test_paytable_keeps_stated_frequency(void **state)
{
  (void)state;
  struct sv_income_doc *inc = sv_income_doc_new();
  inc->stated.present = true;
  inc->stated.amount = 100000;
  inc->frequency = SV_FREQ_WEEKLY;
  bool unlabelled = true;
  assert_true(
      read_into("Month                     Gross        Taxes          Net\n"
                "September 2025         5,000.00     1,000.00     4,000.00\n",
                inc, &unlabelled));
  assert_int_equal(inc->frequency, SV_FREQ_WEEKLY);
  assert_false(inc->frequency_printed);
  assert_int_equal(inc->months->len, 1);
  assert_month(inc, 0, 2025, 9, 400000);
  sv_income_doc_free(&inc);
}

/* -------------------------------------------------------------- month */

/* The forms paytable.h lists, at the start of the text, and texts that
   name no month of a year. */
static void test_paytable_month_forms(void **state)
{
  (void)state;
  static const struct {
    const char *text;
    int year, month; /* 0: no month */
  } cases[] = {
      {"September 2025", 2025, 9},
      {"Sept. 2025", 2025, 9},
      {"Sep 2025", 2025, 9},
      {"Mayo de 2026", 2026, 5},
      {"MAYO 2026", 2026, 5},
      {"septiembre de 2025", 2025, 9},
      {"Diciembre 2024", 2024, 12},
      {"09/2025", 2025, 9},
      {"9/2025", 2025, 9},
      {"2025-09", 2025, 9},
      {"2025/12", 2025, 12},
      {"July 2026   $4,400.50", 2026, 7}, /* at its start */
      {"September", 0, 0},
      {"2025", 0, 0},
      {"13/2025", 0, 0},
      {"2025-13", 0, 0},
      {"00/2025", 0, 0},
      {"Net pay", 0, 0},
      {"Total 2025", 0, 0},
      {"Paid in September 2025", 0, 0},
      {"May 25", 0, 0},
      {"", 0, 0},
  };
  for (size_t k = 0; k < G_N_ELEMENTS(cases); k++) {
    int y = -1, m = -1;
    bool got = sv_paytable_month(cases[k].text, &y, &m);
    bool want = cases[k].month != 0;
    if (got != want || (got && (y != cases[k].year || m != cases[k].month)))
      fail_msg("\"%s\": %d %d-%d, expected %d %d-%d", cases[k].text, (int)got,
               y, m, (int)want, cases[k].year, cases[k].month);
  }
  int y = 0, m = 0;
  assert_false(sv_paytable_month(NULL, &y, &m));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_paytable_net_column),
      cmocka_unit_test(test_paytable_spanish_other_order),
      cmocka_unit_test(test_paytable_net_words),
      cmocka_unit_test(test_paytable_row_not_adding_up),
      cmocka_unit_test(test_paytable_transposed),
      cmocka_unit_test(test_paytable_gross_only),
      cmocka_unit_test(test_paytable_unlabelled),
      cmocka_unit_test(test_paytable_arithmetic_names_net),
      cmocka_unit_test(test_paytable_not_a_pay_table),
      cmocka_unit_test(test_paytable_keeps_stated_frequency),
      cmocka_unit_test(test_paytable_month_forms),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
