import BunkerHTTP
import Foundation

extension S3Client {
    /// A bucket's lifecycle configuration: its `<Rule>` elements as S3 returned them.
    ///
    /// Rules are kept as ``XMLFragment``s so that a rule Bunker does not understand is
    /// written back unchanged by ``putBucketLifecycle(_:_:)``.
    public struct LifecycleConfiguration: Sendable, Equatable {
        /// The `<Rule>` elements, in S3's order.
        public var rules: [XMLFragment]
        /// The `x-amz-transition-default-minimum-object-size` setting S3 reported
        /// (`all_storage_classes_128K` or `varies_by_storage_class`), sent back on writes
        /// so that rewriting the rules does not change it.
        public var transitionDefaultMinimumObjectSize: String?

        public init(rules: [XMLFragment] = [], transitionDefaultMinimumObjectSize: String? = nil) {
            self.rules = rules
            self.transitionDefaultMinimumObjectSize = transitionDefaultMinimumObjectSize
        }
    }

    /// The lifecycle rules of `bucket`; no rules when none are configured
    /// (`GetBucketLifecycleConfiguration`, `s3:GetLifecycleConfiguration`).
    public func bucketLifecycle(_ bucket: String) throws -> LifecycleConfiguration {
        let response: (body: Data, minimumSize: String?)
        do {
            let reply = try send(
                "GetBucketLifecycleConfiguration", method: "GET", bucket: bucket, key: nil,
                query: [("lifecycle", nil)])
            response = (reply.body, reply.header(Self.minimumSizeHeader))
        } catch let error as AWSError where error.code == "NoSuchLifecycleConfiguration" {
            return LifecycleConfiguration()
        }
        guard let root = XMLTree.parse(response.body), root.name == "LifecycleConfiguration"
        else {
            throw AWSError.invalidResponse(
                "GetBucketLifecycleConfiguration did not return a LifecycleConfiguration")
        }
        return LifecycleConfiguration(
            rules: root.children(named: "Rule").map(XMLFragment.init),
            transitionDefaultMinimumObjectSize: response.minimumSize)
    }

    /// Replaces the **whole** lifecycle configuration of `bucket` with `configuration`
    /// (`PutBucketLifecycleConfiguration`, `s3:PutLifecycleConfiguration`).
    ///
    /// - Important: Rules not in `configuration` are deleted. Read the current rules with
    ///   ``bucketLifecycle(_:)`` and change them, never write a fresh list.
    /// - Precondition: At least one rule (S3 rejects an empty configuration; removing all
    ///   rules is `DeleteBucketLifecycle`, which Bunker never does).
    /// - Throws: ``AWSError``; `MalformedXML` or `InvalidArgument` when S3 rejects a rule.
    public func putBucketLifecycle(
        _ bucket: String, _ configuration: LifecycleConfiguration
    ) throws {
        precondition(!configuration.rules.isEmpty, "a lifecycle configuration needs a rule")
        let headers = configuration.transitionDefaultMinimumObjectSize.map {
            [(name: Self.minimumSizeHeader, value: $0)]
        } ?? []
        try putConfiguration(
            "PutBucketLifecycleConfiguration", bucket: bucket, "lifecycle",
            xml: element("LifecycleConfiguration", configuration.rules), extraHeaders: headers)
    }

    private static let minimumSizeHeader = "x-amz-transition-default-minimum-object-size"
}
