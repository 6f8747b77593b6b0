public import OuroborosCore
public import OuroborosEngine

/// Decodes a `kind: network` YAML document (see `docs/scenario-format.md`) into a `NetworkScenario`.
///
/// ```yaml
/// kind: network
/// name: ai-capex-2025
/// calendar: {start: 2025-01, end: 2030-12, step: monthly}
/// macro: {policy_rate: {2025-01: 4.33%, 2025-09: 4.08%}}
/// entities:
///   openai: {name: OpenAI, sector: model_lab, cash: $17.5B}
///   oracle: {name: Oracle, sector: hyperscaler, cash: $11B, capacity: 1 GW}
/// deals:
///   - {id: F053, kind: compute_contract, from: openai, to: oracle, amount: $300B,
///      announced: 2025-09, schedule: {start: 2027-01, months: 60}}
/// shocks: [rate:+300bp@2026-01]
/// ```
///
/// Every problem is collected (with its file, line and column, what was found and what was
/// expected) and thrown together. With a `base` (the scenario named by `extends:`, already
/// loaded), the file overrides it: scalar keys replace; `macro`, `behaviour`, `mechanisms` merge one
/// level down (a behaviour group merges parameter by parameter); an entity or market already in
/// the base is changed key by key (`params` name by name, `holders` as a whole), a new id is added;
/// a deal with an existing id replaces it, `- remove: [F053, …]` drops base deals; shocks are
/// appended. When the file sets a different calendar, the base's dated elements move to the
/// periods holding their months, and macro paths are re-sampled.
public enum NetworkScenarioFile {
    /// The keys a `kind: network` file may have.
    public static let allowedKeys = [
        "kind", "name", "description", "extends", "calendar", "seed", "mechanisms", "macro",
        "behaviour", "entities", "markets", "deals", "shocks", "uncertain",
    ]

    /// The macro paths a file may set, with the constant used when neither the file nor its base sets one:
    /// policy rate 4.33%, liquidity index 1, reserve ratio 10%, capital ratio 8%.
    public static let macroDefaults: [(name: String, value: Double)] = [
        ("policy_rate", 0.0433), ("liquidity", 1), ("reserve_ratio", 0.10), ("capital_ratio", 0.08),
    ]

    /// The seed used when neither the file nor its base sets one.
    public static let defaultSeed: UInt64 = 1

    /// The longest calendar accepted, in periods.
    public static let maximumPeriods = 1200

    /// Decodes `root`, the contents of `file`, on top of `base` when the file extends another scenario.
    public static func decode(_ root: YAMLNode, file: String, base: NetworkScenario? = nil) throws(DiagnosticList) -> NetworkScenario {
        var decoder = NetworkScenarioDecoder(file: file, base: base)
        return try decoder.decode(root)
    }
}

/// A mapping entry as `SchemaReader.mapping` returns it.
typealias MappingPair = (key: String, keyNode: YAMLNode, value: YAMLNode)

/// The state of one decoding: the reader collecting diagnostics and the sections decoded so far.
struct NetworkScenarioDecoder {
    var reader = SchemaReader()
    let file: String
    let base: NetworkScenario?
    /// The calendar in force (the file's, else the base's); `nil` when the file's is unusable.
    var calendar: Timeline?
    /// Where the file sets its calendar (for problems the new calendar causes to the base).
    var calendarLocation: SourceLocation?
    var entities: [EntitySpec] = []
    var markets: [MarketSpec] = []
    var deals: [DealSpec] = []
    var shocks: [NetworkShock] = []
    var behaviour: [String: [String: Double]] = [:]
    var macro: [String: [Double]] = [:]
    var disabledMechanisms: Set<Mechanism> = []

    init(file: String, base: NetworkScenario?) {
        self.file = file
        self.base = base
    }

