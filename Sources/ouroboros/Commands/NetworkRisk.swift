import ArgumentParser
import OuroborosCore
import OuroborosNetwork
import OuroborosReport
import OuroborosScenario

/// `ouroboros network clear --obligations O.csv --assets A.csv`: Eisenberg–Noe / Rogers–Veraart clearing.
struct NetworkClear: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear",
        abstract: "Clearing payments of an obligations network (Eisenberg–Noe; Rogers–Veraart with --alpha/--beta).",
        discussion: """
            Inputs: --obligations with the header `debtor,creditor,amount` (amounts owed ≥ 0, parallel rows \
            summed) and --assets with the header `entity,external_assets` (≥ 0; every debtor and creditor \
            needs a row; entities listed only here owe and are owed nothing).

            Output: `entity,payment,obligation,defaulted`: the greatest clearing vector's total payment, the \
            total owed and `true`/`false`, one row per entity in order of first appearance (obligations \
            first). With --alpha and/or --beta (each in (0, 1], the other defaulting to 1) a defaulter \
            realises only alpha of its external assets and beta of what it is paid (Rogers–Veraart).
            """
    )

    @Option(help: "Obligations CSV: debtor,creditor,amount.")
    var obligations: String

    @Option(help: "External assets CSV: entity,external_assets.")
    var assets: String

    @Option(help: "Share of external assets a defaulter realises, in (0, 1] (Rogers–Veraart).")
    var alpha: Double?

    @Option(help: "Share of interbank receivables a defaulter realises, in (0, 1] (Rogers–Veraart).")
    var beta: Double?

    func validate() throws {
        for (name, value) in [("alpha", alpha), ("beta", beta)] {
            if let value, !(value > 0 && value <= 1) {
                throw ValidationError("--\(name) must be in (0, 1], found \(value)")
            }
        }
    }

    func run() throws {
        try NetworkInput.run {
            var input = NetworkInput()
            var labels = LabelIndex()
            let list = try input.edges(obligations, from: "debtor", to: "creditor", amount: "amount", labels: &labels)
            let linked = labels.count
            let external = try input.valuePerEntity(
                assets, column: "external_assets", edges: list, edgeFile: obligations,
                linked: linked, labels: &labels
            ) { row, diagnostics in
                row.amount("external_assets", &diagnostics)
            }
            try input.check()
            let graph = try CSRGraph(labelledEdges: list.map { ($0.from, $0.to, $0.amount) }, labels: &labels)
            let e = (0..<labels.count).map { external[$0] ?? 0 }
            let result: ClearingVector
            do {
                if alpha != nil || beta != nil {
                    result = try RogersVeraart.clear(liabilities: graph, externalAssets: e, alpha: alpha ?? 1, beta: beta ?? 1)
                } else {
                    result = try EisenbergNoe.clear(liabilities: graph, externalAssets: e)
                }
            } catch {
                throw NetworkInput.kernelError("clearing", error)
            }
            var output = CSVOutput(header: ["entity", "payment", "obligation", "defaulted"])
            for node in 0..<labels.count {
                output.row([
                    labels[node], NumberText.full(result.payments[node]), NumberText.full(result.obligations[node]),
                    result.defaulted[node] ? "true" : "false",
                ])
            }
            StandardStreams.out(output.text)
        }
    }
}

extension NetworkInput {
    /// One value per entity from an `entity,COLUMN` file in which every entity named in `edges`
    /// (the first `linked` labels) must have a row; a missing row is reported where the entity first
    /// appears in `edgeFile`. New entities in the file are interned after the linked ones.
    mutating func valuePerEntity(
        _ path: String, column: String, edges: [Edge], edgeFile: String, linked: Int, labels: inout LabelIndex,
        value: (CSVTable.Row, inout [Diagnostic]) -> Double?
    ) throws -> [Int: Double] {
        let table = try table(path, ["entity", column])
        let (values, listed) = values(of: table, key: "entity", labels: &labels, intern: true, knownIn: edgeFile, value: value)
        guard table.problems.isEmpty else { return values }
        var reported = Set<Int>()
        for edge in edges {
            for (name, location) in [(edge.from, edge.fromLocation), (edge.to, edge.toLocation)] {
                guard let id = labels.id(of: name), id < linked, !listed.contains(id), !reported.contains(id) else { continue }
                reported.insert(id)
                error("entity '\(name)' has no row in \(path)", at: location)
            }
        }
        return values
    }
}

