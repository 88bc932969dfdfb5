#!/usr/bin/env bash
# Soak: mixed search load at 80 % of measured capacity for a while, on loopback (see README, "Operations"):
#   src/bench/soak.sh [MINUTES] [SERVICES]      (default 10 minutes, 10000 generated services)
# Measures capacity (closed loop, 8 clients, 30 s), then drives an open-loop load at 80 % of it and writes one row per
# minute (p50/p95/p99, errors), with the heap after a full collection at the start and at the end (a leak grows it).
# Writes target/bench/soak.md. Needs the MariaDB the tests use and a built target/nestkaart.jar.
set -euo pipefail
cd "$(dirname "$0")/../.."
MINUTES=${1:-10}
SERVICES=${2:-10000}
PORT=${BENCH_PORT:-8391}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC}
OUT=${BENCH_OUT:-target/bench}
JAR=${BENCH_JAR:-target/nestkaart.jar}
DB=nestkaart_soak
BENCH=(java -cp "$JAR" src/bench/Bench.java)
[ -f "$JAR" ] || mvn -q -DskipTests package
mkdir -p "$OUT"
db() { mariadb --protocol=tcp -h127.0.0.1 -P3306 -uroot "$@"; }
export DATASOURCES_DEFAULT_URL="jdbc:mariadb://127.0.0.1:3306/$DB" NESTKAART_DATA_DIR="$OUT/soak-data"

db -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
rm -rf "$OUT/soak-data"
java -jar "$JAR" generate --services "$SERVICES" --seed 1 "$OUT/soak-dataset.json" >/dev/null
java -Xmx2g -jar "$JAR" import "$OUT/soak-dataset.json" > "$OUT/soak-import.log" 2>&1

MICRONAUT_SERVER_PORT=$PORT java $SERVER_JAVA_OPTS -jar "$JAR" > "$OUT/soak-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "localhost:$PORT/api/v1/search?q=depressie" >/dev/null; do
  kill -0 $SERVER 2>/dev/null || { tail -30 "$OUT/soak-server.log"; exit 1; }
  sleep 0.2
done
base="http://localhost:$PORT"
capacity=$("${BENCH[@]}" http "$base" 30 8 search 2>/dev/null | grep '^|' | awk -F'|' '{print $3}' | tr -d ' /s')
rate=$(python3 -c "print(round(0.8 * float('$capacity'), 1))")
# The heap in use after a full collection: every generation, not just the (then empty) young one.
heap_after_gc() {
  jcmd $SERVER GC.run >/dev/null
  jcmd $SERVER GC.heap_info | grep -E 'generation|garbage-first heap' | grep -Eo 'used [0-9]+K' \
    | awk '{sum += $2} END {printf "%.1f MB", sum / 1024}'
}
heap_start=$(heap_after_gc)
echo "capacity $capacity/s; soaking at $rate/s for $MINUTES minutes"
rows=$("${BENCH[@]}" soak "$base" "$MINUTES" "$rate" 2>/dev/null)
heap_end=$(heap_after_gc)
rss=$(( $(ps -o rss= -p $SERVER) / 1024 ))
{
  echo "# Nestkaart soak"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores;"
  echo "$SERVICES generated services; JVM $SERVER_JAVA_OPTS. Capacity (closed loop, 8 clients): $capacity/s;"
  echo "soak at 80 %: $rate/s, open loop, for $MINUTES minutes."
  echo
  echo "$rows"
  echo
  echo "| heap after a full GC | start: $heap_start | end: $heap_end | RSS at the end: $rss MB |"
  echo "| --- | --- | --- | --- |"
} > "$OUT/soak.md"
cat "$OUT/soak.md"
