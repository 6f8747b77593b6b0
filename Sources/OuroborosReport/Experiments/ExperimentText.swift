import Foundation
import OuroborosCore

/// How experiment reports write numbers and JSON.
public enum ExperimentText {
    /// `12.3%`.
    public static func percent(_ value: Double, decimals: Int = 1) -> String {
        NumberText.fixed(value * 100, decimals: decimals) + "%"
    }

    /// `$1.4T`, `$300B` (three significant digits).
    public static func usd(_ value: Double) -> String {
        MoneyText.short(value)
    }

    /// A value of a key series for people: dollars for prices, debt and cash, two decimals for indices.
    public static func series(_ name: String, _ value: Double) -> String {
        KeySeriesStyle.unit(name) == .usd ? usd(value) : NumberText.fixed(value, decimals: 2)
    }

    /// One JSON object of `value`, snake_case keys sorted and indented, ending with a newline: equal values give equal bytes.
    ///
    /// The experiments' JSON goes through `JSONEncoder` (sorted keys, `"key" : value`); a network
    /// run's JSON and the store's summaries are written field by field in their documented order
    /// (`"key": value`). The two styles stay apart: folding either into the other would move every
    /// byte of the committed outputs of one of them.
    public static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
