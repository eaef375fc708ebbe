/*
 * report.c - case stage: prints a case as its XML verdict report.
 *
 * Last stage of the pipeline, on the collector thread.  sv_report_build
 * walks the case in a fixed order (applicant, problems, documents, balances,
 * income, assets, evaluation; see schemas/report.xsd) with the libxml2 text
 * writer into memory; sv_report_write_file puts the bytes on disk through a
 * temporary file and rename(2).  libxml2 2.9 passes control characters and
 * invalid UTF-8 straight through its writer (docs/prior-art.md §5), so every
 * string from the input goes through clean() first.  Numbers are printed
 * with sv_cents_format and integer formats only: no locale, no clock.
 */
#include "report.h"
#include "../pipeline/digest.h"
#include "../pipeline/xmlsafe.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../pipeline/money.h"

#ifndef SV_VERSION
#define SV_VERSION "0.0.0"
#endif

/* ---------------------------------------------------------------- text */

/* Returns owned (g_free): s as valid XML 1.0 character data.  Invalid UTF-8
   becomes U+FFFD, C0 controls other than tab and newline are dropped, and
   the non-characters U+FFFE/U+FFFF (valid UTF-8, not XML) become U+FFFD.
   NULL reads as "". */
static char *clean(const char *s)
{
  char *valid = g_utf8_make_valid(s != NULL ? s : "", -1);
  GString *out = g_string_sized_new(strlen(valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char(p)) {
    gunichar ch = g_utf8_get_char(p);
    if (ch < 0x20 && ch != '\t' && ch != '\n')
      continue;
    if (ch == 0xFFFE || ch == 0xFFFF) {
      g_string_append_unichar(out, 0xFFFD);
      continue;
    }
    g_string_append_len(out, p, g_utf8_next_char(p) - p);
  }
  g_free(valid);
  return g_string_free(out, FALSE);
}

/* ------------------------------------------------------------- writer */

/* The libxml2 writer fails only on out-of-memory or misuse (a bug here), so
   every call goes through these wrappers, which abort with a message like
   the rest of the program does on out-of-memory.  No return path needed. */

static void check(int rc, const char *what)
{
  if (rc < 0)
    g_error("report: libxml2 writer failed in %s", what);
}

static void el_start(xmlTextWriterPtr w, const char *name)
{
  check(xmlTextWriterStartElement(w, BAD_CAST name), name);
}

static void el_end(xmlTextWriterPtr w)
{
  check(xmlTextWriterEndElement(w), "end element");
}

/* Writes an attribute; value is input text and is cleaned first. */
static void attr(xmlTextWriterPtr w, const char *name, const char *value)
{
  char *v = clean(value);
  check(xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST v), name);
  g_free(v);
}

static void attr_int(xmlTextWriterPtr w, const char *name, long long v)
{
  char buf[32];
  snprintf(buf, sizeof buf, "%lld", v);
  attr(w, name, buf);
}

static void attr_cents(xmlTextWriterPtr w, const char *name, sv_cents v)
{
  char buf[32];
  sv_cents_format(v, buf, sizeof buf);
  attr(w, name, buf);
}

/* "YYYY-MM" */
static void attr_period(xmlTextWriterPtr w, const char *name, int year,
                        int month)
{
  char buf[32];
  snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  attr(w, name, buf);
}

/* "YYYY-MM-DD"; writes nothing when d is not a valid date. */
static void attr_date(xmlTextWriterPtr w, const char *name, const GDate *d)
{
  if (d == NULL || !g_date_valid(d))
    return;
  char buf[16];
  sv_xml_format_date(d, buf, sizeof buf);
  attr(w, name, buf);
}

/* Writes text content; value is input text and is cleaned first. */
static void text(xmlTextWriterPtr w, const char *value)
{
  char *v = clean(value);
  check(xmlTextWriterWriteString(w, BAD_CAST v), "text");
  g_free(v);
}

/* ------------------------------------------------------------ sections */

