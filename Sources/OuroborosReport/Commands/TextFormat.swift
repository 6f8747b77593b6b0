/// How a command writes its results.
public enum TextFormat: String, CaseIterable, Sendable {
    /// A screen-sized summary for people.
    case table
    /// Comma-separated values with a header row, full precision.
    case csv
    /// One JSON object, keys in a fixed order.
    case json

    /// The text of this format, computing only that one.
    public func render(table: () -> String, csv: () -> String, json: () -> String) -> String {
        switch self {
        case .table: table()
        case .csv: csv()
        case .json: json()
        }
    }
}
