#!/usr/bin/env bash
# test-slurm.sh - scripts/slurm-array.sh on a real single-node Slurm.
#
#   bash scripts/test-slurm.sh SOLVENCY_BINARY
#
# Installs Debian's slurm-wlm and munge if they are missing (scripts/deps.sh),
# starts a private munged (its socket in a scratch folder), a slurmctld and
# a slurmd of this host alone (hostname -s, nproc cores; slurm.conf in the
# scratch folder, SLURM_CONF), and submits the sample cases as 4 shards
# with scripts/slurm-array.sh.  Checks that every array task and the merge
# job completed with exit code 0, that the shards are disjoint and cover
# every case, and that the merged folder holds exactly what one
# `solvency run` over all the cases writes, byte for byte (every report,
# batch.xml, batch.csv; journal.tsv is per run and the merge writes none).
# Then checks that a batch whose shards fail gets its merge job cancelled,
# not left pending, and (with SOLVENCY=/bin/echo) the exact command lines
# of a task and of the merge, -j and --max-memory from Slurm's allocation.  Stops the daemons it started and removes the scratch
# folder on any exit.
#
# Exit status: 0 passed, 1 failed, 2 usage, 77 skipped (Slurm could not
# be installed or started here; the reason is printed as "SKIPPED: ...").
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$(date +%s)
if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: bash scripts/test-slurm.sh SOLVENCY_BINARY" >&2
  exit 2
fi
bin=$(realpath "$1")
skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAILED: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || skip "not root (slurmctld, slurmd and munged are started here as root)"
need=(slurmctld slurmd sbatch squeue sinfo scontrol scancel munged munge)
have_all() { for c in "${need[@]}"; do command -v "$c" >/dev/null || return 1; done; }
if ! have_all; then
  bash scripts/deps.sh slurm-wlm munge ||
    skip "could not install slurm-wlm and munge with apt-get"
  have_all || skip "slurm-wlm and munge installed but ${need[*]} not all found"
fi
slurm_version=$(slurmd -V 2>/dev/null || true)

