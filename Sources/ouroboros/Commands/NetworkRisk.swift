import ArgumentParser
import OuroborosReport

/// `ouroboros network clear --obligations O.csv --assets A.csv`: Eisenberg–Noe / Rogers–Veraart clearing.
struct NetworkClear: AsyncParsableCommand {
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

    func run() async throws {
        try await ExitStatus.mapping { try NetworkKernelRun.clear(obligations: obligations, assets: assets, alpha: alpha, beta: beta).print() }
    }
}

/// `ouroboros network debtrank --exposures X.csv --equity Q.csv --shock S.csv`: DebtRank.
struct NetworkDebtRank: AsyncParsableCommand {
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

    func run() async throws {
        try await ExitStatus.mapping {
            try NetworkKernelRun.debtRank(exposures: exposures, equity: equity, shock: shock, weights: weights, differential: differential).print()
        }
    }
}

/// `ouroboros network firesale --holdings H.csv --equity Q.csv --impact I.csv`: leverage-targeting fire sales.
struct NetworkFireSale: AsyncParsableCommand {
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

    func run() async throws {
        try await ExitStatus.mapping {
            try NetworkKernelRun.fireSale(holdings: holdings, equity: equity, impact: impact, shock: try parsedShock()).print()
        }
    }
}
