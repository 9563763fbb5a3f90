#!/usr/bin/env python3
"""Writes corpus.jsonl beside this script: the hostile-input corpus that HostileInputCorpusTests sends
to the real server process. Deterministic: the same script always writes the same file.

    python3 tests/Emulator.EndToEnd.Tests/Hostile/generate_corpus.py

One JSON object a line:
  id, category, description   the case's name (unique), its group, and what it sends
  protocol                    "aws" (ErrorResponse XML expected), "ec2" (EC2's Response/Errors XML expected), "admin" (JSON {"error": ...} expected), or "http"
                              (malformed HTTP/1.1 that Kestrel refuses before the emulator runs: exactly 400, connection closed)
  method, target              request line; target is path + raw query, sent byte for byte
  headers                     [{"name", "value"} or {"name", "value_b64"}], sent as given (value as UTF-8)
  body / body_b64             the body as text (UTF-8) or as raw bytes
  sign                        true: signed at run time with the root keys and the current time
                              (header form, covering host, x-amz-date, content-type and the exact body)
  sign_service, sign_region   the credential scope when signing (default iam, us-east-1)
  expect_status, expect_code  only where the answer is certain
Placeholders {{amz-date}} and {{date}} in the target and header values become the current time at run time.
"""

import base64
import json
import os

FORM = "application/x-www-form-urlencoded; charset=utf-8"
IAM_VERSION = "2010-05-08"
STS_VERSION = "2011-06-15"
ROOT_KEY = "AKIAIOSFODNN7EXAMPLE"
ZERO_SIGNATURE = "0" * 64
SCOPE = "{{date}}/us-east-1/iam/aws4_request"
ACCOUNT = "123456789012"

# The control characters and non-characters every echoed field is tried with: (name, percent-encoded, raw bytes, JSON escape).
CONTROLS = [
    ("nul", "%00", b"\x00", "\\u0000"),
    ("soh", "%01", b"\x01", "\\u0001"),
    ("esc", "%1B", b"\x1b", "\\u001b"),
    ("crlf", "%0D%0A", b"\r\n ", "\\r\\n"),  # raw form in a header is an obs-fold line break
    ("del", "%7F", b"\x7f", "\\u007f"),
    ("ufffe", "%EF%BF%BE", "\ufffe".encode("utf-8"), "\\ufffe"),
    ("surrogate", "%ED%A0%80", b"\xed\xa0\x80", "\\ud800"),  # a lone surrogate
]

cases = []


def decoder_or(name, code):
    """Percent-escapes that are not UTF-8 (the encoded lone surrogate) are refused by the decoder first."""
    return "MalformedQueryString" if name == "surrogate" else code


def add(id, category, description, method="POST", target="/", headers=None, body=b"", sign=False,
        service=None, region=None, protocol=None, expect_status=None, expect_code=None):
    case = {"id": id, "category": category, "description": description,
            "protocol": protocol or ("admin" if target.startswith("/_emulator") else "aws"),
            "method": method, "target": target, "headers": [header(n, v) for n, v in (headers or [])]}
    if isinstance(body, str):
        body = body.encode("utf-8")
    if isinstance(body, list):
        case["body_parts"] = [p for part in body for p in (compress(part) if isinstance(part, bytes) else [part])]
    elif len(body) > 2048:
        case["body_parts"] = compress(body)
        assert expand(case["body_parts"]) == body, id
    elif is_text(body):
        case["body"] = body.decode("utf-8")
    else:
        case["body_b64"] = base64.b64encode(body).decode("ascii")
    case["sign"] = sign
    if service is not None:
        case["sign_service"] = service
    if region is not None:
        case["sign_region"] = region
    if expect_status:
        case["expect_status"] = expect_status
    if expect_code:
        case["expect_code"] = expect_code
    cases.append(case)


def is_text(data):
    try:
        return all(c >= " " or c == "\t" for c in data.decode("utf-8"))
    except UnicodeDecodeError:
        return False


def literal(data, repeat=1):
    part = {"text": data.decode("utf-8")} if is_text(data) else {"b64": base64.b64encode(data).decode("ascii")}
    if repeat > 1:
        part["repeat"] = repeat
    return part


def numbered(text, count):
    """A part repeated count times with {n} replaced by 1..count: large indexed lists without a large file."""
    return {"text": text, "repeat": count, "numbered": True}


def compress(data):
    """Long bodies as parts: runs of a short repeated unit (deep nesting, padding) become one part with a count."""
    parts, start, i = [], 0, 0
    while i < len(data):
        best = None
        for width in range(1, 17):
            unit = data[i:i + width]
            if len(unit) < width:
                break
            count = 1
            while data[i + count * width:i + (count + 1) * width] == unit:
                count += 1
            if count * width >= 64 and (best is None or count * width > best[0] * best[1]):
                best = (count, width)
        if best is None:
            i += 1
            continue
        if start < i:
            parts.append(literal(data[start:i]))
        count, width = best
        parts.append(literal(data[i:i + width], count))
        i += count * width
        start = i
    if start < len(data):
        parts.append(literal(data[start:]))
    return parts


def expand(parts):
    """What the test sends for body_parts; the generator checks its compression against it."""
    out = []
    for part in parts:
        data = part["text"].encode("utf-8") if "text" in part else base64.b64decode(part["b64"])
        for n in range(1, part.get("repeat", 1) + 1):
            out.append(data.replace(b"{n}", str(n).encode()) if part.get("numbered") else data)
    return b"".join(out)


def header(name, value):
    if isinstance(value, bytes):
        try:
            text = value.decode("ascii")
            if all(" " <= c < "\x7f" for c in text):
                return {"name": name, "value": text}
        except UnicodeDecodeError:
            pass
        return {"name": name, "value_b64": base64.b64encode(value).decode("ascii")}
    return {"name": name, "value": value}


def form(*pairs):
    """Form body from already-encoded pairs: hostile encodings pass through untouched."""
    return "&".join(f"{k}={v}" for k, v in pairs).encode("utf-8")


def iam(action, *pairs):
    return form(("Action", action), ("Version", IAM_VERSION), *pairs)


def sts(action, *pairs):
    return form(("Action", action), ("Version", STS_VERSION), *pairs)


def signed_iam(id, category, description, body, **kwargs):
    add(id, category, description, headers=[("Content-Type", FORM)], body=body, sign=True, **kwargs)


def signed_sts(id, category, description, body, **kwargs):
    add(id, category, description, headers=[("Content-Type", FORM)], body=body, sign=True, service="sts", **kwargs)


def authorization(algorithm=b"AWS4-HMAC-SHA256", credential=f"{ROOT_KEY}/{SCOPE}".encode(),
                  signed_headers=b"host;x-amz-date", signature=ZERO_SIGNATURE.encode(), extra=b""):
    return algorithm + b" Credential=" + credential + b", SignedHeaders=" + signed_headers + b", Signature=" + signature + extra


