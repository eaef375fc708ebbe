#!/usr/bin/env bash
# slurm-array.sh - submits a batch to Slurm as a job array of N shards and
# a dependent job that merges them.
#
#   bash scripts/slurm-array.sh CASES_ROOT OUT_ROOT N [solvency run options]
#
# Task K (1..N) runs `solvency run --shard K/N` (Slurm's array variables
# say which shard it is) into OUT_ROOT/shard-K; when every task has ended
# well, `solvency merge` joins them into OUT_ROOT/merged.  Each shard
# resumes on a rerun (its journal is in its own folder).  Set SOLVENCY to
# the program's path (default: solvency on PATH) and pass sbatch options
# in SBATCH_OPTS (e.g. "--partition=batch --cpus-per-task=4"; -j defaults
# to the task's cores).  Prints the two job ids.
#
# Status: written against sbatch's documented --array, --parsable and
# --dependency=afterok; the shard logic it relies on is tested
# (tests/e2e/test_sharded_batch.c), a run on a real Slurm is not yet.
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
cases=$(realpath "$1"); out=$(realpath -m "$2"); n=$3; shift 3
case "$n" in ''|*[!0-9]*) echo "slurm-array.sh: N must be a number" >&2; exit 2 ;; esac
solvency=${SOLVENCY:-$(command -v solvency || true)}
[ -n "$solvency" ] || { echo "slurm-array.sh: set SOLVENCY to the program" >&2; exit 2; }
mkdir -p "$out"
q() { printf '%q ' "$@"; }
run_cmd="$(q "$solvency" run --shard "auto/$n" -q "$@" "$cases") -o $(q "$out")/shard-\$SLURM_ARRAY_TASK_ID"
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_OPTS:-} --array="1-$n" \
  --job-name=solvency --output="$out/shard-%a.log" --wrap "$run_cmd")
array=${array%%;*}
merge_cmd="$(q "$solvency" merge -q) $(q "$out")/shard-*[0-9] -o $(q "$out/merged")"
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_OPTS:-} --dependency="afterok:$array" \
  --job-name=solvency-merge --output="$out/merge.log" --wrap "$merge_cmd")
echo "array job $array ($n shards), merge job ${merge%%;*}: results in $out/merged"
