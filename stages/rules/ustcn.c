/*
 * ustcn.c - loads the us-tcn-border table and answers a case's usVisa
 * question with it (see ustcn.h).
 *
 * Part of the rules library: sv_rules_load calls sv_ustcn_load once in
 * main before any thread starts.  The file goes through sv_rules_load_xml
 * (size cap, no network, no entities, no DTD, XSD validation), then every
 * rule is checked for what the schema cannot say (its test takes the
 * attributes it needs; overrides and posts name rules and posts of the
 * table).  Evaluation walks the rules in table order, so the reasons come
 * out in the table's order whatever the case.
 */
#include "ustcn.h"
#include "rules_priv.h"

#include <libxml/tree.h>
#include <stdarg.h>
#include <string.h>

#include "../../pipeline/xmlsafe.h"
#include "../text/names.h"
#include "../text/visaclass.h"

enum rule_kind {
  K_SCOPE,
  K_ELIGIBLE,
  K_EXCLUSION,
  K_SPECIAL,
  K_LAWYER,
  K_REVIEW,
  K_CONDITION
};

enum rule_test {
  T_CATEGORY,
  T_RENEWAL,
  T_POST,
  T_NATIONALITY,
  T_RESIDENCE,
  T_LISTED,
  T_FLAG,
  T_CHANGED,
  T_ENTRY,
  T_ISSUED,
  T_LOST_PASSPORT,
  T_CHANGE_TO,
  T_IN_STATUS
};

static const char *const kind_names[] = {"scope",   "eligible", "exclusion",
                                         "special", "lawyer",   "review",
                                         "condition"};
static const char *const test_names[] = {
    "category", "renewal", "post",          "nationality", "residence",
    "listed",   "flag",    "changed",       "entry",       "issued",
    "lost-passport", "change-to", "in-status"};

struct rule {
  const char *id;
  enum rule_kind kind;
  enum rule_test test;
  const char *categories; /* space-separated, NULL when none */
  const char *countries;
  const char *posts;
  const char *input;
  int vwp; /* -1: not given */
  const char *unless_residence;
  const char *except_from;
  const char *only_from;
  const char *overrides;
  const char *cite; /* "file: \"quote\"" */
  const char *note;
};

struct post {
  const char *id;
  const char *name;
};

struct sv_ustcn {
  GStringChunk *strings;
  const char *source_file; /* the seed file the rules quote */
  const char *source;      /* for the report: file, date, caveat */
  struct post *posts;
  size_t nposts;
  struct rule *rules;
  size_t nrules;
};

/* ------------------------------------------------------------ lists */

/* Calls: true when the space-separated list holds an item for which
   match(item, value) is true. */
static bool list_any(const char *list, const char *value,
                     bool (*match)(const char *item, const char *value))
{
  if (list == NULL || value == NULL)
    return false;
  bool found = false;
  char **items = g_strsplit_set(list, " \t\n", -1);
  for (char **p = items; *p != NULL && !found; p++)
    if (**p != '\0' && match(*p, value))
      found = true;
  g_strfreev(items);
  return found;
}

static bool same(const char *a, const char *b)
{
  return strcmp(a, b) == 0;
}

/* "H*": every category of class H; "H-1*": H-1, H-1A, H-1B ...; else
   exact.  cat is normalised. */
static bool cat_match(const char *token, const char *cat)
{
  size_t n = strlen(token);
  if (n > 0 && token[n - 1] == '*') {
    n--;
    if (strncmp(cat, token, n) != 0)
      return false;
    char next = cat[n];
    return next == '\0' || next == '-' || g_ascii_isalnum(next);
  }
  return strcmp(token, cat) == 0;
}

/* Two normalised categories name the same visa: equal, or one is a
   part of the other's combined form (B-2 and B-1/B-2). */
static bool cat_same(const char *a, const char *b)
{
  if (a == NULL || b == NULL)
    return false;
  if (strcmp(a, b) == 0)
    return true;
  for (int k = 0; k < 2; k++) {
    const char *whole = k == 0 ? a : b, *part = k == 0 ? b : a;
    if (strchr(whole, '/') == NULL || strchr(part, '/') != NULL)
      continue;
    char **parts = g_strsplit(whole, "/", -1);
    bool hit = false;
    for (char **p = parts; *p != NULL; p++)
      hit = hit || strcmp(*p, part) == 0;
    g_strfreev(parts);
    if (hit)
      return true;
  }
  return false;
}

static char *norm_country(const char *s)
{
  return s != NULL ? g_ascii_strup(s, -1) : NULL;
}

/* Returns owned: a post name folded for comparison (ASCII, lower case,
   hyphens and runs of spaces made one space). */
static char *fold_post(const char *s)
{
  char *ascii = g_str_to_ascii(s, "C");
  char *down = g_ascii_strdown(ascii, -1);
  GString *o = g_string_new(NULL);
  for (const char *p = down; *p != '\0'; p++) {
    char ch = *p == '-' || *p == '_' ? ' ' : *p;
    if (ch == ' ' && (o->len == 0 || o->str[o->len - 1] == ' '))
      continue;
    g_string_append_c(o, ch);
  }
  if (o->len > 0 && o->str[o->len - 1] == ' ')
    g_string_truncate(o, o->len - 1);
  g_free(ascii);
  g_free(down);
  return g_string_free(o, FALSE);
}

