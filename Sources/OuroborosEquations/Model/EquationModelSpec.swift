public import OuroborosCore

/// A Godley–Lavoie equation model as written in a file, before it is checked and compiled.
///
/// Every element carries the place it came from so that every error can name file, line and column.
/// `OuroborosScenario` builds this from YAML; `EquationModel.compile(_:)` turns it into something to run.
public struct EquationModelSpec: Sendable {
    /// The model's name (`SIM`, `PC`, …).
    public var name: String
    /// The number of periods to solve; period 0 is the initial state, period 1 the first solved period.
    public var periods: Int
    /// Parameters: constants that shocks may change from a period on.
    public var parameters: [NamedValue]
    /// Exogenous variables: a constant or one value per period.
    public var exogenous: [ExogenousSeries]
    /// Period-0 values of variables, read by `X[-1]` in period 1 (default 0).
    public var initial: [NamedValue]
    /// The equations, one `VARIABLE = EXPRESSION` each.
    public var equations: [EquationSource]
    /// Changes of exogenous values or parameters over a range of periods.
    public var shocks: [ShockSpec]
    /// Balance-sheet and transactions-flow matrices checked every period.
    public var matrices: [MatrixSpec]
    /// Redundant equalities, e.g. `Hh = Hs`, checked every period (Godley–Lavoie's hidden equation).
    public var hidden: [EquationSource]
    /// Where the whole model starts (its file), for errors that belong to no single element.
    public var location: SourceLocation?

    /// Creates a model description.
    public init(
        name: String,
        periods: Int,
        parameters: [NamedValue] = [],
        exogenous: [ExogenousSeries] = [],
        initial: [NamedValue] = [],
        equations: [EquationSource] = [],
        shocks: [ShockSpec] = [],
        matrices: [MatrixSpec] = [],
        hidden: [EquationSource] = [],
        location: SourceLocation? = nil
    ) {
        self.name = name
        self.periods = periods
        self.parameters = parameters
        self.exogenous = exogenous
        self.initial = initial
        self.equations = equations
        self.shocks = shocks
        self.matrices = matrices
        self.hidden = hidden
        self.location = location
    }
}

/// A name bound to a number, with the place of the name in the file.
public struct NamedValue: Sendable, Hashable {
    /// The symbol's name.
    public var name: String
    /// Its value.
    public var value: Double
    /// Where the name is written.
    public var location: SourceLocation?

    /// Creates a binding.
    public init(_ name: String, _ value: Double, at location: SourceLocation? = nil) {
        self.name = name
        self.value = value
        self.location = location
    }
}

/// An exogenous variable: one value for every period, or a list with one value per period.
public struct ExogenousSeries: Sendable, Hashable {
    /// How the values are given.
    public enum Values: Sendable, Hashable {
        /// The same value in every period.
        case constant(Double)
        /// One value per solved period (period 1 first); the last value holds past the end.
        case series([Double])
    }

    /// The variable's name.
    public var name: String
    /// Its values.
    public var values: Values
    /// Where the name is written.
    public var location: SourceLocation?

    /// Creates an exogenous variable.
    public init(_ name: String, _ values: Values, at location: SourceLocation? = nil) {
        self.name = name
        self.values = values
        self.location = location
    }
}

/// One equation's text and the place where that text starts.
///
/// `location` points at the first character of `text` in the file, so that a parse error at
/// character offset `k` of the text is reported at `location.advanced(byColumns: k)`.
public struct EquationSource: Sendable, Hashable {
    /// The equation, e.g. `Cd = alpha1 * YD + alpha2 * Hh[-1]`.
    public var text: String
    /// Where the text starts.
    public var location: SourceLocation?

    /// Creates an equation source.
    public init(_ text: String, at location: SourceLocation? = nil) {
        self.text = text
        self.location = location
    }
}

/// A shock: from period `from` to period `to` (inclusive; to the end when absent), set these values.
public struct ShockSpec: Sendable, Hashable {
    /// First period affected (period 1 is the first solved period).
    public var from: Int
    /// Last period affected, inclusive; `nil` means to the end of the run.
    public var to: Int?
    /// New values of exogenous variables or parameters.
    public var set: [NamedValue]
    /// Where the shock is written.
    public var location: SourceLocation?

    /// Creates a shock.
    public init(from: Int, to: Int? = nil, set: [NamedValue], at location: SourceLocation? = nil) {
        self.from = from
        self.to = to
        self.set = set
        self.location = location
    }
}

/// A balance-sheet or transactions-flow matrix whose cells are expressions of the model's variables.
///
/// Each period the solver evaluates every cell and checks that every row and every column sums to
/// zero (rows named in `exemptRows` are left out of the row check, e.g. tangible capital).
public struct MatrixSpec: Sendable, Hashable {
    /// Which kind of matrix this is.
    public enum Kind: String, Sendable, Hashable {
        /// Stocks: sectors as columns, instruments as rows.
        case balanceSheet = "balance_sheet"
        /// Flows: sectors as columns, transactions as rows.
        case transactionsFlow = "transactions_flow"
    }

    /// One row: a name and the expression in each sector's cell (empty cells are absent).
    public struct Row: Sendable, Hashable {
        /// The row's label, e.g. `Consumption`.
        public var name: String
        /// Cells: the sector (column) and the expression text in it.
        public var cells: [Cell]
        /// Where the row's label is written.
        public var location: SourceLocation?

        /// Creates a row.
        public init(name: String, cells: [Cell], at location: SourceLocation? = nil) {
            self.name = name
            self.cells = cells
            self.location = location
        }
    }

    /// One cell of a row.
    public struct Cell: Sendable, Hashable {
        /// The sector (column) name.
        public var column: String
        /// The expression, e.g. `-Cd` or `Hh - Hh[-1]`.
        public var expression: EquationSource

        /// Creates a cell.
        public init(column: String, expression: EquationSource) {
            self.column = column
            self.expression = expression
        }
    }

    /// Balance sheet or transactions flow.
    public var kind: Kind
    /// Sector names, left to right.
    public var columns: [String]
    /// Rows, top to bottom.
    public var rows: [Row]
    /// Rows that need not sum to zero across sectors (tangible assets, net worth).
    public var exemptRows: Set<String>
    /// Where the matrix section starts.
    public var location: SourceLocation?

    /// Creates a matrix description.
    public init(kind: Kind, columns: [String], rows: [Row], exemptRows: Set<String> = [], at location: SourceLocation? = nil) {
        self.kind = kind
        self.columns = columns
        self.rows = rows
        self.exemptRows = exemptRows
        self.location = location
    }
}