def header_signed(id, category, description, auth, amz_date=b"{{amz-date}}", body=None, **kwargs):
    headers = [("Content-Type", FORM), ("X-Amz-Date", amz_date), ("Authorization", auth)]
    raw = amz_date + auth
    # A raw NUL or line break inside a header is malformed HTTP/1.1: Kestrel refuses it before the emulator runs.
    if b"\x00" in raw or b"\r\n" in raw:
        kwargs["protocol"] = "http"
        kwargs["expect_status"] = 400
        kwargs.pop("expect_code", None)
    add(id, category, description, headers=headers, body=body if body is not None else iam("ListRoles"), **kwargs)


def presigned(id, category, description, overrides, action="GetCallerIdentity", version=STS_VERSION, **kwargs):
    """A presigned GET whose X-Amz-* query parameters are the defaults with some replaced (already encoded)."""
    params = {
        "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
        "X-Amz-Credential": f"{ROOT_KEY}%2F{{{{date}}}}%2Fus-east-1%2Fsts%2Faws4_request",
        "X-Amz-Date": "{{amz-date}}",
        "X-Amz-Expires": "60",
        "X-Amz-SignedHeaders": "host",
        "X-Amz-Signature": ZERO_SIGNATURE,
    }
    params.update(overrides)
    query = "&".join([f"Action={action}", f"Version={version}"] + [f"{k}={v}" for k, v in params.items()])
    add(id, category, description, method="GET", target="/?" + query, **kwargs)


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def jwt(header_json, payload_json, signature=b"signature"):
    return f"{b64url(header_json.encode('utf-8'))}.{b64url(payload_json.encode('utf-8'))}.{b64url(signature)}"


def pct(text):
    """Percent-encodes every byte that is not unreserved, as a form encoder does."""
    out = []
    for b in text.encode("utf-8") if isinstance(text, str) else text:
        c = chr(b)
        out.append(c if c.isascii() and (c.isalnum() or c in "-_.~") else f"%{b:02X}")
    return "".join(out)


def web_identity(id, category, description, token_encoded, **kwargs):
    body = sts("AssumeRoleWithWebIdentity", ("RoleArn", pct(f"arn:aws:iam::{ACCOUNT}:role/hostile-web")),
               ("RoleSessionName", "hostile"), ("WebIdentityToken", token_encoded))
    add(id, category, description, headers=[("Content-Type", FORM)], body=body, **kwargs)


# --- malformed percent-encodings -----------------------------------------------------------------------
PERCENT = [
    ("lone-percent", "%"), ("percent-z", "%z"), ("percent-zz", "%zz"), ("percent-one-digit", "%2"),
    ("double-percent", "%%"), ("lone-e9", "%e9"), ("lone-c3", "%c3"), ("truncated-3-byte", "%e2%82"),
    ("truncated-4-byte", "%f0%9f%98"), ("surrogate-ed-a0-80", "%ED%A0%80"), ("overlong-c0-af", "%C0%AF"),
    ("byte-ff", "%FF"), ("percent-u-escape", "%u0041"), ("continuation-80", "%80"), ("five-byte-f8", "%F8%88%80%80%80"),
]
for name, bad in PERCENT:
    signed_iam(f"pct-body-value-rolename-{name}", "percent-encoding", f"GetRole with RoleName=x{bad}",
               iam("GetRole", ("RoleName", "x" + bad)))
    signed_iam(f"pct-body-key-{name}", "percent-encoding", f"GetRole whose parameter name is Role{bad}Name",
               iam("GetRole", ("Role" + bad + "Name", "x")))
    signed_iam(f"pct-body-action-{name}", "percent-encoding", f"Action=ListRoles{bad} (unknown action echoed)",
               form(("Action", "ListRoles" + bad), ("Version", IAM_VERSION)))
    add(f"pct-query-value-username-{name}", "percent-encoding", f"signed query-string GET GetUser with UserName=u{bad}",
        method="GET", target=f"/?Action=GetUser&Version={IAM_VERSION}&UserName=u{bad}", sign=True)

# --- invalid UTF-8 bytes, raw -------------------------------------------------------------------------
UTF8 = [
    ("e9", b"\xe9"), ("c3", b"\xc3"), ("fffe-bom", b"\xff\xfe"), ("surrogate", b"\xed\xa0\x80"),
    ("overlong", b"\xc0\xaf"), ("five-byte", b"\xf8\x88\x80\x80\x80"), ("truncated-emoji", b"\xf0\x9f\x98"),
]
for name, raw in UTF8:
    signed_iam(f"utf8-body-value-rolename-{name}", "invalid-utf8", f"GetRole with raw bytes {raw!r} in RoleName",
               b"Action=GetRole&Version=" + IAM_VERSION.encode() + b"&RoleName=r" + raw)
    signed_iam(f"utf8-body-key-{name}", "invalid-utf8", f"raw bytes {raw!r} in a parameter name",
               b"Action=ListRoles&Version=" + IAM_VERSION.encode() + b"&Path" + raw + b"Prefix=/")
    signed_iam(f"utf8-body-action-{name}", "invalid-utf8", f"raw bytes {raw!r} in Action",
               b"Action=List" + raw + b"Roles&Version=" + IAM_VERSION.encode())
    signed_iam(f"utf8-body-tag-value-{name}", "invalid-utf8", f"CreateRole with raw bytes {raw!r} in a tag value",
               iam("CreateRole", ("RoleName", f"utf8-tag-{name}"),
                   ("AssumeRolePolicyDocument", pct('{"Version":"2012-10-17","Statement":[]}')),
                   ("Tags.member.1.Key", "k")) + b"&Tags.member.1.Value=v" + raw)
    signed_iam(f"utf8-body-policy-document-{name}", "invalid-utf8", f"CreatePolicy with raw bytes {raw!r} inside the document",
               iam("CreatePolicy", ("PolicyName", f"utf8-{name}")) + b"&PolicyDocument=" +
               pct('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:').encode() + raw +
               pct('","Resource":"*"}]}').encode())
    add(f"utf8-unsigned-whole-body-{name}", "invalid-utf8", f"unsigned POST whose whole body is {raw!r}",
        headers=[("Content-Type", FORM)], body=raw * 3)
    add(f"utf8-header-x-amz-date-{name}", "invalid-utf8", f"raw bytes {raw!r} in the X-Amz-Date header",
        headers=[("Content-Type", FORM), ("X-Amz-Date", b"2026" + raw), ("Authorization", authorization())],
        body=iam("ListRoles"))