/* ------------------------------------------------------------ load */

static int name_index(const char *const *names, size_t n, const char *v)
{
  for (size_t i = 0; v != NULL && i < n; i++)
    if (strcmp(names[i], v) == 0)
      return (int)i;
  return -1;
}

static bool has_rule(const struct sv_ustcn *t, const char *id)
{
  for (size_t i = 0; i < t->nrules; i++)
    if (strcmp(t->rules[i].id, id) == 0)
      return true;
  return false;
}

static bool has_post(const struct sv_ustcn *t, const char *id)
{
  for (size_t i = 0; i < t->nposts; i++)
    if (strcmp(t->posts[i].id, id) == 0)
      return true;
  return false;
}

/* What a rule's test needs beyond the schema; NULL when it has it, else
   the missing piece in plain words (static). */
static const char *rule_lacks(const struct rule *r)
{
  static const struct {
    enum rule_kind kind;
    enum rule_test test;
  } allowed[] = {
      {K_SCOPE, T_POST},          {K_SCOPE, T_NATIONALITY},
      {K_SCOPE, T_RESIDENCE},     {K_SCOPE, T_LISTED},
      {K_ELIGIBLE, T_CATEGORY},   {K_EXCLUSION, T_CATEGORY},
      {K_EXCLUSION, T_RENEWAL},   {K_EXCLUSION, T_POST},
      {K_EXCLUSION, T_FLAG},      {K_EXCLUSION, T_CHANGED},
      {K_EXCLUSION, T_ENTRY},     {K_EXCLUSION, T_ISSUED},
      {K_EXCLUSION, T_NATIONALITY}, {K_SPECIAL, T_LOST_PASSPORT},
      {K_LAWYER, T_CHANGE_TO},    {K_REVIEW, T_CHANGE_TO},
      {K_CONDITION, T_IN_STATUS},
  };
  bool ok = false;
  for (size_t i = 0; i < G_N_ELEMENTS(allowed); i++)
    if (allowed[i].kind == r->kind && allowed[i].test == r->test)
      ok = true;
  if (!ok)
    return "this kind of rule cannot take this test";
  switch (r->test) {
  case T_CATEGORY:
  case T_RENEWAL:
    return r->categories == NULL ? "it needs categories" : NULL;
  case T_POST:
    if (r->kind == K_EXCLUSION && (r->categories == NULL || r->posts == NULL))
      return "an exclusion at a post needs categories and posts";
    return NULL;
  case T_NATIONALITY:
  case T_RESIDENCE:
    return r->countries == NULL ? "it needs countries" : NULL;
  case T_FLAG:
    return r->input == NULL ? "it needs input" : NULL;
  case T_LOST_PASSPORT:
    return r->vwp < 0 || r->categories == NULL
               ? "it needs vwp and categories"
               : NULL;
  case T_CHANGE_TO:
    return r->categories == NULL ||
                   (r->except_from == NULL) == (r->only_from == NULL)
               ? "it needs categories and exactly one of exceptFrom and "
                 "onlyFrom"
               : NULL;
  default:
    return NULL;
  }
}

static sv_status read_rule(struct sv_ustcn *t, const char *path,
                           xmlNodePtr n, struct rule *r, char **err)
{
  int line = (int)xmlGetLineNo(n);
  char *kind = sv_rules_prop(n, "kind"), *test = sv_rules_prop(n, "test"),
       *vwp = sv_rules_prop(n, "vwp");
  sv_status rc = SV_OK;

  memset(r, 0, sizeof *r);
  r->id = sv_rules_chunk_prop(t->strings, n, "id");
  r->kind = (enum rule_kind)name_index(kind_names, G_N_ELEMENTS(kind_names),
                                       kind);
  r->test = (enum rule_test)name_index(test_names, G_N_ELEMENTS(test_names),
                                       test);
  r->categories = sv_rules_chunk_prop(t->strings, n, "categories");
  r->countries = sv_rules_chunk_prop(t->strings, n, "countries");
  r->posts = sv_rules_chunk_prop(t->strings, n, "posts");
  r->input = sv_rules_chunk_prop(t->strings, n, "input");
  r->vwp = vwp == NULL ? -1
           : (strcmp(vwp, "true") == 0 || strcmp(vwp, "1") == 0) ? 1
                                                                  : 0;
  r->unless_residence = sv_rules_chunk_prop(t->strings, n, "unlessResidence");
  r->except_from = sv_rules_chunk_prop(t->strings, n, "exceptFrom");
  r->only_from = sv_rules_chunk_prop(t->strings, n, "onlyFrom");
  r->overrides = sv_rules_chunk_prop(t->strings, n, "overrides");
  r->note = sv_rules_chunk_prop(t->strings, n, "note");
  char *cite = sv_rules_prop(n, "cite");
  char *c = g_strdup_printf("%s: \"%s\"", t->source_file, cite);
  r->cite = g_string_chunk_insert(t->strings, c);
  g_free(c);
  g_free(cite);
  if ((int)r->kind < 0 || (int)r->test < 0) { /* the XSD refuses these */
    rc = SV_BADXML;
    *err = g_strdup_printf("US border-post rules %s, line %d: rule %s: "
                           "unknown kind or test",
                           path, line, r->id);
    goto out;
  }
  const char *lacks = rule_lacks(r);
  if (lacks != NULL) {
    rc = SV_BADXML;
    *err = g_strdup_printf("US border-post rules %s, line %d: rule %s "
                           "(%s, test %s): %s",
                           path, line, r->id, kind_names[r->kind],
                           test_names[r->test], lacks);
  }

out:
  g_free(kind);
  g_free(test);
  g_free(vwp);
  return rc;
}

