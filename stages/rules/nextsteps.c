/*
 * nextsteps.c - loads the INM procedures table and turns the stays an
 * evaluation finds met into next steps (see nextsteps.h).
 *
 * Part of the rules library: sv_rules_load calls sv_nextsteps_load once in
 * main before any thread starts.  The file goes through sv_rules_load_xml
 * (sv_xml_load: size cap, no network, no entities, no DTD, XSD validation;
 * a DOCTYPE refused), then the tree is walked with the checks the XSD
 * cannot express (dates, online needs since, next names a procedure of the
 * table).  Afterwards the table is read-only; lookups are plain scans over
 * small arrays, in table order, so output never depends on anything but
 * the file.
 */
#include "nextsteps.h"
#include "rules_priv.h"

#include <libxml/tree.h>
#include <string.h>

#include "../../pipeline/xmlsafe.h"

struct sv_nextsteps {
  GStringChunk *strings; /* owns every string below */
  GDate as_of;
  const char *title;
  const char *source;
  const char *booking_url;
  const char *booking_note;
  const char *booking_source;          /* "file: \"quote\"" */
  struct sv_inm_procedure *procedures; /* owned array, table order */
  size_t nprocedures;
  struct sv_inm_next *next; /* owned array, table order */
  size_t nnext;
};

/* "file: "quote"" in the chunk. */
static const char *chunk_cite(GStringChunk *chunk, const char *source,
                              const char *quote)
{
  char *s = g_strdup_printf("%s: \"%s\"", source, quote);
  const char *r = g_string_chunk_insert(chunk, s);
  g_free(s);
  return r;
}

/* Reads the attribute as a YYYY-MM-DD date into *d; false when present
   and not a real date (absent: *d invalid, true). */
static bool prop_date(xmlNodePtr n, const char *name, GDate *d)
{
  char *v = sv_rules_prop(n, name);
  g_date_clear(d, 1);
  bool ok = v == NULL || sv_xml_parse_date(v, d);
  g_free(v);
  return ok;
}

static sv_status read_procedure(struct sv_nextsteps *t, const char *path,
                                xmlNodePtr n, struct sv_inm_procedure *p,
                                char **err)
{
  int line = (int)xmlGetLineNo(n);
  char *appointment = sv_rules_prop(n, "appointment");
  sv_status rc = SV_OK;

  memset(p, 0, sizeof *p);
  g_date_clear(&p->since, 1);
  p->id = sv_rules_chunk_prop(t->strings, n, "id");
  p->where = sv_rules_chunk_prop(t->strings, n, "where");
  p->name_en = sv_rules_chunk_prop(t->strings, n, "en");
  p->name_es = sv_rules_chunk_prop(t->strings, n, "es");
  p->source = sv_rules_chunk_prop(t->strings, n, "source");
  p->quote = sv_rules_chunk_prop(t->strings, n, "quote");
  p->online = g_strcmp0(appointment, "online") == 0;
  if (p->id == NULL || strcmp(p->id, SV_NEXTSTEP_NONE) == 0) {
    rc = SV_BADXML;
    *err = g_strdup_printf("INM procedures table %s, line %d: \"%s\" cannot "
                           "be a procedure's id (it means no procedure)",
                           path, line, SV_NEXTSTEP_NONE);
    goto out;
  }
  if (!prop_date(n, "since", &p->since)) {
    rc = SV_BADXML;
    *err = g_strdup_printf("INM procedures table %s, line %d: procedure %s: "
                           "since is not a real YYYY-MM-DD date",
                           path, line, p->id);
    goto out;
  }
  if (p->online != g_date_valid(&p->since)) {
    rc = SV_BADXML;
    *err = g_strdup_printf("INM procedures table %s, line %d: procedure %s: "
                           "an online appointment needs the day it started "
                           "(since), and no appointment takes none",
                           path, line, p->id);
    goto out;
  }
  for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
    if (!sv_rules_is_element(c, "within"))
      continue;
    char *days = sv_rules_prop(c, "days");
    gint64 v = 0;
    bool ok =
        days != NULL && g_ascii_string_to_signed(days, 10, 1, 3650, &v, NULL);
    g_free(days);
    if (!ok) {
      rc = SV_BADXML;
      *err = g_strdup_printf("INM procedures table %s, line %d: procedure "
                             "%s: within days must be a whole number from 1 "
                             "to 3650",
                             path, (int)xmlGetLineNo(c), p->id);
      goto out;
    }
    p->within_days = (int)v;
    p->within_after = sv_rules_chunk_prop(t->strings, c, "after");
    p->within_confidence = sv_rules_chunk_prop(t->strings, c, "confidence");
    p->within_source = sv_rules_chunk_prop(t->strings, c, "source");
    p->within_note = sv_rules_chunk_prop(t->strings, c, "note");
  }

