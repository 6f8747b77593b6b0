import Foundation
import Testing

/// End-to-end: `ouroboros network …` on small hand-checked CSV inputs, and on malformed ones.
@Suite("ouroboros network")
struct NetworkCommandTests {
    /// Runs `ouroboros network ARGS` in a scratch folder holding `files`.
    func network(_ arguments: [String], _ files: [String: String]) throws -> CLIProcess.Outcome {
        let directory = try CLIProcess.scratch(files)
        return try CLIProcess.run(["network"] + arguments, in: directory)
    }

    /// The cell `column` of every data row of `csv`, keyed by the first column.
    func column(_ csv: String, _ name: String) -> [String: Double] {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first, let index = header.firstIndex(of: name) else { return [:] }
        var values: [String: Double] = [:]
        for line in lines.dropFirst() { values[line[0]] = Double(line[index]) }
        return values
    }

    @Test("scc: a→b→c→a plus d, numbered by first appearance")
    func scc() throws {
        let outcome = try network(["scc", "--edges", "e.csv"], ["e.csv": "from,to,amount\nd,a,4\na,b,1\nb,c,2\nc,a,3\n"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout == "entity,component\nd,0\na,1\nb,1\nc,1\n")
        #expect(outcome.stderr.isEmpty)
    }

    @Test("cycles: a 2-cycle and a 3-cycle with their bottlenecks; --limit and --max-length")
    func cycles() throws {
        let files = ["e.csv": "from,to,amount\na,b,5\nb,a,3\nb,c,2\nc,d,4\nd,b,1.5\n"]
        let outcome = try network(["cycles", "--edges", "e.csv"], files)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout == "cycle,length,bottleneck,nodes\n0,2,3.0,a>b\n1,3,1.5,b>c>d\n")
        let limited = try network(["cycles", "--edges", "e.csv", "--limit", "1"], files)
        #expect(limited.stdout == "cycle,length,bottleneck,nodes\n0,2,3.0,a>b\n")
        #expect(limited.stderr.contains("more cycles exist"))
        let short = try network(["cycles", "--edges", "e.csv", "--max-length", "2"], files)
        #expect(short.stdout == "cycle,length,bottleneck,nodes\n0,2,3.0,a>b\n")
        let bad = try network(["cycles", "--edges", "e.csv", "--max-length", "0"], files)
        #expect(bad.status == 64)
        #expect(bad.stdout.isEmpty)
    }

