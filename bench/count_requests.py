#!/usr/bin/env python3
"""Count the requests in a moto recording (MOTO_RECORDER_FILEPATH), by service and action.

Usage: count_requests.py RECORDING_JSONL   -> JSON {"total": n, "byService": {...},
"byAction": {"secretsmanager:GetSecretValue": n, ...}} on stdout.
The service comes from the SigV4 credential scope in the Authorization header; the action
from X-Amz-Target (JSON services) or the HTTP method and path (S3).
"""

import json
import re
import sys
from collections import Counter


def classify(entry):
    headers = {k.lower(): v for k, v in entry.get("headers", {}).items()}
    scope = re.search(r"Credential=[^/]+/[^/]+/[^/]+/([^/]+)/", headers.get("authorization", ""))
    service = scope.group(1) if scope else "unsigned"
    target = headers.get("x-amz-target")
    if target:
        action = target.split(".")[-1]
    else:
        path = entry.get("url", "").split("?")[0]
        action = f"{entry.get('method', '?')} {'object' if path.count('/') > 3 else 'bucket'}"
    return service, f"{service}:{action}"


def main(path):
    services, actions = Counter(), Counter()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                service, action = classify(json.loads(line))
                services[service] += 1
                actions[action] += 1
    json.dump({"total": sum(services.values()), "byService": dict(services),
               "byAction": dict(actions)}, sys.stdout, indent=2, sort_keys=True)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
