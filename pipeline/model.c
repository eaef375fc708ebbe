/*
 * model.c - constructors, destructors and names of the pipeline's data.
 *
 * See model.h for who owns what.  Every *_free takes the address of the
 * caller's pointer, accepts NULL and clears it (Leptonica pixDestroy style).
 */
#include "model.h"

#include <leptonica/allheaders.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

void sv_box_union(struct sv_box *acc, const struct sv_box *b)
{
  acc->x0 = fmin(acc->x0, b->x0);
  acc->y0 = fmin(acc->y0, b->y0);
  acc->x1 = fmax(acc->x1, b->x1);
  acc->y1 = fmax(acc->y1, b->y1);
}

static void problem_free(gpointer p)
{
  struct sv_problem *pr = p;
  if (pr == NULL)
    return;
  g_free(pr->stage);
  g_free(pr->message);
  g_free(pr);
}

static struct sv_problem *problem_new(sv_status code, const char *stage,
                                      int page, const char *fmt, va_list ap)
    G_GNUC_PRINTF(4, 0);

static struct sv_problem *problem_new(sv_status code, const char *stage,
                                      int page, const char *fmt, va_list ap)
{
  struct sv_problem *pr = g_new0(struct sv_problem, 1);
  pr->stage = g_strdup(stage != NULL ? stage : "");
  pr->message = g_strdup_vprintf(fmt, ap);
  pr->page = page;
  pr->status = code;
  return pr;
}

void sv_crop_free(gpointer p)
{
  struct sv_crop *cr = p;
  g_free(cr->name);
  if (cr->png != NULL)
    g_bytes_unref(cr->png);
  g_free(cr);
}

static void statement_free_ptr(gpointer p)
{
  struct sv_statement *st = p;
  sv_statement_free(&st);
}

struct sv_doc *sv_doc_new(struct sv_case *owner, const char *relpath,
                          const char *abspath)
{
  struct sv_doc *d = g_new0(struct sv_doc, 1);
  d->owner = owner;
  d->relpath = g_strdup(relpath);
  d->abspath = g_strdup(abspath);
  d->problems = g_ptr_array_new_with_free_func(problem_free);
  d->statements = g_ptr_array_new_with_free_func(statement_free_ptr);
  d->crops = g_ptr_array_new_with_free_func(sv_crop_free);
  return d;
}

void sv_page_clear(struct sv_page *page)
{
  if (page == NULL)
    return;
  for (size_t i = 0; i < page->nlines; i++) {
    struct sv_line *ln = &page->lines[i];
    for (size_t w = 0; w < ln->nwords; w++)
      g_free(ln->words[w].text);
    g_free(ln->words);
    g_free(ln->text);
  }
  g_free(page->lines);
  page->lines = NULL;
  page->nlines = 0;
  if (page->image != NULL)
    pixDestroy(&page->image);
}

void sv_doc_drop_pixels(struct sv_doc *doc)
{
  if (doc->bytes != NULL) {
    g_bytes_unref(doc->bytes);
    doc->bytes = NULL;
  }
  if (doc->pixels != NULL) {
    if (doc->pixels->free != NULL)
      doc->pixels->free(doc->pixels->state);
    g_free(doc->pixels);
    doc->pixels = NULL;
  }
  for (int i = 0; i < doc->npages; i++)
    if (doc->pages[i].image != NULL)
      pixDestroy(&doc->pages[i].image);
}

struct Pix *sv_doc_render_page(const struct sv_doc *doc, int index,
                               double *dpi, sv_status *code, char **why)
{
  *dpi = 0;
  *code = SV_OK;
  *why = NULL;
  if (doc->pixels == NULL || doc->pixels->render == NULL || index < 0 ||
      index >= doc->npages) {
    *code = SV_INVALID;
    *why = g_strdup_printf("page %d has no pixels to read", index + 1);
    return NULL;
  }
  struct Pix *pix = doc->pixels->render(doc->pixels->state, index, dpi, code,
                                        why);
  if (pix == NULL && *why == NULL)
    *why = g_strdup_printf("page %d cannot be rendered", index + 1);
  if (pix == NULL && *code == SV_OK)
    *code = SV_CORRUPT;
  return pix;
}

