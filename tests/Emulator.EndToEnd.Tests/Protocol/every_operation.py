# Runs after Boto3's prelude (client, emit, ENDPOINT). Every operation the emulator serves (GET /_emulator/model)
# is called once through botocore with valid minimal parameters, in an order that creates what later calls need.
# botocore's own parser reads each answer (a missing result wrapper is a KeyError there); then every member the
# output shape marks required must be present, and no element may sit where the shape has none (botocore would
# drop it without a word). The emitted lists name each operation that failed, and any served but not called.
import urllib.request
import botocore
from xml.etree import ElementTree

# Elements AWS sends that botocore's shapes lack: ListAccessKeys' documented answer names the user beside the keys.
DOCUMENTED_EXTRAS = {("ListAccessKeys", "UserName")}

raw_answers = {}

def keep_raw(http_response, model, **kwargs):
    raw_answers[model.name] = http_response.content

def watched(service, access_key=None, secret_key=None):
    made = client(service, access_key, secret_key)
    made.meta.events.register("after-call", keep_raw)
    return made

with urllib.request.urlopen(ENDPOINT + "/_emulator/model") as response:
    served = json.load(response)["actions"]

iam, sts, ec2 = watched("iam"), watched("sts"), watched("ec2")
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root", "Service": "ec2.amazonaws.com"}, "Action": ["sts:AssumeRole", "sts:TagSession"]},
    {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.emulator.test"}, "Action": "sts:AssumeRoleWithWebIdentity"},
    {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:saml-provider/every-op-saml"}, "Action": "sts:AssumeRoleWithSAML"}]})
POLICY = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})
USER_POLICY = "arn:aws:iam::123456789012:policy/every-op-policy"
called, failures = [], []

def required_missing(shape, value, path):
    """Members the output shape marks required but the parsed answer lacks, searched through nested shapes."""
    missing = []
    if shape.type_name == "structure" and isinstance(value, dict):
        for name in shape.required_members:
            if name not in value:
                missing.append(path + name)
        for name, member in shape.members.items():
            if name in value:
                missing += required_missing(member, value[name], path + name + ".")
    elif shape.type_name == "list" and isinstance(value, list):
        for i, item in enumerate(value):
            missing += required_missing(shape.member, item, "%s[%d]." % (path.rstrip("."), i))
    return missing

def xml_name(name, shape):
    return shape.serialization.get("name", name)

def strip(tag):
    return tag.rpartition("}")[2]

def unknown_elements(shape, element, path):
    """Elements of the raw answer that the output shape does not name: botocore drops them without a word."""
    unknown = []
    if shape.type_name == "structure":
        members = {xml_name(name, member): (name, member) for name, member in shape.members.items()}
        for child in element:
            tag = strip(child.tag)
            if tag not in members:
                unknown.append(path + tag)
            else:
                name, member = members[tag]
                unknown += unknown_elements(member, child, path + name + ".")
    elif shape.type_name == "list":
        item_name = shape.member.serialization.get("name", "member")
        for child in element:
            if strip(child.tag) != item_name:
                unknown.append(path + strip(child.tag))
            else:
                unknown += unknown_elements(shape.member, child, path.rstrip(".") + "[]" + ".")
    elif shape.type_name == "map":
        for entry in element:
            if strip(entry.tag) != "entry":
                unknown.append(path + strip(entry.tag))
    return unknown



def call(service_client, operation, expect_error=None, **params):
    service = service_client.meta.service_model
    method = botocore.xform_name(operation)
    called.append("%s:%s" % (service.signing_name if service.service_name != "sts" else "sts", operation))
    try:
        result = getattr(service_client, method)(**params)
    except ClientError as e:
        if expect_error is not None and e.response["Error"].get("Code") == expect_error:
            return {}  # an operation whose only AWS answer here is an error (Organizations reports without an organization)
        failures.append("%s: %s %s" % (operation, e.response["Error"].get("Code"), e.response["Error"].get("Message")))
        return {}
    except Exception as e:
        failures.append("%s: %s %r" % (operation, type(e).__name__, e))
        return {}
    output = service.operation_model(operation).output_shape
    if output is not None:
        missing = required_missing(output, result, "")
        if missing:
            failures.append("%s: required members missing: %s" % (operation, ", ".join(missing)))
        root = ElementTree.fromstring(raw_answers[operation])
        wrapper = output.serialization.get("resultWrapper")
        body = next((e for e in root if strip(e.tag) == wrapper), root) if wrapper else root
        extra = [e for e in unknown_elements(output, body, "") if e not in ("requestId", "ResponseMetadata")
                 and (operation, e) not in DOCUMENTED_EXTRAS]
        if extra:
            failures.append("%s: elements the output shape does not have: %s" % (operation, ", ".join(extra)))
    return result

