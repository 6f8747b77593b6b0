/// The outcome of a DebtRank run: final relative equity losses and the weighted DebtRank.
public struct DebtRankResult: Sendable, Equatable {
    /// Final distress hᵢ(T) ∈ [0, 1] of each node (relative equity loss; 1 = default).
    public let distress: [Double]
    /// Initial distress hᵢ(1), the shock as given.
    public let initialDistress: [Double]
    /// Economic weights vᵢ actually used, normalised to sum to 1 (uniform when all given weights are 0).
    public let weights: [Double]
    /// Final state of each node (original variant); `.distressed` never appears, and the differential variant reports `.inactive` for hᵢ > 0.
    public let states: [DistressState]
    /// DebtRank R = Σ hᵢ(T) vᵢ − Σ hᵢ(1) vᵢ ∈ [0, 1]: the loss induced beyond the initial shock.
    public let debtRank: Double
    /// Propagation steps taken (original: until nobody is distressed; differential: until the step is ≤ tolerance).
    public let iterations: Int
    /// Which dynamics produced this result.
    public let variant: DebtRankVariant

    /// Total weighted distress Σ hᵢ(T) vᵢ ∈ [0, 1], initial shock included.
    public var totalDistress: Double {
        zip(distress, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// A result from its parts (no checks; ``DebtRank`` builds these).
    public init(
        distress: [Double], initialDistress: [Double], weights: [Double], states: [DistressState],
        debtRank: Double, iterations: Int, variant: DebtRankVariant
    ) {
        self.distress = distress
        self.initialDistress = initialDistress
        self.weights = weights
        self.states = states
        self.debtRank = debtRank
        self.iterations = iterations
        self.variant = variant
    }
}
