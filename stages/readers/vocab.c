/*
 * vocab.c - the words banks print for the parts of a statement (see
 * vocab.h).
 *
 * Tables of folded phrases; each phrase is split into tokens once (on
 * first use, thread-safe) and matched token by token.  The lists were
 * gathered from domain.md section 4 (Chase, BofA / Wells Fargo, online
 * banks, BBVA, Santander, Banorte), from public statement-parser
 * vocabularies and from ordinary English and Spanish wording; they name
 * no bank.
 */
#include "vocab.h"

#include <glib.h>
#include <string.h>

#include "../text/fold.h"

struct phrase {
  const char *words;
  enum sv_label label;
  bool total;
};

/* Longest match wins; on equal length the first listed. */
static const struct phrase phrases[] = {
    /* opening */
    {"beginning balance", SV_LABEL_OPENING, false},
    {"beginning ledger balance", SV_LABEL_OPENING, false},
    {"opening balance", SV_LABEL_OPENING, false},
    {"previous balance", SV_LABEL_OPENING, false},
    {"previous statement balance", SV_LABEL_OPENING, false},
    {"balance last statement", SV_LABEL_OPENING, false},
    {"last statement balance", SV_LABEL_OPENING, false},
    {"starting balance", SV_LABEL_OPENING, false},
    {"start balance", SV_LABEL_OPENING, false},
    {"prior balance", SV_LABEL_OPENING, false},
    {"balance brought forward", SV_LABEL_OPENING, false},
    {"brought forward", SV_LABEL_OPENING, false},
    {"balance forward", SV_LABEL_OPENING, false},
    {"balance b f", SV_LABEL_OPENING, false},
    {"balance at start of period", SV_LABEL_OPENING, false},
    {"saldo anterior", SV_LABEL_OPENING, false},
    {"saldo inicial", SV_LABEL_OPENING, false},
    {"saldo inicial del periodo", SV_LABEL_OPENING, false},
    {"saldo inicial del mes", SV_LABEL_OPENING, false},
    {"saldo al inicio", SV_LABEL_OPENING, false},
    {"saldo al inicio del periodo", SV_LABEL_OPENING, false},
    {"saldo de apertura", SV_LABEL_OPENING, false},
    {"saldo final del periodo anterior", SV_LABEL_OPENING, false},
    {"saldo final periodo anterior", SV_LABEL_OPENING, false},
    {"saldo del periodo anterior", SV_LABEL_OPENING, false},
    {"saldo de operacion inicial", SV_LABEL_OPENING, false},
    {"saldo inicial de operacion", SV_LABEL_OPENING, false},
    /* closing */
    {"ending balance", SV_LABEL_CLOSING, false},
    {"ending ledger balance", SV_LABEL_CLOSING, false},
    {"closing balance", SV_LABEL_CLOSING, false},
    {"new balance", SV_LABEL_CLOSING, false},
    {"end balance", SV_LABEL_CLOSING, false},
    {"final balance", SV_LABEL_CLOSING, false},
    {"balance carried forward", SV_LABEL_CLOSING, false},
    {"carried forward", SV_LABEL_CLOSING, false},
    {"balance c f", SV_LABEL_CLOSING, false},
    {"balance at end of period", SV_LABEL_CLOSING, false},
    {"statement balance", SV_LABEL_CLOSING, false},
    {"saldo final", SV_LABEL_CLOSING, false},
    {"saldo final del periodo", SV_LABEL_CLOSING, false},
    {"saldo final del mes", SV_LABEL_CLOSING, false},
    {"saldo al corte", SV_LABEL_CLOSING, false},
    {"saldo al cierre", SV_LABEL_CLOSING, false},
    {"saldo al final del periodo", SV_LABEL_CLOSING, false},
    {"saldo de cierre", SV_LABEL_CLOSING, false},
    {"nuevo saldo", SV_LABEL_CLOSING, false},
    {"saldo de operacion final", SV_LABEL_CLOSING, false},
    {"saldo final de operacion", SV_LABEL_CLOSING, false},
    /* a balance on a date: which one the date tells */
    {"balance at", SV_LABEL_BALANCE_ON, false},
    {"balance on", SV_LABEL_BALANCE_ON, false},
    {"balance as at", SV_LABEL_BALANCE_ON, false},
    {"balance as of", SV_LABEL_BALANCE_ON, false},
    {"saldo al", SV_LABEL_BALANCE_ON, false},
    {"saldo a", SV_LABEL_BALANCE_ON, false},
    /* average */
    {"average balance", SV_LABEL_AVERAGE, false},
    {"average daily balance", SV_LABEL_AVERAGE, false},
    {"average ledger balance", SV_LABEL_AVERAGE, false},
    {"average collected balance", SV_LABEL_AVERAGE, false},
    {"average monthly balance", SV_LABEL_AVERAGE, false},
    {"avg daily balance", SV_LABEL_AVERAGE, false},
    {"avg balance", SV_LABEL_AVERAGE, false},
    {"avg collected balance", SV_LABEL_AVERAGE, false},
    {"daily average balance", SV_LABEL_AVERAGE, false},
    {"saldo promedio", SV_LABEL_AVERAGE, false},
    {"saldo promedio diario", SV_LABEL_AVERAGE, false},
    {"saldo promedio mensual", SV_LABEL_AVERAGE, false},
    {"saldo promedio del periodo", SV_LABEL_AVERAGE, false},
    {"saldo promedio del mes", SV_LABEL_AVERAGE, false},
    {"saldo medio", SV_LABEL_AVERAGE, false},
    {"saldo medio del periodo", SV_LABEL_AVERAGE, false},
    {"saldo medio diario", SV_LABEL_AVERAGE, false},
    {"promedio de saldos", SV_LABEL_AVERAGE, false},
    /* credits: totals */
    {"total deposits", SV_LABEL_CREDITS, true},
    {"total credits", SV_LABEL_CREDITS, true},
    {"total deposits and additions", SV_LABEL_CREDITS, true},
    {"total deposits and other credits", SV_LABEL_CREDITS, true},
    {"total money in", SV_LABEL_CREDITS, true},
    {"total paid in", SV_LABEL_CREDITS, true},
    {"total receipts", SV_LABEL_CREDITS, true},
    {"deposits and additions", SV_LABEL_CREDITS, true},
    {"deposits and other credits", SV_LABEL_CREDITS, true},
    {"deposits and other additions", SV_LABEL_CREDITS, true},
    {"deposits and credits", SV_LABEL_CREDITS, true},
    {"deposits credits", SV_LABEL_CREDITS, true},
    {"credits and deposits", SV_LABEL_CREDITS, true},
    {"money in", SV_LABEL_CREDITS, true},
    {"paid in", SV_LABEL_CREDITS, true},
    {"deposits", SV_LABEL_CREDITS, true},
    {"credits", SV_LABEL_CREDITS, true},
    {"total de depositos", SV_LABEL_CREDITS, true},
    {"total depositos", SV_LABEL_CREDITS, true},
    {"total de abonos", SV_LABEL_CREDITS, true},
    {"total abonos", SV_LABEL_CREDITS, true},
    {"total importe abonos", SV_LABEL_CREDITS, true},
    {"total de creditos", SV_LABEL_CREDITS, true},
    {"depositos abonos", SV_LABEL_CREDITS, true},
    {"depositos y abonos", SV_LABEL_CREDITS, true},
    {"abonos depositos", SV_LABEL_CREDITS, true},
    {"depositos", SV_LABEL_CREDITS, true},
    {"abonos", SV_LABEL_CREDITS, true},
    {"creditos", SV_LABEL_CREDITS, true},
    {"ingresos", SV_LABEL_CREDITS, true},
    /* credits: one kind */
    {"interest paid", SV_LABEL_CREDITS, false},
    {"interest earned", SV_LABEL_CREDITS, false},
    {"interest credited", SV_LABEL_CREDITS, false},
    {"intereses a favor", SV_LABEL_CREDITS, false},
    {"intereses netos ganados", SV_LABEL_CREDITS, false},
    {"intereses ganados", SV_LABEL_CREDITS, false},
    {"other credits", SV_LABEL_CREDITS, false},
    /* debits: totals */
    {"total withdrawals", SV_LABEL_DEBITS, true},
    {"total debits", SV_LABEL_DEBITS, true},
    {"total withdrawals and debits", SV_LABEL_DEBITS, true},
    {"total withdrawals and other debits", SV_LABEL_DEBITS, true},
    {"total money out", SV_LABEL_DEBITS, true},
    {"total paid out", SV_LABEL_DEBITS, true},
    {"total payments", SV_LABEL_DEBITS, true},
    {"withdrawals and debits", SV_LABEL_DEBITS, true},
    {"withdrawals and other debits", SV_LABEL_DEBITS, true},
    {"withdrawals and other subtractions", SV_LABEL_DEBITS, true},
    {"withdrawals debits", SV_LABEL_DEBITS, true},
    {"debits and withdrawals", SV_LABEL_DEBITS, true},
    {"money out", SV_LABEL_DEBITS, true},
    {"paid out", SV_LABEL_DEBITS, true},
    {"withdrawals", SV_LABEL_DEBITS, true},
    {"debits", SV_LABEL_DEBITS, true},
    {"total de retiros", SV_LABEL_DEBITS, true},
    {"total retiros", SV_LABEL_DEBITS, true},
    {"total de cargos", SV_LABEL_DEBITS, true},
    {"total cargos", SV_LABEL_DEBITS, true},
    {"total importe cargos", SV_LABEL_DEBITS, true},
    {"total de debitos", SV_LABEL_DEBITS, true},
    {"retiros cargos", SV_LABEL_DEBITS, true},
    {"retiros y cargos", SV_LABEL_DEBITS, true},
    {"cargos retiros", SV_LABEL_DEBITS, true},
    {"retiros", SV_LABEL_DEBITS, true},
    {"cargos", SV_LABEL_DEBITS, true},
    {"debitos", SV_LABEL_DEBITS, true},
    {"egresos", SV_LABEL_DEBITS, true},
    /* debits: one kind */
    {"checks", SV_LABEL_DEBITS, false},
    {"checks paid", SV_LABEL_DEBITS, false},
    {"cheques", SV_LABEL_DEBITS, false},
    {"cheques pagados", SV_LABEL_DEBITS, false},
    {"service fees", SV_LABEL_DEBITS, false},
    {"service charges", SV_LABEL_DEBITS, false},
    {"service charges fees", SV_LABEL_DEBITS, false},
    {"fees", SV_LABEL_DEBITS, false},
    {"fees and charges", SV_LABEL_DEBITS, false},
    {"other withdrawals", SV_LABEL_DEBITS, false},
    {"other withdrawals fees charges", SV_LABEL_DEBITS, false},
    {"other debits", SV_LABEL_DEBITS, false},
    {"atm withdrawals", SV_LABEL_DEBITS, false},
    {"atm debit card withdrawals", SV_LABEL_DEBITS, false},
    {"electronic withdrawals", SV_LABEL_DEBITS, false},
    {"card purchases", SV_LABEL_DEBITS, false},
    {"comisiones", SV_LABEL_DEBITS, false},
    {"comisiones cobradas", SV_LABEL_DEBITS, false},
    {"isr retenido", SV_LABEL_DEBITS, false},
    {"impuestos retenidos", SV_LABEL_DEBITS, false},
    /* look-alikes: longer than the phrases they resemble, or alone */
    {"saldo promedio minimo", SV_LABEL_IGNORE, false},
    {"saldo promedio minimo mensual", SV_LABEL_IGNORE, false},
    {"saldo promedio minimo requerido", SV_LABEL_IGNORE, false},
    {"saldo promedio gravable", SV_LABEL_IGNORE, false},
    {"saldo promedio requerido", SV_LABEL_IGNORE, false},
    {"saldo minimo", SV_LABEL_IGNORE, false},
    {"saldo minimo del periodo", SV_LABEL_IGNORE, false},
    {"saldo minimo requerido", SV_LABEL_IGNORE, false},
    {"saldo disponible", SV_LABEL_IGNORE, false},
    {"saldo final disponible", SV_LABEL_IGNORE, false},
    {"minimum balance", SV_LABEL_IGNORE, false},
    {"minimum daily balance", SV_LABEL_IGNORE, false},
    {"minimum daily ending balance", SV_LABEL_IGNORE, false},
    {"minimum required balance", SV_LABEL_IGNORE, false},
    {"lowest balance", SV_LABEL_IGNORE, false},
    {"lowest daily balance", SV_LABEL_IGNORE, false},
    {"available balance", SV_LABEL_IGNORE, false},
    {"average balance for fees", SV_LABEL_IGNORE, false},
    {"total movimientos cargos", SV_LABEL_IGNORE, false},
    {"total movimientos abonos", SV_LABEL_IGNORE, false},
    {"total de movimientos", SV_LABEL_IGNORE, false},
    {"total movimientos", SV_LABEL_IGNORE, false},
    {"numero de abonos", SV_LABEL_IGNORE, false},
    {"numero de cargos", SV_LABEL_IGNORE, false},
    {"numero de depositos", SV_LABEL_IGNORE, false},
    {"numero de retiros", SV_LABEL_IGNORE, false},
    {"number of deposits", SV_LABEL_IGNORE, false},
    {"number of withdrawals", SV_LABEL_IGNORE, false},
    {"number of credits", SV_LABEL_IGNORE, false},
    {"number of debits", SV_LABEL_IGNORE, false},
    {"deposits year to date", SV_LABEL_IGNORE, false},
    {"interest paid year to date", SV_LABEL_IGNORE, false},
    {"interest paid this year", SV_LABEL_IGNORE, false},
    {"interest earned year to date", SV_LABEL_IGNORE, false},
    {"dividends paid year to date", SV_LABEL_IGNORE, false},
    {"total checks", SV_LABEL_IGNORE, false},
    {"total service fees", SV_LABEL_IGNORE, false},
    {"total fees", SV_LABEL_IGNORE, false},
    {"total overdraft fees", SV_LABEL_IGNORE, false},
    {"total returned item fees", SV_LABEL_IGNORE, false},
    {"credit limit", SV_LABEL_IGNORE, false},
    {"limite de credito", SV_LABEL_IGNORE, false},
    {"pago minimo", SV_LABEL_IGNORE, false},
    {"minimum payment", SV_LABEL_IGNORE, false},
    /* header fields */
    {"account holder", SV_LABEL_HOLDER, false},
    {"account holders", SV_LABEL_HOLDER, false},
    {"account owner", SV_LABEL_HOLDER, false},
    {"customer name", SV_LABEL_HOLDER, false},
    {"customer", SV_LABEL_HOLDER, false},
    {"client name", SV_LABEL_HOLDER, false},
    {"member name", SV_LABEL_HOLDER, false},
    {"name", SV_LABEL_HOLDER, false},
    {"titular", SV_LABEL_HOLDER, false},
    {"titular de la cuenta", SV_LABEL_HOLDER, false},
    {"nombre", SV_LABEL_HOLDER, false},
    {"nombre del cliente", SV_LABEL_HOLDER, false},
    {"nombre del titular", SV_LABEL_HOLDER, false},
    {"cliente", SV_LABEL_HOLDER, false},
    {"cuentahabiente", SV_LABEL_HOLDER, false},
    {"account number", SV_LABEL_ACCOUNT, false},
    {"account no", SV_LABEL_ACCOUNT, false},
    {"account", SV_LABEL_ACCOUNT, false},
    {"acct number", SV_LABEL_ACCOUNT, false},
    {"acct no", SV_LABEL_ACCOUNT, false},
    {"acct", SV_LABEL_ACCOUNT, false},
    {"primary account", SV_LABEL_ACCOUNT, false},
    {"primary account number", SV_LABEL_ACCOUNT, false},
    {"member number", SV_LABEL_IGNORE, false},
    {"iban", SV_LABEL_ACCOUNT, false},
    {"numero de cuenta", SV_LABEL_ACCOUNT, false},
    {"no de cuenta", SV_LABEL_ACCOUNT, false},
    {"num de cuenta", SV_LABEL_ACCOUNT, false},
    {"no cuenta", SV_LABEL_ACCOUNT, false},
    {"cuenta", SV_LABEL_ACCOUNT, false},
    {"contrato", SV_LABEL_ACCOUNT, false},
    {"account name", SV_LABEL_IGNORE, false},
    {"account type", SV_LABEL_IGNORE, false},
    {"account summary", SV_LABEL_IGNORE, false},
    {"account information", SV_LABEL_IGNORE, false},
    {"customer service", SV_LABEL_IGNORE, false},
    {"customer service information", SV_LABEL_IGNORE, false},
    {"customer number", SV_LABEL_IGNORE, false},
    {"customer id", SV_LABEL_IGNORE, false},
    {"no de cliente", SV_LABEL_IGNORE, false},
    {"numero de cliente", SV_LABEL_IGNORE, false},
    {"num de cliente", SV_LABEL_IGNORE, false},
    {"cuenta clabe", SV_LABEL_IGNORE, false},
    {"no cuenta clabe", SV_LABEL_IGNORE, false},
    {"no de cuenta clabe", SV_LABEL_IGNORE, false},
    {"numero de cuenta clabe", SV_LABEL_IGNORE, false},
    {"clabe", SV_LABEL_IGNORE, false},
    {"clabe interbancaria", SV_LABEL_IGNORE, false},
    {"numero de tarjeta", SV_LABEL_IGNORE, false},
    {"no de tarjeta", SV_LABEL_IGNORE, false},
    {"card number", SV_LABEL_IGNORE, false},
    {"currency", SV_LABEL_CURRENCY, false},
    {"moneda", SV_LABEL_CURRENCY, false},
    {"tipo de moneda", SV_LABEL_CURRENCY, false},
    {"divisa", SV_LABEL_CURRENCY, false},
    {"all amounts in", SV_LABEL_CURRENCY, false},
    {"amounts in", SV_LABEL_CURRENCY, false},
    {"importes en", SV_LABEL_CURRENCY, false},
    {"statement period", SV_LABEL_PERIOD, false},
    {"period", SV_LABEL_PERIOD, false},
    {"statement dates", SV_LABEL_PERIOD, false},
    {"for the period", SV_LABEL_PERIOD, false},
    {"periodo", SV_LABEL_PERIOD, false},
    {"periodo del", SV_LABEL_PERIOD, false},
    {"periodo de", SV_LABEL_PERIOD, false},
};

