import OuroborosNetwork
import Testing

/// Liabilities and external assets of a random network with `1 ... maxNodes` banks.
func randomClearingProblem(_ rng: inout RiskTestRandom, maxNodes: Int = 12) -> (CSRGraph, [Double]) {
    let n = 1 + rng.int(maxNodes)
    let m = rng.int(4 * n + 1)
    var edges: [(Int, Int, Double)] = []
    for _ in 0..<m {
        let from = rng.int(n)
        let to = rng.int(n)
        if from != to { edges.append((from, to, (100 * rng.unit()).rounded() / 4)) }
    }
    let external = (0..<n).map { _ in rng.int(4) == 0 ? 0 : 50 * rng.unit() }
    return (makeGraph(n, edges), external)
}

/// Interbank inflows Σⱼ Lⱼᵢ pⱼ/p̄ⱼ at payments `p` (slow reference).
func clearingInflows(_ liabilities: CSRGraph, _ p: [Double]) -> [Double] {
    let owed = liabilities.outStrength()
    var inflow = [Double](repeating: 0, count: liabilities.nodeCount)
    for edge in liabilities.edgeList() where owed[edge.from] > 0 {
        inflow[edge.to] += edge.amount * p[edge.from] / owed[edge.from]
    }
    return inflow
}

@Suite("Clearing")
struct ClearingTests {
    /// Three banks: 0 owes 1 and 2 ten each, 1 owes 2 twenty, 2 owes 0 thirty; e = (2, 3, 0).
    /// By hand (Eisenberg–Noe): at p̄ = (20, 20, 30) bank 1 has 3 + 10 = 13 < 20 and defaults (round 1):
    /// p₁ = 3 + ½·20 = 13. Then bank 2 has 10 + 13 = 23 < 30 and defaults (round 2): p₂ = ½p₀ + p₁ = 23;
    /// bank 0 still has 2 + 23 = 25 ≥ 20. So p* = (20, 13, 23), defaults {1, 2}, 2 rounds.
    static let triangle = makeGraph(3, [(0, 1, 10), (0, 2, 10), (1, 2, 20), (2, 0, 30)])
    static let triangleAssets: [Double] = [2, 3, 0]

