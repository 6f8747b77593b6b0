import Foundation
import OuroborosCore
import OuroborosReport

/// How experiment reports write numbers and JSON.
enum ExperimentText {
    /// `12.3%`.
    static func percent(_ value: Double, decimals: Int = 1) -> String {
        NumberText.fixed(value * 100, decimals: decimals) + "%"
    }

    /// `$1.4T`, `$300B` (three significant digits).
    static func usd(_ value: Double) -> String {
        value.isFinite ? MoneyAmount(value).formatted(significantDigits: 3) : "\(value)"
    }

    /// A value of a key series for people: dollars for prices, debt and cash, two decimals for indices.
    static func series(_ name: String, _ value: Double) -> String {
        name.hasPrefix("price:") || name.hasPrefix("debt:") || name.hasPrefix("cash:") ? usd(value) : NumberText.fixed(value, decimals: 2)
    }

    /// One JSON object of `value`, snake_case keys sorted and indented, ending with a newline: equal values give equal bytes.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// CSV lines from rows of fields, with a header.
    static func csv(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(NumberText.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