static const char *const fillers[] = {"your", "the", "su", "el", "la",
                                      "los", "las", "sum", NULL};

struct split {
  char **tokens;
  size_t n;
};

/* The phrases split into tokens, and an index from a first token to the
   phrases starting with it (ascending): a label is looked up for every
   cell of every page, and only phrases whose first token is there can
   match.  Made once, read-only after. */
static GHashTable *by_first;

static const struct split *split_phrases(void)
{
  static gsize once = 0;
  static struct split splits[G_N_ELEMENTS(phrases)];
  if (g_once_init_enter(&once)) {
    by_first = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < G_N_ELEMENTS(phrases); i++) {
      splits[i].tokens = g_strsplit(phrases[i].words, " ", -1);
      splits[i].n = g_strv_length(splits[i].tokens);
      if (splits[i].n == 0)
        continue; /* matches nothing (there is none) */
      GArray *ids = g_hash_table_lookup(by_first, splits[i].tokens[0]);
      if (ids == NULL) {
        ids = g_array_new(FALSE, FALSE, sizeof(guint));
        g_hash_table_insert(by_first, splits[i].tokens[0], ids);
      }
      guint id = (guint)i;
      g_array_append_val(ids, id);
    }
    g_once_init_leave(&once, 1);
  }
  return splits;
}

