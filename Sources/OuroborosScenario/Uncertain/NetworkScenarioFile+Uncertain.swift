import OuroborosCore
import OuroborosEngine

/// The `uncertain:` section: `PATH: {dist: NAME, …}` entries over the base's (see `ParameterPath`).
///
/// ```yaml
/// uncertain:
///   entities.openai.user_growth: {dist: uniform, low: 0.3, high: 0.9}
///   behaviour.model_lab.fail_sentiment: {dist: triangular, low: 0.45, mode: 0.55, high: 0.65}
///   deals.X-microsoft-capex-2027.amount: {dist: normal, mean: $140B, sd: $20B, low: $60B}
///   entities.openai.arpu: {dist: lognormal, median: $240, sigma: 0.2}
///   macro.policy_rate.2026-06: {dist: discrete, values: [2.88%, 3.38%, 3.88%], weights: [1, 2, 1]}
///   shocks.1.size: {dist: uniform, low: 100bp, high: 400bp}
/// ```
///
/// A path written again replaces the base's entry; `PATH: ~` drops it. Base entries whose path no
/// longer names anything (a removed deal) are dropped.
extension NetworkScenarioDecoder {
    /// The keys each distribution needs and may have.
    static let distributionKeys: [String: (required: [String], optional: [String])] = [
        "uniform": (["low", "high"], []),
        "normal": (["mean", "sd"], ["low", "high"]),
        "lognormal": (["median", "sigma"], ["low", "high"]),
        "triangular": (["low", "mode", "high"], []),
        "discrete": (["values"], ["weights"]),
    ]

    /// Decodes `uncertain:` against the scenario decoded so far.
    mutating func decodeUncertain(_ node: YAMLNode?, into scenario: inout NetworkScenario) {
        var entries = (base?.uncertain ?? []).filter { $0.path.resolves(in: scenario) }
        guard let node,
            let pairs = reader.mapping(
                node,
                expected: "a mapping of parameter paths to distributions, e.g. {entities.openai.user_growth: {dist: uniform, low: 0.3, high: 0.9}}")
        else {
            scenario.uncertain = entries
            return
        }
        for pair in pairs {
            guard let path = parameterPath(pair.key, at: pair.keyNode, in: scenario) else { continue }
            entries.removeAll { $0.path.description == path.description }
            if case .null = pair.value.content { continue }
            if let distribution = distribution(pair.value, path: path, name: pair.key, domain: Self.domain(of: path, in: scenario)) {
                entries.append(UncertainParameter(path: path, distribution: distribution, location: pair.keyNode.location))
            }
        }
        scenario.uncertain = entries
    }