out:
  g_free(appointment);
  return rc;
}

static sv_status read_next(struct sv_nextsteps *t, const char *path,
                           xmlNodePtr n, struct sv_inm_next *x, char **err)
{
  int line = (int)xmlGetLineNo(n);
  char *procedure = sv_rules_prop(n, "procedure");
  sv_status rc = SV_OK;

  memset(x, 0, sizeof *x);
  x->stay = sv_rules_chunk_prop(t->strings, n, "stay");
  x->card = sv_rules_chunk_prop(t->strings, n, "card");
  x->where = sv_rules_chunk_prop(t->strings, n, "where");
  x->source = sv_rules_chunk_prop(t->strings, n, "source");
  for (xmlNodePtr c = n->children; c != NULL; c = c->next)
    if (sv_rules_is_element(c, "note"))
      x->note = sv_rules_chunk_note(t->strings, c);
  if (g_strcmp0(procedure, SV_NEXTSTEP_NONE) == 0) {
    if (x->note == NULL || x->where == NULL || x->card != NULL) {
      rc = SV_BADXML;
      *err = g_strdup_printf("INM procedures table %s, line %d: stay %s: "
                             "\"none\" needs a note saying why and where "
                             "the applicant goes instead, and no card",
                             path, line, x->stay);
    }
    goto out;
  }
  x->procedure = sv_nextsteps_procedure(t, procedure);
  if (x->procedure == NULL) {
    rc = SV_BADXML;
    *err = g_strdup_printf("INM procedures table %s, line %d: stay %s: no "
                           "procedure \"%s\" in the table",
                           path, line, x->stay,
                           procedure != NULL ? procedure : "");
    goto out;
  }
  if (x->card == NULL || x->where != NULL || x->note != NULL) {
    rc = SV_BADXML;
    *err = g_strdup_printf("INM procedures table %s, line %d: stay %s: a "
                           "procedure takes the card it gives, and no where "
                           "or note (they are the procedure's)",
                           path, line, x->stay);
  }

out:
  g_free(procedure);
  return rc;
}

