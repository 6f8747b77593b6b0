import OuroborosNetwork
import Testing

/// Examples built on the definitions of the papers the kernels implement.
///
/// Source note: the published numerical examples of Eisenberg & Noe (2001), Rogers & Veraart (2013) and
/// Battiston et al. (2012) / Bardoscia et al. (2015) could not be retrieved verbatim here (the searchable
/// copies stop after the abstracts, and the public implementations we found test random networks against each
/// other rather than the papers' tables). So each example below is constructed from the paper's own definitions
/// and solved by hand in its comment; the numbers are those hand solutions, not values read off the code.
@Suite("Paper examples")
struct PaperExampleTests {
    /// Four banks (Eisenberg & Noe 2001, §2 definitions: Lᵢⱼ owed by i to j, p̄ᵢ = Σⱼ Lᵢⱼ, Πᵢⱼ = Lᵢⱼ/p̄ᵢ,
    /// p* = min(p̄, e + Πᵀp*), found by their fictitious default algorithm):
    /// L₀₁ = 10, L₁₂ = 15, L₂₁ = 5, L₂₃ = 5, L₃₀ = 4, so p̄ = (10, 15, 10, 4); e = (5, 0.5, 2, 10).
    ///
    /// Round 1 at p = p̄: bank 0 has 5 + 4 = 9 < 10 (defaults); bank 1 has 0.5 + 10 + 5 = 15.5 ≥ 15; bank 2 has
    /// 2 + 15 ≥ 10; bank 3 has 10 + 5 ≥ 4. Solving with D = {0}: p₀ = 5 + p₃ = 9.
    /// Round 2: bank 1 now has 0.5 + 9 + 5 = 14.5 < 15 and defaults (contagion); banks 2 and 3 stay solvent.
    /// D = {0, 1}: p₀ = 5 + 4 = 9, p₁ = 0.5 + p₀ + ½p₂ = 0.5 + 9 + 5 = 14.5 (bank 2 pays p̄₂ = 10: 2 + 14.5 ≥ 10).
    /// Round 3: nobody else defaults. p* = (9, 14.5, 10, 4), shortfall 1 + 0.5 = 1.5, 2 rounds.
    static let liabilities = makeGraph(4, [(0, 1, 10), (1, 2, 15), (2, 1, 5), (2, 3, 5), (3, 0, 4)])
    static let external: [Double] = [5, 0.5, 2, 10]

