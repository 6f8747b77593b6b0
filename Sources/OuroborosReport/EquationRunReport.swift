import OuroborosCore
public import OuroborosEquations

/// Renders the result of an equation-model run as a table, CSV or JSON.
public struct EquationRunReport: Sendable {
    /// The run to render.
    public var result: SimulationResult
    /// Number of hidden equations checked every period.
    public var hiddenEquations: [String]

    /// Creates a report of `result`.
    public init(result: SimulationResult, hiddenEquations: [String] = []) {
        self.result = result
        self.hiddenEquations = hiddenEquations
    }

    /// Wide CSV: header `period,VAR1,VAR2,...`, then one row per period from 0 (the initial state),
    /// every value at full precision.
    public func csv() -> String {
        var out = "period," + result.variableNames.map(NumberText.csvField).joined(separator: ",") + "\n"
        out.reserveCapacity((result.periods + 1) * (result.variableNames.count * 20 + 8))
        for period in 0...result.periods {
            out += String(period)
            for value in result.row(period) {
                out += ","
                out += NumberText.full(value)
            }
            out += "\n"
        }
        return out
    }

    /// One JSON object: `model`, `periods` (labels 0…N), `variables` ({NAME: [values]}) and
    /// `checks` ({max_relative_imbalance, hidden_equations}); keys in a fixed order so equal runs give equal bytes.
    public func json() -> String {
        var out = "{\n  \"model\": \(NumberText.jsonString(result.modelName)),\n"
        out += "  \"periods\": [" + (0...result.periods).map(String.init).joined(separator: ", ") + "],\n"
        out += "  \"variables\": {\n"
        let entries = result.variableNames.map { name in
            let values = (result.series(name) ?? []).map(NumberText.full).joined(separator: ", ")
            return "    \(NumberText.jsonString(name)): [\(values)]"
        }
        out += entries.joined(separator: ",\n") + "\n  },\n"
        out += "  \"checks\": {\"max_relative_imbalance\": \(NumberText.full(result.maxRelativeImbalance)), "
        out += "\"hidden_equations\": [" + hiddenEquations.map(NumberText.jsonString).joined(separator: ", ") + "]}\n"
        out += "}\n"
        return out
    }

    /// The periods shown in the table: 0, 1, 2, 3, 5, 10, 20, 50, 100, … and the last one.
    public static func tablePeriods(upTo last: Int) -> [Int] {
        var periods = [0, 1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000].filter { $0 < last }
        periods.append(last)
        return periods
    }

    /// A screen-sized summary: variables as rows and selected periods as columns, then the
    /// balance-sheet and transactions-flow matrices of the last period, then the checks.
    public func table(decimals: Int = 4) -> String {
        let periods = Self.tablePeriods(upTo: result.periods)
        var out = "\(result.modelName): \(result.periods) periods solved (period 0 is the initial state)\n\n"
        var table = TextTable(header: ["variable"] + periods.map { "t=\($0)" })
        for name in result.variableNames {
            let series = result.series(name) ?? []
            table.rows.append([name] + periods.map { NumberText.fixed(series[$0], decimals: decimals) })
        }
        out += table.rendered()
        let matrices = result.matrices(at: result.periods)
        for matrix in matrices {
            out += "\n" + matrix.rendered(decimals: 2)
        }
        out += "\nchecks: "
        if matrices.isEmpty && hiddenEquations.isEmpty {
            out += "no balance-sheet or transactions-flow matrix given; no identities checked\n"
        } else {
            var parts: [String] = []
            if !matrices.isEmpty {
                parts.append(
                    "every row and column of the matrices closed in all \(result.periods) periods (largest relative imbalance \(NumberText.full(result.maxRelativeImbalance)))"
                )
            }
            if !hiddenEquations.isEmpty {
                parts.append("hidden equation\(hiddenEquations.count > 1 ? "s" : "") \(hiddenEquations.joined(separator: ", ")) held in every period")
            }
            out += parts.joined(separator: "; ") + "\n"
        }
        return out
    }
}