    /// The path written as `text`, checked against `scenario`; a diagnostic at `node` when it names nothing.
    mutating func parameterPath(_ text: String, at node: YAMLNode, in scenario: NetworkScenario) -> ParameterPath? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let forms = "behaviour.GROUP.NAME, entities.ID.NAME, markets.ID.FIELD, deals.ID.amount, macro.PATH.DATE or shocks.N.size"
        func fail(_ message: String) -> ParameterPath? {
            reader.error("unknown parameter path '\(text)': \(message)", at: node.location)
            return nil
        }
        guard parts.count == 3 else { return fail("expected one of \(forms)") }
        let (section, name, field) = (parts[0], parts[1], parts[2])
        switch section {
        case "behaviour":
            guard let group = Self.behaviourGroup(name) else {
                return fail("no behaviour group '\(name)'; expected one of: \(Self.behaviourGroups.joined(separator: ", "))")
            }
            let known = BehaviourCatalog.names(in: group)
            guard known.contains(field) else {
                return fail("no parameter '\(field)' in behaviour.\(group); expected one of: \(known.joined(separator: ", "))")
            }
            return .behaviour(group: group, name: field)
        case "entities":
            guard let e = scenario.entityIndex(name) else {
                return fail("no entity '\(name)'; expected one of: \(scenario.entities.map(\.id).joined(separator: ", "))")
            }
            let known = ParameterPath.entityFigures + BehaviourCatalog.names(in: scenario.entities[e].sector.rawValue)
            guard known.contains(field) else { return fail("entity '\(name)' has no '\(field)'; expected one of: \(known.joined(separator: ", "))") }
            return .entity(id: name, field: field)
        case "markets":
            guard scenario.marketIndex(name) != nil else {
                return fail("no market '\(name)'; expected one of: \(scenario.markets.map(\.id).joined(separator: ", "))")
            }
            guard ParameterPath.marketFields.contains(field) else {
                return fail("a market has no '\(field)'; expected one of: \(ParameterPath.marketFields.joined(separator: ", "))")
            }
            return .market(id: name, field: field)
        case "deals":
            guard let deal = scenario.deals.first(where: { $0.id == name }) else { return fail("no deal '\(name)' in the scenario") }
            guard field == "amount" else { return fail("expected deals.\(name).amount, the only number of a deal that can vary") }
            guard deal.amount != 0 else { return fail("deal '\(name)' has amount 0, which cannot be scaled") }
            return .dealAmount(id: name)
        case "macro":
            let names = NetworkScenarioFile.macroDefaults.map(\.name)
            guard names.contains(name) else { return fail("no macro path '\(name)'; expected one of: \(names.joined(separator: ", "))") }
            guard let date = try? CalendarPeriod(parsing: field) else {
                return fail("expected a date such as 2026-06 after macro.\(name), found '\(field)'")
            }
            guard let period = scenario.calendar.period(containing: date) else {
                return fail("the date \(field) is outside the calendar \(scenario.calendar.horizonDescription)")
            }
            let path = ParameterPath.macroPath(name, of: scenario.macro)
            return .macroStep(name: name, date: field, periods: ParameterPath.step(of: path, at: period))
        case "shocks":
            guard let number = Int(name), number >= 1 else { return fail("expected shocks.N.size with N a shock's number from 1, found '\(name)'") }
            guard number <= scenario.shocks.count else {
                return fail("the scenario has \(scenario.shocks.count) shock\(scenario.shocks.count == 1 ? "" : "s"), so there is no shock \(number)")
            }
            guard field == "size" else { return fail("expected shocks.\(number).size, the only number of a shock that can vary") }
            return .shockSize(number: number)
        default:
            return fail("expected one of \(forms)")
        }
    }

    /// The values the parameter at `path` may take, when the loader checks them: a behaviour parameter's
    /// domain in the catalogue, or the bound a market's field or an entity's figure has when it is written.
    static func domain(of path: ParameterPath, in scenario: NetworkScenario) -> ParameterDomain? {
        switch path {
        case .behaviour(let group, let name):
            return BehaviourCatalog.parameter(group: group, name: name)?.domain
        case .entity(let id, let field):
            if ParameterPath.entityFigures.contains(field) { return .nonNegative }
            guard let e = scenario.entityIndex(id) else { return nil }
            return BehaviourCatalog.parameter(group: scenario.entities[e].sector.rawValue, name: field)?.domain
        case .market(_, let field):
            return ["price", "duration", "depth"].contains(field) ? .positive : .nonNegative
        default:
            return nil
        }
    }

    /// `{dist: NAME, …}` with its parameters checked: bounds in order, spreads positive, and the bounds
    /// (`low`, `high`, a discrete distribution's `values`) inside `domain`, the values the parameter may take.
    mutating func distribution(_ node: YAMLNode, path: ParameterPath, name: String, domain: ParameterDomain? = nil) -> ParameterDistribution? {
        let example = "{dist: uniform, low: 0.3, high: 0.9}"
        guard let fields = reader.mapping(node, expected: "a distribution such as \(example) for '\(name)'") else { return nil }
        guard let distNode = fields.first(where: { $0.key == "dist" })?.value else {
            reader.error(
                "missing key 'dist' for '\(name)'; expected one of: \(ParameterDistribution.names.joined(separator: ", "))", at: node.location)
            return nil
        }
        guard let kind = distNode.scalarText, let keys = Self.distributionKeys[kind] else {
            reader.error(
                "unknown distribution \(distNode.kindDescription) for '\(name)'; expected one of: \(ParameterDistribution.names.joined(separator: ", "))",
                at: distNode.location)
            return nil
        }
        let before = reader.diagnostics.count
        reader.rejectUnknownKeys(fields, allowed: ["dist"] + keys.required + keys.optional, in: "a \(kind) distribution")
        for key in keys.required where !fields.contains(where: { $0.key == key }) {
            reader.error(
                "missing key '\(key)' for '\(name)'; a \(kind) distribution needs \(keys.required.joined(separator: ", "))", at: node.location)
        }
        let parameterName: String =
            switch path {
            case .behaviour(_, let n), .entity(_, let n): n
            default: ""
            }
        func field(_ key: String) -> YAMLNode? { fields.first { $0.key == key }?.value }
        let boundNote = "a bound of a distribution must lie in the parameter's domain"
        func number(_ key: String) -> Double? {
            guard let node = field(key) else { return nil }
            let what = "'\(key)' of '\(name)'"
            guard let value = quantity(node, name: parameterName, what: what) else { return nil }
            guard let domain, ["low", "high"].contains(key) else { return value }
            return checkDomain(value, domain, text: node.scalarText?.trimmingWhitespace() ?? "", what: what, note: boundNote, at: node)
        }
        func numbers(_ key: String) -> [Double]? {
            guard let node = field(key), let items = reader.sequence(node, expected: "a list of numbers for '\(key)' of '\(name)'") else {
                return nil
            }
            if items.isEmpty { reader.error("expected at least one value in '\(key)' of '\(name)'", at: node.location) }
            let what = "an item of '\(key)' of '\(name)'"
            let values = items.compactMap { item -> Double? in
                guard let value = quantity(item, name: parameterName, what: what) else { return nil }
                guard let domain, key == "values" else { return value }
                return checkDomain(value, domain, text: item.scalarText?.trimmingWhitespace() ?? "", what: what, note: boundNote, at: item)
            }
            return values.count == items.count && !items.isEmpty ? values : nil
        }
        /// Records an error at `key`'s node unless `low < high`.
        func ordered(_ low: Double?, _ high: Double?, lowKey: String, highKey: String) {
            guard let low, let high, let node = field(highKey), !(low < high) else { return }
            reader.error("inverted bounds for '\(name)': \(highKey) (\(high)) must be above \(lowKey) (\(low))", at: node.location)
        }
        func positive(_ value: Double?, _ key: String, what: String) {
            guard let value, let node = field(key), !(value > 0) else { return }
            reader.error("expected a positive \(what) for '\(name)', found \(value)\(value < 0 ? " (negative)" : "")", at: node.location)
        }
        let low = number("low")
        let high = number("high")
        let result: ParameterDistribution?
        switch kind {
        case "uniform":
            ordered(low, high, lowKey: "low", highKey: "high")
            result = low.flatMap { l in high.map { .uniform(low: l, high: $0) } }
        case "normal":
            let mean = number("mean")
            let sd = number("sd")
            positive(sd, "sd", what: "standard deviation 'sd'")
            ordered(low, high, lowKey: "low", highKey: "high")
            if let mean {
                ordered(low, mean, lowKey: "low", highKey: "mean")
                ordered(mean, high, lowKey: "mean", highKey: "high")
            }
            result = mean.flatMap { m in sd.map { .normal(mean: m, sd: $0, low: low, high: high) } }
        case "lognormal":
            let median = number("median")
            let sigma = number("sigma")
            positive(median, "median", what: "median")
            positive(sigma, "sigma", what: "standard deviation of the logarithm 'sigma'")
            ordered(low, high, lowKey: "low", highKey: "high")
            result = median.flatMap { m in sigma.map { .lognormal(median: m, sigma: $0, low: low, high: high) } }
        case "triangular":
            let mode = number("mode")
            ordered(low, high, lowKey: "low", highKey: "high")
            if let mode, let low, let high, low < high, !(low <= mode && mode <= high), let node = field("mode") {
                reader.error("expected the mode of '\(name)' between low (\(low)) and high (\(high)), found \(mode)", at: node.location)
            }
            result = low.flatMap { l in mode.flatMap { m in high.map { .triangular(low: l, mode: m, high: $0) } } }
        default:
            let values = numbers("values")
            var weights = numbers("weights")
            if let values, let given = weights, let node = field("weights") {
                if given.count != values.count {
                    reader.error("expected \(values.count) weights for '\(name)' (one per value), found \(given.count)", at: node.location)
                } else if given.contains(where: { $0 < 0 }) || !(given.reduce(0, +) > 0) {
                    reader.error("expected non-negative weights with a positive sum for '\(name)'", at: node.location)
                }
            }
            if field("weights") == nil, let values { weights = Array(repeating: 1, count: values.count) }
            result = values.flatMap { v in weights.map { .discrete(values: v, weights: $0) } }
        }
        return reader.diagnostics.count == before ? result : nil
    }
}
