/*
 * test_income.c - tests of the income reader (stages/readers/income.c,
 * paytable.c, persons.c):
 * English and Spanish letters written as printed, each frequency and its
 * normalisation to a month (hand-computed, half-up), net / gross, month
 * tables, periods, and the real synthetic benefit letter through render.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "readers/income.h"
#include "render.h"
#include "support.h"

#ifndef SV_REALDOCS
#define SV_REALDOCS SV_REALDOCS_DIR
#endif

/* ------------------------------------------------------------ helpers */

/* Returns owned (sv_doc_free): a one-page text-layer document; a 30 pt gap
   where the text has 3+ spaces. */
static struct sv_doc *doc_from_text(const char *text)
{
  const char *pages[] = {text, NULL};
  return sv_test_doc_from_pages("doc.pdf", pages, 30.0);
}

/* Returns owned: the document of text, read; fails when nothing read. */
static struct sv_doc *read_text(const char *text)
{
  struct sv_doc *doc = doc_from_text(text);
  assert_true(sv_income_read(doc, NULL));
  assert_non_null(doc->income);
  return doc;
}

static void assert_date(const GDate *d, int y, int m, int day)
{
  assert_true(g_date_valid(d));
  assert_int_equal(g_date_get_year(d), y);
  assert_int_equal(g_date_get_month(d), m);
  assert_int_equal(g_date_get_day(d), day);
}

/* English employer letter: monthly net salary, person, payer, start. */
static void test_letter_english_monthly_net(void **state)
{
  (void)state;
  struct sv_doc *doc = read_text(
      "NORTHWIND TRADERS INC.\n"
      "To whom it may concern:\n"
      "This is to certify that John Michael Doe has been employed by\n"
      "Northwind Traders Inc. since January 2020 as a Senior Analyst.\n"
      "His net monthly salary after taxes is $4,393.00 USD.\n"
      "Sincerely, Jane Roe, HR Manager\n");
  const struct sv_income_doc *inc = doc->income;
  assert_string_equal(inc->person, "John Michael Doe");
  assert_string_equal(inc->payer, "Northwind Traders Inc.");
  assert_true(inc->net);
  assert_false(inc->gross_only);
  assert_int_equal(inc->frequency, SV_FREQ_MONTHLY);
  assert_true(inc->stated.present);
  assert_int_equal(inc->stated.amount, 439300);
  assert_int_equal(inc->monthly, 439300);
  assert_string_equal(inc->currency, "USD");
  assert_date(&inc->start, 2020, 1, 1);
  sv_doc_free(&doc);
}

/* Spanish quincenal = twice a month (x2), net (libre de impuestos). */
static void test_letter_spanish_quincenal(void **state)
{
  (void)state;
  struct sv_doc *doc = read_text(
      "CONSTANCIA DE INGRESOS\n"
      "A quien corresponda:\n"
      "Por medio de la presente se hace constar que el C. JUAN PÉREZ LÓPEZ\n"
      "presta sus servicios en Grupo Industrial Saltillo desde el mes de "
      "marzo\n"
      "de 2019, percibiendo un salario quincenal neto de $12,345.67 M.N.\n"
      "libre de impuestos.\n");
  const struct sv_income_doc *inc = doc->income;
  assert_string_equal(inc->person, "JUAN PÉREZ LÓPEZ");
  assert_string_equal(inc->payer, "Grupo Industrial Saltillo");
  assert_true(inc->net);
  assert_int_equal(inc->frequency, SV_FREQ_SEMIMONTHLY);
  assert_int_equal(inc->stated.amount, 1234567);
  assert_int_equal(inc->monthly, 2469134); /* x2 */
  assert_string_equal(inc->currency, "MXN");
  assert_date(&inc->start, 2019, 3, 1);
  sv_doc_free(&doc);
}

/* Catorcenal = every 14 days: x26/12, half-up. */
static void test_letter_spanish_catorcenal(void **state)
{
  (void)state;
  struct sv_doc *doc = read_text("CARTA DE EMPLEO\n"
                                 "Nombre del trabajador: ANA RUIZ SOTO\n"
                                 "Percepción catorcenal neta: $10,000.01\n");
  const struct sv_income_doc *inc = doc->income;
  assert_string_equal(inc->person, "ANA RUIZ SOTO");
  assert_int_equal(inc->frequency, SV_FREQ_FORTNIGHTLY);
  assert_int_equal(inc->stated.amount, 1000001);
  /* 1,000,001 x 26 / 12 = 2,166,668.83 -> 2,166,669 */
  assert_int_equal(inc->monthly, 2166669);
  sv_doc_free(&doc);
}