static void write_problem(xmlTextWriterPtr w, const struct sv_problem *pr)
{
  el_start(w, "problem");
  attr(w, "stage", pr->stage);
  if (pr->page > 0)
    attr_int(w, "page", pr->page);
  text(w, pr->message);
  el_end(w);
}

static bool is_sha256(const char *s)
{
  size_t i = 0;
  for (; s[i] != '\0'; i++)
    if (!g_ascii_isdigit(s[i]) && !(s[i] >= 'a' && s[i] <= 'f'))
      return false;
  return i == 64;
}

static bool is_currency(const char *s)
{
  return g_ascii_isupper(s[0]) && g_ascii_isupper(s[1]) &&
         g_ascii_isupper(s[2]) && s[3] == '\0';
}

static void write_figure(xmlTextWriterPtr w, const char *name,
                         const struct sv_figure *f)
{
  if (f->present)
    attr_cents(w, name, f->amount);
}

/* Where the figures' crops are, and the crops the report names so far. */
struct ev_ref {
  const struct sv_config *cfg;
  const struct sv_case *c;
  GPtrArray *used; /* of const struct sv_crop *, NULL: not collected */
};

/* @attr naming cr, if any, noted as used. */
static void attr_crop(xmlTextWriterPtr w, const struct ev_ref *ex,
                      const char *name, const struct sv_crop *cr)
{
  if (cr == NULL)
    return;
  char *path = sv_report_evidence_path(ex->c, cr);
  attr(w, name, path);
  g_free(path);
  if (ex->used != NULL)
    g_ptr_array_add(ex->used, (gpointer)cr);
}

/* @attr naming the crop of the figure at source, page, box, if any. */
static void attr_evidence(xmlTextWriterPtr w, const struct ev_ref *ex,
                          const char *name, const char *source, int page,
                          const struct sv_box *box)
{
  attr_crop(w, ex, name, sv_report_evidence(ex->cfg, ex->c, source, page,
                                            box));
}

static void write_statement(xmlTextWriterPtr w, const struct ev_ref *ex,
                            const struct sv_doc *d,
                            const struct sv_statement *st)
{
  el_start(w, "statement");
  if (st->holder != NULL) {
    attr(w, "holder", st->holder);
    attr_crop(w, ex, "holderEvidence",
              sv_report_name_evidence(ex->cfg, ex->c, d, "holder",
                                      st->first_page, st->last_page));
  }
  if (st->account != NULL)
    attr(w, "account", st->account);
  if (is_currency(st->currency)) {
    attr(w, "currency", st->currency);
    if (st->currency_source != SV_CURRENCY_NONE)
      attr(w, "currencySource", sv_currency_source_str(st->currency_source));
  }
  attr_date(w, "periodStart", &st->start);
  attr_date(w, "periodEnd", &st->end);
  if (st->month > 0)
    attr_period(w, "month", st->year, st->month);
  if (st->first_page > 0) {
    attr_int(w, "firstPage", st->first_page);
    attr_int(w, "lastPage", st->last_page);
  }
  write_figure(w, "opening", &st->opening);
  write_figure(w, "closing", &st->closing);
  write_figure(w, "average", &st->average);
  write_figure(w, "credits", &st->credits);
  write_figure(w, "debits", &st->debits);
  if (st->average.present)
    attr(w, "averageComputed", st->average_computed ? "true" : "false");
  attr_int(w, "checks", st->checks > 0 ? st->checks : 0);
  attr(w, "reconciled", st->reconciled ? "true" : "false");
  el_end(w);
}

/* What extract read from an income document: its basis (net, gross,
   unknown), the stated amount and how often it is paid, its monthly
   equivalent only when the frequency is printed. */
