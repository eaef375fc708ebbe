/*
 * test_statement.c - tests of the statement reader's summary side
 * (stages/readers/statement.c, summary.c, reconcile.c, party.c,
 * currency.c): labels in many wordings, exclusions, the summary's
 * arithmetic and the printed average against the balances, run through
 * the extract stage as the pipeline runs it (reader_fixture.h).  The last
 * tests read real text-layer PDFs through render when they are present.
 * Movements tables: test_movements.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "extract.h"
#include "stages/readers/reader_fixture.h"
#include "support.h"

/* ------------------------------------------------------------ layouts */

static const char en_summary[] =
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
    "Average Daily Balance                $14,978.31\n"
    "Transaction Detail\n"
    "Date        Description                 Amount        Balance\n"
    "03/02       PAYROLL ACME CORP         3,000.00      15,345.67\n"
    "03/05       CHECK 1042                 -150.00      15,195.67\n"
    "03/28       ONLINE TRANSFER          -1,084.56      14,111.11\n"
    "Page 1 of 1\n";

static const char es_resumen[] =
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
    "Saldo Promedio                        $88,746.78\n"
    "Días del Periodo                              31\n"
    "Detalle de Movimientos\n"
    "Fecha   Concepto                       Cargo      Abono      Saldo\n"
    "02/MAR  PAGO DE NOMINA                        42,500.00  87,745.67\n"
    "05/MAR  RETIRO CAJERO               2,000.00             85,745.67\n"
    "15/MAR  PAGO DE NOMINA                        47,500.00 133,245.67\n"
    "20/MAR  PAGO TARJETA               56,663.80             76,581.87\n"
    "Página 1 de 1\n";

/* The en-summary layout: every field, from the summary, not the table. */
static void test_extract_en_summary_layout(void **state)
{
  (void)state;
  struct sv_doc *doc = fx_extract_text(en_summary);
  assert_int_equal(doc->kind, SV_KIND_BANK_STATEMENT);
  assert_string_equal(doc->lang, "en");
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  assert_string_equal(st->holder, "JOHN MICHAEL DOE");
  assert_string_equal(st->account, "****7890");
  assert_string_equal(st->currency, "USD");
  assert_int_not_equal(st->currency_source, SV_CURRENCY_INFERRED);
  fx_assert_date(&st->start, 2026, 3, 1);
  fx_assert_date(&st->end, 2026, 3, 31);
  fx_assert_figure(&st->opening, 1234567, 1);
  fx_assert_figure(&st->closing, 1411111, 1);
  fx_assert_figure(&st->average, 1497831, 1);
  assert_int_equal(doc->problems->len, 0);
  assert_int_equal(doc->status, SV_DOC_OK);
  sv_doc_free(&doc);
  assert_null(doc);
}

/* A figure's box is its words' box and its confidence their lowest. */
static void test_extract_figure_box_and_conf(void **state)
{
  (void)state;
  const char *pages[] = {en_summary, NULL};
  struct sv_doc *doc = fx_statement_doc(pages);
  struct sv_word *w = fx_find_word(doc, "$14,111.11");
  assert_non_null(w);
  w->conf = 55.0f;
  struct sv_box box = w->box;
  fx_run_stages(doc);
  const struct sv_figure *f = &sv_doc_statement(doc, 0)->closing;
  fx_assert_figure(f, 1411111, 1);
  assert_true(f->conf > 54.9f && f->conf < 55.1f);
  assert_true(f->box.x0 == box.x0 && f->box.x1 == box.x1);
  assert_true(f->box.y0 == box.y0 && f->box.y1 == box.y1);
  assert_true(sv_doc_statement(doc, 0)->opening.conf > 99.9f);
  sv_doc_free(&doc);
}

/* The es-resumen layout: DD/MM period, PESOS (M.N.), the account and not
   the CLABE, the Spanish labels. */
