public import OuroborosCore
public import OuroborosEquations

/// Decodes a `kind: equations` YAML document into an `EquationModelSpec`.
///
/// ```yaml
/// kind: equations
/// name: SIM
/// periods: 60
/// parameters: {alpha1: 0.6, alpha2: 0.4, theta: 0.2, W: 1}
/// exogenous: {Gd: 20}            # a constant, or a list with one value per period
/// initial: {Hh: 0, Hs: 0}        # period-0 values (default 0)
/// equations:
///   - Cs = Cd
///   - Y = Cs + Gs
/// hidden: [Hh = Hs]              # redundant equations checked every period
/// shocks:
///   - {from: 10, to: 60, set: {Gd: 25}}
/// balance_sheet:                 # optional; checked every period
///   columns: [Households, Government]
///   rows:
///     Money: {Households: +Hh, Government: -Hs}
///     Net worth: {Households: -Hh, Government: +Hs}
/// transactions_flow: { columns: [...], rows: {...} }
/// ```
public enum EquationModelFile {
    /// The keys a `kind: equations` file may have.
    public static let allowedKeys = [
        "kind", "name", "description", "periods", "parameters", "exogenous", "initial",
        "equations", "hidden", "shocks", "balance_sheet", "transactions_flow",
    ]

    /// Decodes `root`, reporting every problem with its place.
    public static func decode(_ root: YAMLNode, file: String) throws(DiagnosticList) -> EquationModelSpec {
        var reader = SchemaReader()
        guard let pairs = reader.mapping(root, expected: "a mapping of model keys (kind, name, periods, equations, …)") else {
            throw DiagnosticList(reader.diagnostics)
        }
        reader.rejectUnknownKeys(pairs, allowed: allowedKeys, in: "an equation model")
        let value: (String) -> YAMLNode? = { key in pairs.first { $0.key == key }?.value }
        let documentStart = SourceLocation(file: file, line: 1, column: 1)
        for required in ["kind", "periods", "equations"] where value(required) == nil {
            reader.error("missing key '\(required)'; an equation model needs kind, periods and equations", at: root.location)
        }

        var spec = EquationModelSpec(name: fileStem(file), periods: 0, location: documentStart)
        if let node = value("name"), let name = reader.string(node, what: "the model name") { spec.name = name }
        if let node = value("periods"), let periods = reader.integer(node, what: "periods", in: 1...1_000_000) {
            spec.periods = periods
        }
        if let node = value("parameters") { spec.parameters = namedNumbers(node, what: "parameter", reader: &reader) }
        if let node = value("initial") { spec.initial = namedNumbers(node, what: "initial value", reader: &reader) }
        if let node = value("exogenous") { spec.exogenous = exogenous(node, reader: &reader) }
        if let node = value("equations") { spec.equations = expressions(node, what: "equations", reader: &reader) }
        if let node = value("hidden") { spec.hidden = expressions(node, what: "hidden equations", reader: &reader) }
        if let node = value("shocks") { spec.shocks = shocks(node, reader: &reader) }
        if let node = value("balance_sheet") {
            if let matrix = matrix(node, kind: .balanceSheet, reader: &reader) { spec.matrices.append(matrix) }
        }
        if let node = value("transactions_flow") {
            if let matrix = matrix(node, kind: .transactionsFlow, reader: &reader) { spec.matrices.append(matrix) }
        }
        if !reader.diagnostics.isEmpty { throw DiagnosticList(reader.diagnostics) }
        return spec
    }

    static func fileStem(_ file: String) -> String {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        return base.split(separator: ".").first.map(String.init) ?? base
    }

    static func namedNumbers(_ node: YAMLNode, what: String, reader: inout SchemaReader) -> [NamedValue] {
        guard let pairs = reader.mapping(node, expected: "a mapping of names to numbers, e.g. {alpha1: 0.6}") else { return [] }
        return pairs.compactMap { pair in
            guard isIdentifier(pair.key) else {
                reader.error(
                    "'\(pair.key)' is not a valid name for a \(what); use letters, digits and _ starting with a letter", at: pair.keyNode.location)
                return nil
            }
            return reader.number(pair.value, what: "\(what) '\(pair.key)'").map { NamedValue(pair.key, $0, at: pair.keyNode.location) }
        }
    }

    static func exogenous(_ node: YAMLNode, reader: inout SchemaReader) -> [ExogenousSeries] {
        guard let pairs = reader.mapping(node, expected: "a mapping of exogenous names to a number or a list of numbers, e.g. {Gd: 20}") else {
            return []
        }
        return pairs.compactMap { pair in
            guard isIdentifier(pair.key) else {
                reader.error(
                    "'\(pair.key)' is not a valid variable name; use letters, digits and _ starting with a letter", at: pair.keyNode.location)
                return nil
            }
            if case .sequence(let items) = pair.value.content {
                guard !items.isEmpty else {
                    reader.error("expected at least one value for exogenous '\(pair.key)', found an empty list", at: pair.value.location)
                    return nil
                }
                let values = items.enumerated().compactMap { index, item in
                    reader.number(item, what: "exogenous '\(pair.key)' in period \(index + 1)")
                }
                guard values.count == items.count else { return nil }
                return ExogenousSeries(pair.key, .series(values), at: pair.keyNode.location)
            }
            return reader.number(pair.value, what: "exogenous '\(pair.key)' (a number or a list with one value per period)")
                .map { ExogenousSeries(pair.key, .constant($0), at: pair.keyNode.location) }
        }
    }

