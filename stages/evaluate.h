/*
 * evaluate.h - case stage: turns extracted figures into verdicts.
 *
 * Runs on the collector thread once every document of a case is back.
 * Builds the case's monthly balances (one per account and month, plus a
 * total when several accounts share a month), converts them to MXN with the
 * rates, and evaluates every requested characteristic of stay of the
 * ruleset (all of them when case.xml requests none) on the wage in force on
 * the case's as-of date.  Fills c->eval.
 */
#ifndef SV_EVALUATE_H
#define SV_EVALUATE_H

#include "rules/rules.h"
#include "stage.h"

extern const struct sv_stage sv_evaluate_stage;

/* Evaluates case c against rules (borrowed; "auto": the ruleset in force
   on c's as-of date), judging savings windows under policy, replacing
   c->eval.  Never fails: missing or doubtful evidence becomes outcomes and
   reasons. */
void sv_evaluate_case_policy(const struct sv_rules *rules,
                             enum sv_policy policy, struct sv_case *c);

/* sv_evaluate_case_policy under SV_POLICY_MEAN. */
void sv_evaluate_case(const struct sv_rules *rules, struct sv_case *c);

#endif
