#!/usr/bin/env bash
# The pages users wait on (issue #27), measured with a light external client (wrk) rather than the benchmark's own,
# which shares the cores with the app and the database. Against a database that `generate` filled:
#
#   bench/light.sh --provider postgres --db "Host=127.0.0.1;Port=55433;Username=postgres;Database=trajet_bench" \
#       --manifest bench/data/pg100k.json [--app bench/app/Trajet.Web.dll] [--duration 10s] [--common Diallo] [--only 'dashboard|report']
#
# For each endpoint, at 1 and at 16 connections after a 3 s warm-up: requests, p50/p95/p99 (ms), requests/s, the app's
# and (PostgreSQL) the database's CPU per request, and the app's memory high-water mark. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."

provider="" db="" manifest="" app="bench/app/Trajet.Web.dll" duration="10s" common="Diallo" only=""
while [ $# -gt 0 ]; do
    case "$1" in
        --provider) provider=$2; shift 2 ;;
        --db) db=$2; shift 2 ;;
        --manifest) manifest=$2; shift 2 ;;
        --app) app=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --common) common=$2; shift 2 ;;
        --only) only=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
[ -n "$provider" ] && [ -n "$db" ] && [ -f "$manifest" ] || { echo "needs --provider, --db and --manifest" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

log() { printf '==> %s\n' "$*" >&2; }
field() { python3 -c "import json,sys; d=json.load(open('$manifest')); print($1)"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# CPU ticks of a process and the children it has reaped (utime, stime, cutime, cstime).
ticks() { awk '{print $14+$15+$16+$17}' "/proc/$1/stat"; }

work=$(mktemp -d /tmp/trajet-light.XXXXXX)
app_pid=""
cleanup() { [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# --- the app, as the benchmark starts it: its settings (log levels) are read from its own folder ----------
[ -f "$app" ] || { log "Publishing the app to bench/app"; dotnet publish src/Trajet.Web -c Release -o bench/app --nologo -v quiet >/dev/null; }
port=$(free_port)
base="http://127.0.0.1:$port"
case "$provider" in postgres) name=Postgres ;; sqlite) name=Sqlite ;; *) echo "--provider postgres|sqlite" >&2; exit 2 ;; esac
ASPNETCORE_ENVIRONMENT=Production Database__Provider=$name ConnectionStrings__Trajet="$db" \
    DataProtection__KeysPath="$(realpath "$manifest").keys" Documents__Path="$work/documents" \
    RateLimits__LoginPerMinute=100000 RateLimits__LoginPerAccountPerMinute=100000 \
    dotnet "$app" --contentRoot "$(dirname "$(realpath "$app")")" --urls "$base" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 1500); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$base/health" >/dev/null || { cat "$work/app.log" >&2; exit 1; }

# The database's server: the postmaster listening on the connection string's port (PostgreSQL only).
pg_pid=""
if [ "$provider" = postgres ]; then
    pg_port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$db")
    pg_pid=$(pgrep -f "postgres .*-p ${pg_port}( |$)" | head -n 1 || true)
fi
# The postmaster's own ticks, its reaped children's, and each live backend's.
db_ticks() {
    [ -n "$pg_pid" ] || { echo 0; return; }
    local total
    total=$(ticks "$pg_pid")
    for child in $(pgrep -P "$pg_pid"); do total=$((total + $(awk '{print $14+$15}' "/proc/$child/stat" 2>/dev/null || echo 0))); done
    echo "$total"
}

password=$(field "d['password']")
token() {
    curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$password\"}" "$base/api/auth/login" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}
cookie() {
    curl -fs -o /dev/null -D - -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$password\"}" \
        "$base/api/auth/login?useCookies=true" | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | paste -sd ';' | sed 's/;/; /g'
}
manager=$(field "d['caseManagers'][0]")
manager_token=$(token "$manager")
manager_cookie=$(cookie "$manager")
evaluator_token=$(token "$(field "d['evaluators'][0]")")
outreach_token=$(token "$(field "d['outreachWorkers'][0]")")
programme=$(field "d['programme']")
outreach=$(field "d['outreachProgramme']")

