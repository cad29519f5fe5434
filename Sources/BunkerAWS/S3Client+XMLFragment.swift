import Foundation

extension S3Client {
    /// An XML element as a value: name, leaf text and children, which can be written back.
    ///
    /// Used for S3 configurations that must be read, changed in one place and written back
    /// whole (lifecycle rules): elements Bunker does not know survive the round trip.
    /// Limits: attributes and namespaces are dropped, and an element with children keeps
    /// no text of its own (S3 configuration documents have neither).
    public struct XMLFragment: Sendable, Equatable {
        /// The local element name.
        public var name: String
        /// The character data of a leaf element (ignored when there are children).
        public var text: String
        /// Child elements in document order.
        public var children: [XMLFragment]

        /// An element from its parts.
        public init(_ name: String, text: String = "", children: [XMLFragment] = []) {
            self.name = name
            self.text = text
            self.children = children
        }

        /// A copy of a parsed element and everything below it.
        public init(_ tree: XMLTree) {
            name = tree.name
            children = tree.children.map(XMLFragment.init)
            text = children.isEmpty ? tree.text : ""
        }

        /// The first child named `name`.
        public func child(_ name: String) -> XMLFragment? {
            children.first { $0.name == name }
        }

        /// The text of the first child named `name`, trimmed of surrounding white space.
        public func childText(_ name: String) -> String? {
            child(name)?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// The element as XML text, with `&`, `<`, `>` and `"` escaped.
        public var xml: String {
            if children.isEmpty {
                return text.isEmpty ? "<\(name)/>" : "<\(name)>\(S3XML.escape(text))</\(name)>"
            }
            return "<\(name)>" + children.map(\.xml).joined() + "</\(name)>"
        }
    }
}
