import OuroborosCore
import OuroborosEngine

/// The `deals:` section: dated deals with tranches or an even schedule, their sources, and
/// `- remove: [ID, …]` over a base scenario.
extension NetworkScenarioDecoder {
    /// The keys a deal may have.
    static let dealKeys = [
        "id", "kind", "from", "to", "amount", "announced", "signed", "tranches", "schedule", "gw", "unit_price",
        "delivery_lag", "rate", "maturity", "market", "units", "margin_call_ltv", "target_ltv", "source",
        "assumption", "note", "withdrawn", "post_money",
    ]

    /// The keys a share pledge must have besides those of every deal.
    static let pledgeKeys = ["market", "units", "margin_call_ltv", "target_ltv"]

    /// Payments more than this far (USD) from the deal's amount are an error.
    static let trancheTolerance = 1.0

    /// The base's deals (rebased, less those removed, replaced in place), then this file's new deals.
    mutating func decodeDeals(_ node: YAMLNode?) {
        var written: [DealSpec] = []
        var removals: [(id: String, node: YAMLNode)] = []
        var seen: [String: SourceLocation] = [:]
        if let node,
            let items = reader.sequence(
                node, expected: "a list of deals, each - {id: F029, kind: equity_investment, from: …, to: …, amount: …, announced: …}")
        {
            for item in items {
                guard let fields = reader.mapping(item, expected: "a deal mapping with id, kind, from, to, amount and announced") else { continue }
                if fields.contains(where: { $0.key == "remove" }) {
                    removals += removalList(fields)
                    continue
                }
                if let idNode = fields.first(where: { $0.key == "id" })?.value, let id = idNode.scalarText {
                    if let first = seen[id] {
                        reader.error("deal id '\(id)' appears twice (first at line \(first.line))", at: idNode.location)
                        continue
                    }
                    seen[id] = idNode.location
                }
                if let deal = decodeDeal(item, fields: fields) { written.append(deal) }
            }
        }

        let baseDeals = base?.deals ?? []
        for removal in removals {
            if base == nil {
                reader.error("'remove' drops deals of the scenario named by 'extends', but this file extends nothing", at: removal.node.location)
            } else if !baseDeals.contains(where: { $0.id == removal.id }) {
                let known = baseDeals.isEmpty ? "it has no deals" : "its deals are: \(baseDeals.map(\.id).joined(separator: ", "))"
                reader.error("no deal '\(removal.id)' in the base scenario to remove; \(known)", at: removal.node.location)
            }
        }
        let removed = Set(removals.map(\.id))
        let replacements = Dictionary(written.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        deals = []
        for deal in baseDeals where !removed.contains(deal.id) {
            if let replacement = replacements[deal.id] {
                deals.append(replacement)
            } else if let rebased = rebase(deal) {
                deals.append(rebased)
            }
        }
        let kept = Set(baseDeals.map(\.id)).subtracting(removed)
        deals += written.filter { !kept.contains($0.id) }
    }

    /// The ids of a `- remove: [F053, …]` item (a single id is accepted too).
    mutating func removalList(_ fields: [MappingPair]) -> [(id: String, node: YAMLNode)] {
        for other in fields where other.key != "remove" {
            reader.error(
                "unexpected key '\(other.key)' beside 'remove'; write '- remove: [F053, …]' as an item of its own", at: other.keyNode.location)
        }
        guard let node = fields.first(where: { $0.key == "remove" })?.value else { return [] }
        if case .scalar(let id, _) = node.content { return [(id, node)] }
        guard let items = reader.sequence(node, expected: "a list of deal ids to drop from the base scenario, e.g. [F053, F054]") else { return [] }
        return items.compactMap { item in text(item, what: "a deal id to remove").map { ($0, item) } }
    }

    /// One deal; `nil` when a part needed to build it is missing or wrong (each problem recorded).
    mutating func decodeDeal(_ item: YAMLNode, fields: [MappingPair]) -> DealSpec? {
        reader.rejectUnknownKeys(fields, allowed: Self.dealKeys, in: "a deal")
        let field: (String) -> YAMLNode? = { key in fields.first { $0.key == key }?.value }
        let keyNode: (String) -> YAMLNode? = { key in fields.first { $0.key == key }?.keyNode }
        let id = field("id").flatMap { text($0, what: "the deal's id") }
        let label = id.map { "deal '\($0)'" } ?? "a deal"
        let what: (String) -> String = { "\($0) of \(label)" }
        var complete = id != nil

        for key in ["id", "kind", "from", "amount", "announced"] where field(key) == nil {
            reader.error("missing key '\(key)' in \(label); a deal needs id, kind, from, to, amount and announced", at: item.location)
        }
        var kind: DealSpec.Kind?
        if let node = field("kind"), let text = text(node, what: what("the kind")) {
            kind = DealSpec.Kind(rawValue: text)
            if kind == nil {
                let kinds = DealSpec.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                reader.error("unknown deal kind '\(text)' for \(label); expected one of: \(kinds)", at: node.location)
            }
        }
        complete = complete && kind != nil
        if field("to") == nil, kind != .capexPlan, kind != nil {
            reader.error("missing key 'to' in \(label); a \(kind!.rawValue) needs the receiving entity", at: item.location)
            complete = false
        }
        let from = entityReference(field("from"), role: "in 'from' of \(label)")
        let to = field("to") == nil ? "" : entityReference(field("to"), role: "in 'to' of \(label)")
        if let from, let to, from == to, let node = field("to") {
            reader.error("\(label) goes from '\(from)' to itself; expected two different entities", at: node.location)
        }
        let amount = field("amount").flatMap { self.amount($0, what: what("the amount")) }
        let announced = field("announced").flatMap { period($0, what: what("the announcement")) }
        var signed = announced
        if let node = field("signed") {
            signed = period(node, what: what("the signing"))
            if let signed, let announced, signed < announced, let calendar {
                reader.error(
                    "\(label) is signed (\(calendar.label(signed))) before it is announced (\(calendar.label(announced)))", at: node.location)
            }
        }

        var tranches: [DealSpec.Tranche]?
        if let node = field("tranches") {
            if let scheduleKey = keyNode("schedule") {
                reader.error("\(label) has both tranches and a schedule; expected one of them", at: scheduleKey.location)
            }
            tranches = explicitTranches(node, key: keyNode("tranches")!, amount: amount, label: label)
        } else if let node = field("schedule") {
            tranches = evenTranches(node, amount: amount, label: label)
        } else if let signed, let amount {
            tranches = [DealSpec.Tranche(period: signed, amount: amount)]
        }

        var deal = DealSpec(
            id: id ?? "", kind: kind ?? .equityInvestment, from: from ?? "", to: to ?? "", amount: amount ?? 0,
            announced: announced ?? 0, signed: signed ?? 0, tranches: tranches ?? [], location: item.location)
        if let node = field("gw") { deal.gigawatts = power(node, what: what("gw")) }
        if let node = field("unit_price") { deal.unitPrice = self.amount(node, what: what("the unit price"), strictlyPositive: true) }
        if let node = field("delivery_lag"), let months = months(node, what: what("the delivery lag")) { deal.deliveryLag = months }
        if let node = field("rate") { deal.rate = rate(node, what: what("the rate")) }
        if let node = field("maturity") { deal.maturity = maturity(node, signed: signed, label: label) }
        if let node = field("market"), let market = text(node, what: what("the market")) {
            if markets.contains(where: { $0.id == market }) {
                deal.market = market
            } else {
                let known =
                    markets.isEmpty ? "the scenario has no markets" : "expected one of the markets: \(markets.map(\.id).joined(separator: ", "))"
                reader.error("unknown market '\(market)' in \(label); \(known)", at: node.location)
            }
        }
        if let node = field("units") { deal.pledgedUnits = count(node, what: what("the units"), strictlyPositive: true) }
        if let node = field("margin_call_ltv") { deal.marginCallLTV = positiveRate(node, what: what("margin_call_ltv")) }
        if let node = field("target_ltv") {
            deal.targetLTV = positiveRate(node, what: what("target_ltv"))
            if let target = deal.targetLTV, let call = deal.marginCallLTV, target >= call {
                reader.error("target_ltv of \(label) must be below its margin_call_ltv (\(Rate(call))), found \(Rate(target))", at: node.location)
            }
        }
        if kind == .sharePledge {
            for key in Self.pledgeKeys where field(key) == nil {
                reader.error(
                    "\(label) is a share_pledge without '\(key)'; a share pledge needs \(Self.pledgeKeys.joined(separator: ", "))", at: item.location)
            }
        }
        if let node = field("source") { deal.source = source(node, label: label) }
        if let node = field("withdrawn") { deal.withdrawal = withdrawal(node, signed: signed, label: label) }
        if let node = field("post_money") {
            if let kind, kind != .equityInvestment {
                reader.error("post_money belongs to an equity_investment (the round it prices); \(label) is a \(kind.rawValue)", at: node.location)
            } else {
                deal.postMoney = self.amount(node, what: what("the post-money valuation"), strictlyPositive: true)
            }
        }
        var notes: [String] = []
        if let node = field("note"), let note = text(node, what: what("the note")) { notes.append(note) }
        if let node = field("assumption") {
            switch node.content {
            case .scalar(let text, let quoted) where !quoted && ["true", "false"].contains(text.lowercased()):
                deal.assumption = text.lowercased() == "true"
            case .scalar(let text, _):
                deal.assumption = true
                notes.append(text.trimmingWhitespace())
            default:
                reader.error(
                    "expected true, false or a note saying what is assumed for the assumption of \(label), found \(node.kindDescription)",
                    at: node.location)
            }
        }
        deal.note = notes.joined(separator: "; ")
        guard complete, from != nil, to != nil, amount != nil, announced != nil, signed != nil, tranches != nil else { return nil }
        return deal
    }

    /// The id of a known entity written at `node`, or `nil` (with a diagnostic).
    mutating func entityReference(_ node: YAMLNode?, role: String) -> String? {
        guard let node, let id = text(node, what: "the entity \(role)") else { return nil }
        return checkEntity(id, role: role, at: node) ? id : nil
    }

    /// A rate above zero (a loan-to-value).
    mutating func positiveRate(_ node: YAMLNode, what: String) -> Double? {
        guard let value = rate(node, what: what) else { return nil }
        return checkMinimum(value, strictly: true, text: node.scalarText ?? "", what: what, at: node)
    }

    /// `tranches: {2025-04: $7.5B, 2026-09: {amount: $10B, gw: 1}}`, which must sum to the deal's amount.
    mutating func explicitTranches(_ node: YAMLNode, key: YAMLNode, amount: Double?, label: String) -> [DealSpec.Tranche]? {
        guard let pairs = reader.mapping(node, expected: "a mapping of dates to amounts, e.g. {2025-04: $7.5B, 2025-12: {amount: $22.5B, gw: 1}}")
        else { return nil }
        guard !pairs.isEmpty else {
            reader.error("expected at least one tranche for \(label), e.g. {2025-04: $7.5B}", at: node.location)
            return nil
        }
        var tranches: [DealSpec.Tranche] = []
        for pair in pairs {
            let period = self.period(pair.keyNode, what: "a tranche of \(label)")
            let what = "the tranche of \(label) in \(pair.key)"
            var value: Double?
            var condition: Double?
            if case .mapping = pair.value.content {
                guard let fields = reader.mapping(pair.value, expected: "a tranche {amount: $10B, gw: 1}") else { continue }
                reader.rejectUnknownKeys(fields, allowed: ["amount", "gw"], in: "a tranche")
                if let node = fields.first(where: { $0.key == "amount" })?.value {
                    value = self.amount(node, what: what)
                } else {
                    reader.error("missing key 'amount' in \(what); expected {amount: $10B, gw: 1}", at: pair.value.location)
                }
                if let node = fields.first(where: { $0.key == "gw" })?.value { condition = power(node, what: "the gw condition of \(what)") }
            } else {
                value = self.amount(pair.value, what: what)
            }
            if let period, let value { tranches.append(DealSpec.Tranche(period: period, amount: value, conditionGW: condition)) }
        }
        guard tranches.count == pairs.count else { return nil }
        let total = tranches.reduce(0) { $0 + $1.amount }
        if let amount, abs(total - amount) > Self.trancheTolerance {
            let (sum, expected) = Self.distinctAmounts(total, amount)
            reader.error("tranches of \(label) sum to \(sum), expected the deal amount \(expected)", at: key.location)
        }
        return tranches.enumerated().sorted { ($0.element.period, $0.offset) < ($1.element.period, $1.offset) }.map(\.element)
    }

    /// `schedule: {start: 2027-01, months: 60}`: the amount spread evenly over the months, each month's
    /// share paid in the period that holds it (so a quarter takes three months' worth). Months past
    /// the calendar's end are not simulated.
    mutating func evenTranches(_ node: YAMLNode, amount: Double?, label: String) -> [DealSpec.Tranche]? {
        let example = "{start: 2027-01, months: 60}"
        guard let fields = reader.mapping(node, expected: "a schedule such as \(example)") else { return nil }
        reader.rejectUnknownKeys(fields, allowed: ["start", "months"], in: "a schedule")
        for key in ["start", "months"] where !fields.contains(where: { $0.key == key }) {
            reader.error("missing key '\(key)' in the schedule of \(label); expected \(example)", at: node.location)
        }
        let startNode = fields.first { $0.key == "start" }?.value
        let first = startNode.flatMap { period($0, what: "the start of the schedule of \(label)") }
        let startMonth = startNode.flatMap(\.scalarText).flatMap { try? CalendarPeriod(parsing: $0) }?.firstMonth.monthIndex
        let count = fields.first { $0.key == "months" }.flatMap { months($0.value, what: "the months of the schedule of \(label)", minimum: 1) }
        guard first != nil, let startMonth, let count, let amount, let calendar else { return nil }
        let perMonth = amount / Double(count)
        var tranches: [DealSpec.Tranche] = []
        for offset in 0..<count {
            guard let period = calendar.unboundedPeriod(containingMonth: startMonth + offset), period <= calendar.periods else { break }
            if let last = tranches.last, last.period == period {
                tranches[tranches.count - 1].amount += perMonth
            } else {
                tranches.append(DealSpec.Tranche(period: period, amount: perMonth))
            }
        }
        return tranches
    }

    /// `maturity: 2030-06` (may lie past the horizon) or a tenor from signing (`5y`).
    mutating func maturity(_ node: YAMLNode, signed: Int?, label: String) -> Int? {
        let form = "a date such as 2030-06 or a tenor from signing such as 5y"
        guard let text = scalar(node, form: form, what: "the maturity of \(label)"), let calendar else { return nil }
        let month: Int
        if let date = try? CalendarPeriod(parsing: text) {
            month = date.firstMonth.monthIndex
        } else if let tenor = try? Tenor(parsing: text) {
            guard let signed else { return nil }
            month = calendar.firstMonthIndex(ofPeriod: signed) + tenor.months
        } else {
            unreadable(text, form: form, what: "the maturity of \(label)", at: node)
            return nil
        }
        guard let period = calendar.unboundedPeriod(containingMonth: month) else {
            reader.error("the maturity \(text) of \(label) is before the calendar starts (\(calendar.firstMonth))", at: node.location)
            return nil
        }
        if let signed, period <= signed {
            reader.error("\(label) matures (\(calendar.label(period))) no later than it is signed (\(calendar.label(signed)))", at: node.location)
            return nil
        }
        return period
    }

    /// `withdrawn: {date: 2026-02, share: 100%, note: "…", source: {url: "…", title: "…"}}`: from
    /// that date the parties drop `share` (default all) of what is left of the deal.
    mutating func withdrawal(_ node: YAMLNode, signed: Int?, label: String) -> DealSpec.Withdrawal? {
        let example = "{date: 2026-02, share: 100%, note: \"…\", source: {url: \"https://…\", title: \"…\"}}"
        guard let fields = reader.mapping(node, expected: "a withdrawal such as \(example)") else { return nil }
        reader.rejectUnknownKeys(fields, allowed: ["date", "share", "note", "source"], in: "a withdrawal")
        guard let dateNode = fields.first(where: { $0.key == "date" })?.value else {
            reader.error("missing key 'date' in the withdrawal of \(label); expected \(example)", at: node.location)
            return nil
        }
        guard let period = period(dateNode, what: "the withdrawal of \(label)") else { return nil }
        if let signed, period < signed, let calendar {
            reader.error(
                "\(label) is withdrawn (\(calendar.label(period))) before it is signed (\(calendar.label(signed)))", at: dateNode.location)
            return nil
        }
        var withdrawal = DealSpec.Withdrawal(period: period)
        if let shareNode = fields.first(where: { $0.key == "share" })?.value {
            let what = "the share withdrawn of \(label)"
            guard let share = rate(shareNode, what: what),
                checkDomain(share, .positiveFraction, text: shareNode.scalarText ?? "", what: what, at: shareNode) != nil
            else { return nil }
            withdrawal.share = share
        }
        if let noteNode = fields.first(where: { $0.key == "note" })?.value {
            withdrawal.note = text(noteNode, what: "the note of the withdrawal of \(label)") ?? ""
        }
        if let sourceNode = fields.first(where: { $0.key == "source" })?.value {
            withdrawal.source = source(sourceNode, label: "the withdrawal of \(label)")
        }
        return withdrawal
    }

    /// `source: {url: "https://…", title: "…"}`, or just the address.
    mutating func source(_ node: YAMLNode, label: String) -> DealSource? {
        if case .scalar(let url, _) = node.content { return DealSource(url: url.trimmingWhitespace(), title: "") }
        guard let fields = reader.mapping(node, expected: "a source {url: \"https://…\", title: \"…\"}") else { return nil }
        reader.rejectUnknownKeys(fields, allowed: ["url", "title"], in: "a source")
        guard let urlNode = fields.first(where: { $0.key == "url" })?.value else {
            reader.error("missing key 'url' in the source of \(label); expected {url: \"https://…\", title: \"…\"}", at: node.location)
            return nil
        }
        guard let url = text(urlNode, what: "the source's url of \(label)") else { return nil }
        let title = fields.first { $0.key == "title" }.flatMap { text($0.value, what: "the source's title of \(label)") } ?? ""
        return DealSource(url: url, title: title)
    }

    /// Two amounts written with enough digits to tell them apart: `$29.9B` and `$30B`.
    static func distinctAmounts(_ a: Double, _ b: Double) -> (String, String) {
        for digits in 3...15 {
            let pair = (MoneyAmount(a).formatted(significantDigits: digits), MoneyAmount(b).formatted(significantDigits: digits))
            if pair.0 != pair.1 { return pair }
        }
        return (MoneyAmount(a).formatted(significantDigits: 15), MoneyAmount(b).formatted(significantDigits: 15))
    }
}
