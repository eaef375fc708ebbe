/*
 * shard.h - one machine's slice of a batch (--shard K/N).
 *
 * A batch larger than one machine runs as N shards on a scheduler (a Slurm
 * job array: scripts/slurm-array.sh; a Kubernetes indexed job), each into
 * its own OUT_DIR, joined afterwards by `solvency merge`.  Shard K of N
 * takes the case folders whose name's SHA-256, read as a number, is K-1
 * modulo N: disjoint, covering, deterministic, and stable when folders are
 * added (a folder keeps its shard, so each shard's rerun journal keeps
 * working).
 */
#ifndef SV_SHARD_H
#define SV_SHARD_H

#include <stdbool.h>

/* The shard to run: from arg ("K/N", 1 <= K <= N <= 100000; "auto/N"
   takes K from the environment) or, when arg is NULL, from the
   environment alone: SLURM_ARRAY_TASK_ID (minus SLURM_ARRAY_TASK_MIN when
   set, so arrays numbered from 0 or 1 both work) of
   SLURM_ARRAY_TASK_COUNT, or Kubernetes' 0-based JOB_COMPLETION_INDEX
   with N from "auto/N".  *k = *n = 0 when there is no shard (the whole
   batch).  False, with *err (owned), when arg or the environment is
   malformed. */
bool sv_shard_get(const char *arg, int *k, int *n, char **err);

/* Whether case folder name (its last path component) belongs to shard k
   of n (always true when n is 0). */
bool sv_shard_has(int k, int n, const char *folder);

#endif
