#!/usr/bin/env python3
"""Create Bunker's IAM users in a fresh moto server that has request authentication on.

moto lets the first INITIAL_NO_AUTH_ACTION_COUNT requests through without checking
signatures. This script spends exactly those requests (NO_AUTH_CALLS of them) creating:

  bunker-admin    inline policy allowing "*"; used only by test harnesses and demo seeding.
  bunker          policies/iam/bunker-snapshot.json + bunker-prune.json: the appliance
                  (snapshot, list, show, verify, prune).
  bunker-restore  policies/iam/bunker-restore.json: restore and cat.
  bunker-setup    policies/iam/bunker-setup.json: init (bucket preparation).

Then, with authentication in force, it checks that an unsigned request and a badly signed
request are rejected, that `bunker` is denied actions outside its policy and allowed the
ones inside, and that the admin can do everything. Any failed check exits non-zero.

Prints shell assignments (sourceable) for every access key on stdout; nothing else goes
to stdout. Usage: bootstrap_iam.py ENDPOINT_URL POLICY_DIR
"""

import json
import re
import shlex
import sys

import boto3
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError

# The users and the policy files (in POLICY_DIR) each one gets as inline policies, and the
# prefix of the shell variables its keys are printed as.
USERS = [
    ("bunker", ["bunker-snapshot.json", "bunker-prune.json"], "BUNKER"),
    ("bunker-restore", ["bunker-restore.json"], "RESTORE"),
    ("bunker-setup", ["bunker-setup.json"], "SETUP"),
]

# Requests made below before authentication starts: CreateUser, one PutUserPolicy per
# policy and CreateAccessKey for the admin and every user. moto-up.sh passes this number
# to moto as INITIAL_NO_AUTH_ACTION_COUNT (it asks with --count so they never drift).
NO_AUTH_CALLS = 3 + sum(2 + len(files) for _, files, _ in USERS)

REGION = "eu-north-1"
ADMIN_POLICY = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
}

# No retries: a retried request would silently spend one of the unauthenticated calls.
NO_RETRY = Config(retries={"max_attempts": 1, "mode": "standard"})


def client(endpoint, service, key_id="bootstrap", secret="bootstrap", config=NO_RETRY):
    return boto3.client(
        service,
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=key_id,
        aws_secret_access_key=secret,
        config=config,
    )


def create_user(iam, name, policies):
    """2 + len(policies) requests: CreateUser, PutUserPolicy each, CreateAccessKey."""
    iam.create_user(UserName=name)
    for policy_name, document in policies:
        iam.put_user_policy(
            UserName=name,
            PolicyName=policy_name,
            PolicyDocument=json.dumps(document),
        )
    key = iam.create_access_key(UserName=name)["AccessKey"]
    return key["AccessKeyId"], key["SecretAccessKey"]


def error_code(call):
    """Run call; return the AWS error code it raised, or None when it succeeded.

    moto answers authentication failures with an XML <ErrorResponse> even for JSON
    services (Secrets Manager, KMS), which botocore reports as Code "403"; the real code
    is then read from the XML. Unsigned requests make moto fail with HTTP 500.
    """
    try:
        call()
    except ClientError as error:
        info = error.response.get("Error", {})
        code = info.get("Code", "?")
        match = re.search(r"<Code>([^<]+)</Code>", info.get("Message", ""))
        if code.isdigit() and match:
            return match.group(1)
        return code
    return None


class Checks:
    def __init__(self):
        self.failures = []

    def rejected(self, label, call, codes=None):
        code = error_code(call)
        if code is None:
            self.failures.append(f"{label}: expected rejection, call succeeded")
        elif codes and code not in codes:
            self.failures.append(f"{label}: expected one of {sorted(codes)}, got {code}")

    def allowed(self, label, call, ok_codes=()):
        code = error_code(call)
        if code is not None and code not in ok_codes:
            self.failures.append(f"{label}: expected success, got {code}")


DENIED = {"AccessDenied", "AccessDeniedException"}


