public import OuroborosCore
public import OuroborosEngine

/// What a sensitivity study measures in each run.
///
/// `broke` (1 when the loop broke within the horizon, else 0: its mean is the break probability),
/// `broke-by:YEAR` (1 when it broke by the end of YEAR), `time-to-break` (periods until the break;
/// T + 1 when it held), `end:ENTITY.SERIES` (an entity's last value of `cash`, `debt`, `value`,
/// `revenue` — summed over the run — or `capacity`).
public enum SensitivityOutcome: Sendable, Hashable, CustomStringConvertible {
    case broke
    case brokeBy(year: Int)
    case timeToBreak
    case endValue(entity: String, series: String)

    /// The series `end:` may name.
    public static let endSeries = ["cash", "debt", "value", "revenue", "capacity"]

    /// The forms accepted, for messages.
    public static let forms = "broke, broke-by:YEAR, time-to-break or end:ENTITY.SERIES (SERIES: \(endSeries.joined(separator: ", ")))"

    /// Parses `text` against `scenario`; nil with the reason when it names nothing.
    public static func parse(_ text: String, scenario: NetworkScenario) -> Result<SensitivityOutcome, SensitivityOutcomeError> {
        if text == "broke" { return .success(.broke) }
        if text == "time-to-break" { return .success(.timeToBreak) }
        if text.hasPrefix("broke-by:") {
            guard let year = Int(text.dropFirst("broke-by:".count)) else {
                return .failure(SensitivityOutcomeError("expected broke-by:YEAR such as broke-by:2028, found '\(text)'"))
            }
            let first = scenario.calendar.start.year
            let last = Int(scenario.calendar.label(scenario.calendar.periods).prefix(4)) ?? first
            guard (first...last).contains(year) else {
                return .failure(SensitivityOutcomeError("the year \(year) is outside the calendar (\(first)…\(last))"))
            }
            return .success(.brokeBy(year: year))
        }
        if text.hasPrefix("end:") {
            let parts = text.dropFirst("end:".count).split(separator: ".").map(String.init)
            guard parts.count == 2 else {
                return .failure(SensitivityOutcomeError("expected end:ENTITY.SERIES such as end:openai.cash, found '\(text)'"))
            }
            guard scenario.entityIndex(parts[0]) != nil else {
                return .failure(
                    SensitivityOutcomeError("no entity '\(parts[0])'; expected one of: \(scenario.entities.map(\.id).joined(separator: ", "))"))
            }
            guard endSeries.contains(parts[1]) else {
                return .failure(SensitivityOutcomeError("no series '\(parts[1])'; expected one of: \(endSeries.joined(separator: ", "))"))
            }
            return .success(.endValue(entity: parts[0], series: parts[1]))
        }
        return .failure(SensitivityOutcomeError("unknown outcome '\(text)'; expected \(forms)"))
    }

    /// The outcome's value in `result`.
    public func value(of result: NetworkRunResult, calendar: Timeline) -> Double {
        let breakPeriod = result.summary.broke ? result.summary.breakPeriod : nil
        switch self {
        case .broke:
            return breakPeriod == nil ? 0 : 1
        case .brokeBy(let year):
            guard let breakPeriod else { return 0 }
            return (Int(calendar.label(breakPeriod).prefix(4)) ?? Int.max) <= year ? 1 : 0
        case .timeToBreak:
            return Double(breakPeriod ?? calendar.periods + 1)
        case .endValue(let entity, let series):
            guard let run = result.entity(entity) else { return 0 }
            switch series {
            case "cash": return run.cash.last ?? 0
            case "debt": return run.debt.last ?? 0
            case "value": return run.marketValue.last ?? 0
            case "revenue": return run.revenue.reduce(0, +)
            default: return run.capacityGW.last ?? 0
            }
        }
    }

    /// The value given to a run that stopped with an error: the loop counts as broken at once.
    public func valueOfFailedRun(calendar: Timeline) -> Double {
        switch self {
        case .broke, .brokeBy: 1
        case .timeToBreak: 0
        case .endValue: 0
        }
    }

    /// As written.
    public var description: String {
        switch self {
        case .broke: "broke"
        case .brokeBy(let year): "broke-by:\(year)"
        case .timeToBreak: "time-to-break"
        case .endValue(let entity, let series): "end:\(entity).\(series)"
        }
    }
}

/// An outcome that names nothing.
public struct SensitivityOutcomeError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var description: String

    init(_ description: String) { self.description = description }
}
