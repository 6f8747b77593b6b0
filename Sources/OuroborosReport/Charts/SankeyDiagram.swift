/// A money-flow Sankey diagram: nodes in columns (e.g. end users → wrappers → labs → clouds →
/// chipmakers), ribbons as thick as the money that flowed, money going back upstream drawn in
/// the cycle colour under the columns.
///
/// Link values must be finite and positive (a `ChartError` names the link otherwise).
public struct SankeyDiagram: Sendable {
    /// A node: an entity or group.
    public struct Node: Sendable {
        /// Unique id, used by links.
        public var id: String
        /// The label drawn next to it.
        public var label: String
        /// Its column, 0 = leftmost.
        public var column: Int
        /// Its colour.
        public var color: String
        /// Creates a node.
        public init(id: String, label: String, column: Int, color: String = ChartPalette.other) {
            self.id = id
            self.label = label
            self.column = column
            self.color = color
        }
    }

    /// Money from one node to another.
    public struct Link: Sendable {
        public var source: String, target: String
        /// USD.
        public var value: Double
        /// Ribbon colour.
        public var color: String
        /// Tooltip text (what the money paid for).
        public var detail: String
        /// Creates a link.
        public init(source: String, target: String, value: Double, color: String = ChartPalette.other, detail: String = "") {
            self.source = source
            self.target = target
            self.value = value
            self.color = color
            self.detail = detail
        }
    }

    /// What the diagram shows.
    public var title: String
    /// Column headings, left to right.
    public var columnTitles: [String]
    /// The nodes, top to bottom within each column.
    public var nodes: [Node]
    /// The links.
    public var links: [Link]
    /// Drawing width and the height of the columns.
    public var width: Double, columnHeight: Double
    /// The unit of values in labels.
    public var unit: ValueUnit = .usd

    /// Creates a diagram.
    public init(title: String, columnTitles: [String], nodes: [Node], links: [Link], width: Double = 860, columnHeight: Double = 420) {
        self.title = title
        self.columnTitles = columnTitles
        self.nodes = nodes
        self.links = links
        self.width = width
        self.columnHeight = columnHeight
    }

    static let fontSize = 11.0, labelSize = 10.0, labelRoom = 128.0, nodeWidth = 12.0

    /// Checks the links and draws the diagram.
    public func render() throws(ChartError) -> RenderedChart {
        guard !nodes.isEmpty, !links.isEmpty else { throw .empty(chart: title) }
        for (k, link) in links.enumerated() {
            guard link.value.isFinite else { throw .nonFinite(series: "\(link.source) → \(link.target)", index: k) }
            guard link.value > 0 else {
                throw .invalidBand(series: "\(link.source) → \(link.target)", index: k, reason: "a flow must be positive, found \(link.value)")
            }
        }
        let columns = max(columnTitles.count, (nodes.map(\.column).max() ?? 0) + 1)
        let left = 8.0
        let right = width - Self.labelRoom - Self.nodeWidth
        let top = 34.0
        let layout = SankeyLayout(self, left: left, right: right, top: top, height: columnHeight, nodeWidth: Self.nodeWidth)
        var canvas = SVGCanvas(width: width, height: layout.bottom + 10)
        let spacing = columns > 1 ? (right - left) / Double(columns - 1) : right - left
        let labelWidth = min(Self.labelRoom, spacing - Self.nodeWidth - 14)
        for (c, heading) in columnTitles.enumerated() {
            let text = TextMetrics.truncated(heading, fontSize: Self.fontSize * 1.12, maxWidth: c == columns - 1 ? Self.labelRoom + 4 : spacing - 10)
            canvas.text(
                text, x: left + Double(c) * spacing, y: 16, fontSize: Self.fontSize,
                attributes: [("font-weight", "bold"), ("fill", ChartPalette.ink)])
        }
        var inflow = [String: Double]()
        var outflow = [String: Double]()
        for link in links {
            inflow[link.target, default: 0] += link.value
            outflow[link.source, default: 0] += link.value
        }
        canvas.beginGroup([("class", "links"), ("fill", "none")])
        for path in layout.links {
            let link = links[path.link]
            let n = SVGCanvas.number
            let d: String
            if let lane = path.laneY {
                let bend = 30.0
                d =
                    "M\(n(path.sourceX)),\(n(path.sourceY)) C\(n(path.sourceX + bend)),\(n(path.sourceY)) \(n(path.sourceX + bend)),\(n(lane)) \(n(path.sourceX)),\(n(lane)) "
                    + "L\(n(path.targetX)),\(n(lane)) C\(n(path.targetX - bend)),\(n(lane)) \(n(path.targetX - bend)),\(n(path.targetY)) \(n(path.targetX)),\(n(path.targetY))"
            } else {
                let mid = (path.sourceX + path.targetX) / 2
                d =
                    "M\(n(path.sourceX)),\(n(path.sourceY)) C\(n(mid)),\(n(path.sourceY)) \(n(mid)),\(n(path.targetY)) \(n(path.targetX)),\(n(path.targetY))"
            }
            let source = nodes.first { $0.id == link.source }?.label ?? link.source
            let target = nodes.first { $0.id == link.target }?.label ?? link.target
            canvas.path(
                d,
                attributes: [
                    ("class", path.laneY == nil ? "link" : "link upstream"), ("data-source", link.source),
                    ("data-target", link.target), ("data-value", "\(link.value)"), ("stroke", link.color),
                    ("stroke-opacity", path.laneY == nil ? "0.45" : "0.6"), ("stroke-width", SVGCanvas.number(max(1, path.width))),
                ],
                tooltip: "\(source) → \(target): \(unit.text(link.value))\(link.detail.isEmpty ? "" : " (\(link.detail))")")
        }
        canvas.endGroup()
        for (k, node) in nodes.enumerated() {
            let box = layout.nodes[k]
            let through = max(inflow[node.id] ?? 0, outflow[node.id] ?? 0)
            canvas.rect(
                x: box.x, y: box.y, width: box.width, height: box.height,
                attributes: [("class", "node"), ("data-node", node.id), ("fill", node.color)],
                tooltip: "\(node.label): in \(unit.text(inflow[node.id] ?? 0)), out \(unit.text(outflow[node.id] ?? 0))")
            // Keep the amount whole and shorten the name when the label does not fit.
            let amount = " " + unit.text(through)
            let room = labelWidth - TextMetrics.width(amount, fontSize: Self.labelSize)
            let label = TextMetrics.truncated(node.label, fontSize: Self.labelSize, maxWidth: room) + amount
            canvas.text(
                label, x: box.x + box.width + 4, y: box.midY + Self.labelSize * 0.35, fontSize: Self.labelSize,
                attributes: [("fill", ChartPalette.ink)], tooltip: "\(node.label): \(unit.text(through))")
        }
        if layout.links.contains(where: { $0.laneY != nil }) {
            canvas.text(
                "↺ money flowing back upstream (below the columns)", x: left, y: layout.columnsBottom + 20, fontSize: Self.fontSize,
                attributes: [("fill", ChartPalette.cycle)])
        }
        return RenderedChart(svg: canvas.finished(title: title, attributes: [("class", "chart sankey")]), labels: canvas.labels)
    }
}
