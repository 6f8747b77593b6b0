public import OuroborosCore

extension NetworkShock.Kind {
    /// What the size of this kind of shock looks like, for error messages.
    public var sizeForm: String {
        switch self {
        case .rate: "a rate change such as +300bp, -50bp or +1.5%"
        case .liquidity: "an amount such as -500B or +$200B"
        case .chips: "a delay such as delay=6m"
        case .power, .demand, .crypto, .sentiment: "a percentage such as -30%"
        case .credit: "'freeze'"
        case .default: "an entity id such as openai"
        }
    }
}

extension NetworkShock {
    /// Reads a shock written as `KIND:SIZE@DATE`, on the command line (`--shock`) or under `shocks:`.
    ///
    /// | text | kind | size | target |
    /// |---|---|---|---|
    /// | `rate:+300bp@2026-01` | rate | +0.03 (a change of the policy rate per year) | |
    /// | `liquidity:-500B@2026-01` | liquidity | -5e11 (USD) | |
    /// | `chips:delay=6m@2026-01` | chips | 6 (months of delay; `6m` alone also works) | |
    /// | `power:-30%@2026-01` (also demand, crypto, sentiment) | power | -0.3 (a fraction, at least -100%) | |
    /// | `credit:freeze@2026-06` | credit | 1 | |
    /// | `default:openai@2027-01` | default | 1 | `openai`, one of `entityIDs` |
    ///
    /// The date (`2026-01`, `2026Q1` or `2026`) must fall within `calendar`; it becomes the period it hits.
    public static func parse(_ text: String, calendar: Timeline, entityIDs: [String]) throws(ShockParseError) -> NetworkShock {
        let scalars = Array(text.unicodeScalars)
        let isSpace: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace }
        let first = scalars.firstIndex { !isSpace($0) } ?? scalars.count
        let last = (scalars.lastIndex { !isSpace($0) } ?? -1) + 1
        func fail(_ problem: String, at offset: Int) -> ShockParseError {
            ShockParseError(text: text, problem: problem, offset: offset)
        }
        func string(_ range: Range<Int>) -> String {
            var result = ""
            result.unicodeScalars.append(contentsOf: scalars[range])
            return result.trimmingWhitespace()
        }
        guard first < last else { throw fail("found an empty shock", at: 0) }
        let trimmed = string(first..<last)
        guard let colon = scalars[first..<last].firstIndex(of: ":") else {
            throw fail("found '\(trimmed)' with no ':' after the kind", at: first)
        }
        let kindText = string(first..<colon)
        let kindNames = Kind.allCases.map(\.rawValue).joined(separator: ", ")
        guard let kind = Kind(rawValue: kindText.lowercased()) else {
            let found = kindText.isEmpty ? "no kind before ':'" : "unknown kind '\(kindText)'"
            throw fail("\(found) (expected one of: \(kindNames))", at: first)
        }
        guard let at = scalars[(colon + 1)..<last].lastIndex(of: "@") else {
            throw fail("missing '@DATE' after the size of the \(kind.rawValue) shock, e.g. \(kind.rawValue):…@2026-01", at: last)
        }
        let sizeStart = colon + 1
        let sizeText = string(sizeStart..<at)
        let dateText = string((at + 1)..<last)

        let (size, target) = try Self.size(of: kind, sizeText, entityIDs: entityIDs) { problem throws(ShockParseError) in
            throw fail(problem, at: sizeStart)
        }

        let date: CalendarPeriod
        do {
            date = try CalendarPeriod(parsing: dateText)
        } catch {
            let found = dateText.isEmpty ? "nothing" : "'\(dateText)'"
            let reason = error.reason.map { " (\($0))" } ?? ""
            throw fail("the date must be \(error.expected), found \(found)\(reason)", at: at + 1)
        }
        guard let period = calendar.period(containing: date) else {
            throw fail("the date \(date) is outside the calendar \(calendar.horizonDescription)", at: at + 1)
        }
        return NetworkShock(kind: kind, size: size, target: target, period: period, text: trimmed)
    }

    /// The size (and for defaults the target) of a shock of `kind` written as `text`.
    private static func size(
        of kind: Kind, _ text: String, entityIDs: [String],
        fail: (String) throws(ShockParseError) -> Never
    ) throws(ShockParseError) -> (Double, String?) {
        let found = text.isEmpty ? "nothing" : "'\(text)'"
        let expected = "the size of a \(kind.rawValue) shock is \(kind.sizeForm), found \(found)"
        switch kind {
        case .rate:
            guard let rate = try? Rate(parsing: text) else { try fail(expected) }
            guard abs(rate.value) <= 1 else {
                try fail("a rate shock moves the policy rate by at most ±10000bp (100 percentage points), found \(found)")
            }
            return (rate.value, nil)
        case .liquidity:
            guard let amount = try? MoneyAmount(parsing: text) else { try fail(expected) }
            guard abs(amount.usd) <= MoneyAmount.largestInputMagnitude else {
                try fail("a liquidity shock is at most 1e15 (a thousand trillion) in size, found \(found)")
            }
            return (amount.usd, nil)
        case .chips:
            var delay = text
            if delay.lowercased().hasPrefix("delay=") { delay = String(delay.dropFirst("delay=".count)).trimmingWhitespace() }
            let months: Int
            if let whole = Int(delay) {
                months = whole
            } else if let tenor = try? Tenor(parsing: delay) {
                months = tenor.months
            } else {
                try fail(expected)
            }
            guard months > 0 else { try fail("a chip delay must be at least one month, found \(found)") }
            guard months <= 1200 else { try fail("a chip delay is at most 1200 months (the longest calendar), found \(found)") }
            return (Double(months), nil)
        case .power, .demand, .crypto, .sentiment:
            guard let fraction = try? Rate(parsing: text) else { try fail(expected) }
            guard fraction.value >= -1 else { try fail("a \(kind.rawValue) shock cannot fall by more than 100%, found \(found)") }
            guard fraction.value <= 100 else { try fail("a \(kind.rawValue) shock can rise by at most 10000% (×101), found \(found)") }
            return (fraction.value, nil)
        case .credit:
            guard text.lowercased() == "freeze" else { try fail(expected) }
            return (1, nil)
        case .default:
            guard !text.isEmpty else { try fail(expected) }
            guard entityIDs.contains(text) else {
                let known = entityIDs.isEmpty ? "the scenario has no entities" : "expected one of: \(entityIDs.joined(separator: ", "))"
                try fail("unknown entity '\(text)' (\(known))")
            }
            return (1, text)
        }
    }
}
