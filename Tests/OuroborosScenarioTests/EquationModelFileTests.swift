import OuroborosCore
import OuroborosEquations
import OuroborosScenario
import TestSupport
import Testing

/// Decoding `kind: equations` files: the spec that comes out, and every error with its place.
@Suite("equation model files")
struct EquationModelFileTests {
    /// SIM with a government-spending step in period 10 (`Tests/Fixtures/sim-shocked.yaml`).
    static let good = sharedFixture("sim-shocked.yaml")

    func spec(_ text: String) throws -> EquationModelSpec {
        guard case .equations(let spec) = try ScenarioLoader.parse(text, file: "m.yaml") else {
            Issue.record("expected an equation model")
            throw DiagnosticList([])
        }
        return spec
    }

    /// The diagnostics produced for `text`, as printed.
    func errors(_ text: String) -> [String] {
        do {
            guard case .equations(let spec) = try ScenarioLoader.parse(text, file: "m.yaml") else { return [] }
            _ = try EquationModel.compile(spec)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test("a SIM file decodes with names, numbers, places and shocks")
    func decodesSIM() throws {
        let spec = try spec(Self.good)
        #expect(spec.name == "SIM")
        #expect(spec.periods == 60)
        #expect(spec.parameters.map(\.name) == ["alpha1", "alpha2", "theta", "W"])
        #expect(spec.parameters[0].value == 0.6)
        #expect(spec.exogenous == [ExogenousSeries("Gd", .constant(20), at: SourceLocation(file: "m.yaml", line: 5, column: 13))])
        #expect(spec.equations.count == 11)
        #expect(spec.equations[6].text == "Cd = alpha1*YD + alpha2*Hh[-1]")
        #expect(spec.equations[6].location == SourceLocation(file: "m.yaml", line: 14, column: 5))
        #expect(spec.shocks.count == 1)
        #expect(spec.shocks[0].from == 10 && spec.shocks[0].to == 60)
        #expect(spec.shocks[0].set.map(\.name) == ["Gd"])
    }

    @Test("an exogenous list gives one value per period")
    func exogenousSeries() throws {
        let text = Self.good.replacingOccurrences(of: "periods: 60", with: "periods: 3")
            .replacingOccurrences(of: "exogenous: {Gd: 20}", with: "exogenous: {Gd: [20, 21, 22]}")
            .replacingOccurrences(of: "  - {from: 10, to: 60, set: {Gd: 25}}", with: "  - {from: 2, set: {theta: 0.25}}")
        let spec = try spec(text)
        #expect(spec.exogenous.first?.values == .series([20, 21, 22]))
    }

    @Test("quoted equations point past the quote")
    func quotedLocation() throws {
        let text = Self.good.replacingOccurrences(of: "  - Nd = Y/W", with: "  - \"Nd = Y/W\"")
        let spec = try spec(text)
        #expect(spec.equations.last?.location == SourceLocation(file: "m.yaml", line: 18, column: 6))
    }

    @Test("missing key", arguments: ["periods", "equations"])
    func missingKey(key: String) {
        let text = Self.good.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix(key + ":") }
            .filter { key != "equations" || !$0.hasPrefix("  - ") || $0.contains("from") }
            .joined(separator: "\n")
        let found = errors(text)
        #expect(found.contains { $0.hasPrefix("m.yaml:1:1: error: missing key '\(key)'") }, "\(found)")
    }

    @Test("wrong types and bad numbers name the place and what was expected")
    func wrongTypes() {
        #expect(
            errors(Self.good.replacingOccurrences(of: "periods: 60", with: "periods: [60]"))
                == ["m.yaml:3:10: error: expected a whole number for periods, found a list"])
        #expect(
            errors(Self.good.replacingOccurrences(of: "theta: 0.2", with: "theta: 0.2.1"))
                == ["m.yaml:4:47: error: expected a number for parameter 'theta', found '0.2.1'"])
        #expect(
            errors(Self.good.replacingOccurrences(of: "parameters: {alpha1: 0.6, alpha2: 0.4, theta: 0.2, W: 1}", with: "parameters: [0.6, 0.4]"))
                == ["m.yaml:4:13: error: expected a mapping of names to numbers, e.g. {alpha1: 0.6}, found a list"])
        #expect(
            errors(Self.good.replacingOccurrences(of: "periods: 60", with: "periods: 0"))
                == ["m.yaml:3:10: error: expected periods between 1 and 1000000, found 0"])
        #expect(
            errors(Self.good.replacingOccurrences(of: "Gd: 20}", with: "Gd: .nan}"))
                == ["m.yaml:5:17: error: expected a number for exogenous 'Gd' (a number or a list with one value per period), found '.nan'"])
    }

    @Test("unknown and duplicate keys")
    func unknownAndDuplicateKeys() {
        #expect(
            errors(Self.good.replacingOccurrences(of: "initial:", with: "initials:")).first?
                .hasPrefix("m.yaml:6:1: error: unknown key 'initials' in an equation model; expected one of: kind, name") == true)
        #expect(
            errors(Self.good.replacingOccurrences(of: "W: 1}", with: "W: 1, theta: 0.3}"))
                == ["m.yaml:4:58: error: 'theta' appears twice in this mapping (first at line 4)"])
    }

    @Test("YAML syntax errors carry libyaml's place")
    func syntaxError() {
        let found = errors(Self.good.replacingOccurrences(of: "exogenous: {Gd: 20}", with: "exogenous: {Gd: 20"))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("m.yaml:") == true)
        #expect(found.first?.contains("invalid YAML") == true)
    }

    @Test("unknown kind and a file that is not a mapping")
    func kinds() {
        #expect(
            errors(Self.good.replacingOccurrences(of: "kind: equations", with: "kind: equation"))
                == ["m.yaml:1:7: error: unknown kind 'equation'; expected one of: equations, network"])
        #expect(errors("- a\n- b\n") == ["m.yaml:1:1: error: expected a mapping with a 'kind' key at the top of the file, found a list"])
        #expect(errors("") == ["m.yaml:1:1: error: the file is empty; expected a YAML mapping with a 'kind' key"])
    }

    @Test("equation errors are reported at their line and column in the file")
    func equationErrorsInFile() {
        let unknown = errors(Self.good.replacingOccurrences(of: "  - Y = Cs + Gs", with: "  - Y = Cs + Gz"))
        #expect(unknown.count == 1)
        #expect(unknown.first?.hasPrefix("m.yaml:17:14: error:") == true, "\(unknown)")
        let paren = errors(Self.good.replacingOccurrences(of: "  - Nd = Y/W", with: "  - Nd = (Y/W"))
        #expect(paren.first?.hasPrefix("m.yaml:18:10: error:") == true, "\(paren)")
        let twice = errors(Self.good.replacingOccurrences(of: "  - Gs = Gd", with: "  - Cs = Gd"))
        #expect(twice.contains { $0.hasPrefix("m.yaml:9:5: error:") }, "\(twice)")
    }

    @Test("matrix sections: columns and cells are checked")
    func matrices() {
        let text =
            Self.good + """
                balance_sheet:
                  columns: [Households, Government]
                  rows:
                    Money: {Households: +Hh, Treasury: -Hs}

                """
        #expect(
            errors(text) == ["m.yaml:24:30: error: unknown sector 'Treasury' in row 'Money'; expected one of the columns: Households, Government"])
    }
}

extension Error {
    /// The diagnostics carried by a loader or compiler error.
    var diagnostics: [Diagnostic] {
        switch self {
        case let list as DiagnosticList: return list.diagnostics
        case let error as ScenarioLoadError:
            if case .invalid(let list) = error { return list.diagnostics }
            return [Diagnostic(error.description, at: nil)]
        default: return [Diagnostic("\(self)", at: nil)]
        }
    }
}
