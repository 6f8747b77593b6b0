/// A stock that sits on balance sheets: a kind of money, debt, equity or real capital.
public struct Instrument: Sendable, Hashable, Identifiable, CustomStringConvertible {
    /// The dense index of the instrument.
    public let id: InstrumentID
    /// The row label in the matrices (`Deposits`, `Loans`, `Tangible capital`).
    public var name: String
    /// Money, debt, equity or real capital.
    public var kind: InstrumentKind

    /// Creates an instrument.
    public init(id: InstrumentID, name: String, kind: InstrumentKind) {
        self.id = id
        self.name = name
        self.kind = kind
    }

    /// Instruments numbered in order (`InstrumentID(0)`, `InstrumentID(1)`, …) from names and kinds.
    public static func numbered(_ specs: [(name: String, kind: InstrumentKind)]) -> [Instrument] {
        specs.enumerated().map { Instrument(id: InstrumentID($0.offset), name: $0.element.name, kind: $0.element.kind) }
    }

    /// Whether holdings must sum to zero across entities.
    public var isFinancial: Bool { kind.isFinancial }

    /// The instrument's name.
    public var description: String { name }
}