static bool in_list(const char *w, const char *const *list)
{
  for (size_t i = 0; list[i] != NULL; i++)
    if (strcmp(w, list[i]) == 0)
      return true;
  return false;
}

bool sv_vocab_label(const char *key, struct sv_label_match *m)
{
  memset(m, 0, sizeof *m);
  if (key == NULL || key[0] == '\0')
    return false;
  char **tok = g_strsplit(key, " ", 24);
  size_t ntok = g_strv_length(tok);
  const struct split *splits = split_phrases();
  size_t best = 0;
  for (size_t start = 0; start <= 1 && start < ntok; start++) {
    if (start == 1 && !in_list(tok[0], fillers))
      break;
    const GArray *ids = g_hash_table_lookup(by_first, tok[start]);
    for (guint j = 0; ids != NULL && j < ids->len; j++) {
      size_t i = g_array_index(ids, guint, j);
      const struct split *sp = &splits[i];
      if (sp->n > ntok - start || sp->n + start <= best)
        continue;
      bool ok = true;
      for (size_t k = 1; k < sp->n && ok; k++)
        ok = strcmp(tok[start + k], sp->tokens[k]) == 0;
      if (!ok)
        continue;
      best = sp->n + start;
      m->label = phrases[i].label;
      m->tokens = best;
      m->total = phrases[i].total;
    }
  }
  g_strfreev(tok);
  return m->label != SV_LABEL_NONE;
}

