import OuroborosCore

/// Checks an `EquationModelSpec` before anything runs and collects every problem it finds.
///
/// Parses every equation, matrix cell and hidden equation; resolves every name; checks sizes,
/// periods and numbers. All problems are reported together, each at its line and column.
struct ModelChecker {
    private let spec: EquationModelSpec
    private var diagnostics: [Diagnostic] = []
    private var declarations: [String: Declaration] = [:]
    private var usedNames: Set<String> = []
    private let initialNames: Set<String>

    private init(spec: EquationModelSpec) {
        self.spec = spec
        self.initialNames = Set(spec.initial.map(\.name))
    }

    /// The checked model, or every problem found in `spec`.
    static func check(_ spec: EquationModelSpec) throws(DiagnosticList) -> CheckedModel {
        var checker = ModelChecker(spec: spec)
        let model = checker.checkAll()
        if !checker.diagnostics.isEmpty { throw DiagnosticList(checker.diagnostics) }
        return model
    }

    private mutating func checkAll() -> CheckedModel {
        if spec.periods < 1 {
            report("periods must be at least 1, found \(spec.periods)", at: spec.location)
        }
        if spec.equations.isEmpty {
            report("the model has no equations", at: spec.location)
        }
        let parameters = declareParameters()
        let exogenous = declareExogenous()
        let equations = declareEquations()
        let resolved = equations.compactMap { entry -> CheckedModel.Equation? in
            guard let parsed = entry.parsed else { return nil }
            resolve(parsed.expression, in: entry.source)
            return entry.isDefinition ? CheckedModel.Equation(target: parsed.target, expression: parsed.expression, source: entry.source) : nil
        }
        let hidden = checkHidden()
        let matrices = spec.matrices.map { checkMatrix($0) }
        let shocks = checkShocks()
        let initial = checkInitial()
        return CheckedModel(
            name: spec.name, periods: spec.periods, parameters: parameters, exogenous: exogenous,
            initial: initial, equations: resolved, shocks: shocks, hidden: hidden, matrices: matrices)
    }

    // MARK: Declarations

    private mutating func declareParameters() -> [NamedValue] {
        var kept: [NamedValue] = []
        for parameter in spec.parameters {
            if !parameter.value.isFinite {
                report("parameter '\(parameter.name)' is not a finite number (\(parameter.value))", at: parameter.location)
            }
            if declare(parameter.name, as: .parameter, at: parameter.location) { kept.append(parameter) }
        }
        return kept
    }

    private mutating func declareExogenous() -> [ExogenousSeries] {
        var kept: [ExogenousSeries] = []
        for series in spec.exogenous {
            let name = series.name
            switch series.values {
            case .constant(let value) where !value.isFinite:
                report("exogenous variable '\(name)' is not a finite number (\(value))", at: series.location)
            case .constant:
                break
            case .series(let values):
                if spec.periods >= 1, values.count != spec.periods {
                    report(
                        "exogenous variable '\(name)': expected \(spec.periods) values, one per period, found \(values.count)",
                        at: series.location)
                } else if values.isEmpty {
                    report("exogenous variable '\(name)' has an empty series", at: series.location)
                }
                if let bad = values.firstIndex(where: { !$0.isFinite }) {
                    report(
                        "exogenous variable '\(name)': the value for period \(bad + 1) is not a finite number (\(values[bad]))",
                        at: series.location)
                }
            }
            if declare(name, as: .exogenous, at: series.location) { kept.append(series) }
        }
        return kept
    }

    /// An equation as parsed; `isDefinition` is false for a second definition of the same name.
    private struct ParsedEntry {
        var source: EquationSource
        var parsed: ParsedEquation?
        var isDefinition: Bool
    }

    private mutating func declareEquations() -> [ParsedEntry] {
        spec.equations.map { source in
            guard let parsed = parse(source, with: Parser.equation) else {
                // Declare the name the broken equation defines, so its uses are not reported too.
                if let target = Parser.definedName(in: source.text), declarations[target] == nil {
                    declarations[target] = Declaration(kind: .endogenous, location: source.location)
                }
                return ParsedEntry(source: source, parsed: nil, isDefinition: false)
            }
            let place = source.location?.advanced(byColumns: parsed.targetOffset)
            let isDefinition = declare(parsed.target, as: .endogenous, at: place)
            return ParsedEntry(source: source, parsed: parsed, isDefinition: isDefinition)
        }
    }

    /// Records `name`; reports a clash with an earlier declaration and returns false on one.
    private mutating func declare(_ name: String, as kind: SymbolKind, at location: SourceLocation?) -> Bool {
        guard let earlier = declarations[name] else {
            declarations[name] = Declaration(kind: kind, location: location)
            return true
        }
        let first = lineReference(earlier.location)
        switch (earlier.kind, kind) {
        case (.endogenous, .endogenous):
            report("'\(name)' is defined twice; its first equation is on \(first)", at: location)
        case (.parameter, .parameter):
            report("parameter '\(name)' is declared twice; first on \(first)", at: location)
        case (.exogenous, .exogenous):
            report("exogenous variable '\(name)' is declared twice; first on \(first)", at: location)
        case (_, .endogenous):
            report("'\(name)' is \(earlier.kind.noun) (\(first)) and cannot also be defined by an equation", at: location)
        default:
            report("'\(name)' is declared both as \(earlier.kind.noun) (\(first)) and as \(kind.noun)", at: location)
        }
        return false
    }

    // MARK: References