sv_status sv_nextsteps_load(const char *data_dir, struct sv_nextsteps **out,
                            char **err)
{
  char *path = g_build_filename(data_dir, "data", "inm-procedures.xml", NULL);
  char *xsd = g_build_filename(data_dir, "inm-procedures.xsd", NULL);
  xmlDocPtr doc = NULL;
  struct sv_nextsteps *t = g_new0(struct sv_nextsteps, 1);
  t->strings = g_string_chunk_new(4096);
  g_date_clear(&t->as_of, 1);
  *out = NULL;
  *err = NULL;

  sv_status rc =
      sv_rules_load_xml(path, xsd, "INM procedures table", &doc, err);
  if (rc != SV_OK)
    goto out;
  xmlNodePtr root = xmlDocGetRootElement(doc);
  if (!prop_date(root, "asOf", &t->as_of) || !g_date_valid(&t->as_of)) {
    rc = SV_BADXML;
    *err = g_strdup_printf("INM procedures table %s: asOf is not a real "
                           "YYYY-MM-DD date",
                           path);
    goto out;
  }
  t->title = sv_rules_chunk_prop(t->strings, root, "title");
  t->source = sv_rules_chunk_prop(t->strings, root, "source");
  size_t np = 0, nn = 0;
  for (xmlNodePtr c = root->children; c != NULL; c = c->next) {
    if (sv_rules_is_element(c, "procedure"))
      np++;
    else if (sv_rules_is_element(c, "next"))
      nn++;
  }
  t->procedures = g_new0(struct sv_inm_procedure, np);
  t->next = g_new0(struct sv_inm_next, nn);
  /* procedures first: a next names one */
  for (xmlNodePtr c = root->children; c != NULL; c = c->next) {
    if (sv_rules_is_element(c, "booking")) {
      char *src = sv_rules_prop(c, "source"),
           *quote = sv_rules_prop(c, "quote");
      t->booking_url = sv_rules_chunk_prop(t->strings, c, "url");
      t->booking_source = chunk_cite(t->strings, src, quote);
      for (xmlNodePtr k = c->children; k != NULL; k = k->next)
        if (sv_rules_is_element(k, "note"))
          t->booking_note = sv_rules_chunk_note(t->strings, k);
      g_free(src);
      g_free(quote);
    } else if (sv_rules_is_element(c, "procedure")) {
      rc = read_procedure(t, path, c, &t->procedures[t->nprocedures], err);
      if (rc != SV_OK)
        goto out;
      t->nprocedures++;
    }
  }
  for (xmlNodePtr c = root->children; c != NULL; c = c->next) {
    if (!sv_rules_is_element(c, "next"))
      continue;
    rc = read_next(t, path, c, &t->next[t->nnext], err);
    if (rc != SV_OK)
      goto out;
    t->nnext++;
  }
  *out = t;
  t = NULL;

out:
  sv_nextsteps_free(&t);
  if (doc != NULL)
    xmlFreeDoc(doc);
  g_free(path);
  g_free(xsd);
  return rc;
}

void sv_nextsteps_free(struct sv_nextsteps **tp)
{
  if (tp == NULL || *tp == NULL)
    return;
  struct sv_nextsteps *t = *tp;
  g_free(t->procedures);
  g_free(t->next);
  g_string_chunk_free(t->strings);
  g_free(t);
  *tp = NULL;
}

GDate sv_nextsteps_as_of(const struct sv_nextsteps *t)
{
  GDate d;
  g_date_clear(&d, 1);
  return t != NULL ? t->as_of : d;
}

const char *sv_nextsteps_source(const struct sv_nextsteps *t)
{
  return t != NULL ? t->source : NULL;
}

const struct sv_inm_procedure *
sv_nextsteps_procedures(const struct sv_nextsteps *t, size_t *n)
{
  *n = t != NULL ? t->nprocedures : 0;
  return t != NULL ? t->procedures : NULL;
}

const struct sv_inm_procedure *
sv_nextsteps_procedure(const struct sv_nextsteps *t, const char *id)
{
  for (size_t i = 0; t != NULL && id != NULL && i < t->nprocedures; i++)
    if (strcmp(t->procedures[i].id, id) == 0)
      return &t->procedures[i];
  return NULL;
}

const struct sv_inm_next *sv_nextsteps_after(const struct sv_nextsteps *t,
                                             const char *stay)
{
  for (size_t i = 0; t != NULL && stay != NULL && i < t->nnext; i++)
    if (strcmp(t->next[i].stay, stay) == 0)
      return &t->next[i];
  return NULL;
}

const char *sv_nextsteps_booking_url(const struct sv_nextsteps *t)
{
  return t != NULL ? t->booking_url : NULL;
}

const char *sv_nextsteps_booking_note(const struct sv_nextsteps *t)
{
  return t != NULL ? t->booking_note : NULL;
}

