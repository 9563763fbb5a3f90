#!/usr/bin/env bash
# Start-up time and idle memory of the server: starts it RUNS times on a free loopback port, measures the time from
# launch to the first successful GET /_emulator/health (polled every millisecond), then sends a few requests, waits
# IDLE seconds and reads VmRSS from /proc/PID/status. Prints every run, then median and max.
#
#   tests/Emulator.Benchmarks/startup/measure.sh [server]    server: the AOT binary (default: the linux-x64 publish
#                                                            output) or Emulator.Server.dll, run with dotnet
#   RUNS=20 IDLE=2 ...                                       run count and idle seconds before reading RSS
#
# Run it while nothing else builds (e.g. under `flock /tmp/dotnet.lock`): start-up is CPU-bound.
set -euo pipefail
cd "$(dirname "$0")/../../.."
server=${1:-src/Emulator.Server/bin/Release/net10.0/linux-x64/publish/Emulator.Server}
[ -f "$server" ] || { echo "measure.sh: $server does not exist (publish it first, see README)" >&2; exit 2; }
exec python3 - "$server" "${RUNS:-20}" "${IDLE:-2}" <<'PY'
import http.client, os, signal, socket, statistics, subprocess, sys, time

server, runs, idle = os.path.abspath(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
command = ["dotnet", server] if server.endswith(".dll") else [server]

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def get(port, path, timeout=1.0):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()

def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")

starts, memories = [], []
for run in range(1, runs + 1):
    port = free_port()
    started = time.perf_counter()
    process = subprocess.Popen(command + ["--urls", f"http://127.0.0.1:{port}", "--log-level", "Warning"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd="/tmp")
    try:
        while True:
            if process.poll() is not None:
                sys.exit(f"measure.sh: the server exited with code {process.returncode}")
            try:
                if get(port, "/_emulator/health", timeout=0.5) == 200:
                    break
            except OSError:
                pass
            if time.perf_counter() - started > 30:
                sys.exit("measure.sh: no healthy answer within 30 s")
            time.sleep(0.001)
        start_ms = (time.perf_counter() - started) * 1000
        # A few requests of each kind the emulator serves, so idle memory includes what a first call initializes.
        for path in ["/_emulator/health", "/_emulator/decisions", "/_emulator/model", "/.well-known/jwks.json", "/?Action=GetCallerIdentity&Version=2011-06-15"]:
            for _ in range(3):
                get(port, path)
        time.sleep(idle)
        memory = rss_mb(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    starts.append(start_ms)
    memories.append(memory)
    print(f"run {run:2}: start-to-first-response {start_ms:7.1f} ms, idle RSS {memory:6.1f} MB", flush=True)

print(f"{' '.join(command)}: {runs} runs")
print(f"start-to-first-response: median {statistics.median(starts):.1f} ms, max {max(starts):.1f} ms")
print(f"idle RSS:                median {statistics.median(memories):.1f} MB, max {max(memories):.1f} MB")
PY
