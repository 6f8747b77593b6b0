import Foundation
import OuroborosCore
import OuroborosEquations
import OuroborosReport
import Testing

/// Tables, CSV and JSON of equation runs: exact layout and full-precision numbers.
@Suite("reports")
struct ReportTests {
    static func simResult(periods: Int = 3) throws -> SimulationResult {
        let spec = EquationModelSpec(
            name: "SIM", periods: periods,
            parameters: [NamedValue("alpha1", 0.6), NamedValue("alpha2", 0.4), NamedValue("theta", 0.2)],
            exogenous: [ExogenousSeries("G", .constant(20))],
            equations: ["Y = C + G", "T = theta*Y", "YD = Y - T", "C = alpha1*YD + alpha2*H[-1]", "H = H[-1] + YD - C"].map { EquationSource($0) })
        return try EquationModel.compile(spec).run()
    }

    @Test("a text table aligns labels and text columns left and numbers right")
    func textTable() {
        var table = TextTable(header: ["name", "kind", "value"], textColumns: [1])
        table.rows = [["a", "long kind", "1.5"], ["bbb", "k", "22.25"]]
        #expect(
            table.rendered() == """
                name  kind       value
                ──────────────────────
                a     long kind    1.5
                bbb   k          22.25

                """)
    }

    @Test("CSV: header period,VAR…, one row per period from 0, full precision that reads back exactly")
    func csv() throws {
        let result = try Self.simResult()
        let lines = EquationRunReport(result: result).csv().split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0] == "period,Y,T,YD,C,H,G")
        let y1 = try #require(Double(lines[2].split(separator: ",")[1]))
        #expect(y1 == result.series("Y")![1])
        #expect(abs(y1 - 38.461538461538) < 1e-9)
    }

    @Test("JSON parses, has the documented keys, and equal runs give equal bytes")
    func json() throws {
        let report = EquationRunReport(result: try Self.simResult(), hiddenEquations: ["H = H"])
        let text = report.json()
        #expect(text == EquationRunReport(result: try Self.simResult(), hiddenEquations: ["H = H"]).json())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["model"] as? String == "SIM")
        #expect((object["periods"] as? [Int]) == [0, 1, 2, 3])
        let variables = try #require(object["variables"] as? [String: [Double]])
        #expect(variables["Y"]?.count == 4)
        let checks = try #require(object["checks"] as? [String: Any])
        #expect((checks["hidden_equations"] as? [String]) == ["H = H"])
    }

    @Test("the table shows selected periods and says which checks ran")
    func table() throws {
        let text = EquationRunReport(result: try Self.simResult(periods: 60)).table()
        #expect(text.contains("t=0") && text.contains("t=50") && text.contains("t=60"))
        #expect(text.contains("no balance-sheet or transactions-flow matrix given"))
        #expect(EquationRunReport.tablePeriods(upTo: 60) == [0, 1, 2, 3, 5, 10, 20, 50, 60])
    }

    @Test("numbers: full precision round-trips; fixed decimals never print -0; JSON strings escape")
    func numbers() {
        for value in [0.1, 1.0 / 3.0, 1e-300, 123_456_789.123, -2.5] {
            #expect(Double(NumberText.full(value)) == value)
        }
        #expect(NumberText.fixed(-0.00001, decimals: 2) == "0.00")
        #expect(NumberText.jsonString("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"")
        #expect(NumberText.csvField("x,y") == "\"x,y\"")
    }
}
