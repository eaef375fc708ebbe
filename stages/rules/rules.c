/*
 * rules.c - loads the ruleset, the wage table and the exchange rates.
 *
 * Runs once in main before any thread starts (see rules.h).  Every file goes
 * through sv_xml_load (pipeline/xmlsafe.h: size cap, XML_PARSE_NONET only,
 * no entity substitution, no DTD loading, XSD validation) and a DOCTYPE is
 * refused outright; only then is the tree walked, with semantic checks the
 * XSD cannot express.  Each failure gives one message naming the file (and
 * the line when known).  Afterwards the struct is read-only: lookups are plain
 * scans over small sorted arrays, so they are MT safe.
 *
 * The rates file is read by rates.c; "auto" loads every ruleset that
 * states its days in force, and sv_rules_for picks one per date.
 *
 * Layout of the data folder (the schemas/ folder):
 *   ruleset.xsd, wages.xsd, rates.xsd, inm-procedures.xsd
 *   rulesets/<ruleset-id>.xml      the ruleset
 *   data/<table>.xml               the index series the ruleset names
 *   data/inm-procedures.xml        the INM procedures table (nextsteps.c)
 *   data/us-tcn-border.xml         the US border-post rules (ustcn.c)
 */
#include "rules.h"
#include "rules_priv.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "../../pipeline/money.h"
#include "../../pipeline/xmlsafe.h"

/* ------------------------------------------------------- XML input */

char *sv_rules_date_str(const GDate *d)
{
  char buf[16];
  sv_xml_format_date(d, buf, sizeof buf);
  return g_strdup(buf);
}

/* Loads path through sv_xml_load (no network, no entities, size-capped,
   validated against xsd_path) and refuses a DOCTYPE, which none of our
   data files needs.  `what` ("ruleset", "wage table", "rates file") starts
   the error message.  Returns owned *out (xmlFreeDoc) or a status and an
   owned *err. */
sv_status sv_rules_load_xml(const char *path, const char *xsd_path,
                            const char *what, xmlDocPtr *out, char **err)
{
  char *detail = NULL;
  xmlDocPtr doc = NULL;
  sv_status rc = sv_xml_load(path, xsd_path, &doc, &detail);

  *out = NULL;
  if (rc != SV_OK) {
    *err = g_strdup_printf("%s: %s", what,
                           detail != NULL ? detail : sv_status_str(rc));
    goto out;
  }
  if (doc->intSubset != NULL || doc->extSubset != NULL) {
    rc = SV_BADXML;
    *err = g_strdup_printf("%s: %s: a DOCTYPE is not allowed in data files",
                           what, path);
    goto out;
  }
  *out = doc;
  doc = NULL;

out:
  if (doc != NULL)
    xmlFreeDoc(doc);
  g_free(detail);
  return rc;
}

bool sv_rules_is_element(xmlNodePtr n, const char *name)
{
  return n != NULL && n->type == XML_ELEMENT_NODE &&
         xmlStrcmp(n->name, (const xmlChar *)name) == 0;
}

/* Returns owned (g_free): the attribute's value, NULL when absent. */
char *sv_rules_prop(xmlNodePtr n, const char *name)
{
  xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
  if (v == NULL)
    return NULL;
  char *s = g_strdup((const char *)v);
  xmlFree(v);
  return s;
}

const char *sv_rules_chunk_prop(GStringChunk *chunk, xmlNodePtr n,
                                const char *name)
{
  char *v = sv_rules_prop(n, name);
  if (v == NULL)
    return NULL;
  const char *s = g_string_chunk_insert(chunk, v);
  g_free(v);
  return s;
}

