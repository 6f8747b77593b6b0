/// Why a fire-sale problem was rejected or not solved: each case names the offending holder, asset or quantity.
public enum FireSaleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Holdings are not a rectangular holder × asset matrix, or an array (`name`) has the wrong length.
    case shapeMismatch(name: String, count: Int, expected: Int)
    /// Holder `holder` holds a negative or non-finite amount `value` of asset `asset`.
    case invalidHolding(holder: Int, asset: Int, value: Double)
    /// Holder `holder` has debt `debt` (must be finite, ≥ 0) or initial equity Σ holdings − debt ≤ 0.
    case invalidBalanceSheet(holder: Int, debt: Double, equity: Double)
    /// A price-impact coefficient of asset `asset` is negative or non-finite.
    case invalidImpact(asset: Int, value: Double)
    /// The shock names an asset outside the matrix or a relative price drop outside [0, 1].
    case invalidShock(asset: Int, drop: Double)
    /// `tolerance` is not positive and finite, or `maxRounds` is not positive.
    case invalidSettings(tolerance: Double, maxRounds: Int)

    /// A one-line message that says what is wrong and what was expected.
    public var description: String {
        switch self {
        case .shapeMismatch(let name, let count, let expected):
            return "\(name) has \(count) entries: expected \(expected)"
        case .invalidHolding(let holder, let asset, let value):
            return "holder \(holder) holds \(value) of asset \(asset): expected a finite amount ≥ 0"
        case .invalidBalanceSheet(let holder, let debt, let equity):
            return "holder \(holder) has debt \(debt) and equity \(equity): expected finite debt ≥ 0 and equity > 0"
        case .invalidImpact(let asset, let value):
            return "asset \(asset) has price impact \(value): expected a finite number ≥ 0"
        case .invalidShock(let asset, let drop):
            return "shock of \(drop) on asset \(asset): expected an existing asset and a drop in [0, 1]"
        case .invalidSettings(let tolerance, let maxRounds):
            return "tolerance \(tolerance) / maxRounds \(maxRounds): expected a positive finite tolerance and at least one round"
        }
    }
}
