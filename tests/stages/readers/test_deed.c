/*
 * test_deed.c - tests of the deed reader (stages/deed.c): a notarial
 * compraventa written as printed, a company-capital acta, and the real
 * dummy compraventa from /work/shared/realdocs through render.  Expected
 * values are read off the texts by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "readers/deed.h"
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


static const struct sv_stated_value *value_of(const struct sv_deed *d,
                                              enum sv_value_kind kind)
{
  for (guint k = 0; k < d->values->len; k++)
    if (g_array_index(d->values, struct sv_stated_value, k).kind == kind)
      return &g_array_index(d->values, struct sv_stated_value, k);
  fail_msg("no value of kind %s", sv_value_kind_str(kind));
  return NULL;
}

static void assert_date(const GDate *d, int y, int m, int day)
{
  assert_true(g_date_valid(d));
  assert_int_equal(g_date_get_year(d), y);
  assert_int_equal(g_date_get_month(d), m);
  assert_int_equal(g_date_get_day(d), day);
}

static const char escritura[] =
    "VOLUMEN 1,234                         ESCRITURA NÚMERO 45,678\n"
    "En la ciudad de Guadalajara, Jalisco, a 29 veintinueve de marzo de 2022\n"
    "dos mil veintidós, ante mí, Licenciado ROBERTO GARZA LEAL, Notario\n"
    "Público número 3 tres de esta Municipalidad, comparecen por una parte\n"
    "la señora ANA SOFÍA MARTÍNEZ GARCÍA (en lo sucesivo \"LA PARTE\n"
    "VENDEDORA\") y por otra parte la señora MARÍA JOSÉ PÉREZ GÓMEZ (en lo\n"
    "sucesivo \"LA PARTE COMPRADORA\"), nacida el 15 de julio de 1980, para\n"
    "formalizar el contrato de COMPRAVENTA del inmueble ubicado en Calle\n"
    "Pino 12, inscrito bajo Folio Real número 135627 ciento treinta y cinco\n"
    "mil seiscientos veintisiete.\n"
    "CLÁUSULAS\n"
    "PRIMERA. El precio pactado por la compraventa es la cantidad de\n"
    "$14,500,000.00 (CATORCE MILLONES QUINIENTOS MIL PESOS 00/100 MONEDA\n"
    "NACIONAL), que la parte vendedora declara recibidos.\n"
    "SEGUNDA. Para efectos fiscales el valor de avalúo es de $15,200,000.00\n"
    "(QUINCE MILLONES CIEN MIL PESOS 00/100 M.N.) y el valor catastral de\n"
    "$9,800,000.00.\n";

/* Price, appraisal and cadastral values with their kinds; the price words
   agree, the appraisal words (15,100,000) do not; the cadastral value has
   no words. */
static void test_deed_values(void **state)
{
  (void)state;
  struct sv_doc *doc = doc_from_text(escritura);
  assert_true(sv_deed_read(doc));
  const struct sv_deed *d = doc->deed;
  assert_non_null(d);
  assert_false(d->investment);
  assert_int_equal(d->values->len, 3);
  const struct sv_stated_value *price = value_of(d, SV_VALUE_PRICE);
  assert_int_equal(price->figure.amount, 1450000000);
  assert_true(price->has_words);
  assert_int_equal(price->words_amount, 1450000000);
  assert_true(price->words_agree);
  assert_string_equal(price->currency, "MXN");
  assert_true(price->figure.present);
  assert_int_equal(price->figure.page, 1);
  assert_true(price->figure.box.y0 > 20 + 11 * 14 - 1); /* line 12 */
  assert_true(price->figure.conf > 99.0f);
  const struct sv_stated_value *appr = value_of(d, SV_VALUE_APPRAISAL);
  assert_int_equal(appr->figure.amount, 1520000000);
  assert_true(appr->has_words);
  assert_int_equal(appr->words_amount, 1510000000);
  assert_false(appr->words_agree);
  const struct sv_stated_value *cad = value_of(d, SV_VALUE_CADASTRAL);
  assert_int_equal(cad->figure.amount, 980000000);
  assert_false(cad->has_words);
  assert_false(cad->words_agree);
  sv_doc_free(&doc);
}

/* The buyer (not the seller), the notary and the deed's date (not the
   buyer's birth date). */
