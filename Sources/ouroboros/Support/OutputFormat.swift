import ArgumentParser

/// How a command prints its results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// A screen-sized summary for people.
    case table
    /// Comma-separated values with a header row, full precision.
    case csv
    /// One JSON object, keys in a fixed order.
    case json
}

extension OutputFormat {
    /// The text of the chosen format, computing only that one.
    func render(table: () -> String, csv: () -> String, json: () -> String) -> String {
        switch self {
        case .table: table()
        case .csv: csv()
        case .json: json()
        }
    }
}
