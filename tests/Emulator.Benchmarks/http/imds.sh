#!/usr/bin/env bash
# The instance metadata service under load, side by side in one run, at default server settings:
#   ceiling   tests/Emulator.Benchmarks/Ceiling: Kestrel defaults, GET /latest/meta-data/iam/security-credentials/{role}
#             answering a fixed credential document when a token header is present (no validation, no lookup)
#   emulator  Release build of src/Emulator.Server, default logging (one line per request, to a file), one
#             seeded instance with a role; the request carries a real IMDSv2 token (PUT /latest/api/token first)
#   moto      moto_server's fixed instance-metadata answer, the peer
# Each target gets a WARMUP-second warm-up that fails the run on any non-2xx, then a DURATION-second measurement
# with the same wrk settings. Prints a markdown table and the emulator's share of the ceiling.
#
# usage: tests/Emulator.Benchmarks/http/imds.sh
# Takes /tmp/dotnet.lock itself (LOCK=...) for the builds and the whole measurement; do not wrap it in flock.
set -euo pipefail
cd "$(dirname "$0")/../../.."
LOCK=${LOCK:-/tmp/dotnet.lock}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
PORT_BASE=${PORT_BASE:-4661}
MOTO=${MOTO:-moto_server}
INSTANCE=i-0123456789abcdef0
ROLE=bench-instance-role
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost

for tool in wrk curl python3 "$MOTO"; do
  command -v "$tool" >/dev/null || { echo "imds.sh: $tool is not installed (wrk: apt-get install wrk)" >&2; exit 1; }
done

work=$(mktemp -d -p "${WORK_PARENT:-/var/tmp}" emulator-imds.XXXXXX)
name=imds.sh
# shellcheck source=tests/Emulator.Benchmarks/http/lib.sh
source tests/Emulator.Benchmarks/http/lib.sh
trap cleanup EXIT
trap 'exit 130' INT TERM

cat >"$work/seed.json" <<JSON
{"accounts":[{"id":"123456789012","rootAccessKeyId":"AKIAIOSFODNN7EXAMPLE","rootSecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  "roles":[{"RoleName":"$ROLE","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}}],
  "instanceProfiles":[{"InstanceProfileName":"$ROLE","Roles":["$ROLE"]}],
  "instances":[{"InstanceId":"$INSTANCE","IamInstanceProfile":"$ROLE","MetadataOptions":{"HttpTokens":"required"}}]}]}
JSON

echo "== Release builds (holding $LOCK)"
flock "$LOCK" dotnet build -c Release src/Emulator.Server -v q -nologo --disable-build-servers >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "emulator build"; }
flock "$LOCK" dotnet build -c Release tests/Emulator.Benchmarks/Ceiling -v q -nologo --disable-build-servers >>"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "ceiling build"; }
emulator_dll=src/Emulator.Server/bin/Release/net10.0/Emulator.Server.dll
ceiling_dll=tests/Emulator.Benchmarks/Ceiling/bin/Release/net10.0/Ceiling.dll

exec 9>"$LOCK"
echo "== waiting for $LOCK"
flock 9
locked_at=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

targets=(ceiling emulator moto)
declare -A port url
i=0
for target in "${targets[@]}"; do
  port[$target]=$((PORT_BASE + i)); url[$target]=http://127.0.0.1:${port[$target]}; i=$((i + 1))
  if curl -s -o /dev/null --max-time 1 "${url[$target]}/"; then fail "port ${port[$target]} is already in use (PORT_BASE=...)"; fi
done

start ceiling dotnet "$ceiling_dll" --urls "${url[ceiling]}"
start emulator dotnet "$emulator_dll" --urls "${url[emulator]}" --seed "$work/seed.json" ${EMULATOR_ARGS:-}
start moto "$MOTO" -H 127.0.0.1 -p "${port[moto]}"

# The emulator's token is real (PUT, 6 hours); the ceiling only checks the header is there; moto ignores it.
token=$(curl -sf -X PUT "${url[emulator]}/$INSTANCE/latest/api/token" -H 'X-aws-ec2-metadata-token-ttl-seconds: 21600') \
  || fail "no IMDSv2 token from the emulator"
