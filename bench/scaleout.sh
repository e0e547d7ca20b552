#!/usr/bin/env bash
# One Trajet instance against two behind nginx (issue #26), on a light read: /health (one query) and a case's JSON
# (bearer token). Three set-ups, each measured with wrk for the same short time:
#   direct      wrk → instance A
#   nginx → A   wrk → nginx (deploy/nginx/trajet.conf, both upstream lines on A): the proxy's own cost
#   nginx → A+B wrk → nginx → two instances on the same database
# Prints a Markdown table for BENCHMARKS.md. Short and bounded: loopback only, --duration each.
#
#   bench/scaleout.sh                                  # throwaway PostgreSQL with the demo data
#   bench/scaleout.sh --db "Host=127.0.0.1;Port=55433;Username=postgres;Database=trajet_bench" \
#       --user cm1@bench.example --password 'Bench-Passw0rd!'   # the benchmark's 100,000-case database
# Options: --duration 15s, --connections 16, --threads 2.
set -euo pipefail
cd "$(dirname "$0")/.."

db="" user="cm1@ngo.demo" password="Demo-2026!" duration="15s" connections=16 threads=2
while [ $# -gt 0 ]; do
    case "$1" in
        --db) db=$2; shift 2 ;;
        --user) user=$2; shift 2 ;;
        --password) password=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

log() { printf '==> %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# --- tools from Debian's packages -----------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
    log "Installing ${missing[*]} (Debian packages)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d /tmp/trajet-scaleout-bench.XXXXXX)
chmod 755 "$work" # PostgreSQL (its own user) keeps its cluster in a folder inside
pids=()
pg_data=""
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
cleanup() {
    for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
    if [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ]; then
        as_root runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
    fi
    as_root rm -rf "$work"
}
trap cleanup EXIT

# --- the database ----------------------------------------------------------------------------
seed=false
if [ -z "$db" ]; then
    log "Starting a throwaway PostgreSQL with the demo data"
    [ -x "$pg_bin/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
    mkdir "$work/pg"
    as_root chown postgres "$work/pg"
    pg_data="$work/pg/data"
    pg_port=$(free_port)
    as_root runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 >/dev/null
    as_root runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pg -c fsync=off -c max_connections=200" start >/dev/null
    as_root runuser -u postgres -- "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE trajet"
    db="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=trajet"
    seed=true
fi

# --- the app, published as the benchmark does --------------------------------------------------
if [ ! -f bench/app/Trajet.Web.dll ]; then
    log "Publishing the app to bench/app"
    dotnet publish src/Trajet.Web -c Release -o bench/app --nologo -v quiet >/dev/null
fi

# start_instance <name> <port>: the published app, as in production (its settings read from its folder), its output
# in $work/<name>.log
start_instance() {
    Database__Provider=Postgres ConnectionStrings__Trajet="$db" Demo__Seed=$seed ASPNETCORE_ENVIRONMENT=Production \
        DataProtection__KeysPath="$work/$1-keys" Documents__Path="$work/$1-documents" \
        RateLimits__LoginPerMinute=1000 RateLimits__LoginPerAccountPerMinute=1000 \
        dotnet bench/app/Trajet.Web.dll --contentRoot "$PWD/bench/app" --urls "http://127.0.0.1:$2" >"$work/$1.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 600); do
        curl -fs "http://127.0.0.1:$2/health" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    cat "$work/$1.log" >&2
    echo "$1 did not start" >&2
    exit 1
}

# start_nginx <port of the first upstream> <port of the second>: deploy/nginx/trajet.conf as the tests run it
nginx_pid=""
start_nginx() {
    [ -z "$nginx_pid" ] || { kill -9 "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; }
    mkdir -p "$work/nginx"
    sed -e "s/server 127.0.0.1:5001 /server 127.0.0.1:$1 /" -e "s/server 127.0.0.1:5002 /server 127.0.0.1:$2 /" \
        -e "s/listen 80;/listen 127.0.0.1:$nginx_port;/" deploy/nginx/trajet.conf >"$work/nginx/trajet.conf"
    cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
master_process off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
    include $work/nginx/trajet.conf;
}
EOF
    "$nginx_bin" -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" &
    nginx_pid=$!
    pids+=("$nginx_pid")
    for _ in $(seq 1 100); do
        curl -fs "http://127.0.0.1:$nginx_port/health" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    cat "$work/nginx/error.log" >&2
    exit 1
}

port_a=$(free_port)
port_b=$(free_port)
nginx_port=$(free_port)
log "Starting instance A"
start_instance a "$port_a"
log "Starting instance B"
start_instance b "$port_b"

token=$(curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$user\",\"password\":\"$password\"}" \
    "http://127.0.0.1:$port_a/api/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
case_id=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port_a/api/cases?pageSize=1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

# measure <set-up> <base URL>: one row per endpoint
measure() {
    local endpoint out rps p50 p99 errors
    for endpoint in "/health" "/api/cases/$case_id"; do
        # A few seconds first, so that each set-up is measured warm.
        wrk -t"$threads" -c"$connections" -d3s -H "Authorization: Bearer $token" "$2$endpoint" >/dev/null
        out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$2$endpoint")
        rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
        p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
        p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
        errors=$(awk '/Non-2xx or 3xx responses/ {print $5}' <<<"$out")
        printf '| %s | `%s` | %s | %s | %s | %s |\n' "$1" "${endpoint/$case_id/{id\}}" "$rps" "$p50" "$p99" "${errors:-0}"
    done
}

log "Measuring ($threads wrk threads, $connections connections, $duration each)"
echo "| set-up | endpoint | requests/s | p50 | p99 | non-2xx |"
echo "|---|---|---:|---:|---:|---:|"
measure "one instance, direct" "http://127.0.0.1:$port_a"
start_nginx "$port_a" "$port_a"
measure "nginx → one instance" "http://127.0.0.1:$nginx_port"
start_nginx "$port_a" "$port_b"
measure "nginx → two instances" "http://127.0.0.1:$nginx_port"
echo
echo "$(nproc) cores shared by wrk, nginx, the instances and PostgreSQL; $(date -u +%Y-%m-%dT%H:%MZ)."