def mint_token():
    request = urllib.request.Request(ENDPOINT + "/_emulator/oidc/token", data=json.dumps({"subject": "every-op"}).encode(),
        headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request) as response:
        return json.load(response)["token"]

# IAM: create
call(iam, "CreateAccountAlias", AccountAlias="every-op-alias")
call(iam, "CreateUser", UserName="every-op-user", Tags=[{"Key": "team", "Value": "a"}])
call(iam, "CreateGroup", GroupName="every-op-group")
call(iam, "CreateRole", RoleName="every-op-role", AssumeRolePolicyDocument=TRUST)
call(iam, "CreatePolicy", PolicyName="every-op-policy", PolicyDocument=POLICY)
call(iam, "CreatePolicyVersion", PolicyArn=USER_POLICY, PolicyDocument=POLICY)
call(iam, "CreateInstanceProfile", InstanceProfileName="every-op-profile")
call(iam, "AddRoleToInstanceProfile", InstanceProfileName="every-op-profile", RoleName="every-op-role")
call(iam, "CreateInstanceProfile", InstanceProfileName="every-op-spare")
oidc = call(iam, "CreateOpenIDConnectProvider", Url="https://oidc.emulator.test", ClientIDList=["sts.amazonaws.com"])
oidc_arn = oidc.get("OpenIDConnectProviderArn", "arn:aws:iam::123456789012:oidc-provider/oidc.emulator.test")
key = call(iam, "CreateAccessKey", UserName="every-op-user").get("AccessKey", {})
call(iam, "AddUserToGroup", GroupName="every-op-group", UserName="every-op-user")
call(iam, "AttachUserPolicy", UserName="every-op-user", PolicyArn=USER_POLICY)
call(iam, "AttachGroupPolicy", GroupName="every-op-group", PolicyArn=USER_POLICY)
call(iam, "AttachRolePolicy", RoleName="every-op-role", PolicyArn=USER_POLICY)
call(iam, "PutUserPolicy", UserName="every-op-user", PolicyName="inline", PolicyDocument=POLICY)
call(iam, "PutGroupPolicy", GroupName="every-op-group", PolicyName="inline", PolicyDocument=POLICY)
call(iam, "PutRolePolicy", RoleName="every-op-role", PolicyName="inline", PolicyDocument=POLICY)
call(iam, "PutUserPermissionsBoundary", UserName="every-op-user", PermissionsBoundary=USER_POLICY)
call(iam, "PutRolePermissionsBoundary", RoleName="every-op-role", PermissionsBoundary=USER_POLICY)
for operation, params in (("TagUser", {"UserName": "every-op-user"}), ("TagRole", {"RoleName": "every-op-role"}),
        ("TagPolicy", {"PolicyArn": USER_POLICY}), ("TagInstanceProfile", {"InstanceProfileName": "every-op-profile"}),
        ("TagOpenIDConnectProvider", {"OpenIDConnectProviderArn": oidc_arn})):
    call(iam, operation, Tags=[{"Key": "k", "Value": "v"}], **params)

