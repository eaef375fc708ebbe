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

/* The fold as GLib gives it for a whole string at once (how sv_fold
   worked before it went character by character with an ASCII shortcut):
   the oracle the fast paths must agree with. */
static char *fold_whole(const char *text)
{
  char *valid = g_utf8_make_valid(text, -1);
  char *cased = g_utf8_casefold(valid, -1);
  char *nfd = g_utf8_normalize(cased, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new(NULL);
  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char(p)) {
    gunichar ch = g_utf8_get_char(p);
    GUnicodeType t = g_unichar_type(ch);
    if (t != G_UNICODE_NON_SPACING_MARK && t != G_UNICODE_ENCLOSING_MARK &&
        t != G_UNICODE_SPACING_MARK)
      g_string_append_unichar(out, ch);
  }
  g_free(nfd);
  g_free(cased);
  g_free(valid);
  return g_string_free(out, FALSE);
}

/* Every ASCII character, and text mixing ASCII with characters whose fold
   expands, decomposes or is itself a mark, folds as the whole-string
   oracle folds it. */
static void test_fold_agrees_with_glib(void **state)
{
  (void)state;
  char ascii[128];
  for (int c = 1; c < 128; c++)
    ascii[c - 1] = (char)c;
  ascii[127] = '\0';
  static const char *const texts[] = {
      "Straße STRASSE", "\xc4\xb0stanbul", /* İ folds to i + a dot mark */
      "\xef\xac\x81nal",                    /* the ligature fi */
      "\xce\xa3\xce\x8a\xce\xa3\xce\xa5\xce\xa6\xce\x9f\xce\xa3", /* ΣΊΣΥΦΟΣ */
      "a\xcc\x81\xcc\xa3" "b",              /* a + two marks out of order */
      "\xea\xb0\x80 Hangul",                 /* a syllable NFD splits */
      "SALDO: $1,234.56 MXN \xe2\x82\xac \xc2\xa3", "x\xff\xfey \xc3",
      "\xe2\x85\xa0 \xe2\x91\xa0 \xef\xbc\xa1", /* Ⅰ ① Ａ */
  };
  const char *all[G_N_ELEMENTS(texts) + 1];
  all[0] = ascii;
  for (size_t i = 0; i < G_N_ELEMENTS(texts); i++)
    all[i + 1] = texts[i];
  for (size_t i = 0; i < G_N_ELEMENTS(all); i++) {
    char *want = fold_whole(all[i]);
    char *got = sv_fold(all[i]);
    assert_string_equal(got, want);
    g_free(got);
    g_free(want);
  }
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
      cmocka_unit_test(test_fold_agrees_with_glib),
      cmocka_unit_test(test_fold_key),
      cmocka_unit_test(test_fold_tokens_and_phrases),
      cmocka_unit_test(test_fold_edits),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
