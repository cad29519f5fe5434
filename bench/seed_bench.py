#!/usr/bin/env python3
"""Seed N tagged secrets with K versions each into moto, fast (threads), as the admin user.

Usage: seed_bench.py N K CONFIG_PATH   (env from scripts/moto-up.sh; prints nothing secret)
Writes a bunker.json for acme-dr-primary (no replica), creating the key and bucket.
"""

import json
import os
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "scripts"))
import seed_demo  # noqa: E402  (reuses its key and bucket helpers)

REGION = seed_demo.SOURCE_REGION


def seed_one(sm, index, versions):
    name = f"bench/svc-{index:05d}/db_password"
    sm.create_secret(Name=name, SecretString=f"v0-{uuid.uuid4().hex}",
                     Tags=[{"Key": "Backup", "Value": "true"}])
    for version in range(1, versions):
        sm.put_secret_value(SecretId=name, SecretString=f"v{version}-{uuid.uuid4().hex}")


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__.strip().splitlines()[2])
    count, versions, config_path = int(argv[1]), int(argv[2]), argv[3]

    seed_demo.ensure_key(seed_demo.client("kms", REGION), seed_demo.ALIAS)
    seed_demo.ensure_bucket(seed_demo.client("s3", REGION), seed_demo.PRIMARY_BUCKET, REGION)
    sm = seed_demo.client("secretsmanager", REGION)
    sm.meta.config.max_pool_connections = 16
    with ThreadPoolExecutor(max_workers=8) as pool:
        for future in [pool.submit(seed_one, sm, i, versions) for i in range(count)]:
            future.result()

    config = {
        "source": {"region": REGION, "tags": {"Backup": "true"}},
        "kms": {"keyId": seed_demo.ALIAS},
        "store": {"region": REGION, "bucket": seed_demo.PRIMARY_BUCKET, "prefix": "bench/"},
    }
    with open(config_path, "w", encoding="utf-8") as handle:
        json.dump(config, handle, indent=2)
    print(f"seeded {count} secrets x {versions} versions")


if __name__ == "__main__":
    main(sys.argv)
