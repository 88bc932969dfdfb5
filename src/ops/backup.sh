#!/usr/bin/env bash
# Backup of the Nestkaart database (the source of truth; the search index is rebuilt from it, never backed up):
#   src/ops/backup.sh DATABASE FILE.sql.gz
# A consistent snapshot while the service runs (InnoDB, --single-transaction). Connection: DB_HOST (127.0.0.1),
# DB_PORT (3306), DB_USER (root), password in MYSQL_PWD. Restore with src/ops/restore.sh.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 DATABASE FILE.sql.gz" >&2; exit 2; }
database=$1 file=$2
partial="$file.partial"
mariadb-dump --protocol=tcp -h "${DB_HOST:-127.0.0.1}" -P "${DB_PORT:-3306}" -u "${DB_USER:-root}" \
  --single-transaction --quick --routines --triggers --hex-blob --default-character-set=utf8mb4 \
  --databases "$database" | gzip > "$partial"
mv "$partial" "$file" # a file that exists is a complete backup
echo "backup of $database: $file ($(du -h "$file" | cut -f1))"
