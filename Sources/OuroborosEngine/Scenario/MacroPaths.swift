/// Macro paths, one value per period 0…periods (step paths from dated points in the file).
public struct MacroPaths: Sendable {
    /// Policy rate per year, e.g. 0.0425.
    public var policyRate: [Double]
    /// Liquidity index, 1 = the opening level (reserves, Treasury supply, QT all folded in).
    public var liquidity: [Double]
    /// Banks' required reserve ratio.
    public var reserveRatio: [Double]
    /// Banks' minimum capital ratio (equity over loans).
    public var capitalRatio: [Double]

    /// Creates macro paths.
    public init(policyRate: [Double], liquidity: [Double], reserveRatio: [Double], capitalRatio: [Double]) {
        self.policyRate = policyRate
        self.liquidity = liquidity
        self.reserveRatio = reserveRatio
        self.capitalRatio = capitalRatio
    }
}