    @Test("Eisenberg–Noe three-bank example by hand", arguments: [ClearingMethod.fictitiousDefault, .fixedPoint])
    func eisenbergNoeByHand(method: ClearingMethod) throws {
        let result = try EisenbergNoe.clear(liabilities: Self.triangle, externalAssets: Self.triangleAssets, method: method)
        #expect(result.obligations == [20, 20, 30])
        #expect(close(result.payments[0], 20, 1e-9))
        #expect(close(result.payments[1], 13, 1e-9))
        #expect(close(result.payments[2], 23, 1e-9))
        #expect(result.defaulted == [false, true, true])
        #expect(result.method == method)
        if method == .fictitiousDefault { #expect(result.defaultRounds == 2) }
        #expect(close(result.totalShortfall, 14, 1e-9))
    }

    /// Same network with α = β = ½ (Rogers–Veraart GA), by hand: round 1 D = {1}: p₁ = ½·3 + ½·½·20 = 6.5;
    /// round 2 D = {1, 2}: p₂ = ½(½·20 + 6.5) = 8.25, so bank 0 has 2 + 8.25 < 20; round 3 D = {0, 1, 2}:
    /// p₀ = 1 + ½p₂, p₁ = 1.5 + ¼p₀, p₂ = ¼p₀ + ½p₁ ⇒ p* = (22/13, 25/13, 18/13).
    @Test("Rogers–Veraart three-bank example by hand", arguments: [ClearingMethod.fictitiousDefault, .fixedPoint])
    func rogersVeraartByHand(method: ClearingMethod) throws {
        let result = try RogersVeraart.clear(
            liabilities: Self.triangle, externalAssets: Self.triangleAssets, alpha: 0.5, beta: 0.5, method: method)
        #expect(close(result.payments[0], 22.0 / 13, 1e-9))
        #expect(close(result.payments[1], 25.0 / 13, 1e-9))
        #expect(close(result.payments[2], 18.0 / 13, 1e-9))
        #expect(result.defaulted == [true, true, true])
        if method == .fictitiousDefault { #expect(result.defaultRounds == 3) }
    }

    /// Eisenberg & Noe's cycle with no external assets: everyone owes the next 10 and pays in full (the greatest vector, not 0).
    @Test("a closed cycle without external assets clears in full")
    func cycleClearsInFull() throws {
        let cycle = makeGraph(3, [(0, 1, 10), (1, 2, 10), (2, 0, 10)])
        for method in [ClearingMethod.fictitiousDefault, .fixedPoint] {
            let result = try EisenbergNoe.clear(liabilities: cycle, externalAssets: [0, 0, 0], method: method)
            #expect(result.payments == [10, 10, 10])
            #expect(result.defaultCount == 0)
            #expect(result.defaultRounds == 0)
        }
    }

    /// A chain 0 → 1 → 2 where 0 has 4 of the 10 it owes: 1 passes on 4 + 1, and 2 owes nothing.
    @Test("a default chain passes recoveries downstream")
    func chain() throws {
        let chain = makeGraph(3, [(0, 1, 10), (1, 2, 8)])
        let result = try EisenbergNoe.clear(liabilities: chain, externalAssets: [4, 1, 0])
        #expect(result.payments == [4, 5, 0])
        #expect(result.defaulted == [true, true, false])
        #expect(result.recoveryRates == [0.4, 0.625, 1])
    }

    @Test("invalid inputs are rejected")
    func invalidInputs() {
        let graph = makeGraph(2, [(0, 1, 10)])
        #expect(throws: ClearingError.lengthMismatch(count: 1, nodeCount: 2)) {
            try EisenbergNoe.clear(liabilities: graph, externalAssets: [1])
        }
        #expect(throws: ClearingError.invalidExternalAssets(node: 1, value: -1)) {
            try EisenbergNoe.clear(liabilities: graph, externalAssets: [1, -1])
        }
        #expect(throws: ClearingError.negativeLiability(from: 0, to: 1, amount: -3)) {
            try EisenbergNoe.clear(liabilities: makeGraph(2, [(0, 1, -3)]), externalAssets: [1, 1])
        }
        #expect(throws: ClearingError.invalidDefaultCost(name: "alpha", value: 0)) {
            try RogersVeraart.clear(liabilities: graph, externalAssets: [1, 1], alpha: 0, beta: 1)
        }
        #expect(throws: ClearingError.invalidDefaultCost(name: "beta", value: 1.5)) {
            try RogersVeraart.clear(liabilities: graph, externalAssets: [1, 1], alpha: 1, beta: 1.5)
        }
    }

    @Test("random networks: bounds, clearing condition, method agreement, RV(1,1) = EN, RV ≤ EN", arguments: [1, 2, 3])
    func randomNetworks(seed: Int) throws {
        var rng = RiskTestRandom(state: UInt64(seed))
        var defaults = 0
        var cascades = 0
        for _ in 0..<300 {
            let (liabilities, external) = randomClearingProblem(&rng)
            let scale = max(1, liabilities.outStrength().max() ?? 0)
            let exact = try EisenbergNoe.clear(liabilities: liabilities, externalAssets: external)
            let iterative = try EisenbergNoe.clear(liabilities: liabilities, externalAssets: external, method: .fixedPoint)
            let seidel = try EisenbergNoe.clear(liabilities: liabilities, externalAssets: external, denseLimit: 0)
            let inflow = clearingInflows(liabilities, exact.payments)
            defaults += exact.defaultCount
            if exact.defaultRounds > 1 { cascades += 1 }
            for i in 0..<liabilities.nodeCount {
                let p = exact.payments[i]
                #expect(p >= 0 && p <= exact.obligations[i])
                #expect(p <= external[i] + inflow[i] + 1e-9 * scale)
                // EN clearing condition: pay in full or pay everything you have.
                #expect(close(p, min(exact.obligations[i], external[i] + inflow[i]), 1e-9 * scale))
                #expect(close(p, iterative.payments[i], 1e-7 * scale))
                #expect(close(p, seidel.payments[i], 1e-7 * scale))
            }
            for method in [ClearingMethod.fictitiousDefault, .fixedPoint] {
                let reduced = try RogersVeraart.clear(
                    liabilities: liabilities, externalAssets: external, alpha: 1, beta: 1, method: method)
                let reference = method == .fixedPoint ? iterative : exact
                #expect(reduced.payments == reference.payments)
                #expect(reduced.defaulted == reference.defaulted)
            }
            let alpha = 0.1 + 0.9 * rng.unit()
            let beta = 0.1 + 0.9 * rng.unit()
            let costly = try RogersVeraart.clear(liabilities: liabilities, externalAssets: external, alpha: alpha, beta: beta)
            let costlyIterative = try RogersVeraart.clear(
                liabilities: liabilities, externalAssets: external, alpha: alpha, beta: beta, method: .fixedPoint)
            let costlySeidel = try RogersVeraart.clear(
                liabilities: liabilities, externalAssets: external, alpha: alpha, beta: beta, denseLimit: 0)
            let costlyInflow = clearingInflows(liabilities, costly.payments)
            for i in 0..<liabilities.nodeCount {
                let p = costly.payments[i]
                #expect(p >= 0 && p <= costly.obligations[i])
                #expect(p <= external[i] + costlyInflow[i] + 1e-9 * scale)
                #expect(p <= exact.payments[i] + 1e-9 * scale)
                #expect(close(p, costlyIterative.payments[i], 1e-7 * scale))
                #expect(close(p, costlySeidel.payments[i], 1e-7 * scale))
                if exact.defaulted[i] { #expect(costly.defaulted[i]) }
            }
        }
        // The generator must actually exercise defaults and multi-round cascades.
        #expect(defaults > 100)
        #expect(cascades > 10)
    }

    /// 600 banks, about 250 defaulting: with `denseLimit: 64` Gauss–Seidel runs inside fictitious default; all three solvers agree.
    @Test("a large random network: Gauss–Seidel fictitious default agrees with the fixed point")
    func largeNetwork() throws {
        var rng = RiskTestRandom(state: 2026)
        let n = 600
        var edges: [(Int, Int, Double)] = []
        for from in 0..<n {
            for _ in 0..<4 {
                let to = rng.int(n)
                if to != from { edges.append((from, to, 1 + 9 * rng.unit())) }
            }
        }
        let liabilities = makeGraph(n, edges)
        let external = (0..<n).map { _ in 12 * rng.unit() }
        let exact = try EisenbergNoe.clear(liabilities: liabilities, externalAssets: external)
        let iterative = try EisenbergNoe.clear(liabilities: liabilities, externalAssets: external, method: .fixedPoint)
        let seidel = try EisenbergNoe.clear(liabilities: liabilities, externalAssets: external, denseLimit: 64)
        #expect(exact.defaultCount > 64)
        for i in 0..<n {
            #expect(close(exact.payments[i], iterative.payments[i], 1e-8))
            #expect(close(exact.payments[i], seidel.payments[i], 1e-8))
        }
        #expect(seidel.defaulted == exact.defaulted)
        #expect(exact.defaulted == iterative.defaulted)
        let costly = try RogersVeraart.clear(liabilities: liabilities, externalAssets: external, alpha: 0.7, beta: 0.9)
        let costlyIterative = try RogersVeraart.clear(
            liabilities: liabilities, externalAssets: external, alpha: 0.7, beta: 0.9, method: .fixedPoint)
        let costlySeidel = try RogersVeraart.clear(
            liabilities: liabilities, externalAssets: external, alpha: 0.7, beta: 0.9, denseLimit: 64)
        for i in 0..<n {
            #expect(close(costly.payments[i], costlyIterative.payments[i], 1e-8))
            #expect(close(costly.payments[i], costlySeidel.payments[i], 1e-8))
        }
    }

    /// About 300k edges and thousands of defaults: the pushed-inflow fixed point must reach the greatest clearing
    /// vector that fictitious default (Gauss–Seidel rounds, no transposed graph) finds, for Eisenberg–Noe and with costs.
    @Test("a 300k-edge network: the fixed point agrees with fictitious default")
    func twoPartFixedPoint() throws {
        var rng = RiskTestRandom(state: 77)
        let n = 30_000
        var edges: [(Int, Int, Double)] = []
        for from in 0..<n {
            for _ in 0..<10 {
                let to = rng.int(n)
                if to != from { edges.append((from, to, 1 + Double(rng.int(1000)) / 100)) }
            }
        }
        let liabilities = makeGraph(n, edges)
        let owed = liabilities.outStrength()
        let external = owed.map { 0.3 * $0 * rng.unit() }
        let scale = owed.max()!
        for (alpha, beta) in [(1.0, 1.0), (0.8, 0.9)] {
            let exact = try RogersVeraart.clear(liabilities: liabilities, externalAssets: external, alpha: alpha, beta: beta)
            let swept = try RogersVeraart.clear(
                liabilities: liabilities, externalAssets: external, alpha: alpha, beta: beta, method: .fixedPoint,
                tolerance: 1e-12)
            #expect(exact.defaultCount > 1000)
            let gap = zip(exact.payments, swept.payments).map { abs($0 - $1) }.max()!
            #expect(gap <= 1e-9 * scale)
            #expect(exact.defaulted == swept.defaulted)
        }
    }
}
