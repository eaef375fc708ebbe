/*
 * test_corpus.c - per-field accuracy over the labelled corpus.
 *
 * samples/corpus/ holds single documents (statements of every layout,
 * income letters, deeds, investment documents, plain letters), text-layer
 * and scanned, each with NAME.expected.xml written by the sample generator
 * (format: samples/LAYOUTS.md).  The documents go through the real
 * document stages (ingest, render, ocr, classify, extract) on the real
 * engine as one case; a case stage compares every expected field with
 * what was read.  The bar: every field right on text-layer documents, at
 * least 98% on scanned ones.  A table of misses is printed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <string.h>

#include "classify.h"
#include "text/fold.h"
#include "engine.h"
#include "extract.h"
#include "ingest.h"
#include "money.h"
#include "ocr.h"
#include "render.h"
#include "support.h"
#include "xmlsafe.h"

struct tally {
  int fields[2], right[2]; /* [0] text-layer, [1] scanned */
  int status_docs, status_fields[2], status_right[2]; /* us-status only */
  int docs[2];
  GString *misses;
};

static struct tally tally;

static char *fold(const char *s)
{
  char *f = sv_fold(s != NULL ? s : "");
  /* collapse white space */
  GString *o = g_string_new(NULL);
  bool sp = false;
  for (const char *p = f; *p; p++) {
    if (g_ascii_isspace(*p)) {
      sp = o->len > 0;
      continue;
    }
    if (sp)
      g_string_append_c(o, ' ');
    sp = false;
    g_string_append_c(o, *p);
  }
  g_free(f);
  return g_string_free(o, FALSE);
}

static char *cents(const struct sv_figure *f)
{
  if (!f->present)
    return g_strdup("(none)");
  char b[32];
  sv_cents_format(f->amount, b, sizeof b);
  return g_strdup(b);
}

static char *cents_abs(const struct sv_figure *f)
{
  if (!f->present)
    return g_strdup("(none)");
  char b[32];
  sv_cents_format(f->amount < 0 ? -f->amount : f->amount, b, sizeof b);
  return g_strdup(b);
}

static char *date_str(const GDate *d)
{
  if (!g_date_valid(d))
    return g_strdup("(none)");
  char b[16];
  sv_xml_format_date(d, b, sizeof b);
  return g_strdup(b);
}

static const struct sv_stated_value *value_of(const struct sv_deed *dd,
                                              enum sv_value_kind k)
{
  for (guint i = 0; dd != NULL && i < dd->values->len; i++) {
    const struct sv_stated_value *v =
        &g_array_index(dd->values, struct sv_stated_value, i);
    if (v->kind == k)
      return v;
  }
  return NULL;
}

/* Returns owned: what the program read for field `name` of doc, in the
   expected file's notation; "(none)" when nothing.  *folded says the
   comparison ignores case, accents and spacing. */
