/*
 * test_names.c - tests of name matching (stages/names.c): accents, order,
 * middle names, initials, titles, OCR noise, joint holders, and the
 * uncertain and different cases.  Each verdict is fixed by the rule in
 * names.h, applied by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "text/names.h"

static void verdict(const char *applicant, const char *printed,
                    enum sv_name_verdict want)
{
  double score = -1;
  enum sv_name_verdict got = sv_names_match(applicant, printed, &score);
  if (got != want)
    fail_msg("'%s' vs '%s': %s, want %s", applicant, printed,
             sv_names_verdict_str(got), sv_names_verdict_str(want));
  assert_true(score >= 0 && score <= 1);
}

/* Case, accents and punctuation do not matter. */
static void test_names_accents_case(void **state)
{
  (void)state;
  verdict("María José Pérez Gómez", "MARIA JOSE PEREZ GOMEZ", SV_NAME_MATCH);
  verdict("José Núñez", "jose nunez.", SV_NAME_MATCH);
  double score = 0;
  assert_int_equal(sv_names_match("Ana Ruiz", "ANA RUIZ", &score),
                   SV_NAME_MATCH);
  assert_true(score > 0.99);
}

/* Word order: surnames first, with or without a comma. */
static void test_names_word_order(void **state)
{
  (void)state;
  verdict("María José Pérez Gómez", "PEREZ GOMEZ MARIA JOSE", SV_NAME_MATCH);
  verdict("John Michael Doe", "DOE, JOHN MICHAEL", SV_NAME_MATCH);
}

/* Middle names and second surnames may be absent; initials stand for
   names. */
static void test_names_middle_and_initials(void **state)
{
  (void)state;
  verdict("John Michael Doe", "JOHN DOE", SV_NAME_MATCH);
  verdict("John Michael Doe", "JOHN M. DOE", SV_NAME_MATCH);
  verdict("John Doe", "JOHN M DOE", SV_NAME_MATCH);
  verdict("María José Pérez Gómez", "MARIA PEREZ", SV_NAME_MATCH);
  verdict("John Michael Doe", "J. DOE", SV_NAME_UNCERTAIN);
  verdict("John A. Doe", "JOHN B. DOE", SV_NAME_UNCERTAIN);
}

/* Titles are ignored, English and Spanish. */
static void test_names_titles(void **state)
{
  (void)state;
  verdict("John Doe", "MR JOHN DOE", SV_NAME_MATCH);
  verdict("Jane Doe", "Mrs. Jane Doe", SV_NAME_MATCH);
  verdict("Luis Ortega", "LIC. LUIS ORTEGA", SV_NAME_MATCH);
  verdict("Ana Ruiz Soto", "SRA. ANA RUIZ SOTO", SV_NAME_MATCH);
  verdict("Raúl Díaz", "ING RAUL DIAZ", SV_NAME_MATCH);
}

/* One or two OCR edits in a long name still match; more is uncertain,
   never different. */
static void test_names_ocr_noise(void **state)
{
  (void)state;
  verdict("Jorge Luis Pérez Hernández", "J0RGE LUIS PEREZ HERNANDEZ",
          SV_NAME_MATCH);
  verdict("Jorge Luis Pérez Hernández", "JORGE LUIS PERFZ HFRNANDEZ",
          SV_NAME_MATCH);
  verdict("Jorge Luis Pérez Hernández", "J0RGE LUIS PERFZ HFRNANDEZ",
          SV_NAME_UNCERTAIN);
}

/* The applicant among joint holders matches, whatever the joiner. */
static void test_names_joint_holders(void **state)
{
  (void)state;
  verdict("Jane Doe", "JOHN DOE AND JANE DOE", SV_NAME_MATCH);
  verdict("María López", "JUAN PEREZ Y/O MARIA LOPEZ", SV_NAME_MATCH);
  verdict("Juan Pérez", "JUAN PEREZ & MARIA LOPEZ", SV_NAME_MATCH);
  verdict("María López", "JUAN PEREZ O MARIA LOPEZ", SV_NAME_MATCH);
  verdict("Jane Doe", "JOHN AND JANE DOE", SV_NAME_MATCH);
}

/* Splitting joint holders; a one-letter Spanish joiner between short
   parts is part of the name. */
static void test_names_split_holders(void **state)
{
  (void)state;
  GPtrArray *h = sv_names_split_holders("JUAN PEREZ Y/O MARIA LOPEZ");
  assert_int_equal(h->len, 2);
  assert_string_equal(g_ptr_array_index(h, 0), "JUAN PEREZ");
  assert_string_equal(g_ptr_array_index(h, 1), "MARIA LOPEZ");
  g_ptr_array_unref(h);
  h = sv_names_split_holders("JOHN AND JANE DOE");
  assert_int_equal(h->len, 2);
  assert_string_equal(g_ptr_array_index(h, 0), "JOHN DOE");
  assert_string_equal(g_ptr_array_index(h, 1), "JANE DOE");
  g_ptr_array_unref(h);
  h = sv_names_split_holders("JOSE ORTEGA Y GASSET");
  assert_int_equal(h->len, 1);
  assert_string_equal(g_ptr_array_index(h, 0), "JOSE ORTEGA Y GASSET");
  g_ptr_array_unref(h);
  h = sv_names_split_holders("A&B");
  assert_int_equal(h->len, 2);
  g_ptr_array_unref(h);
  h = sv_names_split_holders("  ");
  assert_int_equal(h->len, 0);
  g_ptr_array_unref(h);
}

/* A surname and a given name's initial agree: uncertain. */
static void test_names_partial_overlap(void **state)
{
  (void)state;
  verdict("John Michael Doe", "J. DOE", SV_NAME_UNCERTAIN);
  verdict("María José Pérez Gómez", "M. GOMEZ", SV_NAME_UNCERTAIN);
}

/* Only the family name shared, with other given names: a relative, whose
   money does not count (spouse, parent, sibling), even when both surnames
   agree. */
static void test_names_relative_is_different(void **state)
{
  (void)state;
  verdict("María José Pérez Gómez", "PEDRO PEREZ GOMEZ", SV_NAME_DIFFERENT);
  verdict("Natalia Vargas Soto", "ERNESTO VARGAS SOTO", SV_NAME_DIFFERENT);
  verdict("John Doe", "JANE DOE", SV_NAME_DIFFERENT);
  verdict("Kevin Patrick Morales", "LINDA MARIE MORALES", SV_NAME_DIFFERENT);
}

/* A clearly different person, or only a given name shared: different. */
static void test_names_different(void **state)
{
  (void)state;
  verdict("John Doe", "RICHARD ROE", SV_NAME_DIFFERENT);
  verdict("John Doe", "JOHN SMITH", SV_NAME_DIFFERENT);
  verdict("María José Pérez Gómez", "ANA SOFIA MARTINEZ GARCIA",
          SV_NAME_DIFFERENT);
  verdict("John Doe", "", SV_NAME_DIFFERENT);
  assert_int_equal(sv_names_match(NULL, "JOHN DOE", NULL), SV_NAME_DIFFERENT);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_names_accents_case),
    cmocka_unit_test(test_names_word_order),
    cmocka_unit_test(test_names_middle_and_initials),
    cmocka_unit_test(test_names_titles),
    cmocka_unit_test(test_names_ocr_noise),
    cmocka_unit_test(test_names_joint_holders),
    cmocka_unit_test(test_names_split_holders),
    cmocka_unit_test(test_names_partial_overlap),
    cmocka_unit_test(test_names_relative_is_different),
    cmocka_unit_test(test_names_different),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
