// BunkerRetention: the pure rules that decide which snapshots `bunker prune` keeps, and how long
// S3 Object Lock should protect each kept snapshot. No I/O, no AWS, no clock, no randomness:
// every function takes `now` as a parameter and returns the same answer for the same inputs.
//
// Words used throughout (docs/RETENTION.md is the full specification):
//
// - snapshot: one archive in S3, named by an id such as `20261203T213700Z-3f9a1c`, with a
//   creation time (a UTC instant). See `RetentionSnapshot`.
// - good snapshot: uploaded, verified and listed in the catalog. Only good snapshots count
//   toward any rule.
// - failed leftover: an archive with no catalog record. Never kept by a rule.
// - policy: the `keep` rules and the optional `lock` mode, read from a JSON file.
//   See `RetentionPolicy`.
// - bucket: one UTC hour, day, ISO 8601 week, month or year. See `CalendarBucket`.
// - window: for a calendar rule with count N, the N buckets up to and including the bucket
//   that contains `now`.
// - lifetime: the instant at which a rule stops being able to keep a snapshot.
// - promoted: a snapshot that a closed bucket will keep for the rest of the rule's window,
//   because no later snapshot can land in that bucket any more. See `ObjectLockSchedule`.
