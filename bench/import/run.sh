#!/usr/bin/env bash
# Import benchmark (issue #6): generate a CSV of ROWS extensions (default 1,000,000), import it into a fresh SQLite
# file with the Release build of the command line, then import it again (all unchanged). Prints elapsed seconds,
# rows/s, CPU seconds and peak RSS (VmHWM, from GNU time) of each run. Figures, not assertions: the target is
# 1,000,000 rows in at most 10 s on the 2-core reference machine. Self-contained: nothing outside bench/import is used
# but the CLI project it builds.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${ROWS:-1000000}
work=$(mktemp -d "${TMPDIR:-/tmp}/provisioning-import-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

dotnet build src/Provisioning.Cli -c Release -o "$work/cli" -v q --nologo >/dev/null
awk -v n="$rows" 'BEGIN {
  print "eid,extension,recordingMode,voice,im,video,screenCaptureEnabled,userLoginName"
  split("FULL ON_DEMAND CONTROLLED", mode, " ")
  for (i = 0; i < n; i++)
    printf "BNCH,+49301%07d,%s,true,%s,false,false,%s\n", i, mode[i % 3 + 1], (i % 2 ? "true" : "false"), (i % 10 == 0 ? "agent" : "")
}' > "$work/extensions.csv"

export Provisioning__Storage__ConnectionString="Data Source=$work/bench.db"
export Provisioning__Security__PasswordHashIterations=1000
cli=(dotnet "$work/cli/provisioning.dll")
"${cli[@]}" init >/dev/null
"${cli[@]}" environments create BNCH Bench >/dev/null
"${cli[@]}" users create BNCH agent >/dev/null

timed() {
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/out.txt"
  else
    "$@" > "$work/out.txt"
    : > "$work/time.txt"
  fi
  end=$(date +%s.%N)
  local user sys rss
  user=$(awk -F': ' '/User time/ {print $2}' "$work/time.txt")
  sys=$(awk -F': ' '/System time/ {print $2}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  awk -v label="$label" -v rows="$rows" -v s="$start" -v e="$end" -v u="${user:-0}" -v y="${sys:-0}" -v r="${rss:-0}" 'BEGIN {
    t = e - s
    printf "%-10s %9d rows  %6.2f s  %9.0f rows/s  cpu %6.2f s  peak RSS %s MiB\n", label, rows, t, rows / t, u + y, (r > 0 ? sprintf("%.0f", r / 1024) : "n/a")
  }'
  tail -n 1 "$work/out.txt"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "file: $(du -h "$work/extensions.csv" | cut -f1) for $rows rows"
timed import "${cli[@]}" import extensions "$work/extensions.csv"
grep -q ": $rows created, 0 updated, 0 unchanged, 0 rejected" "$work/out.txt" || { echo "import: not every row was created" >&2; exit 1; }
timed re-import "${cli[@]}" import extensions "$work/extensions.csv"
grep -q "^Nothing changed: all $rows rows" "$work/out.txt" || { echo "re-import: rows changed" >&2; exit 1; }
echo "database: $(du -h "$work/bench.db" | cut -f1)"