static void test_extract_es_resumen_layout(void **state)
{
  (void)state;
  struct sv_doc *doc = fx_extract_text(es_resumen);
  assert_int_equal(doc->kind, SV_KIND_BANK_STATEMENT);
  assert_string_equal(doc->lang, "es");
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  assert_string_equal(st->holder, "MARÍA JOSÉ PÉREZ GÓMEZ");
  assert_string_equal(st->account, "****6789");
  assert_string_equal(st->currency, "MXN");
  assert_int_not_equal(st->currency_source, SV_CURRENCY_INFERRED);
  fx_assert_date(&st->start, 2026, 3, 1);
  fx_assert_date(&st->end, 2026, 3, 31);
  fx_assert_figure(&st->opening, 4524567, 1);
  fx_assert_figure(&st->closing, 7658187, 1);
  fx_assert_figure(&st->average, 8874678, 1);
  assert_int_equal(doc->problems->len, 0);
  sv_doc_free(&doc);
}

/* The es-resumen layout of a dollar account: "Moneda: DÓLARES (USD)". */
static void test_extract_es_resumen_dollars(void **state)
{
  (void)state;
  char *text = g_strdup(es_resumen);
  char *p = strstr(text, "Moneda: PESOS (M.N.)");
  assert_non_null(p);
  GString *s = g_string_new_len(text, p - text);
  g_string_append(s, "Moneda: DÓLARES (USD)");
  g_string_append(s, p + strlen("Moneda: PESOS (M.N.)"));
  struct sv_doc *doc = fx_extract_text(s->str);
  assert_non_null(sv_doc_statement(doc, 0));
  assert_string_equal(sv_doc_statement(doc, 0)->currency, "USD");
  assert_int_not_equal(sv_doc_statement(doc, 0)->currency_source,
                       SV_CURRENCY_INFERRED);
  fx_assert_figure(&sv_doc_statement(doc, 0)->closing, 7658187, 1);
  sv_doc_free(&doc);
  g_string_free(s, TRUE);
  g_free(text);
}

/* Statement amounts with a trailing minus and CR/DR keep their sign. */
static void test_extract_signed_balances(void **state)
{
  (void)state;
  struct sv_doc *doc =
      fx_extract_text("BANORTE\n"
                      "ESTADO DE CUENTA\n"
                      "No. de Cuenta: 1234567890\n"
                      "Periodo Del 01/ENE/2024 Al 31/ENE/2024\n"
                      "Saldo inicial del periodo              29,536.44-\n"
                      "+ Total de depósitos                   40,000.00\n"
                      "Saldo al Corte                         10,463.56 CR\n"
                      "Saldo Promedio                          1,200.00 DR\n");
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  fx_assert_figure(&st->opening, -2953644, 1);
  fx_assert_figure(&st->closing, 1046356, 1);
  fx_assert_figure(&st->average, -120000, 1);
  fx_assert_date(&st->start, 2024, 1, 1);
  fx_assert_date(&st->end, 2024, 1, 31);
  assert_string_equal(st->account, "****7890");
  sv_doc_free(&doc);
}

/* "Beginning balance on July 1, 2026" and "Ending balance on July 31,
   2026" give the period when no range is printed (BofA / Wells style). */
static void test_extract_period_from_balance_labels(void **state)
{
  (void)state;
  struct sv_doc *doc = fx_extract_text(
      "Bank of Example\n"
      "Your checking account statement\n"
      "Account number: 4321 0987 6543\n"
      "Beginning balance on July 1, 2026            $1,000.00\n"
      "Deposits and other credits                   $2,500.00\n"
      "Withdrawals and other debits                -$1,250.00\n"
      "Ending balance on July 31, 2026              $2,250.00\n"
      "Average ledger balance                       $1,625.50\n");
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  fx_assert_date(&st->start, 2026, 7, 1);
  fx_assert_date(&st->end, 2026, 7, 31);
  fx_assert_figure(&st->opening, 100000, 1);
  fx_assert_figure(&st->closing, 225000, 1);
  fx_assert_figure(&st->average, 162550, 1);
  assert_string_equal(st->currency, "USD");
  assert_int_equal(st->currency_source, SV_CURRENCY_INFERRED);
  sv_doc_free(&doc);
}

/* --------------------------------------------------------- exclusions */

/* Saldo Promedio Mínimo Mensual and Saldo Promedio Gravable are not the
   average balance, whichever comes first. */
