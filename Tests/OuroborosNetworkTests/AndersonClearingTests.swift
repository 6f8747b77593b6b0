import Testing

@testable import OuroborosNetwork

/// The Eisenberg–Noe fixed point with Anderson mixing (``ClearingKernel/andersonFixedPoint()``) and its certificate.
@Suite("Clearing with Anderson mixing")
struct AndersonClearingTests {
    func kernel(_ liabilities: CSRGraph, _ external: [Double], tolerance: Double = 1e-12) throws -> ClearingKernel {
        try ClearingKernel(
            liabilities: liabilities, externalAssets: external, alpha: 1, beta: 1, tolerance: tolerance,
            maxIterations: 100_000, denseLimit: 0)
    }

    /// A owes B 10, B owes A 5, no external assets: every x_A = x_B ∈ [0, 5] clears. The greatest, (5, 5), has only
    /// A in default, owing all to B who pays in full: certified. At (2, 2) both default and owe only each other, a
    /// closed ring: not certified (a greater clearing vector exists).
    @Test("a ring of defaulters owing only each other is not certified; the greatest clearing vector is")
    func closedRing() throws {
        let ring = try kernel(makeGraph(2, [(0, 1, 10), (1, 0, 5)]), [0, 0])
        #expect(ring.defaultersDrain([5, 5]))
        #expect(!ring.defaultersDrain([2, 2]))
        let cleared = try EisenbergNoe.clear(
            liabilities: makeGraph(2, [(0, 1, 10), (1, 0, 5)]), externalAssets: [0, 0],
            method: .fixedPoint)
        #expect(cleared.payments == [5, 5])
        #expect(cleared.defaulted == [true, false])
    }

    /// 0 → 1 → 2 → 3 → 4 (each owes the next 10) and 4 owes the solvent 5; all of 0…4 default. Only 4 drains
    /// directly; the mark travels back one node a pass against the node order, so it needs the backward pass.
    @Test("a chain of defaulters drains through its last member; a zero obligation is no drain")
    func chain() throws {
        var edges: [(Int, Int, Double)] = (0..<4).map { ($0, $0 + 1, 10) }
        edges.append((4, 5, 10))
        let chain = try kernel(makeGraph(6, edges), [0, 0, 0, 0, 0, 100])
        #expect(chain.defaultersDrain([1, 1, 1, 1, 1, 0]))
        // The same chain whose last link is a zero amount: nothing leaves the defaulters, and 4 owes only 3…
        let closed = try kernel(
            makeGraph(6, [(0, 1, 10), (1, 2, 10), (2, 3, 10), (3, 4, 10), (4, 3, 10), (4, 5, 0)]),
            [0, 0, 0, 0, 0, 100])
        #expect(!closed.defaultersDrain([1, 1, 1, 1, 1, 0]))
        // …and with the pass limit too small to reach 0 from 4, the check says no (the caller then iterates monotonically).
        #expect(!chain.defaultersDrain([1, 1, 1, 1, 1, 0], passLimit: 0))
    }

    /// Random networks of 3,000 banks owing ten others each (a quarter with no external assets): the mixed
    /// iteration reaches the monotone one's answer in fewer sweeps, and its answer clears.
    @Test("agrees with the monotone iteration on large random networks, in fewer sweeps", arguments: [11, 12, 13])
    func agreesWithMonotone(seed: Int) throws {
        var rng = RiskTestRandom(state: UInt64(seed))
        let n = 3_000
        var edges: [(Int, Int, Double)] = []
        for from in 0..<n {
            for _ in 0..<10 {
                let to = rng.int(n)
                if to != from { edges.append((from, to, 1 + 9 * rng.unit())) }
            }
        }
        let liabilities = makeGraph(n, edges)
        let owed = liabilities.outStrength()
        let external = owed.map { rng.int(4) == 0 ? 0 : 0.3 * $0 * rng.unit() }
        let solver = try kernel(liabilities, external, tolerance: 1e-10)
        let monotone = try solver.monotoneFixedPoint()
        let mixed = try #require(try solver.andersonFixedPoint())
        #expect(monotone.defaultCount > n / 4)
        #expect(mixed.iterations < monotone.iterations)
        #expect(mixed.defaulted == monotone.defaulted)
        let scale = owed.max() ?? 1
        let inflow = clearingInflows(liabilities, mixed.payments)
        for i in 0..<n {
            #expect(close(mixed.payments[i], monotone.payments[i], 1e-8 * scale))
            #expect(close(mixed.payments[i], min(owed[i], external[i] + inflow[i]), 1e-8 * scale))
        }
        // The public entry point takes the mixed path for Eisenberg–Noe.
        let cleared = try EisenbergNoe.clear(
            liabilities: liabilities, externalAssets: external, method: .fixedPoint,
            tolerance: 1e-10)
        #expect(cleared.payments == mixed.payments)
        #expect(cleared.iterations == mixed.iterations)
    }
}
