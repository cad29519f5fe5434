/// `bunker --help` and per-command help. Keep in step with docs/CLI.md.
enum HelpText {
    static let main = """
    bunker — disaster-recovery backups of AWS Secrets Manager

    Usage: bunker [--config FILE] [--json] COMMAND [ARGS]

    Commands:
      snapshot        Capture the tagged secrets into an encrypted archive in S3
      snapshots       List the good snapshots in the store
      show ID         Show a snapshot's manifest (names, versions, labels; never values)
      verify ID       Download, decrypt and check every entry of a snapshot

    ID is a snapshot id (e.g. 20261203T213700Z-3f9a1c) or `latest`.

    Global options:
      --config FILE   Config file (default: $BUNKER_CONFIG, then /etc/bunker/bunker.json)
      --json          Machine-readable output on stdout
      -h, --help      Show help (also `bunker COMMAND --help`)

    AWS access: credentials from the environment, ~/.aws files (AWS_PROFILE),
    ECS or EC2 instance roles; endpoints from AWS_ENDPOINT_URL[_<SERVICE>].
    AWS_MAX_ATTEMPTS sets the retry limit.

    Exit codes:
      0  success
      1  the command failed (a failed snapshot publishes nothing)
      2  bad command line or configuration
      3  snapshot stored, but some secrets could not be captured (partial)
      4  a snapshot failed verification (altered, truncated or wrong key)
      5  no such snapshot
    """

    static let commands: [String: String] = [
        "snapshot": """
        Usage: bunker [--config FILE] [--json] snapshot

        Captures every secret carrying all of the config's source.tags (secrets
        scheduled for deletion included), with metadata and all versions, into a
        tar.gz archive encrypted under a fresh KMS data key, uploads it, reads it
        back to verify it, and only then lists it. Prints the snapshot id.
        Exit 3 when some secrets could not be read (they are listed).
        """,
        "snapshots": """
        Usage: bunker [--config FILE] [--json] snapshots

        Lists the good snapshots, oldest first: id, time, secrets, versions, size.
        """,
        "show": """
        Usage: bunker [--config FILE] [--json] show ID

        Prints a snapshot's manifest: each secret's name, ARN, tags, deletion flag
        and versions with labels and dates. Never prints values.
        """,
        "verify": """
        Usage: bunker [--config FILE] [--json] verify ID

        Downloads the archive, checks its checksum against the catalog, unwraps
        the data key through KMS, authenticates every chunk and checks every
        entry's keyed digest. Exit 4 when anything does not match.
        """,
    ]
}