# IAM: read
call(iam, "GetUser", UserName="every-op-user")
call(iam, "GetGroup", GroupName="every-op-group")
call(iam, "GetRole", RoleName="every-op-role")
call(iam, "GetPolicy", PolicyArn=USER_POLICY)
call(iam, "GetPolicyVersion", PolicyArn=USER_POLICY, VersionId="v1")
call(iam, "GetInstanceProfile", InstanceProfileName="every-op-profile")
call(iam, "GetOpenIDConnectProvider", OpenIDConnectProviderArn=oidc_arn)
call(iam, "GetUserPolicy", UserName="every-op-user", PolicyName="inline")
call(iam, "GetGroupPolicy", GroupName="every-op-group", PolicyName="inline")
call(iam, "GetRolePolicy", RoleName="every-op-role", PolicyName="inline")
call(iam, "GetAccessKeyLastUsed", AccessKeyId=key.get("AccessKeyId", "AKIAIOSFODNN7EXAMPLE"))
call(iam, "GetAccountAuthorizationDetails")
call(iam, "GetAccountSummary")
call(iam, "GetContextKeysForCustomPolicy", PolicyInputList=[POLICY])
call(iam, "GetContextKeysForPrincipalPolicy", PolicySourceArn="arn:aws:iam::123456789012:user/every-op-user")
call(iam, "ListUsers")
call(iam, "ListGroups")
call(iam, "ListRoles")
call(iam, "ListPolicies", Scope="Local")
call(iam, "ListPolicyVersions", PolicyArn=USER_POLICY)
call(iam, "ListInstanceProfiles")
call(iam, "ListInstanceProfilesForRole", RoleName="every-op-role")
call(iam, "ListOpenIDConnectProviders")
call(iam, "ListAccessKeys", UserName="every-op-user")
call(iam, "ListAccountAliases")
call(iam, "ListGroupsForUser", UserName="every-op-user")
call(iam, "ListEntitiesForPolicy", PolicyArn=USER_POLICY)
call(iam, "ListAttachedUserPolicies", UserName="every-op-user")
call(iam, "ListAttachedGroupPolicies", GroupName="every-op-group")
call(iam, "ListAttachedRolePolicies", RoleName="every-op-role")
call(iam, "ListUserPolicies", UserName="every-op-user")
call(iam, "ListGroupPolicies", GroupName="every-op-group")
call(iam, "ListRolePolicies", RoleName="every-op-role")
call(iam, "ListUserTags", UserName="every-op-user")
call(iam, "ListRoleTags", RoleName="every-op-role")
call(iam, "ListPolicyTags", PolicyArn=USER_POLICY)
call(iam, "ListInstanceProfileTags", InstanceProfileName="every-op-profile")
call(iam, "ListOpenIDConnectProviderTags", OpenIDConnectProviderArn=oidc_arn)
call(iam, "SimulateCustomPolicy", PolicyInputList=[POLICY], ActionNames=["s3:GetObject"])
call(iam, "SimulatePrincipalPolicy", PolicySourceArn="arn:aws:iam::123456789012:user/every-op-user", ActionNames=["s3:GetObject"])

# IAM: update
call(iam, "UpdateUser", UserName="every-op-user", NewPath="/moved/")
call(iam, "UpdateGroup", GroupName="every-op-group", NewPath="/moved/")
call(iam, "UpdateRole", RoleName="every-op-role", Description="updated")
call(iam, "UpdateRoleDescription", RoleName="every-op-role", Description="described")
call(iam, "UpdateAssumeRolePolicy", RoleName="every-op-role", PolicyDocument=TRUST)
call(iam, "UpdateAccessKey", UserName="every-op-user", AccessKeyId=key.get("AccessKeyId", "AKIAIOSFODNN7EXAMPLE"), Status="Active")
call(iam, "SetDefaultPolicyVersion", PolicyArn=USER_POLICY, VersionId="v2")
call(iam, "AddClientIDToOpenIDConnectProvider", OpenIDConnectProviderArn=oidc_arn, ClientID="second-client")
call(iam, "RemoveClientIDFromOpenIDConnectProvider", OpenIDConnectProviderArn=oidc_arn, ClientID="second-client")
call(iam, "UpdateOpenIDConnectProviderThumbprint", OpenIDConnectProviderArn=oidc_arn, ThumbprintList=["0" * 40])

# STS, as the user whose key was created above (roots may not assume roles)
user_sts = watched("sts", key.get("AccessKeyId"), key.get("SecretAccessKey")) if key else sts
role_arn = "arn:aws:iam::123456789012:role/every-op-role"
call(sts, "GetCallerIdentity")
call(sts, "GetAccessKeyInfo", AccessKeyId=key.get("AccessKeyId", "AKIAIOSFODNN7EXAMPLE"))
call(user_sts, "GetSessionToken")
call(user_sts, "GetFederationToken", Name="every-op")
call(user_sts, "AssumeRole", RoleArn=role_arn, RoleSessionName="every-op")
call(watched("sts", "unused", "unused"), "AssumeRoleWithWebIdentity", RoleArn=role_arn, RoleSessionName="every-op", WebIdentityToken=mint_token())