static void write_income_doc(xmlTextWriterPtr w, const struct ev_ref *ex,
                             const struct sv_doc *d,
                             const struct sv_income_doc *inc)
{
  el_start(w, "income");
  if (inc->person != NULL) {
    attr(w, "person", inc->person);
    attr_crop(w, ex, "personEvidence",
              sv_report_name_evidence(ex->cfg, ex->c, d, "person", 0, 0));
  }
  if (inc->payer != NULL)
    attr(w, "payer", inc->payer);
  if (is_currency(inc->currency)) {
    attr(w, "currency", inc->currency);
    if (inc->currency_source != SV_CURRENCY_NONE)
      attr(w, "currencySource",
           sv_currency_source_str(inc->currency_source));
  }
  attr(w, "basis", sv_income_basis_str(inc));
  if (inc->hourly)
    attr(w, "frequency", "hourly");
  else if (inc->frequency_printed)
    attr(w, "frequency", sv_frequency_str(inc->frequency));
  write_figure(w, "amount", &inc->stated);
  if (inc->stated.present && inc->frequency_printed && inc->monthly > 0) {
    attr_cents(w, "monthly", inc->monthly);
    if (inc->converted)
      attr(w, "converted", "true");
  }
  attr_date(w, "periodStart", &inc->start);
  attr_date(w, "periodEnd", &inc->end);
  attr_int(w, "months", inc->months != NULL ? inc->months->len : 0);
  if (inc->checked)
    attr(w, "checked", "true");
  if (inc->doubt != NULL)
    text(w, inc->doubt);
  el_end(w);
}

/* What extract read from a US status document (I-797, I-94, EAD, visa
   foil): its class and validity, the person and the masked number. */
static void write_us_doc(xmlTextWriterPtr w, const struct ev_ref *ex,
                         const struct sv_doc *d, const struct sv_us_doc *u)
{
  el_start(w, "usStatus");
  attr(w, "form", sv_us_form_str(u->form));
  if (u->category != NULL) {
    attr(w, "category", u->category);
    if (u->category_printed != NULL)
      attr(w, "printedCategory", u->category_printed);
  }
  attr_date(w, "validFrom", &u->valid_from);
  attr_date(w, "validUntil", &u->valid_until);
  if (u->duration_of_status)
    attr(w, "durationOfStatus", "true");
  if (u->name != NULL)
    attr(w, "name", u->name);
  if (u->number != NULL)
    attr(w, "number", u->number);
  if (u->post != NULL)
    attr(w, "post", u->post);
  if (u->mrz)
    attr(w, "machineReadable", u->mrz_agrees ? "agrees" : "disagrees");
  if (u->page > 0) {
    attr_int(w, "page", u->page);
    char *src = g_strdup_printf("%s#%d", d->relpath, u->page);
    attr_evidence(w, ex, "evidence", src, u->page, &u->box);
    g_free(src);
  }
  if (u->doubt != NULL)
    text(w, u->doubt);
  el_end(w);
}

/* 0-100, rounded; NaN and negatives print as 0. */
static int percent(float conf)
{
  if (conf > 100.0f)
    return 100;
  if (conf > 0.0f) /* false for NaN too */
    return (int)(conf + 0.5f);
  return 0;
}

static void write_document(xmlTextWriterPtr w, const struct ev_ref *ex,
                           const struct sv_doc *d)
{
  el_start(w, "document");
  attr(w, "path", d->relpath);
  if (is_sha256(d->sha256))
    attr(w, "sha256", d->sha256);
  attr(w, "kind", sv_doc_kind_str(d->kind));
  attr_int(w, "pages", d->npages > 0 ? d->npages : 0);
  attr(w, "text", sv_text_source_str(d->text));
  if (d->text == SV_TEXT_OCR) {
    attr_int(w, "ocrConfidence", percent(d->ocr_conf));
  }
  attr(w, "status", sv_doc_status_str(d->status));
  attr(w, "fileType", sv_filetype_str(d->type));
  if (strcmp(d->lang, "en") == 0 || strcmp(d->lang, "es") == 0)
    attr(w, "language", d->lang);
  double score = d->kind_score;
  if (!(score > 0.0)) /* NaN and -0.0 print as 0.00 */
    score = 0.0;
  if (score > 1.0)
    score = 1.0;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  attr(w, "kindScore", g_ascii_formatd(buf, sizeof buf, "%.2f", score));

  guint nproblems = d->problems != NULL ? d->problems->len : 0;
  for (guint i = 0; i < nproblems; i++)
    write_problem(w, g_ptr_array_index(d->problems, i));
  if (d->status != SV_DOC_OK && nproblems == 0) {
    /* The schema's promise: a document that is not ok says why. */
    struct sv_problem none = {
        .stage = "report",
        .message = "no reason was recorded for this status",
        .page = 0,
        .status = SV_INVALID};
    write_problem(w, &none);
  }
  for (guint i = 0; i < d->statements->len; i++)
    write_statement(w, ex, d, g_ptr_array_index(d->statements, i));
  if (d->income != NULL)
    write_income_doc(w, ex, d, d->income);
  for (const struct sv_us_doc *u = d->us; u != NULL; u = u->next)
    write_us_doc(w, ex, d, u);
  el_end(w);
}

