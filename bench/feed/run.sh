#!/usr/bin/env bash
# Recorder feed benchmark (issue #14): for each size, the extensions are imported with the command line, the Release
# server is started afresh, and a recorder fetches its whole configuration a few times (seconds, bytes, the server's
# peak RSS against its idle RSS), then asks for a delta after a number of changes (ms, bytes). At the largest size,
# many long polls wait at once (the server's threads and RSS before and while they wait) and one change through the
# SOAP API must wake them all (milliseconds until the last is answered). Figures, not assertions; a wrong answer (a
# count that does not match, a status that is not 200) exits 1. See bench/README.md.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

usage() {
  cat <<'TEXT'
usage: bench/feed/run.sh [options]
  --sizes LIST      extension counts, ascending, comma-separated (default 100000,300000,1000000)
  --fetches N       full fetches per size (default 3)
  --changes N       extensions changed before the delta (default 1000)
  --polls N         long polls held at once at the largest size (default 1000; 0: none)
  --wait S          the long polls' ?wait (default 60)
  --pg CONNSTR      PostgreSQL instead of SQLite; the database should be empty or one an earlier run seeded
  --short           --sizes 2000,5000 --fetches 2 --changes 100 --polls 100: checks the harness, no figures to quote
  --no-build        use the Release builds that are there
  --keep            keep the temporary folder (database, logs)
  --set KEY=VALUE   an extra environment variable for the server (experiments, e.g. DOTNET_GCHeapHardLimit=0x8000000)
TEXT
}

root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../lib/report.sh
source "$root/bench/lib/report.sh"
# shellcheck source=../lib/processes.sh
source "$root/bench/lib/processes.sh"
# shellcheck source=../lib/soap.sh
source "$root/bench/lib/soap.sh"

sizes=100000,300000,1000000 fetches=3 changes=1000 polls=1000 wait_seconds=60 build=1 keep=0 pg=""
server_settings=()
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) sizes=$2; shift ;;
    --fetches) fetches=$2; shift ;;
    --changes) changes=$2; shift ;;
    --polls) polls=$2; shift ;;
    --wait) wait_seconds=$2; shift ;;
    --pg) pg=$2; shift ;;
    --short) sizes=2000,5000 fetches=2 changes=100 polls=100 ;;
    --no-build) build=0 ;;
    --keep) keep=1 ;;
    --set) server_settings+=("$2"); shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done
IFS=, read -r -a size_list <<<"$sizes"
for number in "${size_list[@]}" "$fetches" "$changes" "$polls" "$wait_seconds"; do
  [[ "$number" =~ ^[0-9]+$ ]] || fail "--sizes, --fetches, --changes, --polls and --wait take whole numbers"
done
largest=${size_list[-1]}
((changes <= size_list[0])) || fail "--changes must not exceed the smallest size"
((wait_seconds >= 1 && wait_seconds <= 60)) || fail "--wait takes 1 to 60 seconds"

admin_login=admin
admin_password=bench-admin-password
eid=BNCH
run_id=$(date +%Y%m%d%H%M%S)
recorder="feed-$run_id"
server_dll="$root/src/Provisioning.Server/bin/Release/net10.0/Provisioning.Server.dll"
cli_dll="$root/src/Provisioning.Cli/bin/Release/net10.0/provisioning.dll"
client_dll="$root/bench/Provisioning.Bench.Feed/bin/Release/net10.0/Provisioning.Bench.Feed.dll"
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git -C "$root" status --porcelain -- src 2>/dev/null)" ] && commit="$commit (src/ has uncommitted changes)"
for setting in "${server_settings[@]}"; do
  [[ "$setting" == *=* ]] || fail "--set takes KEY=VALUE, not '$setting'"
done

if [ "$build" = 1 ]; then
  say "building the server, the command line and the feed client in Release"
  for project in src/Provisioning.Server src/Provisioning.Cli bench/Provisioning.Bench.Feed; do
    dotnet build "$root/$project" -c Release -nologo -v quiet -clp:ErrorsOnly >&2 || fail "the build of $project failed"
  done
fi
for dll in "$server_dll" "$cli_dll" "$client_dll"; do
  [ -f "$dll" ] || fail "no Release build at $dll; run without --no-build"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/provisioning-feed-bench.XXXXXX")
