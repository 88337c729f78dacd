# Sourced by run.sh and test.sh: installs what the app and its tests need when it is missing.
# As root it uses apt-get (Debian/Ubuntu); as a normal user it uses sudo when that works without a
# password, and otherwise says exactly what to install.

_apt_updated=0

_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}

_apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: $* missing and this is not a Debian-like system (no apt-get); install it yourself." >&2
    return 1
  fi
  if [ "$_apt_updated" -eq 0 ]; then
    _as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || {
      echo "error: need root (or passwordless sudo) to install: $*" >&2; return 1; }
    _apt_updated=1
  fi
  echo "==> installing: $*"
  _as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH." >&2
    exit 1
  fi
}

# PostgreSQL server binaries (initdb, pg_ctl, postgres). The app runs its own private cluster from them;
# the Debian package's own 'main' cluster is not needed, so it is not created.
ensure_postgres() {
  if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" -eq 0 ] || (command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null); then
    _as_root mkdir -p /etc/postgresql-common
    if ! grep -qs '^create_main_cluster' /etc/postgresql-common/createcluster.conf; then
      echo "create_main_cluster = false" | _as_root tee -a /etc/postgresql-common/createcluster.conf >/dev/null
    fi
  fi
  _apt_install postgresql postgresql-contrib || {
    echo "error: PostgreSQL server binaries not found; install the 'postgresql' package." >&2; exit 1; }
}

# Debian's Chromium for the Playwright browser tests (Playwright's own browser download cannot work here).
ensure_chromium() {
  if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then return 0; fi
  _apt_install chromium fonts-liberation || {
    echo "error: Chromium not found at /usr/bin/chromium; install the 'chromium' package or set CHROMIUM_PATH." >&2; exit 1; }
}

# PostgreSQL for the Web and Browser test tiers: a container through Testcontainers when Docker can be had, else a
# throwaway cluster of the machine's own binaries. Installs Debian's docker.io when missing, starts dockerd when it is
# not running (stopped again by stop_started_docker), and, with no image registry reachable, builds the image locally
# from Debian packages once per machine (scripts/postgres-image/build.sh). Exports what the test fixtures read:
# INFUSIONCENTER_TEST_DB (docker|cluster) and INFUSIONCENTER_TEST_PG_IMAGE.
_started_dockerd=""
ensure_test_database() {
  if [ "${INFUSIONCENTER_TEST_DB:-}" = "cluster" ]; then
    echo "==> test database: throwaway PostgreSQL clusters (INFUSIONCENTER_TEST_DB=cluster)"; return 0
  fi
  local why
  why=$(_ensure_docker) || {
    echo "==> test database: Docker unavailable (${why}); the Web and Browser tiers use throwaway PostgreSQL clusters"
    export INFUSIONCENTER_TEST_DB=cluster; return 0; }
  local image="${INFUSIONCENTER_TEST_PG_IMAGE:-}"
  if [ -z "$image" ]; then
    if docker image inspect postgres:15 >/dev/null 2>&1 || timeout 120 docker pull -q postgres:15 >/dev/null 2>&1; then
      image=postgres:15
    else
      image=infusioncenter/postgres:15
      command -v debootstrap >/dev/null 2>&1 || _apt_install debootstrap || true
      if ! _as_root scripts/postgres-image/build.sh "$image"; then
        echo "==> test database: the local PostgreSQL image could not be built; the Web and Browser tiers use throwaway PostgreSQL clusters"
        export INFUSIONCENTER_TEST_DB=cluster; return 0
      fi
    fi
  fi
  export INFUSIONCENTER_TEST_DB=docker INFUSIONCENTER_TEST_PG_IMAGE="$image" TESTCONTAINERS_RYUK_DISABLED=true
  # Testcontainers speaks Docker API 1.44 unless told otherwise; Debian's docker.io (20.10) answers up to 1.41.
  export DOCKER_API_VERSION="${DOCKER_API_VERSION:-$(docker version -f '{{.Server.APIVersion}}' 2>/dev/null)}"
  [ -n "$DOCKER_API_VERSION" ] || unset DOCKER_API_VERSION
  echo "==> test database: Testcontainers on Docker $(docker version -f '{{.Server.Version}}' 2>/dev/null), image ${image}"
}

# Prints why Docker cannot be had (and fails), or makes sure the engine answers.
_ensure_docker() {
  docker info >/dev/null 2>&1 && return 0
  if ! command -v dockerd >/dev/null 2>&1; then
    _apt_install docker.io >/dev/null 2>&1 || { echo "docker.io could not be installed"; return 1; }
  fi
  if ! docker info >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then echo "the Docker engine does not answer and only root may start it"; return 1; fi
    # A dockerd that is starting or stopping: wait for it to answer or to be gone.
    for _ in $(seq 1 30); do
      pgrep -x dockerd >/dev/null 2>&1 || break
      docker info >/dev/null 2>&1 && return 0
      sleep 0.5
    done
    if pgrep -x dockerd >/dev/null 2>&1; then echo "dockerd runs but does not answer"; return 1; fi
    nohup dockerd >"${TMPDIR:-/tmp}/infusioncenter-dockerd.log" 2>&1 &
    echo $! >"${TMPDIR:-/tmp}/infusioncenter-dockerd.pid"
    for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
    docker info >/dev/null 2>&1 || { echo "dockerd did not start (see ${TMPDIR:-/tmp}/infusioncenter-dockerd.log)"; return 1; }
  fi
}

# Removes the test containers of ended or crashed test runs (label set by the fixtures), then stops dockerd if this
# script started it.
cleanup_test_containers() {
  command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1 || return 0
  local ids
  ids=$(docker ps -aq --filter label=org.infusioncenter.test 2>/dev/null)
  [ -n "$ids" ] && docker rm -f $ids >/dev/null 2>&1
  return 0
}

stop_started_docker() {
  local pidfile="${TMPDIR:-/tmp}/infusioncenter-dockerd.pid"
  [ -f "$pidfile" ] || return 0
  kill "$(cat "$pidfile")" 2>/dev/null
  rm -f "$pidfile"
}
