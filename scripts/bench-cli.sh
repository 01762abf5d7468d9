#!/usr/bin/env bash
# Times `lemniscaat entitlements` on a generated CSV of 1,000,000 appointment rows (release build).
# Usage: scripts/bench-cli.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
csv="${TMPDIR:-/tmp}/lemniscaat-bench-$rows.csv"
python3 - "$rows" "$csv" <<'PY'
import random, sys
rows, path = int(sys.argv[1]), sys.argv[2]
random.seed(7)
with open(path, "w") as f:
    f.write("employee_id,category,wtf,start,end\n")
    n = e = 0
    while n < rows:
        e += 1
        for _ in range(random.choice([1, 1, 1, 2, 2, 3])):
            cat = random.choice(["teacher", "support"]) if random.random() < 0.95 else "management"
            wtf = random.choice(["1", "0.8", "0.6", "0.5", "0.4", "0.255"])
            start = f"20{random.randint(10, 24):02d}-{random.randint(1, 12):02d}-01"
            end = "" if random.random() < 0.6 else f"2025-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}"
            if end and end < start:
                end = ""
            f.write(f"E{e},{cat},{wtf},{start},{end}\n")
            n += 1
PY
cargo build -q --release --bin lemniscaat
for i in 1 2 3; do
  /usr/bin/time -f "run $i: %e s wall, %U s user, %M KiB max RSS" ./target/release/lemniscaat entitlements "$csv" --school-year 2024-2025 --format csv -o /dev/null
done
