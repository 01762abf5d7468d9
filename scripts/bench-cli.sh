#!/usr/bin/env bash
# Times `lemniscaat entitlements` on a synthetic HR export (`lemniscaat sample-export`: eleven
# school years, repeated ids, mid-year changes, four-decimal wtfs, a few bad cells) at 100,000
# and 1,000,000 rows, by employee and shuffled, on one thread and on every core (release build).
# Usage: scripts/bench-cli.sh [ROWS...]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release --bin lemniscaat
bin=./target/release/lemniscaat
dir="${TMPDIR:-/tmp}"
for rows in "${@:-100000 1000000}"; do
  for order in employee shuffled; do
    csv="$dir/lemniscaat-export-$rows-$order.csv"
    [ -f "$csv" ] || "$bin" sample-export --rows "$rows" --order "$order" -o "$csv"
    for threads in 1 0; do
      for i in 1 2 3; do
        /usr/bin/time -f "$rows rows, $order, threads=$threads, run $i: %e s wall, %U s user, %M KiB max RSS" \
          "$bin" entitlements "$csv" --format csv --threads "$threads" -o /dev/null
      done
    done
  done
done
