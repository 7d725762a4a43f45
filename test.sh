#!/usr/bin/env bash
# The one test command. Run from the repository root on Debian with the .NET 10 SDK, node 20 and npm:
#   ./test.sh
# It installs what the tests need (Debian's chromium and PostgreSQL server binaries, npm packages),
# builds the test projects in Release (tests/test-run.slnf: everything but the benchmarks), runs
# tests/Academy.Tests and then tests/Academy.E2E and ends with one line "N passed, N failed". Exit code 0 only if tests ran and none failed.
# A failed build, or a test project that crashes or times out without a summary, counts as 1 failure.
# Logs and .trx files go to TestResults/ (gitignored).
set -euo pipefail

cd "$(dirname "$0")"
ROOT="$(pwd)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DEBIAN_FRONTEND=noninteractive
export NPM_CONFIG_FUND=false
export NPM_CONFIG_AUDIT=false
export NPM_CONFIG_UPDATE_NOTIFIER=false

# Wall-clock limits per test project (each takes 7 to 8 minutes on an idle 2-core machine when run alone).
UNIT_TIMEOUT="${ACADEMY_UNIT_TIMEOUT:-14m}"
E2E_TIMEOUT="${ACADEMY_E2E_TIMEOUT:-14m}"

RESULTS="$ROOT/TestResults"
mkdir -p "$RESULTS"

log() { printf '==> %s\n' "$*" >&2; }
elapsed() { printf '%ss' "$((SECONDS - $1))"; }

# ---------------------------------------------------------------- system packages
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo -n -E "$@"
    else log "need root (or sudo) to run: $*"; return 1
    fi
}

apt_packages=()
if [ ! -x /usr/bin/chromium ]; then
    # A fresh image may have no fonts at all; Liberation gives pages real text metrics.
    apt_packages+=(chromium fonts-liberation)
fi
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    apt_packages+=(postgresql)
fi
if [ "${#apt_packages[@]}" -gt 0 ]; then
    t=$SECONDS
    log "installing Debian packages: ${apt_packages[*]}"
    as_root apt-get update -qq
    as_root apt-get install -y -qq --no-install-recommends \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
        "${apt_packages[@]}" >"$RESULTS/apt-install.log" 2>&1 \
        || { cat "$RESULTS/apt-install.log" >&2; exit 1; }
    log "apt-get install done in $(elapsed $t)"
fi
[ -x /usr/bin/chromium ] || { log "/usr/bin/chromium is still missing"; exit 1; }
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || { log "PostgreSQL server binaries are still missing"; exit 1; }

# ---------------------------------------------------------------- npm packages
# node_modules is stale when package-lock.json changed since the last `npm ci` done here.
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
stamp="node_modules/.academy-lock-sha256"
if [ ! -d node_modules ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
    t=$SECONDS
    log "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$lock_hash" >"$stamp"
    log "npm ci done in $(elapsed $t)"
fi
[ -f node_modules/axe-core/axe.min.js ] || { log "node_modules/axe-core/axe.min.js missing after npm ci"; exit 1; }

# ---------------------------------------------------------------- build
# Only the two test projects (and what they reference: the site and every module); the benchmarks are not run here.
t=$SECONDS
log "dotnet build tests/test-run.slnf -c Release"
if ! dotnet build tests/test-run.slnf -c Release -nologo -clp:ErrorsOnly; then
    log "build failed after $(elapsed $t) — no tests ran (counted as 1 failure)"
    echo "0 passed, 1 failed"
    exit 1
fi
log "build done in $(elapsed $t)"

# ---------------------------------------------------------------- tests
# One project after the other by default. ACADEMY_TEST_PARALLEL=1 runs them at the same time (14.5 and 16.8 minutes in
# all on 2 cores), but the unit tests then took up to 13.7 minutes, close to their limit, and timing-sensitive tests get
# less room.
total_passed=0
total_failed=0
total_ran=0

run_tests() { # name, timeout: runs one test project; its output goes to TestResults/<name>.log, its exit code to .rc
    local name="$1" limit="$2" out="$RESULTS/$1.log" rc=0 t=$SECONDS
    rm -f "$RESULTS/$name.trx" "$RESULTS/$name.rc"
    timeout --kill-after=30s "$limit" \
        dotnet test "tests/$name/$name.csproj" --no-build -c Release -nologo \
            --results-directory "$RESULTS" \
            --logger "trx;LogFileName=$name.trx" \
            --blame-hang-timeout 5m --blame-hang-dump-type none \
        >"$out" 2>&1 || rc=$?
    echo "$rc" >"$RESULTS/$name.rc"
    log "$name finished in $(elapsed $t) (exit $rc)"
}

summarise() { # name: adds the project's counts to the totals
    local name="$1" out="$RESULTS/$1.log" rc
    rc="$(cat "$RESULTS/$name.rc" 2>/dev/null || echo 1)"
    cat "$out" 2>/dev/null || true

    # The default (minimal) console logger prints failures in full and one summary line per test assembly:
    #   "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: ..."
    # (per-test results are in TestResults/<name>.trx).
    local summary failed passed total
    summary="$(grep -Eo 'Failed: *[0-9]+, Passed: *[0-9]+, Skipped: *[0-9]+, Total: *[0-9]+' "$out" || true)"
    if [ -z "$summary" ]; then
        log "$name: no test summary found (build, crash or timeout) — counted as 1 failure"
        total_failed=$((total_failed + 1))
        return 0
    fi
    while read -r line; do
        failed="$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line")"
        passed="$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")"
        total="$(sed -E 's/.*Total: *([0-9]+).*/\1/' <<<"$line")"
        total_failed=$((total_failed + failed))
        total_passed=$((total_passed + passed))
        total_ran=$((total_ran + total))
    done <<<"$summary"
    if [ "$rc" -ne 0 ] && [ "$(grep -Ec 'Failed: *[1-9]' <<<"$summary")" -eq 0 ]; then
        log "$name: dotnet test exited with $rc although no test failed — counted as 1 failure"
        total_failed=$((total_failed + 1))
    fi
}

t=$SECONDS
if [ "${ACADEMY_TEST_PARALLEL:-0}" != "1" ]; then
    log "dotnet test tests/Academy.Tests, then tests/Academy.E2E"
    run_tests Academy.Tests "$UNIT_TIMEOUT"
    run_tests Academy.E2E "$E2E_TIMEOUT"
else
    log "dotnet test tests/Academy.Tests and tests/Academy.E2E at the same time (logs in TestResults/)"
    run_tests Academy.E2E "$E2E_TIMEOUT" &
    e2e_job=$!
    run_tests Academy.Tests "$UNIT_TIMEOUT"
    wait "$e2e_job" || true
fi
log "tests done in $(elapsed $t)"
summarise Academy.Tests
summarise Academy.E2E

echo "$total_passed passed, $total_failed failed"
if [ "$total_failed" -ne 0 ] || [ "$total_ran" -eq 0 ] || [ "$total_passed" -eq 0 ]; then
    exit 1
fi