static char *actual(const struct sv_doc *d, const char *name,
                    const char *want, bool *folded)
{
  const struct sv_statement *st = sv_doc_statement(d, 0);
  const struct sv_income_doc *inc = d->income;
  const struct sv_deed *dd = d->deed;
  *folded = false;
  if (strcmp(name, "kind") == 0)
    return g_strdup(sv_doc_kind_str(d->kind));
  if (strcmp(name, "language") == 0)
    return g_strdup(d->lang);
  if (st != NULL) {
    if (strcmp(name, "holder") == 0) {
      *folded = true;
      return g_strdup(st->holder != NULL ? st->holder : "(none)");
    }
    if (strcmp(name, "account") == 0)
      return g_strdup(st->account != NULL ? st->account : "(none)");
    if (strcmp(name, "currency") == 0)
      return g_strdup(st->currency[0] ? st->currency : "(none)");
    if (strcmp(name, "periodStart") == 0)
      return date_str(&st->start);
    if (strcmp(name, "periodEnd") == 0)
      return date_str(&st->end);
    if (strcmp(name, "opening") == 0)
      return cents(&st->opening);
    if (strcmp(name, "closing") == 0)
      return cents(&st->closing);
    if (strcmp(name, "average") == 0)
      return cents(&st->average);
    if (strcmp(name, "averageComputed") == 0)
      return g_strdup(st->average_computed ? "true" : "false");
    if (strcmp(name, "credits") == 0)
      return cents_abs(&st->credits);
    if (strcmp(name, "debits") == 0)
      return cents_abs(&st->debits);
  }
  if (inc != NULL) {
    if (strcmp(name, "person") == 0 || strcmp(name, "payer") == 0) {
      *folded = true;
      const char *v = name[1] == 'e' ? inc->person : inc->payer;
      return g_strdup(v != NULL ? v : "(none)");
    }
    if (strcmp(name, "currency") == 0)
      return g_strdup(inc->currency[0] ? inc->currency : "(none)");
    if (strcmp(name, "net") == 0)
      return g_strdup(inc->net ? "true" : "false");
    if (strcmp(name, "grossOnly") == 0)
      return g_strdup(inc->gross_only ? "true" : "false");
    if (strcmp(name, "frequency") == 0)
      return g_strdup(sv_frequency_str(inc->frequency));
    if (strcmp(name, "stated") == 0)
      return cents(&inc->stated);
    if (strcmp(name, "monthly") == 0) {
      char b[32];
      sv_cents_format(inc->monthly, b, sizeof b);
      return g_strdup(b);
    }
    if (strcmp(name, "month") == 0) {
      /* want "YYYY-MM=amount": find that month */
      for (guint i = 0; i < inc->months->len; i++) {
        const struct sv_income_month *im =
            &g_array_index(inc->months, struct sv_income_month, i);
        char b[64], amt[32];
        sv_cents_format(im->figure.amount, amt, sizeof amt);
        g_snprintf(b, sizeof b, "%04d-%02d=%s", im->year, im->month, amt);
        if (strncmp(b, want, 8) == 0)
          return g_strdup(b);
      }
      return g_strdup("(none)");
    }
  }
  const struct sv_us_doc *u = d->us; /* corpus files hold one form */
  if (u != NULL) {
    if (strcmp(name, "form") == 0)
      return g_strdup(sv_us_form_str(u->form));
    if (strcmp(name, "name") == 0) {
      *folded = true;
      return g_strdup(u->name != NULL ? u->name : "(none)");
    }
    if (strcmp(name, "category") == 0)
      return g_strdup(u->category != NULL ? u->category : "(none)");
    if (strcmp(name, "validFrom") == 0)
      return date_str(&u->valid_from);
    if (strcmp(name, "validUntil") == 0)
      return date_str(&u->valid_until);
    if (strcmp(name, "durationOfStatus") == 0)
      return g_strdup(u->duration_of_status ? "true" : "false");
    if (strcmp(name, "number") == 0)
      return g_strdup(u->number != NULL ? u->number : "(none)");
    if (strcmp(name, "post") == 0) {
      *folded = true;
      return g_strdup(u->post != NULL ? u->post : "(none)");
    }
  }
  if (dd != NULL) {
    if (strcmp(name, "owner") == 0) {
      *folded = true;
      char *fw = fold(want);
      for (guint i = 0; i < dd->owners->len; i++) {
        char *fo = fold(dd->owners->pdata[i]);
        bool same = strcmp(fo, fw) == 0;
        g_free(fo);
        if (same) {
          g_free(fw);
          return g_strdup(want);
        }
      }
      g_free(fw);
      return g_strdup(dd->owners->len > 0 ? (const char *)dd->owners->pdata[0]
                                          : "(none)");
    }
    if (strcmp(name, "notary") == 0) {
      *folded = true;
      return g_strdup(dd->notary != NULL ? dd->notary : "(none)");
    }
    if (strcmp(name, "date") == 0)
      return date_str(&dd->date);
    if (strcmp(name, "investment") == 0)
      return g_strdup(dd->investment ? "true" : "false");
    static const struct {
      const char *name;
      enum sv_value_kind kind;
      bool words;
    } vals[] = {{"price", SV_VALUE_PRICE, false},
                {"priceWordsAgree", SV_VALUE_PRICE, true},
                {"appraisal", SV_VALUE_APPRAISAL, false},
                {"appraisalWordsAgree", SV_VALUE_APPRAISAL, true},
                {"cadastral", SV_VALUE_CADASTRAL, false},
                {"cadastralWordsAgree", SV_VALUE_CADASTRAL, true},
                {"capital", SV_VALUE_INVESTMENT, false},
                {"capitalWordsAgree", SV_VALUE_INVESTMENT, true}};
    for (size_t i = 0; i < G_N_ELEMENTS(vals); i++) {
      if (strcmp(name, vals[i].name) != 0)
        continue;
      const struct sv_stated_value *v = value_of(dd, vals[i].kind);
      if (v == NULL)
        return g_strdup("(none)");
      if (vals[i].words)
        return g_strdup(v->has_words && v->words_agree ? "true" : "false");
      return cents(&v->figure);
    }
  }
  return g_strdup("(none)");
}

