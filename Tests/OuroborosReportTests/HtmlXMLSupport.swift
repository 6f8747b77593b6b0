import Foundation
import OuroborosReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parsing reports and charts as XML in tests: every page and SVG must be well-formed XML.
enum XMLSupport {
    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// The document, or an error naming the parser's complaint.
    static func parse(_ text: String) throws -> XMLDocument {
        do {
            return try XMLDocument(xmlString: text, options: [])
        } catch {
            throw ParseError(description: "not well-formed XML: \(error)")
        }
    }

    /// Every element named `name` (local name, any namespace) under `element`, in document order.
    static func elements(named name: String, in element: XMLElement) -> [XMLElement] {
        var found: [XMLElement] = []
        var stack: [XMLElement] = [element]
        while let next = stack.popLast() {
            if (next.localName ?? next.name) == name { found.append(next) }
            let children = (next.children ?? []).compactMap { $0 as? XMLElement }
            stack.append(contentsOf: children.reversed())
        }
        return found
    }

    /// The value of attribute `name` of `element` (matched by name or local name).
    static func attribute(_ name: String, of element: XMLElement) -> String? {
        (element.attributes ?? []).first { $0.name == name || $0.localName == name }?.stringValue
    }

    /// The `<svg>…</svg>` substrings of an HTML page.
    static func svgs(in html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            out.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return out
    }

    /// The points of a `points="x,y x,y"` attribute.
    static func points(_ text: String) -> [(x: Double, y: Double)] {
        text.split(separator: " ").compactMap { pair in
            let parts = pair.split(separator: ",")
            guard parts.count == 2, let x = Double(parts[0]), let y = Double(parts[1]) else { return nil }
            return (x, y)
        }
    }

    /// Every `data-key` polyline of a rendered line chart, mapped back through its scales:
    /// key → (period index, value) pairs.
    static func plottedValues(_ chart: RenderedChart) throws -> [String: [(index: Int, value: Double)]] {
        guard let x = chart.xScale, let y = chart.yScale else { throw ParseError(description: "chart has no scales") }
        let document = try parse(chart.svg)
        var out: [String: [(Int, Double)]] = [:]
        for line in elements(named: "polyline", in: document.rootElement()!) {
            guard let key = attribute("data-key", of: line), !key.isEmpty, let points = attribute("points", of: line) else { continue }
            for point in Self.points(points) {
                out[key, default: []].append((Int(x.invert(point.x).rounded()), y.invert(point.y)))
            }
        }
        return out
    }
}
