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
#include <stdbool.h>

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

/* Evidence crops (report_evidence.c).  The crop of the figure printed at
   page, box of the document source ("path#page") names, or NULL: none
   made, or --no-evidence. */
const struct sv_crop *sv_report_evidence(const struct sv_config *cfg,
                                         const struct sv_case *c,
                                         const char *source, int page,
                                         const struct sv_box *box);
/* The same for the crop of a name (what: "holder", "person") of document
   d, on a page from first to last (first 0: any page). */
const struct sv_crop *sv_report_name_evidence(const struct sv_config *cfg,
                                              const struct sv_case *c,
                                              const struct sv_doc *d,
                                              const char *what, int first,
                                              int last);
/* What @evidence says of cr: its path relative to OUT_DIR (owned). */
char *sv_report_evidence_path(const struct sv_case *c,
                              const struct sv_crop *cr);
/* Writes crops (of struct sv_crop *: those c's report names; NULL or
   empty for none) as OUT_DIR/<case-id>/evidence/NAME.png (mode 0600),
   replacing the folder of an earlier run whole: made in a temporary
   folder, then renamed; without crops (failed case, --no-evidence) the
   old folder is removed.  SV_WRITE with *err (owned) when it cannot. */
sv_status sv_report_write_evidence(const struct sv_config *cfg,
                                   const struct sv_case *c,
                                   const GPtrArray *crops, char **err);
/* Copies from_dir/<case-id>/evidence (a shard's) to out_dir the same
   way (solvency merge); none there gives none in out_dir. */
sv_status sv_report_copy_evidence(const char *from_dir, const char *out_dir,
                                  const char *case_id, char **err);
/* Removes OUT_DIR/<case-id>/evidence (a case folder that is gone). */
void sv_report_remove_evidence(const char *out_dir, const char *case_id);
/* Removes dir/name when it is a temporary folder of
   sv_report_write_evidence (".<id>.evidence.XXXXXX", ".<id>.old.XXXXXX")
   that a run killed while writing left; whether it did
   (sv_report_clean_temps calls it). */
bool sv_report_remove_evidence_temp(const char *dir, const char *name);

/* Removes the temporary files (".<name>.xml.XXXXXX", ".batch.csv.XXXXXX",
   ".journal.tsv.XXXXXX") and evidence folders an earlier run
   killed while writing left in dir; returns how many. */
size_t sv_report_clean_temps(const char *dir);

#endif
