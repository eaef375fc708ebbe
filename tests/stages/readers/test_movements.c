/*
 * test_movements.c - tests of the statement reader's movements tables
 * (stages/readers/movements.c, cells.c, reconcile.c): layouts with one
 * signed column or debit/credit columns, wrapped rows, rows dated by day
 * alone, ledgers, the running balance as judge of what was read, and OCR
 * re-reads answered by a scripted service (the votes on an unsure date,
 * a misread movement between balances that link).  Documents are built
 * from text as printed (reader_fixture.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include <leptonica/allheaders.h>

#include "extract.h"
#include "ocr.h"
#include "render.h"
#include "stages/readers/reader_fixture.h"
#include "support.h"

/* ------------------------------------------------- issue-4 layouts */

/* en-activity (LAYOUTS.md), three pages.  July 2026, 31 days: opening
   12,345.67 + 3,000.00 - (1,234.56 + 150.00 + 12.00) = 13,949.11.  The
   movements (pages 2-3, one signed Amount column) and the daily ledger
   balances (page 3) give the day-weighted average: 12,345.67 x 1 (Jul 1)
   + 15,345.67 x 4 (2-5) + 15,195.67 x 9 (6-14) + 13,961.11 x 16 (15-30)
   + 13,949.11 x 1 (31) = 447,816.25 / 31 = 14,445.685 -> 14,445.69. */
static const char *const en_activity[] = {
    "RIVERSIDE NATIONAL BANK\n"
    "Your Adv Plus Banking\n"
    "for July 1, 2026 to July 31, 2026            Account number: 4417 2290 "
    "5561\n"
    "JOHN MICHAEL DOE\n"
    "88 Harbor Road, Portland, ME 04101\n"
    "Account summary\n"
    "Beginning balance on July 1, 2026               $12,345.67\n"
    "Deposits and other credits                       3,000.00\n"
    "Withdrawals and other debits                    -1,234.56\n"
    "Checks                                            -150.00\n"
    "Service fees                                       -12.00\n"
    "Ending balance on July 31, 2026                 $13,949.11\n"
    "Average ledger balance                          $14,445.69\n"
    "continued on the next page\n"
    "Page 1 of 3\n",
    "RIVERSIDE NATIONAL BANK\n"
    "JOHN MICHAEL DOE   Account number: 4417 2290 5561\n"
    "Date        Description                              Amount\n"
    "07/02/26    PAYROLL ACME CORP                      3,000.00\n"
    "07/06/26    CHECK 1042                              -150.00\n"
    "continued on the next page\n"
    "Page 2 of 3\n",
    "RIVERSIDE NATIONAL BANK\n"
    "Date        Description                              Amount\n"
    "07/15/26    ONLINE TRANSFER TO SAVINGS            -1,234.56\n"
    "07/31/26    MONTHLY SERVICE FEE                      -12.00\n"
    "Daily ledger balances\n"
    "Date      Balance ($)      Date      Balance ($)\n"
    "07/02     15,345.67       07/06     15,195.67\n"
    "07/15     13,961.11       07/31     13,949.11\n"
    "Page 3 of 3\n",
    NULL};

/* en-activity: the unlabelled holder of the address block, the summary's
   debit lines added up, the average reconciled with the movements and the
   daily ledger balances of later pages. */
static void test_extract_en_activity_layout(void **state)
{
  (void)state;
  struct sv_doc *doc = fx_statement_doc(en_activity);
  fx_run_stages(doc);
  assert_int_equal(doc->kind, SV_KIND_BANK_STATEMENT);
  assert_string_equal(doc->lang, "en");
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  assert_non_null(st->holder);
  assert_string_equal(st->holder, "JOHN MICHAEL DOE");
  assert_string_equal(st->account, "****5561");
  assert_string_equal(st->currency, "USD");
  fx_assert_date(&st->start, 2026, 7, 1);
  fx_assert_date(&st->end, 2026, 7, 31);
  fx_assert_figure(&st->opening, 1234567, 1);
  fx_assert_figure(&st->closing, 1394911, 1);
  fx_assert_figure(&st->average, 1444569, 1);
  assert_false(st->average_computed);
  fx_assert_figure(&st->credits, 300000, 1);
  fx_assert_figure(&st->debits, 139656, 1); /* 1,234.56 + 150.00 + 12.00 */
  /* sum, average, last ledger balance = closing, links */
  assert_true(st->reconciled);
  assert_int_equal(st->checks, 4);
  assert_int_equal(doc->problems->len, 0);
  sv_doc_free(&doc);
}