static void write_months(xmlTextWriterPtr w, const struct ev_ref *ex,
                         const char *name, const GArray *months)
{
  el_start(w, name);
  for (guint i = 0; months != NULL && i < months->len; i++) {
    const struct sv_month *m = &g_array_index(months, struct sv_month, i);
    el_start(w, "month");
    attr_period(w, "period", m->year, m->month);
    if (m->account != NULL)
      attr(w, "account", m->account);
    attr_cents(w, "amount", m->amount);
    attr(w, "currency", m->currency);
    if (m->currency_source != SV_CURRENCY_NONE)
      attr(w, "currencySource", sv_currency_source_str(m->currency_source));
    attr(w, "basis", sv_basis_str(m->basis));
    if (m->has_mxn)
      attr_cents(w, "amountMxn", m->amount_mxn);
    attr(w, "source", m->source);
    if (m->ocr)
      attr_int(w, "confidence", percent(m->conf));
    if (m->unreconciled)
      attr(w, "reconciled", "false");
    if (m->computed)
      attr(w, "computed", "true");
    if (m->holder_doubt)
      attr(w, "holderMatch", "uncertain");
    if (m->converted) {
      attr(w, "converted", "true");
      attr(w, "frequency", sv_frequency_str(m->frequency));
    }
    attr_evidence(w, ex, "evidence", m->source, m->page, &m->box);
    el_end(w);
  }
  el_end(w);
}

static void write_assets(xmlTextWriterPtr w, const struct ev_ref *ex,
                         const GArray *assets)
{
  el_start(w, "assets");
  for (guint i = 0; assets != NULL && i < assets->len; i++) {
    const struct sv_asset *a = &g_array_index(assets, struct sv_asset, i);
    el_start(w, "asset");
    attr(w, "kind", sv_asset_kind_str(a->kind));
    attr_cents(w, "amount", a->amount);
    attr(w, "currency", a->currency);
    if (a->has_mxn)
      attr_cents(w, "amountMxn", a->amount_mxn);
    attr(w, "source", a->source);
    attr(w, "value", sv_value_kind_str(a->value));
    if (a->has_words)
      attr(w, "wordsAgree", a->words_agree ? "true" : "false");
    if (a->owner_doubt)
      attr(w, "ownerMatch", "uncertain");
    attr_evidence(w, ex, "evidence", a->source, a->page, &a->box);
    el_end(w);
  }
  el_end(w);
}

static void write_test(xmlTextWriterPtr w, const struct sv_test *t)
{
  el_start(w, "test");
  attr(w, "stay", t->stay);
  attr(w, "basis", sv_test_basis_str(t->basis));
  if (t->window_months > 0)
    attr_int(w, "windowMonths", t->window_months);
  attr_int(w, "wageDays", t->wage_days > 0 ? t->wage_days : 0);
  attr_cents(w, "requiredMxn", t->required_mxn);
  if (t->has_actual)
    attr_cents(w, "actualMxn", t->actual_mxn);
  attr_int(w, "monthsFound", t->months_found > 0 ? t->months_found : 0);
  attr(w, "outcome", sv_outcome_str(t->outcome));
  if (t->has_lowest) {
    attr_period(w, "lowestPeriod", t->lowest_year, t->lowest_month);
    attr_cents(w, "lowestMxn", t->lowest_mxn);
  }
  if (t->has_policy)
    attr(w, "policy",
         t->policy == SV_POLICY_EVERY_MONTH ? "every-month" : "mean");
  if (t->has_policy && t->has_mean) {
    attr_cents(w, "meanMxn", t->mean_mxn);
    attr_int(w, "monthsBelow", t->months_below);
  }
  for (guint i = 0; t->reasons != NULL && i < t->reasons->len; i++) {
    el_start(w, "reason");
    text(w, g_ptr_array_index(t->reasons, i));
    el_end(w);
  }
  el_end(w);
}

