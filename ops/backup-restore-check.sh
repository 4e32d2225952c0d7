#!/usr/bin/env bash
# Backs up a Todoke PostgreSQL database, restores the backup into a scratch database on the same
# server, and checks that the copy holds the same rows in every table and that every identity
# sequence would continue past the restored ids. Exits non-zero on any difference; the scratch
# database is dropped either way.
#
#   ops/backup-restore-check.sh postgres://user@host:5432/todoke [backup-file]
#
# The backup file (pg_dump's custom format) is kept when named, so the same command doubles as
# the nightly backup with a restore test. Needs pg_dump, pg_restore and psql of the server's
# major version or newer.
set -euo pipefail

url="${1:?usage: $0 postgres://user@host:port/database [backup-file]}"
keep="${2:-}"
base="${url%/*}"
name="${url##*/}"
scratch="${name}_restorecheck"
dump="${keep:-$(mktemp --suffix=.dump)}"

psql_q() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -t -A -v ON_ERROR_STOP=1 "$@"; }
cleanup() {
    psql_q "$base/postgres" -c "DROP DATABASE IF EXISTS \"$scratch\"" || true
    [[ -n "$keep" ]] || rm -f "$dump"
}
trap cleanup EXIT

pg_dump --format=custom --no-owner --file="$dump" "$url"
psql_q "$base/postgres" -c "DROP DATABASE IF EXISTS \"$scratch\""
psql_q "$base/postgres" -c "CREATE DATABASE \"$scratch\""
pg_restore --no-owner --exit-on-error --dbname="$base/$scratch" "$dump"

# Row counts of every table, one "table count" line each, in a stable order.
counts() {
    local tables
    tables=$(psql_q "$1" -c "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
    for t in $tables; do
        echo "$t $(psql_q "$1" -c "SELECT count(*) FROM \"$t\"")"
    done
}
original=$(counts "$url")
restored=$(counts "$base/$scratch")
if [[ "$original" != "$restored" ]]; then
    echo "backup-restore-check: the restored copy differs" >&2
    diff <(echo "$original") <(echo "$restored") >&2 || true
    exit 1
fi
if [[ -z "$original" ]]; then
    echo "backup-restore-check: no tables in $name (is it migrated?)" >&2
    exit 1
fi

# Identity columns: the next id of each must be beyond every restored id, or the first insert
# after a restore would collide.
stale=$(psql_q "$base/$scratch" -c "
    SELECT c.relname || '.' || a.attname
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND a.attidentity <> '' AND
          (xpath('/row/m/text()', query_to_xml(format('SELECT coalesce(max(%I), 0) AS m FROM %I',
                                                      a.attname, c.relname), false, true, '')))[1]::text::bigint
          > coalesce((SELECT last_value FROM pg_sequences
                      WHERE schemaname = 'public'
                        AND sequencename = pg_get_serial_sequence(c.relname, a.attname)::regclass::text), 0)")
if [[ -n "$stale" ]]; then
    echo "backup-restore-check: identity sequences behind their rows: $stale" >&2
    exit 1
fi
echo "backup-restore-check: $(echo "$original" | wc -l) tables restored with the same rows${keep:+ (backup kept in $keep)}"
