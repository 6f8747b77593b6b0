import Foundation

/// Where the nodes of a network picture go: on a circle in the given order (so that a sector's
/// entities sit together), with labels in two columns left and right of the circle, pushed apart
/// vertically so that no two touch, each joined to its node by a leader line.
public struct NetworkLayout: Sendable {
    /// A label's place: the anchor point of its text and which way the text runs.
    public struct LabelPlace: Sendable {
        public var x: Double, y: Double, anchor: TextAnchor
    }

    /// Node centres, in node order.
    public var positions: [(x: Double, y: Double)]
    /// Label places, in node order.
    public var labels: [LabelPlace]
    /// The circle's centre and radius.
    public var centerX: Double, centerY: Double, radius: Double
    /// The height the picture needs.
    public var height: Double

    /// The spacing between label baselines.
    public static let lineHeight = 15.0

    /// Lays out `count` nodes in a drawing `width` wide.
    public init(count: Int, width: Double, labelRoom: Double = 170) {
        let radius = max(150, min((width - 2 * labelRoom) / 2 - 30, Double(count) * Self.lineHeight / 2 * 0.9))
        let top = 24.0
        centerX = width / 2
        centerY = top + radius
        self.radius = radius
        positions = (0..<count).map { k in
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(k) / Double(max(count, 1))
            return (x: width / 2 + radius * cos(angle), y: top + radius + radius * sin(angle))
        }
        var places = positions.map { p in
            p.x >= width / 2 - 0.5
                ? LabelPlace(x: width / 2 + radius + 28, y: p.y + 4, anchor: .start)
                : LabelPlace(x: width / 2 - radius - 28, y: p.y + 4, anchor: .end)
        }
        var bottom = top + 2 * radius
        for anchor in [TextAnchor.start, .end] {
            let side = places.indices.filter { places[$0].anchor == anchor }.sorted { places[$0].y < places[$1].y }
            var previous = -Double.infinity
            for k in side {
                places[k].y = max(places[k].y, previous + Self.lineHeight)
                previous = places[k].y
            }
            bottom = max(bottom, previous)
        }
        labels = places
        height = bottom + 16
    }
}
