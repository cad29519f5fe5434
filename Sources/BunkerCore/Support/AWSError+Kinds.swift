import BunkerAWS

extension AWSError {
    /// Secrets Manager's answer for operations a secret's state forbids
    /// (for example reading a secret scheduled for deletion).
    var isInvalidRequest: Bool { code == "InvalidRequestException" }
}
