/*
 * test_classify.c - tests of the classify stage (stages/classify.c).
 *
 * Documents are built from text as printed: a test-local helper turns a
 * multi-line string into positioned words (6pt per character, 14pt per
 * line, a wide gap where the text has 3+ spaces) and lets
 * sv_lines_build rebuild the lines.  The last test reads real
 * text-layer PDFs through render when they are present.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "classify.h"
#include "render.h"
#include "support.h"

/* ------------------------------------------------------------ helpers */

/* Returns owned (sv_doc_free): a one-page document of text, classified. */
static struct sv_doc *classify_text(const char *text)
{
  const char *pages[] = {text, NULL};
  struct sv_doc *doc = sv_test_doc_from_pages("doc.pdf", pages, 30.0);
  struct sv_config cfg;
  memset(&cfg, 0, sizeof cfg);
  assert_int_equal(sv_classify_stage.process(NULL, &cfg, NULL, NULL, doc), SV_OK);
  return doc;
}

static void assert_kind(const struct sv_doc *doc, enum sv_doc_kind kind,
                        const char *lang)
{
  if (doc->kind != kind)
    fail_msg("kind %s (score %.2f), expected %s", sv_doc_kind_str(doc->kind),
             doc->kind_score, sv_doc_kind_str(kind));
  assert_string_equal(doc->lang, lang);
  if (kind != SV_KIND_UNKNOWN) {
    assert_true(doc->kind_score >= SV_CLASSIFY_THRESHOLD);
    assert_true(doc->kind_score <= 1.0);
  } else {
    assert_true(doc->kind_score == 0.0);
  }
}

/* ------------------------------------------------------------- kinds */

/* The en-summary sample layout is an English bank statement. */
static void test_classify_en_statement(void **state)
{
  (void)state;
  struct sv_doc *doc = classify_text(
      "FIRST HARBOR BANK                                   Member FDIC\n"
      "Account Statement\n"
      "Account Holder: JOHN MICHAEL DOE\n"
      "123 Main Street, Springfield, IL 62701\n"
      "Account Number: 0012 3456 7890\n"
      "Statement Period: 03/01/2026 - 03/31/2026\n"
      "Currency: USD\n"
      "Account Summary\n"
      "Beginning Balance                    $12,345.67\n"
      "Deposits and Additions                $3,000.00\n"
      "Withdrawals and Debits                $1,234.56\n"
      "Ending Balance                       $14,111.11\n"
      "Average Daily Balance                $13,002.40\n"
      "Transaction Detail\n"
      "Date        Description                 Amount        Balance\n"
      "03/02       PAYROLL ACME CORP          3,000.00     15,345.67\n"
      "Page 1 of 1\n");
  assert_kind(doc, SV_KIND_BANK_STATEMENT, "en");
  sv_doc_free(&doc);
}

/* The es-resumen sample layout is a Spanish bank statement. */
static void test_classify_es_statement(void **state)
{
  (void)state;
  struct sv_doc *doc = classify_text(
      "BANCO DEL VALLE, S.A.\n"
      "ESTADO DE CUENTA\n"
      "Titular: MARÍA JOSÉ PÉREZ GÓMEZ\n"
      "No. de Cuenta: 0123456789\n"
      "CLABE: 012180001234567897\n"
      "Periodo: DEL 01/03/2026 AL 31/03/2026\n"
      "Moneda: PESOS (M.N.)\n"
      "Información Financiera\n"
      "Saldo Anterior                        $45,245.67\n"
      "Depósitos / Abonos (+)                $90,000.00\n"
      "Retiros / Cargos (-)                  $58,663.80\n"
      "Saldo Final                           $76,581.87\n"
      "Saldo Promedio                        $52,214.77\n"
      "Días del Periodo                              31\n"
      "Detalle de Movimientos\n"
      "Fecha   Concepto                       Cargo      Abono      Saldo\n"
      "02/MAR  PAGO DE NOMINA                          42,500.00  87,745.67\n"
      "Página 1 de 1\n");
  assert_kind(doc, SV_KIND_BANK_STATEMENT, "es");
  sv_doc_free(&doc);
}