static void test_extract_saldo_promedio_minimo_not_average(void **state)
{
  (void)state;
  struct sv_doc *doc =
      fx_extract_text("ESTADO DE CUENTA\n"
                      "Periodo DEL 01/08/2026 AL 31/08/2026\n"
                      "Saldo Promedio Mínimo Mensual          $1,000.00\n"
                      "Saldo Promedio Gravable                    $0.00\n"
                      "Saldo Anterior                        $45,245.67\n"
                      "Saldo Final (+)                       $76,581.87\n"
                      "Saldo Promedio                        $52,214.77\n");
  assert_non_null(sv_doc_statement(doc, 0));
  fx_assert_figure(&sv_doc_statement(doc, 0)->average, 5221477, 1);
  fx_assert_figure(&sv_doc_statement(doc, 0)->closing, 7658187, 1);
  sv_doc_free(&doc);

  doc = fx_extract_text("ESTADO DE CUENTA\n"
                        "Periodo DEL 01/08/2026 AL 31/08/2026\n"
                        "Saldo Anterior                        $45,245.67\n"
                        "Saldo Final                           $76,581.87\n"
                        "SALDO PROMEDIO MINIMO MENSUAL          $1,000.00\n");
  assert_non_null(sv_doc_statement(doc, 0));
  assert_false(sv_doc_statement(doc, 0)->average.present);
  fx_assert_figure(&sv_doc_statement(doc, 0)->opening, 4524567, 1);
  sv_doc_free(&doc);
}

/* SALDO FINAL DEL PERIODO ANTERIOR is the opening balance, SALDO FINAL DEL
   PERIODO the closing one (Santander). */
static void test_extract_saldo_final_periodo_anterior_is_opening(void **state)
{
  (void)state;
  struct sv_doc *doc =
      fx_extract_text("SANTANDER\n"
                      "ESTADO DE CUENTA\n"
                      "PERIODO DEL 01-ENE-2024 AL 31-ENE-2024\n"
                      "CUENTA CLABE   014180655012345678\n"
                      "SALDO FINAL DEL PERIODO ANTERIOR: $   29,536.44\n"
                      "DEPOSITOS                             10,000.00\n"
                      "RETIROS                                8,536.44\n"
                      "SALDO FINAL DEL PERIODO: $            31,000.00\n");
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  fx_assert_figure(&st->opening, 2953644, 1);
  fx_assert_figure(&st->closing, 3100000, 1);
  fx_assert_date(&st->start, 2024, 1, 1);
  fx_assert_date(&st->end, 2024, 1, 31);
  assert_null(st->account); /* only the CLABE is printed */
  sv_doc_free(&doc);
}

/* The 18-digit CLABE is never taken as the account number. */
static void test_extract_clabe_not_account(void **state)
{
  (void)state;
  struct sv_doc *doc = fx_extract_text("ESTADO DE CUENTA\n"
                                       "No. Cuenta CLABE   012180004829173651\n"
                                       "Cuenta: 012180004829173651\n"
                                       "Número de cuenta   0482917365\n"
                                       "Periodo DEL 01/08/2026 AL 31/08/2026\n"
                                       "Saldo Anterior   $1.00\n"
                                       "Saldo Final   $2.00\n");
  assert_non_null(sv_doc_statement(doc, 0));
  assert_string_equal(sv_doc_statement(doc, 0)->account, "****7365");
  sv_doc_free(&doc);
}

/* Only "$" printed: USD for English, MXN for Spanish, marked inferred; an
   explicit code is not inferred. */
