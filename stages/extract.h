/*
 * extract.h - document stage: read what a classified document states.
 *
 * Runs after classify.  For each document with text it runs the reader of
 * its kind from the reader table (stages/readers/readers.h): bank
 * statements fill doc->statement, income documents doc->income, deeds and
 * investment documents doc->deed.  The stage hands the readers the
 * worker's services (the re-read of a doubtful figure on OCR'd pages) and
 * records a problem on a document the reader could read nothing from; the
 * document stays OK, for evaluate and the report to explain.
 */
#ifndef SV_EXTRACT_H
#define SV_EXTRACT_H

#include "stage.h"

extern const struct sv_stage sv_extract_stage;

#endif