    @Test("cycles on a complete graph of 12 nodes (10⁸ cycles) stop at the default limit and say so")
    func cyclesDefaultLimit() throws {
        let nodes = (0..<12).map { "n\($0)" }
        let edges = nodes.flatMap { a in nodes.filter { $0 != a }.map { b in "\(a),\(b),1\n" } }
        let outcome = try network(["cycles", "--edges", "e.csv"], ["e.csv": "from,to,amount\n" + edges.joined()])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.split(separator: "\n").count == 1 + 100_000)
        #expect(outcome.stderr.contains("listing stopped at the default limit of 100,000 cycles; more cycles exist"), "\(outcome.stderr)")
    }

    /// Users pay Lab 100; Lab (balance 50) pays Cloud 90; Cloud pays Lab 60. Lab's pool mix is ⅔ users, ⅓ lab,
    /// so Lab's revenue is 0.875 users, 0.125 lab (its round trip) and Cloud's ⅔ users, ⅓ lab.
    @Test("trace: users→lab→cloud→lab with known shares")
    func trace() throws {
        let outcome = try network(
            ["trace", "--edges", "e.csv", "--balances", "b.csv", "--origins", "users"],
            ["e.csv": "from,to,amount\nusers,lab,100\nlab,cloud,90\ncloud,lab,60\n", "b.csv": "entity,balance\nlab,50\n"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "entity,origin,share")
        #expect(
            lines.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
                == ["lab,users", "lab,lab", "cloud,users", "cloud,lab"])
        let shares = lines.dropFirst().map { Double($0.split(separator: ",")[2])! }
        for (share, expected) in zip(shares, [0.875, 0.125, 2.0 / 3, 1.0 / 3]) {
            #expect(abs(share - expected) < 1e-12)
        }
    }

    @Test("trace: an origin not in the edges is bad data naming it")
    func traceUnknownOrigin() throws {
        let outcome = try network(
            ["trace", "--edges", "e.csv", "--origins", "users,nobody"],
            ["e.csv": "from,to,amount\nusers,lab,100\n"])
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("origin 'nobody'"))
    }

    static let obligations = "debtor,creditor,amount\na,b,10\na,c,10\nb,c,20\nc,a,30\n"
    static let assets = "entity,external_assets\na,2\nb,3\nc,0\n"

    @Test("amounts that would overflow a kernel's sums are refused at their cell, for clear, trace and debtrank")
    func overflowingAmounts() throws {
        let clear = try network(
            ["clear", "--obligations", "o.csv", "--assets", "a.csv"],
            ["o.csv": "debtor,creditor,amount\na,b,1e308\nb,a,1e308\n", "a.csv": Self.assets])
        #expect(clear.status == 65)
        #expect(clear.stdout.isEmpty)
        #expect(
            clear.stderr.contains("o.csv:2:5: error: column 'amount': expected at most 1e15 (a thousand trillion) in magnitude, found '1e308'"),
            "\(clear.stderr)")
        let trace = try network(["trace", "--edges", "e.csv", "--origins", "a"], ["e.csv": "from,to,amount\na,b,1e308\nb,c,1e308\n"])
        #expect(trace.status == 65)
        #expect(trace.stderr.contains("e.csv:2:5: error: column 'amount': expected at most 1e15"), "\(trace.stderr)")
    }

    @Test("a CSV file over the size cap is refused before it is read, with the cap and how to raise it")
    func oversizedFile() throws {
        let rows = String(repeating: "a,b,1\n", count: 200_000)
        let directory = try CLIProcess.scratch(["e.csv": "from,to,amount\n" + rows])
        let outcome = try CLIProcess.run(["network", "scc", "--edges", "e.csv"], in: directory, environment: ["OUROBOROS_MAX_CSV_MIB": "1"])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("e.csv:1:1: error: the file is 1 MB, over the 1 MiB that a CSV input may hold"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("OUROBOROS_MAX_CSV_MIB"))
    }

    @Test("clear: the Eisenberg–Noe three-bank example pays (20, 13, 23)")
    func eisenbergNoe() throws {
        let outcome = try network(
            ["clear", "--obligations", "o.csv", "--assets", "a.csv"],
            ["o.csv": Self.obligations, "a.csv": Self.assets])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("entity,payment,obligation,defaulted\n"))
        let payments = column(outcome.stdout, "payment")
        let owed = column(outcome.stdout, "obligation")
        for (entity, expected) in [("a", 20.0), ("b", 13), ("c", 23)] {
            #expect(abs(payments[entity]! - expected) < 1e-9)
        }
        #expect(owed == ["a": 20, "b": 20, "c": 30])
        #expect(outcome.stdout.split(separator: "\n").map { $0.split(separator: ",").last! } == ["defaulted", "false", "true", "true"])
    }

    /// Rogers–Veraart with α = β = ½ on the same network: everybody defaults, p* = (22/13, 25/13, 18/13).
    @Test("clear: Rogers–Veraart with --alpha/--beta, and out-of-range costs are usage errors")
    func rogersVeraart() throws {
        let files = ["o.csv": Self.obligations, "a.csv": Self.assets]
        let outcome = try network(["clear", "--obligations", "o.csv", "--assets", "a.csv", "--alpha", "0.5", "--beta", "0.5"], files)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let payments = column(outcome.stdout, "payment")
        for (entity, expected) in [("a", 22.0 / 13), ("b", 25.0 / 13), ("c", 18.0 / 13)] {
            #expect(abs(payments[entity]! - expected) < 1e-9)
        }
        let bad = try network(["clear", "--obligations", "o.csv", "--assets", "a.csv", "--alpha", "0"], files)
        #expect(bad.status == 64)
        #expect(bad.stdout.isEmpty)
    }

    /// Chain: b lent 5 to a, c lent 20 to b, equity 10 each, a defaults; v = (0.2, 0.3, 0.5): R = 0.4.
    @Test("debtrank: the three-node chain has R = 0.4")
    func debtRank() throws {
        let files = [
            "x.csv": "lender,borrower,amount\nb,a,5\nc,b,20\n",
            "q.csv": "entity,equity\na,10\nb,10\nc,10\n",
            "s.csv": "entity,shock\na,1\n",
            "w.csv": "entity,weight\na,0.2\nb,0.3\nc,0.5\n",
        ]
        for extra in [[], ["--differential"]] {
            let outcome = try network(
                ["debtrank", "--exposures", "x.csv", "--equity", "q.csv", "--shock", "s.csv", "--weights", "w.csv"] + extra, files)
            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
            #expect(outcome.stdout == "entity,distress\nb,0.5\na,1.0\nc,0.5\n")
            let text = try #require(outcome.stderr.split(separator: "\n").first { $0.hasPrefix("DebtRank: ") })
            #expect(abs(Double(text.dropFirst("DebtRank: ".count))! - 0.4) < 1e-12)
        }
    }

    @Test("debtrank: an entity without equity is bad data at its first appearance")
    func debtRankMissingEquity() throws {
        let outcome = try network(
            ["debtrank", "--exposures", "x.csv", "--equity", "q.csv", "--shock", "s.csv"],
            ["x.csv": "lender,borrower,amount\nb,a,5\nc,b,20\n", "q.csv": "entity,equity\na,10\nb,10\n", "s.csv": "entity,shock\na,1\n"])
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("x.csv:3:1: error: entity 'c' has no row in q.csv"))
    }

    /// A holds 100 with debt 90, B holds 50 with debt 40; the asset drops 1%: direct losses 1 and 0.5, then
    /// deleveraging adds more; aggregate vulnerability exceeds the direct 1.5 / 20.
    @Test("firesale: two levered holders of one asset")
    func fireSale() throws {
        let files = [
            "h.csv": "holder,asset,amount\nA,x,100\nB,x,50\n",
            "q.csv": "holder,equity,debt\nA,10,90\nB,10,40\n",
            "i.csv": "asset,impact\nx,0.001\n",
        ]
        let outcome = try network(["firesale", "--holdings", "h.csv", "--equity", "q.csv", "--impact", "i.csv", "--shock", "x=-1%"], files)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("holder,loss\n"))
        let losses = column(outcome.stdout, "loss")
        #expect(Array(losses.keys).sorted() == ["A", "B"])
        #expect(losses["A"]! > 1 && losses["A"]! <= 10)
        #expect(losses["B"]! > 0.5 && losses["B"]! <= 10)
        let text = try #require(outcome.stderr.split(separator: "\n").first { $0.hasPrefix("aggregate vulnerability: ") })
        let vulnerability = Double(text.dropFirst("aggregate vulnerability: ".count))!
        #expect(abs(vulnerability - (losses["A"]! + losses["B"]!) / 20) < 1e-12)
        #expect(vulnerability > 1.5 / 20)
        // Without a shock nothing moves.
        let calm = try network(["firesale", "--holdings", "h.csv", "--equity", "q.csv", "--impact", "i.csv"], files)
        #expect(calm.stdout == "holder,loss\nA,0\nB,0\n")
        // A shock that is not a drop is a usage error.
        let up = try network(["firesale", "--holdings", "h.csv", "--equity", "q.csv", "--impact", "i.csv", "--shock", "x=+5%"], files)
        #expect(up.status == 64)
    }

    @Test("firesale: equity that is not holdings minus debt is bad data at its cell")
    func fireSaleEquityMismatch() throws {
        let outcome = try network(
            ["firesale", "--holdings", "h.csv", "--equity", "q.csv", "--impact", "i.csv", "--shock", "x=-10%"],
            ["h.csv": "holder,asset,amount\nA,x,100\n", "q.csv": "holder,equity,debt\nA,12,90\n", "i.csv": "asset,impact\nx,0.001\n"])
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("q.csv:2:3: error: expected equity = holdings − debt"))
    }

    @Test("malformed CSVs exit 65 with file and line on stderr and nothing on stdout")
    func malformed() throws {
        let cases: [(arguments: [String], files: [String: String], expected: [String])] = [
            (
                ["scc", "--edges", "e.csv"], ["e.csv": "src,dst,amt\r\na,b,1\r\n"],
                ["e.csv:1:1: error: expected the header 'from,to,amount', found 'src,dst,amt'"]
            ),
            (
                ["cycles", "--edges", "e.csv"], ["e.csv": "from,to,amount\na,b,x\nb,a,-1\nc\n"],
                [
                    "e.csv:2:5: error: column 'amount': expected a number, found 'x'",
                    "e.csv:3:5: error: column 'amount': expected a non-negative amount, found '-1'",
                    "e.csv:4:1: error: expected 3 fields (from,to,amount), found 1",
                ]
            ),
            (
                ["scc", "--edges", "e.csv"], ["e.csv": ""],
                ["e.csv:1:1: error: the file is empty; expected the header 'from,to,amount'"]
            ),
            (
                ["clear", "--obligations", "o.csv", "--assets", "a.csv"],
                ["o.csv": "debtor,creditor,amount\na,b,10\n", "a.csv": "entity,external_assets\na,-2\nb,0\n"],
                ["a.csv:2:3: error: column 'external_assets': expected a non-negative amount, found '-2'"]
            ),
            (
                ["debtrank", "--exposures", "x.csv", "--equity", "q.csv", "--shock", "s.csv"],
                ["x.csv": "lender,borrower,amount\nb,a,5\n", "q.csv": "entity,equity\na,10\nb,10\n", "s.csv": "entity,shock\na,1.5\n"],
                ["s.csv:2:3: error: column 'shock': expected a share in [0,1], found '1.5'"]
            ),
            (
                ["firesale", "--holdings", "h.csv", "--equity", "q.csv", "--impact", "i.csv"],
                ["h.csv": "holder,asset,amount\nA,x,100\nA,y,10\n", "q.csv": "holder,equity,debt\nA,20,90\n", "i.csv": "asset,impact\nx,0.001\n"],
                ["h.csv:3:3: error: asset 'y' has no row in i.csv"]
            ),
        ]
        for (arguments, files, expected) in cases {
            let outcome = try network(arguments, files)
            #expect(outcome.status == 65, "\(arguments): \(outcome.stderr)")
            #expect(outcome.stdout.isEmpty)
            #expect(outcome.stderr.split(separator: "\n").map(String.init) == expected)
        }
    }

    /// The paper examples of `PaperExampleTests` (OuroborosNetworkTests) through the CLI, with the hand solutions
    /// written there: four banks owing L₀₁ = 10, L₁₂ = 15, L₂₁ = 5, L₂₃ = 5, L₃₀ = 4 with e = (5, 0.5, 2, 10).
    static let paperObligations = "debtor,creditor,amount\nb0,b1,10\nb1,b2,15\nb2,b1,5\nb2,b3,5\nb3,b0,4\n"

    @Test("paper examples: scc, cycles, Eisenberg–Noe and Rogers–Veraart clearing of the four-bank network")
    func paperClearing() throws {
        let edges = Self.paperObligations.replacingOccurrences(of: "debtor,creditor,amount", with: "from,to,amount")
        let scc = try network(["scc", "--edges", "e.csv"], ["e.csv": edges])
        #expect(scc.stdout == "entity,component\nb0,0\nb1,0\nb2,0\nb3,0\n", "stderr: \(scc.stderr)")
        let cycles = try network(["cycles", "--edges", "e.csv"], ["e.csv": edges])
        #expect(cycles.stdout == "cycle,length,bottleneck,nodes\n0,4,4.0,b0>b1>b2>b3\n1,2,5.0,b1>b2\n", "stderr: \(cycles.stderr)")
        let files = ["o.csv": Self.paperObligations, "a.csv": "entity,external_assets\nb0,5\nb1,0.5\nb2,2\nb3,10\n"]
        let cases: [(extra: [String], payments: [Double], defaulted: [String])] = [
            ([], [9, 14.5, 10, 4], ["true", "true", "false", "false"]),
            (["--alpha", "0.5", "--beta", "0.5"], [4.5, 22.0 / 7, 18.0 / 7, 4], ["true", "true", "true", "false"]),
        ]
        for (extra, expected, defaulted) in cases {
            let outcome = try network(["clear", "--obligations", "o.csv", "--assets", "a.csv"] + extra, files)
            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
            let rows = outcome.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
            #expect(rows.first == ["entity", "payment", "obligation", "defaulted"])
            #expect(rows.dropFirst().map { $0[0] } == ["b0", "b1", "b2", "b3"])
            #expect(rows.dropFirst().map { $0[2] } == ["10.0", "15.0", "10.0", "4.0"])
            #expect(rows.dropFirst().map { $0[3] } == defaulted)
            for (row, payment) in zip(rows.dropFirst(), expected) { #expect(abs(Double(row[1])! - payment) < 1e-9) }
        }
    }

    /// The four-bank network as payments, b3 the only outside origin, opening balances (5, 0.5, 2) for b0–b2.
    /// By hand: b0's pool is 4 from b3 + 5 of its own, mix m₀ = (b3 4/9, b0 5/9). With m₁, m₂ the pool mixes of
    /// b1 (15.5) and b2 (17): m₁ = (10m₀ + 5m₂ + 0.5·b1)/15.5, m₂ = (15m₁ + 2·b2)/17 ⇒ m₁ = (170m₀ + 8.5·b1 +
    /// 10·b2)/188.5. b2's revenue (all from b1) has mix m₁: b0 1700/3393, b1 17/377, b2 20/377 (its round trip),
    /// b3 1360/3393. b3's revenue (from b2) has mix m₂: b2 62/377, b3 400/1131. b1's round trip is m₂[b1]/3 = 5/377.
    /// Without balances every revenue is all b3's, though the debts run in a circle.
    @Test("paper examples: trace on the four-bank network, by hand")
    func paperTrace() throws {
        let edges = Self.paperObligations.replacingOccurrences(of: "debtor,creditor,amount", with: "from,to,amount")
        let files = ["e.csv": edges, "b.csv": "entity,balance\nb0,5\nb1,0.5\nb2,2\n"]
        func shares(_ stdout: String) -> [String: Double] {
            var result: [String: Double] = [:]
            for line in stdout.split(separator: "\n").dropFirst() {
                let cells = line.split(separator: ",").map(String.init)
                result[cells[0] + ">" + cells[1]] = Double(cells[2])
            }
            return result
        }
        let plain = try network(["trace", "--edges", "e.csv", "--origins", "b3"], files)
        #expect(plain.status == 0, "stderr: \(plain.stderr)")
        for (key, share) in shares(plain.stdout) {
            #expect(key.hasSuffix(">b3") && abs(share - 1) < 1e-12, "\(key) = \(share)")
        }
        let outcome = try network(["trace", "--edges", "e.csv", "--balances", "b.csv", "--origins", "b3"], files)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("entity,origin,share\nb0,b3,"))
        let found = shares(outcome.stdout)
        let expected: [String: Double] = [
            "b0>b3": 1, "b2>b0": 1700.0 / 3393, "b2>b1": 17.0 / 377, "b2>b2": 20.0 / 377, "b2>b3": 1360.0 / 3393,
            "b3>b2": 62.0 / 377, "b3>b3": 400.0 / 1131, "b1>b1": 5.0 / 377,
        ]
        for (key, share) in expected { #expect(abs((found[key] ?? -1) - share) < 1e-12, "\(key)") }
    }

    /// Three banks with a cycle (PaperExampleTests.debtRank): original R = 0.2375, differential R = 66/167 − 0.1;
    /// rows in first appearance: b1, b0, b2.
    @Test("paper examples: DebtRank original and differential on the three-bank cycle")
    func paperDebtRank() throws {
        let files = [
            "x.csv": "lender,borrower,amount\nb1,b0,6\nb2,b1,4\nb0,b2,3\nb2,b0,2\n",
            "q.csv": "entity,equity\nb0,10\nb1,10\nb2,8\n",
            "s.csv": "entity,shock\nb0,0.5\n",
        ]
        let cases: [(extra: [String], distress: [Double], debtRank: Double)] = [
            ([], [0.3, 0.5375, 0.275], 0.2375),
            (["--differential"], [60.0 / 167, 100.0 / 167, 55.0 / 167], 66.0 / 167 - 0.1),
        ]
        for (extra, expected, debtRank) in cases {
            let outcome = try network(["debtrank", "--exposures", "x.csv", "--equity", "q.csv", "--shock", "s.csv"] + extra, files)
            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
            let rows = outcome.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
            #expect(rows.first == ["entity", "distress"])
            #expect(rows.dropFirst().map { $0[0] } == ["b1", "b0", "b2"])
            for (row, h) in zip(rows.dropFirst(), expected) { #expect(abs(Double(row[1])! - h) < 1e-11) }
            let text = try #require(outcome.stderr.split(separator: "\n").first { $0.hasPrefix("DebtRank: ") })
            #expect(abs(Double(text.dropFirst("DebtRank: ".count))! - debtRank) < 1e-11)
        }
    }

    /// By hand (Greenwood–Landier–Thesmar leverage targeting): A holds 100 of x with debt 90 (E = 10), B holds 50
    /// of x without debt (E = 50, leverage 0: never sells). x drops 10%: A's equity is 90 − 90 = 0, so A is
    /// insolvent and sells all 100 units; with impact 0.001 the price falls to 0.9 − 0.1 = 0.8. Nobody sells
    /// after that. Losses: A loses all 10, B loses 50 × 0.2 = 10; aggregate vulnerability 20 / 60 = ⅓.
    @Test("firesale: an insolvent holder dumps its asset on an unlevered one, by hand")
    func fireSaleByHand() throws {
        let outcome = try network(
            ["firesale", "--holdings", "h.csv", "--equity", "q.csv", "--impact", "i.csv", "--shock", "x=-10%"],
            [
                "h.csv": "holder,asset,amount\nA,x,100\nB,x,50\n", "q.csv": "holder,equity,debt\nA,10,90\nB,50,0\n",
                "i.csv": "asset,impact\nx,0.001\n",
            ])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let losses = column(outcome.stdout, "loss")
        #expect(outcome.stdout.hasPrefix("holder,loss\nA,"))
        #expect(abs(losses["A"]! - 10) < 1e-9)
        #expect(abs(losses["B"]! - 10) < 1e-9)
        let text = try #require(outcome.stderr.split(separator: "\n").first { $0.hasPrefix("aggregate vulnerability: ") })
        #expect(abs(Double(text.dropFirst("aggregate vulnerability: ".count))! - 1.0 / 3) < 1e-9)
    }

    @Test("a missing file is a usage error (64)")
    func missingFile() throws {
        let outcome = try network(["scc", "--edges", "none.csv"], [:])
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("cannot read 'none.csv'"))
    }
}
