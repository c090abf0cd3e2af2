#!/usr/bin/env bash
# Wall time and peak memory (RSS) of whole bangfu commands on the generated
# 5,000-case repository, as the README quotes them. Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/bangfu" ./cmd/bangfu
go run ./cmd/synth -n 5000 "$work/repo"
measure() {
  local what=$1; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "$what: wall %e s, peak RSS %M KiB" "$@" >/dev/null 2>"$work/err" || true
    tail -1 "$work/err"
  else
    echo "$what: /usr/bin/time not installed (apt-get install time)"
  fi
}
measure "validate, 5,000 cases" "$work/bangfu" -C "$work/repo" validate --today 2025-11-01
measure "full build, 5,000 cases (17,802 documents + workbook)" "$work/bangfu" -C "$work/repo" build --quiet --today 2025-11-01
measure "build with nothing changed" "$work/bangfu" -C "$work/repo" build --quiet --today 2025-11-01
