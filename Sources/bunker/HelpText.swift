/// `bunker --help` and per-command help. Keep in step with docs/CLI.md.
enum HelpText {
    static let main = """
    bunker — disaster-recovery backups of AWS Secrets Manager

    Usage: bunker [--config FILE] [--json] COMMAND [ARGS]

    Commands:
      init            Prepare the snapshot buckets (--check: only report)
      snapshot        Capture the tagged secrets into an encrypted archive in S3
      snapshots       List the good snapshots in the store
      show ID         Show a snapshot's manifest (names, versions, labels; never values)
      verify ID       Download, decrypt and check every entry of a snapshot
      restore --at WHEN
                      Put secrets back as they were at WHEN (plan, confirm, write)
      cat [--at WHEN] NAME
                      Print one secret's value from a snapshot (no Secrets Manager)
      prune           Delete the snapshots the retention policy lets go

    ID is a snapshot id (e.g. 20261203T213700Z-3f9a1c) or `latest`. WHEN is an ISO 8601
    instant (2026-11-20T23:00:00Z, or with an offset), a date (2026-11-20 = the end of
    that day in UTC), `latest`, or a snapshot id.

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
      3  partial: some secrets could not be captured (snapshot) or restored (restore),
         or some deletions failed (prune); the rest was done
      4  a snapshot failed verification (altered, truncated or wrong key); restore
         writes nothing then
      5  no such snapshot (or none at or before WHEN, or no such secret in it)
      6  init --check: a bucket is not prepared as required
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
        "restore": """
        Usage: bunker [--config FILE] [--json] restore --at WHEN [--secret PATTERN]...
                      [--tag KEY=VALUE]... [--prefix P] [--region R] [--dry-run] [--yes]

        Restores secrets as they were at WHEN from the newest good snapshot taken at or
        before it (downloaded and verified first; a snapshot that fails is never used).
        Prints which snapshot and how old it is, then a plan per secret: create,
        undelete, roll back value, update tags/description, unchanged or skip, with
        the reason. Never prints a value.

          --secret PATTERN  only secrets with this name or matching this glob (repeatable)
          --tag KEY=VALUE   only secrets carrying this tag (repeatable; all must match)
          --prefix P        restore as copies named P + name, tagged bunker:restored-from
                            (never backed up); the originals are untouched
          --region R        restore into region R (customer KMS keys are mapped through
                            restore.kmsKeys in the config)
          --dry-run         print the plan and change nothing
          --yes             do not ask; required for an in-place restore in scripts

        Missing secrets are re-created with every version under its original version
        id and its staging labels; secrets scheduled for deletion are undeleted; a
        changed secret gets AWSCURRENT back on the snapshot's version; description and
        tags are set back. Running the same restore again changes nothing; an
        interrupted one finishes the job. Skipped: replicas of secrets owned by another
        region, secrets already scheduled for deletion when the snapshot was taken
        (unless named exactly with --secret), secrets the snapshot failed to capture.
        A selection matching nothing exits 5. Exit 3 when some secrets could not be
        restored, 1 when none could.
        """,
        "init": """
        Usage: bunker [--config FILE] [--json] init [--check]

        Prepares the store bucket (and the replica's): creates it when missing (with
        Object Lock when the retention policy asks for it), turns on versioning and
        Object Lock, blocks public access, sets default SSE-KMS encryption with the
        config's key, adds a lifecycle rule aborting incomplete multipart uploads after
        a day, and a bucket policy denying requests without TLS (kept off when Bunker
        itself reaches S3 over plain HTTP). Other lifecycle rules and policy statements
        are kept. Prints what it changed and what was already right; running it again
        changes nothing. --check changes nothing and exits 6 when something is off.
        """,
        "prune": """
        Usage: bunker [--config FILE] [--json] prune [--dry-run] [--policy FILE]

        Applies the retention policy (retention.policy in the config, or --policy) to
        the store: deletes the snapshots it lets go (catalog record first, then the
        archive, every object version) and logs each deletion with the snapshot id and
        the reason; extends the Object Lock of snapshots the policy promotes; deletes
        failed leftovers (archives without a catalog record) older than
        retention.leftoverGraceHours and aborts stale multipart uploads.
        Never deletes the newest good snapshot and refuses a plan that would delete
        every good one. A snapshot under Object Lock is reported "locked until …" and
        kept; that is not an error. --dry-run prints each snapshot with keep/delete and
        the rule that decided it. Exit 3 when some deletions failed.
        """,
        "cat": """
        Usage: bunker [--config FILE] [--json] cat [--at WHEN] NAME [--version ID]

        Prints the value of secret NAME (its AWSCURRENT version, or version ID) from the
        newest good snapshot at or before WHEN (default: latest) to standard output, and
        nothing else:
        for when Secrets Manager itself is unavailable. Needs only S3 and KMS.
        --json prints {name, snapshot, versionId, stages, secretString | secretBinary}.
        """,
        "verify": """
        Usage: bunker [--config FILE] [--json] verify ID

        Downloads the archive, checks its checksum against the catalog, unwraps
        the data key through KMS, authenticates every chunk and checks every
        entry's keyed digest. Exit 4 when anything does not match.
        """,
    ]
}