/* An id as used in file names: [a-z0-9]+(-[a-z0-9]+)*, at most 64. */
static bool is_token_id(const char *s)
{
  size_t n = s != NULL ? strlen(s) : 0;
  if (n == 0 || n > 64 || s[0] == '-' || s[n - 1] == '-')
    return false;
  for (size_t i = 0; i < n; i++) {
    bool ok = g_ascii_islower(s[i]) || g_ascii_isdigit(s[i]) ||
              (s[i] == '-' && s[i + 1] != '-');
    if (!ok)
      return false;
  }
  return true;
}

/* ----------------------------------------------------------- ruleset */

static bool basis_from_str(const char *s, enum sv_test_basis *out)
{
  static const struct {
    const char *name;
    enum sv_test_basis basis;
  } map[] = {{"savings", SV_TEST_SAVINGS},
             {"income", SV_TEST_INCOME},
             {"property", SV_TEST_PROPERTY},
             {"investment", SV_TEST_INVESTMENT}};
  for (size_t i = 0; s != NULL && i < G_N_ELEMENTS(map); i++) {
    if (strcmp(s, map[i].name) == 0) {
      *out = map[i].basis;
      return true;
    }
  }
  return false;
}

/* The text of a <note>, with runs of white space made one space. */
const char *sv_rules_chunk_note(GStringChunk *chunk, xmlNodePtr n)
{
  xmlChar *raw = xmlNodeGetContent(n);
  if (raw == NULL)
    return NULL;
  char **parts = g_strsplit_set((const char *)raw, " \t\r\n", -1);
  GString *s = g_string_new(NULL);
  for (char **p = parts; *p != NULL; p++) {
    if (**p == '\0')
      continue;
    if (s->len > 0)
      g_string_append_c(s, ' ');
    g_string_append(s, *p);
  }
  const char *r = s->len > 0 ? g_string_chunk_insert(chunk, s->str) : NULL;
  g_string_free(s, TRUE);
  g_strfreev(parts);
  xmlFree(raw);
  return r;
}

static sv_status read_test(struct sv_rules *r, const char *path,
                           const char *stay_id, xmlNodePtr n,
                           struct sv_rule_test *t, char **err)
{
  sv_status rc = SV_OK;
  char *basis = sv_rules_prop(n, "basis");
  char *days = sv_rules_prop(n, "wageDays");
  char *window = sv_rules_prop(n, "windowMonths");
  char *compare = sv_rules_prop(n, "compare");
  char *per_dep = sv_rules_prop(n, "perDependentDays");
  char *requires = sv_rules_prop(n, "requires");
  gint64 v = 0;
  int line = (int)xmlGetLineNo(n);

