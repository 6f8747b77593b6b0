/// The address of one number in a network scenario that an `uncertain:` entry (or a sensitivity
/// study) varies. Written with dots, the first word naming the section:
///
/// | Path                           | The number                                                        |
/// |--------------------------------|-------------------------------------------------------------------|
/// | `behaviour.GROUP.NAME`         | a behaviour parameter of a sector group (`behaviour.model_lab.fail_sentiment`) |
/// | `entities.ID.NAME`             | an entity's own parameter (`entities.openai.user_growth`) or opening figure (`cash`, `bonds`, `bank_loans`,
/// `private_credit`, `fixed_capital`, `capacity`, `valuation`) |
/// | `markets.ID.FIELD`             | a market's `price`, `duration`, `reflexivity`, `depth` or `liquidity_beta` |
/// | `deals.ID.amount`              | a deal's headline amount; its tranches scale with it               |
/// | `macro.PATH.DATE`              | the step of a macro path (`policy_rate`, `liquidity`, `reserve_ratio`, `capital_ratio`) that holds at DATE |
/// | `shocks.N.size`                | the size of the N-th shock of the file (1 = the first)            |
public enum ParameterPath: Sendable, Hashable, CustomStringConvertible {
    /// `behaviour.GROUP.NAME`.
    case behaviour(group: String, name: String)
    /// `entities.ID.NAME`: a parameter in the entity's `params` or one of its opening figures.
    case entity(id: String, field: String)
    /// `markets.ID.FIELD`.
    case market(id: String, field: String)
    /// `deals.ID.amount`.
    case dealAmount(id: String)
    /// `macro.PATH.DATE`: the periods `periods` (the step holding at the date) of path `name`.
    case macroStep(name: String, date: String, periods: ClosedRange<Int>)
    /// `shocks.N.size` (N from 1).
    case shockSize(number: Int)

    /// The opening figures of an entity that a path may name, with their keys in the file.
    public static let entityFigures = ["cash", "bonds", "bank_loans", "private_credit", "fixed_capital", "capacity", "valuation"]

    /// The market fields a path may name.
    public static let marketFields = ["price", "duration", "reflexivity", "depth", "liquidity_beta"]

    /// The path as written.
    public var description: String {
        switch self {
        case .behaviour(let group, let name): "behaviour.\(group).\(name)"
        case .entity(let id, let field): "entities.\(id).\(field)"
        case .market(let id, let field): "markets.\(id).\(field)"
        case .dealAmount(let id): "deals.\(id).amount"
        case .macroStep(let name, let date, _): "macro.\(name).\(date)"
        case .shockSize(let number): "shocks.\(number).size"
        }
    }

    /// The number the path names in `scenario` (the value without uncertainty).
    public func value(in scenario: NetworkScenario) -> Double {
        switch self {
        case .behaviour(let group, let name):
            return scenario.behaviour[group]?[name] ?? BehaviourCatalog.parameter(group: group, name: name)?.defaultValue ?? 0
        case .entity(let id, let field):
            guard let e = scenario.entityIndex(id) else { return 0 }
            let spec = scenario.entities[e]
            if let keyPath = Self.entityKeyPath(field) { return spec[keyPath: keyPath] }
            let group = spec.sector.rawValue
            return spec.parameters[field] ?? scenario.behaviour[group]?[field]
                ?? BehaviourCatalog.parameter(group: group, name: field)?.defaultValue ?? 0
        case .market(let id, let field):
            guard let m = scenario.marketIndex(id), let keyPath = Self.marketKeyPath(field) else { return 0 }
            return scenario.markets[m][keyPath: keyPath]
        case .dealAmount(let id):
            return scenario.deals.first { $0.id == id }?.amount ?? 0
        case .macroStep(let name, _, let periods):
            let path = Self.macroPath(name, of: scenario.macro)
            return path.indices.contains(periods.lowerBound) ? path[periods.lowerBound] : 0
        case .shockSize(let number):
            return scenario.shocks.indices.contains(number - 1) ? scenario.shocks[number - 1].size : 0
        }
    }

