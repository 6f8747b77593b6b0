import OuroborosCore
import OuroborosEquations
import Testing

@Suite("Ordering and solving")
struct SolverTests {
    @Test func simHasOneSimultaneousBlockWithOneTear() throws {
        let model = try EquationModel.compile(simSpec())
        let blocks = model.simultaneousBlocks
        #expect(blocks.count == 1)
        #expect(Set(blocks[0].variables) == ["Cs", "Ts", "Ns", "YD", "Td", "Cd", "Y", "Nd"])
        #expect(blocks[0].tears.count == 1)
        let order = model.evaluationOrder
        #expect(order.count == 11)
        #expect(order.firstIndex(of: "Gs")! < order.firstIndex(of: "Y")!)
        #expect(order.firstIndex(of: "Td")! < order.firstIndex(of: "Hs")!)
        #expect(model.variableNames == ["Cs", "Gs", "Ts", "Ns", "YD", "Td", "Cd", "Hs", "Hh", "Y", "Nd", "Gd"])
    }

    @Test func newtonAndGaussSeidelAgreeOnSIM() throws {
        let model = try EquationModel.compile(simSpec())
        let newton = try model.run(solver: .newton)
        let gaussSeidel = try model.run(solver: .gaussSeidel)
        #expect(newton.gaussSeidelFallbacks.isEmpty)
        for period in 0...100 {
            for (a, b) in zip(newton.row(period), gaussSeidel.row(period)) {
                #expect(agrees(a, b, relative: 1e-10), "period \(period): \(a) vs \(b)")
            }
        }
    }

    @Test func resultShapeAndTiming() throws {
        let model = try EquationModel.compile(simSpec(periods: 7))
        #expect(model.name == "SIM")
        #expect(model.periods == 7)
        let result = try model.run()
        #expect(result.modelName == "SIM")
        #expect(result.periods == 7)
        #expect(result.variableNames == model.variableNames)
        #expect(result.series("Y")?.count == 8)
        #expect(result.series("nothing") == nil)
        #expect(result.row(0) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20], "period 0: zero stocks, Gd at its base value")
        #expect(result.row(3).count == model.variableNames.count)
        #expect(try model.run(periods: 3).periods == 3)
        #expect(try model.run(periods: 0).row(0).count == 12)
    }

    @Test func lagsOfDepthTwoReadTwoPeriodsBackClampedAtPeriodZero() throws {
        let spec = smallSpec(["a = a[-1] + 1", "b = a[-2]", "c = b[-1] + a[-2]*0 + a[-3]"], initial: [NamedValue("a", 10)])
        let result = try EquationModel.compile(spec).run()
        let a = try #require(result.series("a"))
        let b = try #require(result.series("b"))
        let c = try #require(result.series("c"))
        #expect(a == (0...10).map { 10 + Double($0) })
        for period in 1...10 {
            #expect(b[period] == a[max(period - 2, 0)])
            #expect(c[period] == b[period - 1] + a[max(period - 3, 0)])
        }
    }

