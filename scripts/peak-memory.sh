#!/usr/bin/env bash
# Peak memory and wall time of whole bangfu commands on the generated 5,000-case
# repository, as the README quotes them. Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/bangfu" ./cmd/bangfu
go run ./cmd/synth -n 5000 "$work/repo"
measure() {
  local what=$1; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "$what: wall %e s, peak RSS %M KiB" "$@" >/dev/null || true
  else
    echo "$what: /usr/bin/time not installed (apt-get install time)"
  fi
}
measure "validate 5000 cases" "$work/bangfu" -C "$work/repo" validate --today 2025-11-01
