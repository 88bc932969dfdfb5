#!/usr/bin/env bash
# The search benchmark at scale, on one machine, in one run (see README, "Benchmark"):
#   src/bench/run.sh [SERVICES]          (default 100000; BENCH_SECONDS=20 per load run, SEED=1)
# Generates a deterministic dataset, imports it, times a full reindex, starts the server and measures start-up,
# search / autocomplete / trivial-endpoint load, MariaDB FULLTEXT and Apache Solr (embedded, src/bench/solr) on the
# same queries, nDCG@10 of all three on the eval set, change-to-searchable delay under load, index size, heap and
# RSS. Writes target/bench/report.md.
# Needs the MariaDB server the tests use (127.0.0.1:3306, root), a built target/nestkaart.jar and Maven (Solr's jars).
set -euo pipefail
cd "$(dirname "$0")/../.."

SERVICES=${1:-100000}
SEED=${SEED:-1}
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
PORT=${BENCH_PORT:-8390}
# The footprint the README recommends for a server: a 192 MB heap, the serial collector, two malloc arenas.
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:--Xms192m -Xmx192m -XX:+UseSerialGC}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
OUT=${BENCH_OUT:-target/bench}
DB=nestkaart_bench
EVAL_DB=nestkaart_bench_eval
JDBC="jdbc:mariadb://127.0.0.1:3306"
PASSWORD="benchmark wachtwoord $$"
JAR=${BENCH_JAR:-target/nestkaart.jar}
BENCH=(java -cp "$JAR" src/bench/Bench.java)
SOLR_HOME="$OUT/solr"

[ -f "$JAR" ] || mvn -q -DskipTests package
rm -rf "$OUT" && mkdir -p "$OUT"
db() { mariadb --protocol=tcp -h127.0.0.1 -P3306 -uroot "$@"; }
fresh_db() { db -e "DROP DATABASE IF EXISTS $1; CREATE DATABASE $1 CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"; }
millis() { date +%s%3N; }
rows=()
caches=()
row() { rows+=("| $1 | $2 |"); echo "  $1: $2"; }

# 1. Data: generate, import (which also builds the index), then a full reindex, twice.
export DATASOURCES_DEFAULT_URL="$JDBC/$DB" NESTKAART_DATA_DIR="$OUT/data"
fresh_db "$DB"
t=$(millis); java -jar "$JAR" generate --services "$SERVICES" --seed "$SEED" "$OUT/dataset.json" >/dev/null
row "generate $SERVICES services" "$(( $(millis) - t )) ms, $(du -m "$OUT/dataset.json" | cut -f1) MB"
# The peer engine: Solr 9 and its jars stay in a project of their own (never on the product's classpath); the
# bench's query space and load loop are shared by compiling Bench.java beside it.
mvn -q -f src/bench/solr/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$OUT/solr.cp" >/dev/null
javac -nowarn -d "$OUT/bench-classes" -cp "$(cat "$OUT/solr.cp")" src/bench/Bench.java src/bench/solr/SolrBench.java
SOLR=(java $SERVER_JAVA_OPTS -cp "$OUT/bench-classes:$(cat "$OUT/solr.cp")" SolrBench)
rows+=("$("${SOLR[@]/-Xmx192m/-Xmx2g}" load "$OUT/dataset.json" "$SOLR_HOME" 2>/dev/null | grep '^|')")
echo "  ${rows[-1]}"
# The import streams (interop.RecordSpool): the heap the issue sets is enough for 100,000 services.
t=$(millis); java -Xmx512m -jar "$JAR" import "$OUT/dataset.json" > "$OUT/import.log" 2>&1
row "import, 512 MB heap (validate, write, audit, index)" "$(( $(millis) - t )) ms ($(grep -o 'Imported .* in [0-9]* ms' "$OUT/import.log" | grep -o '[0-9]* ms$' | head -1) without the index)"
for run in 1 2; do
  out=$(java -jar "$JAR" reindex 2>/dev/null | grep "rebuilt")
  row "full reindex, run $run" "$(echo "$out" | sed -E 's/.*rebuilt: ([0-9]+) documents in ([0-9]+) ms/\2 ms (\1 documents)/')"
