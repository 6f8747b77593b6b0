import OuroborosCore
import OuroborosEngine

/// The `entities:` and `markets:` sections.
extension NetworkScenarioDecoder {
    /// The keys an entity may have.
    static let entityKeys = [
        "name", "sector", "cash", "bonds", "bank_loans", "private_credit", "fixed_capital", "capacity",
        "valuation", "params", "note",
    ]

    /// The keys a market may have.
    static let marketKeys = ["kind", "issuer", "units", "price", "duration", "reflexivity", "depth", "liquidity_beta", "holders"]

    /// The keys a new market must have.
    static let requiredMarketKeys = ["kind", "units", "price", "duration", "depth"]

    /// Whether `id` is a short lower-case name: `a-z`, `0-9`, `_` or `-`, starting with a letter.
    static func isShortID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    /// Every sector id, for messages.
    static var sectorList: String { Sector.allCases.map(\.rawValue).joined(separator: ", ") }

    /// Records a diagnostic when `id` is not a short lower-case name.
    mutating func checkID(_ id: String, of what: String, at node: YAMLNode) {
        guard !Self.isShortID(id) else { return }
        reader.error(
            "\(what) id '\(id)' is not a short lower-case name; use a-z, 0-9, _ or -, starting with a letter (e.g. openai)", at: node.location)
    }

    /// Records a diagnostic unless `id` names an entity; `role` says where it is used.
    @discardableResult
    mutating func checkEntity(_ id: String, role: String, at node: YAMLNode) -> Bool {
        guard !entities.contains(where: { $0.id == id }) else { return true }
        let known = entities.isEmpty ? "the scenario has no entities" : "expected one of the entities: \(entities.map(\.id).joined(separator: ", "))"
        reader.error("unknown entity '\(id)' \(role); \(known)", at: node.location)
        return false
    }

    // MARK: - Entities

    /// `entities: {ID: {name, sector, cash, …}}`: the base's entities, changed key by key, then new ones.
    mutating func decodeEntities(_ node: YAMLNode?) {
        entities = base?.entities ?? []
        guard let node else { return }
        guard let pairs = reader.mapping(node, expected: "a mapping of entity ids to entities, e.g. openai: {name: OpenAI, sector: model_lab}") else {
            return
        }
        if pairs.isEmpty, entities.isEmpty {
            reader.error("expected at least one entity under 'entities', e.g. openai: {name: OpenAI, sector: model_lab}", at: node.location)
        }
        for pair in pairs { decodeEntity(pair) }
    }

    mutating func decodeEntity(_ pair: MappingPair) {
        let id = pair.key
        checkID(id, of: "entity", at: pair.keyNode)
        let existing = entities.firstIndex { $0.id == id }
        var spec = existing.map { entities[$0] } ?? EntitySpec(id: id, name: id, sector: .firm)
        spec.location = pair.keyNode.location
        defer {
            if let existing { entities[existing] = spec } else { entities.append(spec) }
        }
        guard let fields = reader.mapping(pair.value, expected: "an entity mapping with sector, name, cash, … for '\(id)'") else { return }
        reader.rejectUnknownKeys(fields, allowed: Self.entityKeys, in: "entity '\(id)'")
        let field: (String) -> YAMLNode? = { key in fields.first { $0.key == key }?.value }
        let what: (String) -> String = { "\($0) of entity '\(id)'" }

        var sectorKnown = true
        if let node = field("sector") {
            if let text = text(node, what: what("the sector")) {
                if let sector = Sector(id: text) {
                    spec.sector = sector
                } else {
                    reader.error("unknown sector '\(text)' for entity '\(id)'; expected one of: \(Self.sectorList)", at: node.location)
                    sectorKnown = false
                }
            } else {
                sectorKnown = false
            }
        } else if existing == nil {
            reader.error("missing key 'sector' in entity '\(id)'; expected one of: \(Self.sectorList)", at: pair.keyNode.location)
            sectorKnown = false
        }
        if let node = field("name"), let name = text(node, what: what("the name")) { spec.name = name }
        let amounts: [(key: String, path: WritableKeyPath<EntitySpec, Double>)] = [
            ("cash", \.cash), ("bonds", \.bonds), ("bank_loans", \.bankLoans), ("private_credit", \.privateCredit),
            ("fixed_capital", \.fixedCapital), ("valuation", \.privateValuation),
        ]
        for (key, path) in amounts {
            if let node = field(key), let value = amount(node, what: what(key)) { spec[keyPath: path] = value }
        }
        if let node = field("capacity"), let value = power(node, what: what("capacity")) { spec.capacityGW = value }
        if let node = field("note"), let note = text(node, what: what("the note")) { spec.note = note }
        if let node = field("params"),
            let parameters = reader.mapping(node, expected: "a mapping of behaviour parameters to values, e.g. {paying_users: 20M, arpu: $240}")
        {
            let group = spec.sector.rawValue
            let known = BehaviourCatalog.names(in: group)
            for parameter in parameters {
                if sectorKnown, !known.contains(parameter.key) {
                    let expected =
                        known.isEmpty
                        ? "sector \(group) has no behaviour parameters"
                        : "expected one of the parameters of \(group): \(known.joined(separator: ", "))"
                    reader.error("unknown parameter '\(parameter.key)' for entity '\(id)'; \(expected)", at: parameter.keyNode.location)
                    continue
                }
                if let value = behaviourParameter(
                    parameter.value, group: group, name: parameter.key, what: "parameter '\(parameter.key)' of entity '\(id)'")
                {
                    spec.parameters[parameter.key] = value
                }
            }
        }
    }

