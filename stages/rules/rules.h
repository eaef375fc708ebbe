/*
 * rules.h - the ruleset, the minimum-wage table and the exchange rates.
 *
 * All three are data files, never constants in code: the ruleset
 * (schemas/rulesets/<id>.xml) lists every characteristic of stay with its
 * tests (savings window and days, income days, property and investment
 * days); the wage table (schemas/data/minimum-wages.xml) holds the daily
 * minimum wage series with effective dates and zones; the rates file
 * (--rates) holds dated MXN exchange rates, kept scaled by 10^4 (a rate with
 * a non-zero 5th or 6th fraction digit is rejected at load, never rounded).
 * The INM procedures table (schemas/data/inm-procedures.xml, nextsteps.h)
 * is loaded with them: what follows each stay the report finds met; so is
 * the US border-post table (schemas/data/us-tcn-border.xml, ustcn.h).
 * Each is validated by its XSD at load and parsed with libxml2 without
 * network or entity expansion.
 *
 * Loaded once in main before any thread starts; read-only afterwards, so
 * every function taking a const struct sv_rules * is MT safe.
 */
#ifndef SV_RULES_H
#define SV_RULES_H

#include <glib.h>
#include <stdbool.h>

#include "../../pipeline/model.h"
#include "../../pipeline/status.h"

struct sv_rules;

/* One test of one characteristic of stay, as the ruleset states it. */
struct sv_rule_test {
  enum sv_test_basis basis;
  int window_months; /* savings/income: 3, 6 or 12; 0 otherwise */
  int wage_days;
  bool strictly_greater;      /* "exceeds" (property, investment, income under
                                 the 2014/2025 rules) vs "reaches" */
  int per_dependent_days;     /* days added per economic dependent; 0: the
                                 ruleset gives no figure */
  bool needs_employment_year; /* plus a certificate of one year's stable
                                 employment */
  const char *confidence;     /* borrowed, NULL = confirmed */
  const char *source;         /* borrowed, may be NULL */
  const char *not_applicable; /* borrowed: why the ruleset has no figure
                                 (the test is not evaluated), or NULL */
  const char *note;           /* borrowed, may be NULL: plain-words remark */
};

struct sv_rule_stay {
  const char *id;                   /* borrowed */
  const char *title;                /* borrowed */
  const struct sv_rule_test *tests; /* borrowed array */
  size_t ntests;
};

/* Loads ruleset `ruleset_id` and the wage table from data_dir (the schemas/
   folder), and the rates file when rates_path is not NULL.  ruleset_id
   "auto" loads every ruleset that states the days it was in force, each
   with its own index table, for sv_rules_for to choose from per case.  On
   failure returns the status and sets *err to an owned message (free with
   g_free).  Returns owned *out: free with sv_rules_free. */
sv_status sv_rules_load(const char *data_dir, const char *ruleset_id,
                        const char *rates_path, struct sv_rules **out,
                        char **err);
void sv_rules_free(struct sv_rules **rules);

/* Returns borrowed: the ruleset to apply on date: rules itself, or for
   "auto" the one in force then (the earliest before every ruleset's start;
   NULL after the last one's end or on an invalid date), with *why set to
   an owned sentence saying so (NULL when rules is not "auto"). */
const struct sv_rules *sv_rules_for(const struct sv_rules *rules,
                                    const GDate *date, char **why);

/* Returns borrowed: where the ruleset's text comes from, or NULL. */
const char *sv_rules_source(const struct sv_rules *rules);

/* The days the ruleset was in force: false when it states none; *to is
   invalid while it still is. */
bool sv_rules_valid(const struct sv_rules *rules, GDate *from, GDate *to);

/* Returns borrowed: the INM procedures table loaded with the rules
   (schemas/data/inm-procedures.xml, see nextsteps.h), shared by every
   ruleset of "auto"; NULL when rules is NULL. */
struct sv_nextsteps;
const struct sv_nextsteps *sv_rules_nextsteps(const struct sv_rules *rules);

/* Returns borrowed: the US border-post rules loaded with the rules
   (schemas/data/us-tcn-border.xml, see ustcn.h); NULL when rules is NULL
   (and in a member of "auto": ask the rules main loaded). */
struct sv_ustcn;
const struct sv_ustcn *sv_rules_ustcn(const struct sv_rules *rules);

/* Returns borrowed: the ruleset id, e.g. "sre-2012" ("auto"). */
const char *sv_rules_id(const struct sv_rules *rules);

/* Returns borrowed: the stays in ruleset order (valid while rules lives). */
const struct sv_rule_stay *sv_rules_stays(const struct sv_rules *rules,
                                          size_t *n);
/* Returns borrowed, or NULL when the ruleset has no such stay. */
const struct sv_rule_stay *sv_rules_find_stay(const struct sv_rules *rules,
                                              const char *id);

/* The daily value of the ruleset's index (minimum wage, UMA) in force on
   a date, with where it comes from. */
struct sv_index_value {
  const char *index; /* borrowed: "minimum-wage" or "uma" */
  const char *zone;  /* borrowed */
  sv_cents daily;
  GDate effective;
  const char *source; /* borrowed, may be NULL */
};
bool sv_rules_index_value(const struct sv_rules *rules, const GDate *date,
                          struct sv_index_value *out);

/* The daily wage in force on `date` for the ruleset's index and zone:
   centavos, the zone name (borrowed) and the date it took effect.  False
   when the table has no value on that date. */
bool sv_rules_wage(const struct sv_rules *rules, const GDate *date,
                   sv_cents *daily, const char **zone, GDate *effective);

/* The latest rate for `currency` dated on or before `date`, as MXN per unit
   scaled by 10^4 ("18.4210" -> 184210), and its date.  MXN itself is 1.
   False when no such rate exists. */
bool sv_rules_rate(const struct sv_rules *rules, const char *currency,
                   const GDate *date, int64_t *mxn_e4, GDate *rate_date);

#endif
