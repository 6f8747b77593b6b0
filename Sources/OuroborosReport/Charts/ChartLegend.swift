/// A legend of coloured swatches and labels laid out in rows that wrap at the drawing's width.
public struct ChartLegend: Sendable {
    /// One entry: label, colour, and whether the swatch is a line (else a filled block).
    public struct Entry: Sendable {
        public var label: String, color: String, style: Style
        /// Creates an entry.
        public init(label: String, color: String, style: Style = .line) {
            self.label = label
            self.color = color
            self.style = style
        }
    }

    /// How a swatch looks.
    public enum Style: Sendable {
        /// A solid line.
        case line
        /// A dashed line.
        case dashed
        /// A filled block (bands, areas, bars).
        case block
    }

    /// The entries, in order.
    public var entries: [Entry]
    /// Font size of the labels.
    public static let fontSize = 11.0
    static let rowHeight = 18.0

    /// Creates a legend.
    public init(entries: [Entry]) { self.entries = entries }

    /// Positions of each entry (swatch left, baseline) when laid out from `left` to `right` starting at `top`.
    func layout(left: Double, right: Double, top: Double) -> [(x: Double, y: Double)] {
        var x = left
        var y = top + 12
        var positions: [(Double, Double)] = []
        for entry in entries {
            let width = 22 + TextMetrics.width(entry.label, fontSize: Self.fontSize) + 16
            if x > left, x + width > right {
                x = left
                y += Self.rowHeight
            }
            positions.append((x, y))
            x += width
        }
        return positions
    }

    /// The height the legend needs between `left` and `right`.
    public func height(left: Double, right: Double) -> Double {
        guard let last = layout(left: left, right: right, top: 0).last else { return 0 }
        return last.y + 8
    }

    /// Draws the legend.
    public func draw(on canvas: inout SVGCanvas, left: Double, right: Double, top: Double) {
        for (entry, position) in zip(entries, layout(left: left, right: right, top: top)) {
            let midY = position.y - Self.fontSize * 0.35
            switch entry.style {
            case .line, .dashed:
                var attributes = [("stroke", entry.color), ("stroke-width", "2.5")]
                if entry.style == .dashed { attributes.append(("stroke-dasharray", "5 3")) }
                canvas.line(position.x, midY, position.x + 18, midY, attributes: attributes)
            case .block:
                canvas.rect(x: position.x, y: midY - 5, width: 18, height: 10, attributes: [("fill", entry.color), ("fill-opacity", "0.6")])
            }
            canvas.text(entry.label, x: position.x + 22, y: position.y, fontSize: Self.fontSize, attributes: [("fill", ChartPalette.ink)])
        }
    }
}
