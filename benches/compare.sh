#!/usr/bin/env bash
# crosscheck against a Python notebook baseline (pysbd + regex + rapidfuzz) on the same
# generated sources, side by side in one run (medians of several runs each, on a corpus
# settled in the page cache). Not part of CI.
#
#   bash benches/compare.sh [N]        # N sources, default 300
#
# Needs python3 with venv and network access to PyPI: the script creates
# target/baseline-venv and installs pysbd, rapidfuzz and numpy into it on first use.
set -euo pipefail

N="${1:-300}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/target/baseline-venv"
CORPUS="$ROOT/target/compare-corpus-$N"

if ! "$VENV/bin/python" -c "import pysbd, rapidfuzz, numpy" 2>/dev/null; then
    echo "setting up $VENV (pip install pysbd rapidfuzz numpy)" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check pysbd rapidfuzz numpy
fi

cargo build --release --quiet --bin crosscheck --example gen_corpus
rm -rf "$CORPUS"
"$ROOT/target/release/examples/gen_corpus" --sources "$N" --out "$CORPUS"
# Settle the corpus before timing anything: right after the generator writes it, the
# first reader pays for the kernel's write-back of those pages (here 0.1-0.2 s of system
# time), which would be charged to whichever tool runs first.
sync
cat "$CORPUS"/*.txt > /dev/null

now() { date +%s.%N; }
median() { python3 -c "import statistics,sys; print(statistics.median(map(float, sys.argv[1:])))" "$@"; }
RUST_RUNS=5
PY_RUNS=3

# timed RUNS FIRST_OUT LATER_OUT CMD...: runs CMD RUNS times, stdout of the first run to
# FIRST_OUT and of the others to LATER_OUT; the wall times go to the array `times`.
timed() {
    local runs=$1 first=$2 later=$3 out t0 t1
    shift 3
    times=()
    for i in $(seq "$runs"); do
        out=$later
        [ "$i" = 1 ] && out=$first
        t0=$(now)
        "$@" > "$out" || true
        t1=$(now)
        times+=("$(python3 -c "print($t1 - $t0)")")
    done
}

echo
echo "== crosscheck report (release, $(nproc) cores): reads, segments, extracts, aligns, compares, renders JSON"
timed "$RUST_RUNS" "$CORPUS.report.json" "$CORPUS.report.json" \
    "$ROOT/target/release/crosscheck" report "$CORPUS" --format json
rust=$(median "${times[@]}")
printf "  runs   %s s\n" "$(printf '%.3f ' "${times[@]}")"
printf "  median %8.3f s\n" "$rust"
"$VENV/bin/python" "$ROOT/benches/baseline/baseline.py" --score-report "$CORPUS.report.json" "$CORPUS"

echo
echo "== Python baseline (pysbd + regex + rapidfuzz), one process per run"
timed "$PY_RUNS" /dev/stdout /dev/null "$VENV/bin/python" "$ROOT/benches/baseline/baseline.py" "$CORPUS"
py=$(median "${times[@]}")
printf "  runs (wall incl. interpreter start) %s s\n" "$(printf '%.2f ' "${times[@]}")"
printf "  median %8.2f s\n" "$py"

echo
printf "crosscheck %.3f s, Python baseline %.2f s (medians of %d and %d runs): crosscheck is %.0fx faster (target: at least 50x)\n" \
    "$rust" "$py" "$RUST_RUNS" "$PY_RUNS" "$(python3 -c "print($py / $rust)")"
