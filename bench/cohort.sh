#!/usr/bin/env bash
# ./lsr cohort against predict-slide on the same slides, in one run (docs/COHORT.md).
# usage: bench/cohort.sh [OUT_DIR] [SIZE] [MASTER]
#   OUT_DIR: model, slides, outputs and logs (default bench-output/cohort)
#   SIZE: width of the two synthetic slides, height three quarters of it (default 4000); CMU-1 is the third slide
#   MASTER: the cohort's Spark master (default local[2]: this machine's two cores)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/bench-output/cohort}"
size="${2:-4000}"
master="${3:-local[2]}"
cores="$(nproc)"
lsr="$here/lsr"
mkdir -p "$out/slides"
cd "$out"
now() { date +%s.%N; }

# The default U-Net (depth 3, 16 filters): its speed does not depend on how far it trained.
if [ ! -f model/model.json ]; then
	"$lsr" synth --out synth --images 4 --test 1 --size 256 > /dev/null
	"$lsr" train --data synth --loss intra --steps 5 --out model > /dev/null
fi
for seed in 1 2; do
	[ -f "slides/synth-$seed.tif" ] || "$lsr" make-slide --out "slides/synth-$seed.tif" --size "$size" --height $((size * 3 / 4)) --seed "$seed" > /dev/null
done
cp -n "$here/sample-data/slides/CMU-1-Small-Region.svs" slides/
"$lsr" cohort --help > /dev/null # builds spark/ before anything is timed
rm -rf predict-slide cohort

t0=$(now)
for s in slides/*; do
	"$lsr" predict-slide --model model --slide "$s" --out predict-slide | grep -E "MPix/s"
done > predict-slide.log
t1=$(now)
"$lsr" cohort --model model --slides slides --out cohort --master "$master" > cohort.log
t2=$(now)

python3 - "$t0" "$t1" "$t2" "$cores" <<'PY'
import csv, re, sys
t0, t1, t2, cores = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
rows = list(csv.DictReader(open("cohort/cohort.csv")))
px = sum(int(r["width"]) * int(r["height"]) for r in rows if r["status"] == "done")
ps_lines = open("predict-slide.log").read().splitlines()
ps_in = sum(float(re.search(r" in ([\d.]+) s", l).group(1)) for l in ps_lines)
tiles = sum(int(re.search(r"(\d+) tiles", l).group(1)) for l in ps_lines)
skipped = sum(int(re.search(r"\((\d+) without", l).group(1)) for l in ps_lines)
log = open("cohort.log").read()
ready = float(re.search(r"ready ([\d.]+) s after", log).group(1))
predicting = float(re.search(r"\(([\d.]+) s predicting\)", log).group(1))
total = float(re.search(r"slides in ([\d.]+) s", log).group(1))
ps_wall, co_wall = t1 - t0, t2 - t1
print(f"slides: {len(rows)}, {px / 1e6:.1f} MPix, {tiles} tiles of which {skipped} without tissue skipped; {cores} cores")
print(f"predict-slide, one process per slide: {ps_wall:.1f} s wall, {ps_in:.1f} s predicting: {px / 1e6 / ps_wall:.2f} MPix/s wall, {px / 1e6 / ps_in:.2f} MPix/s predicting")
print(f"lsr cohort: {co_wall:.1f} s wall = Spark ready after {ready:.1f} s + {predicting:.1f} s predicting + {total - predicting:.1f} s planning and tables + JVM exit")
print(f"throughput ratio cohort / predict-slide: wall {ps_wall / co_wall:.2f}, predicting {ps_in / predicting:.2f}")
rate = px / 1e6 / predicting / cores
tissue_rate = px * (1 - skipped / tiles) / 1e6 / predicting / cores
print(f"per-core rate in the cohort: {rate:.2f} MPix/s per core ({tissue_rate:.2f} MPix/s of tissue tiles per core)")
for n in (16, 64, 256, 1024):
    h = 1000 * 5000 * 0.4 / (tissue_rate * n) / 3600
    print(f"cost model, 1000 slides of 5 GPix with 40% tissue tiles on {n} cores: {h:.1f} h")
PY
