#!/usr/bin/env bash
# Side-by-side HTTP comparison, in one run, at default server settings:
#   ceiling   tests/Emulator.Benchmarks/Ceiling: Kestrel defaults, one SigV4 key derivation + signature per
#             request, a small fixed XML answer (the most a SigV4 endpoint on this machine can do)
#   emulator  Release build of src/Emulator.Server, default logging (Information: one line per call),
#             stdout redirected to a file as CI users do
#   emulator-warn  the same build with --Serilog:MinimumLevel:Default=Warning (WARNING_ROW=0 leaves it out),
#             to show what the per-call log line costs
#   emulator-sqlite  (BENCH_STATE=1) the same build with --state sqlite:FILE: every write committed (WAL, synchronous=FULL)
#             before its response
#   emulator-postgres  (BENCH_STATE=1 and BENCH_POSTGRES=postgres://user:password@127.0.0.1:port/empty-database) the same
#             build on PostgreSQL, as one of several replicas would run: every read first asks for the latest revision
#   moto      moto_server, the peer
# Requests, each SigV4-signed once with botocore and replayed by wrk (valid for the 15-minute skew window):
#   STS GetCallerIdentity (root keys of the default account), IAM GetRole on an existing role, IAM ListRoles
#   with 100 roles present (created through the API with boto3 on the emulators and moto), and TagRole (a write:
#   the same tag set again, each one a committed change). REQUESTS="GetRole TagRole" picks some.
# Each target gets a WARMUP-second warm-up that reads every response and fails the run on any non-2xx, then a
# DURATION-second measurement with the same wrk settings for all. Prints a markdown table and the ratios.
#
# usage: tests/Emulator.Benchmarks/http/compare.sh
# The script takes /tmp/dotnet.lock itself (LOCK=...): for the Release builds, then for the whole measurement
# phase, so builds of other work on the machine don't skew the numbers. Do not wrap it in flock yourself.
set -euo pipefail
cd "$(dirname "$0")/../../.."
LOCK=${LOCK:-/tmp/dotnet.lock}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
ROLES=${ROLES:-100}
WARNING_ROW=${WARNING_ROW:-1}
BENCH_STATE=${BENCH_STATE:-0}
BENCH_POSTGRES=${BENCH_POSTGRES:-}
read -r -a requests <<<"${REQUESTS:-GetCallerIdentity GetRole ListRoles TagRole}"
PORT_BASE=${PORT_BASE:-4631}
MOTO=${MOTO:-moto_server}
KEY=AKIAIOSFODNN7EXAMPLE
SECRET=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost

for tool in wrk curl python3 "$MOTO"; do
  command -v "$tool" >/dev/null || { echo "compare.sh: $tool is not installed (wrk: apt-get install wrk)" >&2; exit 1; }
done

# Server logs and scripts go under /var/tmp, not /tmp: a process started in /tmp with ASP.NET Core's default
# content-root file watcher watches /tmp recursively, and every log line written below it would wake that process.
work=$(mktemp -d -p "${WORK_PARENT:-/var/tmp}" emulator-compare.XXXXXX)
name=compare.sh
# shellcheck source=tests/Emulator.Benchmarks/http/lib.sh
source tests/Emulator.Benchmarks/http/lib.sh
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== Release builds (holding $LOCK)"
flock "$LOCK" dotnet build -c Release src/Emulator.Server -v q -nologo --disable-build-servers >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "emulator build"; }
flock "$LOCK" dotnet build -c Release tests/Emulator.Benchmarks/Ceiling -v q -nologo --disable-build-servers >>"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "ceiling build"; }
emulator_dll=src/Emulator.Server/bin/Release/net10.0/Emulator.Server.dll
ceiling_dll=tests/Emulator.Benchmarks/Ceiling/bin/Release/net10.0/Ceiling.dll

# From here to the end the lock is held: no build on the machine runs during the measurements.
exec 9>"$LOCK"
echo "== waiting for $LOCK"
flock 9
locked_at=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

