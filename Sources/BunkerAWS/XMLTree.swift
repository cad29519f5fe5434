import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small read-only XML element tree for S3 responses (Foundation `XMLParser`).
///
/// Namespaces are ignored (element names are local names); text is the concatenated
/// character data of an element, untrimmed. Limits: mixed content loses ordering.
public final class XMLTree {
    /// The local element name.
    public let name: String
    /// Character data directly inside the element.
    public fileprivate(set) var text = ""
    /// Child elements in document order.
    public fileprivate(set) var children: [XMLTree] = []

    init(name: String) {
        self.name = name
    }

    /// The root element of `data`, or nil when it is not well-formed XML.
    public static func parse(_ data: Data) -> XMLTree? {
        let parser = XMLParser(data: data)
        let builder = Builder()
        parser.delegate = builder
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else { return nil }
        return builder.root
    }

    /// The first child named `name`.
    public func child(_ name: String) -> XMLTree? {
        children.first { $0.name == name }
    }

    /// All children named `name`.
    public func children(named name: String) -> [XMLTree] {
        children.filter { $0.name == name }
    }

    /// The text of the first child named `name`.
    public func childText(_ name: String) -> String? {
        child(name)?.text
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var stack: [XMLTree] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            let element = XMLTree(name: local)
            if let parent = stack.last {
                parent.children.append(element)
            } else {
                root = element
            }
            stack.append(element)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?
        ) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }
    }
}
