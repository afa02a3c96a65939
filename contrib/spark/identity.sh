#!/usr/bin/env bash
# The identity test of the Spark job: on the fixture stories and on a generated corpus of
# several stories, Spark in local mode with 2 executor threads gives the findings of
# `crosscheck report` on the same inputs, compared as sorted JSON. Run from anywhere:
#
#     bash contrib/spark/identity.sh            # uses target/debug/crosscheck, builds it if missing
#
# Exact mode must match everywhere; the default story mode must match on the fixtures and,
# on the generated corpus, in every figure finding (it compares no quote, credit or name
# across stories: see contrib/spark/README.md). The grouping is scored against the
# generator's answer key.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
bash contrib/spark/setup.sh
py=contrib/spark/.venv/bin/python
bin="${CROSSCHECK_BIN:-target/debug/crosscheck}"
[ -x "$bin" ] || cargo build --locked
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
sources="${IDENTITY_SOURCES:-150}"
cargo run --quiet --locked --example gen_corpus -- --sources "$sources" --stories 6 --out "$tmp/corpus"

check() { # name, inputs...
  local name=$1; shift
  "$bin" -q report --format json "$@" > "$tmp/$name.json"
  "$py" contrib/spark/crosscheck_spark.py --bin "$bin" --master 'local[2]' --mode both \
    --out "$tmp/$name-spark" "${answers[@]}" "$@" 2> "$tmp/$name-spark.log" > "$tmp/$name-summary.json" \
    || { cat "$tmp/$name-spark.log" >&2; exit 1; }
  mkdir -p "$tmp/$name-exact" && ln -s "$tmp/$name-spark/findings-exact" "$tmp/$name-exact/findings"
  echo "-- $name, exact mode"
  python3 contrib/spark/compare.py "$tmp/$name.json" "$tmp/$name-exact"
  echo "-- $name, story mode"
  python3 contrib/spark/compare.py "$tmp/$name.json" "$tmp/$name-spark" $strict
  python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print("   ", {k: s[k] for k in ("sources", "stories", "findings", "grouping")})' "$tmp/$name-summary.json"
}
answers=(); strict=""
check fixtures fixtures/
answers=(--answers "$tmp/corpus/answers.json"); strict="--stories"
check corpus "$tmp/corpus/"
echo "identity: ok"