const char *sv_nextsteps_booking_source(const struct sv_nextsteps *t)
{
  return t != NULL ? t->booking_source : NULL;
}

/* ------------------------------------------------------------ steps */

static const char *where_words(const char *where)
{
  if (g_strcmp0(where, "consulate") == 0)
    return "a Mexican consulate";
  if (g_strcmp0(where, "port-of-entry") == 0)
    return "the port of entry";
  return "an INM office in Mexico";
}

/* The plain words of a step after a procedure. */
static char *procedure_text(const struct sv_nextsteps *t,
                            const struct sv_inm_next *x)
{
  const struct sv_inm_procedure *p = x->procedure;
  GString *s = g_string_new(NULL);
  g_string_append_printf(s, "%s, at %s, to obtain the %s.", p->name_en,
                         where_words(p->where), x->card);
  if (p->within_days > 0) {
    g_string_append_printf(
        s, " Within %d calendar days after %s", p->within_days,
        g_strcmp0(p->within_after, "entry") == 0 ? "entering Mexico"
                                                 : p->within_after);
    if (g_strcmp0(p->within_confidence, "confirmed") != 0)
      g_string_append_printf(s, " (%s: %s)", p->within_confidence,
                             p->within_note);
    g_string_append_c(s, '.');
  }
  if (p->online) {
    char since[16];
    sv_xml_format_date(&p->since, since, sizeof since);
    g_string_append_printf(s,
                           " The appointment must be booked online "
                           "(since %s) at %s.",
                           since, t->booking_url);
  } else {
    g_string_append(s, " No appointment is needed.");
  }
  return g_string_free(s, FALSE);
}

void sv_nextsteps_fill(const struct sv_nextsteps *t, struct sv_evaluation *ev)
{
  if (ev == NULL)
    return;
  g_array_set_size(ev->next_steps, 0);
  g_clear_pointer(&ev->next_steps_source, g_free);
  g_clear_pointer(&ev->booking_url, g_free);
  g_clear_pointer(&ev->booking_note, g_free);
  g_clear_pointer(&ev->booking_source, g_free);
  g_date_clear(&ev->next_steps_as_of, 1);
  if (t == NULL)
    return;
  ev->next_steps_source = g_strdup(t->source);
  ev->next_steps_as_of = t->as_of;
  ev->booking_url = g_strdup(t->booking_url);
  ev->booking_note = g_strdup(t->booking_note);
  ev->booking_source = g_strdup(t->booking_source);
  for (guint i = 0; i < ev->stays->len; i++) {
    const struct sv_stay *st = &g_array_index(ev->stays, struct sv_stay, i);
    if (st->outcome != SV_OUTCOME_MEETS)
      continue;
    const struct sv_inm_next *x = sv_nextsteps_after(t, st->id);
    if (x == NULL)
      continue;
    struct sv_next_step step;
    memset(&step, 0, sizeof step);
    g_date_clear(&step.since, 1);
    step.stay = g_strdup(st->id);
    if (x->procedure == NULL) {
      step.procedure = g_strdup(SV_NEXTSTEP_NONE);
      step.where = g_strdup(x->where);
      step.source = g_strdup(x->source);
      step.text = g_strdup(x->note);
    } else {
      const struct sv_inm_procedure *p = x->procedure;
      step.procedure = g_strdup(p->id);
      step.name = g_strdup(p->name_en);
      step.name_es = g_strdup(p->name_es);
      step.online = p->online;
      step.since = p->since;
      step.within_days = p->within_days;
      if (p->within_days > 0) {
        step.within_confidence = g_strdup(p->within_confidence);
        step.within_source = g_strdup(p->within_source);
      }
      step.where = g_strdup(p->where);
      step.source = g_strdup_printf("%s: \"%s\"", p->source, p->quote);
      step.text = procedure_text(t, x);
    }
    g_array_append_val(ev->next_steps, step);
  }
}