# --- control characters in every echoed field --------------------------------------------------------------
for name, enc, raw, esc in CONTROLS:
    # SigV4 header form: each part of Authorization, and X-Amz-Date.
    header_signed(f"ctrl-x-amz-date-header-{name}", "control-chars", f"X-Amz-Date header with {name}",
                  authorization(), amz_date=b"{{amz-date}}" + raw)
    header_signed(f"ctrl-authorization-algorithm-{name}", "control-chars", f"Authorization algorithm with {name}",
                  authorization(algorithm=b"AWS4-HMAC-SHA256" + raw))
    header_signed(f"ctrl-authorization-credential-{name}", "control-chars", f"Authorization Credential with {name}",
                  authorization(credential=ROOT_KEY.encode() + raw + b"/" + SCOPE.encode()))
    header_signed(f"ctrl-authorization-signed-headers-{name}", "control-chars", f"Authorization SignedHeaders with {name}",
                  authorization(signed_headers=b"host;x-amz-date;x" + raw))
    header_signed(f"ctrl-authorization-signature-{name}", "control-chars", f"Authorization Signature with {name}",
                  authorization(signature=b"00" + raw + b"00"))
    header_signed(f"ctrl-authorization-unknown-component-{name}", "control-chars", f"Authorization with an unknown component Foo={name}",
                  authorization(extra=b", Foo=bar" + raw))
    header_signed(f"ctrl-authorization-missing-equals-{name}", "control-chars", f"Authorization component without '=' holding {name}",
                  authorization(extra=b", Junk" + raw), expect_status=400, expect_code="IncompleteSignature")
    # Presigned query form: X-Amz-Algorithm, X-Amz-Date, X-Amz-SignedHeaders, X-Amz-Signature and each scope part.
    presigned(f"ctrl-presigned-algorithm-{name}", "control-chars", f"X-Amz-Algorithm with {name}",
              {"X-Amz-Algorithm": "AWS4-HMAC-SHA256" + enc}, expect_status=400, expect_code=decoder_or(name, "IncompleteSignature"))
    presigned(f"ctrl-presigned-date-{name}", "control-chars", f"X-Amz-Date query parameter with {name}",
              {"X-Amz-Date": "{{amz-date}}" + enc})
    presigned(f"ctrl-presigned-signed-headers-{name}", "control-chars", f"X-Amz-SignedHeaders with {name}",
              {"X-Amz-SignedHeaders": "host%3Bx" + enc})
    presigned(f"ctrl-presigned-signature-{name}", "control-chars", f"X-Amz-Signature with {name}",
              {"X-Amz-Signature": "00" + enc + "00"})
    for part, credential in [
        ("key", f"{ROOT_KEY}{enc}%2F{{{{date}}}}%2Fus-east-1%2Fsts%2Faws4_request"),
        ("date", f"{ROOT_KEY}%2F{{{{date}}}}{enc}%2Fus-east-1%2Fsts%2Faws4_request"),
        ("region", f"{ROOT_KEY}%2F{{{{date}}}}%2Fus-east-1{enc}%2Fsts%2Faws4_request"),
        ("service", f"{ROOT_KEY}%2F{{{{date}}}}%2Fus-east-1%2Fsts{enc}%2Faws4_request"),
        ("terminator", f"{ROOT_KEY}%2F{{{{date}}}}%2Fus-east-1%2Fsts%2Faws4_request{enc}"),
    ]:
        presigned(f"ctrl-presigned-credential-{part}-{name}", "control-chars", f"X-Amz-Credential {part} with {name}",
                  {"X-Amz-Credential": credential})
    # Action and Version, echoed by InvalidAction.
    signed_iam(f"ctrl-action-signed-{name}", "control-chars", f"signed Action=ListRoles<{name}>",
               form(("Action", "ListRoles" + enc), ("Version", IAM_VERSION)), expect_status=400, expect_code=decoder_or(name, "InvalidAction"))
    add(f"ctrl-action-unsigned-{name}", "control-chars", f"unsigned Action=ListRoles<{name}>",
        headers=[("Content-Type", FORM)], body=form(("Action", "ListRoles" + enc), ("Version", IAM_VERSION)))
    signed_iam(f"ctrl-version-{name}", "control-chars", f"unknown action with Version=2010-05-08<{name}>",
               form(("Action", "NoSuchOperation"), ("Version", IAM_VERSION + enc)), expect_status=400, expect_code=decoder_or(name, "InvalidAction"))
    # IAM and STS parameters that validation messages echo.
    trust = pct('{"Version":"2012-10-17","Statement":[]}')
    signed_iam(f"ctrl-rolename-{name}", "control-chars", f"GetRole with RoleName containing {name}",
               iam("GetRole", ("RoleName", "role" + enc)))
    signed_iam(f"ctrl-create-rolename-{name}", "control-chars", f"CreateRole with RoleName containing {name}",
               iam("CreateRole", ("RoleName", "role" + enc), ("AssumeRolePolicyDocument", trust)))
    signed_iam(f"ctrl-username-{name}", "control-chars", f"CreateUser with UserName containing {name}",
               iam("CreateUser", ("UserName", "user" + enc)))
    signed_iam(f"ctrl-policy-arn-{name}", "control-chars", f"GetPolicy with a PolicyArn containing {name}",
               iam("GetPolicy", ("PolicyArn", pct(f"arn:aws:iam::{ACCOUNT}:policy/p") + enc)))
    signed_iam(f"ctrl-path-{name}", "control-chars", f"CreateRole with Path containing {name}",
               iam("CreateRole", ("RoleName", f"ctrl-path-{name}"), ("Path", "%2Fp" + enc + "%2F"), ("AssumeRolePolicyDocument", trust)))
    signed_iam(f"ctrl-tag-key-{name}", "control-chars", f"CreateRole with a tag key containing {name}",
               iam("CreateRole", ("RoleName", f"ctrl-tag-key-{name}"), ("AssumeRolePolicyDocument", trust),
                   ("Tags.member.1.Key", "k" + enc), ("Tags.member.1.Value", "v")))
    signed_iam(f"ctrl-tag-value-{name}", "control-chars", f"CreateUser with a tag value containing {name}",
               iam("CreateUser", ("UserName", f"ctrl-tag-value-{name}"), ("Tags.member.1.Key", "k"), ("Tags.member.1.Value", "v" + enc)))
    signed_iam(f"ctrl-policy-document-{name}", "control-chars", f"CreatePolicy whose Version string contains {name}",
               iam("CreatePolicy", ("PolicyName", f"ctrl-{name}"),
                   ("PolicyDocument", pct('{"Version":"2012-10-17') + enc + pct('","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}'))))
    signed_iam(f"ctrl-max-items-{name}", "control-chars", f"ListRoles with MaxItems=5<{name}>",
               iam("ListRoles", ("MaxItems", "5" + enc)))
    signed_iam(f"ctrl-marker-{name}", "control-chars", f"ListRoles with a Marker containing {name}",
               iam("ListRoles", ("Marker", "m" + enc)))
    signed_sts(f"ctrl-duration-seconds-{name}", "control-chars", f"GetSessionToken with DurationSeconds=900<{name}>",
               sts("GetSessionToken", ("DurationSeconds", "900" + enc)))
    signed_sts(f"ctrl-role-session-name-{name}", "control-chars", f"AssumeRole with RoleSessionName containing {name}",
               sts("AssumeRole", ("RoleArn", pct(f"arn:aws:iam::{ACCOUNT}:role/hostile")), ("RoleSessionName", "s" + enc)))
    signed_sts(f"ctrl-external-id-{name}", "control-chars", f"AssumeRole with ExternalId containing {name}",
               sts("AssumeRole", ("RoleArn", pct(f"arn:aws:iam::{ACCOUNT}:role/hostile")), ("RoleSessionName", "s"),
                   ("ExternalId", "x" + enc)))
    # The web identity token's issuer.
    now = 1_800_000_000
    payload = '{"iss":"https://evil' + esc + '.example","sub":"a","aud":"sts.amazonaws.com","iat":%d,"exp":%d}' % (now, now + 3600)
    web_identity(f"ctrl-jwt-iss-{name}", "control-chars", f"unsigned AssumeRoleWithWebIdentity, token iss containing {name}",
                 jwt('{"alg":"RS256","typ":"JWT","kid":"k"}', payload))

