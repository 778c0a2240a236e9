# shellcheck shell=bash
# The table, the targets of issue #7, and the Markdown file. Sourced by bench/run.

say() { printf '%s\n' "$*" >&2; }
fail() {
  say "bench: $*"
  exit 1
}

store_name() {
  case $1 in
    sqlite) echo SQLite ;;
    postgres) echo PostgreSQL ;;
    *) echo "$1" ;;
  esac
}

progress() {
  IFS=$'\t' read -r kind _ label store rps p50 p99 cpu ratio errors rss other _ <<<"$1"
  [ "$errors" = 0 ] || ratio=invalid
  say "$(printf '  %-28s %-10s %8s req/s  p50 %6s ms  p99 %7s ms  %5s µs/req  ratio %7s  errors %s  RSS %s MB  other %s%%' \
    "$label" "$(store_name "$store")" "$rps" "$p50" "$p99" "$cpu" "$ratio" "$errors" "$rss" "$other")"
}

# The records as rows; a row with any wrong answer or error shows no ratio, and its req/s is marked, because
# its throughput is not that of a working server.
rows() {
  local kind label store rps p50 p99 cpu ratio errors rss other
  while IFS=$'\t' read -r kind _ label store rps p50 p99 cpu ratio errors rss other _; do
    if [ "$errors" != 0 ]; then
      rps="$rps (invalid)"
      ratio="invalid"
    fi
    [ "$kind" = ceiling ] && label="ceiling" && store="-"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$(store_name "$store")" "$rps" "$p50" "$p99" "$cpu" \
      "$ratio" "$errors" "$rss" "$other"
  done <"$records"
}

header=$'scenario\tstore\treq/s\tp50 ms\tp99 ms\tCPU µs/req\tratio\terrors\tpeak RSS MB\tother CPU %'

print_table() {
  { printf '%s\n' "$header"; rows; } | column -t -s $'\t'
}

markdown_table() {
  { printf '%s\n' "$header"; printf -- '---\t---\t--:\t--:\t--:\t--:\t--:\t--:\t--:\t--:\n'; rows; } |
    sed 's/\t/ | /g; s/^/| /; s/$/ |/'
}

# Answers that were not the expected ones, with the first such answer of each run.
wrong_answers() {
  awk -F'\t' '$10 != "0" { printf "- %s on %s: %s errors or wrong answers; first: %s\n", $3, ($4 == "sqlite" ? "SQLite" : ($4 == "postgres" ? "PostgreSQL" : "the ceiling")), $10, ($13 == "" ? "(socket errors or timeouts only)" : $13) }' "$records"
}

# Each target of issue #7 with the figure this run measured: "met" or the gap.
targets() {
  awk -F'\t' -v fills="$fills" -v iterations="$hash_iterations" -v want_fill="$fill_count" \
    -v fill_minutes="$fill_minutes" '
    function verdict(ok) { return ok ? "met" : "NOT met" }
    function pretty(s) { return s == "sqlite" ? "SQLite" : (s == "postgres" ? "PostgreSQL" : s) }
    $1 == "server" && $10 != "0" { invalid[$2 " " $4] = 1 }
    $1 == "server" && $2 == "create-unique" && $9 != "-" && !invalid[$2 " " $4] {
      want = $4 == "postgres" ? 0.35 : 0.5
      printf "- createExtension (unique, durable) on %s: ratio %s, target ≥ %s: %s\n", pretty($4), $9, want, verdict($9 >= want)
    }
    $1 == "server" && $2 == "get" && $9 != "-" && !invalid[$2 " " $4] {
      printf "- getExtension on %s: ratio %s, target ≥ 0.7: %s\n", pretty($4), $9, verdict($9 >= 0.7)
    }
    $1 == "server" && $2 == "token" && $5 != "-" {
      printf "- requestToken on %s: %s req/s, p99 %s ms; PBKDF2-HMAC-SHA256 iterations: %s (stated, no target)\n", pretty($4), $5, $7, iterations
    }
    $1 == "server" && $7 != "-" && $7 > 10 && !invalid[$2 " " $4] { slow = slow sprintf("%s%s on %s %s ms", (slow == "" ? "" : "; "), $3, pretty($4), $7) }
    $1 == "server" && !invalid[$2 " " $4] { servers++ }
    $1 == "server" && $10 != "0" { bad = bad sprintf("%s%s on %s", (bad == "" ? "" : "; "), $3, pretty($4)) }
    END {
      if (servers > 0) {
        printf "- p99 ≤ 10 ms for every scenario: %s\n", (slow == "" ? "met" : "NOT met: " slow)
      }
      if (bad != "") printf "- every answer right: NOT met: %s (no ratio is given for these)\n", bad
      while ((getline line < fills) > 0) {
        split(line, f, "\t")
        if (f[2] < want_fill) {
          printf "- peak RSS ≤ 300 MB after 1,000,000 extensions were created, %s: NOT measured: only %s were created in %s s (the fill stops after %s minutes); peak RSS then %s MB\n", pretty(f[1]), f[2], f[4], fill_minutes, f[5]
        } else if (f[2] >= 1000000) {
          printf "- peak RSS ≤ 300 MB after %s extensions were created, %s: %s MB: %s\n", f[2], pretty(f[1]), f[5], verdict(f[5] <= 300)
        } else {
          printf "- peak RSS after %s extensions were created, %s: %s MB (the target is stated for 1,000,000: --memory)\n", f[2], pretty(f[1]), f[5]
        }
      }
    }' "$records"
}

fill_table() {
  [ -s "$fills" ] || return 0
  printf '| store | extensions created | wrong answers | seconds | creates/s | creates/s first / last 10,000 | peak RSS MB | RSS after MB | database on disk |\n'
  printf '|---|--:|--:|--:|--:|--:|--:|--:|--:|\n'
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %.0f | %s | %s | %s | %s |\n", ($1 == "sqlite" ? "SQLite" : "PostgreSQL"), $2, $3, $4, ($4 > 0 ? $2 / $4 : 0), $8, $5, $6, $7 }' "$fills"
}

write_markdown() {
  {
    printf '# Benchmark run %s\n\n' "$run_id"
    printf 'Command: %s\n\n' "\`$command_line\`"
    printf -- '- when: %s; commit %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$commit"
    printf -- '- machine: %s cores (%s), %s\n' "$(nproc)" "$cpu_model" "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
    printf -- '- load average before: %s; after: %s\n' "$load_before" "$(load_average)"
    printf -- '- wrk %s: -t1 -c%s (requestToken: -c%s), %s s per run after a %s s warm-up, timeout %s s\n' "$wrk_version" "$connections" "$token_connections" "$duration" "$warmup" "$wrk_timeout"
    printf -- '- PasswordHashIterations: %s; one requestToken on the idle server: %s\n' "$hash_iterations" "$token_times"
    printf -- '- database folder: %s (%s)\n' "$work" "$filesystem"
    for note in "${notes[@]}"; do printf -- '- %s\n' "$note"; done
    printf '\n'
    markdown_table
    printf '\n'
    fill_table
    printf '\n## Targets\n\n'
    targets
    if [ -n "$(wrong_answers)" ]; then
      printf '\n## Wrong answers\n\n'
      wrong_answers
    fi
  } >"$markdown"
}

load_average() { cut -d' ' -f1-3 /proc/loadavg; }