/* ------------------------------------------------------------- columns */

static const struct {
  const char *word;
  enum sv_column col;
} column_words[] = {
    {"date", SV_COL_DATE},         {"fecha", SV_COL_DATE},
    {"dia", SV_COL_DATE},          {"day", SV_COL_DATE},
    {"posted", SV_COL_DATE},       {"posting", SV_COL_DATE},
    {"balance", SV_COL_BALANCE},   {"saldo", SV_COL_BALANCE},
    {"saldos", SV_COL_BALANCE},    {"liquidacion", SV_COL_BALANCE},
    {"withdrawals", SV_COL_DEBIT}, {"withdrawal", SV_COL_DEBIT},
    {"debits", SV_COL_DEBIT},      {"debit", SV_COL_DEBIT},
    {"payments", SV_COL_DEBIT},    {"charges", SV_COL_DEBIT},
    {"cargos", SV_COL_DEBIT},      {"cargo", SV_COL_DEBIT},
    {"retiros", SV_COL_DEBIT},     {"retiro", SV_COL_DEBIT},
    {"debitos", SV_COL_DEBIT},     {"debito", SV_COL_DEBIT},
    {"egresos", SV_COL_DEBIT},     {"salidas", SV_COL_DEBIT},
    {"deposits", SV_COL_CREDIT},   {"deposit", SV_COL_CREDIT},
    {"credits", SV_COL_CREDIT},    {"credit", SV_COL_CREDIT},
    {"receipts", SV_COL_CREDIT},   {"additions", SV_COL_CREDIT},
    {"abonos", SV_COL_CREDIT},     {"abono", SV_COL_CREDIT},
    {"depositos", SV_COL_CREDIT},  {"deposito", SV_COL_CREDIT},
    {"creditos", SV_COL_CREDIT},   {"credito", SV_COL_CREDIT},
    {"ingresos", SV_COL_CREDIT},   {"entradas", SV_COL_CREDIT},
    {"amount", SV_COL_AMOUNT},     {"importe", SV_COL_AMOUNT},
    {"monto", SV_COL_AMOUNT},      {"movimiento", SV_COL_AMOUNT},
    {"cantidad", SV_COL_AMOUNT},   {"valor", SV_COL_AMOUNT},
};

