#!/usr/bin/env bash
# Builds everything and runs the three test tiers: Domain (pure), Web (the app on a throwaway real
# PostgreSQL) and Browser (Playwright + Chromium against the app on a loopback port).
# Installs PostgreSQL and Chromium first when they are missing. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

require_dotnet
ensure_postgres
ensure_chromium
set -e
echo "==> building"
dotnet build InfusionCenter.sln -c Debug -nologo -v quiet -clp:ErrorsOnly
set +e

passed=0; failed=0; skipped=0; status=0
mkdir -p artifacts
for tier in Domain Web Browser; do
  echo "==> ${tier} tests"
  log="artifacts/test-${tier,,}.log"
  dotnet test "tests/InfusionCenter.${tier}.Tests/InfusionCenter.${tier}.Tests.csproj" -c Debug --no-build -nologo \
    --logger "console;verbosity=normal" 2>&1 | tee "$log" | grep -E "^\s*(Failed|Passed|Skipped) [A-Za-z]|Error Message|^(Passed|Failed)!|error" | grep -vE "^\s*Passed [A-Za-z]" || true
  code=${PIPESTATUS[0]}
  line=$(grep -E "^(Passed|Failed)!" "$log" | tail -1)
  if [ -z "$line" ]; then
    echo "    no test summary from the ${tier} tier (exit ${code}); see ${log}"
    status=1; continue
  fi
  p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line"); f=$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line"); s=$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  echo "    ${tier}: ${p} passed, ${f} failed, ${s} skipped"
  [ "$code" -ne 0 ] && status=1
done

echo
echo "Screenshots from the browser tier: artifacts/screenshots/"
echo "Summary: ${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -gt 0 ] && status=1
exit $status
