import OuroborosCore
public import OuroborosNetwork

/// The input of `ouroboros network firesale`: holdings (`holder,asset,amount`, repeated pairs
/// summed), balance sheets (`holder,equity,debt`, equity = holdings − debt > 0, every holder),
/// price impacts (`asset,impact`, every asset) and the shocked asset.
public struct FireSaleInput: Sendable {
    /// The holders, by row of `holdings`.
    public var holders: LabelIndex
    /// The assets, by column of `holdings`.
    public var assets: LabelIndex
    /// Units held at price 1: `holdings[holder][asset]`.
    public var holdings: [[Double]]
    /// Each holder's debt.
    public var debt: [Double]
    /// Each asset's price impact per unit sold.
    public var impact: [Double]
    /// The shocked asset (0 when there is no shock).
    public var shockedAsset: Int
    /// Its relative price drop in [0, 1] (0 when there is no shock).
    public var drop: Double

    /// Reads the files; `shock` names an asset and its drop. Every problem is thrown together as
    /// a `DiagnosticList`.
    public init(holdings path: String, equity equityPath: String, impact impactPath: String, shock: (asset: String, drop: Double)?) throws {
        var tables = KernelTables()
        var holders = LabelIndex()
        var assets = LabelIndex()
        var positions: [Int: [Int: Double]] = [:]
        var firstHolding: [Int: SourceLocation] = [:]
        var firstAsset: [Int: SourceLocation] = [:]
        for row in try tables.table(path, ["holder", "asset", "amount"]).rows {
            let holder = row.label("holder", &tables.diagnostics)
            let asset = row.label("asset", &tables.diagnostics)
            let amount = row.amount("amount", &tables.diagnostics)
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
        let sheetTable = try tables.table(equityPath, ["holder", "equity", "debt"])
        for row in sheetTable.rows {
            let holder = row.label("holder", &tables.diagnostics)
            let stated = row.number("equity", &tables.diagnostics)
            let debt = row.amount("debt", &tables.diagnostics)
            guard let holder else { continue }
            guard let b = holders.id(of: holder) else {
                tables.error("holder '\(holder)' holds nothing in \(path): expected every holder to hold assets", at: row.location("holder"))
                continue
            }
            if let line = seen[b] {
                tables.error("holder '\(holder)' is listed twice: expected one row per holder (first on line \(line))", at: row.location("holder"))
                continue
            }
            seen[b] = row.line
            guard let stated, let debt else { continue }
            let total = positions[b, default: [:]].values.reduce(0, +)
            let implied = total - debt
            if abs(stated - implied) > 1e-9 * max(1, abs(total), abs(debt)) {
                tables.error(
                    "expected equity = holdings − debt = \(NumberText.full(implied)) (holdings \(NumberText.full(total)), debt \(NumberText.full(debt))), found \(row.text("equity"))",
                    at: row.location("equity"))
                continue
            }
            if !(implied > 0) {
                tables.error("holder '\(holder)' has equity \(NumberText.full(implied)): expected equity > 0", at: row.location("equity"))
                continue
            }
            debts[b] = debt
        }
        if sheetTable.problems.isEmpty {
            tables.requireRows("holder", labels: holders, count: held, listed: { seen[$0] != nil }, in: equityPath, firstSeen: firstHolding)
        }
        let impactTable = try tables.table(impactPath, ["asset", "impact"])
        let (impacts, listedImpacts) = tables.values(of: impactTable, key: "asset", labels: &assets, intern: true, knownIn: path) {
            row, diagnostics in
            row.amount("impact", &diagnostics)
        }
        if impactTable.problems.isEmpty {
            tables.requireRows("asset", labels: assets, count: assets.count, listed: listedImpacts.contains, in: impactPath, firstSeen: firstAsset)
        }
        shockedAsset = 0
        drop = 0
        if let shock {
            if let a = assets.id(of: shock.asset) {
                shockedAsset = a
                drop = shock.drop
            } else if tables.diagnostics.isEmpty {
                tables.error("--shock names asset '\(shock.asset)', which does not appear in \(path) or \(impactPath)", at: nil)
            }
        }
        try tables.check()
        holdings = (0..<holders.count).map { b in (0..<assets.count).map { a in positions[b]?[a] ?? 0 } }
        debt = (0..<holders.count).map { debts[$0] ?? 0 }
        impact = (0..<assets.count).map { impacts[$0] ?? 0 }
        self.holders = holders
        self.assets = assets
    }
}
