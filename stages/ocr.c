/*
 * ocr.c - document stage: pages without a text layer.
 *
 * Until recognition lands (the Tesseract engine per worker), a document
 * whose pages carry no text is skipped with a reason naming the pages, so
 * the report says plainly what was not read.  A PDF with some text pages
 * and some image pages keeps its text pages; the others are listed.
 */
#include "ocr.h"

static sv_status ocr_process(void *ctx, const struct sv_config *cfg,
                             struct sv_case *c, struct sv_doc *doc)
{
  (void)ctx;
  (void)cfg;
  (void)c;
  if (doc->type == SV_FILE_PNG || doc->type == SV_FILE_JPEG ||
      doc->type == SV_FILE_TIFF) {
    sv_doc_problem(doc, SV_DOC_SKIPPED, SV_NEEDS_OCR, "ocr", 0,
                   "needs OCR: a %s image has no text layer, and OCR is not "
                   "available in this version",
                   sv_filetype_str(doc->type));
    goto out;
  }
  GString *pages = g_string_new(NULL);
  int missing = 0;
  for (int i = 0; i < doc->npages; i++) {
    if (doc->pages[i].source != SV_TEXT_NONE)
      continue;
    if (missing++ > 0)
      g_string_append(pages, ", ");
    g_string_append_printf(pages, "%d", doc->pages[i].number);
  }
  if (missing == doc->npages && missing > 0)
    sv_doc_problem(doc, SV_DOC_SKIPPED, SV_NEEDS_OCR, "ocr", 0,
                   "needs OCR: no page has a text layer (pages %s), and OCR "
                   "is not available in this version",
                   pages->str);
  else if (missing > 0)
    sv_doc_problem(doc, SV_DOC_OK, SV_NEEDS_OCR, "ocr", 0,
                   "needs OCR: pages %s have no text layer and were not "
                   "read; the other pages were",
                   pages->str);
  g_string_free(pages, TRUE);
out:
  /* Pixels are not needed past this stage. */
  if (doc->bytes != NULL) {
    g_bytes_unref(doc->bytes);
    doc->bytes = NULL;
  }
  return SV_OK;
}

const struct sv_stage sv_ocr_stage = {
    .name = "ocr",
    .scope = SV_SCOPE_DOCUMENT,
    .process = ocr_process,
};