raw=$work
# shellcheck disable=SC2317 # called by the trap below
cleanup() {
  stop_all
  if [ "$keep" = 1 ]; then say "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "$pg" ]; then
  store=postgres provider=Postgres connection=$pg
else
  store=sqlite provider=Sqlite connection="Data Source=$work/feed.db"
fi

# The command line on the same database, as an operator runs it; only the settings it needs.
cli() {
  (cd "$work" && env -u ASPNETCORE_ENVIRONMENT -u DOTNET_ENVIRONMENT \
    "Provisioning__Storage__Provider=$provider" "Provisioning__Storage__ConnectionString=$connection" \
    "Provisioning__Bootstrap__AdminLogin=$admin_login" "Provisioning__Bootstrap__AdminPassword=$admin_password" \
    dotnet "$cli_dll" "$@")
}
client() { dotnet "$client_dll" "$@"; }
threads() { awk '/^Threads:/ { print $2 }' "/proc/$1/status"; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.0f", kb / 1024 }'; }
# A number from a "FEED kind key=value" line.
value() { sed -n "s/^FEED .* $1=\([0-9.]*\).*/\1/p" <<<"$2"; }

# The extensions of every size: one in ten linked to a user, the modes and media varied. A size imports the first
# rows of this file, so each size holds the extensions of the one before.
awk -v n="$largest" 'BEGIN {
  print "eid,extension,recordingMode,voice,im,video,screenCaptureEnabled,userLoginName"
  split("FULL ON_DEMAND CONTROLLED", mode, " ")
  for (i = 0; i < n; i++)
    printf "BNCH,+49301%07d,%s,true,%s,%s,false,%s\n", i, mode[i % 3 + 1], (i % 2 ? "true" : "false"), (i % 5 ? "false" : "true"), (i % 10 == 0 ? "agent" : "")
}' >"$work/extensions.csv"
# The changes before each delta: the first rows with another recording mode. The next size's import sets them back.
awk -v n="$changes" 'BEGIN {
  print "eid,extension,recordingMode,voice,im,video,screenCaptureEnabled,userLoginName"
  split("FULL ON_DEMAND CONTROLLED", mode, " ")
  for (i = 0; i < n; i++)
    printf "BNCH,+49301%07d,%s,true,%s,%s,false,%s\n", i, mode[(i + 1) % 3 + 1], (i % 2 ? "true" : "false"), (i % 5 ? "false" : "true"), (i % 10 == 0 ? "agent" : "")
}' >"$work/changes.csv"

say "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores); $(store_name "$store"); sizes $sizes"
cli init >/dev/null || fail "provisioning init failed"
# An earlier run may have created these on a PostgreSQL database: "already exists" (exit 1) is accepted, not more.
cli environments create "$eid" "Feed bench" >/dev/null 2>"$work/cli.err" || grep -qi "exist" "$work/cli.err" ||
  fail "environments create: $(cat "$work/cli.err")"
cli users create "$eid" agent --display-name "Bench Agent" >/dev/null 2>"$work/cli.err" || grep -qi "exist" "$work/cli.err" ||
  fail "users create: $(cat "$work/cli.err")"
secret=$(cli recorders add "$recorder" --eid "$eid" --json | sed -n 's/.*"secret": *"\([^"]*\)".*/\1/p')
[ -n "$secret" ] || fail "recorders add gave no secret"