/* Weekly pay: x52/12, half-up; the hourly rate is not the amount. */
static void test_letter_weekly(void **state)
{
  (void)state;
  struct sv_doc *doc = read_text("Employee: Mara North\n"
                                 "Hourly rate: $28.50 per hour\n"
                                 "Weekly take-home pay: $1,083.00\n");
  const struct sv_income_doc *inc = doc->income;
  assert_string_equal(inc->person, "Mara North");
  assert_true(inc->net);
  assert_int_equal(inc->frequency, SV_FREQ_WEEKLY);
  assert_int_equal(inc->stated.amount, 108300);
  /* 108,300 x 52 / 12 = 469,300 exactly */
  assert_int_equal(inc->monthly, 469300);
  sv_doc_free(&doc);
}

/* Annual net pension: /12, half-up. */
static void test_letter_annual(void **state)
{
  (void)state;
  struct sv_doc *doc = read_text(
      "PENSION AWARD LETTER\n"
      "Pensioner: Avery Moss\n"
      "Your annual pension, net of taxes (net), is $52,000.10 per year.\n");
  const struct sv_income_doc *inc = doc->income;
  assert_int_equal(inc->frequency, SV_FREQ_ANNUAL);
  assert_int_equal(inc->stated.amount, 5200010);
  /* 5,200,010 / 12 = 433,334.17 -> 433,334 */
  assert_int_equal(inc->monthly, 433334);
  assert_true(inc->net);
  sv_doc_free(&doc);
}

/* A letter stating only gross income: gross_only, not net. */
static void test_letter_gross_only(void **state)
{
  (void)state;
  struct sv_doc *doc =
      read_text("Employee Name: Marisol Vega\n"
                "Gross monthly salary (before taxes): $5,000.00\n");
  const struct sv_income_doc *inc = doc->income;
  assert_false(inc->net);
  assert_true(inc->gross_only);
  assert_int_equal(inc->stated.amount, 500000);
  assert_int_equal(inc->frequency, SV_FREQ_MONTHLY);
  sv_doc_free(&doc);
}

/* Net beats gross when both are printed. */
static void test_letter_net_preferred(void **state)
{
  (void)state;
  struct sv_doc *doc = read_text("Empleado: LUIS ORTEGA\n"
                                 "Sueldo mensual bruto: $30,000.00\n"
                                 "Sueldo mensual neto: $24,500.00\n");
  assert_int_equal(doc->income->stated.amount, 2450000);
  assert_true(doc->income->net);
  assert_false(doc->income->gross_only);
  sv_doc_free(&doc);
}

/* A table of named months; the period is its span; an explicit range
   wins when printed. */
static void test_letter_named_months(void **state)
{
  (void)state;
  struct sv_doc *doc = read_text("Recipient: Avery Moss\n"
                                 "Net monthly benefit paid:\n"
                                 "May 2026      $4,393.00\n"
                                 "June 2026     $4,393.00\n"
                                 "July 2026     $4,400.50\n");
  const struct sv_income_doc *inc = doc->income;
  assert_int_equal(inc->months->len, 3);
  const struct sv_income_month *m =
      &g_array_index(inc->months, struct sv_income_month, 2);
  assert_int_equal(m->year, 2026);
  assert_int_equal(m->month, 7);
  assert_int_equal(m->figure.amount, 440050);
  assert_int_equal(m->monthly, 440050);
  assert_true(m->figure.present);
  assert_false(inc->stated.present); /* table rows are not "the" amount */
  assert_date(&inc->start, 2026, 5, 1);
  assert_date(&inc->end, 2026, 7, 31);
  sv_doc_free(&doc);

  doc = read_text("Empleado: ANA RUIZ\n"
                  "Periodo del 01/05/2026 al 31/10/2026\n"
                  "Salario mensual neto: $20,000.00\n");
  assert_date(&doc->income->start, 2026, 5, 1);
  assert_date(&doc->income->end, 2026, 10, 31);
  sv_doc_free(&doc);
}

/* A payer's name wrapped onto the next line is read whole, up to its
   legal form ("Ltd."); the amount's "annual" on the line before it (the
   sentence wraps) gives the frequency: 84,000.00 / 12 = 7,000.00. */
