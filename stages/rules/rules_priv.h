/*
 * rules_priv.h - what rules.c and rates.c share inside the rules library;
 * the stages see only rules.h.
 */
#ifndef SV_RULES_PRIV_H
#define SV_RULES_PRIV_H

#include <libxml/tree.h>

#include "nextsteps.h"
#include "rules.h"
#include "ustcn.h"

struct wage_entry {
  const char *zone; /* in the string chunk */
  GDate effective;
  sv_cents daily;
  const char *source; /* in the string chunk, NULL when none */
};

struct rate_entry {
  char currency[4];
  GDate date;
  int64_t mxn_e4;
};

struct sv_rules {
  GStringChunk *strings; /* owns every string below */
  const char *id;
  const char *title;
  const char *index;          /* e.g. "minimum-wage" */
  const char *zone;           /* e.g. "general" */
  struct sv_rule_stay *stays; /* owned array; each tests array owned */
  size_t nstays;
  struct wage_entry *wages; /* owned, sorted by (zone, effective) */
  size_t nwages;
  struct rate_entry *rates; /* owned, sorted by (currency, date) unless
                               rates_borrowed */
  size_t nrates;
  bool rates_borrowed;        /* a member of "auto": its parent's rates */
  const char *source;         /* where the ruleset's text comes from */
  GDate valid_from, valid_to; /* its days in force (invalid: open) */
  struct sv_rules **members;  /* "auto": every ruleset, by id; owned */
  size_t nmembers;
  struct sv_nextsteps *nextsteps; /* the INM procedures table; owned
                                     unless nextsteps_borrowed */
  bool nextsteps_borrowed;    /* a member of "auto": its parent's table */
  struct sv_ustcn *ustcn;     /* the us-tcn-border table: owned by the
                                 top-level rules only (NULL in members) */
};

/* Returns owned: d as YYYY-MM-DD. */
char *sv_rules_date_str(const GDate *d);

/* Loads path validated against xsd_path (see rules.c); `what` names the
   file in messages. */
sv_status sv_rules_load_xml(const char *path, const char *xsd_path,
                            const char *what, xmlDocPtr *out, char **err);

bool sv_rules_is_element(xmlNodePtr n, const char *name);

/* Returns owned (g_free): attribute name of n, NULL when absent. */
char *sv_rules_prop(xmlNodePtr n, const char *name);

/* Returns borrowed (in chunk): attribute name of n, NULL when absent. */
const char *sv_rules_chunk_prop(GStringChunk *chunk, xmlNodePtr n,
                                const char *name);

/* Returns borrowed (in chunk): the text of n with runs of white space
   made one space; NULL when it has none. */
const char *sv_rules_chunk_note(GStringChunk *chunk, xmlNodePtr n);

/* Loads the rates file at rates_path into r (rates.c). */
sv_status sv_rules_load_rates(struct sv_rules *r, const char *data_dir,
                              const char *rates_path, char **err);

#endif
