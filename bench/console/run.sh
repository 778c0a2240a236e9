#!/usr/bin/env bash
# Web console benchmark (issue #18): the extensions are imported with the command line, the Release server is started,
# and a client signed in as the System Administrator times each console page, one request at a time over loopback:
# median, p99 and worst milliseconds from request to last byte (an upper bound of the server's time per page). The
# target is p99 <= 100 ms with 1,000,000 extensions. Figures, not assertions; a page that does not answer 200 exits 1.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

usage() {
  cat <<'TEXT'
usage: bench/console/run.sh [options]
  --rows N          extensions imported before the pages are timed (default 1000000)
  --requests N      timed requests per page, after 10 to warm up (default 200)
  --short           --rows 20000 --requests 20: checks the harness, no figures to quote
  --no-build        use the Release builds that are there
  --keep            keep the temporary folder (database, logs)
  --pg CONNSTR      measure on PostgreSQL instead of SQLite; the database must be empty (the extensions are imported
                    into it and left there)
TEXT
}

root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../lib/report.sh
source "$root/bench/lib/report.sh"
# shellcheck source=../lib/processes.sh
source "$root/bench/lib/processes.sh"

rows=1000000 requests=200 build=1 keep=0 pg=
while [ $# -gt 0 ]; do
  case $1 in
    --rows) rows=$2; shift ;;
    --requests) requests=$2; shift ;;
    --short) rows=20000 requests=20 ;;
    --no-build) build=0 ;;
    --keep) keep=1 ;;
    --pg) pg=$2; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done
[[ "$rows" =~ ^[0-9]+$ && "$requests" =~ ^[0-9]+$ ]] && ((rows >= 1000 && requests >= 1)) ||
  fail "--rows takes a whole number from 1000, --requests one from 1"

work=$(mktemp -d "${TMPDIR:-/tmp}/provisioning-console-bench.XXXXXX")
started_pids=()
cleanup() {
  stop_all
  if ((keep)); then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if ((build)); then
  say "building the server, the command line and the console client in Release"
  for project in src/Provisioning.Server src/Provisioning.Cli bench/Provisioning.Bench.Console; do
    dotnet build "$root/$project" -c Release -nologo -v quiet -clp:ErrorsOnly >&2 || fail "the build of $project failed"
  done
fi
server_dll=$root/src/Provisioning.Server/bin/Release/net10.0/Provisioning.Server.dll
cli_dll=$root/src/Provisioning.Cli/bin/Release/net10.0/provisioning.dll
client_dll=$root/bench/Provisioning.Bench.Console/bin/Release/net10.0/Provisioning.Bench.Console.dll
for dll in "$server_dll" "$cli_dll" "$client_dll"; do
  [ -f "$dll" ] || fail "$dll is missing: run without --no-build"
done

admin_password=console-bench-password
if [ -n "$pg" ]; then
  store=PostgreSQL settings=("Provisioning__Storage__Provider=Postgres" "Provisioning__Storage__ConnectionString=$pg")
else
  store=SQLite settings=("Provisioning__Storage__ConnectionString=Data Source=$work/console.db")
fi
settings+=("Provisioning__Bootstrap__AdminPassword=$admin_password")
cli() { (cd "$work" && env "${settings[@]}" dotnet "$cli_dll" "$@"); }

awk -v n="$rows" 'BEGIN {
  print "eid,extension,recordingMode,voice,im,video,screenCaptureEnabled,userLoginName"
  split("FULL ON_DEMAND CONTROLLED", mode, " ")
  for (i = 0; i < n; i++)
    printf "BNCH,+49301%07d,%s,true,%s,false,false,%s\n", i, mode[i % 3 + 1], (i % 2 ? "true" : "false"), (i % 10 == 0 ? "agent" : "")
}' >"$work/extensions.csv"
say "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores); $store; $rows extensions, $requests requests per page"
cli init >/dev/null
cli environments create BNCH "Console bench" >/dev/null
cli users create BNCH agent >/dev/null
cli import extensions "$work/extensions.csv" >/dev/null

start_listening "$work/server.log" 'metrics\) listening on http://[0-9.]+:([0-9]+)' "$work" \
  env "${settings[@]}" Provisioning__PortRangeStart=0 Provisioning__Management__Port=0 \
  'Provisioning__UrlTemplate=http://127.0.0.1:{port}/provisioning' dotnet "$server_dll"
base="http://127.0.0.1:$listening_port"
last=$((rows * 9 / 10))
pages=(
  "/"
  "/environments"
  "/extensions?eid=BNCH"
  "/extensions?eid=BNCH&after=$last"
  "/extensions?eid=BNCH&address=0000123"
  "/extensions?eid=BNCH&address=99&mode=ON_DEMAND"
  "/extensions?eid=BNCH&login=agent"
  "/extensions?eid=BNCH&mode=DO_NOT_RECORD"
  "/extensions/edit/$((rows / 2))"
  "/users?eid=BNCH"
  "/groups"
  "/audit"
  "/tokens"
)
dotnet "$client_dll" "$base" 0000 admin "$admin_password" "$requests" "${pages[@]}"