static void write_evaluation(xmlTextWriterPtr w,
                             const struct sv_evaluation *ev)
{
  el_start(w, "evaluation");
  if (ev != NULL && ev->ruleset_id != NULL) {
    el_start(w, "ruleset");
    attr(w, "id", ev->ruleset_id);
    attr(w, "chosen", ev->ruleset_why != NULL ? "auto" : "given");
    if (ev->ruleset_source != NULL)
      attr(w, "source", ev->ruleset_source);
    if (ev->ruleset_why != NULL)
      text(w, ev->ruleset_why);
    el_end(w);
  }
  if (ev != NULL && ev->wage_daily != 0) {
    el_start(w, "wage");
    attr_cents(w, "daily", ev->wage_daily);
    if (ev->wage_zone != NULL)
      attr(w, "zone", ev->wage_zone);
    attr_date(w, "effective", &ev->wage_effective);
    attr(w, "index", ev->wage_index != NULL && ev->wage_index[0] != '\0'
                         ? ev->wage_index
                         : "minimum-wage");
    if (ev->wage_source != NULL)
      attr(w, "source", ev->wage_source);
    el_end(w);
  }
  for (guint i = 0; ev != NULL && i < ev->tests->len; i++)
    write_test(w, &g_array_index(ev->tests, struct sv_test, i));
  for (guint i = 0; ev != NULL && i < ev->stays->len; i++) {
    const struct sv_stay *s = &g_array_index(ev->stays, struct sv_stay, i);
    el_start(w, "stay");
    attr(w, "id", s->id);
    attr(w, "outcome", sv_outcome_str(s->outcome));
    el_end(w);
  }
  el_end(w);
}

/* r:nextSteps, after r:evaluation: what follows at INM for each stay the
   evaluation found met (stages/rules/nextsteps.h), with the table's source
   and date, and where to book when a step needs an online appointment.
   Absent when no stay is met. */
static void write_next_steps(xmlTextWriterPtr w, const struct sv_evaluation *ev)
{
  if (ev == NULL || ev->next_steps == NULL || ev->next_steps->len == 0)
    return;
  bool online = false;
  el_start(w, "nextSteps");
  attr(w, "source", ev->next_steps_source);
  attr_date(w, "asOf", &ev->next_steps_as_of);
  for (guint i = 0; i < ev->next_steps->len; i++) {
    const struct sv_next_step *s =
        &g_array_index(ev->next_steps, struct sv_next_step, i);
    el_start(w, "step");
    attr(w, "stay", s->stay);
    attr(w, "procedure", s->procedure);
    if (s->name != NULL)
      attr(w, "name", s->name);
    if (s->name_es != NULL)
      attr(w, "nameEs", s->name_es);
    attr(w, "appointment", s->online ? "online" : "none");
    attr_date(w, "since", &s->since);
    if (s->within_days > 0) {
      attr_int(w, "within", s->within_days);
      if (s->within_confidence != NULL)
        attr(w, "withinConfidence", s->within_confidence);
      if (s->within_source != NULL)
        attr(w, "withinSource", s->within_source);
    }
    attr(w, "where", s->where);
    attr(w, "source", s->source);
    text(w, s->text);
    el_end(w);
    online = online || s->online;
  }
  if (online && ev->booking_url != NULL) {
    el_start(w, "booking");
    attr(w, "url", ev->booking_url);
    attr(w, "source", ev->booking_source);
    text(w, ev->booking_note);
    el_end(w);
  }
  el_end(w);
}

/* r:eligibility, after r:nextSteps: the us-tcn-border answer to case.xml's
   usVisa question (stages/rules/ustcn.h), with its reasons (each naming
   its rule and quoting the seed) and the documents it rests on.  Absent
   when case.xml asks nothing of it. */
