/*
 * vocab.h - the words banks print, in English and Spanish, for the parts
 * of a statement: summary labels ("Beginning balance", "Saldo anterior",
 * "Deposits and other credits", "Retiros / cargos (-)"), movement table
 * columns ("Withdrawals", "Cargos", "Saldo") and the fields of its header
 * (holder, account, currency, period).
 *
 * The statement readers' one vocabulary (summary.c, movements.c, party.c,
 * statement.c).  Matching works on folded keys (text/fold.h: "No. de
 * Cuenta:" is "no de cuenta"), phrase by whole tokens at the start of the
 * key, the longest phrase winning: "saldo final del periodo anterior" is an
 * opening balance, "saldo promedio minimo mensual" nothing at all.  Many
 * wordings, no bank's in particular.
 */
#ifndef SV_VOCAB_H
#define SV_VOCAB_H

#include <stdbool.h>
#include <stddef.h>

/* What a summary label names. */
enum sv_label {
  SV_LABEL_NONE = 0,
  SV_LABEL_IGNORE,   /* a look-alike: minimum, year-to-date, counts ... */
  SV_LABEL_OPENING,
  SV_LABEL_CLOSING,
  SV_LABEL_AVERAGE,
  SV_LABEL_CREDITS,  /* deposits / credits (a total or one kind of them) */
  SV_LABEL_DEBITS,   /* withdrawals / debits (a total or one kind) */
  SV_LABEL_BALANCE_ON, /* a balance on a date ("Balance at 1 March"):
                          opening or closing as the date says */
  SV_LABEL_HOLDER,
  SV_LABEL_ACCOUNT,
  SV_LABEL_CURRENCY,
  SV_LABEL_PERIOD
};

struct sv_label_match {
  enum sv_label label;
  size_t tokens;   /* tokens of the key the phrase covers */
  bool total;      /* credits/debits: the phrase names the total ("total
                      deposits", "deposits and other credits"), not one
                      kind of them ("checks paid", "service fees") */
};

/* Matches key (folded tokens separated by single spaces) against the
   summary and header labels; at most one leading filler word ("your",
   "the", "su", "el") is skipped.  Returns false (m->label NONE) when no
   phrase starts the key. */
bool sv_vocab_label(const char *key, struct sv_label_match *m);

/* What a column of a movements table holds. */
enum sv_column {
  SV_COL_OTHER = 0, /* description, reference, code ... */
  SV_COL_DATE,
  SV_COL_DEBIT,     /* withdrawals / cargos: amounts leaving */
  SV_COL_CREDIT,    /* deposits / abonos: amounts coming in */
  SV_COL_AMOUNT,    /* one signed amount column */
  SV_COL_BALANCE    /* running balance */
};

/* The role a table header names (folded key), SV_COL_OTHER when none.
   "Saldo operación" and "Balance ($)" are balances; "Fecha oper" a date;
   "Withdrawals", "Cargos (-)", "Money out" debits. */
enum sv_column sv_vocab_column(const char *key);

/* Whether a section title or a movement's description (folded key) speaks
   of money coming in (+1: "Deposits and additions", "Abonos"), going out
   (-1: "Checks paid", "Withdrawals", "Cargos"), or neither (0). */
int sv_vocab_direction(const char *key);

/* True when a movement's description marks the opening or closing balance
   row of a table ("Beginning balance", "Balance brought forward", "Saldo
   anterior"; "Ending balance", "Saldo final"): *opening tells which. */
bool sv_vocab_balance_row(const char *key, bool *opening);

/* True when key names a title that introduces daily balances ("Daily
   ending balance", "Daily ledger balances", "Saldos diarios"). */
bool sv_vocab_daily_balances(const char *key);

/* True when a folded word is one no person's name holds: bank, statement,
   account, balance, period and the like, in both languages. */
bool sv_vocab_not_a_name(const char *word);

#endif
