import OuroborosCore
import OuroborosNetwork
import OuroborosScenario

/// `ouroboros network …`: each graph kernel run on its CSV inputs, its answer as CSV (a header,
/// one row per entity in order of first appearance, numbers at full precision) with notes for
/// the person (standard error on the command line). Bad input is a `DiagnosticList` naming
/// FILE:LINE:COLUMN of every problem, a kernel's own rejection of input that passed the file
/// checks a `DiagnosticList` naming the kernel.
public enum NetworkKernelRun {
    /// What a kernel answers.
    public struct Output: Sendable, Equatable {
        /// The CSV.
        public var csv: String
        /// Notes beside it (`DebtRank: 0.42`, a listing cut short).
        public var notes: [String]
    }

    /// Strongly connected components: `entity,component`, components numbered in the order their
    /// first member first appears.
    public static func scc(edges: String) throws -> Output {
        let input = try PaymentGraphInput(edges: edges)
        let components = StronglyConnectedComponents(input.graph).renumberedBySmallestNode()
        let rows = (0..<input.labels.count).map { [input.labels[$0], String(components.componentOf[$0])] }
        return Output(csv: CSVText.document(header: ["entity", "component"], rows: rows), notes: [])
    }

    /// How many cycles `cycles` lists when no limit is given. A dense graph has more elementary
    /// cycles than any machine can hold (a complete graph on 12 nodes: about 1.1 × 10⁸), so the
    /// listing always stops somewhere; 100,000 rows are about 10 MB of CSV.
    public static let defaultCycleLimit = 100_000

    /// Elementary cycles of at most `maxLength` edges, at most `limit` of them (nil: `defaultCycleLimit`):
    /// `cycle,length,bottleneck,nodes` with `nodes` as `a>b>c`; a note says when the listing stopped early.
    public static func cycles(edges: String, maxLength: Int?, limit: Int?) throws -> Output {
        let input = try PaymentGraphInput(edges: edges)
        let cap = limit ?? defaultCycleLimit
        let cycles = ElementaryCycles(input.graph, maxLength: maxLength, limit: cap)
        let rows = cycles.enumerated().map { number, cycle in
            [
                String(number), String(cycle.length), NumberText.full(cycle.bottleneck),
                cycle.nodes.map { input.labels[Int($0)] }.joined(separator: ">"),
            ]
        }
        let notes =
            if cycles.isComplete {
                [String]()
            } else if limit == nil {
                [
                    "note: listing stopped at the default limit of \(NumberText.grouped(cap)) cycles; more cycles exist "
                        + "(--limit N lists more, --max-length L only the shorter ones)"
                ]
            } else {
                ["note: listing stopped at --limit \(cap); more cycles exist"]
            }
        return Output(csv: CSVText.document(header: ["cycle", "length", "bottleneck", "nodes"], rows: rows), notes: notes)
    }

    /// Each entity's inflows traced back to `origins` (proportional mixing): `entity,origin,share`.
    public static func trace(edges: String, balances: String?, origins: [String]) throws -> Output {
        let input = try FundsTraceInput(edges: edges, balances: balances, origins: origins)
        let trace: FundsTrace
        do {
            trace = try FundsTrace(payments: input.graph, openingBalances: input.openingBalances, origins: input.origins)
        } catch {
            throw kernelError("funds trace", error)
        }
        let labels = input.labels
        var rows: [[String]] = []
        for node in 0..<labels.count {
            for share in trace.revenueMix(of: node) {
                rows.append([labels[node], labels[share.label], NumberText.full(share.share)])
            }
        }
        let notes = (0..<labels.count).filter { trace.unattributedShare[$0] > 0 }.map { node in
            "note: \(NumberText.full(trace.unattributedShare[node])) of the inflows of '\(labels[node])' circulate in a loop no origin or balance feeds and trace to no origin"
        }
        return Output(csv: CSVText.document(header: ["entity", "origin", "share"], rows: rows), notes: notes)
    }

    /// Clearing payments (Eisenberg–Noe; Rogers–Veraart when `alpha` or `beta` is given):
    /// `entity,payment,obligation,defaulted`.
    public static func clear(obligations: String, assets: String, alpha: Double?, beta: Double?) throws -> Output {
        let input = try ClearingInput(obligations: obligations, assets: assets)
        let result: ClearingVector
        do {
            if alpha != nil || beta != nil {
                result = try RogersVeraart.clear(liabilities: input.graph, externalAssets: input.externalAssets, alpha: alpha ?? 1, beta: beta ?? 1)
            } else {
                result = try EisenbergNoe.clear(liabilities: input.graph, externalAssets: input.externalAssets)
            }
        } catch {
            throw kernelError("clearing", error)
        }
        let rows = (0..<input.labels.count).map { node in
            [
                input.labels[node], NumberText.full(result.payments[node]), NumberText.full(result.obligations[node]),
                result.defaulted[node] ? "true" : "false",
            ]
        }
        return Output(csv: CSVText.document(header: ["entity", "payment", "obligation", "defaulted"], rows: rows), notes: [])
    }

    /// DebtRank (Battiston et al. 2012; Bardoscia et al. 2015 when `differential`):
    /// `entity,distress`, and the DebtRank as a note.
    public static func debtRank(exposures: String, equity: String, shock: String, weights: String?, differential: Bool) throws -> Output {
        let input = try DebtRankInput(exposures: exposures, equity: equity, shock: shock, weights: weights)
        let result: DebtRankResult
        do {
            result = try DebtRank.compute(
                exposures: input.graph, equity: input.equity, initialDistress: input.initialDistress,
                economicWeights: input.economicWeights, variant: differential ? .differential : .original)
        } catch {
            throw kernelError("DebtRank", error)
        }
        let rows = (0..<input.labels.count).map { [input.labels[$0], NumberText.full(result.distress[$0])] }
        return Output(csv: CSVText.document(header: ["entity", "distress"], rows: rows), notes: ["DebtRank: \(NumberText.full(result.debtRank))"])
    }

    /// Leverage-targeting fire sales after `shock` (an asset and its relative drop):
    /// `holder,loss`, and the aggregate vulnerability as a note.
    public static func fireSale(holdings: String, equity: String, impact: String, shock: (asset: String, drop: Double)?) throws -> Output {
        let input = try FireSaleInput(holdings: holdings, equity: equity, impact: impact, shock: shock)
        let result: FireSaleResult
        do {
            result = try FireSale.run(
                holdings: input.holdings, debt: input.debt, impact: input.impact, shockedAsset: input.shockedAsset, drop: input.drop)
        } catch {
            throw kernelError("fire sale", error)
        }
        let rows = (0..<input.holders.count).map { [input.holders[$0], NumberText.full(result.losses[$0])] }
        var notes = ["aggregate vulnerability: \(NumberText.full(result.aggregateVulnerability))"]
        if !result.converged { notes.append("note: the cascade stopped after \(result.rounds) rounds without converging") }
        return Output(csv: CSVText.document(header: ["holder", "loss"], rows: rows), notes: notes)
    }

    /// A kernel's own rejection of input that passed the file checks, as bad data (exit 65).
    static func kernelError(_ what: String, _ error: any Error) -> DiagnosticList {
        DiagnosticList([Diagnostic("\(what): \(error)", at: nil)])
    }
}