scratch=$(mktemp -d /tmp/sv-slurm.XXXXXX)
chmod 755 "$scratch" # munged (user munge) must reach its folder
pids=()              # pid files of the daemons started here
# The processes of our jobs: those whose environment has our SLURM_CONF
# (sbatch passes it on to every task).
job_pids() {
  local e
  for e in /proc/[0-9]*/environ; do
    grep -qzx "SLURM_CONF=$scratch/slurm.conf" "$e" 2>/dev/null || continue
    e=${e#/proc/}
    echo "${e%/environ}"
  done
}
exec 3>&2 4>&1 # the script's own stderr and stdout, for cleanup
cleanup() {
  local rc=$?
  exec 1>&4 2>&3 # a signal's trap may run inside a redirection: undo it
  set +e
  trap - EXIT INT TERM
  if [ -f "$scratch/slurmctld.pid" ]; then
    # cancel what is left of our jobs; Slurm kills their processes
    # (KillWait=2 after SIGTERM)
    local left
    left=$(squeue -h -o %A 2>/dev/null)
    if [ -n "$left" ]; then
      # shellcheck disable=SC2086
      scancel $left 2>/dev/null
      for _ in $(seq 1 40); do
        [ -z "$(squeue -h -o %A 2>/dev/null)" ] && break
        sleep 0.5
      done
    fi
  fi
  local f pid
  for f in "${pids[@]}"; do # slurmd, slurmctld, then munged
    pid=$(cat "$f" 2>/dev/null) || continue
    case "$pid" in '' | *[!0-9]*) continue ;; esac
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  done
  # a task that outlived its slurmstepd
  for pid in $(job_pids); do kill -9 "$pid" 2>/dev/null; done
  rm -rf "$scratch"
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 77 ]; then
    echo "test-slurm: FAILED (status $rc)" >&2
    rc=1
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Shows the tail of the daemons' logs (on a skip or a failure).
logs() {
  local f
  for f in "$scratch"/log/*.log "$scratch"/munge/munged.log; do
    [ -s "$f" ] || continue
    echo "--- $f (tail)" >&2
    tail -n 15 "$f" >&2
  done
}

# ---- munge: the key (the package's postinst makes one), a private munged
key=/etc/munge/munge.key
if [ ! -s "$key" ]; then
  install -d -o munge -g munge -m 0700 /etc/munge
  if command -v mungekey >/dev/null; then
    mungekey --create --keyfile="$key" || skip "mungekey could not create $key"
  else
    dd if=/dev/urandom of="$key" bs=1 count=1024 2>/dev/null
  fi
  chown munge:munge "$key"
  chmod 0400 "$key"
fi
install -d -o munge -g munge -m 0755 "$scratch/munge" # 0755: munged's rule for a socket dir
sock=$scratch/munge/munge.socket
runuser -u munge -- munged --socket="$sock" --pid-file="$scratch/munge/munged.pid" \
  --log-file="$scratch/munge/munged.log" --seed-file="$scratch/munge/munged.seed" 3>&- 4>&- ||
  { logs; skip "munged did not start"; }
pids=("$scratch/munge/munged.pid")
munge -S "$sock" -n | unmunge -S "$sock" >/dev/null ||
  { logs; skip "munge cannot encode and decode a credential"; }

# ---- slurm.conf for this host alone
host=$(hostname -s)
cpus=$(nproc)
mem=$(awk '/^MemTotal:/ { print int($2 / 1024 * 0.9) }' /proc/meminfo)
# two free TCP ports, from Slurm's own 6817/6818 on
port_free() { [ -z "$(ss -Htan "sport = :$1" 2>/dev/null)" ]; }
ports=()
for p in $(seq 6817 6899); do
  port_free "$p" && ports+=("$p")
  [ "${#ports[@]}" -eq 2 ] && break
done
[ "${#ports[@]}" -eq 2 ] || skip "no two free TCP ports in 6817-6899"
mkdir -p "$scratch"/{state,spool,log,out}
export SLURM_CONF=$scratch/slurm.conf
cat >"$SLURM_CONF" <<EOF
ClusterName=svtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=${ports[0]}
SlurmdPort=${ports[1]}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$sock
CredType=cred/munge
StateSaveLocation=$scratch/state
SlurmdSpoolDir=$scratch/spool
SlurmctldPidFile=$scratch/slurmctld.pid
SlurmdPidFile=$scratch/slurmd.pid
SlurmctldLogFile=$scratch/log/slurmctld.log
SlurmdLogFile=$scratch/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MinJobAge=600
KillWait=2
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF

# ---- the daemons; wait (60 s at most) for the node to be idle
slurmctld -i 3>&- 4>&- || { logs; skip "slurmctld did not start"; }
pids=("$scratch/slurmctld.pid" "${pids[@]}")
slurmd 3>&- 4>&- || { logs; skip "slurmd did not start"; }
pids=("$scratch/slurmd.pid" "${pids[@]}")
state=""
for _ in $(seq 1 120); do
  state=$(sinfo -h -n "$host" -o %T 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 0.5
done
[ "$state" = idle ] || { logs; skip "node $host not idle within 60 s (state: '${state:-none}')"; }
echo "== $slurm_version: node $host idle ($cpus CPUs, ${mem} MB), $(($(date +%s) - t0)) s"

# Waits (at most $1 s) until the queue is empty.
wait_queue() {
  local i
  for ((i = 0; i < $1 * 2; i++)); do
    [ -z "$(squeue -h -o %A)" ] && return 0
    sleep 0.5
  done
  squeue >&2
  return 1
}
# The state and exit code of each record of `scontrol show job $1`.
job_states() {
  scontrol -o show job "$1" |
    sed -n 's/.* JobState=\([A-Z_]*\) .* ExitCode=\([0-9:]*\) .*/\1 \2/p'
}

# ---- the batch as 4 shards and a merge
out=$scratch/out/slurm
opts=(--as-of 2026-11-15 --rates samples/rates.xml)
echo "== scripts/slurm-array.sh samples/cases OUT 4 ${opts[*]}"
submitted=$(SOLVENCY=$bin SBATCH_OPTS="--cpus-per-task=1 --time=10" \
  bash scripts/slurm-array.sh samples/cases "$out" 4 "${opts[@]}")
echo "$submitted"
array=$(sed -n 's/^array job \([0-9]*\) .*/\1/p' <<<"$submitted")
merge=$(sed -n 's/.*merge job \([0-9]*\):.*/\1/p' <<<"$submitted")
if [ -z "$array" ] || [ -z "$merge" ]; then fail "slurm-array.sh printed no job ids"; fi
wait_queue 300 || { logs; fail "the jobs did not end within 300 s"; }
t_slurm=$(($(date +%s) - t0))

