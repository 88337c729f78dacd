#!/usr/bin/env bash
# Builds everything and runs the three test tiers: Domain (pure), Web (the app on a throwaway real
# PostgreSQL) and Browser (Playwright + Chromium against the app on a loopback port).
# The Web and Browser tiers get PostgreSQL through Testcontainers (Docker); where Docker cannot be had they use
# throwaway clusters of the machine's PostgreSQL binaries, and say so. INFUSIONCENTER_TEST_DB=cluster skips Docker.
# Installs what is missing first (PostgreSQL, Chromium, Docker, the test image). Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

require_dotnet
ensure_postgres
ensure_chromium
ensure_test_database
cleanup_test_containers
trap 'cleanup_test_containers; stop_started_docker' EXIT
set -e
echo "==> building"
dotnet build InfusionCenter.sln -c Debug -nologo -v quiet -clp:ErrorsOnly
set +e

passed=0; failed=0; skipped=0; status=0
mkdir -p artifacts
for tier in Domain Web Browser; do
  echo "==> ${tier} tests"
  log="artifacts/test-${tier,,}.log"
  export INFUSIONCENTER_TEST_DB_REPORT="$PWD/artifacts/test-${tier,,}.database"
  rm -f "$INFUSIONCENTER_TEST_DB_REPORT"
  dotnet test "tests/InfusionCenter.${tier}.Tests/InfusionCenter.${tier}.Tests.csproj" -c Debug --no-build -nologo \
    --logger "console;verbosity=normal" >"$log" 2>&1
  code=$?
  # Show failures (name, message) and the tier's totals; the full log stays in artifacts/.
  grep -E "^\s+Failed [A-Za-z]|Error Message" -A3 "$log" | head -80
  total=$(grep -E "^Total tests:" "$log" | tail -1 | grep -oE "[0-9]+" || true)
  if [ -z "$total" ]; then
    echo "    no test summary from the ${tier} tier (exit ${code}); see ${log}"
    tail -20 "$log"
    status=1; continue
  fi
  count() { grep -E "^\s+$1:" "$log" | tail -1 | grep -oE "[0-9]+" || echo 0; }
  p=$(count Passed); f=$(count Failed); s=$(count Skipped)
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  engine=""
  [ -s "$INFUSIONCENTER_TEST_DB_REPORT" ] && engine=" on PostgreSQL from: $(head -1 "$INFUSIONCENTER_TEST_DB_REPORT")"
  echo "    ${tier}: ${p} passed, ${f} failed, ${s} skipped (of ${total})${engine}"
  [ "$code" -ne 0 ] && status=1
done

# Throwaway test clusters whose test process ended without deleting them (a test host can be ended before its exit
# handler runs): remove those no postgres runs on any more.
if command -v pgrep >/dev/null 2>&1; then
  for dir in "${TMPDIR:-/tmp}"/infusioncenter-test-pg-*; do
    [ -d "$dir" ] || continue
    pgrep -f -- "$(basename "$dir")" >/dev/null 2>&1 || rm -rf "$dir"
  done
fi

echo
echo "Screenshots from the browser tier: artifacts/screenshots/"
echo "Summary: ${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -gt 0 ] && status=1
exit $status
