/*
 * report.h - case stage: writes the XML verdict report of one case.
 *
 * Runs on the collector thread.  The report is built with the libxml2
 * writer in memory (namespace urn:solvency:report:1, schemas/report.xsd),
 * then written to OUT_DIR/<case-id>.xml through a temporary file in the same
 * folder and rename(2), so a report appears whole or not at all.  Output
 * depends only on the case's content: documents in path order, months in
 * date order, no timestamps; so reports are byte-identical across runs and
 * across -j.
 */
#ifndef SV_REPORT_H
#define SV_REPORT_H

#include <glib.h>

#include "stage.h"

#define SV_REPORT_NS "urn:solvency:report:1"

extern const struct sv_stage sv_report_stage;

/* Builds the report of case c in memory.  Returns owned bytes (free with
   g_bytes_unref), never NULL. */
GBytes *sv_report_build(const struct sv_config *cfg, const struct sv_case *c);

/* Writes bytes to dir/name atomically (temp file in dir, fsync, rename).
   On failure returns SV_WRITE and sets *err (owned, g_free). */
sv_status sv_report_write_file(const char *dir, const char *name,
                               GBytes *bytes, char **err);

/* Builds OUT_DIR/batch.xml from entries (pipeline/model.h; sorted by case
   id by the caller)
   and writes it atomically. */
sv_status sv_report_write_batch(const struct sv_config *cfg,
                                const struct sv_batch_entry *entries,
                                size_t n, char **err);

/* Builds OUT_DIR/batch.csv from the same entries (report_csv.c) and
   writes it atomically, mode 0600: RFC 4180 (comma-separated, fields with
   a comma, quote, CR or LF quoted, quotes doubled, CRLF line ends), UTF-8
   without BOM, one header row, then one row per requested stay of each
   case (a case without stays, or that failed, gets one row with the stay
   columns empty).  Columns: case, folder, applicant, outcome (the
   case's), stay, stay_outcome, basis (savings|income|property|investment:
   the test that decided the stay), required_mxn, actual_mxn,
   lowest_month (YYYY-MM), lowest_mxn, review_reasons (reasons of the
   stay's needs-review tests), report.  Amounts in pesos with two
   decimals and no thousands separator. */
sv_status sv_report_write_batch_csv(const struct sv_config *cfg,
                                    const struct sv_batch_entry *entries,
                                    size_t n, char **err);

/* Removes the temporary files (".<name>.xml.XXXXXX", ".batch.csv.XXXXXX",
   ".journal.tsv.XXXXXX") an earlier run
   killed while writing left in dir; returns how many. */
size_t sv_report_clean_temps(const char *dir);

#endif
