/*
 * test_status.c - every status code has a text and a name (curl test 1477
 * style), and the money and date helpers parse and print exactly.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "money.h"
#include "status.h"
#include "xmlsafe.h"

/* Each code maps to its own non-empty text and name. */
static void test_status_every_code_has_text(void **state)
{
  (void)state;
  for (int s = 0; s < SV_STATUS_COUNT; s++) {
    const char *t = sv_status_str((sv_status)s);
    assert_non_null(t);
    assert_true(strlen(t) > 0);
    assert_string_not_equal(t, "unknown status");
    assert_string_not_equal(sv_status_name((sv_status)s), "UNKNOWN");
  }
  assert_string_equal(sv_status_str(SV_STATUS_COUNT), "unknown status");
  assert_string_equal(sv_status_name(SV_OK), "OK");
}

/* Plain decimals parse to exact scaled integers; junk is refused. */
static void test_money_decimal_parse(void **state)
{
  (void)state;
  int64_t v = 0;
  assert_int_equal(sv_decimal_parse("315.04", 2, &v), SV_OK);
  assert_true(v == 31504);
  assert_int_equal(sv_decimal_parse("18.4210", 4, &v), SV_OK);
  assert_true(v == 184210);
  assert_int_equal(sv_decimal_parse("18.4", 4, &v), SV_OK);
  assert_true(v == 184000);
  assert_int_equal(sv_decimal_parse("-0.5", 2, &v), SV_OK);
  assert_true(v == -50);
  assert_int_equal(sv_decimal_parse("7", 2, &v), SV_OK);
  assert_true(v == 700);
  assert_int_equal(sv_decimal_parse("1.234", 2, &v), SV_INVALID);
  assert_int_equal(sv_decimal_parse("1,234.00", 2, &v), SV_INVALID);
  assert_int_equal(sv_decimal_parse("", 2, &v), SV_INVALID);
  assert_int_equal(sv_decimal_parse("12.", 2, &v), SV_INVALID);
  assert_int_equal(sv_decimal_parse(".5", 2, &v), SV_INVALID);
  assert_int_equal(sv_decimal_parse("1e5", 2, &v), SV_INVALID);
  assert_int_equal(sv_decimal_parse("1234567890123456", 2, &v), SV_INVALID);
  /* a value past int64 once scaled is refused, never an overflow (UBSan
     watches): at scale 4, 922,337,203,685,477 fits and
     999,999,999,999,999 does not */
  assert_int_equal(sv_decimal_parse("922337203685477", 4, &v), SV_OK);
  assert_true(v == INT64_C(9223372036854770000));
  assert_int_equal(sv_decimal_parse("999999999999999", 4, &v), SV_INVALID);
  assert_int_equal(sv_decimal_parse("1234567890123", 9, &v), SV_INVALID);
  assert_int_equal(sv_decimal_parse("9999999999.999999999", 9, &v),
                   SV_INVALID);
  assert_int_equal(sv_decimal_parse("9223372036.854775807", 9, &v), SV_OK);
  assert_true(v == INT64_MAX);
}

/* Cents print with two places and a sign, never through a double. */
static void test_money_cents_format(void **state)
{
  (void)state;
  char b[32];
  sv_cents_format(630080000, b, sizeof b);
  assert_string_equal(b, "6300800.00");
  sv_cents_format(-5, b, sizeof b);
  assert_string_equal(b, "-0.05");
  sv_cents_format(0, b, sizeof b);
  assert_string_equal(b, "0.00");
  sv_cents_format(INT64_MIN, b, sizeof b);
  assert_string_equal(b, "-92233720368547758.08");
}

/* amount × rate rounds half away from zero to the centavo (hand: 12,000.00
   USD × 18.4210 = 221,052.00; 0.01 × 18.4210 = 0.184210 -> 0.18;
   0.05 × 18.4210 = 0.921050 -> 0.92; 1.00 × 0.1250 at scale 4 = 0.125 ->
   0.13). */
static void test_money_mul_rate_rounds(void **state)
{
  (void)state;
  sv_cents out = 0;
  assert_true(sv_cents_mul_rate(1200000, 184210, 4, &out));
  assert_true(out == 22105200);
  assert_true(sv_cents_mul_rate(1, 184210, 4, &out));
  assert_true(out == 18);
  assert_true(sv_cents_mul_rate(5, 184210, 4, &out));
  assert_true(out == 92);
  assert_true(sv_cents_mul_rate(100, 1250, 4, &out));
  assert_true(out == 13);
  assert_true(sv_cents_mul_rate(-100, 1250, 4, &out));
  assert_true(out == -13);
  assert_false(sv_cents_mul_rate(INT64_MAX, 184210, 4, &out));
}

/* Dates are strict YYYY-MM-DD with real calendar days. */
static void test_xmlsafe_parse_date(void **state)
{
  (void)state;
  GDate d;
  char b[16];
  assert_true(sv_xml_parse_date("2026-11-15", &d));
  sv_xml_format_date(&d, b, sizeof b);
  assert_string_equal(b, "2026-11-15");
  assert_true(sv_xml_parse_date("2024-02-29", &d));
  assert_false(sv_xml_parse_date("2026-02-29", &d));
  assert_false(sv_xml_parse_date("2026-13-01", &d));
  assert_false(sv_xml_parse_date("2026-1-5", &d));
  assert_false(sv_xml_parse_date("15/11/2026", &d));
  assert_false(sv_xml_parse_date("2026-11-15x", &d));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_status_every_code_has_text),
      cmocka_unit_test(test_money_decimal_parse),
      cmocka_unit_test(test_money_cents_format),
      cmocka_unit_test(test_money_mul_rate_rounds),
      cmocka_unit_test(test_xmlsafe_parse_date),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
