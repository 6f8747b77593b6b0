/// Where the nodes and ribbons of a Sankey diagram go.
///
/// Nodes stand in columns, each as tall as the larger of the money in and the money out, all at
/// one scale (pixels per USD) chosen so that the fullest column fits; nodes keep at least `gap`
/// between them so their labels never touch. A link from a column to a later one is a ribbon
/// left to right; a link back to the same or an earlier column (money going back upstream) is
/// routed below the columns in its own lane.
public struct SankeyLayout: Sendable {
    /// A node's rectangle.
    public struct NodeBox: Sendable {
        public var x: Double, y: Double, width: Double, height: Double
        /// The vertical middle.
        public var midY: Double { y + height / 2 }
    }

    /// A link's geometry: where its ribbon leaves and enters (centre lines) and its thickness.
    public struct LinkPath: Sendable {
        /// The index of the link in the diagram.
        public var link: Int
        public var sourceX: Double, sourceY: Double, targetX: Double, targetY: Double
        /// Ribbon thickness, USD × `scale`.
        public var width: Double
        /// For a link back upstream: the y of its lane below the columns.
        public var laneY: Double?
    }

    /// Node rectangles, in the diagram's node order.
    public var nodes: [NodeBox]
    /// Link geometry, in the diagram's link order (links with unknown ends are left out).
    public var links: [LinkPath]
    /// Pixels per USD.
    public var scale: Double
    /// The bottom of the lowest node and of the lowest lane.
    public var columnsBottom: Double, bottom: Double

    /// Lays out `diagram` with columns from `left` to `right` (node left edges) below `top`.
    public init(
        _ diagram: SankeyDiagram, left: Double, right: Double, top: Double, height: Double,
        nodeWidth: Double = 12, gap: Double = 16
    ) {
        let index = Dictionary(diagram.nodes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var inflow = [Double](repeating: 0, count: diagram.nodes.count)
        var outflow = inflow
        for link in diagram.links {
            guard let s = index[link.source], let t = index[link.target] else { continue }
            outflow[s] += link.value
            inflow[t] += link.value
        }
        let value = zip(inflow, outflow).map { max($0, $1) }
        let columns = (diagram.nodes.map(\.column).max() ?? 0) + 1
        var members = [[Int]](repeating: [], count: columns)
        for (k, node) in diagram.nodes.enumerated() { members[node.column].append(k) }
        var scale = Double.infinity
        for column in members where !column.isEmpty {
            let total = column.reduce(0) { $0 + value[$1] }
            let room = height - Double(column.count - 1) * gap - Double(column.count) * 2
            if total > 0 { scale = min(scale, max(room, 1) / total) }
        }
        if !scale.isFinite { scale = 0 }
        let spacing = columns > 1 ? (right - left) / Double(columns - 1) : 0
        var boxes = [NodeBox](repeating: NodeBox(x: 0, y: 0, width: 0, height: 0), count: diagram.nodes.count)
        var columnsBottom = top
        for (c, column) in members.enumerated() {
            var y = top
            for k in column {
                let h = max(2, value[k] * scale)
                boxes[k] = NodeBox(x: left + Double(c) * spacing, y: y, width: nodeWidth, height: h)
                y += h + gap
            }
            columnsBottom = max(columnsBottom, y - gap)
        }
        // Attach ribbons: at each node, outgoing links in order of their target's height, forward
        // ones first; incoming links in order of their source's height.
        var outOffset = [Double](repeating: 0, count: diagram.nodes.count)
        var inOffset = outOffset
        let order = diagram.links.indices.filter { index[diagram.links[$0].source] != nil && index[diagram.links[$0].target] != nil }
        func isBack(_ l: Int) -> Bool {
            diagram.nodes[index[diagram.links[l].target]!].column <= diagram.nodes[index[diagram.links[l].source]!].column
        }
        var startY = [Double](repeating: 0, count: diagram.links.count)
        var endY = startY
        let bySource = order.sorted { a, b in
            let (ba, bb) = (isBack(a), isBack(b))
            if ba != bb { return !ba }
            return boxes[index[diagram.links[a].target]!].midY < boxes[index[diagram.links[b].target]!].midY
        }
        for l in bySource {
            let s = index[diagram.links[l].source]!
            let w = diagram.links[l].value * scale
            startY[l] = boxes[s].y + outOffset[s] + w / 2
            outOffset[s] += w
        }
        let byTarget = order.sorted { a, b in
            let (ba, bb) = (isBack(a), isBack(b))
            if ba != bb { return !ba }
            return boxes[index[diagram.links[a].source]!].midY < boxes[index[diagram.links[b].source]!].midY
        }
        for l in byTarget {
            let t = index[diagram.links[l].target]!
            let w = diagram.links[l].value * scale
            endY[l] = boxes[t].y + inOffset[t] + w / 2
            inOffset[t] += w
        }
        var lane = columnsBottom + 28
        var paths: [LinkPath] = []
        for l in order {
            let s = index[diagram.links[l].source]!
            let t = index[diagram.links[l].target]!
            let w = diagram.links[l].value * scale
            var path = LinkPath(
                link: l, sourceX: boxes[s].x + nodeWidth, sourceY: startY[l], targetX: boxes[t].x,
                targetY: endY[l], width: w, laneY: nil)
            if isBack(l) {
                path.laneY = lane + w / 2
                lane += w + 6
            }
            paths.append(path)
        }
        nodes = boxes
        links = paths
        self.scale = scale
        self.columnsBottom = columnsBottom
        bottom = max(columnsBottom, lane)
    }
}