static void test_extract_currency_inferred(void **state)
{
  (void)state;
  struct sv_doc *doc =
      fx_extract_text("Account Statement\n"
                      "Statement Period: 05/01/2026 - 05/31/2026\n"
                      "Beginning Balance   $100.00\n"
                      "Ending Balance   $200.00\n");
  assert_string_equal(doc->lang, "en");
  assert_string_equal(sv_doc_statement(doc, 0)->currency, "USD");
  assert_int_equal(sv_doc_statement(doc, 0)->currency_source,
                   SV_CURRENCY_INFERRED);
  sv_doc_free(&doc);

  doc = fx_extract_text("ESTADO DE CUENTA\n"
                        "Periodo: DEL 01/05/2026 AL 31/05/2026\n"
                        "Saldo Anterior de la cuenta   $100.00\n"
                        "Saldo Inicial   $100.00\n"
                        "Saldo Final   $200.00\n");
  assert_string_equal(doc->lang, "es");
  assert_string_equal(sv_doc_statement(doc, 0)->currency, "MXN");
  assert_int_equal(sv_doc_statement(doc, 0)->currency_source,
                   SV_CURRENCY_INFERRED);
  fx_assert_figure(&sv_doc_statement(doc, 0)->opening, 10000, 1);
  sv_doc_free(&doc);

  doc = fx_extract_text("ESTADO DE CUENTA\n"
                        "Periodo: DEL 01/05/2026 AL 31/05/2026\n"
                        "Saldo Anterior   MXN 100.00\n"
                        "Saldo Final   MXN 200.00\n");
  assert_string_equal(sv_doc_statement(doc, 0)->currency, "MXN");
  assert_int_not_equal(sv_doc_statement(doc, 0)->currency_source,
                       SV_CURRENCY_INFERRED);
  sv_doc_free(&doc);

  doc = fx_extract_text("ESTADO DE CUENTA EN DOLARES\n"
                        "Periodo: DEL 01/05/2026 AL 31/05/2026\n"
                        "Saldo Anterior   $100.00\n"
                        "Saldo Final   $200.00\n");
  assert_string_equal(sv_doc_statement(doc, 0)->currency, "USD");
  assert_int_not_equal(sv_doc_statement(doc, 0)->currency_source,
                       SV_CURRENCY_INFERRED);
  sv_doc_free(&doc);
}

/* A label alone on its line takes the amount below it, in its column. */
static void test_extract_label_value_next_line(void **state)
{
  (void)state;
  struct sv_doc *doc =
      fx_extract_text("ESTADO DE CUENTA\n"
                      "Titular:\n"
                      "ANA LUISA RÍOS\n"
                      "Periodo DEL 01/02/2026 AL 28/02/2026\n"
                      "Saldo Anterior              Saldo Final\n"
                      "$45,245.67                  $76,581.87\n"
                      "Saldo Promedio\n"
                      "52,214.77\n");
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  assert_string_equal(st->holder, "ANA LUISA RÍOS");
  fx_assert_figure(&st->opening, 4524567, 1);
  fx_assert_figure(&st->closing, 7658187, 1);
  fx_assert_figure(&st->average, 5221477, 1);
  fx_assert_date(&st->start, 2026, 2, 1);
  fx_assert_date(&st->end, 2026, 2, 28);
  sv_doc_free(&doc);
}

/* Several label/value pairs on one line (BBVA's two-column summary) each
   keep their own value. */
static void test_extract_two_column_summary(void **state)
{
  (void)state;
  struct sv_doc *doc = fx_extract_text(
      "Estado de Cuenta\n"
      "MARIANA ROBLES   Periodo   DEL 01/AGO/2026 AL 31/AGO/2026\n"
      "AV. ALVARO OBREGON 185\n"
      "No. de Cuenta   0482917365\n"
      "Saldo Promedio   52,214.77   Saldo Anterior   45,245.67\n"
      "Días del Periodo   31   Depósitos / Abonos (+)   90,000.00\n"
      "Saldo Promedio Gravable   0.00   Saldo Final (+)   76,581.87\n"
      "Intereses a Favor (+)   0.00   Saldo Promedio Mínimo Mensual   0.00\n"
      "MONEDA NACIONAL\n");
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  fx_assert_figure(&st->average, 5221477, 1);
  fx_assert_figure(&st->opening, 4524567, 1);
  fx_assert_figure(&st->closing, 7658187, 1);
  assert_string_equal(st->holder, "MARIANA ROBLES");
  assert_string_equal(st->currency, "MXN");
  sv_doc_free(&doc);
}

/* The summary may be on a later page; every page is read and the figure
   knows its page. */
