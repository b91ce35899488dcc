#!/bin/bash
# slurm_e2e.sh FOIAMINE: the Slurm recipe for real, on a throw-away
# single-node cluster (deploy/slurm/slurm-local.sh: munged, slurmctld and
# slurmd in the background, no systemd).
#
# Submits deploy/slurm/submit.sh over corpus/drop with N=3 (a 3-task array
# plus a merge job with --dependency=afterok), waits by polling
# squeue/scontrol, and checks that the merged index has the same content
# digest (`status --json`) as one run on one machine. Stops the daemons it
# started, by their PIDs, on every exit path.
#
# Installs nothing. Exit 77 (skipped) when not root or when slurmctld,
# slurmd, munged or sbatch are missing (scripts/setup.sh installs them).
set -euo pipefail

BIN=${1:?usage: slurm_e2e.sh path/to/foiamine}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=3

if [ "$(id -u)" -ne 0 ]; then echo "SKIP: needs root (slurmd launches jobs as root)"; exit 77; fi
for tool in slurmctld slurmd munged munge sbatch squeue scontrol sinfo; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed (scripts/setup.sh)"; exit 77; }
done
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

t0=$(date +%s)
W=$(mktemp -d /tmp/foiamine-slurm-e2e.XXXXXX)
chmod 755 "$W"
# A cluster of our own: own state dir and ports, so a concurrent run (or a
# system Slurm) is not disturbed and is not what we stop.
export SLURM_LOCAL_DIR=$W/slurm
export SLURM_LOCAL_CTLD_PORT=$((20000 + ($$ % 2000) * 2))
export SLURM_LOCAL_SLURMD_PORT=$((SLURM_LOCAL_CTLD_PORT + 1))
export SLURM_LOCAL_TIMEOUT=45
SLURM_LOCAL=$ROOT/deploy/slurm/slurm-local.sh
cleanup() {
  local rc=$?
  bash "$SLURM_LOCAL" stop >/dev/null 2>&1 || true
  if [ "$rc" -eq 0 ]; then rm -rf "$W"; else echo "kept $W for inspection" >&2; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

digest() { "$BIN" status --json --db "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["digest"])'; }

cp -r "$ROOT/corpus/drop" "$W/drop"
"$BIN" run "$W/drop" --db "$W/single.db" --quiet >/dev/null || [ $? -eq 2 ]
want=$(digest "$W/single.db")

eval "$(bash "$SLURM_LOCAL" start)"   # exports SLURM_CONF
read -r array merge < <(FOIAMINE=$BIN bash "$ROOT/deploy/slurm/submit.sh" "$W/drop" "$W/out" "$N" "$W/index.db")
echo "submitted array job $array (N=$N) and merge job $merge"
# Poll (0.2 s) until the merge job has left the queue; then every task of the
# array and the merge must have COMPLETED.
ok=1
bash "$SLURM_LOCAL" wait "$merge" || ok=0
bash "$SLURM_LOCAL" wait "$array" || ok=0
if [ "$ok" -ne 1 ]; then
  echo "FAIL: a job did not complete"; tail -n 20 "$W"/out/slurm-*.out 2>/dev/null || true; exit 1
fi
for ((k = 0; k < N; k++)); do
  [ -s "$W/out/shard-$k.db" ] || { echo "FAIL: shard $k wrote no index"; exit 1; }
done
got=$(digest "$W/index.db")
docs=$("$BIN" status --json --db "$W/index.db" | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')
echo "single-machine digest $want"
echo "slurm $N shards+merge $got ($docs documents) in $(( $(date +%s) - t0 )) s"
[ "$got" = "$want" ] || { echo "FAIL: merged index differs from a single run"; exit 1; }
echo "slurm e2e ok"
