import Foundation
import OuroborosCore
import OuroborosReport
import Testing

/// The network kernels as the CLI and a server call them: CSV files in, CSV and notes out.
@Suite("Network kernels on CSV files")
struct NetworkKernelRunTests {
    /// Writes `files` (name → text) into a fresh folder and returns the paths by name.
    static func files(_ files: [String: String]) throws -> [String: String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kernels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var paths: [String: String] = [:]
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            paths[name] = url.path
        }
        return paths
    }

    @Test("components and cycles of a triangle with a tail")
    func graph() throws {
        let paths = try Self.files(["e.csv": "from,to,amount\na,b,1\nb,c,2\nc,a,3\nc,d,1\n"])
        let scc = try NetworkKernelRun.scc(edges: paths["e.csv"]!)
        #expect(scc.csv == "entity,component\na,0\nb,0\nc,0\nd,1\n")
        let cycles = try NetworkKernelRun.cycles(edges: paths["e.csv"]!, maxLength: nil, limit: 0)
        #expect(cycles.csv == "cycle,length,bottleneck,nodes\n")
        #expect(cycles.notes == ["note: listing stopped at --limit 0; more cycles exist"])
    }

    @Test("every problem of every file is reported at once, FILE:LINE:COLUMN")
    func problems() throws {
        let paths = try Self.files([
            "o.csv": "debtor,creditor,amount\na,b,1\nb,c,-2\n",
            "x.csv": "entity,external_assets\na,1\n",
        ])
        #expect {
            try NetworkKernelRun.clear(obligations: paths["o.csv"]!, assets: paths["x.csv"]!, alpha: nil, beta: nil)
        } throws: { error in
            let list = try #require(error as? DiagnosticList)
            return list.diagnostics.count == 2 && list.description.contains("o.csv:3:") && list.description.contains("has no row in")
        }
    }

    @Test("DebtRank and fire sales add their aggregate as a note")
    func notes() throws {
        let paths = try Self.files([
            "x.csv": "lender,borrower,amount\na,b,5\n", "q.csv": "entity,equity\na,10\nb,10\n", "s.csv": "entity,shock\nb,1\n",
            "h.csv": "holder,asset,amount\nf,chips,10\n", "e.csv": "holder,equity,debt\nf,5,5\n", "i.csv": "asset,impact\nchips,0.01\n",
        ])
        let rank = try NetworkKernelRun.debtRank(
            exposures: paths["x.csv"]!, equity: paths["q.csv"]!, shock: paths["s.csv"]!, weights: nil, differential: false)
        #expect(rank.csv.hasPrefix("entity,distress\na,"))
        #expect(rank.notes.count == 1 && rank.notes[0].hasPrefix("DebtRank: "))
        let sale = try NetworkKernelRun.fireSale(holdings: paths["h.csv"]!, equity: paths["e.csv"]!, impact: paths["i.csv"]!, shock: ("chips", 0.1))
        #expect(sale.csv.hasPrefix("holder,loss\nf,"))
        #expect(sale.notes.first?.hasPrefix("aggregate vulnerability: ") == true)
    }
}
