import OuroborosCore
import Testing

@Suite("Rendering matrices")
struct RenderingTests {
    let balanceSheet = SFCMatrix(
        kind: .balanceSheet, title: "SIM, period 1", columns: ["Households", "Firms", "Government"],
        rows: ["Money", "Net worth"], cells: [[4, nil, -4], [-4, nil, 4]], exemptRows: ["Net worth"])

    @Test("a balance sheet renders as the SFC table, with Σ column and row")
    func balanceSheetText() {
        let expected = """
            Balance-sheet matrix: SIM, period 1
                       Households  Firms  Government     Σ
            ----------------------------------------------
            Money           +4.00              -4.00  0.00
            Net worth       -4.00              +4.00  0.00
            ----------------------------------------------
            Σ                0.00               0.00  0.00

            """
        #expect(balanceSheet.rendered() == expected)
    }

    @Test("signs, decimals, blank cells and non-zero sums")
    func transactionsFlowText() {
        let matrix = SFCMatrix(
            kind: .transactionsFlow, title: "t", columns: ["H", "F"],
            rows: ["Consumption", "Capital", "Δ Money"], cells: [[-12.31, 12.31], [nil, nil], [12.3, -0.0001]])
        let expected = """
            Transactions-flow matrix: t
                              H       F      Σ
            ----------------------------------
            Consumption  -12.31  +12.31   0.00
            Capital
            Δ Money      +12.30    0.00  12.30
            ----------------------------------
            Σ             -0.01   12.31  12.30

            """
        #expect(matrix.rendered() == expected)
        #expect(matrix.rendered(decimals: 0).contains("\nConsumption  -12  +12   0\n"))
    }

    @Test("CSV has a row column, one column per sector and the sums")
    func csv() {
        #expect(
            balanceSheet.csv() == """
                row,Households,Firms,Government,sum
                Money,4,,-4,0
                Net worth,-4,,4,0
                sum,0,,0,0

                """)
        let quoted = SFCMatrix(kind: .balanceSheet, title: "", columns: ["Power, grid", "Say \"hi\""], rows: ["Loans"], cells: [[12.31, -12.31]])
        #expect(quoted.csv() == "row,\"Power, grid\",\"Say \"\"hi\"\"\",sum\nLoans,12.31,-12.31,0\nsum,12.31,-12.31,0\n")
    }

    @Test("scaling divides every cell")
    func scaling() {
        let billions = SFCMatrix(kind: .balanceSheet, title: "x", columns: ["A", "B"], rows: ["Loans"], cells: [[3e11, -3e11]]).scaled(by: 1e-9)
        #expect(billions.cells == [[300, -300]])
    }

    @Test("a ledger's matrices render end to end")
    func fromLedger() throws {
        var book = try SIMBook()
        try book.ledger.beginPeriod()
        try book.postPeriod()
        let text = try book.ledger.transactionsFlow().rendered()
        #expect(text.hasPrefix("Transactions-flow matrix: SIM, period 1\n"))
        #expect(text.contains("\nGovernment expenditure              +20.00      -20.00  0.00\n"))
    }
}
