import OuroborosCore

/// The time series of a run: one column of values per (entity, variable), one value per period.
///
/// Stored compactly (one row per column, the values as a blob of doubles) and rendered back as
/// the exact CSV that `ouroboros run --format csv` printed for the run.
public struct RunSeries: Sendable, Equatable {
    /// How the run's CSV is laid out.
    public enum Layout: String, Sendable, CaseIterable {
        /// `period,entity,variable,value`, one row per value, column by column (network runs).
        case long
        /// `period,VAR1,VAR2,...`, one row per period (equation models; the entity is empty).
        case wide
    }

    /// One series.
    public struct Column: Sendable, Equatable {
        /// The entity, market or block the series belongs to (`macro`, `openai`); empty for an equation variable.
        public var entity: String
        /// The variable, e.g. `cash` or `Y`.
        public var variable: String
        /// One value per period label.
        public var values: [Double]

        /// Creates a column.
        public init(entity: String, variable: String, values: [Double]) {
            self.entity = entity
            self.variable = variable
            self.values = values
        }
    }

    /// The CSV layout to reproduce.
    public var layout: Layout
    /// The period labels, e.g. `2025-01` … or `0` … `N`.
    public var periodLabels: [String]
    /// The columns in the order the CSV lists them.
    public var columns: [Column]

    /// Creates a set of series; every column must hold one value per period label.
    public init(layout: Layout, periodLabels: [String], columns: [Column]) {
        self.layout = layout
        self.periodLabels = periodLabels
        self.columns = columns
    }

    /// The first column whose length differs from the number of periods, if any.
    var misshapenColumn: Column? { columns.first { $0.values.count != periodLabels.count } }

    /// The CSV exactly as the run printed it (full-precision numbers, fields quoted as needed).
    public func csv() -> String {
        switch layout {
        case .long:
            var out = "period,entity,variable,value\n"
            for column in columns {
                let entity = NumberText.csvField(column.entity)
                for (label, value) in zip(periodLabels, column.values) {
                    out += "\(label),\(entity),\(column.variable),\(NumberText.full(value))\n"
                }
            }
            return out
        case .wide:
            var out = "period," + columns.map { NumberText.csvField($0.variable) }.joined(separator: ",") + "\n"
            for (t, label) in periodLabels.enumerated() {
                out += label
                for column in columns {
                    out += ","
                    out += NumberText.full(column.values[t])
                }
                out += "\n"
            }
            return out
        }
    }
}
