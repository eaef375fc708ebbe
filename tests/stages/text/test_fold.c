/*
 * test_fold.c - tests of text folding (stages/text/fold.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <string.h>

#include "text/fold.h"

/* Folding drops case and accents, so labels match however printed. */
static void test_fold_case_and_accents(void **state)
{
  (void)state;
  static const char *const cases[][2] = {
      {"Número DE Cuenta", "numero de cuenta"},
      {"SALDO PROMEDIO MÍNIMO", "saldo promedio minimo"},
      {"Depósitos / Abonos (+)", "depositos / abonos (+)"},
      {"PEÑA Ñandú", "pena nandu"},
      {"DÓLARES", "dolares"},
      {"Ending Balance", "ending balance"},
      {"e\xcc\x81", "e"}, /* already decomposed */
      {"", ""},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    char *f = sv_fold(cases[i][0]);
    assert_string_equal(f, cases[i][1]);
    g_free(f);
  }
  char *f = sv_fold(NULL);
  assert_string_equal(f, "");
  g_free(f);
  f = sv_fold("ab\xff" "cd"); /* invalid UTF-8 is repaired */
  assert_true(g_utf8_validate(f, -1, NULL));
  assert_non_null(strstr(f, "ab"));
  g_free(f);
}

/* Keys keep letters and digits only. */
static void test_fold_key(void **state)
{
  (void)state;
  static const char *const cases[][2] = {
      {"No.", "no"}, {"(+)", ""}, {"$1,234.56", "123456"},
      {"Depósitos", "depositos"}, {"CLABE:", "clabe"},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    char *k = sv_fold_key(cases[i][0]);
    assert_string_equal(k, cases[i][1]);
    g_free(k);
  }
}

/* A token stream matches whole-token phrases whatever the punctuation. */
static void test_fold_tokens_and_phrases(void **state)
{
  (void)state;
  char *f = sv_fold("No. de Cuenta: 1234 -- Saldo Promedio (diario)");
  char *t = sv_fold_tokens(f);
  assert_string_equal(t, " no de cuenta 1234 saldo promedio diario ");
  assert_true(sv_fold_has_phrase(t, "de cuenta"));
  assert_true(sv_fold_has_phrase(t, "saldo promedio diario"));
  assert_false(sv_fold_has_phrase(t, "cuent"));     /* not a whole token */
  assert_false(sv_fold_has_phrase(t, "promedio d")); /* nor here */
  assert_false(sv_fold_has_phrase(t, ""));
  g_free(t);
  g_free(f);
  t = sv_fold_tokens("");
  assert_string_equal(t, " ");
  g_free(t);
}

/* Edit distances worked out by hand. */
static void test_fold_edits(void **state)
{
  (void)state;
  assert_int_equal(sv_fold_edits("", 0, "", 0), 0);
  assert_int_equal(sv_fold_edits("abc", 3, "", 0), 3);
  assert_int_equal(sv_fold_edits("valid from", 10, "vahd from", 9), 2);
  assert_int_equal(sv_fold_edits("kitten", 6, "sitting", 7), 3);
  assert_int_equal(sv_fold_edits("admission 1 94", 14, "admission i 94", 14),
                   1);
  /* only the first na / nb bytes count */
  assert_int_equal(sv_fold_edits("class of admission", 5, "class", 5), 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_fold_case_and_accents),
      cmocka_unit_test(test_fold_key),
      cmocka_unit_test(test_fold_tokens_and_phrases),
      cmocka_unit_test(test_fold_edits),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