/* en-activity with the service fee left out of the summary: the sum check
   fails (12,345.67 + 3,000.00 - 1,384.56 = 13,961.11, not 13,949.11) and
   says so; the closing is marked. */
static void test_extract_en_activity_sum_mismatch(void **state)
{
  (void)state;
  char *p1 = fx_replaced(en_activity[0],
                         "Service fees                                       "
                         "-12.00\n",
                         "");
  const char *pages[] = {p1, en_activity[1], en_activity[2], NULL};
  struct sv_doc *doc = fx_statement_doc(pages);
  fx_run_stages(doc);
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  /* no reading reconciles: the total as labelled is reported, 12,345.67
     + 3,000.00 - 1,234.56 = 14,111.11 against a closing of 13,949.11 */
  fx_assert_figure(&st->debits, 123456, 1);
  assert_false(st->reconciled);
  assert_true(st->closing.unreconciled);
  assert_true(doc->problems->len >= 1);
  const struct sv_problem *pr = g_ptr_array_index(doc->problems, 0);
  assert_non_null(strstr(pr->message, "14,111.11"));
  sv_doc_free(&doc);
  g_free(p1);
}

/* en-online (LAYOUTS.md): CAD, a period not aligned to months kept as
   printed, debits in parentheses, no average printed.  Day-weighted over
   Jul 16 - Aug 15 (31 days): 4,210.00 x 2 (16-17) + 4,710.00 x 3 (18-20)
   + 4,624.80 x 11 (21-31) + 5,824.80 x 9 (Aug 1-9) + 5,118.42 x 6 (10-15)
   = 156,556.52 / 31 = 5,050.210 -> 5,050.21. */
static void test_extract_en_online_layout(void **state)
{
  (void)state;
  struct sv_doc *doc = fx_extract_text(
      "NORTHERN LIGHTS ONLINE BANK (Canada)\n"
      "Statement Period 07/16/2026 - 08/15/2026\n"
      "Customer: JOHN MICHAEL DOE          Account No. ****1234-5566\n"
      "All amounts in CAD\n"
      "Beginning Balance, as of 07/16/2026        $4,210.00\n"
      "Days In Statement Period                   31\n"
      "Ending Balance, as of 08/15/2026           $5,118.42\n"
      "Date        Description           Debits      Credits      Balance\n"
      "07/18/2026  E-TRANSFER RECEIVED                 500.00     4,710.00\n"
      "07/21/2026  POS PURCHASE          (85.20)                  4,624.80\n"
      "08/01/2026  PAYROLL DEPOSIT                   1,200.00     5,824.80\n"
      "08/10/2026  RENT PAYMENT         (706.38)                  5,118.42\n");
  assert_int_equal(doc->kind, SV_KIND_BANK_STATEMENT);
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  assert_non_null(st->holder);
  assert_string_equal(st->holder, "JOHN MICHAEL DOE");
  assert_string_equal(st->account, "****5566");
  assert_string_equal(st->currency, "CAD");
  assert_int_not_equal(st->currency_source, SV_CURRENCY_INFERRED);
  fx_assert_date(&st->start, 2026, 7, 16);
  fx_assert_date(&st->end, 2026, 8, 15);
  fx_assert_figure(&st->opening, 421000, 1);
  fx_assert_figure(&st->closing, 511842, 1);
  assert_true(st->average_computed);
  fx_assert_figure(&st->average, 505021, 1);
  assert_false(st->credits.present);
  assert_false(st->debits.present);
  assert_true(st->reconciled);
  assert_int_equal(st->checks, 2); /* closing = last balance, links */
  sv_doc_free(&doc);
}