targets=(ceiling emulator)
[ "$WARNING_ROW" = 1 ] && targets+=(emulator-warn)
[ "$BENCH_STATE" = 1 ] && targets+=(emulator-sqlite)
[ "$BENCH_STATE" = 1 ] && [ -n "$BENCH_POSTGRES" ] && targets+=(emulator-postgres)
targets+=(moto)
declare -A port url
i=0
for target in "${targets[@]}"; do
  port[$target]=$((PORT_BASE + i)); url[$target]=http://127.0.0.1:${port[$target]}; i=$((i + 1))
  if curl -s -o /dev/null --max-time 1 "${url[$target]}/"; then fail "port ${port[$target]} is already in use (PORT_BASE=...)"; fi
done

start ceiling dotnet "$ceiling_dll" --urls "${url[ceiling]}"
start emulator dotnet "$emulator_dll" --urls "${url[emulator]}"
[ "$WARNING_ROW" = 1 ] && start emulator-warn dotnet "$emulator_dll" --urls "${url[emulator-warn]}" --Serilog:MinimumLevel:Default=Warning
[ "$BENCH_STATE" = 1 ] && start emulator-sqlite dotnet "$emulator_dll" --urls "${url[emulator-sqlite]}" --state "sqlite:$work/state.db"
[ "$BENCH_STATE" = 1 ] && [ -n "$BENCH_POSTGRES" ] && start emulator-postgres dotnet "$emulator_dll" --urls "${url[emulator-postgres]}" --state "$BENCH_POSTGRES"
start moto "$MOTO" -H 127.0.0.1 -p "${port[moto]}"

for target in "${targets[@]}"; do
  [ "$target" = ceiling ] || python3 tests/Emulator.Benchmarks/http/create_roles.py "${url[$target]}" "$KEY" "$SECRET" "$ROLES" \
    || fail "creating $ROLES roles on $target"
  sign=(python3 tests/Emulator.Benchmarks/http/sign_request.py)
  "${sign[@]}" --service=sts "${url[$target]}" GetCallerIdentity "$work/$target-GetCallerIdentity.lua" "$KEY" "$SECRET"
  "${sign[@]}" --service=iam "${url[$target]}" GetRole "$work/$target-GetRole.lua" "$KEY" "$SECRET" RoleName=bench-role-000
  "${sign[@]}" --service=iam "${url[$target]}" ListRoles "$work/$target-ListRoles.lua" "$KEY" "$SECRET"
  "${sign[@]}" --service=iam "${url[$target]}" TagRole "$work/$target-TagRole.lua" "$KEY" "$SECRET" RoleName=bench-role-000 \
    Tags.member.1.Key=bench Tags.member.1.Value=replayed
done

settings="-t$THREADS -c$CONNECTIONS -d${DURATION}s --latency"
results=$work/results.tsv
: >"$results"
for request in "${requests[@]}"; do
  for target in "${targets[@]}"; do
    script=$work/$target-$request.lua
    echo "== $request on $target: warm-up ${WARMUP}s, every response checked"
    WRK_CHECK=1 wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$script" "${url[$target]}/" >"$work/warm.txt" 2>&1 || true
    check=$(grep '^statuses ' "$work/warm.txt" || true)
    echo "   $check"
    read -r ok bad bytes <<<"$(sed -E 's/^statuses ok=([0-9]+) bad=([0-9]+) bytes=([0-9]+).*/\1 \2 \3/' <<<"$check")"
    if [ -z "$check" ] || [ "$bad" != 0 ] || [ "$ok" = 0 ]; then
      cat "$work/warm.txt" >&2
      fail "$target answered $request with non-2xx (or not at all) during the warm-up"
    fi
    echo "== $request on $target: wrk $settings"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$script" "${url[$target]}/" | tee "$work/run.txt"
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/run.txt")
    read -r p50 p99 <<<"$(sed -nE 's/^p50_ms=([0-9.]+) p99_ms=([0-9.]+)$/\1 \2/p' "$work/run.txt")"
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$work/run.txt"); non2xx=${non2xx:-0}
    errors=$(sed -nE 's/^ *Socket errors: (.*)$/\1/p' "$work/run.txt"); errors=${errors:-none}
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$request" "$target" "$rps" "$p50" "$p99" "$non2xx" "$bytes" "$errors" >>"$results"
  done