    // MARK: - Markets

    /// `markets: {ID: {kind, issuer, units, price, …}}`: the base's markets, changed key by key, then new ones.
    mutating func decodeMarkets(_ node: YAMLNode?) {
        markets = base?.markets ?? []
        guard let node,
            let pairs = reader.mapping(
                node, expected: "a mapping of market ids to markets, e.g. oracle: {kind: equity, issuer: oracle, units: 2.8B, …}")
        else { return }
        for pair in pairs { decodeMarket(pair) }
    }

    mutating func decodeMarket(_ pair: MappingPair) {
        let id = pair.key
        checkID(id, of: "market", at: pair.keyNode)
        let existing = markets.firstIndex { $0.id == id }
        var spec = existing.map { markets[$0] } ?? MarketSpec(id: id, kind: .equity, units: 0, price: 0, duration: 0, depth: 0)
        spec.location = pair.keyNode.location
        defer {
            if let existing { markets[existing] = spec } else { markets.append(spec) }
        }
        guard let fields = reader.mapping(pair.value, expected: "a market mapping with kind, units, price, duration and depth for '\(id)'") else {
            return
        }
        reader.rejectUnknownKeys(fields, allowed: Self.marketKeys, in: "market '\(id)'")
        let field: (String) -> YAMLNode? = { key in fields.first { $0.key == key }?.value }
        let what: (String) -> String = { "\($0) of market '\(id)'" }
        if existing == nil {
            for key in Self.requiredMarketKeys where field(key) == nil {
                reader.error(
                    "missing key '\(key)' in market '\(id)'; a market needs \(Self.requiredMarketKeys.joined(separator: ", "))",
                    at: pair.keyNode.location)
            }
        }
        var kindKnown = existing != nil || field("kind") != nil
        if let node = field("kind") {
            let text = self.text(node, what: what("the kind")) ?? ""
            if let kind = MarketSpec.Kind(rawValue: text) {
                spec.kind = kind
            } else {
                kindKnown = false
                let kinds = MarketSpec.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                if node.scalarText != nil {
                    reader.error("unknown market kind '\(text)' for market '\(id)'; expected one of: \(kinds)", at: node.location)
                }
            }
        }
        if let node = field("issuer"), let issuer = text(node, what: what("the issuer")) {
            if spec.kind != .equity {
                reader.error("only equity markets have an issuer; market '\(id)' is \(spec.kind.rawValue)", at: node.location)
            } else if checkEntity(issuer, role: "as the issuer of market '\(id)'", at: node) {
                spec.issuer = issuer
            }
        } else if kindKnown, spec.kind == .equity, spec.issuer == nil {
            if entities.contains(where: { $0.id == id }) {
                spec.issuer = id
            } else {
                reader.error("missing key 'issuer' in equity market '\(id)'; expected the id of the issuing entity", at: pair.keyNode.location)
            }
        }
        if let node = field("units"), let value = count(node, what: what("units"), strictlyPositive: true) { spec.units = value }
        if let node = field("price"), let value = amount(node, what: what("the price"), strictlyPositive: true) { spec.price = value }
        if let node = field("duration"), let value = number(node, what: what("the duration"), minimum: 0, strictly: true) { spec.duration = value }
        if let node = field("reflexivity"), let value = number(node, what: what("the reflexivity"), minimum: 0) { spec.reflexivity = value }
        if let node = field("depth"), let value = amount(node, what: what("the depth"), strictlyPositive: true) { spec.depth = value }
        if let node = field("liquidity_beta"), let value = number(node, what: what("liquidity_beta"), minimum: 0) { spec.liquidityBeta = value }
        if let holdersPair = fields.first(where: { $0.key == "holders" }),
            let holders = reader.mapping(holdersPair.value, expected: "a mapping of entity ids to units held, e.g. {ellison: 1.16B}")
        {
            var list: [(entity: String, units: Double)] = []
            for holder in holders {
                let known = checkEntity(holder.key, role: "as a holder of market '\(id)'", at: holder.keyNode)
                if let units = count(holder.value, what: "the units of market '\(id)' held by '\(holder.key)'"), known {
                    list.append((holder.key, units))
                }
            }
            spec.holders = list
            let held = list.reduce(0) { $0 + $1.units }
            if spec.units > 0, held > spec.units * (1 + 1e-9) {
                reader.error(
                    "the holders of market '\(id)' hold \(Self.countText(held)) units but only \(Self.countText(spec.units)) are outstanding",
                    at: holdersPair.keyNode.location)
            }
        }
    }

    /// A count in the short form, e.g. `2.8B`, `10K`.
    static func countText(_ value: Double) -> String {
        String(MoneyAmount(value).formatted(significantDigits: 4).filter { $0 != "$" })
    }
}
