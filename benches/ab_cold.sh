#!/bin/bash
# Cold builds of several binaries on one corpus, alternating, as bench.py
# does them (public/ removed, the previous search-index/ left in place);
# with CLEAN=1 search-index/ is removed too. Prints each run's wall, user
# and system time, peak memory and --timings stage line.
#   benches/ab_cold.sh CORPUS_DIR ROUNDS BINARY...
set -u
dir=$1; rounds=$2; shift 2
cd "$dir"
for r in $(seq "$rounds"); do
  for b in "$@"; do
    rm -rf public
    [ "${CLEAN:-0}" = 1 ] && rm -rf search-index
    /usr/bin/time -f "$(basename "$b") %e s wall, %U s user, %S s sys, %M KB" \
      "$b" build --timings 2>&1 | grep -E 'wall|^timings'
  done
done
