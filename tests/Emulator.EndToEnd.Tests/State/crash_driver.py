# One round of the crash-safety test (CrashSafetyRun.cs), with boto3 as a user would write it.
#
#   crash_driver.py ROUND VERIFY_FILE|-           verify the lines of earlier rounds, then write until the server dies
#   crash_driver.py verify VERIFY_FILE            verify only
#   crash_driver.py final VERIFY_FILE ALL_FILE    verify the last round, then check every round at once from the listings
#
# The server's URL comes as the first line on stdin, so Python and boto3 load while the server starts; requests
# are signed with the account's root keys from the environment. Every line on stdout is one JSON object, printed
# and flushed as soon as it is known:
#   {"verified": {...counts...}, "problems": [...]}   what the reads after the restart found
#   {"ready": true}                                   set-up done, the concurrent writers start now
#   {"attempt": OP, ...}                              a write is about to be sent
#   {"ack": OP, ...}                                  that write was answered 2xx (with what it returned)
#   {"unexpected": OP, ...}                           an AWS error while the server was up: a bug, the test fails
#   {"stopped": THREAD, "after": N}                   a writer stopped: the server is gone (or the time cap)
# A writer stops at its first connection error, so each chain of writes has at most one write in flight
# at the kill: that one may or may not have been applied, but never half.
import json, os, sys, threading, time

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

ENDPOINT = None  # read from stdin in main()
ACCOUNT = "123456789012"
AMI = "ami-11aa22bb"
TIME_CAP_SECONDS = 20  # the test kills the server long before this; the cap only bounds a run that goes wrong
EC2_TRUST = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
ACCOUNT_TRUST = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"}, "Action": "sts:AssumeRole"}]}
INLINE = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
SESSIONS = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sts:GetSessionToken", "sts:AssumeRole"], "Resource": "*"}]}