# --- malformed web identity tokens ------------------------------------------------------------------------
GOOD_HEADER = '{"alg":"RS256","typ":"JWT","kid":"k"}'
GOOD_PAYLOAD = '{"iss":"https://issuer.example","sub":"a","aud":"sts.amazonaws.com","iat":1800000000,"exp":1800003600}'
H, P, S = b64url(GOOD_HEADER.encode()), b64url(GOOD_PAYLOAD.encode()), b64url(b"signature")
JWTS = [
    ("empty", ""),
    ("one-segment", H),
    ("two-segments", f"{H}.{P}"),
    ("four-segments", f"{H}.{P}.{S}.{S}"),
    ("five-segments", f"{H}.{P}.{S}.{S}.{S}"),
    ("dots-only", ".."),
    ("bad-base64-header", f"!!!.{P}.{S}"),
    ("bad-base64-payload", f"{H}.%25%25%25.{S}"),
    ("bad-base64-signature", f"{H}.{P}.%3D%3D%3D%3D"),
    ("header-not-json", f"{b64url(b'not json')}.{P}.{S}"),
    ("payload-not-json", f"{H}.{b64url(b'not json at all')}.{S}"),
    ("payload-json-array", f"{H}.{b64url(b'[1,2,3]')}.{S}"),
    ("payload-json-string", f"{H}.{b64url(json.dumps('iss').encode())}.{S}"),
    ("header-json-array", f"{b64url(b'[]')}.{P}.{S}"),
    ("alg-none", b64url(b'{"alg":"none","typ":"JWT"}') + f".{P}."),
    ("alg-none-uppercase", b64url(b'{"alg":"NONE"}') + f".{P}.{S}"),
    ("alg-hs256", b64url(b'{"alg":"HS256","typ":"JWT"}') + f".{P}.{S}"),
    ("huge-header", b64url(('{"alg":"RS256","kid":"' + 'k' * 200_000 + '"}').encode()) + f".{P}.{S}"),
    ("deep-header", b64url(('{"alg":"RS256","x":' + '[' * 10_000 + ']' * 10_000 + '}').encode()) + f".{P}.{S}"),
    ("exp-is-string", jwt(GOOD_HEADER, GOOD_PAYLOAD.replace("1800003600", '"tomorrow"'))),
    ("exp-overflow", jwt(GOOD_HEADER, GOOD_PAYLOAD.replace("1800003600", "99999999999999999999999"))),
    ("aud-is-object", jwt(GOOD_HEADER, GOOD_PAYLOAD.replace('"sts.amazonaws.com"', '{"a":1}'))),
    ("iss-is-number", jwt(GOOD_HEADER, GOOD_PAYLOAD.replace('"https://issuer.example"', "42"))),
    ("invalid-utf8-in-payload", f"{H}." + b64url(b'{"iss":"\xff\xfe"}') + f".{S}"),
    ("whitespace-inside", f"{H}%20.{P}.{S}"),
]
for name, token in JWTS:
    web_identity(f"jwt-{name}", "malformed-jwt", f"unsigned AssumeRoleWithWebIdentity with a token: {name}", token)

# --- overflowing and malformed integers ------------------------------------------------------------------------
NUMBERS = [
    ("twenty-nines", "99999999999999999999"), ("minus-one", "-1"), ("exponent", "1e10"), ("hex", "0x10"),
    ("int-max-plus-one", "2147483648"), ("int-min-minus-one", "-2147483649"), ("decimal", "5.5"),
    ("leading-plus-space", "%2B%205"), ("arabic-indic-digit", pct("\u0663")), ("fullwidth-digit", pct("\uff15")),
]
for name, value in NUMBERS:
    signed_iam(f"int-max-items-{name}", "integer-overflow", f"ListRoles MaxItems={value}", iam("ListRoles", ("MaxItems", value)))
    signed_sts(f"int-duration-seconds-{name}", "integer-overflow", f"GetSessionToken DurationSeconds={value}",
               sts("GetSessionToken", ("DurationSeconds", value)))
    signed_iam(f"int-max-session-duration-{name}", "integer-overflow", f"CreateRole MaxSessionDuration={value}",
               iam("CreateRole", ("RoleName", f"int-{name}"), ("AssumeRolePolicyDocument", pct('{"Version":"2012-10-17","Statement":[]}')),
                   ("MaxSessionDuration", value)))
signed_iam("int-max-items-zero", "integer-overflow", "ListRoles MaxItems=0", iam("ListRoles", ("MaxItems", "0")))
signed_iam("int-max-items-1001", "integer-overflow", "ListRoles MaxItems=1001", iam("ListRoles", ("MaxItems", "1001")))
signed_sts("int-duration-seconds-zero", "integer-overflow", "GetSessionToken DurationSeconds=0", sts("GetSessionToken", ("DurationSeconds", "0")))
signed_iam("int-tag-index-overflow", "integer-overflow", "CreateUser with Tags.member.99999999999999999999.Key only",
           iam("CreateUser", ("UserName", "int-tag-index"), ("Tags.member.99999999999999999999.Key", "k"), ("Tags.member.99999999999999999999.Value", "v")))

# --- huge counts and sizes ---------------------------------------------------------------------------
TRUST = pct('{"Version":"2012-10-17","Statement":[]}')
signed_iam("huge-tag-index-40000-alone", "huge-counts", "CreateRole with Tags.member.40000.Key and nothing before it",
           iam("CreateRole", ("RoleName", "huge-40000"), ("AssumeRolePolicyDocument", TRUST),
               ("Tags.member.40000.Key", "k"), ("Tags.member.40000.Value", "v")))
signed_iam("huge-tag-index-zero", "huge-counts", "CreateRole with Tags.member.0.Key",
           iam("CreateRole", ("RoleName", "huge-zero"), ("AssumeRolePolicyDocument", TRUST), ("Tags.member.0.Key", "k"), ("Tags.member.0.Value", "v")))