static void test_deed_parties_and_date(void **state)
{
  (void)state;
  struct sv_doc *doc = doc_from_text(escritura);
  assert_true(sv_deed_read(doc));
  const struct sv_deed *d = doc->deed;
  assert_int_equal(d->owners->len, 1);
  assert_string_equal(g_ptr_array_index(d->owners, 0),
                      "MARÍA JOSÉ PÉREZ GÓMEZ");
  assert_non_null(d->notary); /* the bare name (samples/LAYOUTS.md) */
  assert_string_equal(d->notary, "ROBERTO GARZA LEAL");
  assert_date(&d->date, 2022, 3, 29);
  sv_doc_free(&doc);
}

/* Malformed words after the digits: words present, not agreeing. */
static void test_deed_malformed_words(void **state)
{
  (void)state;
  struct sv_doc *doc = doc_from_text(
      "Comprador: JUAN LOPEZ RUIZ\n"
      "El precio de la operación es $1,000,000.00 (UN MILLÓN MIL MIL\n"
      "PESOS 00/100 M.N.).\n");
  assert_true(sv_deed_read(doc));
  const struct sv_stated_value *price = value_of(doc->deed, SV_VALUE_PRICE);
  assert_int_equal(price->figure.amount, 100000000);
  assert_true(price->has_words);
  assert_false(price->words_agree);
  assert_int_equal(doc->deed->owners->len, 1);
  assert_string_equal(g_ptr_array_index(doc->deed->owners, 0),
                      "JUAN LOPEZ RUIZ");
  sv_doc_free(&doc);
}

/* A company-capital acta is an investment; shareholder by label. */
static void test_deed_investment(void **state)
{
  (void)state;
  struct sv_doc *doc = doc_from_text(
      "ACTA DE ASAMBLEA GENERAL EXTRAORDINARIA DE ACCIONISTAS\n"
      "COMERCIALIZADORA DEL NORTE, S.A. DE C.V.\n"
      "Accionista: CARLOS ALBERTO RUIZ SOTO\n"
      "Se aprueba el aumento del capital social por la cantidad de\n"
      "$3,000,000.00 (TRES MILLONES DE PESOS 00/100 M.N.), representado por\n"
      "3,000 acciones con valor nominal de $1,000.00 (MIL PESOS 00/100 M.N.)\n"
      "cada una, suscritas y pagadas mediante aportación en efectivo.\n"
      "Ciudad de México, a 17 de septiembre de 2025.\n");
  assert_true(sv_deed_read(doc));
  const struct sv_deed *d = doc->deed;
  assert_true(d->investment);
  const struct sv_stated_value *cap = value_of(d, SV_VALUE_INVESTMENT);
  assert_int_equal(cap->figure.amount, 300000000);
  assert_true(cap->words_agree);
  assert_int_equal(d->owners->len, 1);
  assert_string_equal(g_ptr_array_index(d->owners, 0),
                      "CARLOS ALBERTO RUIZ SOTO");
  assert_date(&d->date, 2025, 9, 17);
  sv_doc_free(&doc);
}

/* The notary is the bare name: no "LICENCIADO"/"LIC.", no "NOTARIO
   PÚBLICO NÚMERO N", whether in the opening or in the signature. */
static void test_deed_notary_bare_name(void **state)
{
  (void)state;
  struct sv_doc *doc = doc_from_text(
      "En la ciudad de Puebla, a 4 de mayo de 2024, ANTE MÍ, LICENCIADO\n"
      "SERGIO ANTONIO DÍAZ RUELAS, NOTARIO PÚBLICO NÚMERO 27 de esta entidad,\n"
      "comparecen las partes.\n");
  assert_true(sv_deed_read(doc));
  assert_string_equal(doc->deed->notary, "SERGIO ANTONIO DÍAZ RUELAS");
  sv_doc_free(&doc);

  doc = doc_from_text("YO, EL NOTARIO, CERTIFICO. DOY FE.\n"
                      "          LIC. INÉS CORAL BUENDÍA\n"
                      "          NOTARIO PÚBLICO NÚMERO 8\n");
  assert_true(sv_deed_read(doc));
  assert_string_equal(doc->deed->notary, "INÉS CORAL BUENDÍA");
  sv_doc_free(&doc);

  /* no name printed: the notary's office as printed */
  doc = doc_from_text("Ante el Notario Público número 7 comparecen las partes.\n");
  assert_true(sv_deed_read(doc));
  assert_string_equal(doc->deed->notary, "Notario Público número 7");
  sv_doc_free(&doc);
}

/* The shareholder named right after the role ("El accionista X suscribe
   y paga"), not the role of a signature heading with names under it. */
