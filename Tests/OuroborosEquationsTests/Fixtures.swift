import OuroborosCore
import OuroborosEquations
import Testing

/// The file name every test location uses.
let testFile = "model.yaml"

/// A location in the test file.
func place(_ line: Int, _ column: Int) -> OuroborosCore.SourceLocation {
    OuroborosCore.SourceLocation(file: testFile, line: line, column: column)
}

/// Equations written one per line from `firstLine`, each starting at `column`
/// (as after `  - ` in a YAML list).
func sources(_ texts: [String], firstLine: Int = 10, column: Int = 5) -> [EquationSource] {
    texts.enumerated().map { EquationSource($1, at: place(firstLine + $0, column)) }
}

/// Model SIM of Godley & Lavoie, chapter 3.
func simSpec(
    periods: Int = 100, governmentSpending: Double = 20, theta: Double = 0.2,
    shocks: [ShockSpec] = [], matrices: [MatrixSpec] = []
) -> EquationModelSpec {
    EquationModelSpec(
        name: "SIM", periods: periods,
        parameters: [.init("alpha1", 0.6), .init("alpha2", 0.4), .init("theta", theta), .init("W", 1)],
        exogenous: [.init("Gd", .constant(governmentSpending))],
        equations: sources([
            "Cs = Cd", "Gs = Gd", "Ts = Td", "Ns = Nd", "YD = W*Ns - Ts", "Td = theta*W*Ns",
            "Cd = alpha1*YD + alpha2*Hh[-1]", "Hs = Hs[-1] + Gd - Td", "Hh = Hh[-1] + YD - Cd",
            "Y = Cs + Gs", "Nd = Y / W",
        ]),
        shocks: shocks, matrices: matrices,
        hidden: [EquationSource("Hh = Hs", at: place(30, 5))],
        location: place(1, 1))
}

/// Model SIMEX (SIM with adaptive expectations), Godley & Lavoie section 3.7.
func simexSpec(periods: Int = 100) -> EquationModelSpec {
    var spec = simSpec(periods: periods)
    spec.name = "SIMEX"
    spec.equations = sources([
        "Cs = Cd", "Gs = Gd", "Ts = Td", "Ns = Nd", "YD = W*Ns - Ts", "Td = theta*W*Ns",
        "YDe = YD[-1]", "Cd = alpha1*YDe + alpha2*Hh[-1]", "Hd = Hh[-1] + YDe - Cd",
        "Hs = Hs[-1] + Gd - Td", "Hh = Hh[-1] + YD - Cd", "Y = Cs + Gs", "Nd = Y / W",
    ])
    return spec
}

/// Model PC of Godley & Lavoie, chapter 4.
func pcSpec(periods: Int = 100) -> EquationModelSpec {
    EquationModelSpec(
        name: "PC", periods: periods,
        parameters: [
            .init("alpha1", 0.6), .init("alpha2", 0.4), .init("theta", 0.2), .init("lambda0", 0.635),
            .init("lambda1", 5), .init("lambda2", 0.01),
        ],
        exogenous: [.init("G", .constant(20)), .init("rbar", .constant(0.025))],
        equations: sources([
            "Y = C + G", "YD = Y - T + r[-1]*Bh[-1]", "T = theta*(Y + r[-1]*Bh[-1])", "V = V[-1] + (YD - C)",
            "C = alpha1*YD + alpha2*V[-1]", "Hh = V - Bh", "Bh = V*(lambda0 + lambda1*r) - lambda2*YD",
            "Bs = Bs[-1] + (G + r[-1]*Bs[-1]) - (T + r[-1]*Bcb[-1])", "Hs = Hs[-1] + Bcb - Bcb[-1]",
            "Bcb = Bs - Bh", "r = rbar",
        ]),
        hidden: [EquationSource("Hh = Hs", at: place(30, 5))],
        location: place(1, 1))
}

/// A small model from bare equation texts, with optional parameters and exogenous variables.
func smallSpec(
    _ equations: [String], periods: Int = 10, parameters: [NamedValue] = [],
    exogenous: [ExogenousSeries] = [], initial: [NamedValue] = [], shocks: [ShockSpec] = [],
    hidden: [EquationSource] = []
) -> EquationModelSpec {
    EquationModelSpec(
        name: "TEST", periods: periods, parameters: parameters, exogenous: exogenous,
        initial: initial, equations: sources(equations), shocks: shocks, hidden: hidden,
        location: place(1, 1))
}

/// The diagnostics `EquationModel.compile` reports for `spec` (empty when it compiles).
func diagnostics(_ spec: EquationModelSpec) -> [Diagnostic] {
    do throws(DiagnosticList) {
        _ = try EquationModel.compile(spec)
        return []
    } catch {
        return error.diagnostics
    }
}

/// The single diagnostic `spec` produces, failing the test unless there is exactly one.
func onlyDiagnostic(_ spec: EquationModelSpec, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
    let found = diagnostics(spec)
    #expect(found.count == 1, "expected one diagnostic, got \(found)", sourceLocation: sourceLocation)
    return found.first
}

/// The error a run throws, or `nil` when it succeeds.
func runError(_ model: EquationModel, periods: Int? = nil, solver: SolverMethod = .newton) -> SimulationError? {
    do throws(SimulationError) {
        _ = try model.run(periods: periods, solver: solver)
        return nil
    } catch {
        return error
    }
}

/// Whether `a` and `b` agree to `tolerance` relative to `max(1, |b|)`.
func agrees(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
}