for count in (51, 1000, 3000):
    signed_iam(f"huge-tags-{count}", "huge-counts", f"CreateUser with {count} tags in one body",
               [iam("CreateUser", ("UserName", f"huge-tags-{count}")), numbered("&Tags.member.{n}.Key=k{n}&Tags.member.{n}.Value=v", count)])
signed_iam("huge-tag-keys-3000-untag", "huge-counts", "UntagUser with 3000 TagKeys",
           [iam("UntagUser", ("UserName", "nobody")), numbered("&TagKeys.member.{n}=k{n}", 3000)])
signed_iam("huge-thumbprints-2000", "huge-counts", "CreateOpenIDConnectProvider with 2000 thumbprints",
           [iam("CreateOpenIDConnectProvider", ("Url", pct("https://huge.example"))), numbered("&ThumbprintList.member.{n}=" + "a" * 40, 2000)])
signed_sts("huge-policy-arns-2000", "huge-counts", "AssumeRole with 2000 PolicyArns",
           [sts("AssumeRole", ("RoleArn", pct(f"arn:aws:iam::{ACCOUNT}:role/hostile")), ("RoleSessionName", "s")),
            numbered("&PolicyArns.member.{n}.arn=" + pct(f"arn:aws:iam::{ACCOUNT}:policy/p") + "{n}", 2000)])
prefix = iam("UpdateRoleDescription", ("RoleName", "nobody")) + b"&Description="
signed_iam("huge-body-exactly-1mib", "huge-counts", "a body of exactly 1 MiB: a 1 MiB Description",
           prefix + b"a" * (1024 * 1024 - len(prefix)))
signed_iam("huge-body-1mib-of-ampersands", "huge-counts", "a 1 MiB body: Action, a megabyte of ampersands, then MaxItems=abc",
           iam("ListRoles") + b"&" * (1024 * 1024 - len(iam("ListRoles")) - 13) + b"&MaxItems=abc")
signed_iam("huge-100000-parameters", "huge-counts", "ListRoles with 100000 unknown parameters and MaxItems=abc",
           [iam("ListRoles"), numbered("&p{n}=1", 100_000), b"&MaxItems=abc"])
add("huge-body-over-1mib", "huge-counts", "an unsigned body of 1 MiB + 1 byte",
    headers=[("Content-Type", FORM)], body=iam("ListRoles") + b"&x=" + b"a" * (1024 * 1024 + 1 - len(iam("ListRoles")) - 3),
    expect_status=413)
signed_iam("huge-body-over-1mib-signed", "huge-counts", "a signed body of 2 MiB",
           iam("ListRoles") + b"&x=" + b"a" * (2 * 1024 * 1024), expect_status=413)
add("huge-body-8mib", "huge-counts", "an unsigned 8 MiB body",
    headers=[("Content-Type", FORM)], body=b"a" * (8 * 1024 * 1024), expect_status=413)

# --- duplicate keys ---------------------------------------------------------------------------------
signed_iam("dup-action-twice-in-body", "duplicate-keys", "Action=ListRoles and Action=CreateUser in one body",
           form(("Action", "ListRoles"), ("Version", IAM_VERSION), ("Action", "CreateUser"), ("UserName", "dup-action-body")))
signed_iam("dup-action-twice-in-body-reversed", "duplicate-keys", "Action=CreateUser then Action=ListRoles in one body",
           form(("Action", "CreateUser"), ("UserName", "dup-action-body-reversed"), ("Action", "ListRoles"), ("Version", IAM_VERSION)))
add("dup-action-query-and-body", "duplicate-keys", "Action=ListRoles in the signed query, Action=CreateUser in the body",
    target=f"/?Action=ListRoles&Version={IAM_VERSION}", headers=[("Content-Type", FORM)],
    body=form(("Action", "CreateUser"), ("Version", IAM_VERSION), ("UserName", "dup-query-body")), sign=True)
add("dup-username-query-and-body", "duplicate-keys", "UserName in the signed query and another in the body of CreateUser",
    target="/?UserName=dup-from-query", headers=[("Content-Type", FORM)],
    body=iam("CreateUser", ("UserName", "dup-from-body")), sign=True)
signed_iam("dup-rolename-twice", "duplicate-keys", "CreateRole with RoleName twice",
           iam("CreateRole", ("RoleName", "dup-a"), ("RoleName", "dup-b"), ("AssumeRolePolicyDocument", TRUST)))
signed_iam("dup-tag-key-twice", "duplicate-keys", "CreateUser with Tags.member.1.Key twice",
           iam("CreateUser", ("UserName", "dup-tag"), ("Tags.member.1.Key", "a"), ("Tags.member.1.Key", "b"), ("Tags.member.1.Value", "v")))
signed_iam("dup-version-twice", "duplicate-keys", "CreateUser with two different Version values",
           form(("Action", "CreateUser"), ("Version", IAM_VERSION), ("Version", "1999-01-01"), ("UserName", "dup-version")))
signed_sts("dup-role-arn-twice", "duplicate-keys", "AssumeRole with two RoleArns",
           sts("AssumeRole", ("RoleArn", pct(f"arn:aws:iam::{ACCOUNT}:role/a")), ("RoleArn", pct(f"arn:aws:iam::{ACCOUNT}:role/b")), ("RoleSessionName", "s")))
add("dup-x-amz-date-header", "duplicate-keys", "two X-Amz-Date headers",
    headers=[("Content-Type", FORM), ("X-Amz-Date", "{{amz-date}}"), ("X-Amz-Date", "20000101T000000Z"), ("Authorization", authorization())],
    body=iam("ListRoles"))
add("dup-authorization-header", "duplicate-keys", "two Authorization headers",
    headers=[("Content-Type", FORM), ("X-Amz-Date", "{{amz-date}}"), ("Authorization", authorization()), ("Authorization", authorization())],
    body=iam("ListRoles"))
add("dup-authorization-and-presigned", "duplicate-keys", "an Authorization header and presigned query parameters together",
    target=f"/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={ROOT_KEY}%2F{{{{date}}}}%2Fus-east-1%2Fiam%2Faws4_request&X-Amz-Date={{{{amz-date}}}}&X-Amz-SignedHeaders=host&X-Amz-Signature={ZERO_SIGNATURE}",
    headers=[("Content-Type", FORM), ("X-Amz-Date", "{{amz-date}}"), ("Authorization", authorization())], body=iam("ListRoles"))
add("dup-content-type-header", "duplicate-keys", "two Content-Type headers, form and JSON",
    headers=[("Content-Type", FORM), ("Content-Type", "application/json")], body=iam("ListRoles"))