  memset(t, 0, sizeof *t);
  if (!basis_from_str(basis, &t->basis)) {
    rc = SV_BADXML;
    *err = g_strdup_printf("ruleset %s, line %d: stay %s: unknown test basis "
                           "\"%s\"",
                           path, line, stay_id, basis != NULL ? basis : "");
    goto out;
  }
  t->not_applicable = sv_rules_chunk_prop(r->strings, n, "notApplicable");
  if (t->not_applicable != NULL) {
    if (days != NULL || window != NULL || compare != NULL || per_dep != NULL ||
        requires != NULL) {
      rc = SV_BADXML;
      *err = g_strdup_printf("ruleset %s, line %d: stay %s: a test that is "
                             "notApplicable takes no figure",
                             path, line, stay_id);
    }
    goto out;
  }
  if (days == NULL ||
      !g_ascii_string_to_signed(days, 10, 1, 1000000, &v, NULL)) {
    rc = SV_BADXML;
    *err = g_strdup_printf("ruleset %s, line %d: stay %s: wageDays must be a "
                           "whole number from 1 to 1000000",
                           path, line, stay_id);
    goto out;
  }
  t->wage_days = (int)v;
  bool windowed = t->basis == SV_TEST_SAVINGS || t->basis == SV_TEST_INCOME;
  if (windowed) {
    if (window == NULL ||
        !g_ascii_string_to_signed(window, 10, 1, 12, &v, NULL) ||
        (v != 3 && v != 6 && v != 12)) {
      rc = SV_BADXML;
      *err = g_strdup_printf("ruleset %s, line %d: stay %s: the %s test "
                             "needs windowMonths 3, 6 or 12",
                             path, line, stay_id, basis);
      goto out;
    }
    t->window_months = (int)v;
  } else if (window != NULL) {
    rc = SV_BADXML;
    *err = g_strdup_printf("ruleset %s, line %d: stay %s: the %s test takes "
                           "no windowMonths",
                           path, line, stay_id, basis);
    goto out;
  }
  if (compare != NULL && strcmp(compare, "exceeds") == 0) {
    t->strictly_greater = true;
  } else if (compare != NULL && strcmp(compare, "reaches") == 0) {
    t->strictly_greater = false;
  } else {
    rc = SV_BADXML;
    *err = g_strdup_printf("ruleset %s, line %d: stay %s: compare must be "
                           "\"reaches\" or \"exceeds\"",
                           path, line, stay_id);
    goto out;
  }
  for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
    if (sv_rules_is_element(c, "note"))
      t->note = sv_rules_chunk_note(r->strings, c);
  }
  if (per_dep != NULL &&
      g_ascii_string_to_signed(per_dep, 10, 1, 1000000, &v, NULL))
    t->per_dependent_days = (int)v;
  t->needs_employment_year =
      requires != NULL && strcmp(requires, "employment-one-year") == 0;
  t->confidence = sv_rules_chunk_prop(r->strings, n, "confidence");
  t->source = sv_rules_chunk_prop(r->strings, n, "source");

out:
  g_free(per_dep);
  g_free(requires);
  g_free(basis);
  g_free(days);
  g_free(window);
  g_free(compare);
  return rc;
}

static sv_status read_stay(struct sv_rules *r, const char *path, xmlNodePtr n,
                           struct sv_rule_stay *stay, char **err)
{
  sv_status rc = SV_OK;
  size_t ntests = 0;
  struct sv_rule_test *tests = NULL;

  stay->id = sv_rules_chunk_prop(r->strings, n, "id");
  stay->title = sv_rules_chunk_prop(r->strings, n, "title");
  if (stay->id == NULL || !is_token_id(stay->id)) {
    rc = SV_BADXML;
    *err = g_strdup_printf("ruleset %s, line %d: a stay needs an id of "
                           "lowercase letters, digits and hyphens",
                           path, (int)xmlGetLineNo(n));
    goto out;
  }
  for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
    if (sv_rules_is_element(c, "test"))
      ntests++;
  }
  if (ntests == 0) {
    rc = SV_BADXML;
    *err = g_strdup_printf("ruleset %s: stay %s has no test", path, stay->id);
    goto out;
  }
  tests = g_new0(struct sv_rule_test, ntests);
  size_t i = 0;
  for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
    if (!sv_rules_is_element(c, "test"))
      continue;
    rc = read_test(r, path, stay->id, c, &tests[i], err);
    if (rc != SV_OK)
      goto out;
    for (size_t k = 0; k < i; k++) {
      if (tests[k].basis == tests[i].basis) {
        rc = SV_BADXML;
        *err = g_strdup_printf("ruleset %s: stay %s has two %s tests", path,
                               stay->id, sv_test_basis_str(tests[i].basis));
        goto out;
      }
    }
    i++;
  }
  stay->tests = tests;
  stay->ntests = ntests;
  tests = NULL;

out:
  g_free(tests);
  return rc;
}