/* Every id in a rule's overrides and posts is in the table. */
static sv_status check_refs(const struct sv_ustcn *t, const char *path,
                            char **err)
{
  for (size_t i = 0; i < t->nrules; i++) {
    const struct rule *r = &t->rules[i];
    for (int k = 0; k < 2; k++) {
      const char *list = k == 0 ? r->overrides : r->posts;
      if (list == NULL)
        continue;
      char **items = g_strsplit(list, " ", -1);
      for (char **p = items; *p != NULL; p++) {
        if (**p == '\0' || (k == 0 ? has_rule(t, *p) : has_post(t, *p)))
          continue;
        *err = g_strdup_printf("US border-post rules %s: rule %s %s \"%s\", "
                               "which the table does not have",
                               path, r->id,
                               k == 0 ? "overrides rule" : "names post", *p);
        g_strfreev(items);
        return SV_BADXML;
      }
      g_strfreev(items);
    }
  }
  return SV_OK;
}

sv_status sv_ustcn_load(const char *data_dir, struct sv_ustcn **out,
                        char **err)
{
  char *path = g_build_filename(data_dir, "data", "us-tcn-border.xml", NULL);
  char *xsd = g_build_filename(data_dir, "us-tcn-border.xsd", NULL);
  xmlDocPtr doc = NULL;
  struct sv_ustcn *t = g_new0(struct sv_ustcn, 1);
  t->strings = g_string_chunk_new(4096);
  *out = NULL;
  *err = NULL;

  sv_status rc =
      sv_rules_load_xml(path, xsd, "US border-post rules", &doc, err);
  if (rc != SV_OK)
    goto out;
  xmlNodePtr root = xmlDocGetRootElement(doc);
  t->source_file = sv_rules_chunk_prop(t->strings, root, "source");
  char *date = sv_rules_prop(root, "sourceDate"),
       *caveat = sv_rules_prop(root, "caveat");
  char *src = g_strdup_printf(
      "%s (%s): %s", t->source_file,
      g_strcmp0(date, "undated") == 0 ? "undated" : date, caveat);
  t->source = g_string_chunk_insert(t->strings, src);
  g_free(src);
  g_free(date);
  g_free(caveat);
  size_t np = 0, nr = 0;
  for (xmlNodePtr c = root->children; c != NULL; c = c->next) {
    if (sv_rules_is_element(c, "post"))
      np++;
    else if (sv_rules_is_element(c, "rule"))
      nr++;
  }
  t->posts = g_new0(struct post, np);
  t->rules = g_new0(struct rule, nr);
  for (xmlNodePtr c = root->children; c != NULL; c = c->next) {
    if (sv_rules_is_element(c, "post")) {
      struct post *p = &t->posts[t->nposts++];
      p->id = sv_rules_chunk_prop(t->strings, c, "id");
      p->name = sv_rules_chunk_prop(t->strings, c, "name");
    } else if (sv_rules_is_element(c, "rule")) {
      rc = read_rule(t, path, c, &t->rules[t->nrules], err);
      if (rc != SV_OK)
        goto out;
      t->nrules++;
    }
  }
  size_t ncond = 0;
  for (size_t i = 0; i < t->nrules; i++)
    ncond += t->rules[i].kind == K_CONDITION;
  if (ncond != 1) {
    rc = SV_BADXML;
    *err = g_strdup_printf("US border-post rules %s: the table needs "
                           "exactly one \"in status\" condition rule (it "
                           "has %zu)",
                           path, ncond);
    goto out;
  }
  rc = check_refs(t, path, err);
  if (rc != SV_OK)
    goto out;
  *out = t;
  t = NULL;

out:
  sv_ustcn_free(&t);
  if (doc != NULL)
    xmlFreeDoc(doc);
  g_free(path);
  g_free(xsd);
  return rc;
}

void sv_ustcn_free(struct sv_ustcn **tp)
{
  if (tp == NULL || *tp == NULL)
    return;
  struct sv_ustcn *t = *tp;
  g_free(t->posts);
  g_free(t->rules);
  g_string_chunk_free(t->strings);
  g_free(t);
  *tp = NULL;
}

const char *sv_ustcn_source(const struct sv_ustcn *t)
{
  return t != NULL ? t->source : NULL;
}

size_t sv_ustcn_nrules(const struct sv_ustcn *t)
{
  return t != NULL ? t->nrules : 0;
}

size_t sv_ustcn_nposts(const struct sv_ustcn *t)
{
  return t != NULL ? t->nposts : 0;
}

const char *sv_ustcn_rule_id(const struct sv_ustcn *t, size_t i)
{
  return t != NULL && i < t->nrules ? t->rules[i].id : NULL;
}

const char *sv_ustcn_rule_cite(const struct sv_ustcn *t, size_t i)
{
  return t != NULL && i < t->nrules ? t->rules[i].cite : NULL;
}

/* ------------------------------------------------------------ evaluate */

