/*
 * stages.c - the stage registry, in pipeline order.
 *
 * Document stages run on the workers for each file; case stages run on the
 * collector once a case's files are all back.  Adding a stage is one line
 * here and one module under stages/.
 */
#include "classify.h"
#include "crops.h"
#include "evaluate.h"
#include "extract.h"
#include "ingest.h"
#include "ocr.h"
#include "render.h"
#include "report.h"

const struct sv_stage *const sv_stages[] = {
    &sv_ingest_stage,   &sv_render_stage,   &sv_ocr_stage,
    &sv_classify_stage, &sv_extract_stage,  &sv_crops_stage,
    &sv_evaluate_stage,
    &sv_report_stage,   NULL,
};