    /// Reports every name in `expression` that is not declared, at its column in `source`.
    private mutating func resolve(_ expression: Expression, in source: EquationSource) {
        for reference in expression.references {
            usedNames.insert(reference.name)
            guard declarations[reference.name] == nil else { continue }
            let place = source.location?.advanced(byColumns: reference.offset)
            if initialNames.contains(reference.name) {
                report(
                    "'\(reference.name)' is used but never defined: it has an initial value but no equation '\(reference.name) = …'",
                    at: place)
            } else {
                report(
                    "unknown variable '\(reference.name)': not a parameter, an exogenous variable or defined by an equation\(suggestion(for: reference.name))",
                    at: place)
            }
        }
    }

    /// ` (did you mean 'X'?)` when a declared name differs from `name` only in case.
    private func suggestion(for name: String) -> String {
        let lowered = name.lowercased()
        guard let match = declarations.keys.filter({ $0.lowercased() == lowered }).min() else { return "" }
        return " (did you mean '\(match)'?)"
    }

    private mutating func checkHidden() -> [CheckedModel.Hidden] {
        spec.hidden.compactMap { source in
            guard let equality = parse(source, with: Parser.equality) else { return nil }
            resolve(equality.left, in: source)
            resolve(equality.right, in: source)
            return CheckedModel.Hidden(text: source.text.trimmingWhitespace(), location: source.location, equality: equality)
        }
    }

    private mutating func checkMatrix(_ matrix: MatrixSpec) -> CheckedModel.Matrix {
        let noun = SFCMatrix.Kind(matrix.kind).rawValue
        var columnIndex: [String: Int] = [:]
        for (index, column) in matrix.columns.enumerated() {
            if columnIndex[column] != nil {
                report("sector '\(column)' appears twice in the \(noun)", at: matrix.location)
            } else {
                columnIndex[column] = index
            }
        }
        let rowNames = Set(matrix.rows.map(\.name))
        for exempt in matrix.exemptRows.sorted() where !rowNames.contains(exempt) {
            report("exempt row '\(exempt)' is not a row of the \(noun)", at: matrix.location)
        }
        let cells = matrix.rows.map { row -> [Expression?] in
            var cells = [Expression?](repeating: nil, count: matrix.columns.count)
            var filled: Set<Int> = []
            for cell in row.cells {
                let place = cell.expression.location ?? row.location
                guard let column = columnIndex[cell.column] else {
                    report(
                        "row '\(row.name)': unknown sector '\(cell.column)'; the sectors are \(matrix.columns.joined(separator: ", "))",
                        at: place)
                    continue
                }
                if !filled.insert(column).inserted {
                    report("row '\(row.name)' has two cells in sector '\(cell.column)'", at: place)
                    continue
                }
                if cell.expression.text.trimmingWhitespace().isEmpty { continue }
                guard let expression = parse(cell.expression, with: Parser.expression) else { continue }
                resolve(expression, in: cell.expression)
                cells[column] = expression
            }
            return cells
        }
        return CheckedModel.Matrix(spec: matrix, cells: cells)
    }

    // MARK: Shocks and initial values

    private mutating func checkShocks() -> [CheckedModel.Shock] {
        spec.shocks.map { shock in
            if shock.from < 1 {
                report("a shock must start in period 1 or later, found from: \(shock.from)", at: shock.location)
            } else if spec.periods >= 1, shock.from > spec.periods {
                report("shock starts in period \(shock.from), beyond the model's \(spec.periods) periods", at: shock.location)
            }
            if let to = shock.to {
                if to < shock.from {
                    report("a shock cannot end (to: \(to)) before it starts (from: \(shock.from))", at: shock.location)
                } else if spec.periods >= 1, to > spec.periods {
                    report("shock ends in period \(to), beyond the model's \(spec.periods) periods", at: shock.location)
                }
            }
            var seen: Set<String> = []
            var values: [NamedValue] = []
            for value in shock.set {
                let place = value.location ?? shock.location
                if !value.value.isFinite {
                    report("shock value of '\(value.name)' is not a finite number (\(value.value))", at: place)
                }
                if !seen.insert(value.name).inserted {
                    report("shock sets '\(value.name)' twice", at: place)
                }
                switch declarations[value.name]?.kind {
                case nil:
                    report("shock sets unknown variable '\(value.name)'\(suggestion(for: value.name))", at: place)
                case .endogenous:
                    report(
                        "shock sets '\(value.name)', which is defined by an equation; shocks change only parameters and exogenous variables",
                        at: place)
                case .parameter, .exogenous:
                    values.append(value)
                }
            }
            return CheckedModel.Shock(from: shock.from, to: shock.to, values: values)
        }
    }

    private mutating func checkInitial() -> [NamedValue] {
        var seen: [String: SourceLocation?] = [:]
        var kept: [NamedValue] = []
        for value in spec.initial {
            if !value.value.isFinite {
                report("initial value of '\(value.name)' is not a finite number (\(value.value))", at: value.location)
            }
            if let first = seen[value.name] {
                report("initial value for '\(value.name)' is given twice; first on \(lineReference(first))", at: value.location)
                continue
            }
            seen[value.name] = value.location
            if declarations[value.name] != nil {
                kept.append(value)
            } else if !usedNames.contains(value.name) {
                report("initial value for unknown variable '\(value.name)'\(suggestion(for: value.name))", at: value.location)
            }
        }
        return kept
    }

    // MARK: Helpers

    private mutating func parse<T>(_ source: EquationSource, with parser: (String) throws(SyntaxError) -> T) -> T? {
        do throws(SyntaxError) {
            return try parser(source.text)
        } catch {
            report(error.message, at: source.location?.advanced(byColumns: error.offset))
            return nil
        }
    }

    private mutating func report(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(message, at: location))
    }
}