rows=()
poll_row=""
for size in "${size_list[@]}"; do
  head -n $((size + 1)) "$work/extensions.csv" >"$work/part.csv"
  started=$(date +%s%N)
  cli import extensions "$work/part.csv" >"$work/import.out" || fail "the import of $size rows failed: $(tail -n 3 "$work/import.out")"
  import_s=$(awk -v ns=$(($(date +%s%N) - started)) 'BEGIN { printf "%.1f", ns / 1e9 }')

  start_server "$store" "$provider" "$connection" || fail "the server did not start"
  pid=$listening_pid
  base="http://127.0.0.1:$listening_port"
  settle "$pid"
  idle_rss=$(rss_kb "$pid")
  first_s="" best_s="" bytes="" hwm_each=()
  # One client process fetches them all (only the first pays for its start); the peak is read after each.
  while IFS= read -r line; do
    [[ "$line" == "FEED full "* ]] || continue
    [ "$(value extensions "$line")" = "$size" ] || fail "full fetch at $size gave $(value extensions "$line") extensions"
    seconds=$(value seconds "$line")
    bytes=$(value bytes "$line")
    [ -z "$first_s" ] && first_s=$seconds
    if [ -z "$best_s" ] || awk -v a="$seconds" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then best_s=$seconds; fi
    hwm_each+=("$(mb "$(peak_rss_kb "$pid")")")
    revision=$(value revision "$line")
  done < <(client full "$base" "$recorder" "$secret" "$fetches" || echo "FEED failed")
  alive "$pid" server
  ((${#hwm_each[@]} == fetches)) || fail "full fetch at $size: $((fetches - ${#hwm_each[@]})) of $fetches failed (see above)"
  settle "$pid"
  peak=$(peak_rss_kb "$pid")
  after_rss=$(rss_kb "$pid")

  cli import extensions "$work/changes.csv" >"$work/import.out" || fail "the import of the changes failed"
  deltas=$(client delta "$base" "$recorder" "$secret" "$revision" 3 "$changes") || fail "delta at $size: see above"
  served_ms=$(value after_ms "$(grep '^FEED delta-served' <<<"$deltas")")
  deltas=$(grep '^FEED delta ' <<<"$deltas")
  line=$(tail -n 1 <<<"$deltas")
  [ "$(value changes "$line")" = "$changes" ] || fail "the delta at $size listed $(value changes "$line") changes, not $changes"
  delta_ms=$(while IFS= read -r l; do value ms "$l"; done <<<"$deltas" | sort -g | head -n 1)
  rows+=("$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' "$size" "$import_s" \
    "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')" "$first_s" "$best_s" "$(mb "$idle_rss")" \
    "$(IFS=/; echo "${hwm_each[*]}")" "$(mb $((peak - idle_rss)))" "$(mb "$after_rss")" "$served_ms / $delta_ms" \
    "$(awk -v b="$(value bytes "$line")" 'BEGIN { printf "%.0f", b / 1e3 }')")")
  say "  $size: ${rows[-1]//$'\t'/  }"

  if [ "$size" = "$largest" ] && ((polls > 0)); then
    revision=$(value revision "$line")
    answer=$(soap_expect OK "$base/provisioning" requestToken \
      "<eid>0000</eid><loginName>$admin_login</loginName><password>$admin_password</password>")
    token=$(sed -n 's:.*<token>\([^<]*\)</token>.*:\1:p' <<<"$answer")
    settle "$pid"
    idle_threads=$(threads "$pid") idle_rss=$(rss_kb "$pid")
    client polls "$base" "$recorder" "$secret" "$polls" "$revision" "$wait_seconds" >"$work/polls.out" 2>&1 &
    poller=$!
    started_pids+=("$poller")
    for ((i = 0; i < 600; i++)); do
      grep -q '^FEED polls-sent' "$work/polls.out" && break
      kill -0 "$poller" 2>/dev/null || fail "the long polls failed: $(cat "$work/polls.out")"
      sleep 0.1
    done
    grep -q '^FEED polls-sent' "$work/polls.out" || fail "the long polls were not all sent within a minute"
    settle "$pid"
    waiting_threads=$(threads "$pid") waiting_rss=$(rss_kb "$pid")
    changed=$(date +%s%N)
    soap_expect OK "$base/provisioning" createExtension \
      "<token>$token</token><extension><eid>$eid</eid><extension>feed-$run_id@bench.example</extension><recordingMode>FULL</recordingMode><voice>1</voice></extension>" >/dev/null
    acknowledged=$(date +%s%N)
    wait "$poller" || fail "the long polls failed: $(cat "$work/polls.out")"
    stop_process "$poller"
    line=$(grep '^FEED polls answered' "$work/polls.out")
    [ "$(value status200 "$line")" = "$polls" ] || fail "not every long poll was answered 200: $line"
    (($(value first_ns "$line") >= changed)) || fail "a long poll was answered before the change: $line"
    last=$(value last_ns "$line")
    poll_row=$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s' "$polls" "$idle_threads" "$waiting_threads" "$(mb "$idle_rss")" \
      "$(mb "$waiting_rss")" "$(((acknowledged - changed) / 1000000))" "$(((last - changed) / 1000000))")
    say "  polls: ${poll_row//$'\t'/  }"
  fi
  stop_process "$pid"
done

echo
echo "Recorder feed, $(store_name "$store"), $(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg), commit $commit"
for setting in "${server_settings[@]}"; do echo "EXPERIMENT: the server ran with $setting"; done
echo
echo "| extensions | import s | JSON MB | first fetch s | best fetch s | idle RSS MB | peak RSS MB after each fetch | peak − idle MB | RSS after MB | delta of $changes ms: until listed / best | delta kB |"
echo "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
for row in "${rows[@]}"; do echo "| ${row//$'\t'/ | } |"; done
if [ -n "$poll_row" ]; then
  echo
  echo "| long polls | threads idle | threads waiting | RSS idle MB | RSS waiting MB | change acknowledged ms | change → last poll answered ms |"
  echo "|--:|--:|--:|--:|--:|--:|--:|"
  echo "| ${poll_row//$'\t'/ | } |"
fi