static void test_letter_wrapped_payer_and_annual(void **state)
{
  (void)state;
  struct sv_doc *doc =
      read_text("Harbor View Shipping Ltd.\n"
                "To whom it may concern:\n"
                "This letter is to confirm that Owen Patrick Hale has been "
                "employed by Harbor View\n"
                "Shipping Ltd. since May 2018 as a Marine Surveyor in good "
                "standing. He earns an annual\n"
                "gross salary of $84,000.00 (U.S. dollars), before taxes and "
                "benefit deductions.\n"
                "Please contact our Human Resources department should you need "
                "more information.\n");
  const struct sv_income_doc *inc = doc->income;
  assert_string_equal(inc->person, "Owen Patrick Hale");
  assert_string_equal(inc->payer, "Harbor View Shipping Ltd.");
  assert_int_equal(inc->frequency, SV_FREQ_ANNUAL);
  assert_int_equal(inc->stated.amount, 8400000);
  assert_int_equal(inc->monthly, 700000);
  assert_false(inc->net);
  assert_true(inc->gross_only);
  assert_string_equal(inc->currency, "USD");
  sv_doc_free(&doc);
}

/* A Spanish constancia: the issuing company after "Por medio de la
   presente," with its legal form after a comma, and the worker's name
   wrapped onto the next line after "hace constar que el C.". */
static void test_letter_spanish_constancia_parties(void **state)
{
  (void)state;
  struct sv_doc *doc =
      read_text("Textiles del Norte, S.A. de C.V.\n"
                "CONSTANCIA DE INGRESOS\n"
                "Por medio de la presente, Textiles del Norte, S.A. de C.V. "
                "hace constar que el C. RAÚL\n"
                "IBARRA SOLÍS labora en esta empresa desde el 1 de marzo de "
                "2015, ocupando el puesto\n"
                "de Supervisor de Planta, y percibe un sueldo neto quincenal "
                "de $15,000.00 (QUINCE MIL\n"
                "PESOS 00/100 M.N.) libre de impuestos, para los fines legales "
                "que convengan.\n");
  const struct sv_income_doc *inc = doc->income;
  assert_string_equal(inc->person, "RAÚL IBARRA SOLÍS");
  assert_string_equal(inc->payer, "Textiles del Norte, S.A. de C.V.");
  assert_int_equal(inc->frequency, SV_FREQ_SEMIMONTHLY);
  assert_int_equal(inc->stated.amount, 1500000);
  assert_int_equal(inc->monthly, 3000000); /* x2 */
  assert_true(inc->net);
  assert_string_equal(inc->currency, "MXN");
  sv_doc_free(&doc);
}

/* A pension verification: the person after "verification for" (not run
   on into the short "Dear Ms. Hart:" line below), the fund after "benefit
   from" up to the sentence's end, typographic apostrophe made plain; net
   from "after deductions". */
static void test_letter_pension_verification(void **state)
{
  (void)state;
  struct sv_doc *doc =
      read_text("Ohio Teachers\u2019 Pension Fund\n"
                "Re: Benefit verification for Grace Ellen Hart\n"
                "Dear Ms. Hart:\n"
                "This letter verifies that you receive a monthly service "
                "retirement benefit from Ohio\n"
                "Teachers\u2019 Pension Fund. Your monthly benefit after "
                "deductions is $1,910.00 and it\n"
                "is paid for life on the first business day of each month, as "
                "in previous years.\n");
  const struct sv_income_doc *inc = doc->income;
  assert_string_equal(inc->person, "Grace Ellen Hart");
  assert_string_equal(inc->payer, "Ohio Teachers' Pension Fund");
  assert_true(inc->net);
  assert_int_equal(inc->frequency, SV_FREQ_MONTHLY);
  assert_int_equal(inc->stated.amount, 191000);
  assert_int_equal(inc->monthly, 191000);
  sv_doc_free(&doc);
}

/* The currency marked on the stated amount wins over the letter's other
   words: C$ and "CAD" are Canadian dollars, US$ U.S. dollars; "Canadian
   dollars" in the text, with a bare "$", is CAD. */
static void test_letter_currency_marks(void **state)
{
  (void)state;
  static const struct {
    const char *text, *code;
  } cases[] = {
      {"Employee: Ann Roy\nMonthly net salary: C$5,200.00\n"
       "Payments to U.S. dollars accounts are converted.\n",
       "CAD"},
      {"Employee: Ann Roy\nMonthly net salary: $5,200.00 CAD\n", "CAD"},
      {"Employee: Ann Roy\nMonthly net salary: US$5,200.00\n"
       "Our head office is in Canada (Canadian dollars).\n",
       "USD"},
      {"Employee: Ann Roy\nMonthly net salary: $5,200.00\n"
       "All amounts are in Canadian dollars.\n",
       "CAD"},
  };
  for (size_t k = 0; k < G_N_ELEMENTS(cases); k++) {
    struct sv_doc *doc = read_text(cases[k].text);
    assert_int_equal(doc->income->stated.amount, 520000);
    assert_string_equal(doc->income->currency, cases[k].code);
    sv_doc_free(&doc);
  }
}