done
for who in bench-auteur bench-goedkeurder; do
  NESTKAART_ADMIN_PASSWORD="$PASSWORD" java -jar "$JAR" create-admin "$who@example.org" "$who" >/dev/null 2>&1
done

# 2. Server: time from launch to the first answered search.
start_server() { # $1 = database, $2 = data dir
  t=$(millis)
  DATASOURCES_DEFAULT_URL="$JDBC/$1" NESTKAART_DATA_DIR="$2" MICRONAUT_SERVER_PORT=$PORT \
    java $SERVER_JAVA_OPTS ${3:-} -jar "$JAR" > "$OUT/server-$1.log" 2>&1 &
  SERVER=$!
  until curl -sf "localhost:$PORT/api/v1/search?q=depressie" >/dev/null; do
    kill -0 $SERVER 2>/dev/null || { tail -30 "$OUT/server-$1.log"; exit 1; }
    sleep 0.1
  done
  STARTUP=$(( $(millis) - t ))
}
stop_server() { kill $SERVER; wait $SERVER 2>/dev/null || true; }
start_server "$DB" "$OUT/data"
row "start-up to first answered search" "$STARTUP ms (JVM: $SERVER_JAVA_OPTS)"
# The same with an application class-data archive (AppCDS, JDK 17: written by one run that starts and stops).
stop_server
start_server "$DB" "$OUT/data" "-XX:ArchiveClassesAtExit=$OUT/nestkaart.jsa"
stop_server
start_server "$DB" "$OUT/data" "-XX:SharedArchiveFile=$OUT/nestkaart.jsa"
row "start-up to first answered search, with AppCDS" "$STARTUP ms"

# 3. Load: closed loop, SECONDS per run after a warm-up; server-side latency from Server-Timing.
base="http://localhost:$PORT"
load=("| run | throughput | server p50 / p95 / p99 ms | client p50 / p95 / p99 ms | errors |" "| --- | --- | --- | --- | --- |")
# search-distinct: every request a new query (13,500 in the space; nothing can be cached): c=1 from the start of the
# space, c=8 from request 6,000, so neither asks what the other did; search-zipf: a log of 3,000 queries (the end of
# the space, which the distinct runs do not reach) asked as real traffic repeats itself (Zipf, exponent 1), first
# from a cold start (every query of the log is new once), then steady (search-zipf-steady: each query of the log
# asked once before the warm-up, as on a server that has been answering this traffic for a while).
for spec in "trivial 1" "trivial 8" "search-distinct 1 0" "search-distinct 8 6000" "search-zipf 8" \
    "search-zipf-steady 8" "suggest 8"; do
  set -- $spec
  from=(); [ "$1" = search-distinct ] && from=("$3")
  out=$("${BENCH[@]}" http "$base" "$SECONDS_PER_RUN" "$2" "$1" "${from[@]}" 2>/dev/null)
  line=$(echo "$out" | grep '^|')
  load+=("$line")
  echo "  ${load[-1]}"
  if cache=$(echo "$out" | grep '^answer cache'); then
    caches+=("- $(echo "$line" | cut -d'|' -f2 | xargs): $cache"); echo "  $cache"
  fi
done
t=$(millis); db "$DB" -e "ALTER TABLE service ADD FULLTEXT INDEX ft_bench (name, description)"
row "MariaDB FULLTEXT index build" "$(( $(millis) - t )) ms"
for c in 1 8; do
  load+=("$("${BENCH[@]}" fulltext "$JDBC/$DB?user=root" "$SECONDS_PER_RUN" "$c" 2>/dev/null | grep '^|')")
  echo "  ${load[-1]}"
done
row "change → searchable, 2 threads of search load (10 changes)" "$("${BENCH[@]}" freshness "$base" \
  bench-auteur@example.org bench-goedkeurder@example.org "$PASSWORD" 10 2>/dev/null | tail -1)"

