"""Signs one STS or IAM query-protocol request with botocore and writes it as a wrk Lua script.

SigV4 has no nonce, so a signed request stays valid for the 15-minute skew window and wrk can replay it:
the load measures the emulator's full path (parse, SigV4 verify, authorize, handle, encode) per request.

usage: sign_request.py [--service=sts|iam] ENDPOINT ACTION OUT.lua KEY SECRET [TOKEN] [Name=Value ...]

The script prints p50_ms=... p99_ms=... when wrk is done. With WRK_CHECK=1 in wrk's environment it also reads
every response (which costs wrk some CPU, so leave it off for measurements) and prints
"statuses ok=N bad=M bytes=B first_bad=STATUS BODY..." over all threads: warm-ups use it to prove the target
answers 2xx to the signed request, not a fast 403.
"""
import sys
import urllib.parse

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

VERSIONS = {"sts": "2011-06-15", "iam": "2010-05-08"}

args = sys.argv[1:]
service = "sts"
if args and args[0].startswith("--service="):
    service, args = args[0].split("=", 1)[1], args[1:]
endpoint, action, out, key, secret = args[0:5]
rest = args[5:]
token = None
if rest and "=" not in rest[0]:
    token, rest = rest[0], rest[1:]
params = [("Action", action), ("Version", VERSIONS[service])] + [tuple(p.split("=", 1)) for p in rest]
body = urllib.parse.urlencode(params, quote_via=urllib.parse.quote)
request = AWSRequest(method="POST", url=endpoint + "/", data=body,
                     headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
SigV4Auth(Credentials(key, secret, token), service, "us-east-1").add_auth(request)


def lua(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


with open(out, "w") as f:
    f.write("wrk.method = \"POST\"\n")
    f.write("wrk.body = " + lua(body) + "\n")
    for name, value in request.headers.items():
        if name.lower() in ("content-length",):
            continue
        f.write("wrk.headers[" + lua(name) + "] = " + lua(value) + "\n")
    f.write("""
local threads = {}
setup = function(thread)
  table.insert(threads, thread)
end

if os.getenv("WRK_CHECK") == "1" then
  ok, bad, bytes, first_bad = 0, 0, 0, ""
  response = function(status, headers, body)
    if status >= 200 and status < 300 then
      ok = ok + 1
      bytes = #body
    else
      bad = bad + 1
      if first_bad == "" then first_bad = status .. " " .. string.sub(body, 1, 400) end
    end
  end
end

done = function(summary, latency, requests)
  io.write(string.format("p50_ms=%.3f p99_ms=%.3f\\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  if os.getenv("WRK_CHECK") == "1" then
    local ok, bad, bytes, first_bad = 0, 0, 0, ""
    for _, thread in ipairs(threads) do
      ok = ok + thread:get("ok")
      bad = bad + thread:get("bad")
      if thread:get("bytes") > 0 then bytes = thread:get("bytes") end
      if first_bad == "" then first_bad = thread:get("first_bad") end
    end
    io.write(string.format("statuses ok=%d bad=%d bytes=%d first_bad=%s\\n", ok, bad, bytes, (string.gsub(first_bad, "\\n", " "))))
  end
end
""")