    @Test func anExogenousSeriesIsReadOnePerPeriodAndHoldsItsLastValue() throws {
        var spec = simSpec(periods: 5)
        spec.exogenous = [ExogenousSeries("Gd", .series([20, 21, 22, 23, 24]), at: place(5, 3))]
        let model = try EquationModel.compile(spec)
        let result = try model.run(periods: 8)
        #expect(result.series("Gd") == [20, 20, 21, 22, 23, 24, 24, 24, 24])
        #expect(result.series("Gs") == [0, 20, 21, 22, 23, 24, 24, 24, 24])
        // Y = G + C in every period.
        for period in 1...8 {
            #expect(
                agrees(
                    result.value(of: "Y", at: period)!,
                    result.value(of: "Gd", at: period)! + result.value(of: "Cd", at: period)!, relative: 1e-12))
        }
    }

    @Test func initialValuesSetPeriodZeroOfAnyName() throws {
        let spec = smallSpec(
            ["y = x[-1] + H[-1]", "H = H[-1] + 1"], exogenous: [ExogenousSeries("x", .constant(3))],
            initial: [NamedValue("x", 7), NamedValue("H", 100)])
        let result = try EquationModel.compile(spec).run()
        #expect(result.series("x")?.prefix(3) == [7, 3, 3])
        #expect(result.series("H")?.prefix(3) == [100, 101, 102])
        #expect(result.series("y")?.prefix(3) == [0, 107, 104])
    }

    @Test func aModelWithNoRealRootDoesNotConverge() throws {
        let model = try EquationModel.compile(smallSpec(["y = 2", "x = x*x + 1"]))
        let error = runError(model)
        guard case .didNotConverge(let name, let period, let variables, let residual) = error else {
            Issue.record("expected didNotConverge, got \(String(describing: error))")
            return
        }
        #expect(name == "TEST")
        #expect(period == 1)
        #expect(variables == ["x"])
        #expect(residual >= 0.75 - 1e-12, "x² − x + 1 ≥ 3/4")
        #expect(error?.description.contains("x") == true)
        #expect(runError(model, solver: .gaussSeidel) != nil)
    }

    @Test func aDivisionByZeroNamesTheEquationAndItsLine() throws {
        let spec = smallSpec(
            ["y = 1 / (x - 3)", "z = y + 1"],
            exogenous: [ExogenousSeries("x", .series([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))])
        let error = runError(try EquationModel.compile(spec))
        guard case .undefinedValue(let name, let period, let equation, let value, let block) = error else {
            Issue.record("expected undefinedValue, got \(String(describing: error))")
            return
        }
        #expect(name == "TEST")
        #expect(period == 3)
        #expect(equation.text == "y = 1 / (x - 3)")
        #expect(equation.location == place(10, 5))
        #expect(value.isInfinite)
        #expect(block == nil)
        #expect(error?.location == place(10, 5))
    }

    @Test(
        "log(-1), sqrt(-4), exp(1000) and Y/0 inside a simultaneous block name the equation, not a residual of inf",
        arguments: [("a = b + log(x)", "NaN"), ("a = b + sqrt(4*x)", "NaN"), ("a = b + exp(-1000*x)", "infinity"), ("a = b + 1/(x + 1)", "infinity")])
    func undefinedInsideABlock(equation: String, value: String) throws {
        let spec = smallSpec([equation, "b = 0.5*a"], exogenous: [ExogenousSeries("x", .constant(-1))])
        let error = runError(try EquationModel.compile(spec))
        guard case .undefinedValue(_, 1, let source, _, let block?) = error else {
            Issue.record("expected undefinedValue in period 1, got \(String(describing: error))")
            return
        }
        #expect(source.text == equation)
        #expect(source.location == place(10, 5))
        #expect(Set(block) == ["a", "b"])
        #expect(
            error?.description
                == "TEST, period 1: the equation '\(equation)' gives \(value) (a division by zero, the log or square root of a negative number, or exp of a very large number); the simultaneous block \(block.joined(separator: ", ")) cannot be solved"
        )
    }

    @Test func aNonlinearBlockSatisfiesItsEquations() throws {
        let spec = smallSpec([
            "x = (y + 4) / 3",
            "y = x^2 - 2 + 0*z",
            "z = sqrt(1 + abs(x)) + exp(-x) + log(1 + x*x) + max(x, y, 0.5) - min(x, 2*y) + 2^x",
        ])
        let result = try EquationModel.compile(spec).run()
        #expect(result.gaussSeidelFallbacks.isEmpty)
        for period in 1...10 {
            let x = result.value(of: "x", at: period)!
            let y = result.value(of: "y", at: period)!
            #expect(agrees(x, (y + 4) / 3, relative: 1e-12))
            #expect(agrees(y, x * x - 2, relative: 1e-12))
        }
    }

    @Test func aBlockNeedingTwoTearsIsSolvedExactly() throws {
        // A complete dependency graph on three variables: any feedback vertex set has two nodes.
        let spec = smallSpec(["a = 0.1*b + 0.2*c + 1", "b = 0.3*a + 0.1*c + 2", "c = 0.2*a + 0.4*b + 3"])
        let model = try EquationModel.compile(spec)
        #expect(model.simultaneousBlocks.map(\.tears.count) == [2])
        let result = try model.run()
        let a = result.value(of: "a", at: 1)!
        let b = result.value(of: "b", at: 1)!
        let c = result.value(of: "c", at: 1)!
        #expect(agrees(a, 0.1 * b + 0.2 * c + 1, relative: 1e-12))
        #expect(agrees(b, 0.3 * a + 0.1 * c + 2, relative: 1e-12))
        #expect(agrees(c, 0.2 * a + 0.4 * b + 3, relative: 1e-12))
        let sweeps = try model.run(solver: .gaussSeidel)
        #expect(agrees(sweeps.value(of: "c", at: 1)!, c, relative: 1e-10))
    }

    @Test func whenNewtonFailsGaussSeidelTakesOverAndIsReported() throws {
        // From x = 0 the Jacobian of x − x² + 0.25 − x is exactly zero, so Newton cannot take a
        // step; Gauss–Seidel converges to the root 0.5, and the fallback is reported.
        let result = try EquationModel.compile(smallSpec(["x = x - x^2 + 0.25"])).run()
        #expect(result.gaussSeidelFallbacks == [SolverFallback(period: 1, variables: ["x"])])
        for period in 1...10 { #expect(agrees(result.value(of: "x", at: period)!, 0.5, relative: 1e-11)) }
    }

    @Test func operatorPrecedenceAndNumberForms() throws {
        let spec = smallSpec(
            [
                "a = -x^2", "b = 2^3^2", "c = 2^-1", "d = -2^2", "e = .5 + 1e-3 + 1.", "f = +x - -x",
                "g = 8 / 2 / 2", "h = 2 * 3 + 4 * 5", "i = (2 + 3) * 4", "j = 10 - 2 - 3", "k = x[-1]^2",
            ], exogenous: [ExogenousSeries("x", .constant(3))])
        let result = try EquationModel.compile(spec).run()
        let expected: [String: Double] = [
            "a": -9, "b": 512, "c": 0.5, "d": -4, "e": 1.501, "f": 6,
            "g": 2, "h": 26, "i": 20, "j": 5, "k": 9,
        ]
        for (name, value) in expected {
            #expect(agrees(try #require(result.value(of: name, at: 1)), value, relative: 1e-15), "\(name)")
        }
    }

    @Test func aLongDependencyChainAndALongCycleCompileWithoutRecursion() throws {
        let count = 20_000
        var chain = ["x0 = 1"]
        for i in 1..<count { chain.append("x\(i) = x\(i - 1) + 1") }
        let chained = try EquationModel.compile(smallSpec(chain.reversed(), periods: 2))
        #expect(chained.simultaneousBlocks.isEmpty)
        #expect(try chained.run().value(of: "x\(count - 1)", at: 2) == Double(count))

        let size = 2_000
        var cycle = ["y0 = 0.5*y\(size - 1) + 1"]
        for i in 1..<size { cycle.append("y\(i) = y\(i - 1)") }
        let cyclic = try EquationModel.compile(smallSpec(cycle, periods: 2))
        #expect(cyclic.simultaneousBlocks.map(\.tears.count) == [1])
        #expect(agrees(try cyclic.run().value(of: "y\(size - 1)", at: 1)!, 2, relative: 1e-12))
    }
}
