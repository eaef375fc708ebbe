/*
 * merge.h - `solvency merge DIR... -o OUT_DIR`: joins the OUT_DIRs of a
 * sharded batch (--shard K/N, pipeline/shard.h) into one.
 *
 * Each DIR's batch.xml is read (validated against batch.xsd) and its
 * batch.csv; the shards must have been made with the same ruleset and tool
 * version, and no case id may appear in two of them.  The reports are
 * copied into OUT_DIR, and batch.xml and batch.csv are written with the
 * cases in case-id order: the same bytes a single run over all the case
 * folders writes.  Every file is written atomically, mode 0600.
 */
#ifndef SV_MERGE_H
#define SV_MERGE_H

/* The merge command; argv[0] is the program, argv[1] "merge".  Returns
   the exit status: 0 merged, 1 a shard is missing, malformed or in
   conflict (nothing of OUT_DIR is changed then but the reports already
   copied), 2 bad usage.  data_dir: where batch.xsd lives. */
int sv_merge_main(int argc, char **argv, const char *data_dir);

#endif