/* The inputs, normalised, and what the answer collects. */
struct eval {
  const struct sv_ustcn *t;
  const struct sv_usvisa *raw;
  char *cat, *nat, *res, *entry, *changing, *issued;
  const struct post *post; /* NULL: none given, or not a border post */
  GString *overridden;     /* " id id ... " */
  GPtrArray *missing;      /* of const char * attribute names (static) */
  GPtrArray *missing_by;   /* of GString *: the rules needing each */
  struct sv_eligibility_result *res_out;
  GArray *exclusions, *others; /* of struct sv_elig_reason */
  bool lawyer, review, special, eligible_cat;
  bool special_pending; /* a lost-passport case waits on vwpResident */
  const struct sv_us_status *facts; /* the status documents read */
  size_t nfacts;
};

/* Returns owned: "path#page" of a fact. */
static char *fact_source(const struct sv_us_status *f)
{
  if (f->page > 0)
    return g_strdup_printf("%s#%d", f->source, f->page);
  return g_strdup(f->source != NULL ? f->source : "?");
}

static void need(struct eval *e, const char *attr, const char *rule)
{
  for (guint i = 0; i < e->missing->len; i++)
    if (strcmp(e->missing->pdata[i], attr) == 0) {
      g_string_append_printf(e->missing_by->pdata[i], ", %s", rule);
      return;
    }
  g_ptr_array_add(e->missing, (gpointer)attr);
  g_ptr_array_add(e->missing_by, g_string_new(rule));
}

static bool is_overridden(const struct eval *e, const char *id)
{
  char *key = g_strdup_printf(" %s ", id);
  bool r = strstr(e->overridden->str, key) != NULL;
  g_free(key);
  return r;
}

static void add_reason(GArray *to, const struct rule *r, char *text)
{
  struct sv_elig_reason x;
  x.rule = g_strdup(r->id);
  x.text = text; /* takes it */
  x.cite = g_strdup(r->cite);
  g_array_append_val(to, x);
}

static char *with_note(const struct rule *r, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);
static char *with_note(const struct rule *r, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  char *s = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  if (r->note == NULL)
    return s;
  char *t = g_strdup_printf("%s (%s)", s, r->note);
  g_free(s);
  return t;
}

static bool cats(const struct rule *r, const char *cat)
{
  return list_any(r->categories, cat, cat_match);
}

/* The category the applicant is changing from: changingFrom, else the
   category entered in; NULL when neither differs from the one applied
   for. */
static const char *change_from(const struct eval *e)
{
  const char *from = e->changing != NULL ? e->changing : e->entry;
  if (from == NULL || e->cat == NULL || cat_same(from, e->cat))
    return NULL;
  return from;
}

/* Pass 1: the rules that lift exclusions (lost passport, changes to
   H-1). */
static void lifters(struct eval *e)
{
  for (size_t i = 0; i < e->t->nrules; i++) {
    const struct rule *r = &e->t->rules[i];
    bool applies = false;
    if (r->test == T_LOST_PASSPORT && e->raw->lost_passport) {
      if (e->cat == NULL) {
        need(e, "category", r->id);
        continue;
      }
      if (!cats(r, e->cat))
        continue;
      if (e->raw->vwp_resident < 0) {
        need(e, "vwpResident", r->id);
        applies = true; /* lift what it would lift, decide nothing */
        e->special_pending = true;
      } else if (e->raw->vwp_resident == r->vwp) {
        applies = true;
        e->special = true;
        add_reason(e->others, r,
                   with_note(r,
                             "lost or stolen passport, residence %s a Visa "
                             "Waiver Program country: %s may be applied for "
                             "in Mexico to return home",
                             r->vwp ? "in" : "not in", e->cat));
      }
    } else if (r->test == T_CHANGE_TO) {
      const char *from = change_from(e);
      if (from == NULL || !cats(r, e->cat))
        continue;
      bool from_ok = r->except_from != NULL
                         ? !cat_match(r->except_from, from)
                         : cat_match(r->only_from, from);
      if (!from_ok)
        continue;
      applies = true;
      if (r->kind == K_LAWYER) {
        e->lawyer = true;
        add_reason(e->others, r,
                   with_note(r,
                             "changing from %s to %s: consult an "
                             "immigration lawyer before going to a border "
                             "post",
                             from, e->cat));
      } else {
        e->review = true;
        add_reason(e->others, r,
                   with_note(r, "changing from %s to %s", from, e->cat));
      }
    }
    if (applies && r->overrides != NULL)
      g_string_append_printf(e->overridden, "%s ", r->overrides);
  }
}

static bool in_countries(const struct rule *r, const char *c)
{
  return list_any(r->countries, c, same);
}

