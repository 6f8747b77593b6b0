import OuroborosCore
import OuroborosEngine

/// Reading quantities with units (`$300B`, `4.25%`, `10 GW`, `2.8B`, `6m`, `2025-09`) out of YAML
/// nodes, recording a diagnostic that names the form expected and what was found.
extension NetworkScenarioDecoder {
    /// The forms quoted in messages.
    enum Form {
        static let amount = "an amount such as $300B, $1.4T, 20bn or $35,000"
        static let rate = "a rate such as 4.25%, 150bp or 0.0425"
        static let power = "a power such as 10 GW or 750 MW (a plain number is GW)"
        static let count = "a count such as 2.8B, 19.8M or 10000"
        static let number = "a number"
        static let quantity = "a number with optional units such as 0.6, 60%, 150bp, $6B, 20M or 10 GW"
        static let months = "a number of months such as 6, 6m or 2y"
        static let date = "a date such as 2025-09, 2025Q3 or 2025"
        static let text = "text"
    }

    /// The scalar text of `node` (quoted or not), or a diagnostic `expected FORM for WHAT, found …`.
    mutating func scalar(_ node: YAMLNode, form: String, what: String) -> String? {
        guard case .scalar(let text, _) = node.content else {
            reader.error("expected \(form) for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        return text.trimmingWhitespace()
    }

    /// Records `expected FORM for WHAT, found "TEXT"` (with the reason, when there is one).
    mutating func unreadable(_ text: String, form: String, what: String, reason: String? = nil, at node: YAMLNode) {
        let suffix = reason.map { " (\($0))" } ?? ""
        reader.error("expected \(form) for \(what), found '\(text)'\(suffix)", at: node.location)
    }

    /// Records that `value` is below `minimum` (0 unless told; above it when `strictly`) for `what`, as `checkDomain` words it.
    mutating func checkMinimum(
        _ value: Double, _ minimum: Double = 0, strictly: Bool = false, text: String,
        what: String, at node: YAMLNode
    ) -> Double? {
        let domain: ParameterDomain =
            switch (strictly, minimum == 0) {
            case (false, true): .nonNegative
            case (true, true): .positive
            case (false, false): .atLeast(minimum)
            case (true, false): .atLeast(minimum.nextUp)
            }
        return checkDomain(value, domain, text: text, what: what, at: node)
    }

    /// Records that `value` is larger in magnitude than `MoneyAmount.largestInputMagnitude` for `what`.
    mutating func checkMagnitude(_ value: Double, text: String, what: String, at node: YAMLNode) -> Double? {
        guard abs(value) <= MoneyAmount.largestInputMagnitude else {
            reader.error("expected at most 1e15 (a thousand trillion) in magnitude for \(what), found '\(text)'", at: node.location)
            return nil
        }
        return value
    }

    /// An amount in US dollars: `$300B`, `$1.4T`, `20bn`, `$35,000`, `1.2e9`; negative only when allowed.
    mutating func amount(_ node: YAMLNode, what: String, allowNegative: Bool = false, strictlyPositive: Bool = false) -> Double? {
        guard let text = scalar(node, form: Form.amount, what: what) else { return nil }
        let value: Double
        do {
            value = try MoneyAmount(parsing: text).usd
        } catch {
            unreadable(text, form: Form.amount, what: what, reason: error.reason, at: node)
            return nil
        }
        guard checkMagnitude(value, text: text, what: what, at: node) != nil else { return nil }
        if allowNegative { return value }
        return checkMinimum(value, strictly: strictlyPositive, text: text, what: what, at: node)
    }

    /// A rate as a fraction: `4.25%`, `150bp`, `0.0425`.
    mutating func rate(_ node: YAMLNode, what: String, minimum: Double? = nil) -> Double? {
        guard let text = scalar(node, form: Form.rate, what: what) else { return nil }
        let value: Double
        do {
            value = try Rate(parsing: text).value
        } catch {
            unreadable(text, form: Form.rate, what: what, reason: error.reason, at: node)
            return nil
        }
        guard let minimum else { return value }
        return checkMinimum(value, minimum, text: text, what: what, at: node)
    }

    /// A power in GW: `10 GW`, `750 MW`, or a plain non-negative number of GW.
    mutating func power(_ node: YAMLNode, what: String) -> Double? {
        guard let text = scalar(node, form: Form.power, what: what) else { return nil }
        let value: Double
        if let plain = Self.plainNumber(text) {
            value = plain
        } else {
            do {
                value = try Power(parsing: text).gigawatts
            } catch {
                unreadable(text, form: Form.power, what: what, reason: error.reason, at: node)
                return nil
            }
        }
        return checkMinimum(value, text: text, what: what, at: node)
    }

    /// A count of shares or coins: `2.8B`, `19.8M`, `10000`, `1.16e9`; never negative, never in dollars.
    mutating func count(_ node: YAMLNode, what: String, strictlyPositive: Bool = false) -> Double? {
        guard let text = scalar(node, form: Form.count, what: what) else { return nil }
        guard !text.contains("$"), let value = try? MoneyAmount(parsing: text).usd else {
            unreadable(text, form: Form.count, what: what, reason: text.contains("$") ? "a count has no $" : nil, at: node)
            return nil
        }
        guard checkMagnitude(value, text: text, what: what, at: node) != nil else { return nil }
        return checkMinimum(value, strictly: strictlyPositive, text: text, what: what, at: node)
    }

    /// A plain number (`15`, `0.4`, `-2`), optionally bounded below (`strictly`: above the minimum).
    mutating func number(_ node: YAMLNode, what: String, minimum: Double? = nil, strictly: Bool = false) -> Double? {
        guard let text = scalar(node, form: Form.number, what: what) else { return nil }
        guard let value = Self.plainNumber(text) else {
            unreadable(text, form: Form.number, what: what, at: node)
            return nil
        }
        guard checkMagnitude(value, text: text, what: what, at: node) != nil else { return nil }
        guard let minimum else { return value }
        return checkMinimum(value, minimum, strictly: strictly, text: text, what: what, at: node)
    }

    /// A behaviour parameter: a plain number or one with units (`60%`, `150bp`, `$6B`, `20M`, `10 GW`;
    /// `18m` or `1.5y` for parameters whose name ends in `_months`).
    mutating func quantity(_ node: YAMLNode, name: String, what: String) -> Double? {
        guard let text = scalar(node, form: Form.quantity, what: what) else { return nil }
        let value: Double
        if let plain = Self.plainNumber(text) {
            value = plain
        } else if name.hasSuffix("_months"), let tenor = try? Tenor(parsing: text) {
            value = Double(tenor.months)
        } else if let rate = try? Rate(parsing: text) {
            value = rate.value
        } else if let power = try? Power(parsing: text) {
            value = power.gigawatts
        } else if let money = try? MoneyAmount(parsing: text) {
            value = money.usd
        } else {
            unreadable(text, form: Form.quantity, what: what, at: node)
            return nil
        }
        return checkMagnitude(value, text: text, what: what, at: node)
    }

    /// A behaviour parameter of `group` (see `quantity`), checked against its domain in the catalogue.
    mutating func behaviourParameter(_ node: YAMLNode, group: String, name: String, what: String) -> Double? {
        guard let value = quantity(node, name: name, what: what) else { return nil }
        guard let domain = BehaviourCatalog.parameter(group: group, name: name)?.domain else { return value }
        return checkDomain(value, domain, text: node.scalarText?.trimmingWhitespace() ?? "", what: what, at: node)
    }

    /// Records that `value` lies outside `domain` for `what`: `expected a positive value for WHAT, found '0'`.
    mutating func checkDomain(
        _ value: Double, _ domain: ParameterDomain, text: String, what: String, note: String? = nil, at node: YAMLNode
    ) -> Double? {
        guard domain.contains(value) else {
            let suffix = note.map { " (\($0))" } ?? ""
            reader.error("expected \(domain.expectation) for \(what), found '\(text)'\(suffix)", at: node.location)
            return nil
        }
        return value
    }

    /// A whole number of months: `6`, `6m`, `2y`, `3q`; at least `minimum`.
    mutating func months(_ node: YAMLNode, what: String, minimum: Int = 0) -> Int? {
        guard let text = scalar(node, form: Form.months, what: what) else { return nil }
        let months: Int
        if let whole = Int(text) {
            months = whole
        } else {
            do {
                months = try Tenor(parsing: text).months
            } catch {
                unreadable(text, form: Form.months, what: what, reason: error.reason, at: node)
                return nil
            }
        }
        guard months >= minimum else {
            reader.error("expected at least \(minimum) month\(minimum == 1 ? "" : "s") for \(what), found '\(text)'", at: node.location)
            return nil
        }
        return months
    }

    /// Free text (quoted or not).
    mutating func text(_ node: YAMLNode, what: String) -> String? {
        scalar(node, form: Form.text, what: what)
    }

    /// A calendar date (`2025-09`, `2025Q3`, `2025`) as written.
    mutating func calendarDate(_ node: YAMLNode, what: String) -> CalendarPeriod? {
        guard let text = scalar(node, form: Form.date, what: what) else { return nil }
        do {
            return try CalendarPeriod(parsing: text)
        } catch {
            unreadable(text, form: Form.date, what: what, reason: error.reason, at: node)
            return nil
        }
    }

    /// The period (1…periods) of a date within the calendar; a diagnostic when outside it.
    /// `nil` without a diagnostic when the calendar itself is unusable (already reported).
    mutating func period(_ node: YAMLNode, what: String) -> Int? {
        guard let date = calendarDate(node, what: what), let calendar else { return nil }
        guard let period = calendar.period(containing: date) else {
            reader.error("the date \(date) for \(what) is outside the calendar \(calendar.horizonDescription)", at: node.location)
            return nil
        }
        return period
    }

    /// The number in `text` when it is a plain decimal number (`15`, `-0.4`, `1e9`), else `nil`.
    static func plainNumber(_ text: String) -> Double? {
        guard let first = text.first, first.isNumber || first == "-" || first == "+" || first == ".",
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }
}