# Case ids the manager may read, for random requests.
for page in 1 2 3 4 5; do
    curl -fs -H "Authorization: Bearer $manager_token" "$base/api/cases?page=$page&pageSize=200" |
        python3 -c 'import json,sys; [print(i["id"]) for i in json.load(sys.stdin)["items"]]'
done >"$work/ids"
sed 's#^#/api/cases/#' "$work/ids" >"$work/case-json"
sed 's#^#/Cases/Details/#' "$work/ids" >"$work/case-page"

cat >"$work/paths.lua" <<'EOF'
local paths = {}
init = function(args)
    for line in io.lines(args[1]) do paths[#paths + 1] = line end
    math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
done = function(summary, latency, requests)
    local e = summary.errors
    io.write(string.format("RESULT %d %d %.1f %.1f %.1f %.0f\n", summary.requests, e.connect + e.read + e.write + e.timeout + e.status,
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
EOF

# measure <name> <paths file> <header>: a row per number of connections
measure() {
    [ -z "$only" ] || grep -qE "$only" <<<"$1" || return 0
    local clients threads out app0 db0 app1 db1 requests errors p50 p95 p99 rps status
    # wrk counts a redirect (to the sign-in page) as an answer: check the first path answers 200 itself.
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "$3" "$base$(head -n 1 "$2")")
    [ "$status" = 200 ] || { echo "$1 answered $status" >&2; exit 1; }
    for clients in 1 16; do
        threads=$((clients < 2 ? 1 : 2))
        wrk -t"$threads" -c"$clients" -d3s -H "$3" -s "$work/paths.lua" "$base" -- "$2" >/dev/null
        app0=$(ticks "$app_pid"); db0=$(db_ticks)
        out=$(wrk -t"$threads" -c"$clients" -d"$duration" --timeout 30s -H "$3" -s "$work/paths.lua" "$base" -- "$2" | grep '^RESULT')
        app1=$(ticks "$app_pid"); db1=$(db_ticks)
        read -r _ requests errors p50 p95 p99 rps <<<"$out"
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$clients" "$requests" "$errors" "$p50" "$p95" "$p99" "$rps" \
            "$(awk -v t=$((app1 - app0)) -v n="$requests" 'BEGIN { printf "%.1f", n ? t * 10 / n : 0 }')" \
            "$( [ -n "$pg_pid" ] && awk -v t=$((db1 - db0)) -v n="$requests" 'BEGIN { printf "%.1f", n ? t * 10 / n : 0 }' || echo '—')"
    done
}

echo "/health" >"$work/health"
echo "/api/cases?q=Safi&pageSize=50" >"$work/search-safi"
echo "/api/cases?q=$common&pageSize=50" >"$work/search-common"
# The benchmark's planted spellings (rare names, misspelt: most need the pass for a word one letter away), at random.
python3 -c "import json,sys,urllib.parse; [print('/api/cases?q=' + urllib.parse.quote(p['query']) + '&pageSize=10') for p in json.load(open(sys.argv[1]))['planted']]" \
    "$manifest" >"$work/search-variants"
echo "/api/outreach/dashboard?programme=$outreach" >"$work/dashboard"
echo "/api/reports/evaluation?programme=$programme" >"$work/report"

log "Measuring ($duration each, $(nproc) cores shared by wrk, the app and the database)"
echo "| endpoint | clients | requests | errors | p50 ms | p95 ms | p99 ms | req/s | app CPU ms/req | database CPU ms/req |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
measure "/health (one query)" "$work/health" "X-Bench: 1"
measure "case JSON (random ids)" "$work/case-json" "Authorization: Bearer $manager_token"
measure "case page HTML (random ids)" "$work/case-page" "Cookie: $manager_cookie"
measure "name search q=Safi" "$work/search-safi" "Authorization: Bearer $manager_token"
measure "name search q=$common (common name)" "$work/search-common" "Authorization: Bearer $manager_token"
measure "name search, planted spellings" "$work/search-variants" "Authorization: Bearer $manager_token"
measure "outreach dashboard" "$work/dashboard" "Authorization: Bearer $outreach_token"
measure "evaluation report" "$work/report" "Authorization: Bearer $evaluator_token"
echo
echo "App memory high-water mark (VmHWM): $(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$app_pid/status"); $(date -u +%Y-%m-%dT%H:%MZ)."
