import ArgumentParser
import OuroborosCore
import OuroborosNetwork
import OuroborosReport
import OuroborosScenario

/// `ouroboros network scc --edges E.csv`: strongly connected components.
struct NetworkSCC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scc",
        abstract: "Strongly connected components of a payment graph.",
        discussion: """
            Input: --edges with the header `from,to,amount` (amounts ≥ 0). Output: `entity,component`, one \
            row per entity in order of first appearance; components are numbered 0, 1, 2, … in the order \
            their first member first appears.
            """
    )

    @Option(help: "Edges CSV: from,to,amount.")
    var edges: String

    func run() throws {
        try NetworkInput.run {
            var input = NetworkInput()
            var labels = LabelIndex()
            let list = try input.edges(edges, from: "from", to: "to", amount: "amount", labels: &labels)
            try input.check()
            let graph = try CSRGraph(labelledEdges: list.map { ($0.from, $0.to, $0.amount) }, labels: &labels)
            let components = StronglyConnectedComponents(graph).renumberedBySmallestNode()
            var output = CSVOutput(header: ["entity", "component"])
            for node in 0..<labels.count {
                output.row([labels[node], String(components.componentOf[node])])
            }
            StandardStreams.out(output.text)
        }
    }
}

/// `ouroboros network cycles --edges E.csv`: elementary cycles.
struct NetworkCycles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cycles",
        abstract: "Elementary cycles of a payment graph (Johnson), with their bottleneck amounts.",
        discussion: """
            Input: --edges with the header `from,to,amount` (amounts ≥ 0; parallel edges are summed). \
            Output: `cycle,length,bottleneck,nodes`, cycles numbered from 0; `nodes` lists the cycle as \
            `a>b>c` starting at its member that appears first in the input (the edge back to it is \
            implied). Cycles are ordered by that first member, then by their node sequence in input order.
            --limit stops the listing early (a note on standard error says when more cycles exist).
            """
    )

    @Option(help: "Edges CSV: from,to,amount.")
    var edges: String

    @Option(name: .customLong("max-length"), help: "List only cycles of at most this many edges (≥ 1).")
    var maxLength: Int?

    @Option(help: "List at most this many cycles (≥ 0).")
    var limit: Int?

    func validate() throws {
        if let maxLength, maxLength < 1 { throw ValidationError("--max-length must be at least 1, found \(maxLength)") }
        if let limit, limit < 0 { throw ValidationError("--limit must be at least 0, found \(limit)") }
    }

    func run() throws {
        try NetworkInput.run {
            var input = NetworkInput()
            var labels = LabelIndex()
            let list = try input.edges(edges, from: "from", to: "to", amount: "amount", labels: &labels)
            try input.check()
            let graph = try CSRGraph(labelledEdges: list.map { ($0.from, $0.to, $0.amount) }, labels: &labels)
            let cycles = ElementaryCycles(graph, maxLength: maxLength, limit: limit)
            var output = CSVOutput(header: ["cycle", "length", "bottleneck", "nodes"])
            for (number, cycle) in cycles.enumerated() {
                output.row([
                    String(number), String(cycle.length), NumberText.full(cycle.bottleneck),
                    cycle.nodes.map { labels[Int($0)] }.joined(separator: ">"),
                ])
            }
            StandardStreams.out(output.text)
            if !cycles.isComplete {
                StandardStreams.err("note: listing stopped at --limit \(limit ?? cycles.count); more cycles exist")
            }
        }
    }
}

/// `ouroboros network trace --edges E.csv --origins a,b`: where each entity's revenue came from.
struct NetworkTrace: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Trace each entity's inflows back to origins (proportional mixing).",
        discussion: """
            Inputs: --edges with the header `from,to,amount` (one period's payments, amounts ≥ 0); \
            optionally --balances with the header `entity,balance` (opening balances ≥ 0, entities that \
            appear in the edges; others start at 0). --origins lists the origin entities (they must appear \
            in the edges), comma-separated or repeated.

            Output: `entity,origin,share`: for each entity with inflows, in order of first appearance, the \
            share of its inflows that traces to each origin, in order of first appearance; `origin` is an \
            origin's id, or an entity's own id for money from its opening balance (its round trip when the \
            entity is the row's own). Entities with no inflow have no rows. Money circulating in a loop no \
            origin or balance feeds traces to nothing; a note on standard error gives that share.
            """
    )

    @Option(help: "Edges CSV: from,to,amount.")
    var edges: String

    @Option(help: "Opening balances CSV: entity,balance.")
    var balances: String?

    @Option(parsing: .upToNextOption, help: "Origin entities, comma-separated (a,b,c) or repeated.")
    var origins: [String] = []

    func validate() throws {
        if originNames.isEmpty { throw ValidationError("--origins needs at least one entity, e.g. --origins users,investors") }
    }

    /// The origins as given, split at commas, without empty pieces.
    var originNames: [String] {
        origins.flatMap { $0.split(separator: ",", omittingEmptySubsequences: true).map(String.init) }
    }

    func run() throws {
        try NetworkInput.run {
            var input = NetworkInput()
            var labels = LabelIndex()
            let list = try input.edges(edges, from: "from", to: "to", amount: "amount", labels: &labels)
            var opening: [Int: Double] = [:]
            if let balances {
                let table = try input.table(balances, ["entity", "balance"], requireRows: false)
                opening =
                    input.values(of: table, key: "entity", labels: &labels, intern: false, knownIn: edges) { row, diagnostics in
                        row.amount("balance", &diagnostics)
                    }.values
            }
            var originIDs: [Int] = []
            for name in originNames {
                if let id = labels.id(of: name) {
                    originIDs.append(id)
                } else if input.diagnostics.isEmpty || !list.isEmpty {
                    input.error("origin '\(name)' (--origins) does not appear in \(edges)", at: nil)
                }
            }
            try input.check()
            let graph = try CSRGraph(labelledEdges: list.map { ($0.from, $0.to, $0.amount) }, labels: &labels)
            let openingBalances = (0..<labels.count).map { opening[$0] ?? 0 }
            let trace: FundsTrace
            do {
                trace = try FundsTrace(payments: graph, openingBalances: openingBalances, origins: originIDs)
            } catch {
                throw NetworkInput.kernelError("funds trace", error)
            }
            var output = CSVOutput(header: ["entity", "origin", "share"])
            for node in 0..<labels.count {
                for share in trace.revenueMix(of: node) {
                    output.row([labels[node], labels[share.label], NumberText.full(share.share)])
                }
            }
            StandardStreams.out(output.text)
            for node in 0..<labels.count where trace.unattributedShare[node] > 0 {
                StandardStreams.err(
                    "note: \(NumberText.full(trace.unattributedShare[node])) of the inflows of '\(labels[node])' circulate in a loop no origin or balance feeds and trace to no origin"
                )
            }
        }
    }
}