/// `ouroboros network debtrank --exposures X.csv --equity Q.csv --shock S.csv`: DebtRank.
struct NetworkDebtRank: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debtrank",
        abstract: "DebtRank distress propagation on an exposure network.",
        discussion: """
            Inputs: --exposures with the header `lender,borrower,amount` (the lender's claim on the \
            borrower, ≥ 0); --equity with `entity,equity` (> 0, every lender and borrower needs a row);
            --shock with `entity,shock` (initial relative equity loss in [0, 1]; unlisted entities 0); \
            optionally --weights with `entity,weight` (≥ 0, normalised to sum 1; every entity needs a row; \
            without it, each entity's share of interbank assets).

            Output: `entity,distress` (final relative equity loss), one row per entity in order of first \
            appearance (exposures first), and `DebtRank: VALUE` (the loss beyond the initial shock) on \
            standard error. --differential runs Bardoscia et al. (2015) instead of Battiston et al. (2012).
            """
    )

    @Option(help: "Exposures CSV: lender,borrower,amount.")
    var exposures: String

    @Option(help: "Equity CSV: entity,equity.")
    var equity: String

    @Option(help: "Initial shock CSV: entity,shock.")
    var shock: String

    @Option(help: "Economic weights CSV: entity,weight.")
    var weights: String?

    @Flag(help: "Use the differential DebtRank (distress re-propagates around cycles).")
    var differential = false

    func run() throws {
        try NetworkInput.run {
            var input = NetworkInput()
            var labels = LabelIndex()
            let list = try input.edges(exposures, from: "lender", to: "borrower", amount: "amount", labels: &labels)
            let linked = labels.count
            let equities = try input.valuePerEntity(
                equity, column: "equity", edges: list, edgeFile: exposures,
                linked: linked, labels: &labels
            ) { row, diagnostics in
                row.positive("equity", &diagnostics)
            }
            let shockTable = try input.table(shock, ["entity", "shock"], requireRows: false)
            let shocks = input.values(of: shockTable, key: "entity", labels: &labels, intern: false, knownIn: "\(exposures) or \(equity)") {
                row, diagnostics in
                row.share("shock", &diagnostics)
            }.values
            var economicWeights: [Double]?
            if let weights {
                let weightTable = try input.table(weights, ["entity", "weight"])
                let (read, listedWeights) = input.values(
                    of: weightTable, key: "entity", labels: &labels, intern: false, knownIn: "\(exposures) or \(equity)"
                ) { row, diagnostics in
                    row.amount("weight", &diagnostics)
                }
                if weightTable.problems.isEmpty {
                    var missing: [String] = []
                    for node in 0..<labels.count where !listedWeights.contains(node) {
                        missing.append(labels[node])
                    }
                    if !missing.isEmpty {
                        input.error(
                            "every entity needs a weight: no row for \(missing.map { "'\($0)'" }.joined(separator: ", "))",
                            at: SourceLocation(file: weights, line: 1, column: 1))
                    }
                }
                economicWeights = (0..<labels.count).map { read[$0] ?? 0 }
            }
            try input.check()
            let graph = try CSRGraph(labelledEdges: list.map { ($0.from, $0.to, $0.amount) }, labels: &labels)
            let result: DebtRankResult
            do {
                result = try DebtRank.compute(
                    exposures: graph,
                    equity: (0..<labels.count).map { equities[$0] ?? 0 },
                    initialDistress: (0..<labels.count).map { shocks[$0] ?? 0 },
                    economicWeights: economicWeights,
                    variant: differential ? .differential : .original)
            } catch {
                throw NetworkInput.kernelError("DebtRank", error)
            }
            var output = CSVOutput(header: ["entity", "distress"])
            for node in 0..<labels.count {
                output.row([labels[node], NumberText.full(result.distress[node])])
            }
            StandardStreams.out(output.text)
            StandardStreams.err("DebtRank: \(NumberText.full(result.debtRank))")
        }
    }
}