    /// Decodes every section, then throws every problem found or returns the scenario.
    mutating func decode(_ root: YAMLNode) throws(DiagnosticList) -> NetworkScenario {
        guard let pairs = reader.mapping(root, expected: "a mapping of scenario keys (kind, name, calendar, entities, deals, …)") else {
            throw DiagnosticList(reader.diagnostics)
        }
        reader.rejectUnknownKeys(pairs, allowed: NetworkScenarioFile.allowedKeys, in: "a network scenario")
        let pair: (String) -> MappingPair? = { key in pairs.first { $0.key == key } }
        let required = base == nil ? ["kind", "name", "calendar", "entities"] : ["kind"]
        for key in required where pair(key) == nil {
            let needs = base == nil ? "a network scenario needs kind, name, calendar and entities" : "expected 'kind: network'"
            reader.error("missing key '\(key)'; \(needs)", at: root.location)
        }
        if let node = pair("kind")?.value, node.scalarText != "network" {
            reader.error("expected 'kind: network', found \(node.kindDescription)", at: node.location)
        }
        var name = base?.name ?? EquationModelFile.fileStem(file)
        if let node = pair("name")?.value, let text = text(node, what: "the scenario's name") {
            if text.isEmpty { reader.error("expected a name for the scenario, found empty text", at: node.location) }
            name = text
        }
        var description = base?.description ?? ""
        if let node = pair("description")?.value, let text = text(node, what: "the description") { description = text }

        decodeCalendar(pair("calendar"))
        var seed = base?.seed ?? NetworkScenarioFile.defaultSeed
        if let node = pair("seed")?.value, let value = reader.integer(node, what: "the seed", in: 0...Int.max) { seed = UInt64(value) }
        decodeMechanisms(pair("mechanisms")?.value)
        decodeMacro(pair("macro")?.value)
        decodeBehaviour(pair("behaviour")?.value)
        decodeEntities(pair("entities")?.value)
        decodeMarkets(pair("markets")?.value)
        decodeDeals(pair("deals")?.value)
        decodeShocks(pair("shocks")?.value)

        guard reader.diagnostics.isEmpty, let calendar else { throw DiagnosticList(reader.diagnostics) }
        let macro = self.macro
        let path: (String) -> [Double] = { macro[$0] ?? [] }
        var scenario = NetworkScenario(
            name: name, description: description, calendar: calendar, seed: seed,
            entities: entities, markets: markets, deals: deals, behaviour: behaviour,
            macro: MacroPaths(
                policyRate: path("policy_rate"), liquidity: path("liquidity"),
                reserveRatio: path("reserve_ratio"), capitalRatio: path("capital_ratio")),
            shocks: shocks, disabledMechanisms: disabledMechanisms)
        decodeUncertain(pair("uncertain")?.value, into: &scenario)
        guard reader.diagnostics.isEmpty else { throw DiagnosticList(reader.diagnostics) }
        return scenario
    }

    // MARK: - Calendar, mechanisms, macro, behaviour, shocks

    /// `calendar: {start: 2025-01, end: 2030-12, step: monthly}`; the base's calendar when absent.
    mutating func decodeCalendar(_ pair: MappingPair?) {
        calendar = base?.calendar
        guard let pair else { return }
        calendarLocation = pair.keyNode.location
        calendar = nil
        let example = "{start: 2025-01, end: 2030-12, step: monthly}"
        guard let fields = reader.mapping(pair.value, expected: "a calendar such as \(example)") else { return }
        reader.rejectUnknownKeys(fields, allowed: ["start", "end", "step"], in: "the calendar")
        let field: (String) -> YAMLNode? = { key in fields.first { $0.key == key }?.value }
        for key in ["start", "end"] where field(key) == nil {
            reader.error("missing key '\(key)' in the calendar; expected \(example)", at: pair.value.location)
        }
        var monthsPerStep: Int? = 1
        if let node = field("step") {
            switch node.scalarText?.lowercased() {
            case "monthly": monthsPerStep = 1
            case "quarterly": monthsPerStep = 3
            default:
                reader.error("expected step monthly or quarterly, found \(node.kindDescription)", at: node.location)
                monthsPerStep = nil
            }
        }
        let start = field("start").flatMap { calendarDate($0, what: "the calendar's start") }
        let endNode = field("end")
        let end = endNode.flatMap { calendarDate($0, what: "the calendar's end") }
        guard let start, let end, let endNode, let monthsPerStep else { return }
        guard let candidate = Timeline(from: start, through: end, step: Timeline.Step(months: monthsPerStep)) else {
            reader.error("the calendar ends (\(end)) before it starts (\(start))", at: endNode.location)
            return
        }
        guard candidate.periods <= NetworkScenarioFile.maximumPeriods else {
            reader.error(
                "the calendar has \(candidate.periods) periods; expected at most \(NetworkScenarioFile.maximumPeriods)", at: endNode.location)
            return
        }
        calendar = candidate
    }