static sv_status load_ruleset(struct sv_rules *r, const char *data_dir,
                              const char *ruleset_id, char **table, char **err)
{
  sv_status rc = SV_OK;
  char *path = NULL;
  char *xsd = NULL;
  char *file = NULL;
  xmlDocPtr doc = NULL;

  if (!is_token_id(ruleset_id)) {
    rc = SV_INVALID;
    *err = g_strdup_printf("ruleset id \"%s\" is not valid: use lowercase "
                           "letters, digits and hyphens (e.g. sre-2012)",
                           ruleset_id != NULL ? ruleset_id : "");
    goto out;
  }
  file = g_strconcat(ruleset_id, ".xml", NULL);
  path = g_build_filename(data_dir, "rulesets", file, NULL);
  if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
    rc = SV_NOTFOUND;
    *err = g_strdup_printf("no ruleset \"%s\": %s does not exist", ruleset_id,
                           path);
    goto out;
  }
  xsd = g_build_filename(data_dir, "ruleset.xsd", NULL);
  rc = sv_rules_load_xml(path, xsd, "ruleset", &doc, err);
  if (rc != SV_OK)
    goto out;

  xmlNodePtr root = xmlDocGetRootElement(doc);
  r->id = sv_rules_chunk_prop(r->strings, root, "id");
  r->title = sv_rules_chunk_prop(r->strings, root, "title");
  r->source = sv_rules_chunk_prop(r->strings, root, "source");
  for (int k = 0; k < 2; k++) {
    char *d = sv_rules_prop(root, k == 0 ? "validFrom" : "validTo");
    GDate *g = k == 0 ? &r->valid_from : &r->valid_to;
    g_date_clear(g, 1);
    if (d != NULL && !sv_xml_parse_date(d, g)) {
      rc = SV_BADXML;
      *err = g_strdup_printf("ruleset %s: %s \"%s\" is not a valid date", path,
                             k == 0 ? "validFrom" : "validTo", d);
    }
    g_free(d);
    if (rc != SV_OK)
      goto out;
  }
  if (r->id == NULL || strcmp(r->id, ruleset_id) != 0) {
    rc = SV_BADXML;
    *err = g_strdup_printf("ruleset %s declares id \"%s\"; the file name "
                           "says \"%s\"",
                           path, r->id != NULL ? r->id : "", ruleset_id);
    goto out;
  }
  size_t nstays = 0;
  for (xmlNodePtr c = root->children; c != NULL; c = c->next) {
    if (sv_rules_is_element(c, "index")) {
      r->index = sv_rules_chunk_prop(r->strings, c, "name");
      r->zone = sv_rules_chunk_prop(r->strings, c, "zone");
      g_free(*table);
      *table = sv_rules_prop(c, "table");
    } else if (sv_rules_is_element(c, "stay")) {
      nstays++;
    }
  }
  if (r->index == NULL || r->zone == NULL || *table == NULL ||
      !is_token_id(*table)) {
    rc = SV_BADXML;
    *err =
        g_strdup_printf("ruleset %s: <index> needs name, zone and table", path);
    goto out;
  }
  r->stays = g_new0(struct sv_rule_stay, nstays);
  for (xmlNodePtr c = root->children; c != NULL; c = c->next) {
    if (!sv_rules_is_element(c, "stay"))
      continue;
    struct sv_rule_stay *stay = &r->stays[r->nstays];
    r->nstays++; /* counted before reading so sv_rules_free frees it */
    rc = read_stay(r, path, c, stay, err);
    if (rc != SV_OK)
      goto out;
    for (size_t k = 0; k + 1 < r->nstays; k++) {
      if (strcmp(r->stays[k].id, stay->id) == 0) {
        rc = SV_BADXML;
        *err = g_strdup_printf("ruleset %s: stay %s is listed twice", path,
                               stay->id);
        goto out;
      }
    }
  }
  if (r->nstays == 0) {
    rc = SV_BADXML;
    *err = g_strdup_printf("ruleset %s lists no stay", path);
    goto out;
  }

out:
  if (doc != NULL)
    xmlFreeDoc(doc);
  g_free(file);
  g_free(path);
  g_free(xsd);
  return rc;
}

/* -------------------------------------------------------- wage table */

