import Foundation
import OuroborosCore

/// Writes an SVG drawing element by element: every text is escaped and its box recorded, every
/// coordinate written with two decimals. `finished()` returns the `<svg>` element.
public struct SVGCanvas: Sendable {
    /// The drawing's width and height (the view box).
    public var width: Double, height: Double
    /// The boxes of the texts drawn, in order.
    public private(set) var labels: [LabelBox] = []
    private var body = ""

    /// An empty drawing of `width` × `height`.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A coordinate or size as written: at most two decimals, no `-0`.
    public static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == 0 { return "0" }
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
        var text = NumberText.fixed(rounded, decimals: 2)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// Attributes as ` name="value"`, values escaped.
    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(XMLText.escape($0.1))\"" }.joined()
    }

    /// Appends raw, already well-formed SVG markup.
    public mutating func raw(_ markup: String) { body += markup }

    /// Opens a group with `attributes`; close it with `endGroup()`.
    public mutating func beginGroup(_ attributes: [(String, String)] = []) {
        body += "<g\(Self.attributes(attributes))>"
    }

    /// Closes the innermost open group.
    public mutating func endGroup() { body += "</g>\n" }

    /// A line segment.
    public mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, attributes: [(String, String)] = []) {
        let n = Self.number
        body += "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\"\(Self.attributes(attributes))/>\n"
    }

    /// A rectangle, with an optional tooltip.
    public mutating func rect(x: Double, y: Double, width: Double, height: Double, attributes: [(String, String)] = [], tooltip: String? = nil) {
        let n = Self.number
        let open = "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(max(0, height)))\"\(Self.attributes(attributes))"
        body += tooltip.map { open + "><title>\(XMLText.escape($0))</title></rect>\n" } ?? open + "/>\n"
    }

    /// A circle, with an optional tooltip.
    public mutating func circle(cx: Double, cy: Double, r: Double, attributes: [(String, String)] = [], tooltip: String? = nil) {
        let n = Self.number
        let open = "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(r))\"\(Self.attributes(attributes))"
        body += tooltip.map { open + "><title>\(XMLText.escape($0))</title></circle>\n" } ?? open + "/>\n"
    }

    /// A polyline through `points`.
    public mutating func polyline(_ points: [(x: Double, y: Double)], attributes: [(String, String)] = [], tooltip: String? = nil) {
        let list = points.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " ")
        let open = "<polyline points=\"\(list)\"\(Self.attributes(attributes))"
        body += tooltip.map { open + "><title>\(XMLText.escape($0))</title></polyline>\n" } ?? open + "/>\n"
    }

    /// A closed polygon through `points`.
    public mutating func polygon(_ points: [(x: Double, y: Double)], attributes: [(String, String)] = [], tooltip: String? = nil) {
        let list = points.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " ")
        let open = "<polygon points=\"\(list)\"\(Self.attributes(attributes))"
        body += tooltip.map { open + "><title>\(XMLText.escape($0))</title></polygon>\n" } ?? open + "/>\n"
    }

    /// A path with data `d` (built with `number(_:)`), with an optional tooltip.
    public mutating func path(_ d: String, attributes: [(String, String)] = [], tooltip: String? = nil) {
        let open = "<path d=\"\(XMLText.escape(d))\"\(Self.attributes(attributes))"
        body += tooltip.map { open + "><title>\(XMLText.escape($0))</title></path>\n" } ?? open + "/>\n"
    }

    /// A text at `x`, baseline `y`; its box is recorded unless `recorded` is false (a text drawn
    /// inside a shape, not competing for space with the labels).
    public mutating func text(
        _ text: String, x: Double, y: Double, fontSize: Double, anchor: TextAnchor = .start,
        attributes: [(String, String)] = [], recorded: Bool = true, tooltip: String? = nil
    ) {
        let n = Self.number
        body += "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(fontSize))\""
        if anchor != .start { body += " text-anchor=\"\(anchor.rawValue)\"" }
        body += Self.attributes(attributes) + ">" + XMLText.escape(text)
        if let tooltip { body += "<title>\(XMLText.escape(tooltip))</title>" }
        body += "</text>\n"
        if recorded {
            var box = LabelBox(text: text, x: x, baseline: y, fontSize: fontSize, anchor: anchor)
            if attributes.contains(where: { $0.0 == "font-weight" && $0.1 == "bold" }) {
                // Bold glyphs run about a tenth wider.
                let extra = box.width * 0.12
                box.width += extra
                if anchor == .middle { box.x -= extra / 2 } else if anchor == .end { box.x -= extra }
            }
            labels.append(box)
        }
    }

    /// A text rotated a quarter turn counter-clockwise about (`x`, `y`), centred there (y-axis titles).
    public mutating func verticalText(_ text: String, x: Double, y: Double, fontSize: Double, attributes: [(String, String)] = []) {
        let n = Self.number
        body += "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(fontSize))\" text-anchor=\"middle\" "
        body += "transform=\"rotate(-90 \(n(x)) \(n(y)))\"\(Self.attributes(attributes))>\(XMLText.escape(text))</text>\n"
        let width = TextMetrics.width(text, fontSize: fontSize)
        labels.append(LabelBox(text: text, x: x - fontSize * 0.8, y: y - width / 2, width: fontSize, height: width))
    }

    /// The drawing as an `<svg>` element with a title and description for screen readers.
    public func finished(title: String, description: String = "", attributes: [(String, String)] = []) -> String {
        let n = Self.number
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
        out += "width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\"\(Self.attributes(attributes))>"
        out += "<title>\(XMLText.escape(title))</title>"
        if !description.isEmpty { out += "<desc>\(XMLText.escape(description))</desc>" }
        out += "\n" + body + "</svg>"
        return out
    }
}
