/*
 * test_vocab.c - tests of the statement vocabulary
 * (stages/readers/vocab.c): summary and header labels in English and
 * Spanish, the longest phrase winning over a shorter one it holds
 * ("saldo final del periodo anterior" is an opening balance, "saldo
 * promedio minimo mensual" no average), totals against one kind of
 * credit or debit, one leading filler word, movement table columns,
 * directions, balance rows, daily-balance titles and the words no
 * person's name holds.  Labels are given as printed and folded here the
 * way the layout folds a cell's key (text/fold.h), so each case reads as
 * the statement prints it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "readers/vocab.h"
#include "support.h"
#include "text/fold.h"

/* ------------------------------------------------------------ helpers */

/* Returns owned (g_free): the key of printed text as the layout makes a
   cell's key: folded alphanumeric tokens joined by single spaces. */
static char *key_of(const char *printed)
{
  char *f = sv_fold(printed);
  char *tok = sv_fold_tokens(f);
  char *key = g_strdup(g_strstrip(tok));
  g_free(tok);
  g_free(f);
  return key;
}

struct label_case {
  const char *printed;
  enum sv_label label;
  size_t tokens; /* of the key the phrase (and filler) covers */
  bool total;
};

/* Checks every case: the label, the tokens it covers, total or not. */
static void check_labels(const struct label_case *cases, size_t n)
{
  for (size_t k = 0; k < n; k++) {
    char *key = key_of(cases[k].printed);
    struct sv_label_match m;
    bool found = sv_vocab_label(key, &m);
    if (found != (cases[k].label != SV_LABEL_NONE) ||
        m.label != cases[k].label || m.tokens != cases[k].tokens ||
        m.total != cases[k].total)
      fail_msg("\"%s\" (key \"%s\"): label %d tokens %zu total %d, "
               "expected %d %zu %d",
               cases[k].printed, key, (int)m.label, m.tokens, (int)m.total,
               (int)cases[k].label, cases[k].tokens, (int)cases[k].total);
    g_free(key);
  }
}

/* ------------------------------------------------------------- labels */

/* Opening and closing balances; the longest phrase wins: "Saldo final del
   periodo anterior" holds "saldo final" (closing) but is the opening. */
static void test_vocab_opening_closing(void **state)
{
  (void)state;
  static const struct label_case cases[] = {
      {"Beginning Balance", SV_LABEL_OPENING, 2, false},
      {"Balance brought forward", SV_LABEL_OPENING, 3, false},
      {"Previous statement balance:", SV_LABEL_OPENING, 3, false},
      {"Saldo Anterior", SV_LABEL_OPENING, 2, false},
      {"SALDO INICIAL DEL PERIODO", SV_LABEL_OPENING, 4, false},
      {"Saldo final del periodo anterior", SV_LABEL_OPENING, 5, false},
      {"Saldo final periodo anterior", SV_LABEL_OPENING, 4, false},
      {"Ending Balance", SV_LABEL_CLOSING, 2, false},
      {"New balance", SV_LABEL_CLOSING, 2, false},
      {"Balance carried forward", SV_LABEL_CLOSING, 3, false},
      {"Saldo Final", SV_LABEL_CLOSING, 2, false},
      {"Saldo final del periodo", SV_LABEL_CLOSING, 4, false},
      {"Saldo al corte", SV_LABEL_CLOSING, 3, false},
      {"Nuevo saldo", SV_LABEL_CLOSING, 2, false},
      /* a balance on a date: the date decides; a longer phrase that
         names the start or end of the period is one of them */
      {"Balance as of 03/31/2026", SV_LABEL_BALANCE_ON, 3, false},
      {"Balance at 1 March", SV_LABEL_BALANCE_ON, 2, false},
      {"Saldo al 31/03/2026", SV_LABEL_BALANCE_ON, 2, false},
      {"Balance at start of period", SV_LABEL_OPENING, 5, false},
      {"Balance at end of period", SV_LABEL_CLOSING, 5, false},
  };
  check_labels(cases, G_N_ELEMENTS(cases));
}

/* Averages, and the look-alikes longer than them (minimums, required,
   available): matched, but as IGNORE, never as an average or a closing
   balance. */
