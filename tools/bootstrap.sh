#!/usr/bin/env bash
# tools/bootstrap.sh — from a fresh Debian 12 to a running or tested Shinchoku
#
#   bash tools/bootstrap.sh run [FILE…]   build, then open the window
#   bash tools/bootstrap.sh test          build, run the test suite twice
#                                         (plain, then ASan + UBSan), then
#                                         fuzz the file readers for a while
#
# Both modes first install the Debian packages that are missing (only then
# is root needed) and build in _build/. `test` prints as its very last line
# "N passed, N failed", counted over both runs and the fuzzers (one result
# per fuzz target), and exits nonzero when anything failed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -uo pipefail

readonly PACKAGES=(
  build-essential meson ninja-build pkg-config
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libjson-glib-dev libyajl-dev libxxhash-dev libcairo2-dev libpango1.0-dev libxlsxwriter-dev libminizip-dev
  gettext appstream desktop-file-utils gsettings-desktop-schemas libgtk-4-bin
  xvfb xauth dbus dbus-x11 fonts-noto-cjk imagemagick poppler-utils librsvg2-bin librsvg2-common
  python3 ca-certificates
  # tests/test-atspi.py: the accessibility bus, its Python client, keys
  at-spi2-core python3-pyatspi xdotool
  # libFuzzer and the sanitizer runtimes of the fuzz build (tools/run-fuzzers.sh)
  clang libclang-rt-14-dev
)

readonly BUILD_DIR=_build
readonly ASAN_BUILD_DIR=_build-asan
# Set up and run by tools/run-fuzzers.sh; its name is fixed there too.
readonly FUZZ_BUILD_DIR=_build-fuzz
readonly XVFB_SCREEN='-screen 0 1920x1080x24 -nolisten tcp'

say ()
{
  printf 'bootstrap: %s\n' "$*" >&2
}

die ()
{
  say "error: $*"
  exit 1
}

usage ()
{
  cat >&2 <<'EOF'
Usage: bash tools/bootstrap.sh run [FILE…]
       bash tools/bootstrap.sh test

  run   install what is missing, build in _build/ and open Shinchoku
        (needs a graphical session: DISPLAY or WAYLAND_DISPLAY)
  test  install what is missing, build, and run the test suite twice:
        in _build/ and in _build-asan/ (AddressSanitizer + UBSan); then
        run the fuzzers of tests/fuzz/ in _build-fuzz/ for FUZZ_SECONDS
        (default 60) each
EOF
}

is_debian_12 ()
{
  [ -r /etc/os-release ] || return 1
  # shellcheck disable=SC1091
  ( . /etc/os-release && [ "${ID:-}" = debian ] && [ "${VERSION_ID:-}" = 12 ] )
}

system_name ()
{
  # shellcheck disable=SC1091
  ( . /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-an unknown system}" ) \
    || echo "an unknown system"
}

missing_packages ()
{
  local pkg status
  for pkg in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = installed ] || printf '%s\n' "$pkg"
  done
}

install_packages ()
{
  command -v dpkg-query >/dev/null 2>&1 \
    || die "dpkg-query not found: this script sets up Debian 12 (bookworm) only"

  local missing
  mapfile -t missing < <(missing_packages)
  if [ "${#missing[@]}" -eq 0 ]; then
    say "all ${#PACKAGES[@]} Debian packages are installed"
    return 0
  fi

  say "missing packages: ${missing[*]}"
  is_debian_12 \
    || die "installing packages needs Debian 12 (bookworm); this is $(system_name)"
  [ "$(id -u)" -eq 0 ] \
    || die "installing packages needs root: run  sudo bash tools/bootstrap.sh ${MODE}"

  export DEBIAN_FRONTEND=noninteractive
  apt-get update || die "apt-get update failed"
  apt-get install -y --no-install-recommends "${missing[@]}" \
    || die "apt-get install failed"
}

# meson setup DIR [OPTIONS…]: configures a new build directory or
# reconfigures an existing one, so the script can run any number of times.
setup_build ()
{
  local dir=$1
  shift
  if [ -f "$dir/meson-private/coredata.dat" ]; then
    meson setup --reconfigure "$dir" "$@" \
      || meson setup --wipe "$dir" "$@"
  else
    meson setup "$dir" "$@"
  fi
}

