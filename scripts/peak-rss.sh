#!/usr/bin/env bash
# peak-rss.sh - runs a command and reports the peak resident memory (VmHWM)
# of every solvency process it starts: the main process and each reader
# process (pipeline/isolate.h), sampled every 0.2 s.
#
#   bash scripts/peak-rss.sh solvency run ... 
#
# Prints "peak-rss: main N MB, largest reader M MB, readers K" on stderr
# after the command's own output; exits with the command's status.
set -uo pipefail
"$@" &
pid=$!
declare -A peak
while kill -0 "$pid" 2>/dev/null; do
  for p in $pid $(pgrep -P "$pid" 2>/dev/null); do
    hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$p/status" 2>/dev/null || true)
    [ -n "$hwm" ] || continue
    if [ -z "${peak[$p]:-}" ] || [ "$hwm" -gt "${peak[$p]}" ]; then peak[$p]=$hwm; fi
  done
  sleep 0.2
done
wait "$pid"
rc=$?
main=${peak[$pid]:-0}
largest=0
n=0
for p in "${!peak[@]}"; do
  [ "$p" = "$pid" ] && continue
  n=$((n + 1))
  [ "${peak[$p]}" -gt "$largest" ] && largest=${peak[$p]}
done
echo "peak-rss: main $((main / 1024)) MB, largest reader $((largest / 1024)) MB, readers $n" >&2
exit $rc
