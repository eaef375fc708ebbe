#!/usr/bin/env bash
# slurm-array.sh - submits a batch to Slurm as a job array of N shards and
# a dependent job that merges them.
#
#   bash scripts/slurm-array.sh CASES_ROOT OUT_ROOT N [solvency run options]
#
# Task K (1..N) runs `solvency run --shard auto/N` (K from Slurm's
# SLURM_ARRAY_TASK_ID) into OUT_ROOT/shard-K, its log in
# OUT_ROOT/shard-K.log, with -j the CPUs Slurm gave it and --max-memory
# its --mem when one was asked for (options given here come after, and
# win).  When every task has ended well (exit 0), `solvency merge` joins
# OUT_ROOT/shard-1 ... shard-N into OUT_ROOT/merged (log: merge.log);
# when one has not, the merge job is cancelled.  Each shard resumes on a
# rerun (its journal is in its own folder).  The tasks run in the folder
# sbatch was called from, so relative paths in the options are taken from
# there; the program, the cases and OUT_ROOT must be reachable from the
# nodes by the same paths.  Set SOLVENCY to the program's path (default:
# solvency on PATH) and pass sbatch options in SBATCH_OPTS (e.g.
# "--partition=batch --cpus-per-task=4").  Prints the two job ids.
#
# Status: run on a real single-node Slurm (Debian 12's slurm-wlm 22.05.8,
# munge 0.5.15; scripts/test-slurm.sh): 4 shards of the 26 sample cases
# and the merge complete with exit code 0, the merged folder equals one
# run's byte for byte, and failing shards get the merge job cancelled.
# (Its first real run found two faults, fixed since: a space split OUT_ROOT
# from /shard-K in every command, so each task failed with "only one
# CASES_ROOT is allowed", and the merge job then stayed pending for ever.)
# Not yet run on a multi-node cluster.
set -euo pipefail
if [ $# -lt 3 ]; then
  awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0" >&2
  exit 2
fi
cases=$(realpath "$1"); out=$(realpath -m "$2"); n=$3; shift 3
case "$n" in ''|*[!0-9]*|0*) echo "slurm-array.sh: N must be a number from 1" >&2; exit 2 ;; esac
solvency=${SOLVENCY:-$(command -v solvency || true)}
[ -n "$solvency" ] || { echo "slurm-array.sh: set SOLVENCY to the program" >&2; exit 2; }
mkdir -p "$out"
q() { printf ' %q' "$@"; }  # each word quoted, each after a space
# -j: the cores Slurm gave the task; --max-memory: its memory when --mem
# was asked for (options given to this script come after, and win).  The
# $SLURM_... are expanded by the task's shell, not here.
run_cmd="$(q "$solvency" run --shard "auto/$n" -q) -j \"\${SLURM_CPUS_ON_NODE:-0}\""
run_cmd+=" \${SLURM_MEM_PER_NODE:+--max-memory=\${SLURM_MEM_PER_NODE}M}"
run_cmd+="$(q "$@" "$cases" -o)$(q "$out")/shard-\$SLURM_ARRAY_TASK_ID"
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_OPTS:-} --array="1-$n" \
  --job-name=solvency --output="$out/shard-%a.log" --wrap "$run_cmd")
array=${array%%;*}
shards=()
for ((k = 1; k <= n; k++)); do shards+=("$out/shard-$k"); done
merge_cmd="$(q "$solvency" merge -q "${shards[@]}" -o "$out/merged")"
# --kill-on-invalid-dep: when a shard fails the merge job is cancelled
# rather than left pending (DependencyNeverSatisfied) for ever.
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_OPTS:-} --dependency="afterok:$array" \
  --kill-on-invalid-dep=yes \
  --job-name=solvency-merge --output="$out/merge.log" --wrap "$merge_cmd")
echo "array job $array ($n shards), merge job ${merge%%;*}: results in $out/merged"
