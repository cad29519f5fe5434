#!/usr/bin/env python3
"""Seed a moto server (or any AWS endpoint) with Bunker's demo world and write bunker.json.

Creates, with the admin credentials (ADMIN_AWS_ACCESS_KEY_ID / ADMIN_AWS_SECRET_ACCESS_KEY)
at AWS_ENDPOINT_URL:
  - a symmetric KMS key with alias/bunker-demo in eu-north-1, and a key in eu-west-1;
  - buckets acme-dr-primary (eu-north-1) and acme-dr-replica (eu-west-1);
  - secrets in eu-north-1, tagged Backup=true and not: several versions, a custom staging
    label, a version left in AWSPENDING, binary values (9 bytes; bytes that read like
    base64 text), a 64 KiB value, names using / + = . @ - _, and one tagged secret that is
    scheduled for deletion (it must be captured and flagged).
Values and version ids are deterministic for a given --seed.

Prints a summary with names and counts only, never values. With --expect it prints the
summary on stderr and, on stdout, the JSON the backup of the tagged secrets must contain
(values base64). Pipe it; never write it to disk.

--namespace NS keeps several seedings apart on one server: secret names start with NS/,
each secret also gets the tag BunkerNamespace=NS (added to the config's source tags), and
the store prefix becomes bunker/NS/. Keys and buckets are shared and reused.

--bulk N adds N more tagged 64 KiB secrets (bulk/blob-NNN), for archives of several chunks.
--no-buckets leaves the buckets to `bunker init`; --retention NAME puts
policies/retention/NAME.json into the config.

Usage: seed_demo.py CONFIG_PATH [--expect] [--seed N] [--namespace NS] [--bulk N]
                    [--no-buckets] [--retention NAME]
"""

import argparse
import base64
import json
import os
import random
import sys
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

SOURCE_REGION = "eu-north-1"
REPLICA_REGION = "eu-west-1"
PRIMARY_BUCKET = "acme-dr-primary"
REPLICA_BUCKET = "acme-dr-replica"
ALIAS = "alias/bunker-demo"
BACKUP_TAG = {"Backup": "true"}
NAMESPACE_TAG = "BunkerNamespace"

# Max SecretString size in Secrets Manager: 65,536 bytes.
LARGE_SIZE = 65536


def client(service, region):
    try:
        key_id = os.environ["ADMIN_AWS_ACCESS_KEY_ID"]
        secret = os.environ["ADMIN_AWS_SECRET_ACCESS_KEY"]
    except KeyError as missing:
        sys.exit(f"seed_demo: {missing.args[0]} is not set; source RUN_DIR/env from "
                 "scripts/moto-up.sh first")
    return boto3.client(
        service,
        endpoint_url=os.environ.get("AWS_ENDPOINT_URL"),
        region_name=region,
        aws_access_key_id=key_id,
        aws_secret_access_key=secret,
        config=Config(retries={"max_attempts": 3, "mode": "standard"}),
    )


