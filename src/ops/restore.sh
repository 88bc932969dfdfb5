#!/usr/bin/env bash
# Restore a backup made by src/ops/backup.sh into a database (created; refused if it exists and holds tables):
#   src/ops/restore.sh FILE.sql.gz DATABASE
# Then rebuild the search index of every replica from it:
#   DATASOURCES_DEFAULT_URL=jdbc:mariadb://HOST:PORT/DATABASE java -jar target/nestkaart.jar reindex
# (a replica started on the restored database also notices that its index is ahead of it and rebuilds by itself).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 FILE.sql.gz DATABASE" >&2; exit 2; }
file=$1 database=$2
db() { mariadb --protocol=tcp -h "${DB_HOST:-127.0.0.1}" -P "${DB_PORT:-3306}" -u "${DB_USER:-root}" "$@"; }
tables=$(db -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$database'")
[ "$tables" = 0 ] || { echo "database $database already holds $tables tables; restore into a new one" >&2; exit 1; }
db -e "CREATE DATABASE IF NOT EXISTS \`$database\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
# The dump names its own database (USE `...`); load it into the one asked for instead.
gunzip -c "$file" | sed -E '/^(CREATE DATABASE|USE) /d' | db "$database"
echo "restored $file into $database; now run: java -jar target/nestkaart.jar reindex (with DATASOURCES_DEFAULT_URL)"
