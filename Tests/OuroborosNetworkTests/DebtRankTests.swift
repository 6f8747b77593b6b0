import OuroborosNetwork
import Testing

@Suite("DebtRank")
struct DebtRankTests {
    /// Chain: node 1 lent 5 to node 0 (E₁ = 10, W₁₀ = ½); node 2 lent 20 to node 1 (E₂ = 10, W₂₁ = min(1, 2) = 1).
    /// Node 0 defaults (h₀ = 1). By hand: t = 2: h₁ = ½; t = 3: h₂ = 1·½ = ½; t = 4: nobody distressed.
    /// With v = (0.2, 0.3, 0.5): R = 0.3·½ + 0.5·½ = 0.4. The chain has no cycle, so both variants agree.
    static let chain = makeGraph(3, [(1, 0, 5), (2, 1, 20)])

    @Test("three-node chain by hand", arguments: [DebtRankVariant.original, .differential])
    func chainByHand(variant: DebtRankVariant) throws {
        let result = try DebtRank.compute(
            exposures: Self.chain, equity: [10, 10, 10], initialDistress: [1, 0, 0],
            economicWeights: [0.2, 0.3, 0.5], variant: variant)
        #expect(result.distress == [1, 0.5, 0.5])
        #expect(close(result.debtRank, 0.4))
        #expect(close(result.totalDistress, 0.6))
        #expect(result.variant == variant)
        if variant == .original {
            #expect(result.iterations == 3)
            #expect(result.states == [.inactive, .inactive, .inactive])
        }
    }

    /// Two nodes exposed to each other with W₀₁ = W₁₀ = ½, shock h₀ = 0.4, v = (½, ½).
    /// Original (by hand): h₁ = 0.2 at t = 2, then h₀ = 0.4 + ½·0.2 = 0.5 at t = 3 and node 0 never propagates
    /// again: h = (0.5, 0.2), R = ½(0.7) − ½(0.4) = 0.15.
    /// Differential: h = h(1) + W h ⇒ h₀ = 0.4 + ¼h₀ ⇒ h = (8/15, 4/15), R = ½(12/15) − 0.2 = 0.2.
    static let pair = makeGraph(2, [(0, 1, 5), (1, 0, 5)])

    @Test("a two-node cycle: the original stops after one pass, the differential re-propagates")
    func pairByHand() throws {
        let original = try DebtRank.compute(
            exposures: Self.pair, equity: [10, 10], initialDistress: [0.4, 0], economicWeights: [1, 1])
        #expect(close(original.distress[0], 0.5))
        #expect(close(original.distress[1], 0.2))
        #expect(close(original.debtRank, 0.15))
        #expect(original.weights == [0.5, 0.5])
        let differential = try DebtRank.compute(
            exposures: Self.pair, equity: [10, 10], initialDistress: [0.4, 0], economicWeights: [1, 1],
            variant: .differential)
        #expect(close(differential.distress[0], 8.0 / 15, 1e-11))
        #expect(close(differential.distress[1], 4.0 / 15, 1e-11))
        #expect(close(differential.debtRank, 0.2, 1e-11))
    }

    /// Default weights are the interbank-asset shares: in the chain, Σⱼ Aᵢⱼ = (0, 5, 20) ⇒ v = (0, 0.2, 0.8).
    @Test("default economic weights are interbank-asset shares")
    func defaultWeights() throws {
        let result = try DebtRank.compute(exposures: Self.chain, equity: [10, 10, 10], initialDistress: [1, 0, 0])
        #expect(result.weights == [0, 0.2, 0.8])
        #expect(close(result.debtRank, 0.2 * 0.5 + 0.8 * 0.5))
    }