# EC2
instance_id = None
reservation = call(ec2, "RunInstances", ImageId="ami-0123456789abcdef0", MinCount=1, MaxCount=1, InstanceType="t3.micro")
instances = reservation.get("Instances") or [{}]
instance_id = instances[0].get("InstanceId", "i-0123456789abcdef0")
call(ec2, "DescribeInstances")
call(ec2, "DescribeInstanceStatus", IncludeAllInstances=True)
call(ec2, "DescribeInstanceAttribute", InstanceId=instance_id, Attribute="instanceType")
call(ec2, "DescribeInstanceTypes", InstanceTypes=["t3.micro"])
call(ec2, "DescribeImages", Owners=["amazon"])
call(ec2, "DescribeAvailabilityZones")
call(ec2, "DescribeVpcs")
call(ec2, "DescribeSubnets")
call(ec2, "DescribeSecurityGroups")
call(ec2, "CreateTags", Resources=[instance_id], Tags=[{"Key": "k", "Value": "v"}])
call(ec2, "DescribeTags")
call(ec2, "DeleteTags", Resources=[instance_id], Tags=[{"Key": "k"}])
association = call(ec2, "AssociateIamInstanceProfile", InstanceId=instance_id, IamInstanceProfile={"Name": "every-op-profile"})
association_id = association.get("IamInstanceProfileAssociation", {}).get("AssociationId", "iip-assoc-0123456789abcdef0")
call(ec2, "DescribeIamInstanceProfileAssociations")
replaced = call(ec2, "ReplaceIamInstanceProfileAssociation", AssociationId=association_id, IamInstanceProfile={"Name": "every-op-profile"})
association_id = replaced.get("IamInstanceProfileAssociation", {}).get("AssociationId", association_id)
call(ec2, "DisassociateIamInstanceProfile", AssociationId=association_id)
call(ec2, "ModifyInstanceMetadataOptions", InstanceId=instance_id, HttpTokens="required")
call(ec2, "GetInstanceMetadataDefaults")
call(ec2, "ModifyInstanceMetadataDefaults", HttpTokens="required")
call(ec2, "StopInstances", InstanceIds=[instance_id])
call(ec2, "StartInstances", InstanceIds=[instance_id])
call(ec2, "TerminateInstances", InstanceIds=[instance_id])

# A denial EC2 words with an encoded message, decoded by STS
bare_key = call(iam, "CreateUser", UserName="every-op-bare") and call(iam, "CreateAccessKey", UserName="every-op-bare").get("AccessKey", {})
encoded = None
try:
    client("ec2", bare_key.get("AccessKeyId"), bare_key.get("SecretAccessKey")).run_instances(ImageId="ami-0123456789abcdef0", MinCount=1, MaxCount=1)
except ClientError as e:
    encoded = e.response["Error"].get("Message", "").rpartition("Encoded authorization failure message: ")[2]
call(sts, "DecodeAuthorizationMessage", EncodedMessage=encoded or "missing")

# IAM: tear down
for operation, params in (("UntagUser", {"UserName": "every-op-user"}), ("UntagRole", {"RoleName": "every-op-role"}),
        ("UntagPolicy", {"PolicyArn": USER_POLICY}), ("UntagInstanceProfile", {"InstanceProfileName": "every-op-profile"}),
        ("UntagOpenIDConnectProvider", {"OpenIDConnectProviderArn": oidc_arn})):
    call(iam, operation, TagKeys=["k"], **params)
# A user's own credentials while the user still holds the allow-all policy: SSH keys, signing certificates (the
# test passes an RSA key and a certificate: Python's standard library makes neither), console password and the
# account password policy, and a virtual MFA device whose codes are computed here (RFC 6238).
import base64, hashlib, hmac, struct
from datetime import datetime

def emulator_step():
    with urllib.request.urlopen(ENDPOINT + "/_emulator/clock") as response:
        now = json.load(response)["now"]
    return int(datetime.fromisoformat(now.replace("Z", "+00:00")).timestamp()) // 30

def totp(seed, step):
    digest = hmac.new(base64.b32decode(seed), struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)

