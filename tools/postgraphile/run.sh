#!/usr/bin/env bash
# Lotse beside PostGraphile v4 (+ connection-filter) on PostgreSQL, issue 16:
# the same data (lotse gen), the directory queries Q1-Q3, answers checked
# equal, then wrk at 10 and 50 connections, Lotse and PostGraphile in turn.
#
#   tools/postgraphile/run.sh                 # lotse gen --scale 10 (about 6,000 offers)
#   tools/postgraphile/run.sh --nrw           # lotse gen --nrw (about 150,000 offers)
#   DURATION=20s tools/postgraphile/run.sh    # per wrk run (default 15s)
#
# It installs what is missing from Debian (postgresql, wrk) and the pinned
# npm packages (package-lock.json), runs PostgreSQL on a private data
# directory on 127.0.0.1:18550, PostGraphile (--cluster-workers 2) on 18551
# and lotse serve on 18552, and stops all three when it ends. Work files go
# to $WORK (default /tmp/lotse-postgraphile). Not part of CI: it takes
# minutes, and its figures mean something only on a quiet machine; it
# prints the load average beside them.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-/tmp/lotse-postgraphile}
DURATION=${DURATION:-15s}
PG_PORT=18550 PGL_PORT=18551 LOTSE_PORT=18552
GEN=(--scale 10) SIZE=6k
if [[ ${1:-} == --nrw ]]; then GEN=(--nrw) SIZE=nrw; fi
DATA=$WORK/$SIZE
mkdir -p "$DATA"
log() { printf '== %s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------
need_apt() { # package...
	if [[ $(id -u) -ne 0 ]]; then echo "run.sh: please install $* (Debian: apt-get install $*)" >&2; exit 1; fi
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z $PG_BIN ]]; then
	log "installing Debian's PostgreSQL"
	need_apt postgresql
	PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
command -v wrk >/dev/null || need_apt wrk
PG_VERSION=$("$PG_BIN/postgres" --version)
log "using $PG_VERSION"
(cd "$HERE" && npm ci --no-audit --no-fund --silent)

# --- data --------------------------------------------------------------
cd "$ROOT"
go build -o "$WORK/lotse" ./cmd/lotse
if [[ ! -s $DATA/data.json ]]; then
	log "lotse gen ${GEN[*]}"
	"$WORK/lotse" gen "${GEN[@]}" -o "$DATA/data.json"
fi
if [[ ! -s $DATA/lotse.db ]]; then
	log "lotse import"
	"$WORK/lotse" import -q --data "$DATA/lotse.db" "$DATA/data.json"
fi
go run ./tools/postgraphile/tocopy -in "$DATA/data.json" -out "$DATA" >&2

# --- servers -----------------------------------------------------------
PIDS=()
# PostgreSQL refuses to run as root: as root, run it as the postgres user.
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PGDATA=$DATA/pgdata
cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
	as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
if [[ ! -d $PGDATA ]]; then
	mkdir -p "$PGDATA"
	[[ $(id -u) -eq 0 ]] && chown postgres "$PGDATA" "$DATA"
	as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
	FRESH=1
fi
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$DATA/postgres.log" -w start \
	-o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PGDATA -c shared_buffers=256MB -c max_connections=100" >/dev/null
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q)
if [[ ${FRESH:-} == 1 ]]; then
	log "loading PostgreSQL"
	"${PSQL[@]}" -c 'CREATE DATABASE lotse'
	"${PSQL[@]}" -d lotse -f "$HERE/schema.sql"
	for t in district organisation offer; do
		"${PSQL[@]}" -d lotse -c "\\copy $t FROM '$DATA/${t}s.tsv'"
	done
	"${PSQL[@]}" -d lotse -c 'VACUUM ANALYZE'
fi

"$HERE/node_modules/.bin/postgraphile" -c "postgres://postgres@127.0.0.1:$PG_PORT/lotse" --schema public \
	--host 127.0.0.1 --port "$PGL_PORT" --append-plugins postgraphile-plugin-connection-filter \
	--cluster-workers 2 --disable-query-log --disable-graphiql >"$DATA/postgraphile.log" 2>&1 &