/* A notarial deed of sale is a deed, in Spanish. */
static void test_classify_deed(void **state)
{
  (void)state;
  struct sv_doc *doc = classify_text(
      "ESCRITURA PÚBLICA NÚMERO 12,345 DOCE MIL TRESCIENTOS CUARENTA Y CINCO\n"
      "En la Ciudad de México, ante mí, Licenciado Juan Pérez, Notario "
      "Público número 99,\n"
      "comparecen la parte vendedora y la parte compradora para formalizar "
      "el CONTRATO DE COMPRAVENTA\n"
      "del inmueble inscrito en el Registro Público de la Propiedad bajo el "
      "Folio Real número 135627.\n"
      "El precio pactado por la compraventa es la cantidad de $2,500,000.00 "
      "(DOS MILLONES QUINIENTOS MIL PESOS 00/100 MONEDA NACIONAL).\n");
  assert_kind(doc, SV_KIND_DEED, "es");
  sv_doc_free(&doc);
}

/* An English employment letter with a salary is an income letter. */
static void test_classify_income_letter_en(void **state)
{
  (void)state;
  struct sv_doc *doc = classify_text(
      "ACME Corporation\n"
      "1 Industry Way, Austin, TX 78701\n"
      "To Whom It May Concern:\n"
      "This letter confirms that Mara North has been employed by ACME\n"
      "Corporation since March 2019 in the position of Senior Analyst.\n"
      "Her annual salary is $96,000.00, a gross monthly income of $8,000.00\n"
      "and a net monthly income of $6,150.00.\n"
      "Sincerely,\n"
      "Human Resources\n");
  assert_kind(doc, SV_KIND_INCOME_LETTER, "en");
  sv_doc_free(&doc);
}

/* A Spanish "constancia de ingresos" with the net salary is an income
   letter. */
static void test_classify_income_letter_es(void **state)
{
  (void)state;
  struct sv_doc *doc = classify_text(
      "CONSTANCIA DE INGRESOS\n"
      "A QUIEN CORRESPONDA:\n"
      "Por medio de la presente se hace constar que el C. Luis Ramírez "
      "labora en esta empresa\n"
      "desde el 1 de enero de 2020 con el puesto de Gerente, percibiendo un "
      "sueldo neto mensual de\n"
      "$45,000.00 (CUARENTA Y CINCO MIL PESOS 00/100 M.N.).\n"
      "ATENTAMENTE\n"
      "Recursos Humanos\n");
  assert_kind(doc, SV_KIND_INCOME_LETTER, "es");
  sv_doc_free(&doc);
}

/* ------------------------------------------------- issue-4 documents */

struct kind_case {
  const char *name;
  const char *text;
  enum sv_doc_kind kind;
  const char *lang;
};

/* A cover letter to the consulate is a letter, not income evidence, even
   when it claims savings: only its shape speaks (salutation, closing). */
static void test_classify_cover_letter(void **state)
{
  (void)state;
  static const struct kind_case cases[] = {
      {"en-cover",
       "Consular Section\n"
       "Dear Consul,\n"
       "I, Ana Ruiz, submit my application for a resident visa. Please find\n"
       "enclosed my bank statements and supporting documents.\n"
       "I remain at your disposal for any additional document.\n"
       "Respectfully,\n"
       "Ana Ruiz\n",
       SV_KIND_LETTER, "en"},
      {"es-cover",
       "Seccion Consular\n"
       "Por medio de la presente solicito una visa de residente temporal y\n"
       "adjunto mis estados de cuenta de los ultimos doce meses.\n"
       "Sin otro particular, quedo a sus ordenes.\n"
       "Respetuosamente,\n"
       "Ana Ruiz\n",
       SV_KIND_LETTER, "es"},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    struct sv_doc *doc = classify_text(cases[i].text);
    if (doc->kind != cases[i].kind || strcmp(doc->lang, cases[i].lang) != 0)
      fail_msg("%s: %s/%s (score %.2f)", cases[i].name,
               sv_doc_kind_str(doc->kind), doc->lang, doc->kind_score);
    sv_doc_free(&doc);
  }
}