ssh = call(iam, "UploadSSHPublicKey", UserName="every-op-user", SSHPublicKeyBody=arg("SSH_KEY")).get("SSHPublicKey", {})
ssh_id = ssh.get("SSHPublicKeyId", "APKAAAAAAAAAAAAAAAAA")
call(iam, "GetSSHPublicKey", UserName="every-op-user", SSHPublicKeyId=ssh_id, Encoding="PEM")
call(iam, "ListSSHPublicKeys", UserName="every-op-user")
call(iam, "UpdateSSHPublicKey", UserName="every-op-user", SSHPublicKeyId=ssh_id, Status="Inactive")
call(iam, "DeleteSSHPublicKey", UserName="every-op-user", SSHPublicKeyId=ssh_id)
certificate = call(iam, "UploadSigningCertificate", UserName="every-op-user", CertificateBody=arg("CERTIFICATE")).get("Certificate", {})
certificate_id = certificate.get("CertificateId", "A" * 32)
call(iam, "ListSigningCertificates", UserName="every-op-user")
call(iam, "UpdateSigningCertificate", UserName="every-op-user", CertificateId=certificate_id, Status="Inactive")
call(iam, "DeleteSigningCertificate", UserName="every-op-user", CertificateId=certificate_id)
call(iam, "UploadServerCertificate", ServerCertificateName="every-op-cert", CertificateBody=arg("CERTIFICATE"), PrivateKey=arg("PRIVATE_KEY"),
    Tags=[{"Key": "k", "Value": "v"}])
call(iam, "GetServerCertificate", ServerCertificateName="every-op-cert")
call(iam, "ListServerCertificates", PathPrefix="/")
call(iam, "TagServerCertificate", ServerCertificateName="every-op-cert", Tags=[{"Key": "k2", "Value": "v"}])
call(iam, "ListServerCertificateTags", ServerCertificateName="every-op-cert")
call(iam, "UntagServerCertificate", ServerCertificateName="every-op-cert", TagKeys=["k2"])
call(iam, "UpdateServerCertificate", ServerCertificateName="every-op-cert", NewServerCertificateName="every-op-cert-2", NewPath="/elb/")
call(iam, "DeleteServerCertificate", ServerCertificateName="every-op-cert-2")
service_credential = call(iam, "CreateServiceSpecificCredential", UserName="every-op-user", ServiceName="codecommit.amazonaws.com").get("ServiceSpecificCredential", {})
service_credential_id = service_credential.get("ServiceSpecificCredentialId", "ACCA" + "A" * 17)
call(iam, "CreateServiceSpecificCredential", UserName="every-op-user", ServiceName="bedrock.amazonaws.com", CredentialAgeDays=30)
call(iam, "ListServiceSpecificCredentials", UserName="every-op-user", ServiceName="codecommit.amazonaws.com")
call(iam, "ResetServiceSpecificCredential", UserName="every-op-user", ServiceSpecificCredentialId=service_credential_id)
call(iam, "UpdateServiceSpecificCredential", UserName="every-op-user", ServiceSpecificCredentialId=service_credential_id, Status="Inactive")
call(iam, "DeleteServiceSpecificCredential", UserName="every-op-user", ServiceSpecificCredentialId=service_credential_id)
for leftover in call(iam, "ListServiceSpecificCredentials", AllUsers=True).get("ServiceSpecificCredentials", []):
    call(iam, "DeleteServiceSpecificCredential", UserName=leftover["UserName"], ServiceSpecificCredentialId=leftover["ServiceSpecificCredentialId"])
call(iam, "UpdateAccountPasswordPolicy", MinimumPasswordLength=10, AllowUsersToChangePassword=True)
call(iam, "GetAccountPasswordPolicy")
call(iam, "CreateLoginProfile", UserName="every-op-user", Password="Every-op-pass-1", PasswordResetRequired=False)
call(iam, "GetLoginProfile", UserName="every-op-user")
call(iam, "UpdateLoginProfile", UserName="every-op-user", Password="Every-op-pass-2")
call(watched("iam", key.get("AccessKeyId"), key.get("SecretAccessKey")), "ChangePassword", OldPassword="Every-op-pass-2", NewPassword="Every-op-pass-3")
call(iam, "DeleteLoginProfile", UserName="every-op-user")
call(iam, "DeleteAccountPasswordPolicy")
device = call(iam, "CreateVirtualMFADevice", VirtualMFADeviceName="every-op-mfa", Tags=[{"Key": "k", "Value": "v"}]).get("VirtualMFADevice", {})
serial = device.get("SerialNumber", "arn:aws:iam::123456789012:mfa/every-op-mfa")
seed = device.get("Base32StringSeed", b"AAAAAAAA").decode("ascii")
step = emulator_step()
call(iam, "EnableMFADevice", UserName="every-op-user", SerialNumber=serial, AuthenticationCode1=totp(seed, step), AuthenticationCode2=totp(seed, step + 1))
call(iam, "GetMFADevice", SerialNumber=serial)
call(iam, "ListMFADevices", UserName="every-op-user")
call(iam, "ListVirtualMFADevices")
call(iam, "TagMFADevice", SerialNumber=serial, Tags=[{"Key": "k2", "Value": "v"}])
call(iam, "ListMFADeviceTags", SerialNumber=serial)
call(iam, "UntagMFADevice", SerialNumber=serial, TagKeys=["k2"])
step = emulator_step()
call(iam, "ResyncMFADevice", UserName="every-op-user", SerialNumber=serial, AuthenticationCode1=totp(seed, step + 2), AuthenticationCode2=totp(seed, step + 3))
call(iam, "DeactivateMFADevice", UserName="every-op-user", SerialNumber=serial)
call(iam, "DeleteVirtualMFADevice", SerialNumber=serial)
linked = call(iam, "CreateServiceLinkedRole", AWSServiceName="autoscaling.amazonaws.com").get("Role", {})
task = call(iam, "DeleteServiceLinkedRole", RoleName=linked.get("RoleName", "AWSServiceRoleForAutoScaling")).get("DeletionTaskId", "task/x")
call(iam, "GetServiceLinkedRoleDeletionStatus", DeletionTaskId=task)