    @Test(
        "Eisenberg–Noe: a default and its contagion, by fictitious default and by fixed point",
        arguments: [ClearingMethod.fictitiousDefault, .fixedPoint])
    func eisenbergNoe(method: ClearingMethod) throws {
        let result = try EisenbergNoe.clear(liabilities: Self.liabilities, externalAssets: Self.external, method: method)
        #expect(result.obligations == [10, 15, 10, 4])
        for (paid, expected) in zip(result.payments, [9, 14.5, 10, 4]) { #expect(close(paid, expected, 1e-10)) }
        #expect(result.defaulted == [true, true, false, false])
        #expect(close(result.totalShortfall, 1.5, 1e-10))
        if method == .fictitiousDefault { #expect(result.defaultRounds == 2) }
    }

    /// Eisenberg & Noe's non-uniqueness case (their regularity condition fails): two banks owe each other 10
    /// and hold nothing else. Every p = (x, x), x ∈ [0, 10], clears; the greatest vector, which both
    /// algorithms must return, is p̄ = (10, 10) with nobody in default.
    @Test(
        "Eisenberg–Noe: without outside assets a closed ring clears at its greatest vector p̄",
        arguments: [ClearingMethod.fictitiousDefault, .fixedPoint])
    func eisenbergNoeRing(method: ClearingMethod) throws {
        let ring = makeGraph(2, [(0, 1, 10), (1, 0, 10)])
        let result = try EisenbergNoe.clear(liabilities: ring, externalAssets: [0, 0], method: method)
        #expect(result.payments == [10, 10])
        #expect(result.defaulted == [false, false])
    }

    /// The same four banks with default costs α = β = ½ (Rogers & Veraart 2013, §2: a defaulter pays
    /// α eᵢ + β Σⱼ Πⱼᵢ pⱼ; their Greatest Clearing Vector Algorithm adds defaulters round by round).
    ///
    /// Round 1 (same test at p̄): D = {0}: p₀ = ½·5 + ½·p₃ = 2.5 + 2 = 4.5.
    /// Round 2: bank 1 has 0.5 + 4.5 + 5 = 10 < 15: D = {0, 1}: p₁ = ½·0.5 + ½(p₀ + ½p₂) = 0.25 + ½(4.5 + 5) = 5.
    /// Round 3: bank 2 now has 2 + p₁ = 7 < 10 and defaults, which it would not do without default costs.
    /// D = {0, 1, 2}: p₀ = 4.5, p₁ = 0.25 + ½(4.5 + ½p₂) = 2.5 + ¼p₂, p₂ = ½·2 + ½p₁ = 1 + ½p₁
    /// ⇒ p₂ = 1 + 1.25 + ⅛p₂ ⇒ p₂ = 2.25/0.875 = 18/7, p₁ = 2.5 + 4.5/7 = 22/7. Bank 3 (10 + ½p₂ ≥ 4) stays
    /// solvent. p* = (4.5, 22/7, 18/7, 4), 3 rounds.
    @Test(
        "Rogers–Veraart: default costs add a default that Eisenberg–Noe does not have",
        arguments: [ClearingMethod.fictitiousDefault, .fixedPoint])
    func rogersVeraart(method: ClearingMethod) throws {
        let result = try RogersVeraart.clear(
            liabilities: Self.liabilities, externalAssets: Self.external, alpha: 0.5, beta: 0.5, method: method)
        for (paid, expected) in zip(result.payments, [4.5, 22.0 / 7, 18.0 / 7, 4]) {
            #expect(close(paid, expected, 1e-10))
        }
        #expect(result.defaulted == [true, true, true, false])
        if method == .fictitiousDefault { #expect(result.defaultRounds == 3) }
        // α = β = 1 is Eisenberg–Noe.
        let noCost = try RogersVeraart.clear(
            liabilities: Self.liabilities, externalAssets: Self.external, alpha: 1, beta: 1, method: method)
        for (paid, expected) in zip(noCost.payments, [9, 14.5, 10, 4]) { #expect(close(paid, expected, 1e-10)) }
    }

    /// Three banks with a cycle (Battiston et al. 2012 definitions: Wᵢⱼ = min(1, Aᵢⱼ/Eᵢ) for lender i's asset
    /// Aᵢⱼ on borrower j; hᵢ(t) = min(1, hᵢ(t−1) + Σ_{j distressed at t−1} Wᵢⱼ hⱼ(t−1)); a distressed node
    /// propagates once and turns inactive; R = Σ hᵢ(T) vᵢ − Σ hᵢ(1) vᵢ).
    /// Exposures: bank 1 lent 6 to 0, 2 lent 4 to 1, 0 lent 3 to 2, 2 lent 2 to 0; E = (10, 10, 8), so
    /// W₁₀ = 0.6, W₂₁ = 0.5, W₀₂ = 0.3, W₂₀ = 0.25. Shock h(1) = (0.5, 0, 0).
    /// Original: t = 2: h₁ = 0.6·0.5 = 0.3, h₂ = 0.25·0.5 = 0.125 (0 turns inactive, 1 and 2 distressed);
    /// t = 3: h₀ = 0.5 + 0.3·0.125 = 0.5375, h₂ = 0.125 + 0.5·0.3 = 0.275, h₁ = 0.3 (its only borrower is
    /// inactive); then nobody is distressed. Weights = interbank-asset shares (3, 6, 6)/15 = (0.2, 0.4, 0.4):
    /// R = 0.2·0.5375 + 0.4·0.3 + 0.4·0.275 − 0.2·0.5 = 0.2375.
    /// Differential (Bardoscia et al. 2015: hᵢ(t+1) = min(1, hᵢ(t) + Σⱼ Wᵢⱼ (hⱼ(t) − hⱼ(t−1)))): without
    /// capping the increments are Wᵏ h(1), so h(∞) = (I − W)⁻¹ h(1): h₁ = 0.6h₀, h₂ = 0.5h₁ + 0.25h₀ = 0.55h₀,
    /// h₀ = 0.5 + 0.3·0.55h₀ ⇒ h = (100, 60, 55)/167 (all < 1, no capping), R = 66/167 − 0.1.
    /// The loss that the original rule drops (node 0 never re-propagates) is what the differential form restores.
    static let exposures = makeGraph(3, [(1, 0, 6), (2, 1, 4), (0, 2, 3), (2, 0, 2)])

    @Test("DebtRank original and differential on a three-bank cycle")
    func debtRank() throws {
        let original = try DebtRank.compute(exposures: Self.exposures, equity: [10, 10, 8], initialDistress: [0.5, 0, 0])
        for (h, expected) in zip(original.distress, [0.5375, 0.3, 0.275]) { #expect(close(h, expected, 1e-15)) }
        for (v, expected) in zip(original.weights, [0.2, 0.4, 0.4]) { #expect(close(v, expected, 1e-15)) }
        #expect(close(original.debtRank, 0.2375, 1e-15))
        #expect(original.iterations == 2)
        #expect(original.states == [.inactive, .inactive, .inactive])

        let differential = try DebtRank.compute(
            exposures: Self.exposures, equity: [10, 10, 8], initialDistress: [0.5, 0, 0], variant: .differential)
        for (h, expected) in zip(differential.distress, [100.0 / 167, 60.0 / 167, 55.0 / 167]) {
            #expect(close(h, expected, 1e-11))
        }
        #expect(close(differential.debtRank, 66.0 / 167 - 0.1, 1e-11))
    }
}
