import OuroborosCore
import OuroborosEquations
import Testing

@Suite("Steady states, shocks and expectations")
struct SteadyStateTests {
    @Test(arguments: [(20.0, 0.2), (30.0, 0.25), (15.0, 0.1), (50.0, 0.4)])
    func simConvergesToGovernmentSpendingOverTheTaxRate(spending: Double, theta: Double) throws {
        let result = try EquationModel.compile(simSpec(periods: 300, governmentSpending: spending, theta: theta)).run()
        let y = try #require(result.value(of: "Y", at: 300))
        #expect(agrees(y, spending / theta, relative: 1e-9), "Y = \(y), G/θ = \(spending / theta)")
        let h = try #require(result.value(of: "Hh", at: 300))
        // H* = α₃·YD* with α₃ = (1 − α₁)/α₂ and YD* = (1 − θ)·G/θ.
        #expect(agrees(h, (1 - 0.6) / 0.4 * (1 - theta) * spending / theta, relative: 1e-9))
    }

    @Test func simSteadyStateValues() throws {
        let result = try EquationModel.compile(simSpec(periods: 300)).run()
        for (name, value) in ["Y": 100.0, "YD": 80, "Cs": 80, "Ts": 20, "Hh": 80, "Hs": 80] {
            #expect(agrees(try #require(result.value(of: name, at: 300)), value, relative: 1e-9), "\(name)")
        }
    }

    @Test func aSpendingShockMovesTheSteadyStateTo125() throws {
        let shock = ShockSpec(from: 10, set: [NamedValue("Gd", 25)], at: place(40, 3))
        let shocked = try EquationModel.compile(simSpec(periods: 400, shocks: [shock])).run()
        let baseline = try EquationModel.compile(simSpec(periods: 400)).run()
        let y = try #require(shocked.series("Y"))
        let base = try #require(baseline.series("Y"))
        for period in 0..<10 { #expect(y[period] == base[period], "period \(period) precedes the shock") }
        #expect(y[10] > base[10])
        #expect(try #require(shocked.series("Gd"))[9] == 20)
        #expect(try #require(shocked.series("Gd"))[10] == 25)
        #expect(agrees(y[400], 125, relative: 1e-9))
    }

    @Test func aShockThatEndsLetsTheModelReturn() throws {
        let shock = ShockSpec(from: 5, to: 8, set: [NamedValue("Gd", 25)], at: place(40, 3))
        let result = try EquationModel.compile(simSpec(periods: 300, shocks: [shock])).run()
        let gd = try #require(result.series("Gd"))
        #expect(gd[4] == 20 && gd[5] == 25 && gd[8] == 25 && gd[9] == 20)
        #expect(agrees(gd[300], 20, relative: 0))
        #expect(agrees(try #require(result.value(of: "Y", at: 300)), 100, relative: 1e-9))
    }

    @Test func aParameterShock() throws {
        let shock = ShockSpec(from: 3, set: [NamedValue("theta", 0.25)], at: place(40, 3))
        let result = try EquationModel.compile(simSpec(periods: 300, shocks: [shock])).run()
        #expect(result.series("theta")?[2] == 0.2)
        #expect(result.series("theta")?[3] == 0.25)
        #expect(agrees(try #require(result.value(of: "Y", at: 300)), 80, relative: 1e-9))
    }

    @Test func simexConvergesToTheSameSteadyState() throws {
        let model = try EquationModel.compile(simexSpec(periods: 300))
        let result = try model.run()
        #expect(agrees(try #require(result.value(of: "Y", at: 300)), 100, relative: 1e-9))
        #expect(agrees(try #require(result.value(of: "Hh", at: 300)), 80, relative: 1e-9))
        // Expected disposable income is last period's: households underestimate it on the way up,
        // so they hold more money than they planned.
        let yd = try #require(result.series("YD"))
        let yde = try #require(result.series("YDe"))
        let hh = try #require(result.series("Hh"))
        let hd = try #require(result.series("Hd"))
        for period in 1...20 {
            #expect(yde[period] == yd[period - 1])
            #expect(hh[period] > hd[period])
        }
        let sim = try EquationModel.compile(simSpec(periods: 300)).run()
        #expect(
            result.value(of: "Y", at: 1)! < sim.value(of: "Y", at: 1)!,
            "with no past income households spend less at first")
    }
}
