/*
 * extract.c - document stage: run the reader of each document's kind (see
 * extract.h).
 */
#include "extract.h"

#include "readers/readers.h"

static bool has_text(const struct sv_doc *doc)
{
  for (int p = 0; p < doc->npages; p++)
    if (doc->pages[p].source != SV_TEXT_NONE && doc->pages[p].nlines > 0)
      return true;
  return false;
}

static sv_status extract_process(void *ctx, const struct sv_config *cfg,
                                 const struct sv_services *svc,
                                 struct sv_case *c, struct sv_doc *doc)
{
  (void)ctx;
  (void)cfg;
  (void)c;
  const char *why = NULL;
  if (doc == NULL || doc->status != SV_DOC_OK || !has_text(doc))
    return SV_OK;
  if (!sv_readers_read(doc, svc, &why))
    sv_doc_problem(doc, SV_DOC_OK, SV_NOTFOUND, "extract", 0, "%s", why);
  return SV_OK;
}

const struct sv_stage sv_extract_stage = {
    .name = "extract",
    .scope = SV_SCOPE_DOCUMENT,
    .run_on_failed = false,
    .init = NULL,
    .process = extract_process,
    .fini = NULL,
};