    @Test("invalid inputs are rejected")
    func invalidInputs() {
        #expect(throws: DebtRankError.invalidEquity(node: 1, value: 0)) {
            try DebtRank.compute(exposures: Self.chain, equity: [10, 0, 10], initialDistress: [1, 0, 0])
        }
        #expect(throws: DebtRankError.invalidShock(node: 0, value: 1.5)) {
            try DebtRank.compute(exposures: Self.chain, equity: [10, 10, 10], initialDistress: [1.5, 0, 0])
        }
        #expect(throws: DebtRankError.lengthMismatch(name: "equity", count: 2, nodeCount: 3)) {
            try DebtRank.compute(exposures: Self.chain, equity: [10, 10], initialDistress: [1, 0, 0])
        }
    }

    @Test("random networks: distress and DebtRank in [0, 1], distress monotone in the size of a single-node shock", arguments: [1, 2, 3])
    func randomNetworks(seed: Int) throws {
        var rng = RiskTestRandom(state: UInt64(seed))
        for _ in 0..<200 {
            let n = 1 + rng.int(10)
            var edges: [(Int, Int, Double)] = []
            for _ in 0..<rng.int(3 * n + 1) {
                let from = rng.int(n)
                let to = rng.int(n)
                if from != to { edges.append((from, to, 20 * rng.unit())) }
            }
            let exposures = makeGraph(n, edges)
            let equity = (0..<n).map { _ in 1 + 30 * rng.unit() }
            let shocked = rng.int(n)
            // R itself is not monotone: the shocked node's own h is capped at 1, so feedback to it can shrink.
            for variant in [DebtRankVariant.original, .differential] {
                var previous: DebtRankResult?
                for size in [0.0, 0.1, 0.25, 0.5, 0.75, 1.0] {
                    var shock = [Double](repeating: 0, count: n)
                    shock[shocked] = size
                    let result = try DebtRank.compute(
                        exposures: exposures, equity: equity, initialDistress: shock, variant: variant)
                    #expect(result.debtRank >= 0 && result.debtRank <= 1)
                    #expect(result.totalDistress >= 0 && result.totalDistress <= 1 + 1e-12)
                    for i in 0..<n {
                        #expect(result.distress[i] >= shock[i] && result.distress[i] <= 1)
                    }
                    if let previous {
                        #expect(result.totalDistress >= previous.totalDistress - 1e-12)
                        for i in 0..<n { #expect(result.distress[i] >= previous.distress[i] - 1e-12) }
                    }
                    previous = result
                }
            }
        }
    }

    /// The dynamics of Battiston et al. (original) and Bardoscia et al. (differential) written out plainly
    /// (slow reference): every row summed in edge order, as the kernel promises, so results match bit for bit.
    static func reference(_ a: CSRGraph, equity: [Double], shock: [Double], variant: DebtRankVariant) -> ([Double], Int) {
        let n = a.nodeCount
        func step(_ h: [Double], _ source: [Double]) -> [Double] {
            (0..<n).map { i in
                var sum = 0.0
                for e in a.rowStart[i]..<a.rowStart[i + 1] {
                    sum += min(1, a.weight[e] / equity[i]) * source[Int(a.column[e])]
                }
                return min(1, h[i] + sum)
            }
        }
        var h = shock
        var iterations = 0
        switch variant {
        case .original:
            var distressed = shock.map { $0 > 0 }
            var propagated = [Bool](repeating: false, count: n)
            while distressed.contains(true) {
                iterations += 1
                let next = step(h, (0..<n).map { distressed[$0] ? h[$0] : 0 })
                for i in 0..<n {
                    if distressed[i] { propagated[i] = true }
                    distressed[i] = !propagated[i] && next[i] > 0
                }
                h = next
            }
        case .differential:
            var previous = [Double](repeating: 0, count: n)
            while true {
                iterations += 1
                let next = step(h, (0..<n).map { h[$0] - previous[$0] })
                let largest = zip(next, h).map { $0 - $1 }.max() ?? 0
                previous = h
                h = next
                if largest <= 1e-12 { break }
            }
        }
        return (h, iterations)
    }

    /// Large enough (≈ 400k edges) for the kernel to split rows across two threads.
    @Test("a large random network: both variants equal the plain reference bit for bit")
    func largeNetworkMatchesReference() throws {
        var rng = RiskTestRandom(state: 2026)
        let n = 40_000
        var edges: [(Int, Int, Double)] = []
        for _ in 0..<400_000 {
            let from = rng.int(n)
            let to = rng.int(n)
            if from != to { edges.append((from, to, 1 + 9 * rng.unit())) }
        }
        let exposures = makeGraph(n, edges)
        let strength = exposures.outStrength()
        let equity = strength.map { 0.8 * $0 + 1 }
        var shock = [Double](repeating: 0, count: n)
        for k in 0..<40 { shock[rng.int(n)] = k.isMultiple(of: 4) ? 1 : 0.2 + 0.8 * rng.unit() }
        for variant in [DebtRankVariant.original, .differential] {
            let result = try DebtRank.compute(exposures: exposures, equity: equity, initialDistress: shock, variant: variant)
            let (expected, iterations) = Self.reference(exposures, equity: equity, shock: shock, variant: variant)
            #expect(result.distress == expected)
            #expect(result.iterations == iterations)
            #expect(result.distress.contains { $0 == 1 })  // some lenders default, so the capped path runs too
        }
    }
}