/* Pass 2: scope, eligible categories and exclusions. */
static void checks(struct eval *e)
{
  const struct sv_usvisa *in = e->raw;
  for (size_t i = 0; i < e->t->nrules; i++) {
    const struct rule *r = &e->t->rules[i];
    if (is_overridden(e, r->id))
      continue;
    switch (r->kind) {
    case K_ELIGIBLE:
      if (e->cat != NULL && cats(r, e->cat) && !e->eligible_cat) {
        e->eligible_cat = true;
        add_reason(e->others, r,
                   g_strdup_printf("%s is among the categories the seed "
                                   "lists as open to third-country "
                                   "nationals in Mexico (%s)",
                                   e->cat, r->id));
      }
      continue;
    case K_SCOPE:
      if (r->test == T_POST) {
        if (in->post == NULL)
          need(e, "post", r->id);
        else if (e->post == NULL) {
          e->review = true;
          add_reason(e->others, r,
                     with_note(r,
                               "\"%s\" is not one of the border posts the "
                               "seed lists",
                               in->post));
        }
      } else if (r->test == T_NATIONALITY) {
        if (e->nat == NULL)
          need(e, "nationality", r->id);
        else if (in_countries(r, e->nat)) {
          e->review = true;
          add_reason(e->others, r,
                     with_note(r, "nationality %s", e->nat));
        }
      } else if (r->test == T_RESIDENCE) {
        if (e->res == NULL)
          need(e, "residence", r->id);
        else if (!in_countries(r, e->res)) {
          e->review = true;
          add_reason(e->others, r,
                     with_note(r, "residence %s, not %s", e->res,
                               r->countries));
        }
      }
      continue; /* "listed" is decided after the loop */
    case K_EXCLUSION:
      break;
    default:
      continue;
    }
    bool fires = false;
    char *text = NULL;
    switch (r->test) {
    case T_CATEGORY:
      if (e->cat == NULL) {
        need(e, "category", r->id);
      } else if (cats(r, e->cat)) {
        if (r->unless_residence == NULL) {
          fires = true;
          text = g_strdup_printf("%s cannot be applied for in Mexico by a "
                                 "third-country national",
                                 e->cat);
        } else if (e->res == NULL) {
          need(e, "residence", r->id);
        } else if (strcmp(e->res, r->unless_residence) != 0) {
          fires = true;
          text = g_strdup_printf("%s applied for by a resident of %s, not "
                                 "of %s",
                                 e->cat, e->res, r->unless_residence);
        }
      }
      break;
    case T_RENEWAL:
      if (e->cat == NULL)
        need(e, "category", r->id);
      else if (cats(r, e->cat)) {
        if (e->entry == NULL)
          need(e, "entryCategory", r->id);
        else if (cat_same(e->entry, e->cat)) {
          fires = true;
          text = g_strdup_printf("a renewal of %s in the same category", e->cat);
        }
      }
      break;
    case T_POST:
      if (e->cat == NULL)
        need(e, "category", r->id);
      else if (cats(r, e->cat)) {
        if (in->post == NULL)
          need(e, "post", r->id);
        else if (e->post != NULL && list_any(r->posts, e->post->id, same)) {
          fires = true;
          text = g_strdup_printf("%s (crew) at %s", e->cat, e->post->name);
        }
      }
      break;
    case T_FLAG: {
      bool waiver = strcmp(r->input, "waiver") == 0;
      bool v = waiver                            ? in->waiver
               : strcmp(r->input, "nseers") == 0 ? in->nseers
                                                 : in->overstay;
      if (v) {
        fires = true;
        text = g_strdup_printf("case.xml says %s=\"true\"", r->input);
      }
      /* the applicant's own I-94 admitting under the Visa Waiver Program
         (class of admission WT or WB) says so too */
      for (size_t k = 0; waiver && !fires && k < e->nfacts; k++) {
        const struct sv_us_status *f = &e->facts[k];
        char *fc = sv_visa_class_norm(f->category);
        if (f->kind != NULL && strcmp(f->kind, "i94") == 0 &&
            !f->not_applicant && f->doubt == NULL && fc != NULL &&
            (strcmp(fc, "WT") == 0 || strcmp(fc, "WB") == 0)) {
          char *src = fact_source(f);
          fires = true;
          text = g_strdup_printf("the Form I-94 %s admits as %s, the Visa "
                                 "Waiver Program",
                                 src, fc);
          g_ptr_array_add(e->res_out->documents, src);
        }
        g_free(fc);
      }
      break;
    }
    case T_CHANGED:
      if (e->changing != NULL && e->cat != NULL &&
          !cat_same(e->changing, e->cat)) {
        fires = true;
        text = g_strdup_printf("a change of category through USCIS, from "
                               "%s to %s",
                               e->changing, e->cat);
      }
      break;
    case T_ENTRY:
      if (e->cat == NULL)
        need(e, "category", r->id);
      else if (e->entry == NULL)
        need(e, "entryCategory", r->id);
      else if (!cat_same(e->entry, e->cat)) {
        fires = true;
        text = g_strdup_printf("entered the United States as %s, applies "
                               "for %s",
                               e->entry, e->cat);
      }
      break;
    case T_ISSUED:
      if (e->issued == NULL)
        need(e, "visaIssuedIn", r->id);
      else if (e->nat == NULL || e->res == NULL)
        ; /* named by the rules that need them */
      else if (strcmp(e->issued, e->nat) != 0 &&
               strcmp(e->issued, e->res) != 0) {
        fires = true;
        text = g_strdup_printf("the current visa was issued in %s, neither "
                               "the nationality (%s) nor the residence (%s)",
                               e->issued, e->nat, e->res);
      }
      break;
    case T_NATIONALITY:
      if (e->nat == NULL)
        need(e, "nationality", r->id);
      else if (in_countries(r, e->nat)) {
        fires = true;
        text = g_strdup_printf("nationality %s", e->nat);
      }
      break;
    default:
      break;
    }
    if (fires) {
      char *t = with_note(r, "%s", text);
      g_free(text);
      add_reason(e->exclusions, r, t);
    }
  }
}

