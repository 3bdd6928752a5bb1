#!/usr/bin/env bash
# tools/run-fuzzers.sh — build the libFuzzer targets and run each for a while
#
#   bash tools/run-fuzzers.sh [TARGET…]      e.g. fuzz-format fuzz-csv fuzz-xlsx
#
# Sets up _build-fuzz/ with clang and -Dfuzzing=true (instrumented core,
# ASan + UBSan), builds only the fuzz targets, and runs them as the `fuzz`
# suite of that build: each for $FUZZ_SECONDS seconds (default 60), or
# for $FUZZ_RUNS inputs from the fixed seed $FUZZ_SEED when set, on a
# copy of its seeds from tests/fuzz/corpus/, which stay untouched. Exits
# nonzero on any crash, leak, timeout or out-of-memory, after printing the
# reproducer's path; exits 2 when the build itself fails.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -uo pipefail

readonly FUZZ_BUILD_DIR=_build-fuzz
readonly FUZZ_TARGETS=(fuzz-format fuzz-csv fuzz-xlsx)

say ()
{
  printf 'run-fuzzers: %s\n' "$*" >&2
}

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2

command -v clang >/dev/null 2>&1 \
  || { say "clang is not installed (Debian: apt-get install clang libclang-rt-14-dev)"; exit 2; }

# The compiler of a build directory is fixed when it is first set up: a
# directory set up with another compiler is set up again from scratch.
uses_clang ()
{
  meson introspect --compilers "$FUZZ_BUILD_DIR" 2>/dev/null \
    | python3 -c 'import json, sys; sys.exit(json.load(sys.stdin)["host"]["c"]["id"] != "clang")'
}

setup ()
{
  # No GUI: only the core is fuzzed, and GTK would only slow the setup.
  local options=(-Dfuzzing=true -Dgui=disabled -Dbuildtype=debugoptimized)

  if [ -f "$FUZZ_BUILD_DIR/meson-private/coredata.dat" ] && uses_clang; then
    CC=clang meson setup --reconfigure "$FUZZ_BUILD_DIR" "${options[@]}" \
      || CC=clang meson setup --wipe "$FUZZ_BUILD_DIR" "${options[@]}"
  else
    rm -rf "$FUZZ_BUILD_DIR"
    CC=clang meson setup "$FUZZ_BUILD_DIR" "${options[@]}"
  fi
}

targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=("${FUZZ_TARGETS[@]}")

say "setting up $FUZZ_BUILD_DIR/ (clang, libFuzzer, ASan + UBSan)"
setup || { say "meson setup of $FUZZ_BUILD_DIR/ failed"; exit 2; }

# Only the fuzz targets (and the instrumented core they link): the rest of
# the project is built and tested in the other build directories.
say "building ${targets[*]}"
meson compile -C "$FUZZ_BUILD_DIR" "${targets[@]}" \
  || { say "the build in $FUZZ_BUILD_DIR/ failed"; exit 2; }

if [ -n "${FUZZ_RUNS:-}" ] || [ -n "${FUZZ_GATE:-}" ]; then
  say "fuzzing ${targets[*]}: ${FUZZ_RUNS:-a fixed number of} inputs each from seed ${FUZZ_SEED:-1}"
else
  say "fuzzing ${targets[*]} for ${FUZZ_SECONDS:-60} s each"
fi
# A previous run's results must not be counted again.
rm -f "$FUZZ_BUILD_DIR"/meson-logs/testlog*.json
# (meson test exits with the number of failures: 2 would read as a failed
# build, hence status 1 for any.)
status=0
meson test -C "$FUZZ_BUILD_DIR" --no-rebuild --print-errorlogs --suite fuzz "${targets[@]}" \
  || status=1
if [ "$status" -ne 0 ]; then
  say "a fuzzer failed; its reproducer is named above (\"reproducer: …\")."
  say "Keep it under tests/fuzz/crashers/TARGET-SHORT-NAME, then fix the bug."
fi
exit "$status"