/* es-movimientos (LAYOUTS.md): labels with colons, DD-MMM-YYYY rows, the
   closing printed after the table, no average.  January 2026: 84,250.10
   x 4 (1-4) + 106,750.10 x 7 (5-11) + 98,300.10 x 8 (12-19) + 97,310.55
   x 12 (20-31) = 3,038,378.50 / 31 = 98,012.210 -> 98,012.21. */
static void test_extract_es_movimientos_layout(void **state)
{
  (void)state;
  struct sv_doc *doc =
      fx_extract_text("BANCO ATLÁNTICO MÉXICO, S.A.\n"
                      "Estado de cuenta - Cuenta de cheques\n"
                      "NOMBRE DEL CLIENTE: MARÍA JOSÉ PÉREZ GÓMEZ\n"
                      "NÚMERO DE CUENTA: 65-50123456-7        CUENTA CLABE: "
                      "014180655012345679\n"
                      "PERIODO DEL 01-ENE-2026 AL 31-ENE-2026\n"
                      "SALDO FINAL DEL PERIODO ANTERIOR: $ 84,250.10\n"
                      "Detalle de movimientos cuenta de cheques\n"
                      "FECHA       FOLIO     DESCRIPCION            DEPOSITO   "
                      " RETIRO      SALDO\n"
                      "05-ENE-2026 0012345   DEPOSITO NOMINA        22,500.00  "
                      "            106,750.10\n"
                      "12-ENE-2026 0012346   PAGO TARJETA                      "
                      " 8,450.00    98,300.10\n"
                      "20-ENE-2026 0012347   COMISION SERVICIO                 "
                      "   989.55    97,310.55\n"
                      "SALDO FINAL DEL PERIODO: $ 97,310.55\n"
                      "MONEDA: MXN\n");
  assert_int_equal(doc->kind, SV_KIND_BANK_STATEMENT);
  assert_string_equal(doc->lang, "es");
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  assert_non_null(st->holder);
  assert_string_equal(st->holder, "MARÍA JOSÉ PÉREZ GÓMEZ");
  assert_string_equal(st->account, "****4567");
  assert_string_equal(st->currency, "MXN");
  fx_assert_date(&st->start, 2026, 1, 1);
  fx_assert_date(&st->end, 2026, 1, 31);
  fx_assert_figure(&st->opening, 8425010, 1);
  fx_assert_figure(&st->closing, 9731055, 1);
  assert_true(st->average_computed);
  fx_assert_figure(&st->average, 9801221, 1);
  assert_true(st->reconciled);
  assert_int_equal(st->checks, 2);
  sv_doc_free(&doc);
}

/* es-banorte (LAYOUTS.md): opening/closing only, the interest line is a
   credit: 1,204,500.00 + 150,000.00 + 512.33 - 95,230.10 = 1,259,782.23. */
static void test_extract_es_banorte_layout(void **state)
{
  (void)state;
  struct sv_doc *doc = fx_extract_text(
      "BANCO DEL NORTE\n"
      "ESTADO DE CUENTA ENLACE\n"
      "Titular: JUAN CARLOS RAMÍREZ LÓPEZ     No. de Cuenta: 0812345678\n"
      "Periodo Del 01/ENE/2026 Al 31/ENE/2026\n"
      "Fecha de corte 31/ENE/2026\n"
      "Saldo inicial del periodo                 1,204,500.00\n"
      "+ Total de depósitos                        150,000.00\n"
      "- Total de retiros                           95,230.10\n"
      "+ Intereses Netos Ganados                       512.33\n"
      "Saldo final del periodo                   1,259,782.23\n"
      "Moneda: PESOS (M.N.)\n");
  assert_int_equal(doc->kind, SV_KIND_BANK_STATEMENT);
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  assert_non_null(st->holder);
  assert_string_equal(st->holder, "JUAN CARLOS RAMÍREZ LÓPEZ");
  assert_string_equal(st->account, "****5678");
  assert_string_equal(st->currency, "MXN");
  fx_assert_date(&st->start, 2026, 1, 1);
  fx_assert_date(&st->end, 2026, 1, 31);
  fx_assert_figure(&st->opening, 120450000, 1);
  fx_assert_figure(&st->closing, 125978223, 1);
  assert_false(st->average.present); /* basis closing */
  fx_assert_figure(&st->credits, 15051233, 1);
  fx_assert_figure(&st->debits, 9523010, 1);
  assert_true(st->reconciled);
  assert_int_equal(st->checks, 1);
  sv_doc_free(&doc);
}

