/// A clearing payment vector p* with what it was cleared against; payments satisfy 0 ≤ pᵢ ≤ p̄ᵢ.
public struct ClearingVector: Sendable, Equatable {
    /// Total payment pᵢ* made by each node, in `0 ... obligations[i]`.
    public let payments: [Double]
    /// Total nominal obligations p̄ᵢ = Σⱼ Lᵢⱼ of each node (out-strength of the liabilities graph).
    public let obligations: [Double]
    /// True when node i is insolvent at p*: eᵢ + Σⱼ Πⱼᵢpⱼ* < p̄ᵢ(1 − tolerance); a node owing nothing never defaults.
    public let defaulted: [Bool]
    /// Fixed-point sweeps (fixed point), or linear-solve work (fictitious default: 1 per dense solve plus Gauss–Seidel sweeps).
    public let iterations: Int
    /// Number of rounds in which the default set grew (0 when nobody defaults; always 0 for the fixed-point method).
    public let defaultRounds: Int
    /// The algorithm that produced this vector.
    public let method: ClearingMethod

    /// Recovery rate pᵢ*/p̄ᵢ of each node, in [0, 1]; 1 for a node owing nothing.
    public var recoveryRates: [Double] {
        zip(payments, obligations).map { $1 > 0 ? $0 / $1 : 1 }
    }

    /// Total unpaid obligations Σᵢ (p̄ᵢ − pᵢ*), ≥ 0.
    public var totalShortfall: Double {
        zip(obligations, payments).reduce(0) { $0 + ($1.0 - $1.1) }
    }

    /// Number of defaulted nodes.
    public var defaultCount: Int {
        defaulted.reduce(0) { $0 + ($1 ? 1 : 0) }
    }

    /// A clearing vector from its parts (no checks; the clearing algorithms build these).
    public init(
        payments: [Double], obligations: [Double], defaulted: [Bool], iterations: Int, defaultRounds: Int,
        method: ClearingMethod
    ) {
        self.payments = payments
        self.obligations = obligations
        self.defaulted = defaulted
        self.iterations = iterations
        self.defaultRounds = defaultRounds
        self.method = method
    }
}