def policy_document(name, version):
    return {"Version": "2012-10-17", "Statement": [
        {"Sid": f"v{version}", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": f"arn:aws:s3:::{name}-{version}"}]}


local = threading.local()


def client(service, access_key=None, secret_key=None, session_token=None):
    """This thread's client for these credentials. Sessions and their caches are per thread (boto3's sessions are not
    thread-safe); one session loads each service model once, and a client is made once per service and credentials."""
    if not hasattr(local, "session"):
        local.session = boto3.session.Session()
        local.clients = {}
    cache_key = (service, access_key, secret_key, session_token)
    if cache_key not in local.clients:
        keys = {} if access_key is None else {
            "aws_access_key_id": access_key, "aws_secret_access_key": secret_key, "aws_session_token": session_token}
        local.clients[cache_key] = local.session.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", config=Config(
            retries={"total_max_attempts": 1}, connect_timeout=2, read_timeout=15), **keys)
    return local.clients[cache_key]


output_lock = threading.Lock()


def emit(value):
    with output_lock:
        sys.stdout.write(json.dumps(value, sort_keys=True, default=str) + "\n")
        sys.stdout.flush()


class ServerGone(Exception):
    pass


def write(op, call, **fields):
    """Sends one write: prints the attempt, then its ack; raises ServerGone on a connection error."""
    emit(dict(fields, attempt=op))
    try:
        result = call()
    except ClientError as e:
        emit(dict(fields, unexpected=op, code=e.response["Error"]["Code"], message=e.response["Error"].get("Message")))
        raise ServerGone() from e
    except BotoCoreError as e:
        raise ServerGone() from e
    return result


def ack(op, **fields):
    emit(dict(fields, ack=op))


# ---------------------------------------------------------------------------------------------------------------
# Writing


def set_up(prefix):
    """Sequential writes the concurrent ones need: a role EC2 may assume in two profiles, a role the account may
    assume, a user whose key gets session tokens. Acked like every other write and verified the same way."""
    iam = client("iam")
    names = {"ec2_role": f"{prefix}-ec2", "p1": f"{prefix}-p1", "p2": f"{prefix}-p2",
             "assumable": f"{prefix}-assumable", "sts_user": f"{prefix}-sts"}
    write("CreateRole", lambda: iam.create_role(RoleName=names["ec2_role"], AssumeRolePolicyDocument=json.dumps(EC2_TRUST)),
          role=names["ec2_role"], chain=f"{prefix}-setup")
    ack("CreateRole", role=names["ec2_role"], trust="ec2", chain=f"{prefix}-setup")
    for profile in ("p1", "p2"):
        write("CreateInstanceProfile", lambda: iam.create_instance_profile(InstanceProfileName=names[profile]),
              profile=names[profile], chain=f"{prefix}-setup")
        ack("CreateInstanceProfile", profile=names[profile], chain=f"{prefix}-setup")
        write("AddRoleToInstanceProfile", lambda: iam.add_role_to_instance_profile(
            InstanceProfileName=names[profile], RoleName=names["ec2_role"]), profile=names[profile], role=names["ec2_role"], chain=f"{prefix}-setup")
        ack("AddRoleToInstanceProfile", profile=names[profile], role=names["ec2_role"], chain=f"{prefix}-setup")
    write("CreateRole", lambda: iam.create_role(RoleName=names["assumable"], AssumeRolePolicyDocument=json.dumps(ACCOUNT_TRUST)),
          role=names["assumable"], chain=f"{prefix}-setup")
    ack("CreateRole", role=names["assumable"], trust="account", chain=f"{prefix}-setup")
    write("CreateUser", lambda: iam.create_user(UserName=names["sts_user"]), user=names["sts_user"], chain=f"{prefix}-setup")
    ack("CreateUser", user=names["sts_user"], chain=f"{prefix}-setup")
    write("PutUserPolicy", lambda: iam.put_user_policy(UserName=names["sts_user"], PolicyName="sessions",
                                                      PolicyDocument=json.dumps(SESSIONS)), user=names["sts_user"], chain=f"{prefix}-setup")
    ack("PutUserPolicy", user=names["sts_user"], policy="sessions", chain=f"{prefix}-setup")
    key = write("CreateAccessKey", lambda: iam.create_access_key(UserName=names["sts_user"]), user=names["sts_user"], chain=f"{prefix}-setup")["AccessKey"]
    ack("CreateAccessKey", user=names["sts_user"], key=key["AccessKeyId"], secret=key["SecretAccessKey"], chain=f"{prefix}-setup")
    names["sts_key"] = key
    return names


def roles_writer(prefix, names, i):
    iam = client("iam")
    role = f"{prefix}-role-{i}"
    write("CreateRole", lambda: iam.create_role(RoleName=role, AssumeRolePolicyDocument=json.dumps(EC2_TRUST)), role=role, chain=role)
    ack("CreateRole", role=role, trust="ec2", chain=role)
    write("TagRole", lambda: iam.tag_role(RoleName=role, Tags=[{"Key": "round", "Value": f"{prefix}-{i}"}]), role=role, chain=role)
    ack("TagRole", role=role, key="round", value=f"{prefix}-{i}", chain=role)
    write("PutRolePolicy", lambda: iam.put_role_policy(RoleName=role, PolicyName="inline", PolicyDocument=json.dumps(INLINE)),
          role=role, chain=role)
    ack("PutRolePolicy", role=role, policy="inline", chain=role)


def policies_writer(prefix, names, i):
    iam = client("iam")
    name = f"{prefix}-policy-{i}"
    arn = f"arn:aws:iam::{ACCOUNT}:policy/{name}"
    created = write("CreatePolicy", lambda: iam.create_policy(PolicyName=name, PolicyDocument=json.dumps(policy_document(name, 1))),
                    policy=arn, name=name, chain=arn)
    ack("CreatePolicy", policy=arn, name=name, version=created["Policy"]["DefaultVersionId"], chain=arn)
    version = write("CreatePolicyVersion", lambda: iam.create_policy_version(
        PolicyArn=arn, PolicyDocument=json.dumps(policy_document(name, 2)), SetAsDefault=True), policy=arn, name=name, chain=arn)
    ack("CreatePolicyVersion", policy=arn, name=name, version=version["PolicyVersion"]["VersionId"], chain=arn)


def keys_writer(prefix, names, i):
    iam = client("iam")
    user = f"{prefix}-user-{i}"
    write("CreateUser", lambda: iam.create_user(UserName=user), user=user, chain=user)
    ack("CreateUser", user=user, chain=user)
    key = write("CreateAccessKey", lambda: iam.create_access_key(UserName=user), user=user, chain=user)["AccessKey"]
    ack("CreateAccessKey", user=user, key=key["AccessKeyId"], secret=key["SecretAccessKey"], chain=user)


def sessions_writer(prefix, names, i):
    # Root may not assume roles (as on AWS): the set-up user assumes the role and gets session tokens.
    sts = client("sts", names["sts_key"]["AccessKeyId"], names["sts_key"]["SecretAccessKey"])
    session = f"s{i}"
    role_arn = f"arn:aws:iam::{ACCOUNT}:role/{names['assumable']}"
    assumed = write("AssumeRole", lambda: sts.assume_role(RoleArn=role_arn, RoleSessionName=session), role=names["assumable"], chain=f"{prefix}-sessions")
    credentials = assumed["Credentials"]
    ack("AssumeRole", arn=f"arn:aws:sts::{ACCOUNT}:assumed-role/{names['assumable']}/{session}", key=credentials["AccessKeyId"],
        secret=credentials["SecretAccessKey"], token=credentials["SessionToken"], chain=f"{prefix}-sessions")
    token = write("GetSessionToken", lambda: sts.get_session_token(), user=names["sts_user"], chain=f"{prefix}-sessions")["Credentials"]
    ack("GetSessionToken", arn=f"arn:aws:iam::{ACCOUNT}:user/{names['sts_user']}", key=token["AccessKeyId"],
        secret=token["SecretAccessKey"], token=token["SessionToken"], chain=f"{prefix}-sessions")


def profile_arn(name):
    return f"arn:aws:iam::{ACCOUNT}:instance-profile/{name}"


def instances_writer(prefix, names, i):
    ec2 = client("ec2")
    chain = f"{prefix}-instance-{i}"
    if i % 2 == 0:
        # Launched with a profile, then the association replaced by the other profile.
        launched = write("RunInstances", lambda: ec2.run_instances(ImageId=AMI, InstanceType="t3.micro", MinCount=1, MaxCount=1,
                                                                   IamInstanceProfile={"Name": names["p1"]}), profile=names["p1"], chain=chain)
        instance = launched["Instances"][0]["InstanceId"]
        ack("RunInstances", instance=instance, profile=profile_arn(names["p1"]), chain=chain)
        try:
            described = ec2.describe_iam_instance_profile_associations(Filters=[{"Name": "instance-id", "Values": [instance]}])
        except BotoCoreError as e:
            raise ServerGone() from e
        association = described["IamInstanceProfileAssociations"][0]["AssociationId"]
        replaced = write("ReplaceIamInstanceProfileAssociation", lambda: ec2.replace_iam_instance_profile_association(
            AssociationId=association, IamInstanceProfile={"Name": names["p2"]}), instance=instance, association=association,
            profile=profile_arn(names["p2"]), chain=chain)
        ack("ReplaceIamInstanceProfileAssociation", instance=instance, association=replaced["IamInstanceProfileAssociation"]["AssociationId"],
            profile=profile_arn(names["p2"]), chain=chain)
    else:
        # Launched bare, then associated.
        launched = write("RunInstances", lambda: ec2.run_instances(ImageId=AMI, InstanceType="t3.micro", MinCount=1, MaxCount=1), chain=chain)
        instance = launched["Instances"][0]["InstanceId"]
        ack("RunInstances", instance=instance, profile=None, chain=chain)
        associated = write("AssociateIamInstanceProfile", lambda: ec2.associate_iam_instance_profile(
            InstanceId=instance, IamInstanceProfile={"Name": names["p1"]}), instance=instance, profile=profile_arn(names["p1"]), chain=chain)
        ack("AssociateIamInstanceProfile", instance=instance, association=associated["IamInstanceProfileAssociation"]["AssociationId"],
            profile=profile_arn(names["p1"]), chain=chain)


def run_writer(name, work, prefix, names, deadline):
    i = 0
    try:
        while time.monotonic() < deadline:
            work(prefix, names, i)
            i += 1
    except ServerGone:
        pass
    emit({"stopped": name, "after": i})


def drive(round_number):
    prefix = f"c{round_number}"
    names = set_up(prefix)
    emit({"ready": True})
    deadline = time.monotonic() + TIME_CAP_SECONDS
    writers = [("roles", roles_writer), ("policies", policies_writer), ("keys", keys_writer),
               ("sessions", sessions_writer), ("instances", instances_writer)]
    threads = [threading.Thread(target=run_writer, args=(name, work, prefix, names, deadline)) for name, work in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


# ---------------------------------------------------------------------------------------------------------------
# Verifying after the restart


class Chains:
    """The lines of earlier rounds grouped by chain: the acked writes in order, and the write in flight at the
    kill (attempted, never acked), if any."""

    def __init__(self, lines):
        self.acked = {}
        self.in_flight = {}
        for line in lines:
            if "chain" not in line:
                continue
            chain = line["chain"]
            if "attempt" in line:
                self.in_flight[chain] = line
            elif "ack" in line:
                self.acked.setdefault(chain, []).append(line)
                self.in_flight.pop(chain, None)

    def chains(self):
        return sorted(set(self.acked) | set(self.in_flight))

    def acks(self, chain):
        return self.acked.get(chain, [])

    def flying(self, chain):
        return self.in_flight.get(chain)


def verify(lines):
    iam = client("iam")
    ec2 = client("ec2")
    problems = []
    counts = {"acked_writes": 0, "credentials": 0, "in_flight": 0}

    def problem(text):
        problems.append(text)

    def absent(call, code, **kwargs):
        try:
            call(**kwargs)
            return False
        except ClientError as e:
            if e.response["Error"]["Code"] != code:
                raise
            return True

    chains = Chains(lines)
    acked_instances = {}
    for chain in chains.chains():
        acks = chains.acks(chain)
        flying = chains.flying(chain)
        counts["acked_writes"] += len([a for a in acks if a["ack"] not in ("AssumeRole", "GetSessionToken")])
        counts["in_flight"] += 1 if flying else 0
        acked = {a["ack"]: a for a in acks}
        if chain.endswith("-setup") or chain.endswith("-sessions"):
            verify_acks_only(iam, acks, problem)
        elif "-role-" in chain:
            verify_role_chain(iam, chain, acked, flying, problem, absent)
        elif ":policy/" in chain:
            verify_policy_chain(iam, chain, acked, flying, problem, absent)
        elif "-user-" in chain:
            verify_user_chain(iam, chain, acked, flying, problem, absent)
        elif "-instance-" in chain:
            if "RunInstances" in acked:
                acked_instances[acked["RunInstances"]["instance"]] = (acked, flying)
        else:
            problem(f"unknown chain {chain}")
        counts["credentials"] += verify_credentials(acks, problem)

    counts["instances"] = verify_instances(ec2, acked_instances, problem)
    return counts, problems


def verify_credentials(acks, problem):
    """Credentials issued before the kill verify after it: sessions from AssumeRole and GetSessionToken, long-term keys."""
    checked = 0
    for a in acks:
        if a["ack"] not in ("AssumeRole", "GetSessionToken", "CreateAccessKey"):
            continue
        checked += 1
        expected = a.get("arn") or f"arn:aws:iam::{ACCOUNT}:user/{a['user']}"
        try:
            arn = client("sts", a["key"], a["secret"], a.get("token")).get_caller_identity()["Arn"]
        except ClientError as e:
            arn = f"error {e.response['Error']['Code']}: {e.response['Error'].get('Message')}"
        if arn != expected:
            problem(f"{a['ack']} credentials {a['key']} acked before the kill: GetCallerIdentity is {arn}, expected {expected}")
    return checked


def verify_acks_only(iam, acks, problem):
    for a in acks:
        op = a["ack"]
        try:
            if op == "CreateRole":
                iam.get_role(RoleName=a["role"])
            elif op == "CreateInstanceProfile":
                iam.get_instance_profile(InstanceProfileName=a["profile"])
            elif op == "AddRoleToInstanceProfile":
                roles = [r["RoleName"] for r in iam.get_instance_profile(InstanceProfileName=a["profile"])["InstanceProfile"]["Roles"]]
                if roles != [a["role"]]:
                    problem(f"instance profile {a['profile']} has roles {roles} after an acked AddRoleToInstanceProfile of {a['role']}")
            elif op == "CreateUser":
                iam.get_user(UserName=a["user"])
            elif op == "PutUserPolicy":
                iam.get_user_policy(UserName=a["user"], PolicyName=a["policy"])
            elif op == "CreateAccessKey":
                keys = [k["AccessKeyId"] for k in iam.list_access_keys(UserName=a["user"])["AccessKeyMetadata"]]
                if keys != [a["key"]]:
                    problem(f"user {a['user']} has access keys {keys} after the acked CreateAccessKey of {a['key']}")
        except ClientError as e:
            if e.response["Error"]["Code"] != "NoSuchEntity":
                raise
            problem(f"acked {op} {a.get('profile') or a.get('role') or a.get('user')} is missing")


def verify_role_chain(iam, role, acked, flying, problem, absent):
    if absent(iam.get_role, "NoSuchEntity", RoleName=role):
        if "CreateRole" in acked:
            problem(f"acked CreateRole {role} is missing")
        return
    got = iam.get_role(RoleName=role)["Role"]
    if got["AssumeRolePolicyDocument"] != EC2_TRUST:
        problem(f"role {role} has trust policy {got['AssumeRolePolicyDocument']}")
    tags = got.get("Tags", [])
    tag_sent = "TagRole" in acked or (flying is not None and flying["attempt"] == "TagRole")
    if "TagRole" in acked and tags != [{"Key": "round", "Value": acked["TagRole"]["value"]}]:
        problem(f"role {role} has tags {tags} after its acked TagRole")
    if not tag_sent and tags:
        problem(f"role {role} has tags {tags} though TagRole was never sent")
    inline = iam.list_role_policies(RoleName=role)["PolicyNames"]
    put_sent = "PutRolePolicy" in acked or (flying is not None and flying["attempt"] == "PutRolePolicy")
    if "PutRolePolicy" in acked:
        if inline != ["inline"]:
            problem(f"role {role} has inline policies {inline} after its acked PutRolePolicy")
        elif iam.get_role_policy(RoleName=role, PolicyName="inline")["PolicyDocument"] != INLINE:
            problem(f"role {role}'s inline policy document differs from the one put")
    if not put_sent and inline:
        problem(f"role {role} has inline policies {inline} though PutRolePolicy was never sent")


def verify_policy_chain(iam, arn, acked, flying, problem, absent):
    name = arn.rsplit("/", 1)[1]
    if absent(iam.get_policy, "NoSuchEntity", PolicyArn=arn):
        if "CreatePolicy" in acked:
            problem(f"acked CreatePolicy {arn} is missing")
        return
    default = iam.get_policy(PolicyArn=arn)["Policy"]["DefaultVersionId"]
    versions = sorted((v["VersionId"], v["IsDefaultVersion"]) for v in iam.list_policy_versions(PolicyArn=arn)["Versions"])
    version_sent = "CreatePolicyVersion" in acked or (flying is not None and flying["attempt"] == "CreatePolicyVersion")
    if "CreatePolicyVersion" in acked:
        expected = [("v1", False), ("v2", True)]
        if acked["CreatePolicyVersion"]["version"] != "v2" or default != "v2" or versions != expected:
            problem(f"policy {arn} after its acked CreatePolicyVersion: default {default}, versions {versions}")
    elif not version_sent:
        if default != "v1" or versions != [("v1", True)]:
            problem(f"policy {arn} whose only write was CreatePolicy: default {default}, versions {versions}")
    elif versions not in ([("v1", True)], [("v1", False), ("v2", True)]) or default != versions[-1][0]:
        # The version in flight at the kill (SetAsDefault) either landed whole, as the default, or not at all.
        problem(f"policy {arn} with CreatePolicyVersion in flight: default {default}, versions {versions}")
    for version_id, _ in versions:
        number = int(version_id[1:])
        document = iam.get_policy_version(PolicyArn=arn, VersionId=version_id)["PolicyVersion"]["Document"]
        if document != policy_document(name, number):
            problem(f"policy {arn} version {version_id} has document {document}")


def verify_user_chain(iam, user, acked, flying, problem, absent):
    if absent(iam.get_user, "NoSuchEntity", UserName=user):
        if "CreateUser" in acked:
            problem(f"acked CreateUser {user} is missing")
        return
    keys = [k["AccessKeyId"] for k in iam.list_access_keys(UserName=user)["AccessKeyMetadata"]]
    if "CreateAccessKey" in acked:
        if keys != [acked["CreateAccessKey"]["key"]]:
            problem(f"user {user} has access keys {keys} after its acked CreateAccessKey of {acked['CreateAccessKey']['key']}")
    elif flying is not None and flying["attempt"] == "CreateAccessKey":
        if len(keys) > 1:
            problem(f"user {user} has access keys {keys} after one CreateAccessKey in flight")
    elif keys:
        problem(f"user {user} has access keys {keys} though CreateAccessKey was never sent")


def verify_instances(ec2, acked_instances, problem):
    """Every acked instance is there with the association its last acked write left (or the one in flight at the
    kill, whole); and across all instances, acked or not, an instance shows a profile exactly when it has an
    association with that profile."""
    instances = {}
    for page in ec2.get_paginator("describe_instances").paginate():
        for reservation in page["Reservations"]:
            for instance in reservation["Instances"]:
                instances[instance["InstanceId"]] = instance
    associations = {}
    for page in ec2.get_paginator("describe_iam_instance_profile_associations").paginate():
        for association in page["IamInstanceProfileAssociations"]:
            if association["State"] in ("associating", "associated"):
                if association["InstanceId"] in associations:
                    problem(f"instance {association['InstanceId']} has two associations")
                associations[association["InstanceId"]] = association

    for instance_id, instance in instances.items():
        shown = instance.get("IamInstanceProfile", {}).get("Arn")
        association = associations.get(instance_id)
        associated = association["IamInstanceProfile"]["Arn"] if association else None
        if shown != associated:
            problem(f"instance {instance_id} shows profile {shown} but its association is {associated}")
    for instance_id in associations:
        if instance_id not in instances:
            problem(f"association {associations[instance_id]['AssociationId']} names instance {instance_id}, which DescribeInstances does not show")

    for instance_id, (acked, flying) in acked_instances.items():
        if instance_id not in instances:
            problem(f"acked RunInstances {instance_id} is missing")
            continue
        if instances[instance_id]["State"]["Name"] != "running":
            problem(f"instance {instance_id} is {instances[instance_id]['State']['Name']}")
        association = associations.get(instance_id)
        seen = (association["AssociationId"], association["IamInstanceProfile"]["Arn"]) if association else NONE
        last = [a for a in ("RunInstances", "AssociateIamInstanceProfile", "ReplaceIamInstanceProfileAssociation") if a in acked][-1]
        if last == "RunInstances":
            # The association id of a launch is not in RunInstances' answer: any id, with the launch's profile.
            allowed = [NONE if acked[last]["profile"] is None else (ANY_ID, acked[last]["profile"])]
        else:
            allowed = [(acked[last]["association"], acked[last]["profile"])]
        if flying is not None:
            # The write in flight at the kill either landed whole or not at all: Replace makes a new id, Associate a first one.
            allowed.append((ANY_ID, flying["profile"]))
        if not any(fits(seen, state) for state in allowed):
            problem(f"instance {instance_id}: association {seen}, expected one of {allowed} (acked {sorted(acked)}, in flight {flying and flying['attempt']})")
    return len(instances)


NONE = "no association"
ANY_ID = "any association id"


def fits(seen, state):
    if state == NONE or seen == NONE:
        return state == seen
    return state[0] in (ANY_ID, seen[0]) and state[1] == seen[1]


LISTED_WRITES = ("CreateRole", "CreateInstanceProfile", "AddRoleToInstanceProfile", "CreateUser", "CreatePolicy", "CreatePolicyVersion")
INSTANCE_WRITES = ("RunInstances", "AssociateIamInstanceProfile", "ReplaceIamInstanceProfileAssociation")
CREDENTIAL_WRITES = ("AssumeRole", "GetSessionToken", "CreateAccessKey")
CREDENTIAL_SAMPLE = 150


def verify_listed(lines):
    """The last start's check of every round at once. Each round's writes were read one by one after the restart
    that followed it; here the listings show that no later round lost them: every acked entity is listed (a policy
    with the default version its acked CreatePolicyVersion set), every acked instance has the association its last
    acked write left, and a sample spread over all rounds of the credentials still verifies."""
    iam, ec2 = client("iam"), client("ec2")
    problems = []
    roles = {r["RoleName"] for page in iam.get_paginator("list_roles").paginate() for r in page["Roles"]}
    users = {u["UserName"] for page in iam.get_paginator("list_users").paginate() for u in page["Users"]}
    policies = {p["Arn"]: p["DefaultVersionId"] for page in iam.get_paginator("list_policies").paginate(Scope="Local") for p in page["Policies"]}
    profiles = {p["InstanceProfileName"]: [r["RoleName"] for r in p["Roles"]]
                for page in iam.get_paginator("list_instance_profiles").paginate() for p in page["InstanceProfiles"]}
    chains = Chains(lines)
    listed = 0
    acked_instances = {}
    credentials = []
    for chain in chains.chains():
        acked = {}
        for a in chains.acks(chain):
            op = a["ack"]
            acked[op] = a
            if op in CREDENTIAL_WRITES:
                credentials.append(a)
            if op in INSTANCE_WRITES:
                listed += 1
            if op not in LISTED_WRITES:
                continue
            listed += 1
            found = {"CreateRole": lambda: a["role"] in roles,
                     "CreateInstanceProfile": lambda: a["profile"] in profiles,
                     "AddRoleToInstanceProfile": lambda: profiles.get(a["profile"]) == [a["role"]],
                     "CreateUser": lambda: a["user"] in users,
                     "CreatePolicy": lambda: a["policy"] in policies,
                     "CreatePolicyVersion": lambda: policies.get(a["policy"]) == a["version"]}[op]()
            if not found:
                problems.append(f"acked {op} {json.dumps(a, sort_keys=True)} is not in the last start's listings")
        if "RunInstances" in acked:
            acked_instances[acked["RunInstances"]["instance"]] = (acked, chains.flying(chain))
    instances = verify_instances(ec2, acked_instances, problems.append)
    step = max(1, -(-len(credentials) // CREDENTIAL_SAMPLE))
    sampled = verify_credentials(credentials[::step], problems.append)
    return {"listed_writes": listed, "credentials": sampled, "instances": instances}, problems


def read_lines(path):
    if path == "-":
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    global ENDPOINT
    mode, verify_file = sys.argv[1], sys.argv[2]
    lines = read_lines(verify_file)
    ENDPOINT = sys.stdin.readline().strip()
    if lines:
        counts, problems = verify(lines)
        emit({"verified": counts, "problems": problems})
    if mode == "final":
        counts, problems = verify_listed(read_lines(sys.argv[3]))
        emit({"final": counts, "problems": problems})
    if mode not in ("verify", "final"):
        drive(int(mode))


main()
