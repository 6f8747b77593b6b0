/// Eisenberg–Noe (2001) clearing: the greatest p* = min(p̄, e + Πᵀp*), with Πᵢⱼ = Lᵢⱼ/p̄ᵢ and p̄ᵢ = Σⱼ Lᵢⱼ.
///
/// Liabilities are a ``CSRGraph`` with an edge debtor → creditor carrying the nominal amount owed
/// (≥ 0; self-loops are allowed and act as debt to oneself). External assets e must be finite and ≥ 0.
/// ```swift
/// let l = try CSRGraph(nodeCount: 2, edges: [WeightedEdge(0, 1, 10)])
/// try EisenbergNoe.clear(liabilities: l, externalAssets: [4, 0]).payments // [4, 0]
/// ```
public enum EisenbergNoe {
    /// The greatest clearing vector; `tolerance` (default 1e-12) is relative to max p̄ and also the solvency slack; throws on invalid input or when
    /// `maxIterations` is exhausted.
    public static func clear(
        liabilities: CSRGraph,
        externalAssets: [Double],
        method: ClearingMethod = .fictitiousDefault,
        tolerance: Double = 1e-12,
        maxIterations: Int = 100_000,
        denseLimit: Int = 256
    ) throws(ClearingError) -> ClearingVector {
        let kernel = try ClearingKernel(
            liabilities: liabilities, externalAssets: externalAssets, alpha: 1, beta: 1,
            tolerance: tolerance, maxIterations: maxIterations, denseLimit: denseLimit)
        return try kernel.solve(method)
    }
}