static const struct rule *rule_of(const struct sv_ustcn *t,
                                  enum rule_kind kind, enum rule_test test)
{
  for (size_t i = 0; i < t->nrules; i++)
    if (t->rules[i].kind == kind && t->rules[i].test == test)
      return &t->rules[i];
  return NULL;
}

static char *date_str(const GDate *d)
{
  char buf[16] = "?";
  if (d != NULL && g_date_valid(d))
    sv_xml_format_date(d, buf, sizeof buf);
  return g_strdup(buf);
}

static const char *fact_form(const struct sv_us_status *f)
{
  return strcmp(f->kind, "i94") == 0    ? "Form I-94"
         : strcmp(f->kind, "i797") == 0 ? "Form I-797"
         : strcmp(f->kind, "ead") == 0  ? "EAD card"
                                        : "visa foil";
}

/* The "in status" condition: shown by a read I-94 admitting until after
   as_of, or an I-797 for the category applied for valid on it, that names
   the applicant and that its reader does not doubt.  Returns SV_ELIGIBLE
   (shown), SV_NOT_ELIGIBLE (the applicant's I-94 or I-797 for that
   category shows the stay ended and none shows a later one),
   SV_ELIG_NEEDS_REVIEW (documents that would bear on it cannot be relied
   on: another person's, doubted, "D/S", an EAD alone; or the applicant's
   I-94 or visa is for another class than case.xml's entryCategory) or
   SV_ELIG_INSUFFICIENT (nothing read shows it). */
static enum sv_eligibility in_status(struct eval *e,
                                     const struct sv_us_status *facts,
                                     size_t n, const GDate *as_of)
{
  const struct rule *r = rule_of(e->t, K_CONDITION, T_IN_STATUS);
  char *asof = date_str(as_of);
  bool dated = as_of != NULL && g_date_valid(as_of);
  const struct sv_us_status *ended = NULL;
  GString *used = g_string_new(NULL);
  GString *review = g_string_new(NULL);
  GString *other = g_string_new(NULL); /* read, other categories */
  GString *conflict = g_string_new(NULL); /* documents against case.xml */
#define NOTE(g, ...)                                                          \
  do {                                                                        \
    if ((g)->len > 0)                                                         \
      g_string_append(g, "; ");                                               \
    g_string_append_printf(g, __VA_ARGS__);                                   \
  } while (0)
  for (size_t i = 0; i < n; i++) {
    const struct sv_us_status *f = &facts[i];
    if (f->kind == NULL)
      continue;
    char *src = fact_source(f);
    bool status_form =
        strcmp(f->kind, "i94") == 0 || strcmp(f->kind, "i797") == 0;
    bool ead = strcmp(f->kind, "ead") == 0;
    char *fc = sv_visa_class_norm(f->category);
    bool same_cat = status_form && cat_same(fc, e->cat);
    bool relied = false;
    bool entry_doc = strcmp(f->kind, "i94") == 0 ||
                     strcmp(f->kind, "visa") == 0;
    if (entry_doc && !f->not_applicant && f->doubt == NULL &&
        e->entry != NULL && fc != NULL && !cat_same(fc, e->entry)) {
      /* the applicant's own I-94 (class of admission) or visa says the
         last entry was in another class than case.xml says */
      NOTE(conflict, "the %s %s is for %s, but case.xml says the last "
                     "entry was as %s",
           fact_form(f), src, fc, e->entry);
      g_ptr_array_add(e->res_out->documents, g_strdup(src));
    }
    if (!status_form && !ead) {
      /* a visa foil is an entry document, not proof of status */
    } else if (f->not_applicant) {
      NOTE(review, "the %s %s names %s, not the applicant (or not "
                   "certainly)",
           fact_form(f), src, f->name != NULL ? f->name : "no one readable");
      relied = true;
    } else if (f->doubt != NULL) {
      NOTE(review, "the %s %s cannot be relied on: %s", fact_form(f), src,
           f->doubt);
      relied = true;
    } else if (ead) {
      bool valid = dated && g_date_valid(&f->valid_until) &&
                   g_date_compare(&f->valid_until, as_of) >= 0 &&
                   (!g_date_valid(&f->valid_from) ||
                    g_date_compare(&f->valid_from, as_of) <= 0);
      if (valid) {
        char *d = date_str(&f->valid_until);
        NOTE(review, "the EAD card %s (category %s) is valid until %s: it "
                     "shows permission to work, not which status the "
                     "applicant holds",
             src, f->category != NULL ? f->category : "not read", d);
        g_free(d);
        relied = true;
      }
    } else if (!same_cat) {
      NOTE(other, "the %s %s is for %s", fact_form(f), src,
           fc != NULL ? fc : "a class that could not be read");
      relied = true;
    } else if (f->duration_of_status) {
      NOTE(review, "the Form I-94 %s admits for duration of status (D/S): "
                   "no end date; the Form I-20 or DS-2019 that gives one is "
                   "not read",
           src);
      relied = true;
    } else if (dated && g_date_valid(&f->valid_until)) {
      bool i94 = strcmp(f->kind, "i94") == 0;
      int cmp = g_date_compare(&f->valid_until, as_of);
      bool started = !g_date_valid(&f->valid_from) || i94 ||
                     g_date_compare(&f->valid_from, as_of) <= 0;
      bool shows = i94 ? cmp > 0 : cmp >= 0 && started;
      if (shows) {
        char *d = date_str(&f->valid_until);
        NOTE(used, "%s %s valid until %s", fact_form(f), src, d);
        g_free(d);
        g_ptr_array_add(e->res_out->documents, g_strdup(src));
      } else if (!started) {
        char *d = date_str(&f->valid_from);
        NOTE(review, "the Form I-797 %s is valid only from %s", src, d);
        g_free(d);
        relied = true;
      } else if (ended == NULL || g_date_compare(&f->valid_until,
                                                 &ended->valid_until) > 0) {
        ended = f;
      }
    }
    if (relied)
      g_ptr_array_add(e->res_out->documents, g_strdup(src));
    g_free(fc);
    g_free(src);
  }
#undef NOTE
  enum sv_eligibility out = SV_ELIG_INSUFFICIENT;
  if (conflict->len > 0 && ended == NULL) {
    /* what the documents say of the entry contradicts case.xml: the
       answer rests on case.xml's entryCategory, so it cannot stand */
    out = SV_ELIG_NEEDS_REVIEW;
    add_reason(e->others, r,
               g_strdup_printf("the documents and case.xml disagree on the "
                               "class of the last entry: %s%s%s",
                               conflict->str, used->len > 0 ? "; read: " : "",
                               used->str));
  } else if (used->len > 0) {
    out = SV_ELIGIBLE;
    add_reason(e->others, r,
               g_strdup_printf("in status on %s for %s: %s", asof, e->cat,
                               used->str));
  } else if (ended != NULL) {
    out = SV_NOT_ELIGIBLE;
    char *d = date_str(&ended->valid_until);
    char *src = fact_source(ended);
    add_reason(e->exclusions, r,
               g_strdup_printf("out of status: the %s %s for %s ends on "
                               "%s, before %s, and no document read shows "
                               "a later stay",
                               fact_form(ended), src, e->cat, d, asof));
    g_ptr_array_add(e->res_out->documents, g_strdup(src));
    g_free(src);
    g_free(d);
  } else if (review->len > 0) {
    out = SV_ELIG_NEEDS_REVIEW;
    add_reason(e->others, r,
               g_strdup_printf("being in status for %s on %s is not shown "
                               "by a document that can be relied on: %s%s%s",
                               e->cat, asof, review->str,
                               other->len > 0 ? "; " : "", other->str));
  } else {
    add_reason(e->others, r,
               g_strdup_printf("being in status for %s on %s is not shown: "
                               "a Form I-94 admitting until after %s, or a "
                               "Form I-797 approval notice for %s valid on "
                               "%s, naming the applicant, would show it%s%s",
                               e->cat, asof, asof, e->cat, asof,
                               other->len > 0 ? "; read: " : "",
                               other->str));
  }
  g_string_free(used, TRUE);
  g_string_free(review, TRUE);
  g_string_free(other, TRUE);
  g_string_free(conflict, TRUE);
  g_free(asof);
  return out;
}