# SAML: the built-in identity provider's metadata registered as a provider, and one of its assertions for the role.
with urllib.request.urlopen(ENDPOINT + "/_emulator/saml/metadata") as response:
    saml_metadata = response.read().decode()
saml = call(iam, "CreateSAMLProvider", Name="every-op-saml", SAMLMetadataDocument=saml_metadata, Tags=[{"Key": "k", "Value": "v"}])
saml_arn = saml.get("SAMLProviderArn", "arn:aws:iam::123456789012:saml-provider/every-op-saml")
call(iam, "GetSAMLProvider", SAMLProviderArn=saml_arn)
call(iam, "ListSAMLProviders")
call(iam, "UpdateSAMLProvider", SAMLProviderArn=saml_arn, SAMLMetadataDocument=saml_metadata)
call(iam, "TagSAMLProvider", SAMLProviderArn=saml_arn, Tags=[{"Key": "k2", "Value": "v"}])
call(iam, "ListSAMLProviderTags", SAMLProviderArn=saml_arn)
call(iam, "UntagSAMLProvider", SAMLProviderArn=saml_arn, TagKeys=["k2"])
saml_request = urllib.request.Request(ENDPOINT + "/_emulator/saml/assertion", method="POST", headers={"Content-Type": "application/json"},
    data=json.dumps({"subject": "every-op", "roles": ["arn:aws:iam::123456789012:role/every-op-role," + saml_arn]}).encode())
with urllib.request.urlopen(saml_request) as response:
    assertion = json.load(response)["samlResponse"]
call(watched("sts", "unused", "unused"), "AssumeRoleWithSAML", RoleArn="arn:aws:iam::123456789012:role/every-op-role", PrincipalArn=saml_arn, SAMLAssertion=assertion)
call(iam, "DeleteSAMLProvider", SAMLProviderArn=saml_arn)

call(iam, "GenerateCredentialReport")
call(iam, "GetCredentialReport")
job = call(iam, "GenerateServiceLastAccessedDetails", Arn="arn:aws:iam::123456789012:user/moved/every-op-user", Granularity="ACTION_LEVEL").get("JobId", "00000000-0000-0000-0000-000000000000")
call(iam, "GetServiceLastAccessedDetails", JobId=job)
call(iam, "GetServiceLastAccessedDetailsWithEntities", JobId=job, ServiceNamespace="iam")
call(iam, "ListPoliciesGrantingServiceAccess", Arn="arn:aws:iam::123456789012:user/moved/every-op-user", ServiceNamespaces=["iam", "s3"])
call(iam, "GenerateOrganizationsAccessReport", expect_error="AWSOrganizationsNotInUseException", EntityPath="o-a1b2c3d4e5/r-f6g7h8i9j0example")
call(iam, "GetOrganizationsAccessReport", expect_error="NoSuchEntity", JobId="00000000-0000-0000-0000-000000000000")

