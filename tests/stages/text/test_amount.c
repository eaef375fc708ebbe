/*
 * test_amount.c - tests of printed amounts (stages/text/amount.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <string.h>

#include "text/amount.h"

struct amount_case {
  const char *text;
  sv_cents cents;
};

/* Every printed amount form of the statements parses to the right cents. */
static void test_amount_formats(void **state)
{
  (void)state;
  static const struct amount_case cases[] = {
      {"$12,345.67", 1234567},    {"12,345.67", 1234567},
      {"$ 1,234.56", 123456},     {"1.234,56", 123456},
      {"US$1,000.00", 100000},    {"MXN 1,000.00", 100000},
      {"-1,234.56", -123456},     {"(1,234.56)", -123456},
      {"1,234.56-", -123456},     {"1,234.56 CR", 123456},
      {"1,234.56 DR", -123456},   {"1,234.56CR", 123456},
      {"- 3,169.04", -316904},    {"-$150.00", -15000},
      {"$-150.00", -15000},       {"0.00", 0},
      {"3,376,161.67", 337616167}, {"1.234.567,89", 123456789},
      {"1234.56", 123456},        {"1234,56", 123456},
      {"$500", 50000},            {"1,000", 100000},
      {"€ 1.234,56", 123456},     {"1,000.00 MXN", 100000},
      {"  $76,581.87  ", 7658187}, {"($ 12.00)", -1200},
      /* the issue-4 layouts' forms */
      {"12.345,67 \xe2\x82\xac", 1234567}, {"EUR 1.234,56", 123456},
      {"CAD 1,234.56", 123456},   {"$1,234.56 CAD", 123456},
      {"1,234.56 M.N.", 123456},  {"$ 84,250.10", 8425010},
      {"$1,234.56 M.N.", 123456}, {"$1,234.56 MXN", 123456},
      {"(85.20)", -8520},         {"29,536.44-", -2953644},
      {"-1.000,00", -100000},     {"1.234,56 EUR", 123456},
      /* OCR'd text layers: the decimal mark printed like the group one */
      {"\xc2\xa3" "44.079.83", 4407983}, {"40,000,00", 4000000},
      /* an OCR speck after the cents */
      {"6,022.06.", 602206},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    sv_cents v = -424242;
    if (!sv_amount_parse(cases[i].text, &v))
      fail_msg("rejected \"%s\"", cases[i].text);
    if (v != cases[i].cents)
      fail_msg("\"%s\" gave %lld", cases[i].text, (long long)v);
  }
}

/* Ambiguous or garbled text is rejected and leaves *out alone. */
static void test_amount_rejects(void **state)
{
  (void)state;
  static const char *const bad[] = {
      "",           "$",           "16",          "31",
      "0.000",      "12,5",        "1,234.5",     "1,2345.00",
      "12,34,567.00", "45,245.67 90,000.00",      "-1,234.56-",
      "-(1.00)",    "(1.00",       "1.00)",       "abc",
      "1.234.5",    "03/01/2026",  "1,234.56 CRX", "-1.00 CR",
      "1234567890123456.00",       "$1,234.56 $2.00", "0,123",
      "$1.00 US$",  "USD 1.00 MXN",
  };
  for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
    sv_cents v = 4242;
    if (sv_amount_parse(bad[i], &v))
      fail_msg("accepted \"%s\" as %lld", bad[i], (long long)v);
    assert_int_equal(v, 4242);
  }
  sv_cents v = 0;
  assert_false(sv_amount_parse(NULL, &v));
}

/* What was printed with the amount: the code a mark stands for, a bare
   dollar sign (which dollar, or peso, the document must tell), a sign. */
static void test_amount_info(void **state)
{
  (void)state;
  static const struct {
    const char *text;
    const char *code;
    bool marked, dollar, signed_;
  } cases[] = {
      {"$1,234.56", "", true, true, false},
      {"US$1,000.00", "USD", true, false, false},
      {"NZ$ 12.00", "NZD", true, false, false},
      {"$1,234.56 CAD", "CAD", true, false, false},
      {"12.345,67 \xe2\x82\xac", "EUR", true, false, false},
      {"\xc2\xa3" "40.00", "GBP", true, false, false},
      {"1,234.56 M.N.", "MXN", true, false, false},
      {"1,000.00 MN", "MXN", true, false, false},
      {"1,234.56", "", false, false, false},
      {"(85.20)", "", false, false, true},
      {"29,536.44-", "", false, false, true},
      {"1,234.56 CR", "", false, false, false},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    sv_cents v = 0;
    struct sv_amount_info info;
    if (!sv_amount_parse_info(cases[i].text, &v, &info))
      fail_msg("rejected \"%s\"", cases[i].text);
    if (strcmp(info.code, cases[i].code) != 0 ||
        info.marked != cases[i].marked || info.dollar != cases[i].dollar ||
        info.signed_ != cases[i].signed_)
      fail_msg("\"%s\": code \"%s\" marked %d dollar %d signed %d",
               cases[i].text, info.code, info.marked, info.dollar,
               info.signed_);
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_amount_formats),
      cmocka_unit_test(test_amount_rejects),
      cmocka_unit_test(test_amount_info),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
