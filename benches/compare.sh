#!/usr/bin/env bash
# crosscheck against a Python notebook baseline (pysbd + regex + rapidfuzz) on the same
# generated sources, side by side in one run. Not part of CI.
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

now() { date +%s.%N; }

echo
echo "== crosscheck report (release, $(nproc) cores): reads, segments, extracts, aligns, compares, renders JSON"
t0=$(now)
"$ROOT/target/release/crosscheck" report "$CORPUS" --format json > "$CORPUS.report.json" || true
t1=$(now)
rust=$(python3 -c "print($t1 - $t0)")
printf "  total %8.2f s\n" "$rust"
"$VENV/bin/python" "$ROOT/benches/baseline/baseline.py" --score-report "$CORPUS.report.json" "$CORPUS"

echo
echo "== Python baseline (pysbd + regex + rapidfuzz), one process"
t0=$(now)
"$VENV/bin/python" "$ROOT/benches/baseline/baseline.py" "$CORPUS"
t1=$(now)
py=$(python3 -c "print($t1 - $t0)")
printf "  wall incl. interpreter start %8.2f s\n" "$py"

echo
printf "crosscheck %.2f s, Python baseline %.2f s: crosscheck is %.0fx faster (target: at least 50x)\n" \
    "$rust" "$py" "$(python3 -c "print($py / $rust)")"
