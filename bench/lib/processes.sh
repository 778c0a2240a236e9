# shellcheck shell=bash
# Starting, watching and stopping the processes under measurement. Sourced by bench/run.
#
# Every process is started by this script and stopped by its own id (see stop_all); figures come from /proc of
# that id: utime+stime for CPU time, VmHWM for peak resident memory.

started_pids=()
clock_ticks=$(getconf CLK_TCK)

# CPU time (user + system, all threads) of a process, in clock ticks. The command name in field 2 may hold spaces,
# so the fields are counted after its closing parenthesis.
cpu_ticks() {
  local rest
  rest=$(sed 's/^.*) //' "/proc/$1/stat")
  awk '{ print $12 + $13 }' <<<"$rest"
}

# Busy time of the whole machine (all CPUs, everything but idle and iowait), in clock ticks.
machine_busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }

# Sets children_ticks to the CPU time of this script's finished children (wrk, curl, sed...), in clock ticks.
# `times` must run in this shell, not in a $(...) subshell, or it would report the subshell's children; hence a
# global rather than output.
read_children_ticks() {
  times >"$work/times"
  children_ticks=$(awk -v hz="$clock_ticks" 'NR == 2 {
    total = 0
    for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); total += t[1] * 60 + t[2] }
    printf "%.0f\n", total * hz }' "$work/times")
}

# Peak and current resident set size of a process, in kB.
peak_rss_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

# Stops the run when a process under measurement has died: its figures would be meaningless.
alive() {
  kill -0 "$1" 2>/dev/null || fail "process $1 ($2) has died; see its log in $raw"
}

# Waits until a process has used no more than one clock tick in each of three consecutive 100 ms intervals, so
# that work left over from one run (requests still in flight when wrk stopped, a password hash that cannot be
# cancelled) is not charged to the next. Gives up after 60 s and says so.
settle() {
  local pid=$1 previous now quiet=0 i
  previous=$(cpu_ticks "$pid")
  for ((i = 0; i < 600; i++)); do
    sleep 0.1
    now=$(cpu_ticks "$pid")
    if ((now - previous <= 1)); then
      quiet=$((quiet + 1))
      ((quiet >= 3)) && return 0
    else
      quiet=0
    fi
    previous=$now
  done
  say "warning: process $pid was still busy 60 s after the load stopped"
}

# Starts a command in the background with its output in a log file and waits (60 s at most) for the line that
# says where it listens. Sets listening_pid and listening_port (globals: this must not run in a subshell, or the
# process would not be this script's child and could not be stopped at exit); fails with the end of the log if
# the process died or never listened. Usage: start_listening LOG REGEX DIRECTORY COMMAND...  (REGEX: one group)
start_listening() {
  local log=$1 regex=$2 directory=$3 pid port i
  shift 3
  (cd "$directory" && exec "$@") >"$log" 2>&1 &
  pid=$!
  started_pids+=("$pid")
  for ((i = 0; i < 600; i++)); do
    port=$(sed -En "s#.*${regex}.*#\\1#p" "$log" | head -n 1)
    if [ -n "$port" ]; then
      listening_pid=$pid
      listening_port=$port
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  {
    echo "$(basename "$log" .log) did not start listening; the end of its log:"
    tail -n 15 "$log" | sed 's/^/    /'
  } >&2
  stop_process "$pid"
  return 1
}

# SIGTERM, then SIGKILL after 10 s, to one process this script started.
stop_process() {
  local pid=$1 i other kept=()
  for other in "${started_pids[@]}"; do
    if [ "$other" != "$pid" ]; then kept+=("$other"); fi
  done
  started_pids=("${kept[@]}")
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

stop_all() {
  local pid
  for pid in "${started_pids[@]}"; do
    stop_process "$pid"
  done
  started_pids=()
}

# The ceiling: bench/Provisioning.Bench.Ceiling on a free loopback port.
start_ceiling() {
  start_listening "$raw/ceiling.log" 'Ceiling listening on http://127\.0\.0\.1:([0-9]+)/' "$work" \
    dotnet "$ceiling_dll" 0
}

# The server on one store, configured only through its documented settings; any Provisioning__ setting inherited
# from the caller's environment is dropped so that every other setting keeps its production default (notably
# Provisioning:Security:PasswordHashIterations). Usage: start_server NAME PROVIDER CONNECTION-STRING
start_server() {
  local name=$1 provider=$2 connection=$3 directory="$work/$1" variable drop=()
  mkdir -p "$directory"
  while IFS= read -r variable; do
    drop+=(-u "$variable")
  done < <(compgen -e | grep -i '^provisioning__' || true)
  start_listening "$work/server-$name.log" 'API version 2 listening on http://127\.0\.0\.1:([0-9]+)/provisioning' \
    "$directory" env "${drop[@]}" -u ASPNETCORE_ENVIRONMENT -u DOTNET_ENVIRONMENT \
    "Provisioning__UrlTemplate=http://127.0.0.1:{port}/provisioning" \
    "Provisioning__PortRangeStart=0" \
    "Provisioning__Storage__Provider=$provider" \
    "Provisioning__Storage__ConnectionString=$connection" \
    "Provisioning__Bootstrap__AdminLogin=$admin_login" \
    "Provisioning__Bootstrap__AdminPassword=$admin_password" \
    "Logging__Console__FormatterName=simple" \
    "${server_settings[@]}" \
    dotnet "$server_dll"
}

# The server's log can grow by a line per request; its beginning and end are kept with the results.
keep_log() {
  local log="$work/server-$1.log" lines
  [ -f "$log" ] || return 0
  lines=$(wc -l <"$log")
  if ((lines <= 80)); then
    cp "$log" "$raw/server-$1.log"
  else
    { head -n 40 "$log"; echo "[... $((lines - 80)) lines left out ...]"; tail -n 40 "$log"; } >"$raw/server-$1.log"
  fi
}