/* es-banorte with a negative closing balance printed with a trailing
   minus: 1,000.00 + 0.00 - 30,536.44 = -29,536.44. */
static void test_extract_es_banorte_trailing_minus(void **state)
{
  (void)state;
  struct sv_doc *doc = fx_extract_text(
      "BANCO DEL NORTE\n"
      "ESTADO DE CUENTA ENLACE\n"
      "Titular: JUAN CARLOS RAMÍREZ LÓPEZ     No. de Cuenta: 0812345678\n"
      "Periodo Del 01/FEB/2026 Al 28/FEB/2026\n"
      "Saldo inicial del periodo                 1,000.00\n"
      "+ Total de depósitos                          0.00\n"
      "- Total de retiros                       30,536.44\n"
      "Saldo final del periodo                  29,536.44-\n");
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  fx_assert_figure(&st->closing, -2953644, 1);
  assert_true(st->reconciled);
  fx_assert_date(&st->end, 2026, 2, 28);
  sv_doc_free(&doc);
}

/* es-euro (LAYOUTS.md): EUR in the European number format, the IBAN
   masked to its last 4 digits, DD/MM rows, "Saldo medio" as the printed
   average.  March 2026: 12,345.67 x 1 + 15,345.67 x 8 (2-9) + 15,111.11
   x 15 (10-24) + 14,111.11 x 7 (25-31) = 460,555.45 / 31 = 14,856.627
   -> 14,856.63. */
static void test_extract_es_euro_layout(void **state)
{
  (void)state;
  struct sv_doc *doc =
      fx_extract_text("BANCO IBÉRICO\n"
                      "Extracto de cuenta corriente\n"
                      "Titular: MARÍA JOSÉ PÉREZ GÓMEZ         IBAN: ES91 2100 "
                      "0418 4502 0005 1332\n"
                      "Periodo: 01/03/2026 - 31/03/2026\n"
                      "Saldo anterior                12.345,67 €\n"
                      "Total abonos                   3.000,00 €\n"
                      "Total cargos                   1.234,56 €\n"
                      "Saldo final                   14.111,11 €\n"
                      "Saldo medio del periodo       14.856,63 €\n"
                      "Fecha   Concepto             Importe      Saldo\n"
                      "02/03   NÓMINA              3.000,00  15.345,67\n"
                      "10/03   RECIBO LUZ           -234,56  15.111,11\n"
                      "25/03   TRANSFERENCIA      -1.000,00  14.111,11\n");
  assert_int_equal(doc->kind, SV_KIND_BANK_STATEMENT);
  assert_string_equal(doc->lang, "es");
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  assert_non_null(st->holder);
  assert_string_equal(st->holder, "MARÍA JOSÉ PÉREZ GÓMEZ");
  assert_string_equal(st->account, "****1332");
  assert_string_equal(st->currency, "EUR");
  fx_assert_date(&st->start, 2026, 3, 1);
  fx_assert_date(&st->end, 2026, 3, 31);
  fx_assert_figure(&st->opening, 1234567, 1);
  fx_assert_figure(&st->closing, 1411111, 1);
  fx_assert_figure(&st->average, 1485663, 1);
  assert_false(st->average_computed);
  fx_assert_figure(&st->credits, 300000, 1);
  fx_assert_figure(&st->debits, 123456, 1);
  assert_true(st->reconciled);
  assert_int_equal(st->checks, 4);
  sv_doc_free(&doc);
}

/* Row dates read in the order the period was printed in, not the
   language's: an English-worded statement printing DD/MM.  Period Feb 1 -
   Apr 30 2026 (89 days); "03/04" is Apr 3 (Mar 4 would also fall in the
   period).  1,000.00 x 61 (Feb 1 - Apr 2) + 2,000.00 x 28 (Apr 3-30) =
   117,000.00 / 89 = 1,314.606 -> 1,314.61 (Mar 4 would give 1,651.69). */
