/*
 * ingest.h - first stage: find a case's files and know what they are.
 *
 * sv_ingest_open_case() runs on the feeder thread: it reads case.xml when
 * present (safely, validated by schemas/case.xsd) and walks the case folder
 * recursively, making one sv_doc per file, sorted by relative path.  The
 * document stage (sv_ingest_stage) then runs on a worker: it reads the file
 * into memory (bounded by SV_INGEST_MAX_BYTES), hashes it with SHA-256 and
 * identifies its type from its first bytes, never from its name.  Files it
 * cannot use are marked skipped or failed with the reason; they never stop
 * the case.
 */
#ifndef SV_INGEST_H
#define SV_INGEST_H

#include "stage.h"

/* Files larger than this are failed unread (a case holds scans, not
   archives). */
#define SV_INGEST_MAX_BYTES ((gint64)256 * 1024 * 1024)

extern const struct sv_stage sv_ingest_stage;

/* Identifies a file type from its first bytes (len may be short). */
enum sv_filetype sv_ingest_sniff(const guint8 *data, size_t len);

/* Opens the case folder `dir` (its name is the default id): reads case.xml,
   lists the files.  cfg supplies --as-of / today and the rules (to check
   requested stay ids).  Always returns owned *out (free with sv_case_free)
   unless the folder cannot be listed at all; problems in case.xml become
   case problems and the case goes on with defaults. */
sv_status sv_ingest_open_case(const struct sv_config *cfg, const char *dir,
                              struct sv_case **out);

#endif