static void move_reasons(GArray *from, GArray *to)
{
  for (guint i = 0; i < from->len; i++) {
    struct sv_elig_reason x = g_array_index(from, struct sv_elig_reason, i);
    g_array_append_val(to, x);
  }
  g_array_set_clear_func(from, NULL);
  g_array_set_size(from, 0);
}

static void clear_reason(gpointer p)
{
  struct sv_elig_reason *r = p;
  g_free(r->rule);
  g_free(r->text);
  g_free(r->cite);
}

struct sv_eligibility_result *
sv_ustcn_evaluate(const struct sv_ustcn *t, const struct sv_usvisa *in,
                  const struct sv_us_status *facts, size_t n,
                  const GDate *as_of)
{
  struct sv_eligibility_result *res = sv_eligibility_result_new();
  res->ruleset = g_strdup("us-tcn-border");
  if (t == NULL || in == NULL)
    return res;
  res->source = g_strdup(t->source);

  struct eval e;
  memset(&e, 0, sizeof e);
  e.t = t;
  e.raw = in;
  e.res_out = res;
  e.cat = sv_visa_class_norm(in->category);
  e.nat = norm_country(in->nationality);
  e.res = norm_country(in->residence);
  e.entry = sv_visa_class_norm(in->entry_category);
  e.changing = sv_visa_class_norm(in->changing_from);
  e.issued = norm_country(in->visa_issued_in);
  e.overridden = g_string_new(" ");
  e.missing = g_ptr_array_new();
  e.missing_by = g_ptr_array_new();
  e.exclusions = g_array_new(FALSE, TRUE, sizeof(struct sv_elig_reason));
  e.others = g_array_new(FALSE, TRUE, sizeof(struct sv_elig_reason));
  g_array_set_clear_func(e.exclusions, clear_reason);
  g_array_set_clear_func(e.others, clear_reason);
  if (in->post != NULL) {
    char *want = fold_post(in->post);
    for (size_t i = 0; i < t->nposts && e.post == NULL; i++) {
      char *name = fold_post(t->posts[i].name),
           *id = fold_post(t->posts[i].id);
      if (strcmp(want, name) == 0 || strcmp(want, id) == 0)
        e.post = &t->posts[i];
      g_free(name);
      g_free(id);
    }
    g_free(want);
  }

  e.facts = facts;
  e.nfacts = facts != NULL ? n : 0;
  lifters(&e);
  checks(&e);

  enum sv_eligibility out;
  if (e.exclusions->len > 0) {
    out = SV_NOT_ELIGIBLE;
    move_reasons(e.exclusions, res->reasons);
  } else if (e.lawyer) {
    out = SV_CONSULT_LAWYER;
    move_reasons(e.others, res->reasons);
  } else {
    bool insufficient = e.missing->len > 0;
    if (e.cat != NULL && !e.eligible_cat && !e.special &&
        !e.special_pending) {
      const struct rule *r = rule_of(t, K_SCOPE, T_LISTED);
      if (r != NULL) {
        e.review = true;
        add_reason(e.others, r,
                   with_note(r, "%s is not among the seed's categories",
                             e.cat));
      }
    }
    if (e.eligible_cat && !e.special) {
      enum sv_eligibility st = in_status(&e, facts, n, as_of);
      if (st == SV_NOT_ELIGIBLE) {
        out = SV_NOT_ELIGIBLE;
        move_reasons(e.exclusions, res->reasons);
        goto done;
      }
      if (st == SV_ELIG_INSUFFICIENT)
        insufficient = true;
      else if (st == SV_ELIG_NEEDS_REVIEW)
        e.review = true;
    } else if (e.special) {
      e.review = true; /* on case.xml's word only */
    }
    for (guint i = 0; i < e.missing->len; i++) {
      struct rule pseudo;
      memset(&pseudo, 0, sizeof pseudo);
      pseudo.id = "input";
      GString *by = e.missing_by->pdata[i];
      /* the first rule needing it gives the sentence */
      char *first = g_strndup(by->str, strcspn(by->str, ","));
      for (size_t k = 0; k < t->nrules; k++)
        if (strcmp(t->rules[k].id, first) == 0)
          pseudo.cite = t->rules[k].cite;
      g_free(first);
      add_reason(e.others, &pseudo,
                 g_strdup_printf("case.xml's usVisa does not give %s, "
                                 "which rule%s %s need%s",
                                 (const char *)e.missing->pdata[i],
                                 strchr(by->str, ',') ? "s" : "", by->str,
                                 strchr(by->str, ',') ? "" : "s"));
    }
    out = insufficient ? SV_ELIG_INSUFFICIENT
          : e.review   ? SV_ELIG_NEEDS_REVIEW
                       : SV_ELIGIBLE;
    move_reasons(e.others, res->reasons);
  }
done:
  res->outcome = out;

  g_free(e.cat);
  g_free(e.nat);
  g_free(e.res);
  g_free(e.entry);
  g_free(e.changing);
  g_free(e.issued);
  g_string_free(e.overridden, TRUE);
  g_ptr_array_free(e.missing, TRUE);
  for (guint i = 0; i < e.missing_by->len; i++)
    g_string_free(e.missing_by->pdata[i], TRUE);
  g_ptr_array_free(e.missing_by, TRUE);
  g_array_free(e.exclusions, TRUE);
  g_array_free(e.others, TRUE);
  return res;
}