static void test_extract_row_dates_follow_period(void **state)
{
  (void)state;
  struct sv_doc *doc =
      fx_extract_text("Account Statement\n"
                      "Statement Period: 01/02/2026 - 30/04/2026\n"
                      "Beginning Balance   $1,000.00\n"
                      "Ending Balance   $2,000.00\n"
                      "Date   Description        Amount        Balance\n"
                      "03/04   DEPOSIT         1,000.00       2,000.00\n");
  assert_string_equal(doc->lang, "en");
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  fx_assert_date(&st->start, 2026, 2, 1);
  fx_assert_date(&st->end, 2026, 4, 30);
  assert_true(st->average_computed);
  fx_assert_figure(&st->average, 131461, 1);
  sv_doc_free(&doc);
}

/* A section table of movements without any balance (Commerce Bank's
   "Date Paid  Check Number  Amount", unsigned) is signed by its title
   ("Checks Paid": money out); opening + movements = closing proves them
   complete, and then they give the daily balances. */
static void test_extract_section_movements_signed_by_title(void **state)
{
  (void)state;
  struct sv_doc *doc =
      fx_extract_text("Account Statement\n"
                      "Statement Period: 03/01/2026 - 03/31/2026\n"
                      "Beginning Balance   $1,000.00\n"
                      "Ending Balance   $895.00\n"
                      "Checks Paid\n"
                      "Date Paid   Check Number   Amount\n"
                      "03/12   1001   75.00\n"
                      "03/18   1002   30.00\n");
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  fx_assert_figure(&st->closing, 89500, 1);
  /* the section's title makes the checks money out: 1,000.00 - 75.00 -
     30.00 = 895.00, the printed closing; so the movements are all there
     and give the daily balances: (1,000.00 x 11 + 925.00 x 6 + 895.00 x
     14) / 31 = 29,080.00 / 31 = 938.06 */
  assert_int_equal(st->checks, 1);
  assert_true(st->reconciled);
  assert_true(st->average_computed);
  assert_int_equal(st->average.amount, 93806);
  assert_false(st->closing.unreconciled);
  assert_int_equal(doc->problems->len, 0);
  sv_doc_free(&doc);
}

/* en-activity whose movements do not lead to the daily ledger balances
   (a debit printed unsigned): the movements are set aside and the ledger
   balances alone give the average and the last-balance check. */
static void test_extract_ledger_when_movements_disagree(void **state)
{
  (void)state;
  char *p3 = fx_replaced(en_activity[2], "-1,234.56", " 1,234.56");
  const char *pages[] = {en_activity[0], en_activity[1], p3, NULL};
  struct sv_doc *doc = fx_statement_doc(pages);
  fx_run_stages(doc);
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  fx_assert_figure(&st->average, 1444569, 1);
  assert_true(st->reconciled);
  assert_int_equal(st->checks, 3); /* sum, average, last balance */
  assert_int_equal(doc->problems->len, 0);
  sv_doc_free(&doc);
  g_free(p3);
}

static void check_sample_dir(const char *dir, int min_checks, int *n)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  if (d == NULL)
    return;
  const char *name;
  while ((name = g_dir_read_name(d)) != NULL) {
    char *path = g_build_filename(dir, name, NULL);
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
      check_sample_dir(path, min_checks, n);
    } else if (g_str_has_suffix(name, ".pdf")) {
      gchar *data = NULL;
      gsize len = 0;
      assert_true(g_file_get_contents(path, &data, &len, NULL));
      struct sv_doc *doc = sv_doc_new(NULL, name, path);
      doc->bytes = g_bytes_new_take(data, len);
      doc->size = (gint64)len;
      doc->type = SV_FILE_PDF;
      struct sv_config cfg;
      memset(&cfg, 0, sizeof cfg);
      assert_int_equal(sv_render_stage.process(NULL, &cfg, NULL, NULL, doc),
                       SV_OK);
      if (doc->text == SV_TEXT_LAYER) {
        fx_run_stages(doc);
        if (doc->kind == SV_KIND_BANK_STATEMENT) {
          const struct sv_statement *st = sv_doc_statement(doc, 0);
          assert_non_null(st);
          if (!st->reconciled || st->checks < min_checks)
            fail_msg("%s: reconciled %d, checks %d", path, st->reconciled,
                     st->checks);
          (*n)++;
        }
      }
      sv_doc_free(&doc);
    }
    g_free(path);
  }
  g_dir_close(d);
}

