#!/usr/bin/env bash
# Install (if needed) and start Debian's PostgreSQL for accord's CI, then create a user and a
# database for the store tests. Idempotent: a second run only checks that everything is there.
#
# Prints one line on stdout, the URL to export:
#     export ACCORD_TEST_POSTGRES_URL="$(.ci/postgres.sh)"
# Everything else goes to stderr. Override the names with ACCORD_PG_USER, ACCORD_PG_PASSWORD and
# ACCORD_PG_DB. Needs root (or sudo) for apt-get and for acting as the postgres system user.
set -euo pipefail

PG_USER="${ACCORD_PG_USER:-accord}"
PG_PASSWORD="${ACCORD_PG_PASSWORD:-accord}"
PG_DB="${ACCORD_PG_DB:-accord_test}"

log() { echo "postgres.sh: $*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

as_postgres() { $SUDO runuser -u postgres -- "$@"; }

install_server() {
    if compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; then return; fi
    log "installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq >&2
    $SUDO apt-get install -y -qq --no-install-recommends postgresql >&2
}

# Prints "version cluster port status" of the newest cluster, creating one if there is none.
newest_cluster() {
    if [ -z "$(pg_lsclusters -h)" ]; then
        local version
        version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
        log "creating cluster $version/main"
        $SUDO pg_createcluster "$version" main >&2
    fi
    pg_lsclusters -h | sort -k1,1V | tail -n 1 | awk '{print $1, $2, $3, $4}'
}

start_cluster() {
    local version="$1" name="$2" status="$3"
    if [ "$status" != "online" ]; then
        log "starting cluster $version/$name"
        $SUDO pg_ctlcluster "$version" "$name" start >&2
    fi
}

create_user_and_db() {
    local port="$1"
    as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qAt >/dev/null <<SQL
DO \$\$BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE "$PG_USER" LOGIN PASSWORD '$PG_PASSWORD';
  ELSE
    ALTER ROLE "$PG_USER" LOGIN PASSWORD '$PG_PASSWORD';
  END IF;
END\$\$;
SQL
    if ! as_postgres psql -p "$port" -qAt -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" \
        | grep -q 1; then
        log "creating database $PG_DB"
        as_postgres createdb -p "$port" -O "$PG_USER" -E UTF8 -T template0 "$PG_DB"
    fi
}

install_server
read -r VERSION NAME PORT STATUS < <(newest_cluster)
start_cluster "$VERSION" "$NAME" "$STATUS"
create_user_and_db "$PORT"
echo "postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PORT/$PG_DB"