static void test_extract_summary_on_page_two(void **state)
{
  (void)state;
  const char *pages[] = {"Account Statement\n"
                         "Account Holder: JANE ROE\n"
                         "Statement Period: 04/01/2026 - 04/30/2026\n"
                         "Please see the account summary on the next page\n",
                         "Account Summary (continued)\n"
                         "Opening Balance   $5,000.00\n"
                         "Closing Balance   $6,000.00\n"
                         "Average Balance   $5,500.00\n",
                         NULL};
  struct sv_doc *doc = fx_statement_doc(pages);
  fx_run_stages(doc);
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  assert_string_equal(st->holder, "JANE ROE");
  fx_assert_figure(&st->opening, 500000, 2);
  fx_assert_figure(&st->closing, 600000, 2);
  fx_assert_figure(&st->average, 550000, 2);
  fx_assert_date(&st->start, 2026, 4, 1);
  sv_doc_free(&doc);
}

/* A statement without a period or balances keeps status OK and gets a
   problem naming what is missing. */
static void test_extract_missing_fields_problem(void **state)
{
  (void)state;
  struct sv_doc *doc = fx_extract_text("Account Statement\n"
                                       "Account Number: 1234 5678\n"
                                       "Account Summary\n"
                                       "Beginning Balance   $100.00\n"
                                       "Ending Balance   $200.00\n");
  assert_int_equal(doc->kind, SV_KIND_BANK_STATEMENT);
  assert_non_null(sv_doc_statement(doc, 0));
  fx_assert_figure(&sv_doc_statement(doc, 0)->closing, 20000, 1);
  assert_int_equal(doc->status, SV_DOC_OK);
  assert_int_equal(doc->problems->len, 1);
  const struct sv_problem *pr = g_ptr_array_index(doc->problems, 0);
  assert_string_equal(pr->stage, "extract");
  assert_non_null(strstr(pr->message, "period"));
  assert_null(strstr(pr->message, "balance"));
  sv_doc_free(&doc);

  doc = fx_extract_text("ESTADO DE CUENTA\n"
                        "No. de Cuenta: 0123456789\n"
                        "Saldo Promedio Mínimo Mensual   $1,000.00\n"
                        "Detalle de Movimientos\n");
  assert_int_equal(doc->kind, SV_KIND_BANK_STATEMENT);
  assert_int_equal(doc->status, SV_DOC_OK);
  assert_int_equal(doc->problems->len, 1);
  pr = g_ptr_array_index(doc->problems, 0);
  assert_non_null(strstr(pr->message, "period"));
  assert_non_null(strstr(pr->message, "balance"));
  assert_false(sv_doc_statement(doc, 0)->average.present);
  sv_doc_free(&doc);
}

/* Documents that are not bank statements get no statement. */
static void test_extract_skips_other_kinds(void **state)
{
  (void)state;
  struct sv_doc *doc = fx_extract_text(
      "Dear Consul,\n"
      "I am writing to introduce my friend, who will visit Mexico.\n"
      "Sincerely,\n"
      "Robert Smith\n");
  assert_int_not_equal(doc->kind, SV_KIND_BANK_STATEMENT);
  assert_null(sv_doc_statement(doc, 0));
  assert_int_equal(doc->problems->len, 0);
  sv_doc_free(&doc);
}

/* ------------------------------------------------------ reconciliation */

/* The summary totals are read next to their labels, counts are not. */
static void test_extract_summary_totals(void **state)
{
  (void)state;
  struct sv_doc *doc = fx_extract_text(en_summary);
  fx_assert_figure(&sv_doc_statement(doc, 0)->credits, 300000, 1);
  fx_assert_figure(&sv_doc_statement(doc, 0)->debits, 123456, 1);
  sv_doc_free(&doc);
  doc = fx_extract_text(es_resumen);
  fx_assert_figure(&sv_doc_statement(doc, 0)->credits, 9000000, 1);
  fx_assert_figure(&sv_doc_statement(doc, 0)->debits, 5866380, 1);
  sv_doc_free(&doc);
  doc = fx_extract_text("ESTADO DE CUENTA\n"
                        "Periodo: DEL 01/08/2026 AL 31/08/2026\n"
                        "Saldo Anterior   45,245.67\n"
                        "Total Movimientos Cargos   18\n"
                        "Total Movimientos Abonos   3\n"
                        "Total Importe Cargos   58,663.80\n"
                        "Total Importe Abonos   90,000.00\n"
                        "Saldo Final   76,581.87\n");
  fx_assert_figure(&sv_doc_statement(doc, 0)->debits, 5866380, 1);
  fx_assert_figure(&sv_doc_statement(doc, 0)->credits, 9000000, 1);
  assert_true(sv_doc_statement(doc, 0)->reconciled);
  assert_int_equal(sv_doc_statement(doc, 0)->checks, 1);
  sv_doc_free(&doc);
}