/* Every text-layer sample statement (c01-c07, c09) reconciles with at
   least two checks: the day-weighted average agrees with the generator's
   printed one to the cent. */
static void test_extract_samples_reconcile(void **state)
{
  (void)state;
  static const char *const cases[] = {"c01-en-visitor-meets",
                                      "c02-es-temporary-meets",
                                      "c03-es-temporary-not-met",
                                      "c04-en-missing-month",
                                      "c05-bad-files",
                                      "c06-two-accounts",
                                      "c07-month-below",
                                      "c09-no-manifest"};
  int n = 0;
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    char *rel = g_build_filename("samples/cases", cases[i], NULL);
    char *dir = sv_test_src(rel);
    check_sample_dir(dir, 2, &n);
    g_free(dir);
    g_free(rel);
  }
  assert_true(n >= 60);
}

/* Every text-layer statement of the labelled corpus (samples/corpus, all
   the LAYOUTS.md layouts) reconciles with at least one check (es-banorte
   allows only the summary sum); skipped until the corpus is generated. */
static void test_extract_corpus_statements_reconcile(void **state)
{
  (void)state;
  char *dir = sv_test_src("samples/corpus");
  int n = 0;
  if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
    g_free(dir);
    skip();
  }
  check_sample_dir(dir, 1, &n);
  g_free(dir);
  assert_true(n >= 14); /* 7 layouts, two text-layer statements each */
}

/* A scanned statement whose one movement OCR misread ("7,537.21" read
   "71,937.21", the same on a re-read) between two balances the next row
   keeps linking: the balance stands, the movement is left unread, and the
   statement reconciles (the summary adds up; the average comes from the
   balances: (2 x 10,000.00 + 7 x 12,000.00 + 5 x 4,462.79 + 17 x
   5,462.79) / 31 = 7,070.37).  The same page as a text layer is a
   document contradicting itself, and is not reconciled. */
static const char misread_movement[] =
    "BANCO DEL NORTE\n"
    "ESTADO DE CUENTA\n"
    "Titular: ANA RUIZ SOTO\n"
    "No. de cuenta: 0099887766\n"
    "Periodo del 01/12/2025 al 31/12/2025\n"
    "Moneda: MXN\n"
    "Saldo inicial       $10,000.00\n"
    "Depositos            $3,000.00\n"
    "Retiros              $7,537.21\n"
    "Saldo final          $5,462.79\n"
    "Dia   Descripcion                   Retiro      Deposito         Saldo\n"
    "03    DEPOSITO EN EFECTIVO                      2,000.00     12,000.00\n"
    "10    RETIRO CAJERO              71,937.21                    4,462.79\n"
    "15    SPEI RECIBIDO                             1,000.00      5,462.79\n";

static void test_statement_misread_movement(void **state)
{
  (void)state;
  for (int ocr = 0; ocr <= 1; ocr++) {
    const char *pages[] = {misread_movement, NULL};
    struct sv_doc *doc = fx_statement_doc(pages);
    if (ocr)
      for (int p = 0; p < doc->npages; p++)
        doc->pages[p].source = SV_TEXT_OCR;
    fx_run_stages(doc);
    const struct sv_statement *st = sv_doc_statement(doc, 0);
    assert_non_null(st);
    assert_true(st->average_computed);
    assert_int_equal(st->average.amount, 707037);
    if (ocr) {
      assert_true(st->reconciled);
      assert_false(st->average.unreconciled);
    } else {
      assert_false(st->reconciled);
    }
    sv_doc_free(&doc);
  }
}

/* A re-read service that answers from a script: the date crop's two
   readings and the row line's one. */
struct scripted_reread {
  const char *date[2];
  float date_conf[2];
  const char *line;
  float line_conf;
};