declare -A path
path[ceiling]=/latest/meta-data/iam/security-credentials/$ROLE
path[emulator]=/$INSTANCE/latest/meta-data/iam/security-credentials/$ROLE
path[moto]=/latest/meta-data/iam/security-credentials/default-role
for target in "${targets[@]}"; do
  cat >"$work/$target.lua" <<LUA
wrk.method = "GET"
wrk.path = "${path[$target]}"
wrk.headers["X-aws-ec2-metadata-token"] = "$token"
function done(summary, latency, requests)
  io.write(string.format("p50_ms=%.3f p99_ms=%.3f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
  cat >"$work/$target-check.lua" <<LUA
wrk.method = "GET"
wrk.path = "${path[$target]}"
wrk.headers["X-aws-ec2-metadata-token"] = "$token"
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) ok = 0; bad = 0; bytes = 0 end
function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 else bad = bad + 1 end
  bytes = #body
end
function done(summary, latency, requests)
  local o, b, n = 0, 0, 0
  for _, t in ipairs(threads) do o = o + t:get("ok"); b = b + t:get("bad"); n = t:get("bytes") end
  io.write(string.format("statuses ok=%d bad=%d bytes=%d\n", o, b, n))
end
LUA
done

settings="-t$THREADS -c$CONNECTIONS -d${DURATION}s --latency"
results=$work/results.tsv
: >"$results"
for target in "${targets[@]}"; do
  echo "== $target: warm-up ${WARMUP}s, every response checked"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$work/$target-check.lua" "${url[$target]}" >"$work/warm.txt" 2>&1 || true
  check=$(grep '^statuses ' "$work/warm.txt" || true)
  echo "   $check"
  read -r ok bad bytes <<<"$(sed -E 's/^statuses ok=([0-9]+) bad=([0-9]+) bytes=([0-9]+).*/\1 \2 \3/' <<<"$check")"
  if [ -z "$check" ] || [ "$bad" != 0 ] || [ "$ok" = 0 ]; then cat "$work/warm.txt" >&2; fail "$target answered with non-2xx during the warm-up"; fi
  echo "== $target: wrk $settings"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$work/$target.lua" "${url[$target]}" | tee "$work/run.txt"
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/run.txt")
  read -r p50 p99 <<<"$(sed -nE 's/^p50_ms=([0-9.]+) p99_ms=([0-9.]+)$/\1 \2/p' "$work/run.txt")"
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$work/run.txt"); non2xx=${non2xx:-0}
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$rps" "$p50" "$p99" "$non2xx" "$bytes" >>"$results"
done
for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || fail "a server (pid $pid) died during the measurements"; done
locked=$(( $(date +%s) - locked_at ))
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
runtime=$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ {v=$2} END {print v}')
moto_version=$(python3 -c 'import moto; print(moto.__version__)' 2>/dev/null || echo '?')
echo
echo "## Results: GET .../iam/security-credentials/<role> with an IMDSv2 token"
echo
echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); lock held ${locked}s; load average ${load_before} before, ${load_after} after"
echo "- Machine: $(nproc) cores, $(lscpu | sed -nE 's/^Model name: *//p' | head -1); server and wrk share the cores"
echo "- .NET: SDK $(dotnet --version), ASP.NET Core runtime $runtime; moto $moto_version; $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "- wrk: \`wrk $settings\` per target, after a ${WARMUP}s warm-up that checks every response is 2xx"
echo
python3 - "$results" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
names = {"ceiling": "ceiling (Kestrel GET, fixed document)", "emulator": "emulator (token checked, rotating role set, default logging)",
         "moto": "moto_server (fixed fake credentials)"}
print("| Target | Requests/s | p50 ms | p99 ms | Non-2xx | Response bytes |")
print("|---|---:|---:|---:|---:|---:|")
for target, rps, p50, p99, non2xx, size in rows:
    print(f"| {names.get(target, target)} | {float(rps):,.0f} | {p50} | {p99} | {non2xx} | {size} |")
data = {r[0]: float(r[1]) for r in rows}
print()
print(f"Emulator / ceiling: {data['emulator'] / data['ceiling']:.0%}; emulator / moto: {data['emulator'] / data['moto']:.1f}x")
PY
