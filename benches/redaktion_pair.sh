#!/bin/bash
# Save latency of the Redaktion, two binaries in turn on fresh copies of
# the 10,000-page corpus: prints each run's save -> reload times.
#
#     benches/redaktion_pair.sh OLD_BINARY NEW_BINARY [RUNS]
#
# Each run generates the corpus anew (the latency script edits it),
# starts `serve --edit` on it, waits for the find index and runs
# benches/redaktion_latency.py.
set -eu
old=$(realpath "$1") new=$(realpath "$2") runs=${3:-3}
here=$(cd "$(dirname "$0")" && pwd)
copy=$(mktemp -d)/corpus
trap 'rm -rf "$(dirname "$copy")"' EXIT
for i in $(seq "$runs"); do
  for which in old new; do
    bin=$old; [ "$which" = new ] && bin=$new
    rm -rf "$copy"
    python3 "$here/gen_corpus.py" --pages 10000 --seed 1 --out "$copy" >/dev/null
    (cd "$copy" && exec "$bin" serve --edit --port 8796 2> "$copy.err") &
    pid=$!
    for _ in $(seq 90); do grep -q "^Redaktion:" "$copy.err" 2>/dev/null && break; sleep 1; done
    sleep 8   # the find index is made in the background after the start
    out=$(timeout 300 python3 "$here/redaktion_latency.py" "$copy.err" 2>&1 || true)
    echo "$i $which $(echo "$out" | grep 'save to reload' | sed 's/ save to reload event://' | tr '\n' '|')"
    kill "$pid"; wait "$pid" 2>/dev/null || true; sleep 2
  done
done
