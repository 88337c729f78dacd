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
