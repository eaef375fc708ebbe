/*
 * test_currency.c - tests of a statement's currency
 * (stages/readers/currency.c) on layouts of pages drawn from text
 * (tests/support.h): a code or name printed ("Moneda: MXN", "All amounts
 * in CAD", "1,000.00 M.N.", "U.S. Dollars", "US$"), the country the
 * statement shows (a US state and ZIP, a Mexican C.P.) when the amounts
 * print a bare "$", and the guesses (a symbol alone, or only the
 * language); and sv_currency_named on folded text, where "dollars" or
 * "pesos" alone name no currency.  Each expected code is read off the
 * page text of its case.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "readers/currency.h"
#include "support.h"
#include "text/layout.h"

/* ------------------------------------------------------------ helpers */

/* Reads the currency of a document of the given pages (NULL-terminated)
   with language lang; checks the code and the source. */
static void check_pages(const char *const *pages, const char *lang,
                        const char *want, enum sv_currency_source want_src)
{
  struct sv_doc *doc = sv_test_doc_from_pages("c.pdf", pages, 0.0);
  struct sv_layout *l = sv_layout_new(doc);
  char code[4] = "XXX";
  enum sv_currency_source src = SV_CURRENCY_PRINTED;
  sv_currency_read(l, lang, code, &src);
  if (strcmp(code, want) != 0 || src != want_src)
    fail_msg("lang \"%s\": got \"%s\" (%s), expected \"%s\" (%s) from:\n%s",
             lang, code, sv_currency_source_str(src), want,
             sv_currency_source_str(want_src), pages[0]);
  sv_layout_free(&l);
  sv_doc_free(&doc);
}

static void check(const char *text, const char *lang, const char *want,
                  enum sv_currency_source want_src)
{
  const char *pages[] = {text, NULL};
  check_pages(pages, lang, want, want_src);
}

/* A statement's summary whose amounts print a bare "$" and nothing else
   that names a currency or a country. */
#define BARE_DOLLAR_SUMMARY                                                    \
  "Account Summary\n"                                                          \
  "Beginning Balance                    $1,200.00\n"                           \
  "Deposits and Additions                 $300.00\n"                           \
  "Ending Balance                       $1,500.00\n"

/* ------------------------------------------------------------ printed */

/* A labelled currency, the code after the colon in the label's own cell:
   printed, whatever the language would guess from the "$" amounts. */
static void test_currency_labelled(void **state)
{
  (void)state;
  check("BANCO DEL VALLE\n"
        "Moneda: MXN\n" BARE_DOLLAR_SUMMARY,
        "en", "MXN", SV_CURRENCY_PRINTED);
  check("OAKWOOD SAVINGS\n"
        "Currency: USD\n" BARE_DOLLAR_SUMMARY,
        "es", "USD", SV_CURRENCY_PRINTED);
  check("BANCO DEL VALLE\n"
        "Moneda: MXN (Pesos mexicanos)\n" BARE_DOLLAR_SUMMARY,
        "en", "MXN", SV_CURRENCY_PRINTED);
  check("BANCO DEL VALLE\n"
        "Moneda: PESOS MEXICANOS\n" BARE_DOLLAR_SUMMARY,
        "en", "MXN", SV_CURRENCY_PRINTED);
}

/* The value right of the label (a column gap between them) or printed
   under it when nothing is right of it. */
static void test_currency_labelled_right_or_below(void **state)
{
  (void)state;
  check("OAKWOOD SAVINGS\n"
        "Currency              CAD\n" BARE_DOLLAR_SUMMARY,
        "en", "CAD", SV_CURRENCY_PRINTED);
  check("OAKWOOD SAVINGS\n"
        "Currency\n"
        "EUR\n" BARE_DOLLAR_SUMMARY,
        "en", "EUR", SV_CURRENCY_PRINTED);
}

/* A labelled currency counts more than names mentioned in passing: the
   page names "U.S. Dollars" twice and CAD once, but CAD is the
   "Currency:" value. */
static void test_currency_label_beats_mention(void **state)
{
  (void)state;
  check("Transfers in U.S. Dollars are converted at the daily rate.\n"
        "Wires in U.S. Dollars are free of charge.\n"
        "Currency: CAD\n" BARE_DOLLAR_SUMMARY,
        "en", "CAD", SV_CURRENCY_PRINTED);
}