# 4. Footprint after the load.
rss=$(( $(ps -o rss= -p $SERVER) / 1024 ))
hwm=$(( $(grep VmHWM /proc/$SERVER/status | awk '{print $2}') / 1024 ))
heap=$(jcmd $SERVER GC.heap_info 2>/dev/null | grep -Eo 'total [0-9]+K, used [0-9]+K' | head -1)
row "RSS after load (peak)" "$rss MB ($hwm MB)"
row "heap after load" "$heap"
row "index on disk" "$(du -sm "$OUT/data/index" | cut -f1) MB"
stop_server

# Solr, alone on the machine as the server was, with the same heap: the same requests, asked in-process.
for spec in "search-distinct 1 0" "search-distinct 8 6000" "search-zipf 8" "search-zipf-steady 8"; do
  set -- $spec
  from=(); [ "$1" = search-distinct ] && from=("$3")
  load+=("$("${SOLR[@]}" http "$SOLR_HOME" "$JDBC/$DB?user=root" "$SECONDS_PER_RUN" "$2" "$1" "${from[@]}" \
    2>/dev/null | grep '^|')")
  echo "  ${load[-1]}"
done
row "Solr index on disk" "$(du -sm "$SOLR_HOME" | cut -f1) MB"

# 5. Relevance: the eval corpus, ours and FULLTEXT's nDCG@10 on the judged queries.
quality="(no judged queries: set EVAL_QUERIES)"
if [ -f "${EVAL_QUERIES:-src/bench/eval/queries.json}" ]; then
  fresh_db "$EVAL_DB"
  DATASOURCES_DEFAULT_URL="$JDBC/$EVAL_DB" NESTKAART_DATA_DIR="$OUT/eval-data" \
    java -jar "$JAR" import src/test/resources/eval/corpus.json >/dev/null 2>&1
  db "$EVAL_DB" -e "ALTER TABLE service ADD FULLTEXT INDEX ft_bench (name, description)"
  start_server "$EVAL_DB" "$OUT/eval-data"
  quality=$("${BENCH[@]}" ndcg "$base" "$JDBC/$EVAL_DB?user=root" "${EVAL_QUERIES:-src/bench/eval/queries.json}" \
    2>/dev/null | grep '^|')
  stop_server
  "${SOLR[@]}" load src/test/resources/eval/corpus.json "$OUT/solr-eval" >/dev/null 2>&1
  quality="$quality $("${SOLR[@]}" ndcg "$OUT/solr-eval" "$JDBC/$EVAL_DB?user=root" \
    "${EVAL_QUERIES:-src/bench/eval/queries.json}" 2>/dev/null | tail -1) |"
fi

{
  echo "# Nestkaart search benchmark"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)'),"
  echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB RAM,"
  echo "$(java -version 2>&1 | head -1), MariaDB $(db -N -e 'SELECT VERSION()'); load client on the same machine."
  echo
  echo "$SERVICES generated services (seed $SEED). Search workloads (kind=service, 10 results with facet counts):"
  echo "*distinct*, every request a query not asked before in the whole run (20 lay queries × 9 filter sets × 25 places and"
  echo "radii × 3 pages = 13,500, shuffled; c=1 from the first, c=8 from the 6,000th), and *realistic*, a log of 3,000 others"
  echo "asked with Zipf's law (exponent 1): cold (every query of the log new once) and steady (each asked once before the"
  echo "warm-up, as on a server that has answered such traffic for a while). FULLTEXT"
  echo "answers 60 of them in SQL (MATCH … AGAINST on name + description, the same filters, top 10 and the total; no"
  echo "facets). Solr 9 (embedded, stock Dutch field type + Nestkaart's synonyms, edismax, the same filters as fq with"
  echo "multi-select facet.field counts, geofilt, unified highlighter) answers the same distinct and realistic requests"
  echo "in-process, so its times carry no HTTP cost (ours do); its server and client columns are the same clock."
  echo
  echo "| what | figure |"
  echo "| --- | --- |"
  printf '%s\n' "${rows[@]}"
  echo
  printf '%s\n' "${load[@]}"
  echo
  printf '%s\n' "${caches[@]}"
  echo
  echo "| relevance | Nestkaart | MariaDB FULLTEXT | Solr |"
  echo "| --- | --- | --- | --- |"
  echo "$quality"
} > "$OUT/report.md"
echo "report: $OUT/report.md"