build ()
{
  local dir=$1
  shift
  setup_build "$dir" "$@" && meson compile -C "$dir"
}

# Counts the results in the testlog*.json files of the given build
# directories: passed = OK + EXPECTEDFAIL, failed = FAIL + TIMEOUT + ERROR +
# UNEXPECTEDPASS (+ INTERRUPT), skipped counts as neither. Prints "P F".
count_results ()
{
  python3 - "$@" <<'EOF'
import glob, json, os, sys

passed = failed = 0
for build_dir in sys.argv[1:]:
    for path in sorted(glob.glob(os.path.join(build_dir, 'meson-logs', 'testlog*.json'))):
        with open(path, encoding='utf-8') as log:
            for line in log:
                line = line.strip()
                if not line:
                    continue
                result = json.loads(line).get('result')
                if result in ('OK', 'EXPECTEDFAIL'):
                    passed += 1
                elif result in ('FAIL', 'TIMEOUT', 'ERROR', 'UNEXPECTEDPASS', 'INTERRUPT'):
                    failed += 1
print(passed, failed)
EOF
}

# Lists every test that failed in the given build directories, with its
# result, time and the end of its output: CI keeps only the tail of the
# log, so what failed must be said again next to the counts.
report_failures ()
{
  python3 - "$@" <<'EOF'
import glob, json, os, sys

BAD = ('FAIL', 'TIMEOUT', 'ERROR', 'UNEXPECTEDPASS', 'INTERRUPT')
failures = []
for build_dir in sys.argv[1:]:
    for path in sorted(glob.glob(os.path.join(build_dir, 'meson-logs', 'testlog*.json'))):
        with open(path, encoding='utf-8') as log:
            for line in log:
                line = line.strip()
                if line:
                    test = json.loads(line)
                    if test.get('result') in BAD:
                        failures.append((os.path.basename(path), test))
if failures:
    print(f"bootstrap: {len(failures)} failed test(s):")
for log_name, test in failures:
    print(f"  {log_name}: {test.get('name')} {test.get('result')} "
          f"after {test.get('duration', 0):.1f} s")
    output = (test.get('stdout') or '') + (test.get('stderr') or '')
    for text in output.strip().splitlines()[-8:]:
        print(f"    | {text[:200]}")
EOF
}

