# shellcheck shell=bash
# One measured wrk run against one process, and the fill for the memory target. Sourced by bench/run.
#
# Records go to $records, one tab-separated line per run:
#   kind  scenario  label  store  req/s  p50-ms  p99-ms  cpu-us/req  ratio  errors  peak-rss-MB  other-cpu-%
#   first-wrong-answer

# Usage: run_wrk OUTPUT SECONDS URL SCRIPT ARGS...
run_wrk() {
  local output=$1 seconds=$2 url=$3 script=$4
  shift 4
  wrk -t1 -c"$connections" -d"${seconds}s" --timeout "${wrk_timeout}s" --latency -s "$lua/$script" "$url" -- "$@" \
    >"$output" 2>&1
}

# A number from the BENCH line that bench/lua/common.lua prints; empty when the line is missing.
field() { sed -n "s/^BENCH.* $1=\([0-9]*\).*/\1/p" "$2"; }

# Warms up, then measures one scenario against one process. "@PHASE@" in the arguments becomes w for the warm-up
# and m for the measured run (unique addresses differ between the two).
# Usage: measure KIND SCENARIO LABEL STORE PID URL SCRIPT ARGS...
measure() {
  local kind=$1 scenario=$2 label=$3 store=$4 pid=$5 url=$6 script=$7
  shift 7
  local name="$((++run_number))-$kind-$scenario-$store" before after output seconds=$duration busy_before
  local children_before started other
  output="$raw/$name.txt"
  alive "$pid" "$label"
  # Under 32 connections each requestToken answer waits for the hashes queued before it, seconds at the production
  # iteration count; shorter runs would see few or no answers.
  if [ "$scenario" = token ] && [ "$kind" = server ] && ((seconds < 10)); then
    seconds=10
  fi
  # One login from one address may have no more attempts in flight than the lockout threshold (5; spec §4), and its
  # hashes run two at a time: 4 connections keep both cores hashing without being refused as a flood would be.
  local connections=$connections
  if [ "$scenario" = token ] && [ "$kind" = server ]; then
    connections=$token_connections
  fi
  settle "$pid"
  run_wrk "$raw/$name.warmup.txt" "$warmup" "$url" "$script" "${@//@PHASE@/w}" || true
  settle "$pid"
  before=$(cpu_ticks "$pid")
  busy_before=$(machine_busy_ticks)
  read_children_ticks
  children_before=$children_ticks
  started=$(date +%s%N)
  run_wrk "$output" "$seconds" "$url" "$script" "${@//@PHASE@/m}" || true
  alive "$pid" "$label"
  settle "$pid"
  after=$(cpu_ticks "$pid")
  read_children_ticks
  # What the rest of the machine did meanwhile: busy time not spent by the measured process, wrk or this script.
  other=$(awk -v busy=$(($(machine_busy_ticks) - busy_before)) -v own=$((after - before)) \
    -v children=$((children_ticks - children_before)) -v ns=$(($(date +%s%N) - started)) \
    -v hz="$clock_ticks" -v cpus="$(nproc)" 'BEGIN {
      other = busy - own - children; if (other < 0) other = 0
      printf "%.0f", 100 * other / (ns / 1e9 * hz * cpus) }')
  record "$kind" "$scenario" "$label" "$store" "$pid" "$output" $((after - before)) "$seconds" "$other"
}

