#!/usr/bin/env python3
"""Independent Bunker envelope reader, written from docs/FORMAT.md alone.

Decrypts and verifies a snapshot envelope, gunzips it, reads the tar in memory and prints
the secret names from manifest.json as a JSON list (never any secret value).

  decrypt_snapshot.py --bucket B --key K [--region R]     S3 object, data key via KMS
  decrypt_snapshot.py --file PATH [--region R]            local file, data key via KMS
  decrypt_snapshot.py --file PATH --data-key-hex HEX      local file, known data key
  decrypt_snapshot.py --self-test                         Tests/interop/vector.bin, no AWS

AWS endpoints may be overridden with AWS_ENDPOINT_URL, which boto3 honours.
Needs the `cryptography` package; boto3 only for S3/KMS.
"""
import argparse, base64, gzip, hashlib, hmac, io, json, os, struct, sys, tarfile

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC, MAX_HEADER, TAG = b"BUNKRENV", 1 << 20, 16
VECTOR_KEY = bytes(range(32))  # FORMAT.md section 10
VECTOR_NAMES = ["prod/db/password", "prod/api/token"]


class EnvelopeError(Exception):
    pass


def parse_header(blob):
    if blob[:8] != MAGIC:
        raise EnvelopeError("bad magic")
    if len(blob) < 14:
        raise EnvelopeError("malformed header: ends inside the prefix")
    version, length = struct.unpack(">HI", blob[8:14])
    if version != 1:
        raise EnvelopeError(f"unsupported version {version}")
    if not 1 <= length <= MAX_HEADER or len(blob) < 14 + length:
        raise EnvelopeError("malformed header: bad length")
    header = json.loads(blob[14:14 + length].decode("utf-8"))
    rules = [
        header.get("format") == 1,
        isinstance(header.get("chunkSize"), int) and 4096 <= header["chunkSize"] <= 1 << 24,
        header.get("cipher") == "AES-256-GCM",
        len(base64.b64decode(header.get("keyCommitment", ""), validate=True)) == 32,
    ]
    if not all(rules):
        raise EnvelopeError("malformed header: a field rule is broken")
    return header, 14 + length


def derive(key, label, snapshot_id):
    message = label.encode() + b"\x00" + snapshot_id.encode()
    return hmac.new(key, message, hashlib.sha256).digest()


def decrypt(blob, data_key):
    header, offset = parse_header(blob)
    sid, size = header["snapshotId"], header["chunkSize"]
    commitment = base64.b64decode(header["keyCommitment"])
    if len(data_key) != 32 or not hmac.compare_digest(
            derive(data_key, "bunker/v1/key-commitment", sid), commitment):
        raise EnvelopeError("wrong key: key commitment mismatch")
    bound = "|".join([str(header["format"]), sid, header["createdAt"], header["cipher"],
                      str(size), base64.b64encode(commitment).decode()])
    digest = hashlib.sha256(bound.encode()).digest()
    aead = AESGCM(derive(data_key, "bunker/v1/chunk-key", sid))
    out, index = bytearray(), 0
    while True:
        rest = len(blob) - offset
        final = rest < size + TAG + 1
        if final and (rest == size + TAG or rest < TAG):
            raise EnvelopeError(f"truncated after chunk {index - 1}")
        chunk = blob[offset:offset + (rest if final else size + TAG)]
        aad = digest + struct.pack(">QB", index, 1 if final else 0)
        try:
            out += aead.decrypt(b"\x00" * 4 + struct.pack(">Q", index), chunk, aad)
        except Exception:
            raise EnvelopeError(f"chunk {index} failed authentication") from None
        if final:
            return header, bytes(out)
        offset, index = offset + size + TAG, index + 1


def unwrap_with_kms(header, preferred_region):
    import boto3
    slots = [s for s in header["keys"] if s.get("type") == "aws-kms"]
    slots.sort(key=lambda s: s.get("region") != preferred_region)
    context = {"bunker:snapshot": header["snapshotId"], "bunker:purpose": "snapshot-data-key"}
    errors = []
    for slot in slots:
        if slot.get("encryptionContext") != context:
            errors.append(f"{slot.get('region')}: slot context names another snapshot")
            continue
        try:
            kms = boto3.client("kms", region_name=slot["region"])
            reply = kms.decrypt(CiphertextBlob=base64.b64decode(slot["ciphertext"]),
                                KeyId=slot["keyId"], EncryptionContext=context)
            return reply["Plaintext"]
        except Exception as error:  # try the next region's slot
            errors.append(f"{slot.get('region')}: {type(error).__name__}")
    raise EnvelopeError("no key slot could be unwrapped: " + "; ".join(errors))


def secret_names(plaintext):
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(plaintext)), mode="r:") as tar:
        for member in tar.getmembers():
            if member.isfile() and os.path.normpath(member.name) == "manifest.json":
                manifest = json.load(tar.extractfile(member))
                return [entry["name"] for entry in manifest["secrets"]]
    raise EnvelopeError("manifest.json not found in the snapshot")


def self_test():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "vector.bin"), "rb") as handle:
        blob = handle.read()
    header, plaintext = decrypt(blob, VECTOR_KEY)
    assert header["snapshotId"] == "test-vector-0001", header["snapshotId"]
    assert secret_names(plaintext) == VECTOR_NAMES
    for bad in (blob[:-1], blob + b"\x00", blob[:-20] + bytes([blob[-20] ^ 1]) + blob[-19:]):
        try:
            decrypt(bad, VECTOR_KEY)
            raise AssertionError("an altered envelope was accepted")
        except EnvelopeError:
            pass
    try:
        decrypt(blob, bytes(32))
        raise AssertionError("a wrong key was accepted")
    except EnvelopeError as error:
        assert "wrong key" in str(error)
    print("self-test: 1 passed, 0 failed")
    return VECTOR_NAMES


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bucket")
    parser.add_argument("--key")
    parser.add_argument("--region")
    parser.add_argument("--file")
    parser.add_argument("--data-key-hex")
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()

    if args.self_test:
        self_test()
        return 0
    if args.file:
        with open(args.file, "rb") as handle:
            blob = handle.read()
    elif args.bucket and args.key:
        import boto3
        s3 = boto3.client("s3", region_name=args.region)
        blob = s3.get_object(Bucket=args.bucket, Key=args.key)["Body"].read()
    else:
        parser.error("give --bucket and --key, or --file, or --self-test")

    if args.data_key_hex:
        data_key = bytes.fromhex(args.data_key_hex)
    else:
        data_key = unwrap_with_kms(parse_header(blob)[0], args.region)
    _, plaintext = decrypt(blob, data_key)
    print(json.dumps(secret_names(plaintext)))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except EnvelopeError as error:
        print(f"decrypt_snapshot: {error}", file=sys.stderr)
        sys.exit(2)