    /// `mechanisms: {M9: off}`: switches mechanisms off (or back on over a base).
    mutating func decodeMechanisms(_ node: YAMLNode?) {
        disabledMechanisms = base?.disabledMechanisms ?? []
        guard let node, let pairs = reader.mapping(node, expected: "a mapping of mechanisms to on or off, e.g. {M9: off}") else { return }
        let known = Mechanism.allCases.map(\.rawValue).joined(separator: ", ")
        for pair in pairs {
            guard let mechanism = Mechanism(rawValue: pair.key.uppercased()) else {
                reader.error("unknown mechanism '\(pair.key)'; expected one of: \(known)", at: pair.keyNode.location)
                continue
            }
            switch pair.value.scalarText?.lowercased() {
            case "on", "true", "yes": disabledMechanisms.remove(mechanism)
            case "off", "false", "no": disabledMechanisms.insert(mechanism)
            default:
                reader.error("expected on or off for mechanism \(mechanism.rawValue), found \(pair.value.kindDescription)", at: pair.value.location)
            }
        }
    }

    /// `macro:` step paths, one value per period 0…periods; unset paths come from the base or the defaults.
    mutating func decodeMacro(_ node: YAMLNode?) {
        for (name, value) in NetworkScenarioFile.macroDefaults {
            if let base, let calendar {
                let basePath = Self.path(named: name, of: base.macro)
                macro[name] = base.calendar == calendar ? basePath : resampled(basePath)
            } else if let calendar {
                macro[name] = Array(repeating: value, count: calendar.periods + 1)
            }
        }
        guard let node, let pairs = reader.mapping(node, expected: "a mapping of macro paths, e.g. {policy_rate: {2025-01: 4.33%}}") else { return }
        let names = NetworkScenarioFile.macroDefaults.map(\.name)
        reader.rejectUnknownKeys(pairs, allowed: names, in: "macro")
        for pair in pairs where names.contains(pair.key) {
            if let path = path(pair.value, name: pair.key) { macro[pair.key] = path }
        }
    }

    static func path(named name: String, of paths: MacroPaths) -> [Double] {
        switch name {
        case "policy_rate": paths.policyRate
        case "liquidity": paths.liquidity
        case "reserve_ratio": paths.reserveRatio
        default: paths.capitalRatio
        }
    }

    /// A constant or a dated step path `{2025-01: 4.33%, 2025-09: 4.08%}`: each value holds until the
    /// next date; periods before the first date (period 0 included) take the first value.
    mutating func path(_ node: YAMLNode, name: String) -> [Double]? {
        let what = "macro '\(name)'"
        let isIndex = name == "liquidity"
        let minimum: Double? = name == "policy_rate" ? nil : 0
        let form = isIndex ? "an index such as 1.0 or 0.8" : Form.rate
        func value(_ node: YAMLNode, _ what: String) -> Double? {
            isIndex ? number(node, what: what, minimum: minimum) : rate(node, what: what, minimum: minimum)
        }
        switch node.content {
        case .scalar:
            guard let constant = value(node, what), let calendar else { return nil }
            return Array(repeating: constant, count: calendar.periods + 1)
        case .mapping:
            guard let pairs = reader.mapping(node, expected: "a dated path") else { return nil }
            guard !pairs.isEmpty else {
                reader.error("expected at least one dated value for \(what), e.g. {2025-01: 4.33%}", at: node.location)
                return nil
            }
            var points: [(period: Int, value: Double)] = []
            for pair in pairs {
                let period = self.period(pair.keyNode, what: what)
                let number = value(pair.value, "\(what) from \(pair.key)")
                if let period, let number { points.append((period, number)) }
            }
            guard let calendar, points.count == pairs.count else { return nil }
            let ordered = points.enumerated().sorted { ($0.element.period, $0.offset) < ($1.element.period, $1.offset) }.map(\.element)
            return (0...calendar.periods).map { t in ordered.last { $0.period <= t }?.value ?? ordered[0].value }
        default:
            reader.error(
                "expected \(form) or a dated path such as {2025-01: 4.33%, 2025-09: 4.08%} for \(what), found \(node.kindDescription)",
                at: node.location)
            return nil
        }
    }