/* Every check of a consistent statement passes: summary, printed vs
   computed average, closing vs last running balance, the running-balance
   links (en: signed Amount column; es: 02/MAR rows, Cargo/Abono). */
static void test_extract_printed_average_reconciles(void **state)
{
  (void)state;
  struct sv_doc *doc = fx_extract_text(en_summary);
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_true(st->reconciled);
  assert_int_equal(st->checks, 4);
  assert_false(st->average_computed);
  assert_false(st->average.unreconciled);
  assert_false(st->closing.unreconciled);
  assert_int_equal(doc->problems->len, 0);
  sv_doc_free(&doc);
  doc = fx_extract_text(es_resumen);
  assert_true(sv_doc_statement(doc, 0)->reconciled);
  assert_int_equal(sv_doc_statement(doc, 0)->checks, 4);
  assert_int_equal(doc->problems->len, 0);
  sv_doc_free(&doc);
}

/* A printed average outside the period's range of balances is
   unreconciled, with both numbers in a problem on its page; the closing
   stays trusted.  (On a text layer an average inside the range is the
   bank's own averaging and stands; see test_extract_average_in_range.) */
static void test_extract_average_off_by_one_digit(void **state)
{
  (void)state;
  char *text = fx_replaced(en_summary, "$14,978.31", "$94,978.31");
  struct sv_doc *doc = fx_extract_text(text);
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  fx_assert_figure(&st->average, 9497831, 1);
  assert_false(st->reconciled);
  assert_int_equal(st->checks, 4);
  assert_true(st->average.unreconciled);
  assert_false(st->closing.unreconciled);
  assert_int_equal(doc->status, SV_DOC_OK);
  assert_int_equal(doc->problems->len, 1);
  const struct sv_problem *pr = g_ptr_array_index(doc->problems, 0);
  assert_string_equal(pr->stage, "extract");
  assert_int_equal(pr->page, 1);
  assert_non_null(strstr(pr->message, "94,978.31"));
  assert_non_null(strstr(pr->message, "14,978.31"));
  assert_non_null(strstr(pr->message, "day-weighted"));
  sv_doc_free(&doc);
  g_free(text);
}

/* On a text layer, a printed average that differs from the day-weighted
   one but lies between the period's lowest and highest balance is the
   bank's own averaging: it stands, reconciled. */
static void test_extract_average_in_range(void **state)
{
  (void)state;
  char *text = fx_replaced(en_summary, "$14,978.31", "$14,978.81");
  struct sv_doc *doc = fx_extract_text(text);
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  fx_assert_figure(&st->average, 1497881, 1);
  assert_true(st->reconciled);
  assert_false(st->average.unreconciled);
  assert_int_equal(doc->problems->len, 0);
  sv_doc_free(&doc);
  g_free(text);
}

/* opening + credits - debits != closing: the closing is unreconciled; the
   printed average, whose own check passes, stays trusted. */
static void test_extract_summary_arithmetic_fails(void **state)
{
  (void)state;
  char *text = fx_replaced(en_summary, "$3,000.00", "$3,100.00");
  struct sv_doc *doc = fx_extract_text(text);
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  fx_assert_figure(&st->credits, 310000, 1);
  assert_false(st->reconciled);
  assert_true(st->closing.unreconciled);
  assert_false(st->average.unreconciled);
  assert_int_equal(doc->problems->len, 1);
  const struct sv_problem *pr = g_ptr_array_index(doc->problems, 0);
  /* 12,345.67 + 3,100.00 - 1,234.56 = 14,211.11 */
  assert_non_null(strstr(pr->message, "14,211.11"));
  assert_non_null(strstr(pr->message, "14,111.11"));
  sv_doc_free(&doc);
  g_free(text);
}