/* The first page of each issue-4 statement layout (LAYOUTS.md) is a bank
   statement, whatever its labels. */
static void test_classify_issue4_statement_layouts(void **state)
{
  (void)state;
  static const struct kind_case cases[] = {
      {"en-activity",
       "RIVERSIDE NATIONAL BANK\n"
       "Your Adv Plus Banking\n"
       "for July 1, 2026 to July 31, 2026     Account number: 4417 2290 5561\n"
       "JOHN MICHAEL DOE\n"
       "Account summary\n"
       "Beginning balance on July 1, 2026          $12,345.67\n"
       "Deposits and other credits                   3,000.00\n"
       "Ending balance on July 31, 2026            $13,949.11\n"
       "Average ledger balance                     $14,445.69\n",
       SV_KIND_BANK_STATEMENT, "en"},
      {"en-online",
       "NORTHERN LIGHTS ONLINE BANK (Canada)\n"
       "Statement Period 07/16/2026 - 08/15/2026\n"
       "Customer: JOHN MICHAEL DOE          Account No. ****1234-5566\n"
       "All amounts in CAD\n"
       "Beginning Balance, as of 07/16/2026        $4,210.00\n"
       "Ending Balance, as of 08/15/2026           $5,118.42\n"
       "Date        Description           Debits      Credits      Balance\n",
       SV_KIND_BANK_STATEMENT, "en"},
      {"es-movimientos",
       "BANCO ATLÁNTICO MÉXICO, S.A.\n"
       "Estado de cuenta - Cuenta de cheques\n"
       "NOMBRE DEL CLIENTE: MARÍA JOSÉ PÉREZ GÓMEZ\n"
       "NÚMERO DE CUENTA: 65-50123456-7        CUENTA CLABE: 014180655012345679\n"
       "PERIODO DEL 01-ENE-2026 AL 31-ENE-2026\n"
       "SALDO FINAL DEL PERIODO ANTERIOR: $ 84,250.10\n",
       SV_KIND_BANK_STATEMENT, "es"},
      {"es-banorte",
       "BANCO DEL NORTE\n"
       "ESTADO DE CUENTA ENLACE\n"
       "Titular: JUAN CARLOS RAMÍREZ LÓPEZ     No. de Cuenta: 0812345678\n"
       "Periodo Del 01/ENE/2026 Al 31/ENE/2026\n"
       "Saldo inicial del periodo                 1,204,500.00\n"
       "Saldo final del periodo                   1,259,782.23\n",
       SV_KIND_BANK_STATEMENT, "es"},
      {"es-euro",
       "BANCO IBÉRICO\n"
       "Extracto de cuenta corriente\n"
       "Titular: MARÍA JOSÉ PÉREZ GÓMEZ     IBAN: ES91 2100 0418 4502 0005 1332\n"
       "Periodo: 01/03/2026 - 31/03/2026\n"
       "Saldo anterior                12.345,67 €\n"
       "Saldo final                   14.111,11 €\n"
       "Saldo medio del periodo       14.856,63 €\n",
       SV_KIND_BANK_STATEMENT, "es"},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    struct sv_doc *doc = classify_text(cases[i].text);
    if (doc->kind != cases[i].kind || strcmp(doc->lang, cases[i].lang) != 0)
      fail_msg("%s: %s/%s (score %.2f)", cases[i].name,
               sv_doc_kind_str(doc->kind), doc->lang, doc->kind_score);
    assert_true(doc->kind_score >= SV_CLASSIFY_THRESHOLD);
    sv_doc_free(&doc);
  }
}

/* Letters and deeds of LAYOUTS.md: employer letters (net monthly, gross
   annual only, a table of months), a pension letter and a constancia are
   income letters; the escritura and the capital increase are deeds (the
   deed reader tells investments apart); a cover letter is a plain letter;
   utility bills and a credit-card statement are unknown. */