/* "All amounts in CAD", "1,000.00 M.N.", "U.S. Dollars", "US$": codes and
   names printed decide before the language does. */
static void test_currency_printed_forms(void **state)
{
  (void)state;
  check("NORTHERN TRUST COMPANY\n"
        "All amounts in CAD\n" BARE_DOLLAR_SUMMARY,
        "en", "CAD", SV_CURRENCY_PRINTED);
  check("Saldo anterior                1,000.00 M.N.\n"
        "Saldo final                   1,250.00 M.N.\n",
        "en", "MXN", SV_CURRENCY_PRINTED);
  check("Saldo anterior                1,000.00 M.N\n"
        "Saldo final                   1,250.00 M.N\n",
        "en", "MXN", SV_CURRENCY_PRINTED);
  /* one name counted once: "dólares canadienses" is no US dollar */
  check("BANCO DEL VALLE\n"
        "Saldo anterior                $1,000.00\n"
        "Importes en dólares canadienses\n",
        "es", "CAD", SV_CURRENCY_PRINTED);
  check("BANCO DEL VALLE\n"
        "Cuenta en U.S. Dollars\n"
        "Saldo anterior                $1,000.00\n"
        "Saldo final                   $1,250.00\n",
        "es", "USD", SV_CURRENCY_PRINTED);
  check("BANCO DEL VALLE\n"
        "Saldo anterior                US$ 1,000.00\n"
        "Saldo final                   US$ 1,250.00\n",
        "es", "USD", SV_CURRENCY_PRINTED);
  check("BANCO DEL VALLE\n"
        "Saldo anterior                $1,000.00\n"
        "Importes en dólares americanos\n",
        "es", "USD", SV_CURRENCY_PRINTED);
}

/* ------------------------------------------------------------ country */

/* A "$" statement with a US state and ZIP code in its address: the
   country's dollars, even when the language alone would guess pesos. */
static void test_currency_country_us_address(void **state)
{
  (void)state;
  static const char text[] = "OAKWOOD SAVINGS\n"
                             "JANE Q PUBLIC\n"
                             "123 Main Street, Springfield, IL 62701\n"
                             "Account Statement\n" BARE_DOLLAR_SUMMARY;
  check(text, "en", "USD", SV_CURRENCY_COUNTRY);
  check(text, "es", "USD", SV_CURRENCY_COUNTRY);
  /* amounts with no mark at all: the country still names the currency */
  check("123 Main Street, Springfield, IL 62701\n"
        "Balance                         1,000.00\n",
        "es", "USD", SV_CURRENCY_COUNTRY);
}

/* A "$" statement with a Mexican postal code: pesos, from the country,
   in whatever language the rest reads. */
static void test_currency_country_mexico(void **state)
{
  (void)state;
  check("BANCO DEL VALLE\n"
        "MARIA JOSE PEREZ GOMEZ\n"
        "Av. Constitucion 100, Col. Centro, C.P. 64000\n" BARE_DOLLAR_SUMMARY,
        "en", "MXN", SV_CURRENCY_COUNTRY);
}

/* A symbol of one currency that is not the country's: the country does
   not decide ("£" amounts with a US address); the symbol is a guess. */
static void test_currency_other_symbol_over_country(void **state)
{
  (void)state;
  check("JANE Q PUBLIC\n"
        "123 Main Street, Springfield, IL 62701\n"
        "Opening balance                 \xc2\xa3"
        "1,200.00\n"
        "Closing balance                 \xc2\xa3"
        "1,500.00\n",
        "en", "GBP", SV_CURRENCY_INFERRED);
}

/* ------------------------------------------------------------ guesses */

/* A bare "$" with nothing else: the language guesses, and says so; a
   "€" or "£" alone is a guess of euros or pounds. */