static void write_eligibility(xmlTextWriterPtr w,
                              const struct sv_evaluation *ev)
{
  const struct sv_eligibility_result *e = ev != NULL ? ev->eligibility : NULL;
  if (e == NULL)
    return;
  el_start(w, "eligibility");
  attr(w, "ruleset", e->ruleset != NULL ? e->ruleset : "us-tcn-border");
  attr(w, "outcome", sv_eligibility_str(e->outcome));
  if (e->source != NULL)
    attr(w, "source", e->source);
  for (guint i = 0; i < e->reasons->len; i++) {
    const struct sv_elig_reason *r =
        &g_array_index(e->reasons, struct sv_elig_reason, i);
    el_start(w, "reason");
    attr(w, "rule", r->rule);
    if (r->cite != NULL)
      attr(w, "cite", r->cite);
    text(w, r->text);
    el_end(w);
  }
  for (guint i = 0; i < e->documents->len; i++) {
    el_start(w, "document");
    attr(w, "source", e->documents->pdata[i]);
    el_end(w);
  }
  el_end(w);
}

/* Starts a document whose root element is in the report namespace. */
static xmlTextWriterPtr writer_new(xmlBufferPtr buf, const char *root)
{
  xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
  if (w == NULL)
    g_error("report: cannot create the libxml2 writer");
  check(xmlTextWriterSetIndent(w, 1), "indent");
  check(xmlTextWriterSetIndentString(w, BAD_CAST "  "), "indent");
  check(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL), "document");
  check(xmlTextWriterStartElementNS(w, NULL, BAD_CAST root,
                                    BAD_CAST SV_REPORT_NS),
        root);
  return w;
}

/* Ends the document, frees the writer and buf; returns owned bytes. */
static GBytes *writer_finish(xmlTextWriterPtr w, xmlBufferPtr buf)
{
  check(xmlTextWriterEndDocument(w), "end document");
  xmlFreeTextWriter(w); /* flushes into buf */
  int len = xmlBufferLength(buf);
  if (len > 0 && xmlBufferContent(buf)[len - 1] != '\n')
    check(xmlBufferCCat(buf, "\n") == 0 ? 0 : -1, "final newline");
  GBytes *bytes = g_bytes_new(xmlBufferContent(buf),
                              (gsize)xmlBufferLength(buf));
  xmlBufferFree(buf);
  return bytes;
}

static xmlBufferPtr buffer_new(void)
{
  xmlBufferPtr buf = xmlBufferCreate();
  if (buf == NULL)
    g_error("report: out of memory");
  return buf;
}

/* sv_report_build, noting in used (may be NULL) the crops it names. */
static GBytes *build(const struct sv_config *cfg, const struct sv_case *c,
                     GPtrArray *used)
{
  /* A failed case prints no figures or verdicts, even half-made ones: its
     report is its problems and documents, outcome insufficient-evidence. */
  const struct sv_evaluation *ev = c->failed ? NULL : c->eval;
  xmlBufferPtr buf = buffer_new();
  xmlTextWriterPtr w = writer_new(buf, "report");

  attr(w, "case", c->id);
  attr_date(w, "asOf", &c->as_of);
  attr(w, "ruleset", c->eval != NULL && c->eval->ruleset_id != NULL
                        ? c->eval->ruleset_id
                        : cfg->ruleset_id);
  attr(w, "toolVersion", SV_VERSION);
  attr(w, "outcome", sv_outcome_str(ev != NULL ? ev->overall
                                               : SV_OUTCOME_INSUFFICIENT));

  el_start(w, "applicant");
  const char *name = ev != NULL && ev->applicant != NULL ? ev->applicant
                                                         : c->applicant;
  bool manifest = ev != NULL ? ev->applicant_from_manifest
                             : c->applicant != NULL;
  if (name != NULL)
    attr(w, "name", name);
  attr(w, "source", manifest ? "manifest" : "documents");
  el_end(w);

  if (c->problems != NULL && c->problems->len > 0) {
    el_start(w, "problems");
    for (guint i = 0; i < c->problems->len; i++)
      write_problem(w, g_ptr_array_index(c->problems, i));
    el_end(w);
  }

  struct ev_ref ex = {.cfg = cfg, .c = c, .used = used};
  el_start(w, "documents");
  for (size_t i = 0; i < c->ndocs; i++)
    write_document(w, &ex, c->docs[i]);
  el_end(w);

  write_months(w, &ex, "balances", ev != NULL ? ev->balances : NULL);
  write_months(w, &ex, "income", ev != NULL ? ev->income : NULL);
  write_assets(w, &ex, ev != NULL ? ev->assets : NULL);
  write_evaluation(w, ev);
  write_next_steps(w, ev);
  write_eligibility(w, ev);

  return writer_finish(w, buf);
}