const struct sv_figure *sv_statement_month_figure(
    const struct sv_statement *st, enum sv_basis *basis)
{
  if (basis != NULL)
    *basis = SV_BASIS_AVERAGE_DAILY;
  if (st->average.present)
    return &st->average;
  if (!st->closing.present)
    return NULL;
  if (basis != NULL)
    *basis = SV_BASIS_CLOSING;
  return &st->closing;
}

struct Pix *sv_doc_render_region(const struct sv_doc *doc, int index,
                                 const struct sv_box *region, double dpi)
{
  if (doc->pixels == NULL || doc->pixels->region == NULL || index < 0 ||
      index >= doc->npages || region == NULL || !(dpi > 0))
    return NULL;
  return doc->pixels->region(doc->pixels->state, index, region, dpi);
}

void sv_doc_free(struct sv_doc **doc)
{
  if (doc == NULL || *doc == NULL)
    return;
  struct sv_doc *d = *doc;
  sv_doc_drop_pixels(d);
  for (int i = 0; i < d->npages; i++)
    sv_page_clear(&d->pages[i]);
  g_free(d->pages);
  g_ptr_array_free(d->problems, TRUE);
  g_ptr_array_free(d->statements, TRUE);
  g_ptr_array_free(d->crops, TRUE);
  sv_deed_free(&d->deed);
  sv_income_doc_free(&d->income);
  sv_us_doc_free(&d->us);
  g_free(d->relpath);
  g_free(d->abspath);
  g_free(d);
  *doc = NULL;
}

void sv_doc_problem(struct sv_doc *doc, enum sv_doc_status status,
                    sv_status code, const char *stage, int page,
                    const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  g_ptr_array_add(doc->problems, problem_new(code, stage, page, fmt, ap));
  va_end(ap);
  if (status > doc->status)
    doc->status = status;
}

void sv_case_problem(struct sv_case *c, sv_status code, const char *stage,
                     const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  g_ptr_array_add(c->problems, problem_new(code, stage, 0, fmt, ap));
  va_end(ap);
}

struct sv_case *sv_case_new(const char *id, const char *dir,
                            const char *folder)
{
  struct sv_case *c = g_new0(struct sv_case, 1);
  c->id = g_strdup(id);
  c->dir = g_strdup(dir);
  c->folder = g_strdup(folder);
  c->requested = g_ptr_array_new_with_free_func(g_free);
  c->problems = g_ptr_array_new_with_free_func(problem_free);
  g_date_clear(&c->as_of, 1);
  return c;
}

void sv_case_free(struct sv_case **cp)
{
  if (cp == NULL || *cp == NULL)
    return;
  struct sv_case *c = *cp;
  for (size_t i = 0; i < c->ndocs; i++)
    sv_doc_free(&c->docs[i]);
  g_free(c->docs);
  g_ptr_array_free(c->requested, TRUE);
  g_ptr_array_free(c->problems, TRUE);
  sv_evaluation_free(&c->eval);
  sv_usvisa_free(&c->usvisa);
  g_free(c->id);
  g_free(c->dir);
  g_free(c->folder);
  g_free(c->applicant);
  g_free(c);
  *cp = NULL;
}

struct sv_statement *sv_statement_new(void)
{
  struct sv_statement *st = g_new0(struct sv_statement, 1);
  g_date_clear(&st->start, 1);
  g_date_clear(&st->end, 1);
  return st;
}

void sv_statement_free(struct sv_statement **stp)
{
  if (stp == NULL || *stp == NULL)
    return;
  g_free((*stp)->holder);
  g_free((*stp)->account);
  g_free(*stp);
  *stp = NULL;
}

const struct sv_page *sv_doc_page(const struct sv_doc *doc, int n)
{
  for (int p = 0; doc != NULL && p < doc->npages; p++)
    if ((doc->pages[p].number > 0 ? doc->pages[p].number : p + 1) == n)
      return &doc->pages[p];
  return NULL;
}

struct sv_statement *sv_doc_statement(const struct sv_doc *doc, size_t i)
{
  if (doc == NULL || doc->statements == NULL || i >= doc->statements->len)
    return NULL;
  return g_ptr_array_index(doc->statements, i);
}

void sv_statement_set_month(struct sv_statement *st)
{
  st->year = st->month = 0;
  st->month_spans = false;
  if (!g_date_valid(&st->start) || !g_date_valid(&st->end) ||
      g_date_compare(&st->start, &st->end) > 0)
    return;
  st->year = g_date_get_year(&st->end);
  st->month = g_date_get_month(&st->end);
  GDate limit = st->end;
  g_date_subtract_days(&limit, 45);
  st->month_spans = g_date_compare(&st->start, &limit) < 0;
}

