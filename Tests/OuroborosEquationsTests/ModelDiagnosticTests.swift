import OuroborosCore
import OuroborosEquations
import Testing

/// Problems found by checking a model, each at its line and column, all reported together.
@Suite("Model diagnostics")
struct ModelDiagnosticTests {
    @Test func anUnknownVariableIsNamedAtItsColumn() throws {
        let diagnostic = try #require(onlyDiagnostic(smallSpec(["C = 1", "Y = C + Z * 2"])))
        #expect(diagnostic.location == place(11, 13))
        #expect(diagnostic.message.hasPrefix("unknown variable 'Z'"))
    }

    @Test func anUnknownVariableDifferingInCaseGetsASuggestion() throws {
        let diagnostic = try #require(onlyDiagnostic(smallSpec(["Cd = 1", "Y = cd[-1]"])))
        #expect(diagnostic.location == place(11, 9))
        #expect(diagnostic.message.contains("did you mean 'Cd'?"))
    }

    @Test func aVariableDefinedTwiceIsReportedAtTheSecondDefinition() throws {
        let diagnostic = try #require(onlyDiagnostic(smallSpec(["C = 1", "Y = C", "C = 2"])))
        #expect(diagnostic.location == place(12, 5))
        #expect(diagnostic.message == "'C' is defined twice; its first equation is on line 10")
    }

    @Test func aVariableWithAnInitialValueButNoEquationIsUsedButNeverDefined() throws {
        let spec = smallSpec(["Y = 2 * H[-1] + 1"], initial: [NamedValue("H", 5, at: place(20, 3))])
        let diagnostic = try #require(onlyDiagnostic(spec))
        #expect(diagnostic.location == place(10, 13))
        #expect(diagnostic.message.contains("'H' is used but never defined"))
    }

    @Test func aParameterThatIsAlsoExogenous() throws {
        let spec = smallSpec(
            ["Y = alpha"], parameters: [NamedValue("alpha", 1, at: place(3, 3))],
            exogenous: [ExogenousSeries("alpha", .constant(2), at: place(5, 3))])
        let diagnostic = try #require(onlyDiagnostic(spec))
        #expect(diagnostic.location == place(5, 3))
        #expect(diagnostic.message == "'alpha' is declared both as a parameter (line 3) and as an exogenous variable")
    }

    @Test func aParameterThatIsAlsoDefinedByAnEquation() throws {
        let spec = smallSpec(["Y = G", "G = 1"], parameters: [NamedValue("G", 1, at: place(3, 3))])
        let diagnostic = try #require(onlyDiagnostic(spec))
        #expect(diagnostic.location == place(11, 5))
        #expect(diagnostic.message == "'G' is a parameter (line 3) and cannot also be defined by an equation")
    }

    @Test func anExogenousVariableThatIsAlsoDefinedByAnEquation() throws {
        let spec = smallSpec(["Y = 1", " G = Y"], exogenous: [ExogenousSeries("G", .constant(1), at: place(5, 3))])
        let diagnostic = try #require(onlyDiagnostic(spec))
        #expect(diagnostic.location == place(11, 6))
        #expect(diagnostic.message.contains("an exogenous variable (line 5)"))
    }

    @Test func aParameterDeclaredTwice() throws {
        let spec = smallSpec(["Y = a"], parameters: [NamedValue("a", 1, at: place(3, 3)), NamedValue("a", 2, at: place(4, 3))])
        let diagnostic = try #require(onlyDiagnostic(spec))
        #expect(diagnostic.location == place(4, 3))
        #expect(diagnostic.message == "parameter 'a' is declared twice; first on line 3")
    }

    @Test func shocksMayChangeOnlyKnownParametersAndExogenousVariables() {
        let shock = ShockSpec(
            from: 2,
            set: [
                NamedValue("Q", 1, at: place(40, 9)), NamedValue("Y", 1, at: place(41, 9)),
                NamedValue("G", 2, at: place(42, 9)),
            ], at: place(40, 3))
        let found = diagnostics(smallSpec(["Y = G"], exogenous: [ExogenousSeries("G", .constant(1))], shocks: [shock]))
        #expect(found.map(\.location) == [place(40, 9), place(41, 9)])
        #expect(found.first?.message == "shock sets unknown variable 'Q'")
        #expect(found.last?.message.contains("shock sets 'Y', which is defined by an equation") == true)
    }

    @Test(
        arguments: [
            (0, nil, "a shock must start in period 1 or later, found from: 0"),
            (5, 3, "a shock cannot end (to: 3) before it starts (from: 5)"),
            (11, nil, "shock starts in period 11, beyond the model's 10 periods"),
            (4, 12, "shock ends in period 12, beyond the model's 10 periods"),
        ] as [(Int, Int?, String)])
    func shockPeriodsMustLieInTheRun(from: Int, to: Int?, message: String) throws {
        let shock = ShockSpec(from: from, to: to, set: [NamedValue("G", 2, at: place(40, 9))], at: place(40, 3))
        let spec = smallSpec(["Y = G"], exogenous: [ExogenousSeries("G", .constant(1))], shocks: [shock])
        let diagnostic = try #require(onlyDiagnostic(spec))
        #expect(diagnostic.location == place(40, 3))
        #expect(diagnostic.message == message)
    }