# --- wrong types ------------------------------------------------------------------------------------
signed_iam("type-max-items-abc", "wrong-types", "ListRoles MaxItems=abc", iam("ListRoles", ("MaxItems", "abc")))
signed_iam("type-max-items-empty", "wrong-types", "ListRoles MaxItems= (empty)", iam("ListRoles", ("MaxItems", "")))
signed_iam("type-max-items-true", "wrong-types", "ListUsers MaxItems=true", iam("ListUsers", ("MaxItems", "true")))
signed_iam("type-max-items-json", "wrong-types", "ListPolicies MaxItems=[1]", iam("ListPolicies", ("MaxItems", "%5B1%5D")))
signed_iam("type-only-attached-maybe", "wrong-types", "ListPolicies OnlyAttached=maybe", iam("ListPolicies", ("OnlyAttached", "maybe")))
signed_iam("type-only-attached-number", "wrong-types", "ListPolicies OnlyAttached=2", iam("ListPolicies", ("OnlyAttached", "2")))
signed_iam("type-set-as-default-maybe", "wrong-types", "CreatePolicyVersion SetAsDefault=maybe",
           iam("CreatePolicyVersion", ("PolicyArn", pct("arn:aws:iam::aws:policy/ReadOnlyAccess")),
               ("PolicyDocument", pct('{"Version":"2012-10-17","Statement":[]}')), ("SetAsDefault", "maybe")))
signed_iam("type-max-session-duration-abc", "wrong-types", "CreateRole MaxSessionDuration=abc",
           iam("CreateRole", ("RoleName", "type-msd"), ("AssumeRolePolicyDocument", TRUST), ("MaxSessionDuration", "abc")))
signed_sts("type-duration-seconds-abc", "wrong-types", "GetSessionToken DurationSeconds=abc", sts("GetSessionToken", ("DurationSeconds", "abc")))
signed_iam("type-tags-not-a-list", "wrong-types", "CreateUser with Tags=abc instead of a list",
           iam("CreateUser", ("UserName", "type-tags"), ("Tags", "abc")) + b"&Tags.member.1.Value=v")
signed_iam("type-policy-document-number", "wrong-types", "CreatePolicy whose PolicyDocument is 42",
           iam("CreatePolicy", ("PolicyName", "type-number"), ("PolicyDocument", "42")))
signed_iam("type-policy-document-array", "wrong-types", "CreatePolicy whose PolicyDocument is []",
           iam("CreatePolicy", ("PolicyName", "type-array"), ("PolicyDocument", "%5B%5D")))
signed_iam("type-statement-string", "wrong-types", "CreatePolicy whose Statement is a string",
           iam("CreatePolicy", ("PolicyName", "type-statement"), ("PolicyDocument", pct('{"Version":"2012-10-17","Statement":"allow all"}'))))

# --- deep JSON ----------------------------------------------------------------------------------------
def deep_array(depth):
    return "[" * depth + "]" * depth


def deep_object(depth):
    return '{"a":' * depth + "1" + "}" * depth


for depth in (10_000, 100_000):
    signed_iam(f"deep-policy-document-arrays-{depth}", "deep-json", f"CreatePolicy with {depth} nested arrays in the Resource",
               iam("CreatePolicy", ("PolicyName", f"deep-{depth}"),
                   ("PolicyDocument", pct('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":' + deep_array(depth) + '}]}'))))
signed_iam("deep-policy-document-objects-10000", "deep-json", "CreatePolicy with 10000 nested objects in a Condition",
           iam("CreatePolicy", ("PolicyName", "deep-objects"),
               ("PolicyDocument", pct('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":' + deep_object(10_000) + '}]}'))))
signed_iam("deep-policy-document-top-level-10000", "deep-json", "CreatePolicy whose document is 10000 nested arrays",
           iam("CreatePolicy", ("PolicyName", "deep-top"), ("PolicyDocument", pct(deep_array(10_000)))))
signed_iam("deep-trust-policy-10000", "deep-json", "CreateRole whose trust policy holds 10000 nested arrays",
           iam("CreateRole", ("RoleName", "deep-trust"),
               ("AssumeRolePolicyDocument", pct('{"Version":"2012-10-17","Statement":' + deep_array(10_000) + '}'))))
signed_sts("deep-session-policy-10000", "deep-json", "AssumeRole with a session Policy of 10000 nested arrays",
           sts("AssumeRole", ("RoleArn", pct(f"arn:aws:iam::{ACCOUNT}:role/hostile")), ("RoleSessionName", "s"),
               ("Policy", pct('{"Version":"2012-10-17","Statement":' + deep_array(10_000) + '}'))))
signed_iam("deep-simulate-custom-policy-10000", "deep-json", "SimulateCustomPolicy with a policy of 10000 nested arrays",
           iam("SimulateCustomPolicy", ("PolicyInputList.member.1", pct(deep_array(10_000))), ("ActionNames.member.1", "s3%3AGetObject")))
JSON = [("Content-Type", "application/json")]
add("deep-admin-clock-10000", "deep-json", "POST /_emulator/clock with 10000 nested arrays",
    target="/_emulator/clock", headers=JSON, body=deep_array(10_000))
add("deep-admin-clock-offset-nested", "deep-json", "POST /_emulator/clock with offsetSeconds a 10000-deep object",
    target="/_emulator/clock", headers=JSON, body='{"offsetSeconds":' + deep_object(10_000) + "}")
add("deep-admin-oidc-token-claims-10000", "deep-json", "POST /_emulator/oidc/token with 10000-deep claims",
    target="/_emulator/oidc/token", headers=JSON, body='{"subject":"a","claims":{"x":' + deep_array(10_000) + "}}")
add("deep-admin-oidc-jwks-10000", "deep-json", "POST /_emulator/oidc/jwks with a 10000-deep jwks",
    target="/_emulator/oidc/jwks", headers=JSON, body='{"issuer":"https://deep.example","jwks":' + deep_object(10_000) + "}")

# --- admin API ---------------------------------------------------------------------------------------
def admin(id, description, target, body, headers=None, method="POST", expect_status=None):
    add(id, "admin", description, method=method, target=target, headers=JSON if headers is None else headers,
        body=body, expect_status=expect_status)


for name, body in [
    ("offset-1e300", '{"offsetSeconds":1e300}'), ("offset-minus-1e300", '{"offsetSeconds":-1e300}'),
    ("offset-1e12", '{"offsetSeconds":1e12}'), ("offset-minus-1e12", '{"offsetSeconds":-1e12}'),
    ("offset-string", '{"offsetSeconds":"3600"}'), ("offset-null-only", '{"offsetSeconds":null}'),
    ("offset-twenty-nines", '{"offsetSeconds":99999999999999999999}'), ("offset-nan-literal", '{"offsetSeconds":NaN}'),
    ("time-year-1", '{"time":"0001-01-01T00:00:00Z"}'), ("time-not-a-date", '{"time":"not-a-date"}'),
    ("time-number", '{"time":12345}'), ("time-year-10000", '{"time":"10000-01-01T00:00:00Z"}'),
    ("reset-string", '{"reset":"yes"}'), ("empty-object", "{}"), ("array", "[]"), ("null", "null"), ("empty-body", ""),
    ("form-body", "offsetSeconds=5"), ("truncated-json", '{"offsetSeconds":'), ("trailing-garbage", '{"offsetSeconds":1}xyz'),
    ("invalid-utf8", b'{"time":"\xff\xfe"}'),
]:
    admin(f"admin-clock-{name}", f"POST /_emulator/clock {body!r}", "/_emulator/clock", body)
