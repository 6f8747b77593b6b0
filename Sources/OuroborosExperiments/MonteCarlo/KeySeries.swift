public import OuroborosCore
import OuroborosCore
public import OuroborosEngine

/// A series of a run whose spread across runs an experiment reports (quantiles per period).
public struct KeySeries: Sendable, Hashable, Codable {
    /// Short name, e.g. `ai_equity_index`, `price:crypto`, `debt:ai_firms`.
    public var name: String
    /// What it is, with its unit.
    public var meaning: String

    /// The key series of `scenario`: the AI equity index, sentiment, the price of each crypto market,
    /// the debt of the AI firms (labs, wrappers, clouds, chipmakers) and the cash of the model labs.
    public static func all(for scenario: NetworkScenario) -> [KeySeries] {
        var series = [
            KeySeries(name: "ai_equity_index", meaning: "AI equity index (value-weighted listed AI equity, 1 at the opening)"),
            KeySeries(name: "sentiment", meaning: "market sentiment (1 = neutral)"),
        ]
        for market in scenario.markets where market.kind == .crypto {
            series.append(KeySeries(name: "price:\(market.id)", meaning: "price of \(market.id), USD"))
        }
        series.append(KeySeries(name: "debt:ai_firms", meaning: "debt of labs, wrappers, clouds and chipmakers, USD"))
        series.append(KeySeries(name: "cash:model_labs", meaning: "cash of the model labs, USD"))
        return series
    }

    /// The sectors whose debt `debt:ai_firms` adds up.
    static let aiFirmSectors: Set<Sector> = [.modelLab, .wrapperStartup, .hyperscaler, .neocloud, .chipmaker]

    /// The series' values in `result` at `periods`.
    public func values(in result: NetworkRunResult, at periods: [Int]) -> [Double] {
        let full: [Double]
        switch name {
        case "ai_equity_index": full = result.macro.aiEquityIndex
        case "sentiment": full = result.macro.sentiment
        case "debt:ai_firms": full = Self.sum(result.entities.filter { Self.aiFirmSectors.contains($0.sector) }.map(\.debt))
        case "cash:model_labs": full = Self.sum(result.entities.filter { $0.sector == .modelLab }.map(\.cash))
        default:
            let id = name.hasPrefix("price:") ? String(name.dropFirst("price:".count)) : name
            full = result.market(id)?.price ?? []
        }
        return periods.map { full.indices.contains($0) ? full[$0] : 0 }
    }

    private static func sum(_ series: [[Double]]) -> [Double] {
        guard let first = series.first else { return [] }
        var total = first
        for other in series.dropFirst() { for t in total.indices where t < other.count { total[t] += other[t] } }
        return total
    }

    /// The periods at which experiments keep key series: the opening, the end of every quarter
    /// (every period of a quarterly calendar) and the last period.
    public static func samplePeriods(_ calendar: Timeline) -> [Int] {
        var periods = [0]
        for t in 1...calendar.periods {
            let month = (calendar.start.month - 1 + t * calendar.monthsPerStep - 1) % 12 + 1
            if month % 3 == 0 || t == calendar.periods { periods.append(t) }
        }
        return periods
    }
}