struct sv_deed *sv_deed_new(void)
{
  struct sv_deed *d = g_new0(struct sv_deed, 1);
  d->owners = g_ptr_array_new_with_free_func(g_free);
  g_date_clear(&d->date, 1);
  d->values = g_array_new(FALSE, TRUE, sizeof(struct sv_stated_value));
  return d;
}

void sv_deed_free(struct sv_deed **dp)
{
  if (dp == NULL || *dp == NULL)
    return;
  g_ptr_array_free((*dp)->owners, TRUE);
  g_array_free((*dp)->values, TRUE);
  g_free((*dp)->notary);
  g_free(*dp);
  *dp = NULL;
}

struct sv_income_doc *sv_income_doc_new(void)
{
  struct sv_income_doc *inc = g_new0(struct sv_income_doc, 1);
  g_date_clear(&inc->start, 1);
  g_date_clear(&inc->end, 1);
  g_date_clear(&inc->employed_since, 1);
  inc->months = g_array_new(FALSE, TRUE, sizeof(struct sv_income_month));
  return inc;
}

void sv_income_doc_free(struct sv_income_doc **ip)
{
  if (ip == NULL || *ip == NULL)
    return;
  g_free((*ip)->person);
  g_free((*ip)->payer);
  g_free((*ip)->doubt);
  g_array_free((*ip)->months, TRUE);
  g_free(*ip);
  *ip = NULL;
}

struct sv_us_doc *sv_us_doc_new(void)
{
  struct sv_us_doc *u = g_new0(struct sv_us_doc, 1);
  g_date_clear(&u->valid_from, 1);
  g_date_clear(&u->valid_until, 1);
  return u;
}

void sv_us_doc_free(struct sv_us_doc **up)
{
  if (up == NULL || *up == NULL)
    return;
  struct sv_us_doc *u = *up;
  sv_us_doc_free(&u->next);
  g_free(u->name);
  g_free(u->category);
  g_free(u->category_printed);
  g_free(u->number);
  g_free(u->post);
  g_free(u->doubt);
  g_free(u);
  *up = NULL;
}

static void month_clear(gpointer p)
{
  struct sv_month *m = p;
  g_free(m->account);
  g_free(m->source);
}

static void asset_clear(gpointer p)
{
  struct sv_asset *a = p;
  g_free(a->source);
}

static void test_clear(gpointer p)
{
  struct sv_test *t = p;
  g_free(t->stay);
  if (t->reasons != NULL)
    g_ptr_array_free(t->reasons, TRUE);
}

static void stay_clear(gpointer p)
{
  struct sv_stay *s = p;
  g_free(s->id);
}

static void next_step_clear(gpointer p)
{
  struct sv_next_step *s = p;
  g_free(s->stay);
  g_free(s->procedure);
  g_free(s->name);
  g_free(s->name_es);
  g_free(s->within_confidence);
  g_free(s->within_source);
  g_free(s->where);
  g_free(s->source);
  g_free(s->text);
}

struct sv_evaluation *sv_evaluation_new(void)
{
  struct sv_evaluation *ev = g_new0(struct sv_evaluation, 1);
  ev->balances = g_array_new(FALSE, TRUE, sizeof(struct sv_month));
  g_array_set_clear_func(ev->balances, month_clear);
  ev->income = g_array_new(FALSE, TRUE, sizeof(struct sv_month));
  g_array_set_clear_func(ev->income, month_clear);
  ev->assets = g_array_new(FALSE, TRUE, sizeof(struct sv_asset));
  g_array_set_clear_func(ev->assets, asset_clear);
  ev->tests = g_array_new(FALSE, TRUE, sizeof(struct sv_test));
  g_array_set_clear_func(ev->tests, test_clear);
  ev->stays = g_array_new(FALSE, TRUE, sizeof(struct sv_stay));
  g_array_set_clear_func(ev->stays, stay_clear);
  g_date_clear(&ev->wage_effective, 1);
  ev->overall = SV_OUTCOME_INSUFFICIENT;
  ev->next_steps = g_array_new(FALSE, TRUE, sizeof(struct sv_next_step));
  g_array_set_clear_func(ev->next_steps, next_step_clear);
  g_date_clear(&ev->next_steps_as_of, 1);
  return ev;
}