/* Only a transaction table: the average is computed day-weighted.
   April 2026, 30 days: 1,000.00 on days 1-10 (10 x 100,000 = 1,000,000
   cents), 1,500.00 on days 11-25 (15 x 150,000 = 2,250,000), 500.05 on
   days 26-30 (5 x 50,005 = 250,025); 3,500,025 / 30 = 116,667.5 cents,
   half up: 1,166.68. */
static void test_extract_transactions_only_computed_average(void **state)
{
  (void)state;
  struct sv_doc *doc =
      fx_extract_text("Account Statement\n"
                      "Account Number: 0012 3456 7890\n"
                      "Statement Period: 04/01/2026 - 04/30/2026\n"
                      "Beginning Balance   $1,000.00\n"
                      "Ending Balance   $500.05\n"
                      "Date   Description        Amount        Balance\n"
                      "04/11   DEPOSIT           500.00       1,500.00\n"
                      "04/26   RENT             -999.95         500.05\n");
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  assert_true(st->average_computed);
  fx_assert_figure(&st->average, 116668, 1);
  assert_true(st->reconciled);
  assert_int_equal(st->checks, 2); /* links, closing = last balance */
  assert_int_equal(doc->problems->len, 0);
  sv_doc_free(&doc);
}

/* The table continues on page 2 (header repeated or not), and the
   balance figure of a computed average points at the balance cells. */
static void test_extract_running_balances_two_pages(void **state)
{
  (void)state;
  const char *pages[] = {"Account Statement\n"
                         "Statement Period: 04/01/2026 - 04/30/2026\n"
                         "Beginning Balance   $1,000.00\n"
                         "Date   Description        Amount        Balance\n"
                         "04/11   DEPOSIT           500.00       1,500.00\n",
                         "Transaction Detail (continued)\n"
                         "04/26   RENT             -999.95         500.05\n"
                         "Page 2 of 2\n",
                         NULL};
  struct sv_doc *doc = fx_statement_doc(pages);
  fx_run_stages(doc);
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  assert_true(st->average_computed);
  fx_assert_figure(&st->average, 116668, 1);
  assert_true(st->average.conf > 99.0f);
  /* no closing printed: the last running balance, page 2 */
  fx_assert_figure(&st->closing, 50005, 2);
  assert_true(st->reconciled);
  assert_int_equal(st->checks, 1); /* the links */
  sv_doc_free(&doc);
}

/* BBVA-like rows: two dates, the balance printed twice and only at the
   day's last movement; the row without one carries the movement on. */
static void test_extract_bbva_rows_without_balance(void **state)
{
  (void)state;
  /* Aug 2026, 31 days: 10,000.00 on day 1 (the opening; the first
     movement is on day 2), 8,000.00 on days 2-14 (13 days), 10,500.00 on days
     15-31 (17 days): 1,000,000 + 10,400,000 + 17,850,000 = 29,250,000 cents; /
     31 = 943,548.39 -> 9,435.48. */
  struct sv_doc *doc =
      fx_extract_text("ESTADO DE CUENTA\n"
                      "Periodo: DEL 01/AGO/2026 AL 31/AGO/2026\n"
                      "Saldo Anterior   10,000.00\n"
                      "Saldo Final   10,500.00\n"
                      "Saldo Promedio   9,435.48\n"
                      "FECHA          DESCRIPCION      CARGOS      ABONOS      "
                      "SALDO OPER   SALDO LIQ\n"
                      "02/AGO 02/AGO   RENTA         2,000.00                  "
                      "  8,000.00    8,000.00\n"
                      "15/AGO 15/AGO   NOMINA                    5,000.00\n"
                      "15/AGO 15/AGO   TARJETA       2,500.00                  "
                      " 10,500.00   10,500.00\n");
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  assert_false(st->average_computed);
  fx_assert_figure(&st->average, 943548, 1);
  assert_true(st->reconciled);
  assert_int_equal(st->checks, 3); /* average, closing, links */
  assert_int_equal(doc->problems->len, 0);
  sv_doc_free(&doc);
}

/* --------------------------------------------------------- real PDFs */