GBytes *sv_report_build(const struct sv_config *cfg, const struct sv_case *c)
{
  return build(cfg, c, NULL);
}

/* -------------------------------------------------------------- files */

/* Writes all of data to fd, retrying on EINTR and short writes.  Returns 0
   or -1 with errno set. */
static int write_all(int fd, const guint8 *data, gsize len)
{
  while (len > 0) {
    ssize_t n = write(fd, data, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      if (n == 0)
        errno = EIO;
      return -1;
    }
    data += n;
    len -= (gsize)n;
  }
  return 0;
}

/* Best effort: makes the rename itself durable. */
static void sync_dir(const char *dir)
{
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return;
  (void)fsync(fd);
  close(fd);
}

sv_status sv_report_write_file(const char *dir, const char *name,
                               GBytes *bytes, char **err)
{
  sv_status rc = SV_WRITE;
  char *msg = NULL;
  char *path = NULL;
  char *tmp = NULL;
  int fd = -1;
  int saved = 0;
  gsize len = 0;
  const guint8 *data = g_bytes_get_data(bytes, &len);

  if (name == NULL || name[0] == '\0' || strchr(name, '/') != NULL ||
      strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
    char *shown = clean(name);
    msg = g_strdup_printf("cannot write a report named \"%s\" in %s: "
                          "not a plain file name", shown, dir);
    g_free(shown);
    goto out;
  }
  path = g_build_filename(dir, name, NULL);
  if (g_mkdir_with_parents(dir, 0700) != 0) {
    saved = errno;
    msg = g_strdup_printf("cannot write %s: cannot create folder %s: %s",
                          path, dir, g_strerror(saved));
    goto out;
  }
  tmp = g_strdup_printf("%s/.%s.XXXXXX", dir, name);
  /* 0600: a report holds names and balances (contract.md) */
  fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) {
    saved = errno;
    msg = g_strdup_printf("cannot write %s: cannot create a temporary "
                          "file: %s", path, g_strerror(saved));
    g_clear_pointer(&tmp, g_free); /* nothing to remove */
    goto out;
  }
  if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
    saved = errno;
    msg = g_strdup_printf("cannot write %s: %s", path, g_strerror(saved));
    goto out;
  }
  saved = close(fd) != 0 ? errno : 0;
  fd = -1;
  if (saved != 0) {
    msg = g_strdup_printf("cannot write %s: %s", path, g_strerror(saved));
    goto out;
  }
  if (g_rename(tmp, path) != 0) {
    saved = errno;
    msg = g_strdup_printf("cannot write %s: rename failed: %s", path,
                          g_strerror(saved));
    goto out;
  }
  g_clear_pointer(&tmp, g_free); /* it is the report now */
  sync_dir(dir);
  rc = SV_OK;

out:
  if (err != NULL)
    *err = msg;
  else
    g_free(msg);
  if (fd >= 0)
    close(fd);
  if (tmp != NULL)
    g_unlink(tmp);
  g_free(tmp);
  g_free(path);
  return rc;
}

/* Whether name is one of our temporary files: ".<name>.xml.XXXXXX" (a
   report, batch.xml), ".batch.csv.XXXXXX" or ".journal.tsv.XXXXXX". */
