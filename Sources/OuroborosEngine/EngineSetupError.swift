/// A scenario the engine cannot lay out: a name that does not resolve, or terms that are missing.
public enum EngineSetupError: Error, Sendable, CustomStringConvertible {
    /// A deal names an entity that is not in the scenario.
    case unknownEntity(deal: String, id: String)
    /// A deal or shock names a market that is not in the scenario.
    case unknownMarket(deal: String, id: String)
    /// A market names an issuer or holder that is not in the scenario.
    case unknownHolder(market: String, id: String)
    /// A shock names an entity that is not in the scenario.
    case unknownShockTarget(shock: String, id: String)
    /// A deal lacks a term its kind needs (e.g. a share pledge without `market`).
    case missingTerm(deal: String, term: String)
    /// The calendar or macro paths cannot be used (e.g. a path shorter than the horizon).
    case invalidCalendar(String)
    /// The chart of accounts could not be built.
    case invalidChart(String)

    /// One sentence naming the problem and what was expected.
    public var description: String {
        switch self {
        case .unknownEntity(let deal, let id):
            return "deal \(deal) names entity '\(id)', which is not in the scenario"
        case .unknownMarket(let deal, let id):
            return "\(deal) names market '\(id)', which is not in the scenario"
        case .unknownHolder(let market, let id):
            return "market \(market) names entity '\(id)', which is not in the scenario"
        case .unknownShockTarget(let shock, let id):
            return "shock \(shock) names entity '\(id)', which is not in the scenario"
        case .missingTerm(let deal, let term):
            return "deal \(deal) needs '\(term)'"
        case .invalidCalendar(let reason):
            return "calendar: \(reason)"
        case .invalidChart(let reason):
            return "chart of accounts: \(reason)"
        }
    }
}
