import Foundation
import OuroborosCore
import OuroborosScenario
import Testing

@Suite("CSVTable")
struct CSVTableTests {
    static let edgeColumns = ["from", "to", "amount"]

    /// The problems of `text` as `LINE:COLUMN: error: MESSAGE` lines, structural and typed (every `amount` read as an amount).
    func problems(_ text: String, requireRows: Bool = true) -> [String] {
        let table = CSVTable(parsing: text, file: "e.csv", columns: Self.edgeColumns, requireRows: requireRows)
        var diagnostics = table.problems
        for row in table.rows { _ = row.amount("amount", &diagnostics) }
        return DiagnosticList(diagnostics).diagnostics.map(\.description)
    }

    @Test("a well-formed file: rows, fields and their places")
    func wellFormed() {
        let table = CSVTable(parsing: "from,to,amount\na,b,1.5\nb,c,2\n", file: "e.csv", columns: Self.edgeColumns)
        #expect(table.problems.isEmpty)
        #expect(table.rows.map(\.fields) == [["a", "b", "1.5"], ["b", "c", "2"]])
        #expect(table.rows[1].line == 3)
        #expect(table.rows[1].location("amount").description == "e.csv:3:5")
        var diagnostics: [Diagnostic] = []
        #expect(table.rows[0].amount("amount", &diagnostics) == 1.5)
        #expect(table.rows[1].label("to", &diagnostics) == "c")
        #expect(diagnostics.isEmpty)
    }

    @Test("a header mismatch is reported at 1:1 with both headers")
    func headerMismatch() {
        #expect(
            problems("src,dst,amt\na,b,1\n") == [
                "e.csv:1:1: error: expected the header 'from,to,amount', found 'src,dst,amt'"
            ])
    }

    @Test("a cell that is not a number names the column and the text")
    func notANumber() {
        #expect(
            problems("from,to,amount\na,b,1\na,c,lots\n") == [
                "e.csv:3:5: error: column 'amount': expected a number, found 'lots'"
            ])
    }

    @Test("a negative amount is rejected at its cell")
    func negativeAmount() {
        #expect(
            problems("from,to,amount\nab,cd,-3\n") == [
                "e.csv:2:7: error: column 'amount': expected a non-negative amount, found '-3'"
            ])
    }

    @Test("infinite numbers and shares outside [0,1]")
    func finiteAndShare() {
        let table = CSVTable(parsing: "entity,shock\na,inf\nb,1.5\nc,0.25\n", file: "s.csv", columns: ["entity", "shock"])
        var diagnostics: [Diagnostic] = []
        let values = table.rows.map { $0.share("shock", &diagnostics) }
        #expect(values == [nil, nil, 0.25])
        #expect(
            diagnostics.map(\.description) == [
                "s.csv:2:3: error: column 'shock': expected a finite number, found 'inf'",
                "s.csv:3:3: error: column 'shock': expected a share in [0,1], found '1.5'",
            ])
    }

    @Test("a row with the wrong number of fields is reported at its line and left out; every problem is collected")
    func wrongFieldCount() {
        let table = CSVTable(parsing: "from,to,amount\na,b\nc,d,1\ne,f,2,3\ng,h,x\n", file: "e.csv", columns: Self.edgeColumns)
        #expect(table.rows.map(\.line) == [3, 5])
        #expect(
            problems("from,to,amount\na,b\nc,d,1\ne,f,2,3\ng,h,x\n") == [
                "e.csv:2:1: error: expected 3 fields (from,to,amount), found 2",
                "e.csv:4:1: error: expected 3 fields (from,to,amount), found 4",
                "e.csv:5:5: error: column 'amount': expected a number, found 'x'",
            ])
    }

    @Test("an empty file and a header-only file are errors when rows are required")
    func emptyAndHeaderOnly() {
        #expect(problems("") == ["e.csv:1:1: error: the file is empty; expected the header 'from,to,amount'"])
        #expect(
            problems("from,to,amount\n") == [
                "e.csv:2:1: error: expected at least one row after the header 'from,to,amount', found none"
            ])
        #expect(problems("from,to,amount\n", requireRows: false).isEmpty)
    }

    @Test("quoted fields: commas, doubled quotes, line breaks and CRLF")
    func quotedFields() {
        let text = "from,to,amount\r\n\"a,1\",\"say \"\"hi\"\"\",2\r\n\"multi\nline\",b,3\r\nc,\"d\",x\r\n"
        let table = CSVTable(parsing: text, file: "q.csv", columns: Self.edgeColumns)
        #expect(table.problems.isEmpty)
        #expect(table.rows.map(\.fields) == [["a,1", "say \"hi\"", "2"], ["multi\nline", "b", "3"], ["c", "d", "x"]])
        #expect(table.rows.map(\.line) == [2, 3, 5])
        #expect(table.rows[0].location("to").description == "q.csv:2:7")
        #expect(table.rows[1].location("to").description == "q.csv:4:7")
        var diagnostics: [Diagnostic] = []
        _ = table.rows[2].amount("amount", &diagnostics)
        #expect(diagnostics.map(\.description) == ["q.csv:5:7: error: column 'amount': expected a number, found 'x'"])
    }

    @Test("stray and unterminated quotes are reported where they are")
    func badQuotes() {
        #expect(
            problems("from,to,amount\na\"b,c,1\n") == [
                "e.csv:2:2: error: unexpected '\"' in an unquoted field: expected a field quoted as a whole, with quotes doubled"
            ])
        #expect(
            problems("from,to,amount\n\"a\"b,c,1\n") == [
                "e.csv:2:4: error: expected ',' or the end of the line after a closing quote, found 'b'"
            ])
        #expect(
            CSVTable(parsing: "from,to,amount\na,b,\"1\n", file: "e.csv", columns: Self.edgeColumns).problems.map(\.description) == [
                "e.csv:2:5: error: unterminated quoted field: expected a closing '\"'"
            ])
    }

    @Test("read(path:) throws the file's problems as a DiagnosticList and an unreadable file as ScenarioLoadError")
    func readFromDisk() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("csvtable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let good = directory.appendingPathComponent("good.csv").path
        let bad = directory.appendingPathComponent("bad.csv").path
        try "from,to,amount\na,b,1\n".write(toFile: good, atomically: true, encoding: .utf8)
        try "from,to\na,b\n".write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(try CSVTable.read(path: good, columns: Self.edgeColumns).rows.count == 1)
        do {
            _ = try CSVTable.read(path: bad, columns: Self.edgeColumns)
            Issue.record("expected a DiagnosticList")
        } catch let list as DiagnosticList {
            #expect(list.description == "\(bad):1:1: error: expected the header 'from,to,amount', found 'from,to'")
        }
        do {
            _ = try CSVTable.read(path: directory.appendingPathComponent("none.csv").path, columns: Self.edgeColumns)
            Issue.record("expected ScenarioLoadError.unreadable")
        } catch let error as ScenarioLoadError {
            guard case .unreadable = error else {
                Issue.record("expected .unreadable, got \(error)")
                return
            }
        }
    }
}