void sv_evaluation_free(struct sv_evaluation **evp)
{
  if (evp == NULL || *evp == NULL)
    return;
  struct sv_evaluation *ev = *evp;
  g_free(ev->applicant);
  g_free(ev->ruleset_id);
  g_free(ev->ruleset_source);
  g_free(ev->ruleset_why);
  g_free(ev->wage_index);
  g_free(ev->wage_source);
  g_free(ev->wage_zone);
  g_array_free(ev->balances, TRUE);
  g_array_free(ev->income, TRUE);
  g_array_free(ev->assets, TRUE);
  g_array_free(ev->tests, TRUE);
  g_array_free(ev->stays, TRUE);
  g_array_free(ev->next_steps, TRUE);
  g_free(ev->next_steps_source);
  g_free(ev->booking_url);
  g_free(ev->booking_note);
  g_free(ev->booking_source);
  sv_eligibility_result_free(&ev->eligibility);
  g_free(ev);
  *evp = NULL;
}

struct sv_usvisa *sv_usvisa_new(void)
{
  struct sv_usvisa *v = g_new0(struct sv_usvisa, 1);
  v->vwp_resident = -1;
  return v;
}

void sv_usvisa_free(struct sv_usvisa **vp)
{
  if (vp == NULL || *vp == NULL)
    return;
  struct sv_usvisa *v = *vp;
  g_free(v->category);
  g_free(v->nationality);
  g_free(v->residence);
  g_free(v->post);
  g_free(v->entry_category);
  g_free(v->visa_issued_in);
  g_free(v->changing_from);
  g_free(v);
  *vp = NULL;
}

static void elig_reason_clear(gpointer p)
{
  struct sv_elig_reason *r = p;
  g_free(r->rule);
  g_free(r->text);
  g_free(r->cite);
}

struct sv_eligibility_result *sv_eligibility_result_new(void)
{
  struct sv_eligibility_result *r = g_new0(struct sv_eligibility_result, 1);
  r->outcome = SV_ELIG_INSUFFICIENT;
  r->reasons = g_array_new(FALSE, TRUE, sizeof(struct sv_elig_reason));
  g_array_set_clear_func(r->reasons, elig_reason_clear);
  r->documents = g_ptr_array_new_with_free_func(g_free);
  return r;
}

void sv_eligibility_result_free(struct sv_eligibility_result **rp)
{
  if (rp == NULL || *rp == NULL)
    return;
  struct sv_eligibility_result *r = *rp;
  g_free(r->ruleset);
  g_free(r->source);
  g_array_free(r->reasons, TRUE);
  g_ptr_array_free(r->documents, TRUE);
  g_free(r);
  *rp = NULL;
}

const char *sv_eligibility_str(enum sv_eligibility e)
{
  switch (e) {
  case SV_ELIGIBLE:
    return "eligible";
  case SV_NOT_ELIGIBLE:
    return "not-eligible";
  case SV_CONSULT_LAWYER:
    return "consult-lawyer";
  case SV_ELIG_NEEDS_REVIEW:
    return "needs-review";
  case SV_ELIG_INSUFFICIENT:
    return "insufficient-evidence";
  }
  return "insufficient-evidence";
}

const char *sv_doc_status_str(enum sv_doc_status s)
{
  switch (s) {
  case SV_DOC_OK:
    return "ok";
  case SV_DOC_SKIPPED:
    return "skipped";
  case SV_DOC_FAILED:
    return "failed";
  }
  return "failed";
}

const char *sv_doc_kind_str(enum sv_doc_kind k)
{
  switch (k) {
  case SV_KIND_UNKNOWN:
    return "unknown";
  case SV_KIND_BANK_STATEMENT:
    return "bank-statement";
  case SV_KIND_DEED:
    return "deed";
  case SV_KIND_INCOME_LETTER:
    return "income-letter";
  case SV_KIND_LETTER:
    return "letter";
  case SV_KIND_US_STATUS:
    return "us-status";
  }
  return "unknown";
}

const char *sv_us_form_str(enum sv_us_form f)
{
  switch (f) {
  case SV_US_FORM_I797:
    return "i-797";
  case SV_US_FORM_I94:
    return "i-94";
  case SV_US_FORM_EAD:
    return "ead";
  case SV_US_FORM_VISA:
    return "us-visa";
  }
  return "i-797";
}