/// `ouroboros network firesale --holdings H.csv --equity Q.csv --impact I.csv`: leverage-targeting fire sales.
struct NetworkFireSale: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firesale",
        abstract: "Leverage-targeting fire sales after an asset price shock (Greenwood–Landier–Thesmar).",
        discussion: """
            Inputs: --holdings with the header `holder,asset,amount` (units at price 1, ≥ 0; repeated pairs \
            summed); --equity with `holder,equity,debt` (debt ≥ 0; every holder needs a row; equity must \
            equal the holder's total holdings minus its debt, to 1e-9 relative, since the cascade derives \
            equity and leverage from holdings and debt); --impact with `asset,impact` (price impact per \
            unit sold, ≥ 0; every asset needs a row). --shock ASSET=-10% (or ASSET=-0.1) drops one asset's \
            price; without it nothing moves.

            Output: `holder,loss` (equity lost, capped at the holder's equity), one row per holder in order \
            of first appearance, and `aggregate vulnerability: VALUE` (total loss / total equity) on \
            standard error.
            """
    )

    @Option(help: "Holdings CSV: holder,asset,amount.")
    var holdings: String

    @Option(help: "Balance sheets CSV: holder,equity,debt.")
    var equity: String

    @Option(help: "Price impact CSV: asset,impact.")
    var impact: String

    @Option(help: "The price shock, ASSET=-P% or ASSET=-F (a drop of P percent or the fraction F).")
    var shock: String?

    /// The shocked asset and the relative drop in [0, 1], or a usage error.
    func parsedShock() throws -> (asset: String, drop: Double)? {
        guard let shock else { return nil }
        guard let equals = shock.lastIndex(of: "="), equals != shock.startIndex else {
            throw ValidationError("--shock '\(shock)': expected ASSET=-P% or ASSET=-F, e.g. chips=-10%")
        }
        let asset = String(shock[..<equals])
        var size = String(shock[shock.index(after: equals)...])
        var scale = 1.0
        if size.hasSuffix("%") {
            size.removeLast()
            scale = 100
        }
        guard let value = Double(size), value.isFinite else {
            throw ValidationError("--shock '\(shock)': expected a number after '=', e.g. \(asset)=-10%")
        }
        let drop = -value / scale
        guard drop >= 0, drop <= 1 else {
            throw ValidationError("--shock '\(shock)': expected a price drop between 0 and -100% (-1)")
        }
        return (asset, drop)
    }

    func validate() throws {
        _ = try parsedShock()
    }

    func run() throws {
        try NetworkInput.run {
            let shock = try parsedShock()
            var input = NetworkInput()
            var holders = LabelIndex()
            var assets = LabelIndex()
            var positions: [Int: [Int: Double]] = [:]
            var firstHolding: [Int: SourceLocation] = [:]
            var firstAsset: [Int: SourceLocation] = [:]
            let holdingTable = try input.table(holdings, ["holder", "asset", "amount"])
            for row in holdingTable.rows {
                let holder = row.label("holder", &input.diagnostics)
                let asset = row.label("asset", &input.diagnostics)
                let amount = row.amount("amount", &input.diagnostics)
                guard let holder, let asset, let amount else { continue }
                let b = holders.intern(holder)
                let a = assets.intern(asset)
                positions[b, default: [:]][a, default: 0] += amount
                if firstHolding[b] == nil { firstHolding[b] = row.location("holder") }
                if firstAsset[a] == nil { firstAsset[a] = row.location("asset") }
            }
            let held = holders.count
            var debts: [Int: Double] = [:]
            var seen: [Int: Int] = [:]
            let sheetTable = try input.table(equity, ["holder", "equity", "debt"])
            for row in sheetTable.rows {
                let holder = row.label("holder", &input.diagnostics)
                let stated = row.number("equity", &input.diagnostics)
                let debt = row.amount("debt", &input.diagnostics)
                guard let holder else { continue }
                guard let b = holders.id(of: holder) else {
                    input.error("holder '\(holder)' holds nothing in \(holdings): expected every holder to hold assets", at: row.location("holder"))
                    continue
                }
                if let line = seen[b] {
                    input.error("holder '\(holder)' is listed twice: expected one row per holder (first on line \(line))", at: row.location("holder"))
                    continue
                }
                seen[b] = row.line
                guard let stated, let debt else { continue }
                let total = positions[b, default: [:]].values.reduce(0, +)
                let implied = total - debt
                if abs(stated - implied) > 1e-9 * max(1, abs(total), abs(debt)) {
                    input.error(
                        "expected equity = holdings − debt = \(NumberText.full(implied)) (holdings \(NumberText.full(total)), debt \(NumberText.full(debt))), found \(row.text("equity"))",
                        at: row.location("equity"))
                    continue
                }
                if !(implied > 0) {
                    input.error("holder '\(holder)' has equity \(NumberText.full(implied)): expected equity > 0", at: row.location("equity"))
                    continue
                }
                debts[b] = debt
            }
            if sheetTable.problems.isEmpty {
                for b in 0..<held where seen[b] == nil {
                    input.error("holder '\(holders[b])' has no row in \(equity)", at: firstHolding[b])
                }
            }
            let impactTable = try input.table(impact, ["asset", "impact"])
            let (impacts, listedImpacts) = input.values(of: impactTable, key: "asset", labels: &assets, intern: true, knownIn: holdings) {
                row, diagnostics in
                row.amount("impact", &diagnostics)
            }
            if impactTable.problems.isEmpty {
                for a in 0..<assets.count where !listedImpacts.contains(a) {
                    input.error("asset '\(assets[a])' has no row in \(impact)", at: firstAsset[a])
                }
            }
            var shockedAsset = 0
            var drop = 0.0
            if let shock {
                if let a = assets.id(of: shock.asset) {
                    shockedAsset = a
                    drop = shock.drop
                } else if input.diagnostics.isEmpty {
                    input.error("--shock names asset '\(shock.asset)', which does not appear in \(holdings) or \(impact)", at: nil)
                }
            }
            try input.check()
            let matrix = (0..<holders.count).map { b in (0..<assets.count).map { a in positions[b]?[a] ?? 0 } }
            let result: FireSaleResult
            do {
                result = try FireSale.run(
                    holdings: matrix,
                    debt: (0..<holders.count).map { debts[$0] ?? 0 },
                    impact: (0..<assets.count).map { impacts[$0] ?? 0 },
                    shockedAsset: shockedAsset, drop: drop)
            } catch {
                throw NetworkInput.kernelError("fire sale", error)
            }
            var output = CSVOutput(header: ["holder", "loss"])
            for b in 0..<holders.count {
                output.row([holders[b], NumberText.full(result.losses[b])])
            }
            StandardStreams.out(output.text)
            StandardStreams.err("aggregate vulnerability: \(NumberText.full(result.aggregateVulnerability))")
            if !result.converged {
                StandardStreams.err("note: the cascade stopped after \(result.rounds) rounds without converging")
            }
        }
    }
}