static void test_currency_inferred(void **state)
{
  (void)state;
  check("OAKWOOD SAVINGS\n" BARE_DOLLAR_SUMMARY, "en", "USD",
        SV_CURRENCY_INFERRED);
  check("BANCO DEL VALLE\n"
        "Saldo anterior                $1,000.00\n"
        "Saldo final                   $1,250.00\n",
        "es", "MXN", SV_CURRENCY_INFERRED);
  check("Opening balance                 \xe2\x82\xac"
        "1,200.00\n"
        "Closing balance                 \xe2\x82\xac"
        "1,500.00\n",
        "en", "EUR", SV_CURRENCY_INFERRED);
  check("Closing balance                 \xc2\xa3"
        "1,500.00\n",
        "en", "GBP", SV_CURRENCY_INFERRED);
}

/* "dollars" alone names no currency: a "$" statement saying only
   "Amounts in dollars" is still a guess from the language. */
static void test_currency_dollars_alone(void **state)
{
  (void)state;
  check("OAKWOOD SAVINGS\n"
        "Amounts in dollars\n" BARE_DOLLAR_SUMMARY,
        "en", "USD", SV_CURRENCY_INFERRED);
}

/* No evidence at all and no language: no code; only the language: its
   guess. */
static void test_currency_nothing(void **state)
{
  (void)state;
  check("Lorem ipsum dolor sit amet\n", "", "", SV_CURRENCY_NONE);
  check("Lorem ipsum dolor sit amet\n", "en", "USD", SV_CURRENCY_INFERRED);
}

/* All the pages count: a bundle whose second page prints the currency. */
static void test_currency_all_pages(void **state)
{
  (void)state;
  const char *pages[] = {"OAKWOOD SAVINGS\n" BARE_DOLLAR_SUMMARY,
                         "Page 2 of 2\n"
                         "Currency: CAD\n",
                         NULL};
  check_pages(pages, "en", "CAD", SV_CURRENCY_PRINTED);
}

/* ------------------------------------------------------- named (folded) */

/* Names and codes in folded text: composite names, abbreviations as the
   folding tokenises them ("m.n." -> "m n"), the first one found; "dollars"
   and "pesos" alone name nothing. */
static void test_currency_named(void **state)
{
  (void)state;
  static const struct {
    const char *folded;
    const char *code; /* NULL: none */
  } cases[] = {
      {"dolares americanos", "USD"},
      {"u.s. dollars", "USD"},
      {"us dollars", "USD"},
      {"all amounts in cad", "CAD"},
      {"canadian dollars", "CAD"},
      {"pesos mexicanos", "MXN"},
      {"moneda nacional", "MXN"},
      {"1,000.00 m.n.", "MXN"},
      {"m n", "MXN"},
      {"pounds sterling", "GBP"},
      {"euros", "EUR"},
      {"new zealand dollars", "NZD"},
      {"dolar canadiense", "CAD"},
      {"dolares australianos", "AUD"},
      {"libras esterlinas", "GBP"},
      {"amounts in eur, not usd", "EUR"}, /* the first one found */
      {"dollars", NULL},
      {"pesos", NULL},
      {"amounts in dollars", NULL},
      {"statement balance", NULL},
      {"", NULL},
  };
  for (size_t k = 0; k < G_N_ELEMENTS(cases); k++) {
    const char *got = sv_currency_named(cases[k].folded);
    bool ok = cases[k].code == NULL
                  ? got == NULL
                  : got != NULL && strcmp(got, cases[k].code) == 0;
    if (!ok)
      fail_msg("\"%s\": %s, expected %s", cases[k].folded,
               got != NULL ? got : "NULL",
               cases[k].code != NULL ? cases[k].code : "NULL");
  }
  assert_null(sv_currency_named(NULL));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_currency_labelled),
      cmocka_unit_test(test_currency_labelled_right_or_below),
      cmocka_unit_test(test_currency_label_beats_mention),
      cmocka_unit_test(test_currency_printed_forms),
      cmocka_unit_test(test_currency_country_us_address),
      cmocka_unit_test(test_currency_country_mexico),
      cmocka_unit_test(test_currency_other_symbol_over_country),
      cmocka_unit_test(test_currency_inferred),
      cmocka_unit_test(test_currency_dollars_alone),
      cmocka_unit_test(test_currency_nothing),
      cmocka_unit_test(test_currency_all_pages),
      cmocka_unit_test(test_currency_named),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