enum sv_column sv_vocab_column(const char *key)
{
  if (key == NULL)
    return SV_COL_OTHER;
  char **tok = g_strsplit(key, " ", 12);
  enum sv_column found = SV_COL_OTHER;
  /* "money in" / "money out", "paid in" / "paid out" */
  for (size_t i = 0; tok[i] != NULL && tok[i + 1] != NULL; i++) {
    if (strcmp(tok[i], "money") == 0 || strcmp(tok[i], "paid") == 0) {
      if (strcmp(tok[i + 1], "in") == 0)
        found = SV_COL_CREDIT;
      else if (strcmp(tok[i + 1], "out") == 0)
        found = SV_COL_DEBIT;
    }
  }
  /* A balance word anywhere wins ("Saldo operación"); else the first
     known word: "Withdrawal amount" is a debit column, "Transaction
     amount" an amount column, "Deposits / Credits" a credit column. */
  for (size_t i = 0; tok[i] != NULL && found == SV_COL_OTHER; i++)
    for (size_t k = 0; k < G_N_ELEMENTS(column_words); k++)
      if (column_words[k].col == SV_COL_BALANCE &&
          strcmp(tok[i], column_words[k].word) == 0)
        found = SV_COL_BALANCE;
  for (size_t i = 0; tok[i] != NULL && found == SV_COL_OTHER; i++)
    for (size_t k = 0; k < G_N_ELEMENTS(column_words); k++)
      if (strcmp(tok[i], column_words[k].word) == 0) {
        found = column_words[k].col;
        break;
      }
  g_strfreev(tok);
  return found;
}

