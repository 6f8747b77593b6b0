import OuroborosCore
public import OuroborosEngine
import OuroborosStore

/// Renders a network run: the one-screen answer (does the loop hold, where is it weakest, who
/// is funded by whom), the JSON object, and the long CSV.
public struct NetworkRunReport: Sendable {
    /// The run to render.
    public var result: NetworkRunResult
    /// The shocks applied, as written.
    public var shocks: [String]
    /// The seed used.
    public var seed: UInt64 { result.seed }

    /// Creates a report.
    public init(result: NetworkRunResult, shocks: [String] = []) {
        self.result = result
        self.shocks = shocks
    }

    /// Long CSV: `period,entity,variable,value`, entities then markets then macro series: the
    /// run's series as the run store keeps them, so that `ouroboros export` prints the same bytes.
    public func csv() -> String {
        RunSeries(network: result).csv()
    }

    /// One JSON object with `scenario`, `seed`, `shocks`, `periods`, `entities`, `markets`, `macro`,
    /// `events`, `capital_cycles`, `checks` and `summary`; keys in a fixed order, equal runs give equal bytes.
    public func json() -> String {
        let labels = result.periodLabels
        func array(_ values: [Double]) -> String { "[" + values.map(NumberText.full).joined(separator: ", ") + "]" }
        func string(_ text: String) -> String { NumberText.jsonString(text) }
        func event(_ e: EngineEvent) -> String { e.json(periodLabels: labels) }
        var out = "{\n"
        out += "  \"scenario\": \(string(result.scenarioName)),\n"
        out += "  \"seed\": \(seed),\n"
        out += "  \"shocks\": [" + shocks.map(string).joined(separator: ", ") + "],\n"
        out += "  \"periods\": [" + labels.map(string).joined(separator: ", ") + "],\n"
        out += "  \"entities\": [\n"
        out += result.entities.map { e in
            let series = e.exportedSeries.map { "\(string($0.name)): \(array($0.values))" }.joined(separator: ", ")
            let origin = e.revenueOrigin
            return "    {\"id\": \(string(e.id)), \"name\": \(string(e.name)), \"sector\": \(string(e.sector.rawValue)), "
                + "\"revenue_origin\": {\"end_users\": \(NumberText.full(origin.endUsers)), \"investors\": \(NumberText.full(origin.investors)), "
                + "\"lenders\": \(NumberText.full(origin.lenders)), \"round_trip\": \(NumberText.full(origin.roundTrip)), "
                + "\"other\": \(NumberText.full(origin.other))}, \"series\": {\(series)}}"
        }.joined(separator: ",\n")
        out += "\n  ],\n"
        out +=
            "  \"markets\": {"
            + result.markets.map { "\(string($0.id)): {\"kind\": \(string($0.kind.rawValue)), \"price\": \(array($0.price))}" }
            .joined(separator: ", ") + "},\n"
        out += "  \"macro\": {" + result.macro.exportedSeries.map { "\(string($0.name)): \(array($0.values))" }.joined(separator: ", ") + "},\n"
        out += "  \"events\": [\n" + result.events.map { "    " + event($0) }.joined(separator: ",\n") + "\n  ],\n"
        out +=
            "  \"capital_cycles\": ["
            + result.capitalCycles.map { c in
                "{\"entities\": [" + c.entities.map(string).joined(separator: ", ")
                    + "], \"bottleneck\": \(string(c.bottleneck)), \"bottleneck_amount\": \(NumberText.full(c.bottleneckAmount)), \"share\": \(NumberText.full(c.shareOfDealFlow))}"
            }.joined(separator: ", ") + "],\n"
        out += "  \"checks\": {\"max_relative_imbalance\": \(NumberText.full(result.maxRelativeImbalance))},\n"
        let s = result.summary
        out += "  \"summary\": {\"broke\": \(s.broke), \"break_period\": \(s.breakLabel.map(string) ?? "null"), "
        out += "\"first_failure\": \(s.firstFailure.map(event) ?? "null"), \"weakest_link\": \(string(s.weakestLink)), "
        out += "\"chain\": [" + s.chain.map(event).joined(separator: ", ") + "]}\n"
        out += "}\n"
        return out
    }