static void compare_doc(const struct sv_doc *d, const char *expected_path)
{
  xmlDocPtr ed = sv_test_parse(expected_path);
  assert_non_null(ed);
  xmlNodePtr root = xmlDocGetRootElement(ed);
  xmlChar *text = xmlGetProp(root, BAD_CAST "text");
  int k = text != NULL && xmlStrEqual(text, BAD_CAST "ocr") ? 1 : 0;
  xmlFree(text);
  tally.docs[k]++;
  xmlChar *kind = xmlGetProp(root, BAD_CAST "kind");
  bool status = kind != NULL && xmlStrEqual(kind, BAD_CAST "us-status");
  xmlFree(kind);
  tally.status_docs += status ? 1 : 0;
  /* kind and language are fields too */
  const char *top[] = {"kind", "language"};
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  GPtrArray *wants = g_ptr_array_new_with_free_func(g_free);
  for (size_t i = 0; i < G_N_ELEMENTS(top); i++) {
    xmlChar *v = xmlGetProp(root, BAD_CAST top[i]);
    if (v == NULL)
      continue;
    g_ptr_array_add(names, g_strdup(top[i]));
    g_ptr_array_add(wants, g_strdup((const char *)v));
    xmlFree(v);
  }
  for (xmlNodePtr n = root->children; n != NULL; n = n->next) {
    if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST "field"))
      continue;
    xmlChar *name = xmlGetProp(n, BAD_CAST "name");
    xmlChar *val = xmlNodeGetContent(n);
    g_ptr_array_add(names, g_strdup((const char *)name));
    g_ptr_array_add(wants, g_strstrip(g_strdup((const char *)val)));
    xmlFree(name);
    xmlFree(val);
  }
  for (guint i = 0; i < names->len; i++) {
    const char *name = names->pdata[i], *want = wants->pdata[i];
    bool folded = false;
    char *got = actual(d, name, want, &folded);
    bool ok;
    if (folded) {
      char *a = fold(got), *b = fold(want);
      ok = strcmp(a, b) == 0;
      g_free(a);
      g_free(b);
    } else {
      ok = strcmp(got, want) == 0;
    }
    tally.fields[k]++;
    tally.status_fields[k] += status ? 1 : 0;
    if (ok) {
      tally.right[k]++;
      tally.status_right[k] += status ? 1 : 0;
    }
    else
      g_string_append_printf(tally.misses, "  %-9s %-40s %-16s want %-24s got %s\n",
                             k ? "scanned" : "text", d->relpath, name, want,
                             got);
    g_free(got);
  }
  g_ptr_array_free(names, TRUE);
  g_ptr_array_free(wants, TRUE);
  xmlFreeDoc(ed);
}

