#!/usr/bin/env bash
# Runs InfusionCenter on http://localhost:5080 (PORT=... to change) with its embedded PostgreSQL
# database under .data/postgres and the demo data. Ctrl+C or SIGTERM stops the app and its database.
# Set ConnectionStrings__InfusionCenter to use an existing PostgreSQL server instead.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

require_dotnet
if [ -z "${ConnectionStrings__InfusionCenter:-}" ]; then ensure_postgres; fi

echo "==> building"
dotnet build src/InfusionCenter.Web/InfusionCenter.Web.csproj -c Debug -nologo -v quiet -clp:ErrorsOnly

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:${PORT:-5080}}"
echo "==> starting InfusionCenter on ${ASPNETCORE_URLS} (${ASPNETCORE_ENVIRONMENT})"
cd src/InfusionCenter.Web
# exec: the app itself receives Ctrl+C/SIGTERM and stops its embedded database before exiting.
exec dotnet bin/Debug/net10.0/InfusionCenter.Web.dll