static int wage_cmp(const void *a, const void *b)
{
  const struct wage_entry *x = a, *y = b;
  int c = strcmp(x->zone, y->zone);
  if (c != 0)
    return c;
  return g_date_compare(&x->effective, &y->effective);
}

static sv_status load_wages(struct sv_rules *r, const char *data_dir,
                            const char *table, char **err)
{
  sv_status rc = SV_OK;
  char *file = g_strconcat(table, ".xml", NULL);
  char *path = g_build_filename(data_dir, "data", file, NULL);
  char *xsd = g_build_filename(data_dir, "wages.xsd", NULL);
  char *index = NULL;
  char *zone = NULL;
  char *eff = NULL;
  char *daily = NULL;
  xmlDocPtr doc = NULL;

  rc = sv_rules_load_xml(path, xsd, "wage table", &doc, err);
  if (rc != SV_OK)
    goto out;
  xmlNodePtr root = xmlDocGetRootElement(doc);
  index = sv_rules_prop(root, "index");
  if (index == NULL || strcmp(index, r->index) != 0) {
    rc = SV_BADXML;
    *err = g_strdup_printf("wage table %s holds index \"%s\" but ruleset %s "
                           "counts in \"%s\"",
                           path, index != NULL ? index : "", r->id, r->index);
    goto out;
  }
  size_t n = 0;
  for (xmlNodePtr c = root->children; c != NULL; c = c->next) {
    if (sv_rules_is_element(c, "wage"))
      n++;
  }
  r->wages = g_new0(struct wage_entry, n);
  bool zone_seen = false;
  for (xmlNodePtr c = root->children; c != NULL; c = c->next) {
    if (!sv_rules_is_element(c, "wage"))
      continue;
    struct wage_entry *w = &r->wages[r->nwages];
    int line = (int)xmlGetLineNo(c);
    g_free(zone);
    g_free(eff);
    g_free(daily);
    zone = sv_rules_prop(c, "zone");
    eff = sv_rules_prop(c, "effective");
    daily = sv_rules_prop(c, "daily");
    if (zone == NULL || !sv_xml_parse_date(eff, &w->effective)) {
      rc = SV_BADXML;
      *err = g_strdup_printf("wage table %s, line %d: effective \"%s\" is "
                             "not a valid YYYY-MM-DD date",
                             path, line, eff != NULL ? eff : "");
      goto out;
    }
    int64_t v = 0;
    if (sv_decimal_parse(daily, 2, &v) != SV_OK || v <= 0) {
      rc = SV_BADXML;
      *err = g_strdup_printf("wage table %s, line %d: daily \"%s\" is not a "
                             "positive amount with at most 2 decimals",
                             path, line, daily != NULL ? daily : "");
      goto out;
    }
    w->daily = v;
    w->zone = g_string_chunk_insert_const(r->strings, zone);
    w->source = sv_rules_chunk_prop(r->strings, c, "source");
    if (strcmp(zone, r->zone) == 0)
      zone_seen = true;
    r->nwages++;
  }
  qsort(r->wages, r->nwages, sizeof *r->wages, wage_cmp);
  for (size_t i = 1; i < r->nwages; i++) {
    if (wage_cmp(&r->wages[i - 1], &r->wages[i]) == 0) {
      char *d = sv_rules_date_str(&r->wages[i].effective);
      rc = SV_BADXML;
      *err = g_strdup_printf("wage table %s: two values for zone %s on %s",
                             path, r->wages[i].zone, d);
      g_free(d);
      goto out;
    }
  }
  if (!zone_seen) {
    rc = SV_BADXML;
    *err = g_strdup_printf("wage table %s has no entry for zone \"%s\" "
                           "(named by ruleset %s)",
                           path, r->zone, r->id);
    goto out;
  }

out:
  if (doc != NULL)
    xmlFreeDoc(doc);
  g_free(index);
  g_free(zone);
  g_free(eff);
  g_free(daily);
  g_free(file);
  g_free(path);
  g_free(xsd);
  return rc;
}

