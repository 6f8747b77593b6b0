import Foundation

/// A picture of a payment network: entities on a circle grouped by sector, arrows from payer to
/// payee as wide as √(money paid), and the edges of capital cycles drawn in the cycle colour.
///
/// Edge values must be finite and non-negative (a `ChartError` names the edge otherwise).
public struct NetworkDiagram: Sendable {
    /// An entity.
    public struct Node: Sendable {
        public var id: String, label: String
        /// The group (sector) for the legend, and its colour.
        public var group: String, color: String
        /// Creates a node.
        public init(id: String, label: String, group: String, color: String) {
            self.id = id
            self.label = label
            self.group = group
            self.color = color
        }
    }

    /// Money paid from `source` to `target`.
    public struct Edge: Sendable {
        public var source: String, target: String
        /// USD.
        public var value: Double
        /// Whether the edge lies on a capital cycle.
        public var onCycle: Bool
        /// Creates an edge.
        public init(source: String, target: String, value: Double, onCycle: Bool) {
            self.source = source
            self.target = target
            self.value = value
            self.onCycle = onCycle
        }
    }

    /// What the picture shows.
    public var title: String
    /// The nodes, in circle order.
    public var nodes: [Node]
    /// The edges.
    public var edges: [Edge]
    /// Drawing width.
    public var width: Double

    /// Creates a network picture.
    public init(title: String, nodes: [Node], edges: [Edge], width: Double = 860) {
        self.title = title
        self.nodes = nodes
        self.edges = edges
        self.width = width
    }

    static let fontSize = 11.0, widest = 14.0

    /// The stroke width of an edge carrying `value` when the largest carries `largest`.
    public static func strokeWidth(_ value: Double, largest: Double) -> Double {
        largest > 0 ? max(0.6, widest * (value / largest).squareRoot()) : 0.6
    }

    /// Checks the edges and draws the picture.
    public func render() throws(ChartError) -> RenderedChart {
        guard !nodes.isEmpty else { throw .empty(chart: title) }
        for (k, edge) in edges.enumerated() where !edge.value.isFinite || edge.value < 0 {
            if !edge.value.isFinite { throw .nonFinite(series: "\(edge.source) → \(edge.target)", index: k) }
            throw .invalidBand(series: "\(edge.source) → \(edge.target)", index: k, reason: "a flow must be non-negative, found \(edge.value)")
        }
        let layout = NetworkLayout(count: nodes.count, width: width)
        let index = Dictionary(nodes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let largest = edges.map(\.value).max() ?? 0
        var through = [Double](repeating: 0, count: nodes.count)
        for edge in edges {
            if let s = index[edge.source] { through[s] += edge.value }
            if let t = index[edge.target] { through[t] += edge.value }
        }
        let maxThrough = through.max() ?? 0
        let radius = through.map { maxThrough > 0 ? 4 + 8 * ($0 / maxThrough).squareRoot() : 5 }
        var groups: [(String, String)] = []
        for node in nodes where !groups.contains(where: { $0.0 == node.group }) { groups.append((node.group, node.color)) }
        let legend = ChartLegend(
            entries: groups.map { .init(label: $0.0, color: $0.1, style: .block) }
                + [.init(label: "edge on a capital cycle", color: ChartPalette.cycle), .init(label: "other flow", color: "#8aa1b8")])
        let legendTop = layout.height + 4
        var canvas = SVGCanvas(width: width, height: legendTop + legend.height(left: 16, right: width - 16) + 4)
        canvas.raw(
            "<defs><marker id=\"arrow-cycle\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
                + "markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(ChartPalette.cycle)\"/></marker>"
                + "<marker id=\"arrow-flow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
                + "markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#6f8aa6\"/></marker></defs>\n")
        let n = SVGCanvas.number
        canvas.beginGroup([("class", "edges"), ("fill", "none")])
        // Cycle edges last, so that they lie on top.
        for edge in edges.sorted(by: { !$0.onCycle && $1.onCycle }) {
            guard let s = index[edge.source], let t = index[edge.target], s != t, edge.value > 0 else { continue }
            let a = layout.positions[s]
            let b = layout.positions[t]
            let mid = (x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
            let dx = b.x - a.x
            let dy = b.y - a.y
            let length = max((dx * dx + dy * dy).squareRoot(), 1)
            // Pull the curve towards the centre and to the left of its direction, so A→B and B→A part.
            let control = (
                x: mid.x + (layout.centerX - mid.x) * 0.3 - dy / length * 18,
                y: mid.y + (layout.centerY - mid.y) * 0.3 + dx / length * 18
            )
            let ex = b.x - control.x
            let ey = b.y - control.y
            let el = max((ex * ex + ey * ey).squareRoot(), 1)
            let end = (x: b.x - ex / el * (radius[t] + 2), y: b.y - ey / el * (radius[t] + 2))
            let color = edge.onCycle ? ChartPalette.cycle : "#8aa1b8"
            canvas.path(
                "M\(n(a.x)),\(n(a.y)) Q\(n(control.x)),\(n(control.y)) \(n(end.x)),\(n(end.y))",
                attributes: [
                    ("class", edge.onCycle ? "edge cycle" : "edge"), ("data-source", edge.source), ("data-target", edge.target),
                    ("data-value", "\(edge.value)"), ("stroke", color), ("stroke-opacity", edge.onCycle ? "0.75" : "0.45"),
                    ("stroke-width", n(Self.strokeWidth(edge.value, largest: largest))),
                    ("marker-end", edge.onCycle ? "url(#arrow-cycle)" : "url(#arrow-flow)"),
                ],
                tooltip: "\(nodes[s].label) → \(nodes[t].label): \(ValueUnit.usd.text(edge.value))\(edge.onCycle ? " (capital cycle)" : "")")
        }
        canvas.endGroup()
        for (k, node) in nodes.enumerated() {
            let p = layout.positions[k]
            let place = layout.labels[k]
            let lineEnd = place.anchor == .start ? place.x - 3 : place.x + 3
            canvas.line(p.x, p.y, lineEnd, place.y - 4, attributes: [("stroke", "#c8c8c8"), ("stroke-width", "0.8")])
            canvas.circle(
                cx: p.x, cy: p.y, r: radius[k],
                attributes: [
                    ("class", "node"), ("data-node", node.id), ("fill", node.color),
                    ("stroke", "#fff"), ("stroke-width", "1"),
                ],
                tooltip: "\(node.label) (\(node.group)): \(ValueUnit.usd.text(through[k])) paid and received")
            canvas.text(node.label, x: place.x, y: place.y, fontSize: Self.fontSize, anchor: place.anchor, attributes: [("fill", ChartPalette.ink)])
        }
        legend.draw(on: &canvas, left: 16, right: width - 16, top: legendTop)
        return RenderedChart(svg: canvas.finished(title: title, attributes: [("class", "chart network")]), labels: canvas.labels)
    }
}