run_tests ()
{
  # Results of an earlier invocation must not be counted again.
  rm -f "$BUILD_DIR"/meson-logs/testlog*.json "$ASAN_BUILD_DIR"/meson-logs/testlog*.json \
    "$FUZZ_BUILD_DIR"/meson-logs/testlog*.json

  local build_failures=0

  say "building in $BUILD_DIR/"
  if build "$BUILD_DIR"; then
    say "running the test suite in $BUILD_DIR/"
    xvfb-run -a -s "$XVFB_SCREEN" \
      meson test -C "$BUILD_DIR" --no-rebuild --print-errorlogs
  else
    say "the build in $BUILD_DIR/ failed: counted as one failure"
    build_failures=$((build_failures + 1))
  fi

  # The sanitizer build checks memory errors and undefined behaviour at run
  # time; compiler warnings are already fatal in the plain build above, and
  # the sanitizers make GCC warn about code it did not warn about before.
  say "building in $ASAN_BUILD_DIR/ with AddressSanitizer and UBSan"
  if build "$ASAN_BUILD_DIR" -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=false; then
    # GLib 2.74 still has its slice allocator, which hides heap errors from
    # ASan; always-malloc makes every block a real malloc().
    export G_SLICE=always-malloc
    export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    export LSAN_OPTIONS="suppressions=$PWD/tools/lsan.supp:print_suppressions=0"

    # The core and the CLI free everything they allocate: leaks are errors.
    say "running the core and cli suites in $ASAN_BUILD_DIR/ (leak detection on)"
    # Full stacks, so that the suppressions can match frames deep inside
    # third-party libraries. (Only here: the slow unwinder deadlocks with
    # Mesa's LLVM in the widget tests.)
    LSAN_OPTIONS="$LSAN_OPTIONS:fast_unwind_on_malloc=0" \
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:print_summary=1 \
      xvfb-run -a -s "$XVFB_SCREEN" \
      meson test -C "$ASAN_BUILD_DIR" --no-rebuild --print-errorlogs -t 4 \
        --logbase testlog-leaks --suite core --suite cli

    # GTK, fontconfig and the X libraries keep caches that are never freed
    # at exit, so leak reports there say nothing about Shinchoku; every
    # other ASan and UBSan check stays on.
    say "running the other suites in $ASAN_BUILD_DIR/ (leak detection off)"
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:print_summary=1 \
      xvfb-run -a -s "$XVFB_SCREEN" \
      meson test -C "$ASAN_BUILD_DIR" --no-rebuild --print-errorlogs -t 4 \
        --logbase testlog-noleaks --no-suite core --no-suite cli
  else
    say "the build in $ASAN_BUILD_DIR/ failed: counted as one failure"
    build_failures=$((build_failures + 1))
  fi

  # The file readers under libFuzzer: each target is one meson test of the
  # `fuzz` suite, so its result counts like any other test below.
  # The gate runs a fixed number of inputs from a fixed seed (about a
  # minute per target here; the numbers are in tests/fuzz/meson.build), so
  # that it gives the same verdict on every machine; FUZZ_SECONDS asks for
  # a timed run from fresh random seeds.
  if [ -z "${FUZZ_SECONDS:-}" ]; then
    export FUZZ_GATE=1 FUZZ_SEED="${FUZZ_SEED:-1}"
    say "fuzzing the file readers in $FUZZ_BUILD_DIR/ (a fixed number of inputs per target from seed $FUZZ_SEED)"
  else
    say "fuzzing the file readers in $FUZZ_BUILD_DIR/ ($FUZZ_SECONDS s per target)"
  fi
  bash tools/run-fuzzers.sh
  if [ $? -eq 2 ]; then
    say "the build in $FUZZ_BUILD_DIR/ failed: counted as one failure"
    build_failures=$((build_failures + 1))
  fi

  local counts passed failed
  counts=$(count_results "$BUILD_DIR" "$ASAN_BUILD_DIR" "$FUZZ_BUILD_DIR") \
    || counts="0 1"
  read -r passed failed <<<"$counts"
  report_failures "$BUILD_DIR" "$ASAN_BUILD_DIR" "$FUZZ_BUILD_DIR"
  failed=$((failed + build_failures))

  if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
    say "no test ran: counted as one failure"
    failed=1
  fi

  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

run_app ()
{
  build "$BUILD_DIR" || die "the build failed"

  local app="$BUILD_DIR/src/app/shinchoku"
  [ -x "$app" ] \
    || die "$app was not built (GTK 4 or libadwaita not found? see $BUILD_DIR/meson-logs/meson-log.txt)"

  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    say "no display: neither DISPLAY nor WAYLAND_DISPLAY is set."
    say "Shinchoku is a desktop application; run this command from a terminal"
    say "in your graphical session (sudo keeps DISPLAY). Without a display,"
    say "the command-line tool works:  $BUILD_DIR/src/cli/shinchoku-cli --help"
    exit 2
  fi

  say "starting $app"
  # Uninstalled: the schema and the compiled translations are in the build
  # directory (the staff's Japanese locale picks up po/ja there).
  GSETTINGS_SCHEMA_DIR="$PWD/$BUILD_DIR/data" \
  SHINCHOKU_LOCALEDIR="$PWD/$BUILD_DIR/po" \
    exec "$app" "$@"
}

MODE=${1:-}
case "$MODE" in
  run|test) shift ;;
  -h|--help) usage; exit 0 ;;
  *) usage; exit 1 ;;
esac

# Everything below works relative to the repository root.
cd "$(dirname "${BASH_SOURCE[0]}")/.." || die "cannot find the repository root"
if [ ! -f meson.build ] || [ ! -d src/core ]; then
  die "run this from a Shinchoku checkout"
fi

install_packages

case "$MODE" in
  run)
    run_app "$@"
    ;;
  test)
    [ "$#" -eq 0 ] || die "test takes no arguments"
    run_tests
    ;;
esac
