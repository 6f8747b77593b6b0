import OuroborosCore
import OuroborosEquations
import Testing

/// SIM's transactions-flow (Godley–Lavoie Table 3.1) and balance-sheet (Table 3.2) matrices.
@Suite("Balance-sheet and transactions-flow matrices")
struct MatrixTests {
    static let sectors = ["Households", "Production", "Government"]

    static func cell(_ column: String, _ expression: String, line: Int) -> MatrixSpec.Cell {
        MatrixSpec.Cell(column: column, expression: EquationSource(expression, at: place(line, 20)))
    }

    /// Table 3.1, optionally with the production firms' consumption cell replaced.
    static func transactionsFlow(consumptionReceived: String = "Cs") -> MatrixSpec {
        MatrixSpec(
            kind: .transactionsFlow, columns: sectors,
            rows: [
                .init(
                    name: "Consumption",
                    cells: [
                        cell("Households", "-Cd", line: 51),
                        cell("Production", consumptionReceived, line: 51),
                    ]),
                .init(
                    name: "Government expenditures",
                    cells: [
                        cell("Production", "Gs", line: 52),
                        cell("Government", "-Gd", line: 52),
                    ]),
                .init(
                    name: "Factor income",
                    cells: [
                        cell("Households", "W*Ns", line: 53),
                        cell("Production", "-W*Nd", line: 53),
                    ]),
                .init(name: "Taxes", cells: [cell("Households", "-Ts", line: 54), cell("Government", "Td", line: 54)]),
                .init(
                    name: "Change in the stock of money",
                    cells: [
                        cell("Households", "-(Hh - Hh[-1])", line: 55),
                        cell("Government", "Hs - Hs[-1]", line: 55),
                    ]),
            ], at: place(50, 3))
    }

    /// Table 3.2.
    static let balanceSheet = MatrixSpec(
        kind: .balanceSheet, columns: sectors,
        rows: [
            .init(name: "Money stock", cells: [cell("Households", "Hh", line: 61), cell("Government", "-Hs", line: 61)]),
            .init(name: "Balance (net worth)", cells: [cell("Households", "-Hh", line: 62), cell("Government", "Hs", line: 62)]),
        ], at: place(60, 3))

    @Test func simMatricesCloseEveryPeriod() throws {
        let model = try EquationModel.compile(simSpec(matrices: [Self.transactionsFlow(), Self.balanceSheet]))
        let result = try model.run()
        #expect(result.maxRelativeImbalance <= 1e-13)
        for period in 1...100 {
            let matrices = result.matrices(at: period)
            #expect(matrices.count == 2)
            // Near the steady state the change in money is ~1e-6 while Hh ≈ 80, so its rounding
            // (~1e-14) is checked against the level of the stocks, not of the flows.
            for matrix in matrices {
                #expect(matrix.firstImbalance(relativeTolerance: 1e-9, absoluteFloor: 80) == nil, "period \(period)")
            }
        }
    }

    @Test func matricesAreEvaluatedAtTheAskedPeriod() throws {
        let result = try EquationModel.compile(simSpec(matrices: [Self.transactionsFlow(), Self.balanceSheet])).run()
        let flows = try #require(result.matrices(at: 1).first)
        #expect(flows.kind == .transactionsFlow)
        #expect(flows.title == "SIM, period 1")
        #expect(flows.columns == Self.sectors)
        #expect(flows.rows.first == "Consumption")
        let consumption = try #require(result.value(of: "Cd", at: 1))
        #expect(flows.cells[0][0] == -consumption)
        #expect(flows.cells[0][2] == nil)
        let stocks = result.matrices(at: 2)[1]
        #expect(stocks.cells[0][0] == result.value(of: "Hh", at: 2))
    }

    @Test func aModelWithoutMatricesReportsNone() throws {
        let result = try EquationModel.compile(simSpec()).run()
        #expect(result.matrices(at: 5).isEmpty)
        #expect(result.maxRelativeImbalance == 0)
    }

    @Test func aWrongCellRaisesAnIdentityViolationNamingTheRow() throws {
        let model = try EquationModel.compile(simSpec(matrices: [Self.transactionsFlow(consumptionReceived: "1.01*Cs")]))
        let error = runError(model)
        guard case .identityViolation(let violation) = error else {
            Issue.record("expected an identity violation, got \(String(describing: error))")
            return
        }
        #expect(violation.model == "SIM")
        #expect(violation.period == 1)
        #expect(violation.imbalance.row == "Consumption")
        #expect(violation.imbalance.kind == .transactionsFlow)
        #expect(error?.description.contains("Consumption") == true)
    }

    @Test func aColumnThatDoesNotCloseIsNamed() throws {
        // Households pay taxes twice over: the Taxes row no longer sums to zero, and neither does
        // the household column; the row is reported first.
        var flows = Self.transactionsFlow()
        flows.rows[3].cells[0] = Self.cell("Households", "-2*Ts", line: 54)
        flows.exemptRows = ["Taxes"]
        let error = runError(try EquationModel.compile(simSpec(matrices: [flows])))
        guard case .identityViolation(let violation) = error else {
            Issue.record("expected an identity violation, got \(String(describing: error))")
            return
        }
        #expect(violation.imbalance.row == "column total")
        #expect(violation.imbalance.sector == "Households")
    }
}
