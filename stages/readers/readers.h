/*
 * readers.h - the table of document readers the extract stage runs.
 *
 * A reader turns a classified document's lines into what the model keeps
 * of that kind: a bank statement's figures (statement.h), an income
 * document's amounts (income.h), a deed's or investment's values
 * (deed.h), a US status document's class and validity
 * (usstatus.h).  Readers depend only on the text library (stages/text/) and
 * the data model, never on a stage; the extract stage depends on this one
 * table, never on a reader directly.  Adding a kind of document is one row
 * here and one module beside it.
 */
#ifndef SV_READERS_H
#define SV_READERS_H

#include <stdbool.h>

#include "../../pipeline/model.h"
#include "../../pipeline/service.h"

/* Runs the reader for doc->kind, if there is one.  Returns false when a
   reader ran and could read nothing, with *why (static string) set to the
   problem to record; true otherwise (also when no reader exists for the
   kind).  Borrows doc and svc. */
bool sv_readers_read(struct sv_doc *doc, const struct sv_services *svc,
                     const char **why);

#endif
