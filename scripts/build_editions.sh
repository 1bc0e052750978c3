#!/usr/bin/env bash
# Rebuilds issue 12's training and validation editions from the corpus, or
# (--check) only checks the committed ones.
#
#   scripts/build_editions.sh           # rebuild both sets, then check them
#   scripts/build_editions.sh --check   # check only
#
# Training:   tests/corpus/train-*.json, seeds 1-64    -> tests/corpus/editions/train/edNN
# Validation: tests/corpus/valid-*.json, seeds 101-134 -> tests/corpus/editions/valid/edNNN
#
# Each edition is laid out by ../shared/layoutgen/newsgen.py (Chromium ->
# PDF -> pdftotext, pdftotext -layout, mutool, pdfminer). Only the four
# extracted texts, gold.json and check.json are kept; the PDF, HTML and page
# images are deleted. The check fails unless every seed's edition is there
# with all four extractions (non-empty) and its gold, and nothing else.
#
# Installs nothing. newsgen needs (Debian):
#   apt-get install -y chromium poppler-utils mupdf-tools python3-pdfminer \
#     fonts-arphic-gbsn00lp fonts-arphic-uming fonts-arphic-ukai \
#     fonts-arphic-gkai00mp fonts-wqy-zenhei fonts-wqy-microhei
# and never fonts-noto-cjk (see ../shared/layoutgen/README.md). About 15 s
# an edition on two cores: some 25 minutes for both sets.
set -euo pipefail
cd "$(dirname "$0")/.."

NEWSGEN=../shared/layoutgen/newsgen.py
EXTRACTIONS=(pdftotext.txt pdftotext-layout.txt mutool.txt pdfminer.txt)
KEEP=("${EXTRACTIONS[@]}" gold.json check.json)
# name, corpus glob, first seed, last seed
SETS=(
  "train tests/corpus/train-*.json 1 64"
  "valid tests/corpus/valid-*.json 101 134"
)

check_only=false
case "${1:-}" in
  "") ;;
  --check) check_only=true ;;
  -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

# Edition folder name of a seed, as newsgen writes it (ed01, ed101).
edition_name() { printf 'ed%02d' "$1"; }

# Checks one set's folder; prints each problem and returns 1 if any.
check_set() {
  local name=$1 first=$2 last=$3 dir=tests/corpus/editions/$1 bad=0 seed ed f
  if [[ ! -d $dir ]]; then
    echo "$dir: missing" >&2
    return 1
  fi
  for ((seed = first; seed <= last; seed++)); do
    ed=$dir/$(edition_name "$seed")
    if [[ ! -d $ed ]]; then
      echo "$ed: missing (seed $seed)" >&2
      bad=1
      continue
    fi
    for f in "${EXTRACTIONS[@]}" gold.json check.json; do
      if [[ ! -s $ed/$f ]]; then
        echo "$ed: no $f" >&2
        bad=1
      fi
    done
    for f in "$ed"/*; do
      local base keep=false k
      base=$(basename "$f")
      for k in "${KEEP[@]}"; do [[ $base == "$k" ]] && keep=true; done
      if ! $keep; then
        echo "$ed: $base should not be there (only ${KEEP[*]})" >&2
        bad=1
      fi
    done
  done
  for ed in "$dir"/*; do
    local n=${ed##*/ed}
    if [[ ! $n =~ ^[0-9]+$ ]] || ((10#$n < first || 10#$n > last)); then
      echo "$ed: not an edition of seeds $first-$last" >&2
      bad=1
    fi
  done
  if ((bad == 0)); then
    echo "$dir: $((last - first + 1)) editions, each with ${EXTRACTIONS[*]} and its gold"
  fi
  return $bad
}

# Builds one set into DIR.new, keeps only KEEP, then puts it in place.
build_set() {
  local name=$1 glob=$2 first=$3 last=$4 dir=tests/corpus/editions/$1
  local corpus=() args=() f
  # shellcheck disable=SC2206 # the glob is meant to expand
  corpus=($glob)
  if [[ ! -e ${corpus[0]} ]]; then
    echo "$name: no corpus file matches $glob" >&2
    return 1
  fi
  for f in "${corpus[@]}"; do args+=(--corpus "$f"); done
  rm -rf "$dir.new"
  echo "== $name: ${corpus[*]}, seeds $first-$last -> $dir"
  # newsgen needs an absolute output path (it hands Chromium a file URI).
  python3 "$NEWSGEN" "${args[@]}" --seeds "$first-$last" --out "$PWD/$dir.new"
  find "$dir.new" -mindepth 2 -type f \
    \( -name '*.pdf' -o -name '*.png' -o -name '*.html' \) -delete
  find "$dir.new" -mindepth 2 -type d -empty -delete
  rm -rf "$dir"
  mv "$dir.new" "$dir"
}

if ! $check_only; then
  missing=()
  for tool in python3 chromium pdftotext pdfinfo pdftoppm mutool pdf2txt; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if ((${#missing[@]})); then
    echo "missing programs: ${missing[*]}; newsgen needs (Debian):" >&2
    sed -n '18,21p' "$0" >&2
    exit 1
  fi
  [[ -f $NEWSGEN ]] || { echo "$NEWSGEN: not found (the shared folder beside the checkout)" >&2; exit 1; }
  for set in "${SETS[@]}"; do
    # shellcheck disable=SC2086 # split the set's fields
    build_set $set
  done
fi

status=0
for set in "${SETS[@]}"; do
  read -r name _ first last <<<"$set"
  check_set "$name" "$first" "$last" || status=1
done
exit $status