/* The case stage: compares each document that has an expected file. */
static sv_status compare_case(void *ctx, const struct sv_config *cfg,
                              const struct sv_services *svc,
                              struct sv_case *c, struct sv_doc *doc)
{
  (void)ctx;
  (void)svc;
  (void)cfg;
  (void)doc;
  for (size_t i = 0; i < c->ndocs; i++) {
    const struct sv_doc *d = c->docs[i];
    if (g_str_has_suffix(d->relpath, ".expected.xml"))
      continue;
    const char *dot = strrchr(d->abspath, '.');
    char *stem = g_strndup(d->abspath, (gsize)(dot - d->abspath));
    char *exp = g_strconcat(stem, ".expected.xml", NULL);
    if (g_file_test(exp, G_FILE_TEST_EXISTS))
      compare_doc(d, exp);
    g_free(stem);
    g_free(exp);
  }
  return SV_OK;
}

/* Every field of every corpus document against the generator's values:
   all right on text-layer documents, >= 98% on scanned ones. */
static void test_corpus_field_accuracy(void **state)
{
  (void)state;
  char *corpus = sv_test_src("samples/corpus");
  assert_true(g_file_test(corpus, G_FILE_TEST_IS_DIR));
  struct sv_config cfg = {0};
  cfg.jobs = 2;
  cfg.quiet = true;
  cfg.ruleset_id = "sre-2012";
  char *schemas = sv_test_src("schemas");
  cfg.data_dir = schemas;
  g_date_clear(&cfg.today, 1);
  g_date_set_dmy(&cfg.today, 15, 11, 2026);
  g_date_clear(&cfg.as_of, 1);
  const struct sv_stage compare = {.name = "compare",
                                   .scope = SV_SCOPE_CASE,
                                   .process = compare_case};
  const struct sv_stage *const stages[] = {
      &sv_ingest_stage,   &sv_render_stage,  &sv_ocr_stage,
      &sv_classify_stage, &sv_extract_stage, &compare,
      NULL};
  tally.misses = g_string_new(NULL);
  char *dirs[] = {corpus};
  struct sv_engine_result res;
  sv_engine_run(&cfg, stages, dirs, 1, &res);
  sv_engine_result_clear(&res);

  double acc[2];
  for (int k = 0; k < 2; k++)
    acc[k] = tally.fields[k] > 0 ? 100.0 * tally.right[k] / tally.fields[k]
                                 : 0.0;
  printf("corpus: text-layer %d docs, %d/%d fields (%.2f%%); scanned %d "
         "docs, %d/%d fields (%.2f%%)\n",
         tally.docs[0], tally.right[0], tally.fields[0], acc[0], tally.docs[1],
         tally.right[1], tally.fields[1], acc[1]);
  double st[2];
  for (int k = 0; k < 2; k++)
    st[k] = tally.status_fields[k] > 0
                ? 100.0 * tally.status_right[k] / tally.status_fields[k]
                : 0.0;
  printf("of which US status documents: %d docs, text-layer %d/%d fields "
         "(%.2f%%), scanned %d/%d (%.2f%%)\n",
         tally.status_docs, tally.status_right[0], tally.status_fields[0],
         st[0], tally.status_right[1], tally.status_fields[1], st[1]);
  if (tally.misses->len > 0)
    printf("misses:\n%s", tally.misses->str);
  g_string_free(tally.misses, TRUE);
  g_free(schemas);
  g_free(corpus);
  assert_true(tally.docs[0] + tally.docs[1] >= 40);
  assert_true(tally.docs[1] >= 10);
  assert_true(tally.fields[0] >= 200); /* not an empty comparison */
  assert_int_equal(tally.right[0], tally.fields[0]);
  assert_true(acc[1] >= 98.0);
  /* status documents on their own: >= 98 % of fields, scanned included */
  assert_true(tally.status_docs >= 24);
  assert_true(st[0] >= 98.0);
  assert_true(st[1] >= 98.0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_corpus_field_accuracy),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
