import BunkerAWS
import BunkerCore
import Foundation
import Testing
import TestSupport

/// `bunker snapshot` against moto with authentication on, as the least-privilege user:
/// what the stored snapshot holds, and what the raw objects must not.
@Suite(.enabled(if: MotoWorld.isAvailable), .serialized)
struct SnapshotContentTests {
    @Test func snapshot_holdsExactlyTheTaggedSecrets_everyVersionByteExact() throws {
        let seeded = try #require(MotoWorld.current).seed(namespace: MotoWorld.uniqueNamespace("content"))
        let bunker = try Bunker(seeded)

        let report = try bunker.snapshot()
        #expect(!report.partial)
        #expect(report.secretCount == seeded.expected.secrets.count)
        let contents = try bunker.contents(report.id)

        let stored = Dictionary(uniqueKeysWithValues: contents.documents.map { ($0.name, $0) })
        #expect(Set(stored.keys) == Set(seeded.expected.secrets.map(\.name)))
        for excluded in seeded.expected.excluded {
            #expect(stored[excluded.name] == nil, "\(excluded.name) (\(excluded.reason)) was captured")
        }

        for secret in seeded.expected.secrets {
            let document = try #require(stored[secret.name], "\(secret.name) missing")
            #expect(document.arn == secret.arn)
            #expect(document.scheduledForDeletion == secret.scheduledForDeletion, "\(secret.name)")
            #expect(document.tags.contains { $0.key == "Backup" && $0.value == "true" })
            #expect(document.description == "demo secret \(secret.name.split(separator: "/", maxSplits: 1)[1])")

            let versions = Dictionary(uniqueKeysWithValues: document.versions.map { ($0.id, $0) })
            #expect(Set(versions.keys) == Set(secret.versions.map(\.versionId)), "\(secret.name)")
            for expected in secret.versions {
                let version = try #require(versions[expected.versionId])
                #expect(version.stages.sorted() == expected.stages.sorted(), "\(secret.name)")
                if secret.scheduledForDeletion {
                    // Secrets Manager refuses the values and no earlier snapshot has them.
                    #expect(version.valueSource == .unavailable, "\(secret.name)")
                    #expect(version.valueBytes == nil)
                    continue
                }
                #expect(version.valueSource == .captured, "\(secret.name)")
                #expect(version.valueBytes == expected.bytes, "value of \(secret.name) differs")
                #expect((version.secretBinary != nil) == (expected.type == "binary"), "\(secret.name)")
            }
        }

        let manifestNames = contents.manifest.secrets.map(\.name)
        #expect(Set(manifestNames) == Set(stored.keys))
        #expect(contents.manifest.secrets.first { $0.scheduledForDeletion }?.name
            == seeded.expected.secrets.first { $0.scheduledForDeletion }?.name)
    }

    @Test func rawStoredObjects_containNoSecretNameAndNoValue() throws {
        let seeded = try #require(MotoWorld.current).seed(namespace: MotoWorld.uniqueNamespace("raw"))
        let bunker = try Bunker(seeded)
        _ = try bunker.snapshot()

        let config = try bunker.config
        let s3 = try bunker.services(admin: true).s3(region: config.store.region)
        var objects: [(String, Data)] = []
        try Pagination.forEachPage("ListObjectsV2") { token in
            let page = try s3.listObjectsV2(
                bucket: config.store.bucket, prefix: config.store.prefix, continuationToken: token)
            for object in page.objects {
                objects.append((object.key, try s3.getObject(bucket: config.store.bucket, key: object.key)))
            }
            return page.nextContinuationToken
        }
        #expect(objects.count == 2, "an archive and its catalog record")

        var needles: [(label: String, bytes: Data)] = []
        for secret in seeded.expected.secrets {
            let shortName = String(secret.name.split(separator: "/", maxSplits: 1)[1])
            needles.append(("name \(secret.name)", Data(secret.name.utf8)))
            needles.append(("name \(shortName)", Data(shortName.utf8)))
            for version in secret.versions {
                needles.append(("a value of \(secret.name)", version.bytes))
            }
        }
        for (key, body) in objects {
            for needle in needles {
                #expect(!key.contains(String(decoding: needle.bytes, as: UTF8.self)),
                        "object key \(key) contains \(needle.label)")
                #expect(body.range(of: needle.bytes) == nil, "object \(key) contains \(needle.label)")
            }
        }
    }

    @Test func independentPythonReader_decryptsTheStoredSnapshot() throws {
        let world = try #require(MotoWorld.current)
        let seeded = try world.seed(namespace: MotoWorld.uniqueNamespace("interop"))
        let bunker = try Bunker(seeded)
        let report = try bunker.snapshot()
        let entry = try #require(try bunker.catalog().first { $0.id == report.id })

        let result = try world.runPython(
            "Tests/interop/decrypt_snapshot.py",
            ["--bucket", try bunker.config.store.bucket, "--key", entry.archiveKey,
             "--region", try bunker.config.kmsRegion])
        #expect(result.status == 0, "\(result.errorOutput)")
        let names = try JSONDecoder().decode([String].self, from: result.stdout)
        #expect(Set(names) == Set(seeded.expected.secrets.map(\.name)))

        let selfTest = try world.runPython("Tests/interop/decrypt_snapshot.py", ["--self-test"])
        #expect(selfTest.status == 0, "\(selfTest.errorOutput)")
    }

    @Test func secretScheduledForDeletion_getsItsValuesFromTheNewestEarlierSnapshot() throws {
        let seeded = try #require(MotoWorld.current).seed(namespace: MotoWorld.uniqueNamespace("carry"))
        let bunker = try Bunker(seeded)
        let first = try bunker.snapshot()

        let doomed = try #require(seeded.expected.secrets.first { $0.name.hasSuffix("/prod/db/rotated-creds") })
        let admin = try bunker.services(admin: true).secretsManager(region: try bunker.config.source.region)
        _ = try admin.deleteSecret(secretId: doomed.name, recoveryWindowInDays: 7)

        let second = try bunker.snapshot()
        #expect(second.carriedForwardVersions == doomed.versions.count)
        let document = try #require(try bunker.contents(second.id).documents.first { $0.name == doomed.name })
        #expect(document.scheduledForDeletion)
        for expected in doomed.versions {
            let version = try #require(document.versions.first { $0.id == expected.versionId })
            #expect(version.valueSource == .carriedForward)
            #expect(version.carriedFrom == first.id)
            #expect(version.valueBytes == expected.bytes, "carried value differs")
        }
    }

    @Test func listingAndShow_printTheSnapshotWithoutValues() throws {
        let seeded = try #require(MotoWorld.current).seed(namespace: MotoWorld.uniqueNamespace("show"))
        let bunker = try Bunker(seeded)
        let report = try bunker.snapshot()

        let listing = try bunker.run("snapshots", "--json")
        #expect(listing.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: listing.stdout) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["id"] as? String == report.id)
        #expect(rows.first?["secrets"] as? Int == seeded.expected.secrets.count)
        #expect(rows.first?["versions"] as? Int == seeded.expected.secrets.reduce(0) { $0 + $1.versions.count })

        let shown = try bunker.run("show", report.id, "--json")
        #expect(shown.status == 0, "\(shown.errorOutput)")
        let object = try #require(try JSONSerialization.jsonObject(with: shown.stdout) as? [String: Any])
        #expect(object["id"] as? String == report.id)
        let secrets = try #require(object["secrets"] as? [[String: Any]])
        #expect(Set(secrets.compactMap { $0["name"] as? String }) == Set(seeded.expected.secrets.map(\.name)))
        for output in [shown.stdout, try bunker.run("show", report.id).stdout] {
            for secret in seeded.expected.secrets where !secret.scheduledForDeletion {
                for version in secret.versions {
                    #expect(output.range(of: version.bytes) == nil, "show printed a value of \(secret.name)")
                }
            }
        }
    }
}