class Values:
    """Deterministic secret values and version ids from one seed."""

    def __init__(self, seed):
        self.rng = random.Random(seed)

    def token(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def word(self, length=20):
        alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        return "".join(self.rng.choice(alphabet) for _ in range(length))

    def credentials(self, user):
        return json.dumps({"username": user, "password": self.word(32)})

    def raw(self, count):
        return bytes(self.rng.getrandbits(8) for _ in range(count))


def ensure_key(kms, alias=None):
    """Return the ARN of the key behind alias, creating both when missing."""
    if alias:
        try:
            return kms.describe_key(KeyId=alias)["KeyMetadata"]["Arn"]
        except ClientError as error:
            if error.response["Error"]["Code"] != "NotFoundException":
                raise
    key = kms.create_key(
        Description="Bunker demo envelope key",
        KeySpec="SYMMETRIC_DEFAULT",
        KeyUsage="ENCRYPT_DECRYPT",
    )["KeyMetadata"]
    if alias:
        try:
            kms.create_alias(AliasName=alias, TargetKeyId=key["KeyId"])
        except ClientError as error:
            if error.response["Error"]["Code"] != "AlreadyExistsException":
                raise
            # Another seeding (tests run in parallel) won the race: use its key.
            kms.schedule_key_deletion(KeyId=key["KeyId"], PendingWindowInDays=7)
            return kms.describe_key(KeyId=alias)["KeyMetadata"]["Arn"]
    return key["Arn"]


def ensure_bucket(s3, name, region):
    try:
        s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": region})
    except ClientError as error:
        if error.response["Error"]["Code"] not in ("BucketAlreadyOwnedByYou",
                                                   "BucketAlreadyExists"):
            raise


class Seeder:
    """Creates secrets and records what a backup of the tagged ones must hold."""

    def __init__(self, sm, values, namespace):
        self.sm = sm
        self.values = values
        self.namespace = namespace
        self.tagged = {}
        self.excluded = []

    def name(self, base):
        return f"{self.namespace}/{base}" if self.namespace else base

    def tags(self, backup):
        tags = [{"Key": "Owner", "Value": "platform"}]
        if backup is not None:
            tags.append({"Key": "Backup", "Value": backup})
        if self.namespace:
            tags.append({"Key": NAMESPACE_TAG, "Value": self.namespace})
        return tags

    def create(self, base, value, backup="true", why_excluded=None):
        name = self.name(base)
        token = self.values.token()
        reply = self.sm.create_secret(
            Name=name, ClientRequestToken=token, Tags=self.tags(backup),
            Description=f"demo secret {base}", **payload(value))
        if backup == "true" and why_excluded is None:
            self.tagged[name] = {"name": name, "arn": reply["ARN"], "versions": {},
                                 "scheduledForDeletion": False}
            self.tagged[name]["versions"][token] = value
        else:
            self.excluded.append({"name": name, "reason": why_excluded or "not tagged"})
        return name

    def create_without_value(self, base):
        """A tagged secret that has no version at all."""
        name = self.name(base)
        reply = self.sm.create_secret(Name=name, Tags=self.tags("true"),
                                      Description=f"demo secret {base}")
        self.tagged[name] = {"name": name, "arn": reply["ARN"], "versions": {},
                             "scheduledForDeletion": False}
        return name

    def schedule_deletion(self, name):
        self.sm.delete_secret(SecretId=name, RecoveryWindowInDays=7)
        self.tagged[name]["scheduledForDeletion"] = True

    def put(self, name, value, stages=None):
        token = self.values.token()
        extra = {"VersionStages": stages} if stages else {}
        self.sm.put_secret_value(SecretId=name, ClientRequestToken=token,
                                 **payload(value), **extra)
        if name in self.tagged:
            self.tagged[name]["versions"][token] = value
        return token

    def expected(self):
        """Versions with their current stages, read back from the service."""
        secrets = []
        for name in sorted(self.tagged):
            entry = self.tagged[name]
            listed = self.sm.list_secret_version_ids(SecretId=name, IncludeDeprecated=True)
            stages = {v["VersionId"]: sorted(v.get("VersionStages", []))
                      for v in listed["Versions"]}
            versions = []
            for version_id, value in entry["versions"].items():
                is_binary = isinstance(value, bytes)
                raw = value if is_binary else value.encode("utf-8")
                versions.append({
                    "versionId": version_id,
                    "stages": stages.get(version_id, []),
                    "type": "binary" if is_binary else "string",
                    "size": len(raw),
                    "valueBase64": base64.b64encode(raw).decode("ascii"),
                })
            versions.sort(key=lambda v: v["versionId"])
            secrets.append({"name": name, "arn": entry["arn"], "versions": versions,
                            "scheduledForDeletion": entry["scheduledForDeletion"]})
        return secrets


def payload(value):
    if isinstance(value, bytes):
        return {"SecretBinary": value}
    return {"SecretString": value}


def seed_bulk(seeder, values, count):
    """count more tagged 64 KiB secrets, so the archive spans several envelope chunks."""
    for index in range(count):
        seeder.create(f"bulk/blob-{index:03d}", values.word(LARGE_SIZE))


def seed_secrets(seeder, values):
    # Tagged, one version, names with every allowed punctuation mark.
    seeder.create("prod/payments/db-password", values.credentials("payments"))
    seeder.create("prod/api_keys/stripe.live", "sk_live_" + values.word(40))
    seeder.create("team@acme/oauth+client=web", values.credentials("web-client"))

    # Three versions: v1 loses its labels, v2 AWSPREVIOUS, v3 AWSCURRENT.
    rotated = seeder.create("prod/db/rotated-creds", values.credentials("app-v1"))
    seeder.put(rotated, values.credentials("app-v2"))
    seeder.put(rotated, values.credentials("app-v3"))

    # A custom staging label on a second version.
    flagged = seeder.create("prod/feature-flags", json.dumps({"beta": False}))
    seeder.put(flagged, json.dumps({"beta": True}), stages=["CANARY"])

    # A rotation that never finished: the new version is only AWSPENDING.
    pending = seeder.create("prod/rotation_pending.key", values.credentials("svc"))
    seeder.put(pending, values.credentials("svc-next"), stages=["AWSPENDING"])

    # Binary: a 9-byte value, then bytes that read like base64 text.
    binary = seeder.create("prod/certs/signing.der", values.raw(9))
    seeder.put(binary, b"aGVsbG8sIGJ1bmtlciE=")

    # A string that is itself valid base64, and the largest string allowed (64 KiB).
    seeder.create("prod/looks-like-base64", "SGVsbG8gV29ybGQ=")
    seeder.create("prod/large-blob", values.word(64)[:1] + values.word(LARGE_SIZE - 1))

    # Not to be backed up.
    seeder.create("dev/scratch-token", values.word(16), backup=None)
    seeder.create("dev/opted-out", values.word(16), backup="false",
                  why_excluded="tag Backup=false")

    # Created and never given a value: captured with no versions.
    seeder.create_without_value("prod/placeholder.never-set")

    # Tagged but scheduled for deletion: captured and flagged, its value unavailable (or
    # carried forward from an earlier snapshot).
    doomed = seeder.create("prod/retired-service", values.credentials("old"))
    seeder.schedule_deletion(doomed)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", help="where to write bunker.json")
    parser.add_argument("--expect", action="store_true",
                        help="print the expected backup content as JSON on stdout")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--namespace", default="",
                        help="prefix for secret names; keeps seedings apart")
    parser.add_argument("--bulk", type=int, default=0,
                        help="add this many more tagged 64 KiB secrets")
    parser.add_argument("--no-buckets", action="store_true",
                        help="do not create the buckets (bunker init will)")
    parser.add_argument("--retention", help="retention policy name in policies/retention")
    args = parser.parse_args()

    values = Values(args.seed)
    key_arn = ensure_key(client("kms", SOURCE_REGION), ALIAS)
    replica_key_arn = ensure_key(client("kms", REPLICA_REGION), ALIAS)
    if not args.no_buckets:
        ensure_bucket(client("s3", SOURCE_REGION), PRIMARY_BUCKET, SOURCE_REGION)
        ensure_bucket(client("s3", REPLICA_REGION), REPLICA_BUCKET, REPLICA_REGION)

    seeder = Seeder(client("secretsmanager", SOURCE_REGION), values, args.namespace)
    seed_secrets(seeder, values)
    seed_bulk(seeder, values, args.bulk)

    tags = dict(BACKUP_TAG)
    prefix = "bunker/"
    if args.namespace:
        tags[NAMESPACE_TAG] = args.namespace
        prefix = f"bunker/{args.namespace}/"
    config = {
        "source": {"region": SOURCE_REGION, "tags": tags},
        "kms": {"keyId": ALIAS},
        "store": {"region": SOURCE_REGION, "bucket": PRIMARY_BUCKET, "prefix": prefix},
        "replica": {"region": REPLICA_REGION, "bucket": REPLICA_BUCKET,
                    "kmsKeyId": replica_key_arn},
    }
    if args.retention:
        repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        config["retention"] = {
            "policy": os.path.join(repo, "policies", "retention", f"{args.retention}.json")}
    os.makedirs(os.path.dirname(os.path.abspath(args.config)), exist_ok=True)
    with open(args.config, "w", encoding="utf-8") as handle:
        json.dump(config, handle, indent=2)
        handle.write("\n")

    expected = seeder.expected()
    out = sys.stderr if args.expect else sys.stdout
    versions = sum(len(s["versions"]) for s in expected)
    print(f"seeded {len(expected)} tagged secrets ({versions} versions) and "
          f"{len(seeder.excluded)} that must not be backed up, in {SOURCE_REGION}", file=out)
    for secret in expected:
        flag = ", scheduled for deletion" if secret["scheduledForDeletion"] else ""
        count = len(secret["versions"])
        print(f"  backup  {secret['name']}  ({count} version{'' if count == 1 else 's'}{flag})",
              file=out)
    for skipped in seeder.excluded:
        print(f"  skip    {skipped['name']}  ({skipped['reason']})", file=out)
    print(f"keys: {ALIAS} -> {key_arn}; replica {replica_key_arn}", file=out)
    print(f"buckets: {PRIMARY_BUCKET} ({SOURCE_REGION}), {REPLICA_BUCKET} ({REPLICA_REGION})",
          file=out)
    print(f"config: {args.config}", file=out)

    if args.expect:
        json.dump({
            "seed": args.seed,
            "region": SOURCE_REGION,
            "tags": tags,
            "secrets": expected,
            "excluded": sorted(seeder.excluded, key=lambda e: e["name"]),
        }, sys.stdout, indent=2, sort_keys=True)
        sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