# The clock applies time, then offset: one body moves it to the edge of DateTimeOffset and past it.
for name, body in [
    ("time-9999", '{"time":"9999-12-31T23:59:59Z"}'),
    ("time-9999-then-offset-1", '{"time":"9999-12-31T23:59:59Z","offsetSeconds":1}'),
    ("time-9999-then-offset-1e10", '{"time":"9999-12-31T23:59:59Z","offsetSeconds":1e10}'),
    ("time-year-1-then-offset-minus-2", '{"time":"0001-01-01T00:00:01Z","offsetSeconds":-2}'),
]:
    admin(f"admin-clock-{name}", f"POST /_emulator/clock {body!r}", "/_emulator/clock", body)
admin("admin-clock-text-plain", "POST /_emulator/clock with Content-Type text/plain", "/_emulator/clock",
      '{"offsetSeconds":1}', headers=[("Content-Type", "text/plain")])
admin("admin-clock-form-content-type", "POST /_emulator/clock with a form content type", "/_emulator/clock",
      '{"offsetSeconds":1}', headers=[("Content-Type", FORM)])
admin("admin-clock-no-content-type", "POST /_emulator/clock without Content-Type", "/_emulator/clock", '{"offsetSeconds":1}', headers=[])
for name, body in [
    ("audience-numbers", '{"subject":"a","audience":[1,2]}'), ("audience-nested-array", '{"subject":"a","audience":[["x"]]}'),
    ("audience-object", '{"subject":"a","audience":{"x":1}}'), ("audience-null-member", '{"subject":"a","audience":[null]}'),
    ("subject-number", '{"subject":123}'), ("subject-empty", '{"subject":""}'), ("no-subject", '{"audience":"x"}'),
    ("lifetime-negative", '{"subject":"a","lifetimeSeconds":-1}'), ("lifetime-1e300", '{"subject":"a","lifetimeSeconds":1e300}'),
    ("lifetime-twenty-nines", '{"subject":"a","lifetimeSeconds":99999999999999999999}'),
    ("lifetime-1e12", '{"subject":"a","lifetimeSeconds":1000000000000}'),
    ("claims-string", '{"subject":"a","claims":"x"}'), ("claims-array", '{"subject":"a","claims":[1]}'),
    ("non-json", "subject=a"), ("empty-body", ""), ("json-null", "null"), ("invalid-utf8", b'{"subject":"\xc3"}'),
]:
    admin(f"admin-oidc-token-{name}", f"POST /_emulator/oidc/token {body!r}", "/_emulator/oidc/token", body)
admin("admin-oidc-token-text-plain", "POST /_emulator/oidc/token with Content-Type text/plain", "/_emulator/oidc/token",
      '{"subject":"a"}', headers=[("Content-Type", "text/plain")])
admin("admin-oidc-token-lifetime-to-year-9999", "POST /_emulator/oidc/token whose lifetime ends past 9999-12-31",
      "/_emulator/oidc/token", '{"subject":"a","lifetimeSeconds":253402300799}')
for name, body in [
    ("bad-modulus", '{"issuer":"https://bad.example","jwks":{"keys":[{"kty":"RSA","kid":"k","n":"!!!","e":"AQAB"}]}}'),
    ("keys-not-array", '{"issuer":"https://bad.example","jwks":{"keys":"x"}}'),
    ("key-not-object", '{"issuer":"https://bad.example","jwks":{"keys":[1]}}'),
    ("unknown-kty", '{"issuer":"https://bad.example","jwks":{"keys":[{"kty":"XYZ"}]}}'),
    ("issuer-empty", '{"issuer":"","jwks":{"keys":[]}}'), ("issuer-not-url", '{"issuer":"not a url\\u0001","jwks":{"keys":[]}}'),
    ("jwks-string", '{"issuer":"https://bad.example","jwks":"x"}'), ("non-json", "issuer=x"),
]:
    admin(f"admin-oidc-jwks-{name}", f"POST /_emulator/oidc/jwks {body!r}", "/_emulator/oidc/jwks", body)
for name, query in [("limit-abc", "limit=abc"), ("limit-twenty-nines", "limit=99999999999999999999"), ("limit-empty", "limit="),
                    ("limit-float", "limit=1.5"), ("limit-twice", "limit=1&limit=2")]:
    admin(f"admin-decisions-{name}", f"GET /_emulator/decisions?{query}", f"/_emulator/decisions?{query}", "", headers=[], method="GET")
admin("admin-unknown-path", "GET /_emulator/no-such-thing", "/_emulator/no-such-thing", "", headers=[], method="GET", expect_status=404)
admin("admin-clock-put", "PUT /_emulator/clock", "/_emulator/clock", '{"offsetSeconds":1}', method="PUT", expect_status=405)
admin("admin-health-post", "POST /_emulator/health", "/_emulator/health", "{}", expect_status=405)
admin("admin-reset-get", "GET /_emulator/reset", "/_emulator/reset", "", headers=[], method="GET", expect_status=405)

# --- unknown services ----------------------------------------------------------------------------------
for service in ("sqs", "s3", "dynamodb", "IAM", "iam ", "evil\n", "sts\u0000", ""):
    name = {"iam ": "iam-trailing-space", "evil\n": "evil-newline", "sts\u0000": "sts-nul", "": "empty"}.get(service, service.lower() + ("-upper" if service.isupper() else ""))
    if service.isprintable():  # a raw newline or NUL cannot travel inside the Authorization header
        add(f"service-signed-{name}", "unknown-service", f"ListRoles signed with scope service {service!r}",
            headers=[("Content-Type", FORM)], body=iam("ListRoles"), sign=True, service=service)
    presigned(f"service-presigned-{name}", "unknown-service", f"presigned GetCallerIdentity with scope service {service!r}",
              {"X-Amz-Credential": f"{ROOT_KEY}%2F{{{{date}}}}%2Fus-east-1%2F{pct(service)}%2Faws4_request"})
signed_iam("service-unknown-action-for-known-service", "unknown-service", "an EC2 action signed for IAM",
           form(("Action", "DescribeInstances"), ("Version", "2016-11-15")), expect_status=400, expect_code="InvalidAction")
add("service-signed-region-with-slash", "unknown-service", "ListRoles signed with region 'us-east-1/x'",
    headers=[("Content-Type", FORM)], body=iam("ListRoles"), sign=True, region="us-east-1/x")

# --- EC2 parameters --------------------------------------------------------------------------------------
EC2_VERSION = "2016-11-15"


