#!/bin/bash
# submit.sh: index a drop on a Slurm cluster as an N-task job array plus a
# merge job that runs only when every shard succeeded.
#
#   deploy/slurm/submit.sh DROP OUT_DIR N [INDEX.db] [-- extra sbatch options]
#
#   DROP      the drop folder (or ZIP), on a file system all nodes see
#   OUT_DIR   where shard-K.db, the Slurm logs and (by default) index.db go
#   N         number of shards = array tasks (--array=0-(N-1))
#   INDEX.db  the merged index (default OUT_DIR/index.db)
# Env: FOIAMINE  the foiamine binary (default: `foiamine` on PATH), as the
#                compute nodes see it.
#
# Prints "ARRAY_JOB_ID MERGE_JOB_ID" on stdout. The merge job depends on the
# array with --dependency=afterok:ARRAY_JOB_ID and runs
#   foiamine merge OUT_DIR/shard-0.db ... OUT_DIR/shard-(N-1).db --into INDEX.db
set -euo pipefail

usage() { sed -n '2,17p' "$0" >&2; exit 2; }
[ $# -ge 3 ] || usage
DROP=$1 OUT_DIR=$2 N=$3
shift 3
INDEX=$OUT_DIR/index.db
if [ $# -gt 0 ] && [ "$1" != "--" ]; then INDEX=$1; shift; fi
[ "${1:-}" = "--" ] && shift
EXTRA=("$@")
case $N in ''|*[!0-9]*) echo "submit.sh: N must be a positive integer" >&2; exit 2 ;; esac
[ "$N" -ge 1 ] || { echo "submit.sh: N must be at least 1" >&2; exit 2; }
[ -e "$DROP" ] || { echo "submit.sh: no drop at $DROP" >&2; exit 2; }

HERE=$(cd "$(dirname "$0")" && pwd)
FOIAMINE=${FOIAMINE:-$(command -v foiamine || echo foiamine)}
DROP=$(cd "$(dirname "$DROP")" && pwd)/$(basename "$DROP")
mkdir -p "$OUT_DIR"
OUT_DIR=$(cd "$OUT_DIR" && pwd)
case $INDEX in /*) ;; *) INDEX=$(pwd)/$INDEX ;; esac

array=$(sbatch --parsable --array="0-$((N - 1))" --chdir="$OUT_DIR" \
    --output="$OUT_DIR/slurm-%A_%a.out" "${EXTRA[@]}" \
    "$HERE/foiamine-array.sbatch" "$DROP" "$OUT_DIR" "$FOIAMINE")
array=${array%%;*}   # --parsable prints "jobid[;cluster]"

shards=()
for ((k = 0; k < N; k++)); do shards+=("$OUT_DIR/shard-$k.db"); done
printf -v merge_cmd '%q ' "$FOIAMINE" merge "${shards[@]}" --into "$INDEX"
merge=$(sbatch --parsable --job-name=foiamine-merge --dependency="afterok:$array" --kill-on-invalid-dep=yes \
    --chdir="$OUT_DIR" --output="$OUT_DIR/slurm-%j-merge.out" "${EXTRA[@]}" --wrap "$merge_cmd")
merge=${merge%%;*}
echo "$array $merge"