# Turns one wrk output into a record and prints it as a progress line.
record() {
  local kind=$1 scenario=$2 label=$3 store=$4 pid=$5 output=$6 ticks=$7 seconds=$8 other=$9 line
  local requests duration_us p50 p99 sent wrong socket rss wrong_answer
  requests=$(field requests "$output")
  if [ -z "$requests" ]; then
    wrong_answer="wrk gave no result: $(tail -n 1 "$output")"
    line=$(printf '%s\t%s\t%s\t%s\t-\t-\t-\t-\t-\tall\t-\t%s\t%s' "$kind" "$scenario" "$label" "$store" "$other" "$wrong_answer")
  else
    duration_us=$(field duration_us "$output")
    p50=$(field p50_us "$output")
    p99=$(field p99_us "$output")
    sent=$(field sent "$output")
    wrong=$(field wrong "$output")
    socket=$(($(field connect "$output") + $(field read "$output") + $(field write "$output") + $(field timeout "$output")))
    rss=$(($(peak_rss_kb "$pid") / 1024))
    wrong_answer=$(sed -n 's/^BENCH-WRONG //p' "$output" | head -c 300)
    if [ "$requests" = 0 ]; then
      # No answer at all in the run is a failure too, not a throughput of zero.
      wrong=$((wrong + 1))
      wrong_answer="no answer within the ${seconds} s run"
    fi
    line=$(awk -v kind="$kind" -v scenario="$scenario" -v label="$label" -v store="$store" -v n="$requests" \
      -v us="$duration_us" -v p50="$p50" -v p99="$p99" -v sent="$sent" -v ticks="$ticks" -v hz="$clock_ticks" \
      -v errors=$((wrong + socket)) -v rss="$rss" -v ceiling="${ceiling_rps:-0}" -v other="$other" \
      -v note="$wrong_answer" 'BEGIN {
        rps = n / (us / 1e6)
        cpu = sent > 0 ? sprintf("%.0f", ticks * 1e6 / hz / sent) : "-"
        ratio = kind == "ceiling" ? "-" : (ceiling > 0 ? sprintf(rps / ceiling < 0.1 ? "%.3f" : "%.2f", rps / ceiling) : "-")
        printf "%s\t%s\t%s\t%s\t%.0f\t%.2f\t%.2f\t%s\t%s\t%d\t%d\t%s\t%s", kind, scenario, label, store, rps,
          p50 / 1000, p99 / 1000, cpu, ratio, errors, rss, other, note }')
    if [ "$kind" = ceiling ]; then
      # A ceiling run with errors is no yardstick: the next scenario then gets no ratio.
      ceiling_rps=0
      [ "$(cut -f10 <<<"$line")" = 0 ] && ceiling_rps=$(cut -f5 <<<"$line")
    fi
  fi
  printf '%s\n' "$line" >>"$records"
  progress "$line"
}

# Creates fill_count extensions through createExtension as fast as the server takes them (wrk, 32 connections),
# then notes the server's peak and current memory. wrk's main thread sleeps for the whole -d duration even when
# the script stopped its thread, so the script leaves a marker file when the count is reached and wrk is then
# interrupted (SIGINT makes it print its summary); so is a fill still short of the count after fill_minutes.
# Usage: fill STORE PID URL
fill() {
  local store=$1 pid=$2 url=$3 output="$raw/fill-$1.txt" marker="$work/fill-$1.done" started seconds ok wrong wrk_pid
  local database="-" i rates
  say "$(store_name "$store"): creating $fill_count extensions for the memory target (at most $fill_minutes minutes)"
  started=$(date +%s)
  # Started directly, not through run_wrk: $! must be wrk itself for the SIGINT to reach it.
  wrk -t1 -c"$connections" -d"$((fill_minutes * 60 + 60))s" --timeout "${wrk_timeout}s" -s "$lua/create-unique.lua" \
    "$url" -- "$token" "${run_id}f" "$fill_count" "$marker" >"$output" 2>&1 &
  wrk_pid=$!
  for ((i = 0; i < fill_minutes * 600; i++)); do
    [ -e "$marker" ] && break
    kill -0 "$wrk_pid" 2>/dev/null || break
    alive "$pid" "server during the fill"
    sleep 0.1
  done
  seconds=$(($(date +%s) - started))
  kill -INT "$wrk_pid" 2>/dev/null || true
  wait "$wrk_pid" || true
  settle "$pid"
  ok=$(field ok "$output")
  wrong=$(field wrong "$output")
  # Creates per second over the first and the last 10,000 (from the script's progress lines).
  rates=$(awk -v start="$started" '/^BENCH-PROGRESS/ { n++; at[n] = $3 }
    END { if (n >= 2) printf "%.0f / %.0f", 10000 / ((at[1] - start) > 0 ? at[1] - start : 1), 10000 / ((at[n] - at[n-1]) > 0 ? at[n] - at[n-1] : 1); else print "-" }' "$output")
  if [ "$store" = sqlite ]; then
    database="$(du -sm "$work/$store" | cut -f1) MB"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$store" "${ok:-0}" "${wrong:-?}" "$seconds" \
    $(($(peak_rss_kb "$pid") / 1024)) $(($(rss_kb "$pid") / 1024)) "$database" "$rates" >>"$fills"
  say "$(store_name "$store"): ${ok:-0} created (${wrong:-?} wrong answers) in $seconds s; peak RSS $(($(peak_rss_kb "$pid") / 1024)) MB"
}
