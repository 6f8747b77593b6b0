import OuroborosCore
import OuroborosEngine

extension NetworkRunHTMLReport {
    /// An SFC matrix as an HTML table in USD billions, with a row-sum column and a column-sum row
    /// (zero wherever the identity holds; real assets and net worth are exempt from the row rule).
    static func matrixTable(_ matrix: SFCMatrix) -> String {
        func billions(_ value: Double?) -> String {
            guard let value else { return "" }
            guard value.isFinite else { return "\(value)" }
            let text = NumberText.fixed(value / 1e9, decimals: 1)
            return text == "-0.0" ? "0.0" : text
        }
        var out = "<div class=\"table-wrap\"><table class=\"matrix\">\n<thead><tr><th></th>"
        for column in matrix.columns {
            out += "<th class=\"num\" title=\"\(XMLText.escape(column))\">\(XMLText.escape(Self.shortSector(column)))</th>"
        }
        out += "<th class=\"num total\">Σ row</th></tr></thead>\n<tbody>\n"
        for (r, row) in matrix.rows.enumerated() {
            out += "<tr><th>\(XMLText.escape(row))</th>"
            for cell in matrix.cells[r] { out += "<td class=\"num\">\(billions(cell))</td>" }
            let exempt = matrix.exemptRows.contains(row)
            out += "<td class=\"num total\">\(exempt ? "" : billions(matrix.rowSum(r)))</td></tr>\n"
        }
        out += "<tr><th class=\"total\">Σ column</th>"
        for c in matrix.columns.indices { out += "<td class=\"num total\">\(billions(matrix.columnSum(c)))</td>" }
        out += "<td class=\"total\"></td></tr>\n</tbody></table></div>\n"
        return out
    }

    /// A matrix column heading (a sector's display name) in a word or two, so that wide matrices fit.
    static func shortSector(_ heading: String) -> String {
        guard let sector = Sector.allCases.first(where: { $0.displayName == heading }) else { return heading }
        switch sector {
        case .wrapperStartup: return "Wrappers"
        case .modelLab: return "Labs"
        case .powerGrid: return "Power"
        case .ventureFund: return "Venture"
        case .sovereignInvestor: return "Sovereign"
        case .privateCredit: return "Private credit"
        case .government: return "Govern\u{AD}ment"
        case .centralBank: return "Central bank"
        case .restOfWorld: return "Rest of world"
        default: return heading
        }
    }

    /// The balance-sheet and transactions-flow matrices of `flowPeriod`.
    func matrixSection() -> HTMLSection {
        var body = "<p>The books of the run in the layout of stock-flow-consistent models (Godley–Lavoie): sectors as columns "
        body += "(Sovereign: sovereign and conglomerate investors; Venture: venture funds), "
        body += "USD billions. In the balance sheet assets are + and liabilities −; net worth closes every column. In the "
        body += "transactions-flow matrix sources of funds are + and uses −; every row and column sums to zero, which the "
        body += "engine checks in every period.</p>\n"
        if detail.balanceSheets.indices.contains(flowPeriod) {
            body += "<h3>Balance sheet at the end of \(XMLText.escape(flowLabel))</h3>\n" + Self.matrixTable(detail.balanceSheets[flowPeriod])
        }
        if detail.transactionsFlows.indices.contains(flowPeriod) {
            body += "<h3>Transactions flow in \(XMLText.escape(flowLabel))</h3>\n" + Self.matrixTable(detail.transactionsFlows[flowPeriod])
        }
        return HTMLSection(id: "matrices", title: "Balance sheet and transactions flow, \(flowLabel)", body: body)
    }
}
