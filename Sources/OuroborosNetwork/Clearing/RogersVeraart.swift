/// Rogers–Veraart (2013) clearing with default costs: pᵢ = p̄ᵢ if eᵢ + Σⱼ Πⱼᵢpⱼ ≥ p̄ᵢ, else α eᵢ + β Σⱼ Πⱼᵢpⱼ; α = β = 1 is Eisenberg–Noe.
///
/// α scales the external assets and β the interbank receivables a defaulter can realise, both in (0, 1].
/// The greatest clearing vector is found by their Greatest Clearing Vector Algorithm (fictitious default)
/// or by monotone fixed-point iteration from p̄; the map is discontinuous, so a node whose funds fall
/// short of p̄ᵢ by less than `tolerance × p̄ᵢ` is treated as solvent.
public enum RogersVeraart {
    /// The greatest clearing vector with default costs `alpha` (external assets) and `beta` (interbank receivables) in (0, 1]; `tolerance` (default
    /// 1e-12) is relative to max p̄; throws on invalid input or non-convergence.
    public static func clear(
        liabilities: CSRGraph,
        externalAssets: [Double],
        alpha: Double,
        beta: Double,
        method: ClearingMethod = .fictitiousDefault,
        tolerance: Double = 1e-12,
        maxIterations: Int = 100_000,
        denseLimit: Int = 256
    ) throws(ClearingError) -> ClearingVector {
        guard alpha > 0, alpha <= 1 else { throw .invalidDefaultCost(name: "alpha", value: alpha) }
        guard beta > 0, beta <= 1 else { throw .invalidDefaultCost(name: "beta", value: beta) }
        let kernel = try ClearingKernel(
            liabilities: liabilities, externalAssets: externalAssets, alpha: alpha, beta: beta,
            tolerance: tolerance, maxIterations: maxIterations, denseLimit: denseLimit)
        return try kernel.solve(method)
    }
}