    static func expressions(_ node: YAMLNode, what: String, reader: inout SchemaReader) -> [EquationSource] {
        guard let items = reader.sequence(node, expected: "a list of \(what), one 'NAME = EXPRESSION' per item") else { return [] }
        return items.compactMap { item in
            guard case .scalar(let text, _) = item.content else {
                reader.error(
                    "expected an equation 'NAME = EXPRESSION', found \(item.kindDescription) (quote equations that contain ': ')", at: item.location)
                return nil
            }
            return EquationSource(text, at: item.textLocation)
        }
    }

    static func shocks(_ node: YAMLNode, reader: inout SchemaReader) -> [ShockSpec] {
        guard let items = reader.sequence(node, expected: "a list of shocks, e.g. - {from: 10, set: {Gd: 25}}") else { return [] }
        var result: [ShockSpec] = []
        for item in items {
            guard let pairs = reader.mapping(item, expected: "a shock mapping with from, optional to, and set") else { continue }
            reader.rejectUnknownKeys(pairs, allowed: ["from", "to", "set"], in: "a shock")
            let value: (String) -> YAMLNode? = { key in pairs.first { $0.key == key }?.value }
            var from: Int?
            if let node = value("from") {
                from = reader.integer(node, what: "the shock's first period 'from'", in: 1...Int.max)
            } else {
                reader.error("missing key 'from' in shock; expected the first period the shock applies to", at: item.location)
            }
            let to = value("to").flatMap { reader.integer($0, what: "the shock's last period 'to'", in: 1...Int.max) }
            var set: [NamedValue] = []
            if let node = value("set") {
                set = namedNumbers(node, what: "shocked value", reader: &reader)
            } else {
                reader.error("missing key 'set' in shock; expected a mapping of exogenous names or parameters to new values", at: item.location)
            }
            if let from { result.append(ShockSpec(from: from, to: to, set: set, at: item.location)) }
        }
        return result
    }

    static func matrix(_ node: YAMLNode, kind: MatrixSpec.Kind, reader: inout SchemaReader) -> MatrixSpec? {
        let what = kind == .balanceSheet ? "balance_sheet" : "transactions_flow"
        guard let pairs = reader.mapping(node, expected: "a \(what) mapping with columns and rows") else { return nil }
        reader.rejectUnknownKeys(pairs, allowed: ["columns", "rows", "exempt"], in: what)
        let value: (String) -> YAMLNode? = { key in pairs.first { $0.key == key }?.value }
        var columns: [String] = []
        if let node = value("columns"), let items = reader.sequence(node, expected: "a list of sector names") {
            columns = items.compactMap { reader.string($0, what: "a sector name") }
        } else if value("columns") == nil {
            reader.error("missing key 'columns' in \(what); expected the list of sectors", at: node.location)
        }
        var exempt: Set<String> = []
        if let node = value("exempt"), let items = reader.sequence(node, expected: "a list of row names") {
            exempt = Set(items.compactMap { reader.string($0, what: "a row name") })
        }
        var rows: [MatrixSpec.Row] = []
        if let node = value("rows"), let rowPairs = reader.mapping(node, expected: "a mapping of row names to {SECTOR: EXPRESSION} cells") {
            for row in rowPairs {
                guard let cellPairs = reader.mapping(row.value, expected: "a mapping of sectors to expressions, e.g. {Households: -Cd}") else {
                    continue
                }
                var cells: [MatrixSpec.Cell] = []
                for cell in cellPairs {
                    if !columns.contains(cell.key) {
                        reader.error(
                            "unknown sector '\(cell.key)' in row '\(row.key)'; expected one of the columns: \(columns.joined(separator: ", "))",
                            at: cell.keyNode.location)
                        continue
                    }
                    guard case .scalar(let text, _) = cell.value.content else {
                        reader.error(
                            "expected an expression in cell '\(row.key)' × '\(cell.key)', found \(cell.value.kindDescription)",
                            at: cell.value.location)
                        continue
                    }
                    cells.append(MatrixSpec.Cell(column: cell.key, expression: EquationSource(text, at: cell.value.textLocation)))
                }
                rows.append(MatrixSpec.Row(name: row.key, cells: cells, at: row.keyNode.location))
            }
        } else if value("rows") == nil {
            reader.error("missing key 'rows' in \(what)", at: node.location)
        }
        for name in exempt where !rows.contains(where: { $0.name == name }) {
            reader.error("exempt row '\(name)' is not a row of \(what)", at: value("exempt")?.location ?? node.location)
        }
        return MatrixSpec(kind: kind, columns: columns, rows: rows, exemptRows: exempt, at: node.location)
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
    }
}
