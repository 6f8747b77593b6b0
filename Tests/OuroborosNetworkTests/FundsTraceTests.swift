import OuroborosNetwork
import Testing

@Suite("FundsTrace")
struct FundsTraceTests {
    static let methods: [FundsTrace.Method] = [.exact, .iterative]

    @Test("the documented Users → Lab ⇄ Cloud example", arguments: methods)
    func documentedExample(method: FundsTrace.Method) throws {
        let payments = makeGraph(3, [(0, 1, 100), (1, 2, 90), (2, 1, 60)])
        let trace = try FundsTrace(payments: payments, openingBalances: [0, 50, 0], origins: [0], method: method)
        #expect(trace.method == method)
        #expect(trace.labels == [0, 1])
        #expect(trace.revenueMix(of: 0).isEmpty)
        let lab = mixDictionary(trace, 1)
        #expect(lab.keys.sorted() == [0, 1])
        #expect(close(lab[0]!, 0.875))
        #expect(close(lab[1]!, 0.125))
        #expect(close(trace.roundTripShare(of: 1), 0.125))
        #expect(close(trace.share(of: 2, from: 0), 2.0 / 3))
        #expect(close(trace.share(of: 2, from: 1), 1.0 / 3))
        #expect(trace.roundTripShare(of: 2) == 0)
        #expect(trace.inflow == [0, 160, 90])
        #expect(trace.unattributedShare == [0, 0, 0])
    }