/* The BBVA Libretón statement: every truth.json figure. */
static void test_extract_realdoc_bbva(void **state)
{
  (void)state;
  struct sv_doc *doc = fx_realdoc(
      "mx-bbva-libreton-synthetic/bbva_estado_de_cuenta_2026-08.pdf");
  if (doc == NULL)
    skip();
  assert_int_equal(doc->kind, SV_KIND_BANK_STATEMENT);
  assert_string_equal(doc->lang, "es");
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  assert_non_null(st->holder);
  assert_string_equal(st->holder, "MARIANA ROBLES TREVIÑO");
  assert_string_equal(st->account, "****7365");
  assert_string_equal(st->currency, "MXN");
  assert_int_not_equal(st->currency_source, SV_CURRENCY_INFERRED);
  fx_assert_date(&st->start, 2026, 8, 1);
  fx_assert_date(&st->end, 2026, 8, 31);
  fx_assert_figure(&st->opening, 4524567, 1);
  fx_assert_figure(&st->closing, 7658187, 1);
  fx_assert_figure(&st->average, 5221477, 1);
  assert_true(st->closing.conf > 99.0f);
  sv_doc_free(&doc);
}

/* The Chase checking statement: period in words, no average printed. */
static void test_extract_realdoc_chase(void **state)
{
  (void)state;
  struct sv_doc *doc =
      fx_realdoc("us-chase-template-citizen/chase_checking_2022-07.pdf");
  if (doc == NULL)
    skip();
  assert_int_equal(doc->kind, SV_KIND_BANK_STATEMENT);
  assert_string_equal(doc->lang, "en");
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  assert_non_null(st->holder);
  assert_string_equal(st->holder, "JOHN CITIZEN");
  assert_string_equal(st->account, "****1483");
  assert_string_equal(st->currency, "USD");
  fx_assert_date(&st->start, 2022, 7, 1);
  fx_assert_date(&st->end, 2022, 7, 31);
  fx_assert_figure(&st->opening, 8160740, 1);
  fx_assert_figure(&st->closing, 18929631, 1);
  /* no average printed: the day-weighted one of the daily ending
     balances, worked by hand: 81,607.40 on Jul 1, then each printed day's
     balance carried to the next (02: 98,727.40 ... 30: 189,296.31), summed
     over 31 days = 3,973,464.28 / 31 = 128,176.27 */
  assert_true(st->average_computed);
  assert_int_equal(st->average.amount, 12817627);
  assert_true(st->reconciled);
  sv_doc_free(&doc);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_extract_en_summary_layout),
      cmocka_unit_test(test_extract_figure_box_and_conf),
      cmocka_unit_test(test_extract_es_resumen_layout),
      cmocka_unit_test(test_extract_es_resumen_dollars),
      cmocka_unit_test(test_extract_signed_balances),
      cmocka_unit_test(test_extract_period_from_balance_labels),
      cmocka_unit_test(test_extract_saldo_promedio_minimo_not_average),
      cmocka_unit_test(test_extract_saldo_final_periodo_anterior_is_opening),
      cmocka_unit_test(test_extract_clabe_not_account),
      cmocka_unit_test(test_extract_currency_inferred),
      cmocka_unit_test(test_extract_label_value_next_line),
      cmocka_unit_test(test_extract_two_column_summary),
      cmocka_unit_test(test_extract_summary_on_page_two),
      cmocka_unit_test(test_extract_missing_fields_problem),
      cmocka_unit_test(test_extract_skips_other_kinds),
      cmocka_unit_test(test_extract_summary_totals),
      cmocka_unit_test(test_extract_printed_average_reconciles),
      cmocka_unit_test(test_extract_average_off_by_one_digit),
      cmocka_unit_test(test_extract_average_in_range),
      cmocka_unit_test(test_extract_summary_arithmetic_fails),
      cmocka_unit_test(test_extract_transactions_only_computed_average),
      cmocka_unit_test(test_extract_running_balances_two_pages),
      cmocka_unit_test(test_extract_bbva_rows_without_balance),
      cmocka_unit_test(test_extract_realdoc_bbva),
      cmocka_unit_test(test_extract_realdoc_chase),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