def verify(endpoint, admin, bunker):
    checks = Checks()

    unsigned = client(endpoint, "secretsmanager",
                      config=NO_RETRY.merge(Config(signature_version=UNSIGNED)))
    checks.rejected("unsigned ListSecrets", unsigned.list_secrets)

    forged = client(endpoint, "secretsmanager", bunker[0], "not-the-secret-key")
    checks.rejected("badly signed ListSecrets", forged.list_secrets,
                    {"SignatureDoesNotMatch", "InvalidSignatureException"})

    unknown = client(endpoint, "secretsmanager", "AKIAUNKNOWNUNKNOWN00", "x")
    checks.rejected("unknown key ListSecrets", unknown.list_secrets)

    sm = client(endpoint, "secretsmanager", *bunker)
    checks.allowed("bunker ListSecrets", sm.list_secrets)
    checks.allowed("bunker BatchGetSecretValue",
                   lambda: sm.batch_get_secret_value(
                       Filters=[{"Key": "tag-key", "Values": ["Backup"]}]))
    checks.rejected("bunker DeleteSecret",
                    lambda: sm.delete_secret(SecretId="anything"), DENIED)
    checks.rejected("bunker CreateSecret",
                    lambda: sm.create_secret(Name="intruder", SecretString="x"), DENIED)

    s3 = client(endpoint, "s3", *bunker)
    checks.rejected("bunker CreateBucket",
                    lambda: s3.create_bucket(
                        Bucket="acme-dr-primary",
                        CreateBucketConfiguration={"LocationConstraint": REGION}),
                    DENIED)
    checks.rejected("bunker DeleteBucket",
                    lambda: s3.delete_bucket(Bucket="acme-dr-primary"), DENIED)
    checks.rejected("bunker IAM ListUsers",
                    client(endpoint, "iam", *bunker).list_users, DENIED)

    admin_s3 = client(endpoint, "s3", *admin)
    scratch = "bunker-bootstrap-check"
    checks.allowed("admin CreateBucket",
                   lambda: admin_s3.create_bucket(
                       Bucket=scratch,
                       CreateBucketConfiguration={"LocationConstraint": REGION}))
    checks.allowed("admin DeleteBucket", lambda: admin_s3.delete_bucket(Bucket=scratch))
    checks.allowed("admin IAM ListUsers", client(endpoint, "iam", *admin).list_users)
    checks.allowed("admin DeleteSecret",
                   lambda: client(endpoint, "secretsmanager", *admin).delete_secret(
                       SecretId="does-not-exist", ForceDeleteWithoutRecovery=True),
                   ok_codes=("ResourceNotFoundException",))
    checks.allowed("admin KMS ListKeys", client(endpoint, "kms", *admin).list_keys)

    return checks.failures


def main(argv):
    if len(argv) == 2 and argv[1] == "--count":
        print(NO_AUTH_CALLS)
        return 0
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    endpoint, policy_dir = argv[1], argv[2]

    def policies(files):
        loaded = []
        for name in files:
            with open(f"{policy_dir}/{name}", encoding="utf-8") as handle:
                loaded.append((name.removesuffix(".json"), json.load(handle)))
        return loaded

    iam = client(endpoint, "iam")
    admin = create_user(iam, "bunker-admin", [("bunker-admin-inline", ADMIN_POLICY)])
    keys = {prefix: create_user(iam, user, policies(files)) for user, files, prefix in USERS}

    failures = verify(endpoint, admin, keys["BUNKER"])
    if failures:
        print("bootstrap_iam: authentication checks failed:", file=sys.stderr)
        for failure in failures:
            print(f"  - {failure}", file=sys.stderr)
        return 1

    for prefix, (key_id, secret) in [("ADMIN_AWS", admin)] + list(keys.items()):
        print(f"{prefix}_ACCESS_KEY_ID={shlex.quote(key_id)}")
        print(f"{prefix}_SECRET_ACCESS_KEY={shlex.quote(secret)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