int sv_vocab_direction(const char *key)
{
  static const char *const in[] = {
      "deposits",  "deposit",  "credits",   "credit",  "additions",
      "receipts",  "abonos",   "abono",     "depositos", "deposito",
      "creditos",  "ingresos", "interest",  "intereses", NULL};
  static const char *const out[] = {
      "withdrawals", "withdrawal", "debits",   "debit",  "checks",
      "check",       "fees",       "fee",      "charges", "payments",
      "purchases",   "cargos",     "cargo",    "retiros", "retiro",
      "cheques",     "comisiones", "comision", "pagos",   "compras",
      "subtractions", NULL};
  if (key == NULL)
    return 0;
  char **tok = g_strsplit(key, " ", 16);
  int dir = 0;
  for (size_t i = 0; tok[i] != NULL && dir == 0; i++) {
    if (in_list(tok[i], out))
      dir = -1;
    else if (in_list(tok[i], in))
      dir = +1;
  }
  g_strfreev(tok);
  return dir;
}

bool sv_vocab_balance_row(const char *key, bool *opening)
{
  struct sv_label_match m;
  if (!sv_vocab_label(key, &m))
    return false;
  if (m.label == SV_LABEL_OPENING || m.label == SV_LABEL_CLOSING) {
    *opening = m.label == SV_LABEL_OPENING;
    return true;
  }
  return false;
}

