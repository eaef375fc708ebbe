/*
 * journal.h - what a rerun over the same OUT_DIR may skip.
 *
 * OUT_DIR/journal.tsv holds, per case folder whose report was written, a
 * block: the settings that shaped the report (tool version, ruleset,
 * policy, as-of, the SHA-256 of the rates file and of every file of the
 * data folder, page and pixel limits: one digest made by main), the
 * SHA-256 of case.xml, each input file's path, stamp (size, modification
 * and change times, inode: stamp.h) and SHA-256 (as ingest read it), the
 * report's name and SHA-256, and the case's line of batch.xml/batch.csv.
 * The collector appends a block once a report is in place (written, then
 * synced: a kill -9 leaves at worst a torn last block, which is ignored);
 * a case whose block is missing or torn is simply redone.
 *
 * A rerun skips a case when its block's settings digest, case id and
 * case.xml digest are the same, the report file is there with the
 * recorded digest and every evidence crop it names is there too (a
 * deleted evidence folder is made again), and the folder lists the same
 * files with the same bytes.  "The same bytes" is decided as git decides
 * it: the file's stamp is the recorded one (the change time cannot be
 * set back, so a file rewritten with its old size and modification time
 * is seen), or else its SHA-256 is (a touched or copied file costs a read,
 * not a redo; its new stamp is recorded).  --force redoes everything.
 * The skipped case's batch line comes from the block, so batch.xml and
 * batch.csv come out as a clean run's.  After a complete run, main
 * rewrites the journal with the blocks of this run's cases only, and
 * removes the reports, evidence folders and HTML pages of case folders no
 * longer there.
 *
 * Threads: sv_journal_open and sv_journal_compact on the main thread
 * before and after the engine; sv_journal_unchanged on the feeder (it
 * reads only what open loaded, and the input files); sv_journal_record
 * and sv_journal_keep on the collector only.
 */
#ifndef SV_JOURNAL_H
#define SV_JOURNAL_H

#include <glib.h>
#include <stdbool.h>

#include "model.h"
#include "status.h"

#define SV_JOURNAL_FILE "journal.tsv"

struct sv_journal;

/* Opens OUT_DIR's journal for a run whose settings digest is settings
   (copied): loads its blocks (with fresh, for --force, no case will be
   found unchanged), then opens it for appending (created 0600).  Returns
   owned, or NULL with *err (owned). */
struct sv_journal *sv_journal_open(const char *out_dir, const char *settings,
                                   bool fresh, char **err);
/* NULL-safe; clears *j. */
void sv_journal_free(struct sv_journal **j);

/* Whether case c (opened by ingest: id, folder, documents listed) is
   unchanged since its block and its report is in place; then *entry gets
   the case's batch line (owned strings: free with
   sv_batch_entry_clear).  A document is unchanged when its stamp is the
   one recorded and the recorded one vouches for it (stamp.h), or else
   when its bytes have the recorded SHA-256; when any document was
   hashed, *restamp gets the block again with the stamps found (owned,
   for sv_journal_keep), else NULL. */
bool sv_journal_unchanged(const struct sv_journal *j, const struct sv_case *c,
                          struct sv_batch_entry *entry, char **restamp);

/* Appends text (owned: a block from sv_journal_unchanged's *restamp) as
   folder's block; NULL-safe.  A write error is printed: the files are
   then hashed again next time. */
void sv_journal_keep(struct sv_journal *j, const char *folder, char *text);

/* Appends c's block (c's report written, entry its batch line).  A write
   error is returned in *err; the case is then simply redone next time. */
sv_status sv_journal_record(struct sv_journal *j, const struct sv_case *c,
                            const struct sv_batch_entry *entry, char **err);

/* The journal as it should be after a complete run: the latest block of
   each case of entries (sorted as batch.xml), nothing else.  Returns
   owned bytes to write atomically as SV_JOURNAL_FILE. */
GBytes *sv_journal_compact(const struct sv_journal *j,
                           const struct sv_batch_entry *entries, size_t n);

/* After a complete run: removes the reports of case folders that the
   journal knew but this run's entries do not have (the folder is gone),
   each only if it still has the digest recorded when it was written (a
   file someone changed or put there is left alone), with the report's
   evidence folder and HTML page (<case-id>.html, from --html).  Returns
   how many reports. */
size_t sv_journal_remove_stale(const struct sv_journal *j,
                               const struct sv_batch_entry *entries,
                               size_t n);

#endif