call(iam, "DeleteUserPermissionsBoundary", UserName="every-op-user")
call(iam, "DeleteRolePermissionsBoundary", RoleName="every-op-role")
call(iam, "DeleteUserPolicy", UserName="every-op-user", PolicyName="inline")
call(iam, "DeleteGroupPolicy", GroupName="every-op-group", PolicyName="inline")
call(iam, "DeleteRolePolicy", RoleName="every-op-role", PolicyName="inline")
call(iam, "DetachUserPolicy", UserName="every-op-user", PolicyArn=USER_POLICY)
call(iam, "DetachGroupPolicy", GroupName="every-op-group", PolicyArn=USER_POLICY)
call(iam, "DetachRolePolicy", RoleName="every-op-role", PolicyArn=USER_POLICY)
call(iam, "DeletePolicyVersion", PolicyArn=USER_POLICY, VersionId="v1")
call(iam, "DeletePolicy", PolicyArn=USER_POLICY)
call(iam, "RemoveUserFromGroup", GroupName="every-op-group", UserName="every-op-user")
call(iam, "DeleteAccessKey", UserName="every-op-user", AccessKeyId=key.get("AccessKeyId", "AKIAIOSFODNN7EXAMPLE"))
call(iam, "RemoveRoleFromInstanceProfile", InstanceProfileName="every-op-profile", RoleName="every-op-role")
call(iam, "DeleteInstanceProfile", InstanceProfileName="every-op-spare")
call(iam, "DeleteOpenIDConnectProvider", OpenIDConnectProviderArn=oidc_arn)
call(iam, "DeleteUser", UserName="every-op-user")
call(iam, "DeleteGroup", GroupName="every-op-group")
call(iam, "DeleteRole", RoleName="every-op-role")
call(iam, "DeleteAccountAlias", AccountAlias="every-op-alias")

# Outbound identity federation, the STS token preference; then what needs Organizations or partner onboarding,
# which the emulator answers with AWS's errors: botocore must parse each refusal to its modelled code.
def call_refused(service_client, operation, code, **params):
    service = service_client.meta.service_model
    called.append("%s:%s" % (service.signing_name if service.service_name != "sts" else "sts", operation))
    try:
        getattr(service_client, botocore.xform_name(operation))(**params)
        failures.append("%s: answered, where %s was expected" % (operation, code))
    except ClientError as e:
        if e.response["Error"].get("Code") != code:
            failures.append("%s: %s %s, where %s was expected" % (operation, e.response["Error"].get("Code"), e.response["Error"].get("Message"), code))

call(iam, "EnableOutboundWebIdentityFederation")
call(iam, "GetOutboundWebIdentityFederationInfo")
call(sts, "GetWebIdentityToken", Audience=["https://api.example.com"], SigningAlgorithm="ES384", Tags=[{"Key": "job", "Value": "every-op"}])
call(iam, "DisableOutboundWebIdentityFederation")
call(iam, "SetSecurityTokenServicePreferences", GlobalEndpointTokenVersion="v2Token")
for operation in ["ListOrganizationsFeatures", "EnableOrganizationsRootCredentialsManagement", "DisableOrganizationsRootCredentialsManagement",
                  "EnableOrganizationsRootSessions", "DisableOrganizationsRootSessions"]:
    call_refused(iam, operation, "OrganizationNotFoundException")
call_refused(sts, "AssumeRoot", "AccessDenied", TargetPrincipal="111122223333",
             TaskPolicyArn={"arn": "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials"})
call_refused(sts, "GetDelegatedAccessToken", "ExpiredTradeInTokenException", TradeInToken="every-op-token")
call_refused(iam, "CreateDelegationRequest", "AccessDenied", Description="every-op", RequestorWorkflowId="every-op-flow",
             Permissions={"PolicyTemplateArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}, NotificationChannel="every-op", SessionDuration=3600)
call(iam, "ListDelegationRequests")
for operation in ["GetDelegationRequest", "AcceptDelegationRequest", "RejectDelegationRequest", "AssociateDelegationRequest",
                  "UpdateDelegationRequest", "SendDelegationToken"]:
    call_refused(iam, operation, "NoSuchEntity", DelegationRequestId="every-op-request-0001")
call_refused(iam, "GetHumanReadableSummary", "NoSuchEntity", EntityArn="arn:aws:iam::123456789012:delegation-request/every-op-request-0001")

served_operations = sorted(a for actions in served.values() for a in actions)
emit({"failures": failures,
      "notCalled": [a for a in served_operations if a not in called],
      "calledButNotServed": sorted(set(called) - set(served_operations)),
      "served": len(served_operations)})
