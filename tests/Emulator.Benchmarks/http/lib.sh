# Shared by compare.sh and imds.sh (sourced, not run): stopping the servers a script started, failing loudly,
# and starting a server in the background until it answers on its URL.
# The sourcing script sets: name (for messages), work (a scratch folder), and the associative array url.
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}

fail() { echo "$name: FAILED: $*" >&2; exit 1; }

# Servers don't inherit the lock's descriptor (9>&-): the lock ends with the script.
start() { # target command...
  local target=$1; shift
  "$@" >"$work/$target.log" 2>&1 9>&- &
  pids+=($!)
  for _ in $(seq 1 300); do
    curl -s -o /dev/null --max-time 1 "${url[$target]}/" && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$work/$target.log"; fail "$target exited during start"; }
    sleep 0.1
  done
  cat "$work/$target.log"; fail "$target did not listen on ${url[$target]} within 30 s"
}