/* Nothing of a letter: no income. */
static void test_letter_nothing(void **state)
{
  (void)state;
  struct sv_doc *doc = doc_from_text("lorem ipsum dolor\n");
  assert_false(sv_income_read(doc, NULL));
  assert_null(doc->income);
  sv_doc_free(&doc);
}

/* The normalisation table itself. */
static void test_letter_monthly(void **state)
{
  (void)state;
  assert_int_equal(sv_income_monthly(100000, SV_FREQ_MONTHLY), 100000);
  assert_int_equal(sv_income_monthly(100000, SV_FREQ_WEEKLY), 433333);
  assert_int_equal(sv_income_monthly(100000, SV_FREQ_FORTNIGHTLY), 216667);
  assert_int_equal(sv_income_monthly(100000, SV_FREQ_SEMIMONTHLY), 200000);
  assert_int_equal(sv_income_monthly(100006, SV_FREQ_ANNUAL), 8334);
}

/* The synthetic benefit letter (text layer, diagonal watermark) through
   render: MONTHLY AMOUNT printed over $850.00, recipient Avery Moss. */
static void test_letter_realdoc_benefit(void **state)
{
  (void)state;
  struct sv_doc *doc = sv_test_doc_from_pdf(
      SV_REALDOCS "/us-benefit-letter-synthetic/hh-003_d04_benefit_letter.pdf");
  if (doc == NULL)
    skip();
  assert_true(sv_income_read(doc, NULL));
  const struct sv_income_doc *inc = doc->income;
  assert_true(inc->stated.present);
  assert_int_equal(inc->stated.amount, 85000);
  assert_int_equal(inc->frequency, SV_FREQ_MONTHLY);
  assert_int_equal(inc->monthly, 85000);
  assert_string_equal(inc->currency, "USD");
  assert_non_null(inc->person);
  assert_string_equal(inc->person, "Avery Moss");
  assert_false(inc->net);        /* the letter does not say net */
  assert_false(inc->gross_only); /* nor gross */
  sv_doc_free(&doc);
}

/* Since when the person is employed, in the wordings letters use: a
   month and year (its first day), a full date in the document's order, a
   labelled hire date; a letter that says nothing leaves it unknown. */
static void test_letter_employed_since(void **state)
{
  (void)state;
  static const struct {
    const char *text;
    int y, m, d; /* 0: none */
  } cases[] = {
      {"To whom it may concern:\n"
       "We confirm that Lena Ortiz has worked for Harbor Point Dental, LLC\n"
       "since September 2020. Her net monthly pay is $4,100.00.\n",
       2020, 9, 1},
      {"Employment verification for Tom Reyes. He has been employed with\n"
       "us since March 3, 2019 and earns a net salary of $3,000.00 per "
       "month.\n",
       2019, 3, 3},
      {"CONSTANCIA DE PERCEPCIONES\n"
       "Molinos del Sur, S.A. de C.V. hace constar que el C. RAUL PENA "
       "SOTO\n"
       "presta sus servicios en esta empresa desde el 16 de enero de 2017\n"
       "con un sueldo mensual neto de $25,000.00.\n",
       2017, 1, 16},
      {"Employee: Mara North\n"
       "Date of hire: 01/15/2019\n"
       "Net monthly salary: $5,200.00\n",
       2019, 1, 15},
      {"Employee: Mara North\n"
       "Net monthly salary: $5,200.00\n",
       0, 0, 0},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    struct sv_doc *doc = read_text(cases[i].text);
    const GDate *d = &doc->income->employed_since;
    if (cases[i].y == 0)
      assert_false(g_date_valid(d));
    else if (!g_date_valid(d))
      fail_msg("case %zu: no date", i);
    else
      assert_date(d, cases[i].y, cases[i].m, cases[i].d);
    sv_doc_free(&doc);
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_letter_english_monthly_net),
      cmocka_unit_test(test_letter_spanish_quincenal),
      cmocka_unit_test(test_letter_spanish_catorcenal),
      cmocka_unit_test(test_letter_weekly),
      cmocka_unit_test(test_letter_annual),
      cmocka_unit_test(test_letter_gross_only),
      cmocka_unit_test(test_letter_net_preferred),
      cmocka_unit_test(test_letter_named_months),
      cmocka_unit_test(test_letter_wrapped_payer_and_annual),
      cmocka_unit_test(test_letter_spanish_constancia_parties),
      cmocka_unit_test(test_letter_pension_verification),
      cmocka_unit_test(test_letter_currency_marks),
      cmocka_unit_test(test_letter_nothing),
      cmocka_unit_test(test_letter_monthly),
      cmocka_unit_test(test_letter_realdoc_benefit),
      cmocka_unit_test(test_letter_employed_since),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