static void test_deed_owner_after_role(void **state)
{
  (void)state;
  struct sv_doc *doc = doc_from_text(
      "PRIMERA. El accionista LAURA MÉNDEZ RÍOS suscribe y paga 2,500\n"
      "acciones de la serie A.\n");
  assert_true(sv_deed_read(doc));
  assert_int_equal(doc->deed->owners->len, 1);
  assert_string_equal(g_ptr_array_index(doc->deed->owners, 0),
                      "LAURA MÉNDEZ RÍOS");
  sv_doc_free(&doc);

  /* "LA COMPRADORA" ends its line: the name under it is read by the
     signature rule, the seller's name beside it is not taken */
  doc = doc_from_text("LA VENDEDORA              LA COMPRADORA\n"
                      "PEDRO LUNA VEGA           SARA ORTIZ PAZ\n");
  assert_true(sv_deed_read(doc));
  assert_int_equal(doc->deed->owners->len, 1);
  assert_string_equal(g_ptr_array_index(doc->deed->owners, 0),
                      "SARA ORTIZ PAZ");
  sv_doc_free(&doc);
}

/* The nominal value of one share ("valor nominal de $500.00 cada una") is
   not the capital: the capital is the amount subscribed, 2,500 x 500.00 =
   1,250,000.00, and its words agree. */
static void test_deed_nominal_value_not_capital(void **state)
{
  (void)state;
  struct sv_doc *doc = doc_from_text(
      "Se aprobó aumentar el capital social variable mediante la emisión de\n"
      "2,500 acciones ordinarias, con valor nominal de $500.00 cada una.\n"
      "PRIMERA. El accionista LAURA MÉNDEZ RÍOS suscribe y paga 2,500\n"
      "acciones por la cantidad de $1,250,000.00 (UN MILLÓN DOSCIENTOS\n"
      "CINCUENTA MIL PESOS 00/100 M.N.).\n");
  assert_true(sv_deed_read(doc));
  const struct sv_deed *d = doc->deed;
  assert_true(d->investment);
  assert_int_equal(d->values->len, 1);
  const struct sv_stated_value *cap = value_of(d, SV_VALUE_INVESTMENT);
  assert_int_equal(cap->figure.amount, 125000000);
  assert_true(cap->has_words);
  assert_int_equal(cap->words_amount, 125000000);
  assert_true(cap->words_agree);
  sv_doc_free(&doc);
}

/* A text with nothing of a deed gives no deed. */
static void test_deed_nothing(void **state)
{
  (void)state;
  struct sv_doc *doc = doc_from_text("Hello world\nnothing to see here\n");
  assert_false(sv_deed_read(doc));
  assert_null(doc->deed);
  sv_doc_free(&doc);
}

/* The real dummy compraventa (text layer) through render: 2,950,000.00
   with agreeing words, buyer JORGE LUIS PÉREZ HERNÁNDEZ, signed 17
   September 2025. */
static void test_deed_realdoc_compraventa(void **state)
{
  (void)state;
  struct sv_doc *doc = sv_test_doc_from_pdf(
      SV_REALDOCS "/mx-compraventa-dummy-tijuana/"
                  "contrato_compraventa_tijuana_dummy.pdf");
  if (doc == NULL)
    skip();
  assert_true(sv_deed_read(doc));
  const struct sv_deed *d = doc->deed;
  assert_false(d->investment);
  const struct sv_stated_value *price = value_of(d, SV_VALUE_PRICE);
  assert_int_equal(price->figure.amount, 295000000);
  assert_true(price->has_words);
  assert_int_equal(price->words_amount, 295000000);
  assert_true(price->words_agree);
  assert_int_equal(price->figure.page, 1);
  assert_int_equal(d->owners->len, 1);
  assert_string_equal(g_ptr_array_index(d->owners, 0),
                      "JORGE LUIS PÉREZ HERNÁNDEZ");
  assert_date(&d->date, 2025, 9, 17);
  sv_doc_free(&doc);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_deed_values),
    cmocka_unit_test(test_deed_parties_and_date),
    cmocka_unit_test(test_deed_malformed_words),
    cmocka_unit_test(test_deed_investment),
    cmocka_unit_test(test_deed_notary_bare_name),
    cmocka_unit_test(test_deed_owner_after_role),
    cmocka_unit_test(test_deed_nominal_value_not_capital),
    cmocka_unit_test(test_deed_nothing),
    cmocka_unit_test(test_deed_realdoc_compraventa),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
