import OuroborosCore
import OuroborosEquations
import Testing

/// Pathological input is an error with a place, never a stack overflow.
@Suite("input limits")
struct InputLimitTests {
    func messages(_ equation: String) -> [String] {
        let spec = EquationModelSpec(
            name: "deep", periods: 1, parameters: [NamedValue("a", 1)],
            equations: [EquationSource(equation, at: SourceLocation(file: "m.yaml", line: 3, column: 5))])
        do {
            _ = try EquationModel.compile(spec)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test("100,000 nested parentheses are rejected at the depth limit")
    func deepParentheses() {
        let depth = 100_000
        let text = "x = " + String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth)
        let found = messages(text)
        #expect(found.count == 1)
        #expect(found.first?.contains("nested more than 200 levels") == true || found.first?.contains("longer than") == true, "\(found)")
        #expect(found.first?.hasPrefix("m.yaml:3:") == true)
    }

    @Test("a chain of unary minus signs is rejected at the depth limit")
    func deepSigns() {
        let found = messages("x = " + String(repeating: "-", count: 1_000) + "a")
        #expect(found.first?.contains("nested more than 200 levels") == true, "\(found)")
    }

    @Test("an equation with 50,000 terms is rejected as too long")
    func longEquation() {
        let found = messages("x = a" + String(repeating: " + a", count: 50_000))
        #expect(found.first?.contains("longer than 5000 tokens") == true, "\(found)")
    }

    @Test("a long but reasonable equation still compiles and runs")
    func reasonable() throws {
        let terms = 1_000
        let spec = EquationModelSpec(
            name: "wide", periods: 2, parameters: [NamedValue("a", 1)],
            equations: [EquationSource("x = a" + String(repeating: " + a", count: terms - 1))])
        let result = try EquationModel.compile(spec).run()
        #expect(result.series("x")?.last == Double(terms))
    }
}