static bool temp_name(const char *name)
{
  size_t n = strlen(name);
  if (n < 1 + 4 + 7 || name[0] != '.')
    return false;
  const char *tail = name + n - 7; /* ".XXXXXX" */
  return tail[0] == '.' && n >= 12 &&
         (strncmp(tail - 4, ".xml", 4) == 0 ||
          strncmp(tail - 4, ".csv", 4) == 0 ||
          strncmp(tail - 4, ".tsv", 4) == 0);
}

size_t sv_report_clean_temps(const char *dir)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  size_t removed = 0;
  for (const char *name; d != NULL && (name = g_dir_read_name(d)) != NULL;) {
    if (sv_report_remove_evidence_temp(dir, name)) {
      removed++;
      continue;
    }
    if (!temp_name(name))
      continue;
    char *path = g_build_filename(dir, name, NULL);
    if (g_file_test(path, G_FILE_TEST_IS_REGULAR) && g_unlink(path) == 0)
      removed++;
    g_free(path);
  }
  if (d != NULL)
    g_dir_close(d);
  return removed;
}

sv_status sv_report_write_batch(const struct sv_config *cfg,
                                const struct sv_batch_entry *entries,
                                size_t n, char **err)
{
  xmlBufferPtr buf = buffer_new();
  xmlTextWriterPtr w = writer_new(buf, "batch");
  attr(w, "ruleset", cfg->ruleset_id);
  attr(w, "toolVersion", SV_VERSION);
  attr_int(w, "cases", (long long)n);
  for (size_t i = 0; i < n; i++) {
    const struct sv_batch_entry *e = &entries[i];
    el_start(w, "case");
    attr(w, "id", e->case_id);
    attr(w, "folder", e->folder);
    attr(w, "outcome", sv_outcome_str(e->failed ? SV_OUTCOME_INSUFFICIENT
                                                : e->outcome));
    if (!e->failed && e->report != NULL)
      attr(w, "report", e->report);
    attr(w, "status", e->failed ? "failed" : "ok");
    if (e->error != NULL) {
      el_start(w, "problem");
      text(w, e->error);
      el_end(w);
    }
    el_end(w);
  }
  GBytes *bytes = writer_finish(w, buf);
  sv_status rc = sv_report_write_file(cfg->out_dir, "batch.xml", bytes, err);
  g_bytes_unref(bytes);
  return rc;
}

/* ---------------------------------------------------------------- stage */

static sv_status report_process(void *ctx, const struct sv_config *cfg,
                                const struct sv_services *svc,
                                struct sv_case *c, struct sv_doc *doc)
{
  (void)svc;
  (void)ctx;
  (void)doc;
  char *err = NULL;
  GPtrArray *used = g_ptr_array_new();
  GBytes *bytes = build(cfg, c, used);
  /* the crops first: a report never names a crop that is not there */
  if (sv_report_write_evidence(cfg, c, used, &err) != SV_OK) {
    sv_case_problem(c, SV_WRITE, "report", "%s", err);
    c->failed = true;
    g_clear_pointer(&err, g_free);
    g_bytes_unref(bytes);
    bytes = build(cfg, c, NULL); /* failed: without figures */
  }
  g_ptr_array_free(used, TRUE);
  char *name = g_strdup_printf("%s.xml", c->id);
  if (sv_report_write_file(cfg->out_dir, name, bytes, &err) != SV_OK) {
    sv_case_problem(c, SV_WRITE, "report", "%s", err);
    c->failed = true;
  } else {
    c->report_written = true;
    gsize blen = 0;
    const void *bdata = g_bytes_get_data(bytes, &blen);
    char *hex = sv_sha256_hex(bdata, blen);
    g_strlcpy(c->report_sha256, hex, sizeof c->report_sha256);
    g_free(hex);
  }
  g_free(err);
  g_free(name);
  g_bytes_unref(bytes);
  return SV_OK;
}

const struct sv_stage sv_report_stage = {
    .name = "report",
    .scope = SV_SCOPE_CASE,
    .run_on_failed = true, /* a failed case still gets its report */
    .init = NULL,
    .process = report_process,
    .fini = NULL,
};
