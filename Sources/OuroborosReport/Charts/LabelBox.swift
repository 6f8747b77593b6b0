/// The rectangle a text label occupies in a chart, for checking that no two labels overlap.
public struct LabelBox: Sendable, Hashable {
    /// The text.
    public var text: String
    /// Left edge, top edge, width and height in drawing coordinates.
    public var x: Double, y: Double, width: Double, height: Double

    /// Creates a box.
    public init(text: String, x: Double, y: Double, width: Double, height: Double) {
        self.text = text
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The box of `text` drawn at `x`, `baseline` with `anchor` (`start`, `middle` or `end`).
    public init(text: String, x: Double, baseline: Double, fontSize: Double, anchor: TextAnchor) {
        let width = TextMetrics.width(text, fontSize: fontSize)
        let left =
            switch anchor {
            case .start: x
            case .middle: x - width / 2
            case .end: x - width
            }
        self.init(text: text, x: left, y: baseline - fontSize * 0.8, width: width, height: fontSize)
    }

    /// Whether the two boxes share any area.
    public func overlaps(_ other: LabelBox) -> Bool {
        x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
    }

    /// The first pair of overlapping boxes in `boxes`, if any.
    public static func firstOverlap(in boxes: [LabelBox]) -> (LabelBox, LabelBox)? {
        for i in boxes.indices {
            for j in boxes.indices where j > i && boxes[i].overlaps(boxes[j]) {
                return (boxes[i], boxes[j])
            }
        }
        return nil
    }
}

/// How a text is placed relative to its x coordinate.
public enum TextAnchor: String, Sendable, Hashable {
    case start, middle, end
}