static bool scripted(void *self, const struct sv_page *page,
                     const struct sv_box *box, enum sv_reread_kind kind,
                     struct sv_reread *out)
{
  const struct scripted_reread *s = self;
  (void)page;
  (void)box;
  memset(out, 0, sizeof *out);
  for (size_t i = 0; i < 2 && kind == SV_REREAD_DATE; i++)
    if (s->date[i] != NULL) {
      out->text[out->n] = g_strdup(s->date[i]);
      out->conf[out->n++] = s->date_conf[i];
    }
  if (kind == SV_REREAD_LINE && s->line != NULL) {
    out->text[0] = g_strdup(s->line);
    out->conf[0] = s->line_conf;
    out->n = 1;
  }
  return out->n > 0;
}

/* A scanned statement whose day cell OCR read as "2A." (confidence 40):
   the cell's two re-reads and, when they settle nothing, the row's line
   vote (movements.c).  With the withdrawal on day D the average is
   (4 x 10,000.00 + (D - 5) x 11,000.00 + (28 - D) x 10,500.00 + 4 x
   12,500.00) / 31: 10,951.61 for D = 21, 11,016.13 for D = 25; undated,
   it lies between D = 5 (10,693.55) and D = 28 (11,064.52). */
static const char unsure_day[] =
    "BANCO DEL NORTE\n"
    "ESTADO DE CUENTA\n"
    "Titular: ANA RUIZ SOTO\n"
    "No. de cuenta: 0099887766\n"
    "Periodo del 01/12/2025 al 31/12/2025\n"
    "Moneda: MXN\n"
    "Saldo inicial       $10,000.00\n"
    "Depositos            $3,000.00\n"
    "Retiros                $500.00\n"
    "Saldo final         $12,500.00\n"
    "Dia   Descripcion                   Retiro      Deposito         Saldo\n"
    "05    DEPOSITO EN EFECTIVO                      1,000.00     11,000.00\n"
    "2A.   RETIRO CAJERO                 500.00                   10,500.00\n"
    "28    SPEI RECIBIDO                             2,000.00     12,500.00\n";

static void test_statement_date_votes(void **state)
{
  (void)state;
  static const struct {
    struct scripted_reread s;
    sv_cents average;
    bool unreconciled;
  } cases[] = {
      /* one sure reading, nothing sure against it */
      {{{"21", "2"}, {96, 33}, NULL, 0}, 1095161, false},
      /* the cell's readings differ; the line agrees with one of them */
      {{{"29", "25"}, {92, 39}, "25 RETIRO CAJERO 500.00 10,500.00", 90},
       1101613,
       false},
      /* nothing agrees: undated, the average flagged with its range */
      {{{"29", "25"}, {92, 39}, "2S RETIRO CAJERO", 70}, 1069355, true},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    const char *pages[] = {unsure_day, NULL};
    struct sv_doc *doc = fx_statement_doc(pages);
    for (int p = 0; p < doc->npages; p++) {
      doc->pages[p].source = SV_TEXT_OCR;
      doc->pages[p].image = pixCreate(8, 8, 8);
    }
    struct sv_word *w = fx_find_word(doc, "2A.");
    assert_non_null(w);
    w->conf = 40.0f;
    struct sv_services svc = {.reread = scripted,
                              .reread_self = (void *)&cases[i].s};
    fx_run_stages_svc(doc, &svc);
    const struct sv_statement *st = sv_doc_statement(doc, 0);
    assert_non_null(st);
    assert_true(st->average_computed);
    if (st->average.amount != cases[i].average ||
        st->average.unreconciled != cases[i].unreconciled)
      fail_msg(
          "case %zu: average %lld%s (%s)", i, (long long)st->average.amount,
          st->average.unreconciled ? " unreconciled" : "",
          doc->problems->len > 0
              ? ((const struct sv_problem *)g_ptr_array_index(doc->problems, 0))
                    ->message
              : "no problem");
    if (cases[i].unreconciled) {
      bool range = false;
      for (guint k = 0; k < doc->problems->len; k++) {
        const struct sv_problem *pr = g_ptr_array_index(doc->problems, k);
        range = range || (strstr(pr->message, "10,693.55") != NULL &&
                          strstr(pr->message, "11,064.52") != NULL);
      }
      assert_true(range);
    }
    sv_doc_free(&doc);
  }
}