const char *sv_outcome_str(enum sv_outcome o)
{
  switch (o) {
  case SV_OUTCOME_MEETS:
    return "meets";
  case SV_OUTCOME_NEEDS_REVIEW:
    return "needs-review";
  case SV_OUTCOME_INSUFFICIENT:
    return "insufficient-evidence";
  case SV_OUTCOME_NOT_MET:
    return "not-met";
  case SV_OUTCOME_NOT_APPLICABLE:
    return "not-applicable";
  }
  return "insufficient-evidence";
}

const char *sv_test_basis_str(enum sv_test_basis b)
{
  switch (b) {
  case SV_TEST_SAVINGS:
    return "savings";
  case SV_TEST_INCOME:
    return "income";
  case SV_TEST_PROPERTY:
    return "property";
  case SV_TEST_INVESTMENT:
    return "investment";
  }
  return "savings";
}

const char *sv_basis_str(enum sv_basis b)
{
  return b == SV_BASIS_CLOSING ? "closing" : "average-daily";
}

const char *sv_asset_kind_str(enum sv_asset_kind k)
{
  return k == SV_ASSET_INVESTMENT ? "investment" : "property";
}

const char *sv_text_source_str(enum sv_text_source t)
{
  switch (t) {
  case SV_TEXT_NONE:
    return "none";
  case SV_TEXT_LAYER:
    return "text-layer";
  case SV_TEXT_OCR:
    return "ocr";
  }
  return "none";
}

const char *sv_filetype_str(enum sv_filetype t)
{
  switch (t) {
  case SV_FILE_UNKNOWN:
    return "unknown";
  case SV_FILE_PDF:
    return "pdf";
  case SV_FILE_PNG:
    return "png";
  case SV_FILE_JPEG:
    return "jpeg";
  case SV_FILE_TIFF:
    return "tiff";
  }
  return "unknown";
}

const char *sv_value_kind_str(enum sv_value_kind k)
{
  switch (k) {
  case SV_VALUE_PRICE:
    return "price";
  case SV_VALUE_APPRAISAL:
    return "appraisal";
  case SV_VALUE_CADASTRAL:
    return "cadastral";
  case SV_VALUE_INVESTMENT:
    return "investment";
  }
  return "price";
}

const char *sv_frequency_str(enum sv_frequency f)
{
  switch (f) {
  case SV_FREQ_MONTHLY:
    return "monthly";
  case SV_FREQ_WEEKLY:
    return "weekly";
  case SV_FREQ_FORTNIGHTLY:
    return "fortnightly";
  case SV_FREQ_SEMIMONTHLY:
    return "semimonthly";
  case SV_FREQ_ANNUAL:
    return "annual";
  }
  return "monthly";
}

const char *sv_currency_source_str(enum sv_currency_source s)
{
  switch (s) {
  case SV_CURRENCY_PRINTED:
    return "printed";
  case SV_CURRENCY_COUNTRY:
    return "country";
  case SV_CURRENCY_INFERRED:
    return "inferred";
  case SV_CURRENCY_NONE:
    break;
  }
  return "none";
}

const char *sv_income_basis_str(const struct sv_income_doc *inc)
{
  if (inc->net)
    return "net";
  return inc->gross_only ? "gross" : "unknown";
}

char *sv_mask_account(const char *number)
{
  if (number == NULL)
    return NULL;
  char last[5] = {0};
  size_t ndigits = 0;
  for (const char *p = number; *p != '\0'; p++) {
    if (!g_ascii_isdigit(*p))
      continue;
    memmove(last, last + 1, 3);
    last[3] = *p;
    ndigits++;
  }
  if (ndigits < 4)
    return NULL;
  return g_strdup_printf("****%s", last);
}

void sv_batch_entry_clear(struct sv_batch_entry *e)
{
  g_free((char *)e->case_id);
  g_free((char *)e->folder);
  g_free((char *)e->report);
  g_free((char *)e->error);
  g_free((char *)e->applicant);
  for (size_t k = 0; k < e->nstays; k++)
    g_free((char *)e->stays[k].id);
  g_free((struct sv_batch_stay *)e->stays);
  memset(e, 0, sizeof *e);
}