static void test_vocab_average_and_lookalikes(void **state)
{
  (void)state;
  static const struct label_case cases[] = {
      {"Average Daily Balance", SV_LABEL_AVERAGE, 3, false},
      {"Avg. collected balance", SV_LABEL_AVERAGE, 3, false},
      {"Saldo Promedio", SV_LABEL_AVERAGE, 2, false},
      {"Saldo promedio diario", SV_LABEL_AVERAGE, 3, false},
      {"Saldo medio del periodo", SV_LABEL_AVERAGE, 4, false},
      {"Saldo promedio minimo mensual", SV_LABEL_IGNORE, 4, false},
      {"Saldo Promedio Mínimo Requerido", SV_LABEL_IGNORE, 4, false},
      {"Saldo promedio gravable", SV_LABEL_IGNORE, 3, false},
      {"Saldo disponible", SV_LABEL_IGNORE, 2, false},
      {"Saldo final disponible", SV_LABEL_IGNORE, 3, false},
      {"Minimum daily balance", SV_LABEL_IGNORE, 3, false},
      {"Available balance", SV_LABEL_IGNORE, 2, false},
      {"Average balance for fees", SV_LABEL_IGNORE, 4, false},
      {"Credit limit", SV_LABEL_IGNORE, 2, false},
      {"Pago mínimo", SV_LABEL_IGNORE, 2, false},
  };
  check_labels(cases, G_N_ELEMENTS(cases));
}

/* Credits and debits: "Total deposits" and "Deposits and other credits"
   are the total; "Checks paid", "Service fees", "Interest earned" one kind
   of them; counts, year-to-date figures and "Total checks" are ignored. */
static void test_vocab_credits_debits(void **state)
{
  (void)state;
  static const struct label_case cases[] = {
      {"Total deposits", SV_LABEL_CREDITS, 2, true},
      {"Deposits and other credits", SV_LABEL_CREDITS, 4, true},
      {"Deposits and Additions", SV_LABEL_CREDITS, 3, true},
      {"Money in", SV_LABEL_CREDITS, 2, true},
      {"Depósitos / Abonos (+)", SV_LABEL_CREDITS, 2, true},
      {"Total de abonos", SV_LABEL_CREDITS, 3, true},
      {"Interest earned", SV_LABEL_CREDITS, 2, false},
      {"Intereses a favor", SV_LABEL_CREDITS, 3, false},
      {"Withdrawals and Debits", SV_LABEL_DEBITS, 3, true},
      {"Total withdrawals", SV_LABEL_DEBITS, 2, true},
      {"Retiros / Cargos (-)", SV_LABEL_DEBITS, 2, true},
      {"Cargos", SV_LABEL_DEBITS, 1, true},
      {"Checks paid", SV_LABEL_DEBITS, 2, false},
      {"Service fees", SV_LABEL_DEBITS, 2, false},
      {"Comisiones cobradas", SV_LABEL_DEBITS, 2, false},
      {"ISR retenido", SV_LABEL_DEBITS, 2, false},
      {"Total checks", SV_LABEL_IGNORE, 2, false},
      {"Total fees", SV_LABEL_IGNORE, 2, false},
      {"Number of deposits", SV_LABEL_IGNORE, 3, false},
      {"Número de cargos", SV_LABEL_IGNORE, 3, false},
      {"Total movimientos abonos", SV_LABEL_IGNORE, 3, false},
      {"Interest paid year-to-date", SV_LABEL_IGNORE, 5, false},
  };
  check_labels(cases, G_N_ELEMENTS(cases));
}

/* Header fields: holder, account, currency, period; the CLABE, a card
   number, a customer number and "Customer service" are not the account or
   the holder. */
static void test_vocab_header_fields(void **state)
{
  (void)state;
  static const struct label_case cases[] = {
      {"Account Holder:", SV_LABEL_HOLDER, 2, false},
      {"Customer Name", SV_LABEL_HOLDER, 2, false},
      {"Titular de la cuenta", SV_LABEL_HOLDER, 4, false},
      {"Nombre del Cliente:", SV_LABEL_HOLDER, 3, false},
      {"Account Number", SV_LABEL_ACCOUNT, 2, false},
      {"Acct. No.", SV_LABEL_ACCOUNT, 2, false},
      {"No. de Cuenta:", SV_LABEL_ACCOUNT, 3, false},
      {"IBAN", SV_LABEL_ACCOUNT, 1, false},
      {"Cuenta CLABE", SV_LABEL_IGNORE, 2, false},
      {"CLABE Interbancaria", SV_LABEL_IGNORE, 2, false},
      {"No. de Cliente", SV_LABEL_IGNORE, 3, false},
      {"Customer Service", SV_LABEL_IGNORE, 2, false},
      {"Card number", SV_LABEL_IGNORE, 2, false},
      {"Account summary", SV_LABEL_IGNORE, 2, false},
      {"Currency:", SV_LABEL_CURRENCY, 1, false},
      {"Tipo de moneda", SV_LABEL_CURRENCY, 3, false},
      {"All amounts in CAD", SV_LABEL_CURRENCY, 3, false},
      {"Statement Period", SV_LABEL_PERIOD, 2, false},
      {"Periodo: DEL 01/03/2026 AL 31/03/2026", SV_LABEL_PERIOD, 2, false},
  };
  check_labels(cases, G_N_ELEMENTS(cases));
}