    /// `behaviour: {GROUP: {NAME: VALUE}}` over the base's values (or the catalogue's defaults).
    mutating func decodeBehaviour(_ node: YAMLNode?) {
        behaviour = BehaviourCatalog.defaults
        if let base {
            for (group, values) in base.behaviour { behaviour[group, default: [:]].merge(values) { _, new in new } }
        }
        guard let node,
            let pairs = reader.mapping(node, expected: "a mapping of sectors to parameters, e.g. {model_lab: {runway_trigger_months: 12}}")
        else { return }
        let groups = Self.behaviourGroups
        for pair in pairs {
            guard let group = Self.behaviourGroup(pair.key) else {
                reader.error("unknown behaviour group '\(pair.key)'; expected one of: \(groups.joined(separator: ", "))", at: pair.keyNode.location)
                continue
            }
            guard
                let parameters = reader.mapping(
                    pair.value,
                    expected: "a mapping of parameters of \(group) to values, e.g. {\(BehaviourCatalog.names(in: group).first ?? "name"): 1}")
            else { continue }
            let known = BehaviourCatalog.names(in: group)
            for parameter in parameters {
                guard known.contains(parameter.key) else {
                    reader.error(
                        "unknown parameter '\(parameter.key)' in behaviour.\(group); expected one of: \(known.joined(separator: ", "))",
                        at: parameter.keyNode.location)
                    continue
                }
                if let value = behaviourParameter(parameter.value, group: group, name: parameter.key, what: "behaviour.\(group).\(parameter.key)") {
                    behaviour[group, default: [:]][parameter.key] = value
                }
            }
        }
    }

    /// The behaviour groups of the catalogue, in its order.
    static var behaviourGroups: [String] {
        var groups: [String] = []
        for parameter in BehaviourCatalog.parameters where !groups.contains(parameter.group) { groups.append(parameter.group) }
        return groups
    }

    /// The catalogue group written as `name`: the group itself or a sector alias of it (`lab` → `model_lab`).
    static func behaviourGroup(_ name: String) -> String? {
        let groups = behaviourGroups
        if groups.contains(name) { return name }
        if let sector = Sector(id: name), groups.contains(sector.rawValue) { return sector.rawValue }
        return nil
    }

    /// `shocks: [rate:+300bp@2026-01, …]`, appended to the base's.
    mutating func decodeShocks(_ node: YAMLNode?) {
        shocks = (base?.shocks ?? []).compactMap { rebase($0) }
        guard let node, let items = reader.sequence(node, expected: "a list of shocks such as - rate:+300bp@2026-01") else { return }
        let ids = entities.map(\.id)
        for item in items {
            guard case .scalar(let text, _) = item.content else {
                reader.error("expected a shock such as rate:+300bp@2026-01, found \(item.kindDescription)", at: item.location)
                continue
            }
            guard let calendar else { continue }
            do {
                shocks.append(try NetworkShock.parse(text, calendar: calendar, entityIDs: ids))
            } catch {
                reader.error(error.description, at: item.textLocation.advanced(byColumns: error.offset))
            }
        }
    }
}