PIDS+=($!)
"$WORK/lotse" serve --data "$DATA/lotse.db" --addr "127.0.0.1:$LOTSE_PORT" --rate-limit 0 --rate-limit-address 0 \
	>"$DATA/lotse.log" 2>&1 &
LOTSE_PID=$!
PIDS+=("$LOTSE_PID")
LOTSE_URL=http://127.0.0.1:$LOTSE_PORT/graphql PGL_URL=http://127.0.0.1:$PGL_PORT/graphql
for u in "$LOTSE_URL" "$PGL_URL"; do
	for _ in $(seq 120); do
		curl -fs -o /dev/null -H 'Content-Type: application/json' --data '{"query":"{__typename}"}' "$u" && break
		sleep 0.5
	done
done

# --- queries -----------------------------------------------------------
# The heaviest Q1 and Q2: the district with the most courses, the provider with the most offers.
read -r DISTRICT ORG < <("${PSQL[@]}" -d lotse -At -F ' ' -c "
	SELECT (SELECT district_id FROM offer WHERE district_id IS NOT NULL AND category IN ('INTEGRATION_COURSE','LANGUAGE_COURSE')
	        GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1),
	       (SELECT provider_id FROM offer GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)")
log "Q1 district $DISTRICT, Q2 organisation $ORG"
Q=$DATA/queries
mkdir -p "$Q"
body() { jq -cn --arg q "$1" --arg d "$DISTRICT" --arg o "$ORG" '{query: $q, variables: ({d: $d, o: $o} | with_entries(select(.key as $k | $q | test("\\$" + $k + "\\b"))))}'; }
# Lotse's ids are global; localId is the id the document gave, as in PostgreSQL.
body 'query($d: ID!) { offers(filter: {categories: [INTEGRATION_COURSE, LANGUAGE_COURSE], districtIds: [$d]}, first: 20) { totalCount edges { node { id title category provider { id name } district { id name } } } } }' >"$Q/lotse-q1.json"
body 'query($o: ID!) { organisation(id: $o) { id name kind offers { id title category } } }' >"$Q/lotse-q2.json"
body '{ offers(filter: {text: "deutsch"}, first: 20) { totalCount edges { node { id title } } } }' >"$Q/lotse-q3.json"
body 'query($d: String!) { allOffers(filter: {category: {in: ["INTEGRATION_COURSE", "LANGUAGE_COURSE"]}, districtId: {equalTo: $d}}, first: 20, orderBy: [TITLE_ASC, ID_ASC]) { totalCount nodes { id title category organisationByProviderId { id name } districtByDistrictId { id name } } } }' >"$Q/pg-q1.json"
body 'query($o: String!) { organisationById(id: $o) { id name kind offersByProviderId(orderBy: [TITLE_ASC, ID_ASC]) { nodes { id title category } } } }' >"$Q/pg-q2.json"
body '{ allOffers(filter: {or: [{title: {includesInsensitive: "deutsch"}}, {description: {includesInsensitive: "deutsch"}}]}, first: 20, orderBy: [TITLE_ASC, ID_ASC]) { totalCount nodes { id title } } }' >"$Q/pg-q3.json"
# The same questions with Lotse's localId, to compare the answers.
sed 's/\bid title/localId title/g; s/provider { id name }/provider { localId name }/; s/district { id name }/district { localId name }/; s/organisation(id: $o) { id name/organisation(id: $o) { localId name/' \
	"$Q/lotse-q1.json" >"$Q/check-q1.json"
sed 's/organisation(id: $o) { id name/organisation(id: $o) { localId name/; s/offers { id title/offers { localId title/' "$Q/lotse-q2.json" >"$Q/check-q2.json"
sed 's/node { id title/node { localId title/' "$Q/lotse-q3.json" >"$Q/check-q3.json"

post() { curl -fsS -H 'Content-Type: application/json' --data @"$2" "$1"; }
# Both answers as one normal form: counts, ids, titles, names, in order.
lotse_norm=(
	'.data.offers | {total: .totalCount, rows: [.edges[].node | [.localId, .title, .category, .provider.localId, .provider.name, .district.localId, .district.name]]}'
	'.data.organisation | {id: .localId, name, kind, rows: [.offers[] | [.localId, .title, .category]]}'
	'.data.offers | {total: .totalCount, rows: [.edges[].node | [.localId, .title]]}'
)
pg_norm=(
	'.data.allOffers | {total: .totalCount, rows: [.nodes[] | [.id, .title, .category, .organisationByProviderId.id, .organisationByProviderId.name, .districtByDistrictId.id, .districtByDistrictId.name]]}'
	'.data.organisationById | {id, name, kind, rows: [.offersByProviderId.nodes[] | [.id, .title, .category]]}'
	'.data.allOffers | {total: .totalCount, rows: [.nodes[] | [.id, .title]]}'
)
for i in 1 2 3; do
	a=$(post "$LOTSE_URL" "$Q/check-q$i.json" | jq -cS "${lotse_norm[$((i - 1))]}")
	b=$(post "$PGL_URL" "$Q/pg-q$i.json" | jq -cS "${pg_norm[$((i - 1))]}")
	if [[ $a != "$b" ]]; then
		echo "Q$i: the answers differ" >&2
		echo "Lotse:        $a" >&2
		echo "PostGraphile: $b" >&2
		exit 1
	fi
	log "Q$i: same answer ($(jq -r '.total // (.rows | length)' <<<"$a") offers)"
	# The timed queries must not fail either.
	post "$LOTSE_URL" "$Q/lotse-q$i.json" | jq -e 'has("errors") | not' >/dev/null
done

# --- load --------------------------------------------------------------
rss_kb() { # pids... → summed VmRSS
	local sum=0 p
	for p in "$@"; do sum=$((sum + $(awk '/^VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0))); done
	echo "$sum"
}
pg_pids() { pgrep -d ' ' -f "postgres|postgraphile" | tr ' ' '\n' | grep -v "^$$\$" || true; }
run_wrk() { # url body conns
	BODY=$2 wrk -t2 -c"$3" -d"$DURATION" --timeout 10s -s "$HERE/post.lua" "$1" | sed -n 's/^RESULT //p'
}
RESULTS=$DATA/results.txt
: >"$RESULTS"
for c in 10 50; do
	for i in 1 2 3; do
		for side in lotse pg; do
			if [[ $side == lotse ]]; then url=$LOTSE_URL; else url=$PGL_URL; fi
			r=$(run_wrk "$url" "$Q/$side-q$i.json" "$c")
			echo "Q$i c=$c $side $r load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$RESULTS" >&2
		done
	done
done
LOTSE_HWM=$(awk '/^VmHWM/ {print $2}' "/proc/$LOTSE_PID/status")
# shellcheck disable=SC2046
PG_RSS=$(rss_kb $(pg_pids))

# --- table -------------------------------------------------------------
echo
echo "$PG_VERSION, PostGraphile 4.14.1 (--cluster-workers 2) + connection-filter 2.3.0, data: lotse gen ${GEN[*]}, wrk $DURATION per run"
echo
echo "| query | connections | Lotse req/s | PostGraphile req/s | Lotse / PostGraphile | Lotse p99 ms | PostGraphile p99 ms | load average |"
echo "|---|---|---|---|---|---|---|---|"
for c in 10 50; do
	for i in 1 2 3; do
		l=$(grep "^Q$i c=$c lotse " "$RESULTS") p=$(grep "^Q$i c=$c pg " "$RESULTS")
		lr=$(sed 's/.*req\/s=\([0-9.]*\).*/\1/' <<<"$l") pr=$(sed 's/.*req\/s=\([0-9.]*\).*/\1/' <<<"$p")
		lp=$(sed 's/.*p99_ms=\([0-9.]*\).*/\1/' <<<"$l") pp=$(sed 's/.*p99_ms=\([0-9.]*\).*/\1/' <<<"$p")
		load=$(sed 's/.*load=//' <<<"$l")
		ratio=$(awk -v a="$lr" -v b="$pr" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
		echo "| Q$i | $c | $lr | $pr | $ratio | $lp | $pp | $load |"
	done
done
echo
echo "Lotse peak resident memory (VmHWM): $((LOTSE_HWM / 1024)) MiB; PostGraphile + PostgreSQL now: $((PG_RSS / 1024)) MiB (sum of VmRSS, PostgreSQL's shared buffers counted in every process that touched them)"
if grep -v "errors=0 non2xx=0" "$RESULTS" >&2; then echo "(the runs above had errors or non-2xx answers)" >&2; fi