def signed_ec2(id, description, *pairs, expect_code=None, expect_status=400):
    add(id, "ec2", description, headers=[("Content-Type", FORM)], body=form(("Action", pairs[0]), ("Version", EC2_VERSION), *pairs[1:]),
        sign=True, service="ec2", protocol="ec2", expect_status=expect_status, expect_code=expect_code)


RUN = (("ImageId", "ami-1"), ("MinCount", "1"), ("MaxCount", "1"))
for name, enc, raw, esc in CONTROLS:
    signed_ec2(f"ec2-instance-id-{name}", f"DescribeInstances with {name} in InstanceId.1",
               "DescribeInstances", ("InstanceId.1", f"i-{enc}"), expect_code=decoder_or(name, "InvalidInstanceID.Malformed"))
    signed_ec2(f"ec2-profile-name-{name}", f"RunInstances with {name} in IamInstanceProfile.Name",
               "RunInstances", *RUN, ("IamInstanceProfile.Name", f"p{enc}"), expect_code=decoder_or(name, "InvalidParameterValue"))
    signed_ec2(f"ec2-filter-name-{name}", f"DescribeInstances with {name} in a filter name",
               "DescribeInstances", ("Filter.1.Name", f"tag{enc}"), ("Filter.1.Value.1", "x"), expect_code=decoder_or(name, "InvalidParameterValue"))
for name, value in [("overflow", "99999999999"), ("negative", "-1"), ("zero", "0"), ("text", "many"), ("float", "1.5"), ("empty", "")]:
    signed_ec2(f"ec2-mincount-{name}", f"RunInstances with MinCount={value}", "RunInstances", ("ImageId", "ami-1"), ("MinCount", value), ("MaxCount", "1"),
               expect_code="InvalidParameterValue")
for name, value in [("overflow", "99999999999"), ("small", "4"), ("large", "1001"), ("text", "ten")]:
    signed_ec2(f"ec2-maxresults-{name}", f"DescribeInstances with MaxResults={value}", "DescribeInstances", ("MaxResults", value),
               expect_code="InvalidParameterValue")
signed_ec2("ec2-filter-index-overflow", "Filter.99999999999.Name", "DescribeInstances", ("Filter.99999999999.Name", "instance-id"), expect_code="MalformedQueryString")
signed_ec2("ec2-filter-without-name", "Filter.1.Value.1 without Filter.1.Name", "DescribeInstances", ("Filter.1.Value.1", "x"), expect_code="InvalidParameterValue")
signed_ec2("ec2-userdata-not-base64", "RunInstances with UserData that is not base64", "RunInstances", *RUN, ("UserData", "%25%25%25"), expect_code="InvalidParameterValue")
signed_ec2("ec2-private-ip-garbage", "RunInstances with PrivateIpAddress=999.1.1.1", "RunInstances", *RUN, ("PrivateIpAddress", "999.1.1.1"), expect_code="InvalidParameterValue")
signed_ec2("ec2-hop-limit-huge", "RunInstances with a hop limit of 65", "RunInstances", *RUN, ("MetadataOptions.HttpPutResponseHopLimit", "65"), expect_code="InvalidParameterValue")
signed_ec2("ec2-http-tokens-bogus", "RunInstances with HttpTokens=maybe", "RunInstances", *RUN, ("MetadataOptions.HttpTokens", "maybe"), expect_code="InvalidParameterValue")
signed_ec2("ec2-tag-spec-without-type", "TagSpecification without ResourceType", "RunInstances", *RUN, ("TagSpecification.1.Tag.1.Key", "k"), expect_code="InvalidParameterValue")
signed_ec2("ec2-profile-arn-garbage", "IamInstanceProfile.Arn that is no ARN", "RunInstances", *RUN, ("IamInstanceProfile.Arn", "not-an-arn"), expect_code="InvalidParameterValue")
signed_ec2("ec2-dry-run-bogus", "DryRun=perhaps", "DescribeInstances", ("DryRun", "perhaps"), expect_code="InvalidParameterValue")
signed_ec2("ec2-association-unknown", "Disassociate an unknown association", "DisassociateIamInstanceProfile", ("AssociationId", "iip-assoc-%01"),
           expect_code="InvalidAssociationID.NotFound")
signed_ec2("ec2-next-token-garbage", "DescribeInstances with a NextToken it never issued", "DescribeInstances", ("NextToken", "not-a-token%01"), expect_code="InvalidPaginationToken")
signed_ec2("ec2-unsupported-action", "an EC2 action outside the subset", "CreateVpc", ("CidrBlock", "10.0.0.0/16"), expect_code="InvalidAction")
signed_ec2("ec2-missing-action", "no Action at all", "", expect_code="MissingAction")
add("ec2-unsigned", "ec2", "an unsigned RunInstances", headers=[("Content-Type", FORM)],
    body=form(("Action", "RunInstances"), ("Version", EC2_VERSION), *RUN), protocol="ec2", expect_status=401, expect_code="AuthFailure")

# --- HTTP methods and paths --------------------------------------------------------------------------------
for method in ("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO"):
    add(f"method-{method.lower()}-root-signed", "http-method", f"{method} / with a signed ListRoles body",
        method=method, headers=[("Content-Type", FORM)], body=iam("ListRoles"), sign=True)
    add(f"method-{method.lower()}-root-unsigned", "http-method", f"{method} / without a signature",
        method=method, headers=[("Content-Type", FORM)], body=iam("ListRoles"))
add("path-unknown-signed", "http-method", "POST /iam with a signed ListRoles body",
    target="/iam", headers=[("Content-Type", FORM)], body=iam("ListRoles"), sign=True)
add("path-malformed-percent", "http-method", "POST /%zz", target="/%zz", headers=[("Content-Type", FORM)], body=iam("ListRoles"))
# Kestrel refuses a path that decodes to NUL before the emulator runs.
add("path-encoded-nul", "http-method", "POST /%00", target="/%00", headers=[("Content-Type", FORM)], body=iam("ListRoles"),
    protocol="http", expect_status=400)
add("path-dot-segments", "http-method", "POST /a/../../", target="/a/../../", headers=[("Content-Type", FORM)], body=iam("ListRoles"))

ids = [c["id"] for c in cases]
duplicates = {i for i in ids if ids.count(i) > 1}
assert not duplicates, duplicates
too_long = [i for i in ids if len(i) > 48]
assert not too_long, f"xunit shows 50 characters of a theory argument: {too_long}"

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus.jsonl")
with open(path, "w", encoding="utf-8", newline="\n") as out:
    for case in cases:
        out.write(json.dumps(case, ensure_ascii=True, separators=(",", ":")) + "\n")

counts = {}
for case in cases:
    counts[case["category"]] = counts.get(case["category"], 0) + 1
for category, count in counts.items():
    print(f"{category:20} {count}")
print(f"{'total':20} {len(cases)}")