    /// The one-screen answer for people.
    public func table() -> String {
        let labels = result.periodLabels
        let s = result.summary
        var out = "\(result.scenarioName): \(labels[1]) to \(labels[labels.count - 1]) (\(labels.count - 1) periods), seed \(seed)"
        out += shocks.isEmpty ? ", no shocks\n\n" : ", shocks: \(shocks.joined(separator: ", "))\n\n"
        if s.broke, let failure = s.firstFailure {
            out += "THE LOOP BREAKS in \(s.breakLabel ?? labels[failure.period]): \(failure.entity) — \(failure.type.rawValue): \(failure.cause)\n"
            if !s.chain.isEmpty {
                out += "then:\n"
                for e in s.chain.prefix(8) {
                    out += "  \(labels[e.period])  \(e.entity)  \(e.type.rawValue)  \(MoneyText.short(e.amount))  \(e.cause)\n"
                }
            }
        } else {
            out += "The loop holds through \(labels[labels.count - 1]).\n"
        }
        out += "Weakest link: \(s.weakestLink)\n"
        if !result.capitalCycles.isEmpty {
            out += "\nCapital cycles (money that comes back to where it started):\n"
            for cycle in result.capitalCycles.prefix(8) {
                out += "  " + (cycle.entities + [cycle.entities[0]]).joined(separator: " → ")
                out +=
                    "   bottleneck \(cycle.bottleneck) \(MoneyText.short(cycle.bottleneckAmount)), \(NumberText.fixed(cycle.shareOfDealFlow * 100, decimals: 1))% of deal flow\n"
            }
            if result.capitalCycles.count > 8 { out += "  … and \(result.capitalCycles.count - 8) more (see --format json)\n" }
        }
        out += "\nFirms at \(labels[labels.count - 1]) — revenue over the run and where it came from:\n"
        var table = TextTable(
            header: ["firm", "sector", "cash", "debt", "value", "revenue", "end users", "investors", "lenders", "round trip"], textColumns: [1])
        let last = labels.count - 1
        for e in result.entities where e.isFirm {
            let o = e.revenueOrigin
            let revenue = e.revenue.reduce(0, +)
            func pct(_ x: Double) -> String { revenue > 0 ? NumberText.fixed(x * 100, decimals: 1) + "%" : "–" }
            table.rows.append([
                e.id, e.sector.rawValue, MoneyText.short(e.cash[last]), MoneyText.short(e.debt[last]),
                MoneyText.short(e.marketValue[last]), MoneyText.short(revenue),
                pct(o.endUsers), pct(o.investors), pct(o.lenders), pct(o.roundTrip),
            ])
        }
        out += table.rendered()
        let largest = result.events.filter { $0.type.isHeadline }.sorted { abs($0.amount) > abs($1.amount) }.prefix(10)
        if !largest.isEmpty {
            out += "\nLargest events:\n"
            var events = TextTable(header: ["period", "entity", "event", "amount", "cause"], textColumns: [1, 2, 4])
            for e in largest {
                events.rows.append([labels[e.period], e.entity, e.type.rawValue, MoneyText.short(e.amount), e.cause])
            }
            out += events.rendered()
        }
        out += "\nchecks: balance-sheet and transactions-flow matrices closed in every period "
        out += "(largest relative imbalance \(NumberText.full(result.maxRelativeImbalance)))\n"
        return out
    }
}

/// Dollar amounts for people: `$1.4T`, `$300B`, `-$3.2B` (Core's formatter, three significant digits).
enum MoneyText {
    static func short(_ value: Double) -> String {
        value.isFinite ? MoneyAmount(value).formatted(significantDigits: 3) : "\(value)"
    }
}

extension EntityRun {
    /// Operating firms and investors: the rows of the per-firm table (not households, banks, the state).
    var isFirm: Bool {
        switch sector {
        case .modelLab, .wrapperStartup, .hyperscaler, .neocloud, .chipmaker, .sovereignInvestor, .ventureFund,
            .hedgeFund, .privateCredit, .insider, .powerGrid:
            true
        default:
            false
        }
    }
}

extension EngineEvent.Kind {
    /// Events worth listing among the largest: money that moved or failed (not GW, not headlines).
    var isHeadline: Bool {
        switch self {
        case .chipDelivery, .capacityEnergised, .capacityStranded, .announcement, .shock, .warrantVested:
            false
        default:
            true
        }
    }
}
