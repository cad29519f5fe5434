#!/usr/bin/env python3
"""The demo's bad day, as the admin user: force-delete one secret, overwrite another.

  demo_damage.py                 do the damage (names only are printed)
  demo_damage.py --check         show that both are back: the deleted one's version ids
                                 and labels, and that the overwritten one's current value
                                 is no longer the bad one (values are never printed)

Uses AWS_ENDPOINT_URL and ADMIN_AWS_* from scripts/moto-up.sh's env file.
"""

import sys
import uuid

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import seed_demo  # noqa: E402

DELETED = "prod/db/rotated-creds"
OVERWRITTEN = "prod/payments/db-password"


def damage(sm):
    sm.delete_secret(SecretId=DELETED, ForceDeleteWithoutRecovery=True)
    print(f"force-deleted {DELETED}")
    sm.put_secret_value(SecretId=OVERWRITTEN, ClientRequestToken=str(uuid.uuid4()),
                        SecretString="oops, a bad rotation")
    print(f"overwrote {OVERWRITTEN} with a bad value")


def check(sm):
    for name in (DELETED, OVERWRITTEN):
        versions = sm.list_secret_version_ids(SecretId=name, IncludeDeprecated=True)["Versions"]
        print(f"{name}:")
        for version in sorted(versions, key=lambda v: v["VersionId"]):
            labels = ",".join(sorted(version.get("VersionStages", []))) or "(no labels)"
            print(f"    {version['VersionId']}  {labels}")
    # Ask for the label explicitly: moto answers a bare GetSecretValue with the version
    # that was current before UpdateSecretVersionStage moved AWSCURRENT (AWS does not).
    current = sm.get_secret_value(SecretId=OVERWRITTEN, VersionStage="AWSCURRENT")["SecretString"]
    if current == "oops, a bad rotation":
        sys.exit(f"{OVERWRITTEN} still holds the bad value")
    print(f"{OVERWRITTEN}: AWSCURRENT holds the value from the snapshot again")


def main(argv):
    sm = seed_demo.client("secretsmanager", seed_demo.SOURCE_REGION)
    if len(argv) == 1:
        damage(sm)
    elif argv[1:] == ["--check"]:
        check(sm)
    else:
        sys.exit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
