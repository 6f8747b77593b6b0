/// A shock to the network, from the file or the command line (`rate:+300bp@2026-01`).
public struct NetworkShock: Sendable, Hashable, CustomStringConvertible {
    /// The kinds of shock.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case rate, liquidity, chips, power, demand, credit, `default`, crypto, sentiment
    }

    /// What is shocked.
    public var kind: Kind
    /// The size: a rate change (0.03 for +300bp), an amount (-5e11), a fraction (-0.3), months of delay.
    public var size: Double
    /// The entity, for `default:openai`.
    public var target: String?
    /// The period it hits.
    public var period: Int
    /// The text as written, for reports.
    public var text: String

    /// Creates a shock.
    public init(kind: Kind, size: Double, target: String? = nil, period: Int, text: String) {
        self.kind = kind
        self.size = size
        self.target = target
        self.period = period
        self.text = text
    }

    /// The text as written.
    public var description: String { text }
}