/* One leading filler word is skipped ("Your", "Su", "El") and counted in
   the tokens; two are not; a phrase must start the key and match whole
   tokens ("Saldos" is no "saldo", "Deposit" no "deposits"). */
static void test_vocab_fillers_and_whole_tokens(void **state)
{
  (void)state;
  static const struct label_case cases[] = {
      {"Your beginning balance", SV_LABEL_OPENING, 3, false},
      {"The ending balance", SV_LABEL_CLOSING, 3, false},
      {"Su saldo anterior", SV_LABEL_OPENING, 3, false},
      {"El saldo promedio", SV_LABEL_AVERAGE, 3, false},
      {"Your the ending balance", SV_LABEL_NONE, 0, false},
      {"Pending deposits", SV_LABEL_NONE, 0, false},
      {"Interest and ending balance", SV_LABEL_NONE, 0, false},
      {"Deposit", SV_LABEL_NONE, 0, false},
      {"Saldos", SV_LABEL_NONE, 0, false},
      {"Balances", SV_LABEL_NONE, 0, false},
      {"AMAZON.COM PURCHASE", SV_LABEL_NONE, 0, false},
  };
  check_labels(cases, G_N_ELEMENTS(cases));

  struct sv_label_match m = {.label = SV_LABEL_CLOSING, .tokens = 9};
  assert_false(sv_vocab_label("", &m));
  assert_int_equal(m.label, SV_LABEL_NONE);
  assert_int_equal(m.tokens, 0);
  assert_false(sv_vocab_label(NULL, &m));
  assert_int_equal(m.label, SV_LABEL_NONE);
}

/* ------------------------------------------------------------ columns */

/* Movement table headers: "Cargos (-)" a debit, "Saldo operación" a
   balance (a balance word anywhere), "Fecha oper" a date, "Money out" /
   "Paid in" by their pair of words; description columns are other. */
static void test_vocab_columns(void **state)
{
  (void)state;
  static const struct {
    const char *printed;
    enum sv_column col;
  } cases[] = {
      {"Cargos (-)", SV_COL_DEBIT},
      {"Withdrawals", SV_COL_DEBIT},
      {"Money out", SV_COL_DEBIT},
      {"Paid out", SV_COL_DEBIT},
      {"Retiros", SV_COL_DEBIT},
      {"Abonos (+)", SV_COL_CREDIT},
      {"Deposits / Credits", SV_COL_CREDIT},
      {"Money in", SV_COL_CREDIT},
      {"Paid in", SV_COL_CREDIT},
      {"Depósitos", SV_COL_CREDIT},
      {"Saldo operación", SV_COL_BALANCE},
      {"Saldo liquidación", SV_COL_BALANCE},
      {"Balance ($)", SV_COL_BALANCE},
      {"Daily balance", SV_COL_BALANCE},
      {"Fecha oper", SV_COL_DATE},
      {"Date posted", SV_COL_DATE},
      {"Día", SV_COL_DATE},
      {"Transaction amount", SV_COL_AMOUNT},
      {"Importe", SV_COL_AMOUNT},
      {"Description", SV_COL_OTHER},
      {"Concepto / Referencia", SV_COL_OTHER},
      {"Check No.", SV_COL_OTHER},
  };
  for (size_t k = 0; k < G_N_ELEMENTS(cases); k++) {
    char *key = key_of(cases[k].printed);
    enum sv_column got = sv_vocab_column(key);
    if (got != cases[k].col)
      fail_msg("\"%s\": column %d, expected %d", cases[k].printed, (int)got,
               (int)cases[k].col);
    g_free(key);
  }
  assert_int_equal(sv_vocab_column(NULL), SV_COL_OTHER);
  assert_int_equal(sv_vocab_column(""), SV_COL_OTHER);
}

/* -------------------------------------------- directions, balance rows */

/* Section titles and descriptions: money in, money out, or neither. */
static void test_vocab_direction(void **state)
{
  (void)state;
  static const struct {
    const char *printed;
    int dir;
  } cases[] = {
      {"Deposits and additions", +1},
      {"Abonos", +1},
      {"Interest earned", +1},
      {"Depósitos en efectivo", +1},
      {"Checks paid", -1},
      {"Withdrawals", -1},
      {"Cargos", -1},
      {"ATM & debit card withdrawals", -1},
      {"Service fees", -1},
      {"Comisiones", -1},
      {"Electronic payments", -1},
      {"Daily ending balance", 0},
      {"Transaction detail", 0},
      {"Detalle de movimientos", 0},
  };
  for (size_t k = 0; k < G_N_ELEMENTS(cases); k++) {
    char *key = key_of(cases[k].printed);
    int got = sv_vocab_direction(key);
    if (got != cases[k].dir)
      fail_msg("\"%s\": direction %d, expected %d", cases[k].printed, got,
               cases[k].dir);
    g_free(key);
  }
  assert_int_equal(sv_vocab_direction(NULL), 0);
}

