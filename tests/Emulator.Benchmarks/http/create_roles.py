"""Creates COUNT IAM roles (bench-role-000 ...) through the IAM API with boto3, so GetRole and ListRoles have data.

usage: create_roles.py ENDPOINT KEY SECRET COUNT
"""
import json
import sys

import boto3

endpoint, key, secret, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
iam = boto3.client("iam", endpoint_url=endpoint, region_name="us-east-1",
                   aws_access_key_id=key, aws_secret_access_key=secret)
trust = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
for i in range(count):
    iam.create_role(RoleName=f"bench-role-{i:03d}", AssumeRolePolicyDocument=trust, Path="/bench/",
                    Description=f"benchmark role {i}", Tags=[{"Key": "team", "Value": "bench"}])
roles = iam.list_roles()["Roles"]
if len(roles) != count:
    sys.exit(f"create_roles: {endpoint} lists {len(roles)} roles in its first ListRoles page, expected {count}")
