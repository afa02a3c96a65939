#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the repo's own fixture stories: every article alone, and
# (for `pipeline`) each story's articles joined by NUL, which the target reads as separate
# sources. The corpus directories are not committed; libFuzzer adds to them as it runs.
set -euo pipefail
cd "$(dirname "$0")"
fixtures=../fixtures
for t in pipeline segment scale; do mkdir -p "corpus/$t"; done
for story in "$fixtures"/*/; do
  name=$(basename "$story")
  files=()
  for f in "$story"*.txt "$story"*.md; do
    [ -f "$f" ] || continue
    files+=("$f")
    base="$name-$(basename "$f")"
    cp "$f" "corpus/pipeline/$base"
    cp "$f" "corpus/segment/$base"
    # The scale target repeats its input; a paragraph is enough.
    head -c 600 "$f" >"corpus/scale/$base"
  done
  # Pairs and the first three of each story as multi-source inputs.
  for ((i = 0; i + 1 < ${#files[@]}; i++)); do
    { cat "${files[$i]}"; printf '\0'; cat "${files[$((i + 1))]}"; } >"corpus/pipeline/$name-pair-$i"
  done
  if [ ${#files[@]} -ge 3 ]; then
    { cat "${files[0]}"; printf '\0'; cat "${files[1]}"; printf '\0'; cat "${files[2]}"; } >"corpus/pipeline/$name-three"
  fi
done
# records: each story's `extract --format jsonl` lines (built from the root crate)
mkdir -p corpus/records
for story in "$fixtures"/*/; do
  name=$(basename "$story")
  cargo run -q --manifest-path ../Cargo.toml -- extract --format jsonl "$story" \
    >"corpus/records/$name.jsonl" 2>/dev/null || true
done
echo "seeded: $(ls corpus/records | wc -l) records, $(ls corpus/pipeline | wc -l) pipeline, $(ls corpus/segment | wc -l) segment, $(ls corpus/scale | wc -l) scale"