    /// Sets the number the path names in `scenario` to `value`.
    public func apply(_ value: Double, to scenario: inout NetworkScenario) {
        switch self {
        case .behaviour(let group, let name):
            scenario.behaviour[group, default: [:]][name] = value
        case .entity(let id, let field):
            guard let e = scenario.entityIndex(id) else { return }
            if let keyPath = Self.entityKeyPath(field) {
                scenario.entities[e][keyPath: keyPath] = value
            } else {
                scenario.entities[e].parameters[field] = value
            }
        case .market(let id, let field):
            guard let m = scenario.marketIndex(id), let keyPath = Self.marketKeyPath(field) else { return }
            scenario.markets[m][keyPath: keyPath] = value
        case .dealAmount(let id):
            guard let d = scenario.deals.firstIndex(where: { $0.id == id }) else { return }
            let old = scenario.deals[d].amount
            scenario.deals[d].amount = value
            let scale = old != 0 ? value / old : 0
            for k in scenario.deals[d].tranches.indices { scenario.deals[d].tranches[k].amount *= scale }
        case .macroStep(let name, _, let periods):
            var path = Self.macroPath(name, of: scenario.macro)
            for t in periods where path.indices.contains(t) { path[t] = value }
            switch name {
            case "policy_rate": scenario.macro.policyRate = path
            case "liquidity": scenario.macro.liquidity = path
            case "reserve_ratio": scenario.macro.reserveRatio = path
            default: scenario.macro.capitalRatio = path
            }
        case .shockSize(let number):
            guard scenario.shocks.indices.contains(number - 1) else { return }
            scenario.shocks[number - 1].size = value
        }
    }

    /// Whether the path still names something in `scenario` (a deal may have been removed by a file extending it).
    public func resolves(in scenario: NetworkScenario) -> Bool {
        switch self {
        case .behaviour: true
        case .entity(let id, _): scenario.entityIndex(id) != nil
        case .market(let id, _): scenario.marketIndex(id) != nil
        case .dealAmount(let id): scenario.deals.contains { $0.id == id && $0.amount != 0 }
        case .macroStep(_, _, let periods): periods.upperBound <= scenario.calendar.periods
        case .shockSize(let number): scenario.shocks.indices.contains(number - 1)
        }
    }

    static func entityKeyPath(_ field: String) -> WritableKeyPath<EntitySpec, Double>? {
        switch field {
        case "cash": \.cash
        case "bonds": \.bonds
        case "bank_loans": \.bankLoans
        case "private_credit": \.privateCredit
        case "fixed_capital": \.fixedCapital
        case "capacity": \.capacityGW
        case "valuation": \.privateValuation
        default: nil
        }
    }

    static func marketKeyPath(_ field: String) -> WritableKeyPath<MarketSpec, Double>? {
        switch field {
        case "price": \.price
        case "duration": \.duration
        case "reflexivity": \.reflexivity
        case "depth": \.depth
        case "liquidity_beta": \.liquidityBeta
        default: nil
        }
    }

    public static func macroPath(_ name: String, of macro: MacroPaths) -> [Double] {
        switch name {
        case "policy_rate": macro.policyRate
        case "liquidity": macro.liquidity
        case "reserve_ratio": macro.reserveRatio
        default: macro.capitalRatio
        }
    }

    /// The periods of the step of `path` that holds at period `t`: the longest run of equal values around it.
    public static func step(of path: [Double], at t: Int) -> ClosedRange<Int> {
        guard path.indices.contains(t) else { return t...t }
        var low = t
        var high = t
        while low > 0, path[low - 1] == path[t] { low -= 1 }
        while high + 1 < path.count, path[high + 1] == path[t] { high += 1 }
        return low...high
    }
}
