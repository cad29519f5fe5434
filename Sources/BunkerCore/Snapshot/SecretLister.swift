import BunkerAWS

/// Lists the secrets a snapshot selects, page by page.
///
/// Any failure of the listing fails the whole run: a throttled or broken
/// `ListSecrets` must never look like "zero secrets".
struct SecretLister {
    let secretsManager: SecretsManagerClient
    let selector: TagSelector
    let pacer: QuotaPacer

    /// All selected secrets, scheduled-for-deletion ones included, in listing order.
    func selectedSecrets(progress: (Int) -> Void) throws -> [SecretListEntry] {
        let filters = selector.serverSideTagKeys.map { SecretsFilter(key: "tag-key", values: [$0]) }
        var selected: [SecretListEntry] = []
        var seen = Set<String>()
        do {
            try Pagination.forEachPage("ListSecrets") { token in
                pacer.acquire("ListSecrets")
                let page = try secretsManager.listSecrets(
                    filters: filters, includePlannedDeletion: true, maxResults: 100,
                    nextToken: token)
                for entry in page.secrets where !seen.contains(entry.arn) {
                    let tags = (entry.tags ?? []).map { (key: $0.key, value: $0.value) }
                    guard selector.matches(tags) else { continue }
                    seen.insert(entry.arn)
                    selected.append(entry)
                }
                progress(selected.count)
                return page.nextToken
            }
        } catch {
            throw BunkerError.listingFailed("\(error)")
        }
        return selected
    }
}
