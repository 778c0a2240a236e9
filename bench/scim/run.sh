#!/usr/bin/env bash
# SCIM benchmark (issue #17): USERS users (default 1,000,000) are imported into a fresh SQLite file with the command
# line's bulk import, the Release server is started on it, and an identity provider's requests are timed one at a time
# (bench/scim/measure.mjs, node): GET /Users?filter=userName eq "…" for random users, then PATCH replace displayName.
# Prints p50, p99 and max per kind. Target: p99 ≤ 10 ms each on the 2-core reference machine. Figures, not assertions;
# the run fails only when an answer is wrong. --short: 20,000 users and 500 requests of each kind. --db FILE: use that
# SQLite file and keep it; it is filled only when it does not exist yet, so a later run measures without filling again.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/bench/lib/report.sh"
source "$root/bench/lib/processes.sh"
users=${USERS:-1000000} requests=${REQUESTS:-2000} build=1 db=
while [ $# -gt 0 ]; do
  case $1 in
    --short) users=20000 requests=500 ;;
    --no-build) build=0 ;;
    --db) db=$(realpath -m "${2:?--db needs a file}"); shift ;;
    *) echo "usage: bench/scim/run.sh [--short] [--no-build] [--db FILE]  (USERS=…, REQUESTS=… to choose sizes)" >&2; exit 2 ;;
  esac
  shift
done
fail() { say "bench/scim: $*"; exit 1; }
command -v node >/dev/null || fail "node is not on PATH (apt-get install nodejs)"

admin_login=admin admin_password=bench-admin-password eid=SCIM server_settings=()
server_dll="$root/src/Provisioning.Server/bin/Release/net10.0/Provisioning.Server.dll"
cli_dll="$root/src/Provisioning.Cli/bin/Release/net10.0/provisioning.dll"
if [ "$build" = 1 ]; then
  for project in src/Provisioning.Server src/Provisioning.Cli; do
    dotnet build "$root/$project" -c Release -nologo -v quiet -clp:ErrorsOnly >&2 || fail "the build of $project failed"
  done
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/provisioning-scim-bench.XXXXXX")
trap 'stop_all; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
connection="Data Source=${db:-$work/scim.db}"
cli() {
  (cd "$work" && env -u ASPNETCORE_ENVIRONMENT -u DOTNET_ENVIRONMENT "Provisioning__Storage__Provider=Sqlite" \
    "Provisioning__Storage__ConnectionString=$connection" "Provisioning__Bootstrap__AdminLogin=$admin_login" \
    "Provisioning__Bootstrap__AdminPassword=$admin_password" dotnet "$cli_dll" "$@")
}

say "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores); $users users, $requests requests of each kind"
if [ -n "$db" ] && [ -e "$db" ]; then
  say "using the filled database $db"
else
  cli init >/dev/null || fail "provisioning init failed"
  cli environments create "$eid" "SCIM bench" >/dev/null || fail "environments create failed"
  awk -v n="$users" -v eid="$eid" 'BEGIN {
  print "eid,loginName,displayName,externalId,extensions"
  for (i = 0; i < n; i++) printf "%s,scim-bench-%d,User %d,ext-%d,+49302%07d\n", eid, i, i, i, i
}' >"$work/users.csv"
  started=$(date +%s%N)
  cli import users "$work/users.csv" >"$work/import.out" || fail "the import failed: $(tail -n 3 "$work/import.out")"
  say "import of $users users: $(awk -v ns=$(($(date +%s%N) - started)) 'BEGIN { printf "%.1f", ns / 1e9 }') s; $(tail -n 1 "$work/import.out")"
fi
token=$(cli scim tokens create "$eid" --name "bench-$(date +%s%N)" --json | sed -n 's/.*"token": *"\([^"]*\)".*/\1/p')
[ -n "$token" ] || fail "scim tokens create gave no token"

start_server sqlite Sqlite "$connection" || fail "the server did not start"
settle "$listening_pid"
node "$root/bench/scim/measure.mjs" "http://127.0.0.1:$listening_port/scim/v2" "$token" "$users" "$requests" || fail "a SCIM answer was wrong"