static const char *fact_kind(enum sv_us_form f)
{
  switch (f) {
  case SV_US_FORM_I797:
    return "i797";
  case SV_US_FORM_I94:
    return "i94";
  case SV_US_FORM_EAD:
    return "ead";
  case SV_US_FORM_VISA:
    return "visa";
  }
  return "visa";
}

size_t sv_ustcn_case_status(const struct sv_case *c, const char *applicant,
                            GArray *out)
{
  size_t added = 0;
  for (size_t i = 0; c != NULL && i < c->ndocs; i++) {
    const struct sv_doc *d = c->docs[i];
    if (d == NULL || d->status != SV_DOC_OK)
      continue;
    for (const struct sv_us_doc *u = d->us; u != NULL; u = u->next) {
      struct sv_us_status f;
      memset(&f, 0, sizeof f);
      f.kind = fact_kind(u->form);
      f.category = u->category;
      f.valid_from = u->valid_from;
      f.valid_until = u->valid_until;
      f.duration_of_status = u->duration_of_status;
      f.source = d->relpath;
      f.page = u->page > 0 ? u->page : 1;
      f.name = u->name;
      f.not_applicant =
          applicant == NULL || u->name == NULL ||
          sv_names_match(applicant, u->name, NULL) != SV_NAME_MATCH;
      f.doubt = u->doubt;
      g_array_append_val(out, f);
      added++;
    }
  }
  return added;
}

void sv_ustcn_fill(const struct sv_ustcn *t, const struct sv_case *c,
                   struct sv_evaluation *ev)
{
  if (ev == NULL)
    return;
  sv_eligibility_result_free(&ev->eligibility);
  if (t == NULL || c == NULL || c->usvisa == NULL)
    return;
  GArray *facts = g_array_new(FALSE, TRUE, sizeof(struct sv_us_status));
  sv_ustcn_case_status(c, ev->applicant != NULL ? ev->applicant
                                               : c->applicant,
                       facts);
  ev->eligibility =
      sv_ustcn_evaluate(t, c->usvisa, (const struct sv_us_status *)facts->data,
                        facts->len, &c->as_of);
  g_array_free(facts, TRUE);
}