    @Test("a chain with no cycle has no round trip", arguments: methods)
    func chainHasNoRoundTrip(method: FundsTrace.Method) throws {
        // Users → A → B → C with A holding an opening balance of 5.
        let payments = makeGraph(4, [(0, 1, 10), (1, 2, 5), (2, 3, 3)])
        let trace = try FundsTrace(payments: payments, openingBalances: [0, 5, 0, 0], origins: [0], method: method)
        #expect(trace.roundTripShares() == [0, 0, 0, 0])
        #expect(mixDictionary(trace, 1) == [0: 1])
        for node in [2, 3] {
            #expect(close(trace.share(of: node, from: 0), 2.0 / 3))
            #expect(close(trace.share(of: node, from: 1), 1.0 / 3))
        }
        if method == .iterative { #expect(trace.sweeps == 1) }
    }

    @Test("an A ⇄ B loop fed by users: A's revenue is 20/27 its own money", arguments: methods)
    func loopWithUsers(method: FundsTrace.Method) throws {
        // A (balance 100) pays B 80; B pays A 40; Users pay B 20.
        // m_A = (40 m_B + 100 A)/140, m_B = (80 m_A + 20 U)/100  ⇒  m_A = 25/27 A + 2/27 U, m_B = 20/27 A + 7/27 U.
        let payments = makeGraph(3, [(0, 1, 80), (1, 0, 40), (2, 1, 20)])
        let trace = try FundsTrace(payments: payments, openingBalances: [100, 0, 0], origins: [2], method: method)
        #expect(trace.labels == [0, 2])
        #expect(close(trace.roundTripShare(of: 0), 20.0 / 27))
        #expect(close(trace.share(of: 0, from: 2), 7.0 / 27))
        #expect(close(trace.share(of: 1, from: 0), 20.0 / 27))
        #expect(close(trace.share(of: 1, from: 2), 7.0 / 27))
        #expect(trace.roundTripShare(of: 1) == 0)
    }

    @Test("a loop fed only by its own balance is a full round trip", arguments: methods)
    func pureRoundTrip(method: FundsTrace.Method) throws {
        let payments = makeGraph(2, [(0, 1, 80), (1, 0, 40)])
        let trace = try FundsTrace(payments: payments, openingBalances: [100, 0], origins: [], method: method)
        #expect(close(trace.roundTripShare(of: 0), 1))
        #expect(close(trace.share(of: 1, from: 0), 1))
    }

    @Test("opening balances on a three-node loop, worked by hand", arguments: methods)
    func balancesOnALoop(method: FundsTrace.Method) throws {
        // A (balance 100) pays B 50; B (balance 50) pays C 60; C pays A 30; no origins.
        // m_A = 20/23 A + 3/23 B; m_B = m_C = 10/23 A + 13/23 B.
        let payments = makeGraph(3, [(0, 1, 50), (1, 2, 60), (2, 0, 30)])
        let trace = try FundsTrace(payments: payments, openingBalances: [100, 50, 0], origins: [], method: method)
        #expect(trace.labels == [0, 1])
        #expect(close(trace.share(of: 0, from: 0), 10.0 / 23))
        #expect(close(trace.share(of: 0, from: 1), 13.0 / 23))
        #expect(close(trace.share(of: 1, from: 0), 20.0 / 23))
        #expect(close(trace.share(of: 1, from: 1), 3.0 / 23))
        #expect(close(trace.share(of: 2, from: 0), 10.0 / 23))
        #expect(close(trace.share(of: 2, from: 1), 13.0 / 23))
        let roundTrips = trace.roundTripShares()
        #expect(close(roundTrips[0], 10.0 / 23))
        #expect(close(roundTrips[1], 3.0 / 23))
        #expect(roundTrips[2] == 0)
    }

    @Test("an origin paid back by its own customers has a round trip", arguments: methods)
    func originRoundTrip(method: FundsTrace.Method) throws {
        // Users pay A 10; A (no balance) pays Users 5 in wages: the wages are the users' own money.
        let trace = try FundsTrace(payments: makeGraph(2, [(0, 1, 10), (1, 0, 5)]), origins: [0], method: method)
        #expect(trace.roundTripShare(of: 0) == 1)
        #expect(trace.revenueMix(of: 1) == [FundsTrace.Share(label: 0, share: 1)])
    }

    @Test("a closed loop that no label reaches is unattributed", arguments: methods)
    func sourcelessLoop(method: FundsTrace.Method) throws {
        // 0 ⇄ 1 with no balance and no origin, feeding 2; Users (3) also pay 2.
        let payments = makeGraph(4, [(0, 1, 10), (1, 0, 10), (1, 2, 6), (3, 2, 2)])
        let trace = try FundsTrace(payments: payments, origins: [3], method: method)
        #expect(trace.revenueMix(of: 0).isEmpty)
        #expect(trace.unattributedShare[0] == 1)
        #expect(trace.unattributedShare[1] == 1)
        #expect(close(trace.unattributedShare[2], 0.75))
        #expect(close(trace.share(of: 2, from: 3), 0.25))
    }

    @Test("a payer with an empty pool is the origin of what it pays", arguments: methods)
    func unfundedPayer(method: FundsTrace.Method) throws {
        // 0 pays 1 without inflow or balance; 1 also has a balance of 30 and pays 2.
        let payments = makeGraph(3, [(0, 1, 10), (1, 2, 20)])
        let trace = try FundsTrace(payments: payments, openingBalances: [0, 30, 0], origins: [], method: method)
        #expect(trace.labels == [0, 1])
        #expect(trace.revenueMix(of: 1) == [FundsTrace.Share(label: 0, share: 1)])
        #expect(close(trace.share(of: 2, from: 0), 0.25))
        #expect(close(trace.share(of: 2, from: 1), 0.75))
    }

    @Test("a self-payment counts as inflow and mixes with the pool", arguments: methods)
    func selfPayment(method: FundsTrace.Method) throws {
        // Users pay A 30; A (balance 10) pays itself 20 and B 40.
        // m_A = (30 U + 20 m_A + 10 A)/60 ⇒ m_A = 3/4 U + 1/4 A; A's revenue = (30 U + 20 m_A)/50 = 0.9 U + 0.1 A.
        let payments = makeGraph(3, [(0, 1, 30), (1, 1, 20), (1, 2, 40)])
        let trace = try FundsTrace(payments: payments, openingBalances: [0, 10, 0], origins: [0], method: method)
        #expect(close(trace.roundTripShare(of: 1), 0.1))
        #expect(close(trace.share(of: 2, from: 1), 0.25))
    }

    @Test("invalid inputs are reported with the node or edge at fault")
    func rejectsInvalidInput() {
        let payments = makeGraph(2, [(0, 1, 5)])
        #expect(throws: FundsTraceError.balanceCountMismatch(expected: 2, got: 1)) {
            try FundsTrace(payments: payments, openingBalances: [1], origins: [0])
        }
        #expect(throws: FundsTraceError.invalidBalance(node: 1, value: -1)) {
            try FundsTrace(payments: payments, openingBalances: [0, -1], origins: [0])
        }
        #expect(throws: FundsTraceError.originOutOfRange(node: 2, nodeCount: 2)) {
            try FundsTrace(payments: payments, origins: [2])
        }
        #expect(throws: FundsTraceError.negativePayment(from: 1, to: 0, amount: -3)) {
            try FundsTrace(payments: makeGraph(2, [(0, 1, 5), (1, 0, -3)]), origins: [0])
        }
    }

    @Test("Gauss–Seidel reports non-convergence; the exact solver refuses oversized systems")
    func solverLimits() throws {
        // Heavy circulation, tiny leak: plain sweeps contract by about 1 − 1e-6 a sweep, but the slow
        // error is the same at both nodes, so the coarse correction removes it at once.
        let payments = makeGraph(3, [(0, 1, 1), (1, 2, 1_000_000), (2, 1, 1_000_000)])
        let corrected = try FundsTrace(payments: payments, origins: [0], method: .iterative, maxSweeps: 5)
        #expect(corrected.sweeps <= 5)
        #expect(close(corrected.share(of: 2, from: 0), 1, 1e-9))
        // Two such loops joined by payments of 1: the second slow error (one loop against the other)
        // is not constant, so no single shift removes it and 5 sweeps are far too few.
        let twoLoops = makeGraph(
            5,
            [
                (0, 1, 1), (1, 2, 1_000_000), (2, 1, 1_000_000), (2, 3, 1), (3, 4, 1_000_000), (4, 3, 1_000_000), (4, 1, 1),
            ])
        #expect(throws: FundsTraceError.self) {
            try FundsTrace(payments: twoLoops, origins: [0], method: .iterative, maxSweeps: 5)
        }
        let exact = try FundsTrace(payments: payments, origins: [0], method: .exact)
        // The system is ill-conditioned (leak 1e-6), so expect ~1e-16 / 1e-6 accuracy.
        #expect(close(exact.share(of: 2, from: 0), 1, 1e-9))

        let n = FundsTrace.exactLimit + 2
        let chain = makeGraph(n, (0..<n - 1).map { ($0, $0 + 1, 1.0) })
        #expect(throws: FundsTraceError.tooLargeForExactSolver(unknowns: n - 1, limit: FundsTrace.exactLimit)) {
            try FundsTrace(payments: chain, origins: [0], method: .exact)
        }
        let automatic = try FundsTrace(payments: chain, origins: [0])
        #expect(automatic.method == .iterative)
        #expect(automatic.sweeps == 1)
        #expect(automatic.revenueMix(of: n - 1) == [FundsTrace.Share(label: 0, share: 1)])
    }

    @Test("a 100,000-node ring fed at one node converges in a few sweeps")
    func largeRing() throws {
        // Ring 0 → 1 → … → n−1 → 0 paying 9 each; Users (node n) pay node 0 1e6; node 0 holds 1e6.
        // Every pool mix is m = ½ Users + ½ node 0 (m₀ = (1e6 U + 1e6 self + 9 m)/(2e6 + 9)), and
        // node 0's round trip is 9 · ½ / (1e6 + 9). The leak per sweep is 1 − 9/(2e6 + 9).
        let n = 100_000
        var sources = (0..<n).map { Int32($0) }
        var targets = (0..<n).map { Int32(($0 + 1) % n) }
        var amounts = [Double](repeating: 9, count: n)
        sources.append(Int32(n))
        targets.append(0)
        amounts.append(1_000_000)
        let payments = try CSRGraph(nodeCount: n + 1, sources: sources, targets: targets, amounts: amounts)
        var balances = [Double](repeating: 0, count: n + 1)
        balances[0] = 1_000_000
        let trace = try FundsTrace(payments: payments, openingBalances: balances, origins: [n])
        #expect(trace.method == .iterative)
        #expect(trace.sweeps <= 4)
        #expect(close(trace.roundTripShare(of: 0), 4.5 / 1_000_009))
        #expect(close(trace.share(of: n / 2, from: 0), 0.5))
        #expect(close(trace.share(of: n / 2, from: n), 0.5))
    }

    @Test("1 and 2 threads give the same bits; the coarse-corrected sweeps agree with the exact solver")
    func threadsAndExactAgree() throws {
        // 1,500 nodes, about 12,000 random payments, 6 origins and balances on 12 nodes (so 18+ labels,
        // three groups of 8), plus the nodes nobody pays: a large cyclic block that leaks little.
        var generator = RiskTestRandom(state: 7)
        let n = 1_500
        var edges: [(Int, Int, Double)] = []
        for _ in 0..<12_000 {
            let from = Int(generator.next() % UInt64(n))
            let to = Int(generator.next() % UInt64(n))
            edges.append((from, to, 1 + Double(generator.next() % 1000) / 100))
        }
        let payments = makeGraph(n, edges)
        var balances = [Double](repeating: 0, count: n)
        for _ in 0..<12 { balances[Int(generator.next() % UInt64(n))] = Double(1 + generator.next() % 50) }
        let origins = (0..<6).map { _ in Int(generator.next() % UInt64(n)) }
        let one = try FundsTrace(payments: payments, openingBalances: balances, origins: origins, method: .iterative, threads: 1)
        let two = try FundsTrace(payments: payments, openingBalances: balances, origins: origins, method: .iterative, threads: 2)
        #expect(one.labels.count > 16)
        #expect(one == two)
        let exact = try FundsTrace(payments: payments, openingBalances: balances, origins: origins, method: .exact, threads: 2)
        #expect(exact == (try FundsTrace(payments: payments, openingBalances: balances, origins: origins, method: .exact, threads: 1)))
        #expect(one.sweeps < 60, "sweeps \(one.sweeps)")
        for v in 0..<n {
            for label in exact.labels.map(Int.init) {
                let a = exact.share(of: v, from: label)
                let b = one.share(of: v, from: label)
                #expect(abs(a - b) <= 1e-9, "node \(v) label \(label): exact \(a), iterative \(b)")
            }
        }
    }
}