static void test_classify_issue4_documents(void **state)
{
  (void)state;
  static const struct kind_case cases[] = {
      {"letter-en-employer",
       "ACME LOGISTICS INC.\n"
       "November 2, 2026\n"
       "To whom it may concern\n"
       "Daniel Robert Hayes has been employed by Acme Logistics Inc. since\n"
       "March 2019. His monthly net salary (after taxes) is $6,950.00.\n"
       "Sincerely,\n"
       "Laura Kim\n",
       SV_KIND_INCOME_LETTER, "en"},
      {"letter-en-gross",
       "ACME LOGISTICS INC.\n"
       "To whom it may concern\n"
       "This is to confirm that Daniel Robert Hayes has been employed by\n"
       "Acme Logistics Inc. with an annual gross salary of $96,000.00.\n"
       "Sincerely,\n",
       SV_KIND_INCOME_LETTER, "en"},
      {"letter-en-table",
       "ACME LOGISTICS INC.\n"
       "To whom it may concern\n"
       "Daniel Robert Hayes has been employed by Acme Logistics Inc.\n"
       "Month            Net pay\n"
       "May 2026         $6,950.00\n"
       "June 2026        $6,950.00\n"
       "Sincerely,\n",
       SV_KIND_INCOME_LETTER, "en"},
      {"letter-en-pension",
       "STATE TEACHERS RETIREMENT SYSTEM\n"
       "Dear Mr. Hayes,\n"
       "Your monthly benefit after deductions is $2,345.00.\n"
       "Payments were made for May 2026, June 2026 and July 2026.\n"
       "Sincerely,\n",
       SV_KIND_INCOME_LETTER, "en"},
      {"letter-es-constancia",
       "CONSTANCIA DE INGRESOS\n"
       "A QUIEN CORRESPONDA\n"
       "Se hace constar que la C. MARÍA JOSÉ PÉREZ GÓMEZ labora en esta\n"
       "empresa desde el 1 de febrero de 2018 y percibe un sueldo neto\n"
       "quincenal de $22,500.00 libre de impuestos.\n"
       "Atentamente\n",
       SV_KIND_INCOME_LETTER, "es"},
      {"deed-es",
       "ESCRITURA PÚBLICA NÚMERO 45,210\n"
       "ANTE MÍ, LICENCIADO ROBERTO SALAZAR MEDINA, NOTARIO PÚBLICO NÚMERO 12\n"
       "comparecen como LA PARTE COMPRADORA, MARÍA JOSÉ PÉREZ GÓMEZ y el\n"
       "precio pactado por la compraventa es la cantidad de $14,500,000.00\n",
       SV_KIND_DEED, "es"},
      {"investment-es",
       "ACTA DE ASAMBLEA GENERAL EXTRAORDINARIA DE ACCIONISTAS\n"
       "el accionista MARÍA JOSÉ PÉREZ GÓMEZ suscribe y paga 7,000 acciones\n"
       "por la cantidad de $7,000,000.00 (SIETE MILLONES DE PESOS 00/100 M.N.)\n"
       "que se aportan al capital social de la sociedad.\n",
       SV_KIND_DEED, "es"},
      {"cover-letter",
       "John Michael Doe\n"
       "Dear Consul,\n"
       "Please find enclosed my application for a temporary resident visa\n"
       "with my bank statements for the last twelve months.\n"
       "Sincerely,\n"
       "John Michael Doe\n",
       SV_KIND_LETTER, "en"},
      {"utility-es",
       "CFE Comisión Federal de Electricidad\n"
       "AVISO RECIBO\n"
       "MARÍA JOSÉ PÉREZ GÓMEZ\n"
       "No. de servicio: 123456789012\n"
       "Periodo facturado: 01 ENE 26 - 28 FEB 26\n"
       "Total a pagar: $1,245.00\n"
       "Fecha límite de pago: 15 MAR 26\n",
       SV_KIND_UNKNOWN, "es"},
      {"utility-en",
       "PACIFIC POWER & LIGHT\n"
       "Electricity Bill\n"
       "Account Number: 5566 7788 99\n"
       "Billing Period: 07/01/2026 - 07/31/2026\n"
       "Previous Balance   $120.00\n"
       "Amount Due         $98.45\n"
       "Due Date: 08/20/2026\n",
       SV_KIND_UNKNOWN, "en"},
      {"credit-card-en",
       "FIRST HARBOR BANK\n"
       "Credit Card Statement\n"
       "Account Number: **** 4455\n"
       "Statement Period: 03/01/2026 - 03/31/2026\n"
       "Previous Balance   $1,200.00\n"
       "New Balance   $845.20\n"
       "Minimum Payment Due   $35.00\n"
       "Credit Limit   $10,000.00\n",
       SV_KIND_UNKNOWN, "en"},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    struct sv_doc *doc = classify_text(cases[i].text);
    if (doc->kind != cases[i].kind || strcmp(doc->lang, cases[i].lang) != 0)
      fail_msg("%s: %s/%s (score %.2f), expected %s/%s", cases[i].name,
               sv_doc_kind_str(doc->kind), doc->lang, doc->kind_score,
               sv_doc_kind_str(cases[i].kind), cases[i].lang);
    sv_doc_free(&doc);
  }
}