/* The re-read path on a real scan: the OCR'd average is perturbed on
   purpose (one digit changed in its word), the printed-vs-computed check
   fails, the crop is re-read with the engine (from the page's pixels made
   again: OCR released them) and the true value comes back, marked
   reread, and the statement reconciles. */
static void test_extract_reread_restores_figure(void **state)
{
  (void)state;
  char *path =
      sv_test_src("samples/cases/c08-scanned-only/escaneos/scan_2026-05.pdf");
  gchar *data = NULL;
  gsize len = 0;
  if (!g_file_get_contents(path, &data, &len, NULL)) {
    g_free(path);
    skip();
  }
  struct sv_config cfg;
  memset(&cfg, 0, sizeof cfg);
  void *ctx = NULL;
  struct sv_services svc = {0};
  assert_int_equal(sv_ocr_stage.init(&cfg, &svc, &ctx), SV_OK);
  struct sv_doc *doc = sv_doc_new(NULL, "scan_2026-05.pdf", path);
  doc->bytes = g_bytes_new_take(data, len);
  doc->size = (gint64)len;
  doc->type = SV_FILE_PDF;
  assert_int_equal(sv_render_stage.process(NULL, &cfg, NULL, NULL, doc), SV_OK);
  assert_int_equal(sv_ocr_stage.process(ctx, &cfg, &svc, NULL, doc), SV_OK);
  assert_int_equal(doc->text, SV_TEXT_OCR);
  assert_non_null(svc.reread);
  assert_null(doc->pages[0].image); /* released; made again to re-read */
  assert_non_null(doc->pixels);
  /* a first pass finds the average's word; then one digit is changed */
  fx_run_stages_svc(doc, &svc);
  assert_non_null(sv_doc_statement(doc, 0));
  assert_int_equal(sv_doc_statement(doc, 0)->average.amount, 1039170);
  struct sv_box box = sv_doc_statement(doc, 0)->average.box;
  struct sv_word *w = NULL;
  struct sv_line *wl = NULL;
  for (size_t l = 0; l < doc->pages[0].nlines && w == NULL; l++) {
    struct sv_line *ln = &doc->pages[0].lines[l];
    for (size_t k = 0; k < ln->nwords && w == NULL; k++)
      if (strstr(ln->words[k].text, "391") != NULL &&
          ln->words[k].box.x0 >= box.x0 - 0.01 &&
          ln->words[k].box.x1 <= box.x1 + 0.01 &&
          ln->words[k].box.y0 >= box.y0 - 0.01) {
        w = &ln->words[k];
        wl = ln;
      }
  }
  assert_non_null(w);
  char *digit = strstr(w->text, "391");
  digit[0] = '8'; /* 10,891.70 */
  char *lt = strstr(wl->text, "391");
  assert_non_null(lt);
  lt[0] = '8';
  doc->status = SV_DOC_OK;
  g_ptr_array_set_size(doc->problems, 0);
  fx_run_stages_svc(doc, &svc);
  const struct sv_statement *st = sv_doc_statement(doc, 0);
  assert_non_null(st);
  assert_int_equal(st->average.amount, 1039170);
  assert_true(st->average.reread);
  assert_false(st->average.unreconciled);
  assert_true(st->reconciled);
  sv_doc_free(&doc);
  sv_ocr_stage.fini(&ctx);
  g_free(path);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_extract_en_activity_layout),
      cmocka_unit_test(test_extract_en_activity_sum_mismatch),
      cmocka_unit_test(test_extract_en_online_layout),
      cmocka_unit_test(test_extract_es_movimientos_layout),
      cmocka_unit_test(test_extract_es_banorte_layout),
      cmocka_unit_test(test_extract_es_banorte_trailing_minus),
      cmocka_unit_test(test_extract_es_euro_layout),
      cmocka_unit_test(test_extract_row_dates_follow_period),
      cmocka_unit_test(test_extract_section_movements_signed_by_title),
      cmocka_unit_test(test_extract_ledger_when_movements_disagree),
      cmocka_unit_test(test_extract_samples_reconcile),
      cmocka_unit_test(test_extract_corpus_statements_reconcile),
      cmocka_unit_test(test_statement_misread_movement),
      cmocka_unit_test(test_statement_date_votes),
      cmocka_unit_test(test_extract_reread_restores_figure),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
