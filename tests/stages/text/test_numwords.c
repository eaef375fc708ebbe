/*
 * test_numwords.c - tests of Spanish and English amounts in words
 * (stages/numwords.c).  Every expectation is computed by hand from the
 * words; each test also fails when the parser returns nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "text/numwords.h"

/* Asserts text parses (Spanish) to want cents. */
static void es_is(const char *text, sv_cents want)
{
  sv_cents got = -1;
  assert_true(sv_numwords_parse_es(text, &got));
  assert_int_equal(got, want);
}

static void es_rejects(const char *text)
{
  sv_cents got = 12345;
  assert_false(sv_numwords_parse_es(text, &got));
  assert_int_equal(got, 12345); /* untouched on failure */
}

/* Units 1..9 and the three forms of one. */
static void test_numwords_units(void **state)
{
  (void)state;
  es_is("UN PESO", 100);
  es_is("UNO", 100);
  es_is("UNA", 100);
  es_is("DOS PESOS", 200);
  es_is("NUEVE PESOS 00/100 M.N.", 900);
}

/* Tens, teens, the "y" forms and the DIECI-/VEINTI- compounds. */
static void test_numwords_tens(void **state)
{
  (void)state;
  es_is("DIEZ PESOS", 1000);
  es_is("QUINCE PESOS", 1500);
  es_is("DIECISÉIS PESOS", 1600);
  es_is("VEINTIÚN PESOS", 2100);
  es_is("veintiun pesos", 2100);
  es_is("VEINTIDÓS", 2200);
  es_is("TREINTA Y UNO", 3100);
  es_is("NOVENTA Y NUEVE PESOS", 9900);
  es_is("diez y seis", 1600); /* old spelling */
}

/* CIEN alone, CIENTO + rest, and the other hundreds. */
static void test_numwords_hundreds(void **state)
{
  (void)state;
  es_is("CIEN PESOS", 10000);
  es_is("CIENTO UNO", 10100);
  es_is("CIENTO CINCUENTA", 15000);
  es_is("QUINIENTOS", 50000);
  es_is("NOVECIENTOS NOVENTA Y NUEVE", 99900);
  es_is("setecientas", 70000);
}

/* MIL alone and with a group before and after it. */
static void test_numwords_thousands(void **state)
{
  (void)state;
  es_is("MIL PESOS", 100000);
  es_is("CIENTO CINCUENTA MIL PESOS", 15000000);
  es_is("MIL DOSCIENTOS CINCUENTA PESOS 50/100 M.N.", 125050);
  es_is("CIEN MIL", 10000000);
  es_is("NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE",
        99999900);
  /* the deed's folio: 135,627 */
  es_is("ciento treinta y cinco mil seiscientos veintisiete", 13562700);
}

/* MILLÓN/MILLONES, DE after whole millions, up to hundreds of millions
   and MIL MILLONES. */
static void test_numwords_millions(void **state)
{
  (void)state;
  es_is("UN MILLÓN DE PESOS 00/100 MONEDA NACIONAL", 100000000);
  es_is("un millon de pesos", 100000000);
  es_is("CATORCE MILLONES QUINIENTOS MIL PESOS 00/100 M.N.",
        1450000000);
  es_is("DOS MILLONES NOVECIENTOS CINCUENTA MIL PESOS 00/100 M.N.",
        295000000);
  es_is("Dos millones novecientos cincuenta mil pesos 00/100 M.N.",
        295000000);
  es_is("NOVECIENTOS NOVENTA Y NUEVE MILLONES NOVECIENTOS NOVENTA Y NUEVE "
        "MIL NOVECIENTOS NOVENTA Y NUEVE PESOS 99/100 M.N.",
        99999999999);
  es_is("MIL MILLONES DE PESOS", 100000000000);
  es_is("UN MILLÓN QUINIENTOS MIL UNO PESOS", 150000100);
}

/* Cents NN/100, with or without CON, and the currency tails. */
static void test_numwords_cents(void **state)
{
  (void)state;
  es_is("MIL PESOS 00/100", 100000);
  es_is("MIL PESOS 50/100 M.N.", 100050);
  es_is("MIL PESOS CON 05/100 MONEDA NACIONAL", 100005);
  es_is("(CIEN DÓLARES 25/100 USD)", 10025);
}

/* Malformed numbers are rejected, not guessed. */
static void test_numwords_rejects(void **state)
{
  (void)state;
  es_rejects("MIL MIL PESOS");
  es_rejects("CIENTO CIEN");
  es_rejects("CIENTO");
  es_rejects("DOS MILLON DE PESOS");
  es_rejects("UN MILLONES");
  es_rejects("DOS MILLONES QUINIENTOS MIL DE PESOS");
  es_rejects("CINCO MANZANAS");
  es_rejects("TREINTA Y");
  es_rejects("PESOS 00/100");
  es_rejects("");
  es_rejects(NULL);
}

/* The words in parentheses after the digits are found and located. */
static void test_numwords_find_es(void **state)
{
  (void)state;
  const char *text = "El precio total es $2,950,000.00 (en lo sucesivo) "
                     "(Dos millones novecientos cincuenta mil pesos 00/100 "
                     "M.N.). Se cubrirá";
  sv_cents got = 0;
  size_t s = 0, e = 0;
  assert_true(sv_numwords_find_es(text, &got, &s, &e));
  assert_int_equal(got, 295000000);
  assert_int_equal(text[s], '(');
  assert_int_equal(text[e - 1], ')');
  assert_int_equal(s, 50); /* 19 + 13 + 1 + 16 + 1 */
  assert_false(sv_numwords_find_es("sin palabras (00/100)", &got, NULL, NULL));
}

/* Malformed words are still recognised as an attempt at words. */
static void test_numwords_looks_like_words(void **state)
{
  (void)state;
  assert_true(sv_numwords_looks_like_words("DOS MILLONES MIL MIL PESOS"));
  assert_true(sv_numwords_looks_like_words("cinco 00/100"));
  assert_false(sv_numwords_looks_like_words("en lo sucesivo EL COMPRADOR"));
}

/* English amounts as printed on cheques and pay stubs. */
static void test_numwords_english(void **state)
{
  (void)state;
  sv_cents got = 0;
  assert_true(sv_numwords_parse_en(
      "FIVE HUNDRED THIRTY TWO AND 76/100 DOLLARS", &got));
  assert_int_equal(got, 53276);
  assert_true(sv_numwords_parse_en("one thousand two hundred fifty-five "
                                   "dollars", &got));
  assert_int_equal(got, 125500);
  assert_true(sv_numwords_parse_en("TWO MILLION DOLLARS", &got));
  assert_int_equal(got, 200000000);
  assert_true(sv_numwords_parse_en("a hundred dollars and ten cents", &got));
  assert_int_equal(got, 10010);
  got = 7;
  assert_false(sv_numwords_parse_en("FIVE FIVE DOLLARS", &got));
  assert_false(sv_numwords_parse_en("THOUSAND THOUSAND", &got));
  assert_int_equal(got, 7);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_numwords_units),
    cmocka_unit_test(test_numwords_tens),
    cmocka_unit_test(test_numwords_hundreds),
    cmocka_unit_test(test_numwords_thousands),
    cmocka_unit_test(test_numwords_millions),
    cmocka_unit_test(test_numwords_cents),
    cmocka_unit_test(test_numwords_rejects),
    cmocka_unit_test(test_numwords_find_es),
    cmocka_unit_test(test_numwords_looks_like_words),
    cmocka_unit_test(test_numwords_english),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
