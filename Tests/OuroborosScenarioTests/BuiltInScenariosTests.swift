import OuroborosCore
import OuroborosEquations
import OuroborosScenario
import Testing

/// The built-in models load, compile, run, close their matrices, and match the book.
@Suite("built-in models")
struct BuiltInScenariosTests {
    @Test(
        "every built-in equation model loads, compiles and runs with closed matrices",
        arguments: BuiltInScenarios.all.filter { $0.kind == "equations" }.map(\.name))
    func runs(name: String) throws {
        guard case .equations(let spec) = try ScenarioLoader.builtIn(name) else { return }
        let model = try EquationModel.compile(spec)
        let result = try model.run()
        #expect(result.periods == spec.periods)
        #expect(result.maxRelativeImbalance < 1e-9)
        #expect(result.matrices(at: result.periods).count == 2)
    }

    @Test("PC reaches the book's steady state")
    func pcSteadyState() throws {
        guard case .equations(let spec) = try ScenarioLoader.builtIn("pc") else { return }
        let result = try EquationModel.compile(spec).run(periods: 100)
        let y = try #require(result.series("Y"))
        #expect(abs(y[1] - 38.4615) < 5e-5)
        #expect(abs(y[100] - 106.4865) < 5e-5)
        let bh = try #require(result.series("Bh"))
        let v = try #require(result.series("V"))
        #expect(abs(bh[100] / v[100] - 0.75) < 1e-4)
    }

    @Test("SIM built-in matches Table 3.4 to 1e-6")
    func simTable() throws {
        guard case .equations(let spec) = try ScenarioLoader.builtIn("sim") else { return }
        let result = try EquationModel.compile(spec).run()
        let y = try #require(result.series("Y"))
        #expect(abs(y[1] / 38.461538 - 1) < 1e-6)
        #expect(abs(y[2] / 47.928994 - 1) < 1e-6)
        #expect(abs(y[3] / 55.939918 - 1) < 1e-6)
    }

    @Test("1,000 periods: no drift of the hidden equation or the matrices near the steady state", arguments: ["sim", "simex", "pc"])
    func longRun(name: String) throws {
        guard case .equations(let spec) = try ScenarioLoader.builtIn(name) else { return }
        let result = try EquationModel.compile(spec).run(periods: 1_000)
        #expect(result.periods == 1_000)
        #expect(result.maxRelativeImbalance < 1e-9)
    }

    @Test("SIMEX converges to the same steady state as SIM")
    func simex() throws {
        guard case .equations(let spec) = try ScenarioLoader.builtIn("simex") else { return }
        let result = try EquationModel.compile(spec).run(periods: 200)
        #expect(abs(try #require(result.series("Y")).last! - 100) < 1e-6)
    }

    @Test("an unknown built-in name says which exist")
    func unknown() {
        #expect(throws: ScenarioLoadError.self) { try ScenarioLoader.builtIn("nope") }
    }
}
