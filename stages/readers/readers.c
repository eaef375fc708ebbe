/*
 * readers.c - the table of document readers (see readers.h).
 */
#include "readers.h"

#include "deed.h"
#include "income.h"
#include "statement.h"
#include "usstatus.h"

static bool read_statement(struct sv_doc *doc, const struct sv_services *svc)
{
  return sv_statement_read(doc, svc);
}

static bool read_deed(struct sv_doc *doc, const struct sv_services *svc)
{
  (void)svc;
  return sv_deed_read(doc);
}

static bool read_income(struct sv_doc *doc, const struct sv_services *svc)
{
  return sv_income_read(doc, svc);
}

static bool read_us_status(struct sv_doc *doc, const struct sv_services *svc)
{
  (void)svc;
  return sv_usstatus_read(doc);
}

static const struct {
  enum sv_doc_kind kind;
  bool (*read)(struct sv_doc *doc, const struct sv_services *svc);
  const char *nothing; /* the problem when the reader read nothing */
} readers[] = {
    {SV_KIND_BANK_STATEMENT, read_statement,
     "no figure could be read from this bank statement"},
    {SV_KIND_DEED, read_deed,
     "no property or investment value could be read from this deed"},
    {SV_KIND_INCOME_LETTER, read_income,
     "no income amount could be read from this letter"},
    {SV_KIND_US_STATUS, read_us_status,
     "no class or validity could be read from this status document"},
};

bool sv_readers_read(struct sv_doc *doc, const struct sv_services *svc,
                     const char **why)
{
  for (size_t i = 0; i < G_N_ELEMENTS(readers); i++) {
    if (readers[i].kind != doc->kind)
      continue;
    if (readers[i].read(doc, svc))
      return true;
    if (why != NULL)
      *why = readers[i].nothing;
    return false;
  }
  return true;
}