/* A letter with no income, deed or statement wording is a plain letter. */
static void test_classify_plain_letter(void **state)
{
  (void)state;
  struct sv_doc *doc = classify_text(
      "Dear Consul,\n"
      "I am writing to introduce my friend Robert, who will visit Mexico\n"
      "this summer to attend my wedding in Oaxaca. He will stay with us.\n"
      "Sincerely,\n"
      "Laura Gómez\n");
  assert_kind(doc, SV_KIND_LETTER, "en");
  sv_doc_free(&doc);
}

/* Text that matches no kind stays unknown (listed, not guessed). */
static void test_classify_unknown(void **state)
{
  (void)state;
  struct sv_doc *doc = classify_text(
      "Recipe for guacamole\n"
      "Take three ripe avocados, one onion, two tomatoes and the juice\n"
      "of a lime. Mash the avocados with a fork and mix in the rest.\n");
  assert_kind(doc, SV_KIND_UNKNOWN, "en");
  sv_doc_free(&doc);

  doc = classify_text("Receta de guacamole\n"
                      "Tome tres aguacates maduros, una cebolla y el jugo de "
                      "un limón.\n"
                      "Machaque los aguacates con un tenedor y mezcle todo "
                      "con la sal.\n");
  assert_kind(doc, SV_KIND_UNKNOWN, "es");
  sv_doc_free(&doc);
}

/* A credit-card statement is not evidence of savings: not a bank
   statement. */
static void test_classify_credit_card_not_statement(void **state)
{
  (void)state;
  struct sv_doc *doc = classify_text(
      "BSSB Bank\n"
      "Estado de Cuenta   Tarjeta de Crédito BSSB\n"
      "Periodo   5-jul-2025 al 04-ago-2025\n"
      "Fecha de Corte 04 de ago 2025\n"
      "Pago para no generar intereses   $32,446.69\n"
      "Pago mínimo   $2,160.00\n"
      "Límite de crédito:   $ 100,000.00\n");
  assert_int_not_equal(doc->kind, SV_KIND_BANK_STATEMENT);
  assert_string_equal(doc->lang, "es");
  sv_doc_free(&doc);
}

/* Documents without text, or already failed, are left unknown. */
static void test_classify_skips_docs_without_text(void **state)
{
  (void)state;
  struct sv_doc *doc = sv_doc_new(NULL, "scan.png", "/x/scan.png");
  doc->pages = g_new0(struct sv_page, 2);
  doc->npages = 2;
  doc->pages[0].number = 1;
  doc->pages[1].number = 2;
  struct sv_config cfg;
  memset(&cfg, 0, sizeof cfg);
  assert_int_equal(sv_classify_stage.process(NULL, &cfg, NULL, NULL, doc), SV_OK);
  assert_int_equal(doc->kind, SV_KIND_UNKNOWN);
  assert_string_equal(doc->lang, "");
  sv_doc_free(&doc);

  doc = classify_text("ESTADO DE CUENTA\nSaldo Anterior   $1.00\n"
                      "Saldo Final   $2.00\n");
  assert_int_equal(doc->kind, SV_KIND_BANK_STATEMENT);
  doc->status = SV_DOC_FAILED;
  assert_int_equal(sv_classify_stage.process(NULL, &cfg, NULL, NULL, doc), SV_OK);
  assert_int_equal(doc->kind, SV_KIND_UNKNOWN);
  sv_doc_free(&doc);
}