/* ------------------------------------------------------------ public */

/* One ruleset and its index table, without rates. */
static sv_status load_one(const char *data_dir, const char *ruleset_id,
                          struct sv_rules **out, char **msg)
{
  char *table = NULL;
  struct sv_rules *r = g_new0(struct sv_rules, 1);
  r->strings = g_string_chunk_new(1024);
  g_date_clear(&r->valid_from, 1);
  g_date_clear(&r->valid_to, 1);
  sv_status rc = load_ruleset(r, data_dir, ruleset_id, &table, msg);
  if (rc == SV_OK)
    rc = load_wages(r, data_dir, table, msg);
  g_free(table);
  if (rc != SV_OK)
    sv_rules_free(&r);
  *out = r;
  return rc;
}

static int str_cmp(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "auto": every ruleset of data_dir/rulesets that states the days it was
   in force, by id; their periods may not overlap. */
static sv_status load_members(struct sv_rules *r, const char *data_dir,
                              char **msg)
{
  char *dir = g_build_filename(data_dir, "rulesets", NULL);
  GDir *d = g_dir_open(dir, 0, NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func(g_free);
  sv_status rc = SV_OK;
  for (const char *name; d != NULL && (name = g_dir_read_name(d)) != NULL;)
    if (g_str_has_suffix(name, ".xml"))
      g_ptr_array_add(ids, g_strndup(name, strlen(name) - 4));
  if (d != NULL)
    g_dir_close(d);
  if (ids->len > 1)
    qsort(ids->pdata, ids->len, sizeof(gpointer), str_cmp);
  r->members = g_new0(struct sv_rules *, ids->len + 1);
  for (guint i = 0; i < ids->len && rc == SV_OK; i++) {
    struct sv_rules *m = NULL;
    rc = load_one(data_dir, ids->pdata[i], &m, msg);
    if (rc != SV_OK)
      break;
    if (!g_date_valid(&m->valid_from)) {
      sv_rules_free(&m); /* no period: only by name */
      continue;
    }
    for (size_t k = 0; k < r->nmembers && rc == SV_OK; k++) {
      const struct sv_rules *o = r->members[k];
      bool apart = (g_date_valid(&o->valid_to) &&
                    g_date_compare(&o->valid_to, &m->valid_from) < 0) ||
                   (g_date_valid(&m->valid_to) &&
                    g_date_compare(&m->valid_to, &o->valid_from) < 0);
      if (!apart) {
        rc = SV_BADXML;
        *msg = g_strdup_printf("rulesets %s and %s are in force on the same "
                               "days: \"auto\" cannot choose",
                               o->id, m->id);
      }
    }
    if (rc == SV_OK)
      r->members[r->nmembers++] = m;
    else
      sv_rules_free(&m);
  }
  if (rc == SV_OK && r->nmembers == 0) {
    rc = SV_NOTFOUND;
    *msg = g_strdup_printf("no ruleset in %s states the days it was in "
                           "force (validFrom)",
                           dir);
  }
  g_ptr_array_free(ids, TRUE);
  g_free(dir);
  return rc;
}

/* The INM procedures table, shared by the members of "auto"; every stay
   of every ruleset loaded must have its next step there, so a ruleset
   that adds a stay cannot leave it silently without one. */
static sv_status load_nextsteps(struct sv_rules *r, const char *data_dir,
                                char **msg)
{
  sv_status rc = sv_nextsteps_load(data_dir, &r->nextsteps, msg);
  if (rc != SV_OK)
    return rc;
  for (size_t m = 0; m <= r->nmembers; m++) {
    struct sv_rules *x = m < r->nmembers ? r->members[m] : r;
    if (x != r) {
      x->nextsteps = r->nextsteps;
      x->nextsteps_borrowed = true;
    }
    for (size_t i = 0; i < x->nstays; i++) {
      if (sv_nextsteps_after(r->nextsteps, x->stays[i].id) != NULL)
        continue;
      char *path =
          g_build_filename(data_dir, "data", "inm-procedures.xml", NULL);
      *msg = g_strdup_printf("INM procedures table %s names no next step "
                             "for stay %s of ruleset %s: add a <next "
                             "stay=\"%s\"> line",
                             path, x->stays[i].id, x->id, x->stays[i].id);
      g_free(path);
      return SV_BADXML;
    }
  }
  return SV_OK;
}

sv_status sv_rules_load(const char *data_dir, const char *ruleset_id,
                        const char *rates_path, struct sv_rules **out,
                        char **err)
{
  sv_status rc = SV_OK;
  struct sv_rules *r = NULL;
  char *msg = NULL;

  if (out != NULL)
    *out = NULL;
  if (err != NULL)
    *err = NULL;
  if (data_dir == NULL || out == NULL) {
    rc = SV_INVALID;
    msg = g_strdup("no data folder given");
    goto out;
  }
  if (ruleset_id != NULL && strcmp(ruleset_id, "auto") == 0) {
    r = g_new0(struct sv_rules, 1);
    r->strings = g_string_chunk_new(256);
    r->id = g_string_chunk_insert(r->strings, "auto");
    g_date_clear(&r->valid_from, 1);
    g_date_clear(&r->valid_to, 1);
    rc = load_members(r, data_dir, &msg);
  } else {
    rc = load_one(data_dir, ruleset_id, &r, &msg);
  }
  if (rc != SV_OK)
    goto out;
  if (rates_path != NULL) {
    rc = sv_rules_load_rates(r, data_dir, rates_path, &msg);
    if (rc != SV_OK)
      goto out;
  }
  for (size_t i = 0; i < r->nmembers; i++) {
    r->members[i]->rates = r->rates;
    r->members[i]->nrates = r->nrates;
    r->members[i]->rates_borrowed = true;
  }
  rc = load_nextsteps(r, data_dir, &msg);
  if (rc != SV_OK)
    goto out;
  rc = sv_ustcn_load(data_dir, &r->ustcn, &msg);
  if (rc != SV_OK)
    goto out;
  *out = r;
  r = NULL;

out:
  sv_rules_free(&r);
  if (err != NULL)
    *err = msg;
  else
    g_free(msg);
  return rc;
}

const struct sv_rules *sv_rules_for(const struct sv_rules *rules,
                                    const GDate *date, char **why)
{
  if (why != NULL)
    *why = NULL;
  if (rules == NULL || rules->nmembers == 0)
    return rules;
  if (date == NULL || !g_date_valid(date))
    return NULL;
  char d[16];
  sv_xml_format_date(date, d, sizeof d);
  const struct sv_rules *first = rules->members[0];
  for (size_t i = 0; i < rules->nmembers; i++) {
    const struct sv_rules *m = rules->members[i];
    if (g_date_compare(&m->valid_from, &first->valid_from) < 0)
      first = m;
    if (g_date_compare(date, &m->valid_from) < 0 ||
        (g_date_valid(&m->valid_to) && g_date_compare(date, &m->valid_to) > 0))
      continue;
    if (why != NULL) {
      char f[16], t[16] = "";
      sv_xml_format_date(&m->valid_from, f, sizeof f);
      if (g_date_valid(&m->valid_to))
        sv_xml_format_date(&m->valid_to, t, sizeof t);
      *why = g_strdup_printf("ruleset auto: %s is in force on the as-of "
                             "date %s (from %s%s%s)",
                             m->id, d, f, t[0] != '\0' ? " to " : "", t);
    }
    return m;
  }
  if (g_date_compare(date, &first->valid_from) < 0) {
    if (why != NULL)
      *why = g_strdup_printf("ruleset auto: the as-of date %s is before "
                             "every ruleset; %s, the earliest, applies",
                             d, first->id);
    return first;
  }
  return NULL;
}

const char *sv_rules_source(const struct sv_rules *rules)
{
  return rules != NULL ? rules->source : NULL;
}

bool sv_rules_valid(const struct sv_rules *rules, GDate *from, GDate *to)
{
  if (rules == NULL || !g_date_valid(&rules->valid_from))
    return false;
  *from = rules->valid_from;
  *to = rules->valid_to;
  return true;
}

void sv_rules_free(struct sv_rules **rules)
{
  if (rules == NULL || *rules == NULL)
    return;
  struct sv_rules *r = *rules;
  for (size_t i = 0; i < r->nmembers; i++)
    sv_rules_free(&r->members[i]);
  g_free(r->members);
  for (size_t i = 0; i < r->nstays; i++)
    g_free((void *)r->stays[i].tests);
  g_free(r->stays);
  g_free(r->wages);
  if (!r->rates_borrowed)
    g_free(r->rates);
  if (!r->nextsteps_borrowed)
    sv_nextsteps_free(&r->nextsteps);
  sv_ustcn_free(&r->ustcn);
  g_string_chunk_free(r->strings);
  g_free(r);
  *rules = NULL;
}

const struct sv_nextsteps *sv_rules_nextsteps(const struct sv_rules *rules)
{
  return rules != NULL ? rules->nextsteps : NULL;
}

const struct sv_ustcn *sv_rules_ustcn(const struct sv_rules *rules)
{
  return rules != NULL ? rules->ustcn : NULL;
}

const char *sv_rules_id(const struct sv_rules *rules)
{
  return rules != NULL && rules->id != NULL ? rules->id : "";
}

const struct sv_rule_stay *sv_rules_stays(const struct sv_rules *rules,
                                          size_t *n)
{
  if (rules == NULL) {
    if (n != NULL)
      *n = 0;
    return NULL;
  }
  if (n != NULL)
    *n = rules->nstays;
  return rules->stays;
}

const struct sv_rule_stay *sv_rules_find_stay(const struct sv_rules *rules,
                                              const char *id)
{
  if (rules == NULL || id == NULL)
    return NULL;
  for (size_t i = 0; i < rules->nmembers; i++) {
    const struct sv_rule_stay *s = sv_rules_find_stay(rules->members[i], id);
    if (s != NULL)
      return s; /* "auto": a stay of any of its rulesets */
  }
  for (size_t i = 0; i < rules->nstays; i++) {
    if (strcmp(rules->stays[i].id, id) == 0)
      return &rules->stays[i];
  }
  return NULL;
}

bool sv_rules_index_value(const struct sv_rules *rules, const GDate *date,
                          struct sv_index_value *out)
{
  memset(out, 0, sizeof *out);
  g_date_clear(&out->effective, 1);
  if (rules == NULL || date == NULL || !g_date_valid(date))
    return false;
  const struct wage_entry *best = NULL;
  for (size_t i = 0; i < rules->nwages; i++) {
    const struct wage_entry *w = &rules->wages[i];
    if (strcmp(w->zone, rules->zone) == 0 &&
        g_date_compare(&w->effective, date) <= 0 &&
        (best == NULL || g_date_compare(&w->effective, &best->effective) > 0))
      best = w;
  }
  if (best == NULL)
    return false;
  out->index = rules->index;
  out->zone = rules->zone;
  out->daily = best->daily;
  out->effective = best->effective;
  out->source = best->source;
  return true;
}

bool sv_rules_wage(const struct sv_rules *rules, const GDate *date,
                   sv_cents *daily, const char **zone, GDate *effective)
{
  struct sv_index_value iv;
  if (!sv_rules_index_value(rules, date, &iv))
    return false;
  if (daily != NULL)
    *daily = iv.daily;
  if (zone != NULL)
    *zone = iv.zone;
  if (effective != NULL)
    *effective = iv.effective;
  return true;
}