states=$(job_states "$array"; job_states "$merge")
echo "$states" | sort | uniq -c | sed 's/^ */   jobs: /'
[ "$(grep -c . <<<"$states")" -eq 5 ] || fail "expected 5 job records (4 tasks, 1 merge), got: $states"
if grep -v -q '^COMPLETED 0:0$' <<<"$states"; then
  for f in "$out"/*.log; do echo "--- $f" >&2; cat "$f" >&2; done
  fail "a job did not complete with exit code 0"
fi
for f in "$out"/shard-{1..4}.log "$out"/merge.log; do
  [ -f "$f" ] || fail "no $f"
  if [ -s "$f" ]; then echo "--- $f" >&2; cat "$f" >&2; fail "$f is not empty (the runs are -q)"; fi
done
ncases=$(find samples/cases -mindepth 1 -maxdepth 1 -type d | wc -l)
total=0
for k in 1 2 3 4; do
  [ -f "$out/shard-$k/batch.xml" ] || fail "shard $k wrote no batch.xml"
  n=$(find "$out/shard-$k" -maxdepth 1 -name '*.xml' ! -name batch.xml | wc -l)
  [ "$n" -lt "$ncases" ] || fail "shard $k has every case, not a slice"
  echo "   shard $k: $n cases"
  total=$((total + n))
done
[ "$total" -eq "$ncases" ] || fail "the shards hold $total reports for $ncases cases"

# ---- one run over every case on this machine; the merge must equal it
echo "== solvency run over all $ncases cases on one machine (-j $cpus)"
"$bin" run -q -j "$cpus" "${opts[@]}" samples/cases -o "$scratch/out/single"
merged=$out/merged
for f in batch.xml batch.csv; do [ -s "$merged/$f" ] || fail "the merge wrote no $f"; done
nrep=$(find "$merged" -maxdepth 1 -name '*.xml' ! -name batch.xml | wc -l)
[ "$nrep" -eq "$ncases" ] || fail "the merge holds $nrep reports for $ncases cases"
[ ! -e "$merged/journal.tsv" ] || fail "the merge wrote a journal.tsv"
# everything but the single run's journal.tsv, byte for byte, nothing more
diff -r -x journal.tsv "$scratch/out/single" "$merged" ||
  fail "the merged batch differs from one run's"
echo "   merged = single run: $nrep reports, batch.xml, batch.csv identical"

# ---- shards that fail: the merge job is cancelled, not left pending
echo "== a batch whose shards fail (--ruleset no-such)"
bad=$scratch/out/bad
submitted=$(SOLVENCY=$bin SBATCH_OPTS="--cpus-per-task=1 --time=2" \
  bash scripts/slurm-array.sh samples/cases "$bad" 2 "${opts[@]}" --ruleset no-such)
array=$(sed -n 's/^array job \([0-9]*\) .*/\1/p' <<<"$submitted")
merge=$(sed -n 's/.*merge job \([0-9]*\):.*/\1/p' <<<"$submitted")
wait_queue 60 || fail "the merge job of a failed batch is still queued after 60 s"
states=$(job_states "$array")
[ "$(grep -c '^FAILED 2:0$' <<<"$states")" -eq 2 ] ||
  fail "the 2 shards should have failed with status 2: $states"
mstate=$(job_states "$merge")
case "$mstate" in CANCELLED*) ;; *) fail "the merge job should be cancelled: $mstate" ;; esac
[ ! -e "$bad/merged" ] || fail "a merge ran over failed shards"
grep -q "no-such" "$bad/shard-1.log" || fail "shard-1.log does not say why it failed"
echo "   shards FAILED 2:0, merge job $mstate"

# ---- the command lines the tasks run (SOLVENCY=echo prints them)
echo "== the command lines (SOLVENCY=/bin/echo, SBATCH_OPTS=--mem=1G)"
cmdl=$scratch/out/cmdline
SOLVENCY=/bin/echo SBATCH_OPTS="--cpus-per-task=1 --mem=1G --time=2" \
  bash scripts/slurm-array.sh samples/cases "$cmdl" 2 "${opts[@]}" -j 1 >/dev/null
wait_queue 60 || fail "the echo jobs did not end within 60 s"
want="run --shard auto/2 -q -j 1 --max-memory=1024M ${opts[*]} -j 1 $PWD/samples/cases -o $cmdl/shard-2"
[ "$(cat "$cmdl/shard-2.log")" = "$want" ] ||
  fail "task 2 ran '$(cat "$cmdl/shard-2.log")', not '$want'"
want="merge -q $cmdl/shard-1 $cmdl/shard-2 -o $cmdl/merged"
[ "$(cat "$cmdl/merge.log")" = "$want" ] ||
  fail "the merge job ran '$(cat "$cmdl/merge.log")', not '$want'"
echo "   task 2: solvency $(cat "$cmdl/shard-2.log")"
echo "   merge:  solvency $(cat "$cmdl/merge.log")"

echo "test-slurm: passed ($slurm_version, 1 node, $cpus CPUs): sharded batch in ${t_slurm} s, whole test $(($(date +%s) - t0)) s"
