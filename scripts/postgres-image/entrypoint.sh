#!/bin/sh
# Entrypoint of the locally built PostgreSQL 15 test image (scripts/postgres-image/build.sh). It behaves like the
# official image's for what Testcontainers uses: POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB create the cluster's
# superuser and database on first start, arguments starting with "-" are passed to postgres, and the server listens on
# TCP only once initialisation is over, so `pg_isready --host localhost` answers "ready" only when the database exists.
set -eu

if [ "${1#-}" != "$1" ]; then
  set -- postgres "$@"
fi

if [ "$1" = "postgres" ]; then
  shift
  : "${PGDATA:=/var/lib/postgresql/data}"
  user="${POSTGRES_USER:-postgres}"
  password="${POSTGRES_PASSWORD:-}"
  database="${POSTGRES_DB:-$user}"
  as_postgres="setpriv --reuid=postgres --regid=postgres --init-groups"
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"

  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    pwfile=$(mktemp)
    printf '%s\n' "$password" > "$pwfile"
    chown postgres "$pwfile"
    auth=trust
    [ -n "$password" ] && auth=scram-sha-256
    $as_postgres initdb -D "$PGDATA" -U "$user" --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host="$auth" >/dev/null
    rm -f "$pwfile"
    echo "host all all all $auth" >> "$PGDATA/pg_hba.conf"
    if [ "$database" != "postgres" ]; then
      # Single-user mode: no listener is up yet, so nobody sees a half-made cluster.
      echo "CREATE DATABASE \"$database\"" | $as_postgres postgres --single -D "$PGDATA" postgres >/dev/null
    fi
    echo "PostgreSQL init process complete; ready for start up."
  fi

  exec $as_postgres postgres -D "$PGDATA" -c listen_addresses='*' "$@"
fi

exec "$@"
