import Foundation
public import OuroborosEngine

extension NetworkScenario {
    /// The shocks written as `KIND:SIZE@DATE` (`--shock`), read against this scenario's calendar
    /// and entities; a `RequestError` says which one is wrong and what was expected.
    public func shocks(_ texts: [String]) throws(RequestError) -> [NetworkShock] {
        var shocks: [NetworkShock] = []
        for text in texts {
            do {
                shocks.append(try NetworkShock.parse(text, calendar: calendar, entityIDs: entities.map(\.id)))
            } catch {
                throw RequestError("--shock '\(text)': \(error)")
            }
        }
        return shocks
    }

    /// `KIND@DATE` (or `KIND:SIZE@DATE`, whose size is ignored) as a shock of this scenario whose
    /// size a tipping-point search sets.
    public func shockTemplate(_ text: String) throws(RequestError) -> NetworkShock {
        guard let at = text.lastIndex(of: "@") else {
            throw RequestError("--shock '\(text)': expected KIND@DATE such as rate@2026-01")
        }
        let head = String(text[..<at])
        let date = String(text[text.index(after: at)...])
        let kindText = head.split(separator: ":").first.map(String.init) ?? head
        guard let kind = NetworkShock.Kind(rawValue: kindText.lowercased()) else {
            throw RequestError(
                "--shock '\(text)': unknown kind '\(kindText)'; expected one of rate, liquidity, chips, power, demand, crypto, sentiment")
        }
        let placeholder: String =
            switch kind {
            case .rate: "+1bp"
            case .liquidity: "-1B"
            case .chips: "delay=1m"
            case .credit: "freeze"
            case .default: entities.first?.id ?? "none"
            default: "-1%"
            }
        do {
            return try NetworkShock.parse("\(kind.rawValue):\(placeholder)@\(date)", calendar: calendar, entityIDs: entities.map(\.id))
        } catch {
            throw RequestError("--shock '\(text)': \(error.problem)")
        }
    }

    /// A size written in the units of `template`'s kind (`300bp`, `-500B`, `6m`, `-30%`): an end
    /// of a tipping-point search's `--range`.
    public func shockSize(_ text: String, like template: NetworkShock) throws(RequestError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let written = template.kind == .chips && !trimmed.hasPrefix("delay=") ? "delay=\(trimmed)" : trimmed
        if template.kind == .chips, trimmed == "0" || trimmed == "0m" { return 0 }
        let date = calendar.label(template.period)
        do {
            return try NetworkShock.parse("\(template.kind.rawValue):\(written)@\(date)", calendar: calendar, entityIDs: entities.map(\.id)).size
        } catch {
            throw RequestError("--range end '\(text)': \(error)")
        }
    }
}