bool sv_vocab_daily_balances(const char *key)
{
  static const char *const phrases_daily[] = {
      "daily ending balance", "daily ending balances",
      "daily ledger balance", "daily ledger balances", "daily balance",
      "daily balances",       "daily balance summary", "saldos diarios",
      "saldo diario",         "saldos al cierre del dia", NULL};
  if (key == NULL)
    return false;
  for (size_t i = 0; phrases_daily[i] != NULL; i++)
    if (g_str_has_prefix(key, phrases_daily[i]))
      return true;
  return false;
}

bool sv_vocab_not_a_name(const char *word)
{
  static const char *const words[] = {
      "bank",      "banco",     "statement", "estado",     "cuenta",
      "account",   "accounts",  "summary",   "resumen",
      "service",   "services",  "information", "informacion", "checking",
      "savings",   "ahorro",    "page",      "pagina",
      "fdic",      "detalle",   "periodo",   "period",     "financial",
      "financiera", "balance",  "saldo",     "total",      "date",
      "fecha",     "sucursal",  "branch",    "credit",     "credito",
      "debit",     "tarjeta",   "card",      "online",     "www",
      "com",       "deposits",  "depositos", "transactions", "movimientos",
      "digital",   "basico",    "everyday",  "personal",   "business",
      "empresarial", "sa",      "cv",        "na",         "inc",
      "llc",       "ltd",       "plc",       "your",       "banking",
      "extracto",  "corriente", "cheques",   "purchase",   "payment",
      "deposit",   "withdrawal", "transfer", "atm",        "pos",
      "compra",    "pago",      "retiro",    "abono",      "cargo",
      "spei",      "traspaso",  "nomina",    "payroll",    "interest",
      "fee",       "fees",      "charge",    "check",      "cheque",
      "union",     "trust",     "federal",   "national",   "international",
      "institucion", "multiple", "grupo",    "group",      "street",
      "avenue",    "road",      "calle",     "avenida",    "colonia",
      "box",       "suite",     "floor",     "piso",       "number",
      "numero",    "no",        "reference", "referencia", "description",
      "descripcion", "concepto", "amount",   "importe",    "monto",
      "currency",  "moneda",    "pesos",     "dollars",    "dolares",
      "euros",     "specimen",  "template",
      "welcome",   "dear",      "thank",     "notice",     "aviso",
      "cliente",   "titular",   "nombre",    "name",       "address",
      "domicilio", "direccion", "phone",     "telefono",   "email",
      "plus",      "premier",   "gold",      "premium",    "classic",
      NULL};
  return word != NULL && in_list(word, words);
}