/* The stage's ops table is what the registry expects. */
static void test_classify_stage_ops(void **state)
{
  (void)state;
  assert_string_equal(sv_classify_stage.name, "classify");
  assert_int_equal(sv_classify_stage.scope, SV_SCOPE_DOCUMENT);
  assert_non_null(sv_classify_stage.process);
}

/* --------------------------------------------------------- real PDFs */

struct real_case {
  const char *file;
  enum sv_doc_kind kind;
  const char *lang;
};

/* Real text-layer PDFs, read through render, get their kind and language. */
static void test_classify_realdocs(void **state)
{
  (void)state;
  static const struct real_case cases[] = {
      {"mx-bbva-libreton-synthetic/bbva_estado_de_cuenta_2026-08.pdf",
       SV_KIND_BANK_STATEMENT, "es"},
      {"us-chase-template-citizen/chase_checking_2022-07.pdf",
       SV_KIND_BANK_STATEMENT, "en"},
      {"nz-kowhai-sample-text/sample_everyday_statement.pdf",
       SV_KIND_BANK_STATEMENT, "en"},
      {"us-employment-verification-seattle/"
       "seattle_housing_employment_verification_filled.pdf",
       SV_KIND_INCOME_LETTER, "en"},
      {"mx-compraventa-dummy-tijuana/contrato_compraventa_tijuana_dummy.pdf",
       SV_KIND_DEED, "es"},
  };
  int seen = 0;
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    char *path = g_build_filename(SV_REALDOCS_DIR, cases[i].file,
                                  NULL);
    gchar *data = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &data, &len, NULL)) {
      g_free(path);
      continue;
    }
    struct sv_doc *doc = sv_doc_new(NULL, cases[i].file, path);
    g_free(path);
    doc->bytes = g_bytes_new_take(data, len);
    doc->size = (gint64)len;
    doc->type = SV_FILE_PDF;
    struct sv_config cfg;
    memset(&cfg, 0, sizeof cfg);
    assert_int_equal(sv_render_stage.process(NULL, &cfg, NULL, NULL, doc), SV_OK);
    assert_int_equal(sv_classify_stage.process(NULL, &cfg, NULL, NULL, doc), SV_OK);
    if (doc->kind != cases[i].kind || strcmp(doc->lang, cases[i].lang) != 0)
      fail_msg("%s: %s/%s (score %.2f), expected %s/%s", cases[i].file,
               sv_doc_kind_str(doc->kind), doc->lang, doc->kind_score,
               sv_doc_kind_str(cases[i].kind), cases[i].lang);
    sv_doc_free(&doc);
    seen++;
  }
  if (seen == 0)
    skip();
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_classify_en_statement),
      cmocka_unit_test(test_classify_es_statement),
      cmocka_unit_test(test_classify_deed),
      cmocka_unit_test(test_classify_income_letter_en),
      cmocka_unit_test(test_classify_income_letter_es),
      cmocka_unit_test(test_classify_plain_letter),
      cmocka_unit_test(test_classify_unknown),
      cmocka_unit_test(test_classify_credit_card_not_statement),
      cmocka_unit_test(test_classify_cover_letter),
      cmocka_unit_test(test_classify_issue4_statement_layouts),
      cmocka_unit_test(test_classify_issue4_documents),
      cmocka_unit_test(test_classify_skips_docs_without_text),
      cmocka_unit_test(test_classify_stage_ops),
      cmocka_unit_test(test_classify_realdocs),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
