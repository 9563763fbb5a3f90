"""Signs one STS request with botocore and writes it as a wrk Lua script.

SigV4 has no nonce, so a signed request stays valid for the 15-minute skew window and wrk can replay it:
the load measures the emulator's full path (parse, SigV4 verify, authorize, handle, encode) per request.

usage: sign_request.py ENDPOINT ACTION OUT.lua KEY SECRET [TOKEN] [Name=Value ...]
"""
import sys
import urllib.parse

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

endpoint, action, out, key, secret = sys.argv[1:6]
rest = sys.argv[6:]
token = None
if rest and "=" not in rest[0]:
    token, rest = rest[0], rest[1:]
params = [("Action", action), ("Version", "2011-06-15")] + [tuple(p.split("=", 1)) for p in rest]
body = urllib.parse.urlencode(params, quote_via=urllib.parse.quote)
request = AWSRequest(method="POST", url=endpoint + "/", data=body,
                     headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
SigV4Auth(Credentials(key, secret, token), "sts", "us-east-1").add_auth(request)


def lua(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


with open(out, "w") as f:
    f.write("wrk.method = \"POST\"\n")
    f.write("wrk.body = " + lua(body) + "\n")
    for name, value in request.headers.items():
        if name.lower() in ("content-length",):
            continue
        f.write("wrk.headers[" + lua(name) + "] = " + lua(value) + "\n")
    f.write("""
local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
done = function(summary, latency, requests)
  io.write(string.format("p50_ms=%.3f p99_ms=%.3f\\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
""")