/* A table's opening / closing balance rows, and rows that are neither (an
   average, a balance on a date, a movement). */
static void test_vocab_balance_row(void **state)
{
  (void)state;
  static const struct {
    const char *printed;
    bool is_row, opening;
  } cases[] = {
      {"Beginning balance", true, true},
      {"Balance brought forward", true, true},
      {"SALDO ANTERIOR", true, true},
      {"Saldo final del periodo anterior", true, true},
      {"Ending balance", true, false},
      {"Balance carried forward", true, false},
      {"Saldo final", true, false},
      {"Saldo al corte", true, false},
      {"Average daily balance", false, false},
      {"Saldo promedio minimo mensual", false, false},
      {"Balance as of 03/31", false, false},
      {"Total deposits", false, false},
      {"PAYROLL ACME CORP", false, false},
  };
  for (size_t k = 0; k < G_N_ELEMENTS(cases); k++) {
    char *key = key_of(cases[k].printed);
    bool opening = !cases[k].opening; /* must be set when a row */
    bool got = sv_vocab_balance_row(key, &opening);
    if (got != cases[k].is_row || (got && opening != cases[k].opening))
      fail_msg("\"%s\": row %d opening %d", cases[k].printed, (int)got,
               (int)opening);
    g_free(key);
  }
}

/* Titles of daily balances (a prefix of the key); an average daily
   balance or an ending balance is no such title. */
static void test_vocab_daily_balances(void **state)
{
  (void)state;
  static const char *const yes[] = {
      "Daily ending balance",     "DAILY LEDGER BALANCES",
      "Daily balance summary",    "Saldos diarios",
      "Saldos al cierre del día", "Daily balances (continued)"};
  static const char *const no[] = {"Average daily balance", "Ending balance",
                                   "Saldo promedio diario", "Balance",
                                   "Daily deposits"};
  for (size_t k = 0; k < G_N_ELEMENTS(yes); k++) {
    char *key = key_of(yes[k]);
    if (!sv_vocab_daily_balances(key))
      fail_msg("\"%s\" not seen as daily balances", yes[k]);
    g_free(key);
  }
  for (size_t k = 0; k < G_N_ELEMENTS(no); k++) {
    char *key = key_of(no[k]);
    if (sv_vocab_daily_balances(key))
      fail_msg("\"%s\" taken for daily balances", no[k]);
    g_free(key);
  }
  assert_false(sv_vocab_daily_balances(NULL));
}

/* ---------------------------------------------------------- not names */

/* Words of banks, statements and money in both languages are no name's;
   people's names (folded) are not among them. */
static void test_vocab_not_a_name(void **state)
{
  (void)state;
  static const char *const not_names[] = {
      "bank",    "banco", "statement", "estado",  "account", "cuenta",
      "balance", "saldo", "period",    "periodo", "payroll", "nomina",
      "dollars", "pesos", "inc",       "sa",      "cv",      "purchase",
      "spei",    "fdic",  "checking",  "sucursal"};
  static const char *const names[] = {"maria", "jose",  "perez", "john",
                                      "doe",   "avery", "moss",  "gomez"};
  for (size_t k = 0; k < G_N_ELEMENTS(not_names); k++)
    if (!sv_vocab_not_a_name(not_names[k]))
      fail_msg("\"%s\" taken for a name's word", not_names[k]);
  for (size_t k = 0; k < G_N_ELEMENTS(names); k++)
    if (sv_vocab_not_a_name(names[k]))
      fail_msg("\"%s\" refused as a name's word", names[k]);
  assert_false(sv_vocab_not_a_name(NULL));
  assert_false(sv_vocab_not_a_name(""));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_vocab_opening_closing),
      cmocka_unit_test(test_vocab_average_and_lookalikes),
      cmocka_unit_test(test_vocab_credits_debits),
      cmocka_unit_test(test_vocab_header_fields),
      cmocka_unit_test(test_vocab_fillers_and_whole_tokens),
      cmocka_unit_test(test_vocab_columns),
      cmocka_unit_test(test_vocab_direction),
      cmocka_unit_test(test_vocab_balance_row),
      cmocka_unit_test(test_vocab_daily_balances),
      cmocka_unit_test(test_vocab_not_a_name),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
