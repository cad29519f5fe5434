import Foundation

/// One regular file read from a tar archive, held entirely in memory.
public struct TarEntry: Equatable {
    /// The entry name: a validated relative path in UTF-8.
    public var path: String
    /// The size recorded in the tar header; always equal to `data.count`.
    public var size: Int
    /// The file contents.
    public var data: Data

    public init(path: String, size: Int, data: Data) {
        self.path = path
        self.size = size
        self.data = data
    }
}