    @Test func anExogenousSeriesNeedsOneValuePerPeriod() throws {
        let spec = smallSpec(["Y = G"], exogenous: [ExogenousSeries("G", .series([1, 2, 3]), at: place(5, 3))])
        let diagnostic = try #require(onlyDiagnostic(spec))
        #expect(diagnostic.location == place(5, 3))
        #expect(diagnostic.message == "exogenous variable 'G': expected 10 values, one per period, found 3")
    }

    @Test func anInitialValueForAnUnknownName() throws {
        let spec = smallSpec(["Y = 1"], initial: [NamedValue("Q", 1, at: place(20, 3)), NamedValue("Y", 2, at: place(21, 3))])
        let diagnostic = try #require(onlyDiagnostic(spec))
        #expect(diagnostic.location == place(20, 3))
        #expect(diagnostic.message == "initial value for unknown variable 'Q'")
    }

    @Test func anInitialValueGivenTwice() throws {
        let spec = smallSpec(["Y = 1"], initial: [NamedValue("Y", 1, at: place(20, 3)), NamedValue("Y", 2, at: place(21, 3))])
        let diagnostic = try #require(onlyDiagnostic(spec))
        #expect(diagnostic.location == place(21, 3))
        #expect(diagnostic.message.contains("first on line 20"))
    }

    @Test func periodsMustBePositive() throws {
        let diagnostic = try #require(onlyDiagnostic(smallSpec(["Y = 1"], periods: 0)))
        #expect(diagnostic.location == place(1, 1))
        #expect(diagnostic.message == "periods must be at least 1, found 0")
    }

    @Test func aModelNeedsEquations() throws {
        let diagnostic = try #require(onlyDiagnostic(smallSpec([])))
        #expect(diagnostic.message == "the model has no equations")
    }

    @Test func nonFiniteNumbersAreRejectedEverywhere() {
        let spec = smallSpec(
            ["Y = a + G + H + K"],
            parameters: [NamedValue("a", .nan, at: place(3, 3))],
            exogenous: [
                ExogenousSeries("G", .constant(.infinity), at: place(5, 3)),
                ExogenousSeries("H", .series([1, 2, .nan, 4, 5, 6, 7, 8, 9, 10]), at: place(6, 3)),
                ExogenousSeries("K", .constant(1), at: place(7, 3)),
            ],
            initial: [NamedValue("Y", -.infinity, at: place(20, 3))],
            shocks: [ShockSpec(from: 2, set: [NamedValue("K", .nan, at: place(40, 9))], at: place(40, 3))])
        let found = diagnostics(spec)
        #expect(found.map(\.location) == [place(3, 3), place(5, 3), place(6, 3), place(20, 3), place(40, 9)])
        #expect(found.allSatisfy { $0.message.contains("not a finite number") })
        #expect(found[2].message == "exogenous variable 'H': the value for period 3 is not a finite number (nan)")
    }

    @Test func unknownNamesInHiddenEquationsAndMatricesAreFound() {
        var spec = smallSpec(["C = 1"], hidden: [EquationSource("C = D", at: place(30, 7))])
        spec.matrices = [
            MatrixSpec(
                kind: .transactionsFlow, columns: ["A", "B"],
                rows: [
                    .init(
                        name: "Flow",
                        cells: [
                            .init(column: "A", expression: EquationSource("-C", at: place(41, 20))),
                            .init(column: "B", expression: EquationSource("C + E[-1]", at: place(41, 30))),
                        ]),
                    .init(name: "Other", cells: [.init(column: "Z", expression: EquationSource("C", at: place(42, 20)))]),
                ], exemptRows: ["Nope"], at: place(40, 3))
        ]
        let found = diagnostics(spec)
        #expect(found.map(\.location) == [place(30, 11), place(40, 3), place(41, 34), place(42, 20)])
        #expect(found[0].message.hasPrefix("unknown variable 'D'"))
        #expect(found[1].message == "exempt row 'Nope' is not a row of the transactions-flow matrix")
        #expect(found[2].message.hasPrefix("unknown variable 'E'"))
        #expect(found[3].message == "row 'Other': unknown sector 'Z'; the sectors are A, B")
    }

    @Test func everyProblemIsReportedAtOnceInFileOrder() {
        let spec = smallSpec(
            ["Y = C + X", "C = (1", "Y = 2"],
            exogenous: [ExogenousSeries("G", .series([1]), at: place(5, 3))],
            shocks: [ShockSpec(from: 0, set: [NamedValue("Y", 1, at: place(40, 9))], at: place(40, 3))])
        let found = diagnostics(spec)
        #expect(found.map(\.location) == [place(5, 3), place(10, 13), place(11, 9), place(12, 5), place(40, 3), place(40, 9)])
    }
}
