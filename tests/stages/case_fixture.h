/*
 * case_fixture.h - cases built in memory for the evaluate and evidence
 * tests: the real seed ruleset and wage table from SV_SOURCE_DIR/schemas,
 * documents with statements, letters and deeds already "read", and
 * lookups into the evaluation.  Every test states its figures by hand.
 */
#ifndef SV_TEST_CASE_FIXTURE_H
#define SV_TEST_CASE_FIXTURE_H

#include <stdbool.h>

#include <glib.h>

#include "model.h"
#include "rules/rules.h"

#define FX_DATA_DIR SV_SOURCE_DIR "/schemas"
#define FX_CONF_TEXT 100.0f

struct sv_rules *fx_rules_with_rates(const char *rates_xml);

/* Ruleset id ("sre-2025", "auto" ...) from the real data, no rates. */
struct sv_rules *fx_rules(const char *id);

struct sv_case *fx_new_case(const char *as_of);

void fx_request(struct sv_case *c, const char *stay);

GDate fx_ymd(int y, int m, int d);

/* Adds an OK bank-statement document with its statement; returns it so a
   test can adjust the figures.  Documents must be added in path order. */
struct sv_statement *fx_add_doc(struct sv_case *c, const char *relpath,
                                const char *holder, const char *account,
                                const char *currency);

/* A full calendar-month statement with a printed average on page 1. */
struct sv_statement *fx_add_month(struct sv_case *c, const char *account,
                                  const char *currency, int y, int m,
                                  sv_cents average);

/* n consecutive months starting at (y, m), each with the same average. */
void fx_add_months(struct sv_case *c, const char *account, const char *currency,
                   int y, int m, int n, sv_cents average);

const struct sv_test *fx_find_test(const struct sv_case *c, const char *stay,
                                   enum sv_test_basis basis);

enum sv_outcome fx_stay_outcome(const struct sv_case *c, const char *stay);

/* True when some reason of t contains every given fragment. */
bool fx_has_reason(const struct sv_test *t, const char *a, const char *b);

void fx_print_reasons(const struct sv_test *t);

const struct sv_month *fx_balance(const struct sv_case *c, guint i);

void fx_add_asset(struct sv_case *c, enum sv_asset_kind kind, sv_cents amount,
                  const char *currency);

/* Adds an OK document of `kind` at relpath (path order is the caller's). */
struct sv_doc *fx_add_kind(struct sv_case *c, const char *relpath,
                           enum sv_doc_kind kind);

/* An income letter for `person` in MXN listing n months from (y, m). */
struct sv_income_doc *fx_add_letter(struct sv_case *c, const char *rel,
                                    const char *person, bool net, int y, int m,
                                    int n, sv_cents monthly);

/* A deed owned by `owner` with one MXN value of `kind`. */
struct sv_deed *fx_add_deed(struct sv_case *c, const char *rel,
                            const char *owner, enum sv_value_kind kind,
                            sv_cents amount, bool words_agree);

#endif
