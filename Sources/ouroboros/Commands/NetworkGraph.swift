import ArgumentParser
import OuroborosReport

/// `ouroboros network scc --edges E.csv`: strongly connected components.
struct NetworkSCC: AsyncParsableCommand {
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

    func run() async throws {
        try await ExitStatus.mapping { try NetworkKernelRun.scc(edges: edges).print() }
    }
}

/// `ouroboros network cycles --edges E.csv`: elementary cycles.
struct NetworkCycles: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cycles",
        abstract: "Elementary cycles of a payment graph (Johnson), with their bottleneck amounts.",
        discussion: """
            Input: --edges with the header `from,to,amount` (amounts ≥ 0; parallel edges are summed). \
            Output: `cycle,length,bottleneck,nodes`, cycles numbered from 0; `nodes` lists the cycle as \
            `a>b>c` starting at its member that appears first in the input (the edge back to it is \
            implied). Cycles are ordered by that first member, then by their node sequence in input order.
            The listing stops after --limit cycles (default 100,000: a dense graph has more cycles than \
            memory holds); a note on standard error says when more cycles exist.
            """
    )

    @Option(help: "Edges CSV: from,to,amount.")
    var edges: String

    @Option(name: .customLong("max-length"), help: "List only cycles of at most this many edges (≥ 1).")
    var maxLength: Int?

    @Option(help: "List at most this many cycles (≥ 0; default 100,000).")
    var limit: Int?

    func validate() throws {
        if let maxLength, maxLength < 1 { throw ValidationError("--max-length must be at least 1, found \(maxLength)") }
        if let limit, limit < 0 { throw ValidationError("--limit must be at least 0, found \(limit)") }
    }

    func run() async throws {
        try await ExitStatus.mapping { try NetworkKernelRun.cycles(edges: edges, maxLength: maxLength, limit: limit).print() }
    }
}

/// `ouroboros network trace --edges E.csv --origins a,b`: where each entity's revenue came from.
struct NetworkTrace: AsyncParsableCommand {
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

    func run() async throws {
        try await ExitStatus.mapping { try NetworkKernelRun.trace(edges: edges, balances: balances, origins: originNames).print() }
    }
}
