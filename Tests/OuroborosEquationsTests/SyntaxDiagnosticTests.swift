import OuroborosCore
import OuroborosEquations
import Testing

/// Parse errors, each at the exact column of the text (equations start at column 5 of line 12).
@Suite("Syntax diagnostics")
struct SyntaxDiagnosticTests {
    /// (equation text, offset of the error in the text, a fragment of the message)
    static let cases: [(String, Int, String)] = [
        ("Y = (C + G", 4, "unbalanced parenthesis: this '(' is never closed"),
        ("Y = ((C + G)", 4, "this '(' is never closed"),
        ("Y = max(C, G", 7, "this '(' is never closed"),
        ("Y = C + G)", 9, "unbalanced parenthesis: this ')' has no matching '('"),
        ("Y = 1.2.3 * C", 4, "malformed number '1.2.3': more than one decimal point"),
        ("Y = 3e + C", 4, "malformed number '3e': expected digits after the exponent"),
        ("Y = C + .", 8, "malformed number '.'"),
        ("Y = 1e999", 4, "number '1e999' is too large"),
        ("Y = C * ", 6, "expected an expression after '*'"),
        ("Y = C * )", 6, "expected an expression after '*', found ')'"),
        ("Y = ", 2, "expected an expression after '='"),
        ("Y = C - ^ G", 6, "expected an expression after '-'"),
        ("Y = foo(C)", 4, "unknown function 'foo'; the functions are abs, exp, log, max, min, sqrt"),
        ("Y = exp(C, G)", 4, "'exp' takes 1 argument, found 2"),
        ("Y = min(C)", 4, "'min' takes 2 or more arguments, found 1"),
        ("Y = log()", 4, "'log' takes 1 argument, found 0"),
        ("Y C + G", 2, "missing '=' after 'Y'"),
        ("Y", 1, "missing '=' after 'Y'"),
        ("Y + C = G", 0, "the left side of an equation must be a plain variable name, found 'Y + C'"),
        ("2 = G", 0, "must be a plain variable name, found '2'"),
        ("Y[-1] = C", 0, "not a lag"),
        ("= C", 0, "missing the variable name before '='"),
        ("Y = C[-0]", 7, "a lag must be at least one period"),
        ("Y = C[1]", 6, "would read a future period"),
        ("Y = C[-1.5]", 7, "a lag must be a whole number of periods, found '1.5'"),
        ("Y = C[-1", 8, "expected ']' to close the lag of 'C'"),
        ("Y = (C)[-1]", 7, "a lag such as [-1] can follow only a variable name"),
        ("Y = C # G", 6, "unexpected character '#'"),
        ("Y = C G", 6, "unexpected 'G': expected an operator"),
        ("Y = (C G)", 7, "unexpected 'G': expected an operator or ')'"),
        ("Y = C = G", 6, "unexpected second '='"),
        ("", 0, "empty equation"),
    ]

    @Test(arguments: cases)
    func aSyntaxErrorIsReportedAtItsColumn(text: String, offset: Int, message: String) throws {
        let spec = smallSpec(["C = 1", "G = 2", text])
        let diagnostic = try #require(onlyDiagnostic(spec))
        #expect(diagnostic.location == place(12, 5 + offset), "\(diagnostic)")
        #expect(diagnostic.message.contains(message), "\(diagnostic.message)")
    }

    @Test func columnsCountUnicodeScalars() throws {
        let spec = smallSpec(["C = 1", "G = 2", "Ÿ = C * "])
        let diagnostic = try #require(onlyDiagnostic(spec))
        #expect(diagnostic.location == place(12, 11))
    }

    @Test func everyBrokenEquationIsReported() {
        let spec = smallSpec(["C = (1", "G = 2 +", "Y = C + G"])
        let found = diagnostics(spec)
        #expect(found.map(\.location) == [place(10, 9), place(11, 11)])
    }

    @Test func diagnosticsPrintAsFileLineColumn() {
        let found = diagnostics(smallSpec(["C = 1", "G = 2", "Y = C * "]))
        #expect(found.first?.description == "model.yaml:12:11: error: expected an expression after '*'")
    }

    @Test func hiddenEquationsAndMatrixCellsAreParsedToo() {
        var spec = smallSpec(
            ["C = 1", "G = 2"],
            hidden: [
                EquationSource("C + = G", at: place(30, 7)),
                EquationSource("C G", at: place(31, 7)),
            ])
        spec.matrices = [
            MatrixSpec(
                kind: .balanceSheet, columns: ["A", "B"],
                rows: [
                    .init(name: "Money", cells: [.init(column: "A", expression: EquationSource("C * (G", at: place(41, 20)))])
                ])
        ]
        let found = diagnostics(spec)
        #expect(found.map(\.location) == [place(30, 9), place(31, 9), place(41, 24)])
        #expect(
            found.map(\.message) == [
                "expected an expression after '+', found '='",
                "unexpected 'G': expected an operator such as + or *",
                "unbalanced parenthesis: this '(' is never closed",
            ])
    }

    @Test func aHiddenEquationNeedsAnEqualsSign() throws {
        let spec = smallSpec(["C = 1"], hidden: [EquationSource("C", at: place(30, 7))])
        let diagnostic = try #require(onlyDiagnostic(spec))
        #expect(diagnostic.location == place(30, 8))
        #expect(diagnostic.message.contains("missing '='"))
    }
}
