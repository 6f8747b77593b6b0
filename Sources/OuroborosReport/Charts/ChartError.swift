/// Why a chart cannot be drawn from the data given: the series and the place are named.
public enum ChartError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A series has a different number of values than there are periods (or bands, or bars).
    case lengthMismatch(series: String, expected: Int, found: Int)
    /// A value is NaN or infinite where the chart cannot show a gap (bands, probabilities, bars).
    case nonFinite(series: String, index: Int)
    /// A band's lower edge lies above its centre or upper edge, or a probability lies outside 0 … 1.
    case invalidBand(series: String, index: Int, reason: String)
    /// There is nothing to draw.
    case empty(chart: String)

    /// One sentence naming the series, the place and what was expected.
    public var description: String {
        switch self {
        case .lengthMismatch(let series, let expected, let found):
            "chart series '\(series)' has \(found) values, expected \(expected) (one per period)"
        case .nonFinite(let series, let index):
            "chart series '\(series)' has a NaN or infinite value at position \(index); expected a finite number"
        case .invalidBand(let series, let index, let reason):
            "chart series '\(series)' at position \(index): \(reason)"
        case .empty(let chart):
            "chart '\(chart)' has no data to draw"
        }
    }
}