done
for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || fail "a server (pid $pid) died during the measurements"; done
locked=$(( $(date +%s) - locked_at ))
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

runtime=$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ {v=$2} END {print v}')
moto_version=$(python3 -c 'import moto; print(moto.__version__)' 2>/dev/null || echo '?')
echo
echo "## Results"
echo
echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); lock held ${locked}s; load average ${load_before} before, ${load_after} after"
echo "- Machine: $(nproc) cores, $(lscpu | sed -nE 's/^Model name: *//p' | head -1); server and wrk share the cores"
echo "- .NET: SDK $(dotnet --version), ASP.NET Core runtime $runtime; moto $moto_version; $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "- wrk: \`wrk $settings\` per request and target, after a ${WARMUP}s warm-up that checks every response is 2xx"
echo
python3 - "$results" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
data = {(r[0], r[1]): r for r in rows}
requests = list(dict.fromkeys(r[0] for r in rows))
targets = list(dict.fromkeys(r[1] for r in rows))
names = {"ceiling": "ceiling (Kestrel + one SigV4 chain)", "emulator": "emulator (default logging, to a file)",
         "emulator-warn": "emulator (log level Warning)", "emulator-sqlite": "emulator --state sqlite: (default logging)",
         "emulator-postgres": "emulator --state postgres:// (default logging)", "moto": "moto_server"}
print("| Request | Target | Requests/s | p50 | p99 | Non-2xx | Response bytes | Socket errors |")
print("|---|---|---:|---:|---:|---:|---:|---|")
for q in requests:
    for t in targets:
        r = data[(q, t)]
        print(f"| {q} | {names.get(t, t)} | {float(r[2]):,.0f} | {float(r[3]):.2f} ms | {float(r[4]):.2f} ms | {r[5]} | {r[6]} | {r[7]} |")
print()
goals = {"GetCallerIdentity": (0.50, 60), "GetRole": (0.50, 60), "ListRoles": (None, 100)}
def rps(q, t):
    return float(data[(q, t)][2]) if (q, t) in data else None
def verdict(value, goal, fmt):
    if goal is None:
        return f"{fmt(value)} (no target)"
    return f"{fmt(value)} {'≥' if value >= goal else '<'} {fmt(goal)} {'met' if value >= goal else '**missed**'}"
two = lambda v: f"{v:.2f}"
times = lambda v: f"{v:.0f}×" if v >= 10 else f"{v:.1f}×"
header = "| Request | emulator / ceiling | emulator / moto |"
if ("GetCallerIdentity", "emulator-warn") in data:
    header += " emulator (Warning) / ceiling | emulator (Warning) / moto |"
print(header)
print("|---|---|---|" + ("---|---|" if "emulator-warn" in targets else ""))
for q in requests:
    goal_ceiling, goal_moto = goals.get(q, (None, None))
    line = f"| {q} | {verdict(rps(q, 'emulator') / rps(q, 'ceiling'), goal_ceiling, two)} | {verdict(rps(q, 'emulator') / rps(q, 'moto'), goal_moto, times)} |"
    if "emulator-warn" in targets:
        line += f" {two(rps(q, 'emulator-warn') / rps(q, 'ceiling'))} | {times(rps(q, 'emulator-warn') / rps(q, 'moto'))} |"
    print(line)
PY
echo
echo "(ListRoles on the ceiling answers its small fixed body, not 100 roles: that column only bounds the request side.)"
