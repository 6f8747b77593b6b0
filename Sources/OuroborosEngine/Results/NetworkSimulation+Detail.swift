internal import OuroborosCore

extension NetworkSimulation {
    /// Runs the simulation like `run(seed:)` and also returns the run's `RunDetail`: the payments
    /// read back from the ledger's postings, every period's matrices, and revenue by origin per period.
    public func runWithDetail(seed: UInt64? = nil) throws(EngineError) -> (result: NetworkRunResult, detail: RunDetail) {
        var simulator = Simulator(layout: layout, seed: seed ?? layout.scenario.seed)
        simulator.fault = faultInjection
        simulator.books.ledger.historyLimit = nil
        if layout.switches.tracing { simulator.originSnapshots = [] }
        try simulator.run()
        return (simulator.result(), try simulator.detail())
    }
}

extension Simulator {
    /// The detail of the finished run, read from the ledger's history.
    func detail() throws(EngineError) -> RunDetail {
        let ledger = books.ledger
        let participants = (0..<table.count).map {
            RunParticipant(id: table.ids[$0], name: table.names[$0], sector: table.sectors[$0], isScenarioEntity: table.isScenarioEntity($0))
        }
        var flows: [PaymentFlow] = []
        var balanceSheets: [SFCMatrix] = []
        var transactionsFlows: [SFCMatrix] = []
        for period in 0...layout.periods {
            do {
                balanceSheets.append(try ledger.balanceSheet(period: period, columns: .bySector))
                transactionsFlows.append(try ledger.transactionsFlow(period: period, columns: .bySector))
            } catch {
                throw books.wrap(error)
            }
            guard period > 0, let record = ledger.record(period: period) else { continue }
            flows += Self.payments(
                in: record, period: period, ids: table.ids, deposits: books.chart.deposits,
                instruments: ChartOfAccounts.instruments)
        }
        var origins: [[OriginAmounts]]?
        if let snapshots = originSnapshots {
            let zero = [OriginAmounts](repeating: OriginAmounts(), count: table.count)
            var perPeriod = [zero]
            var previous = [Double](repeating: 0, count: table.count * 5)
            for snapshot in snapshots {
                perPeriod.append(
                    (0..<table.count).map { e in
                        let b = e * 5
                        return OriginAmounts(
                            endUsers: snapshot[b] - previous[b], investors: snapshot[b + 1] - previous[b + 1],
                            lenders: snapshot[b + 2] - previous[b + 2], roundTrip: snapshot[b + 3] - previous[b + 3],
                            other: snapshot[b + 4] - previous[b + 4])
                    })
                previous = snapshot
            }
            origins = perPeriod
        }
        return RunDetail(
            participants: participants, periodLabels: layout.labels, flows: flows, balanceSheets: balanceSheets,
            transactionsFlows: transactionsFlows, revenueByOrigin: origins)
    }

    /// The deposit movements of one period's entries as payer → payee flows, summed per channel.
    ///
    /// In each entry the legs on deposits that fall are the payers and those that rise the payees;
    /// an entry with several of either is split pro rata. The channel is the leg's transaction row,
    /// or for a financial transaction the instrument that changed hands (`Equity`, `Loans`).
    static func payments(
        in record: LedgerPeriod, period: Int, ids: [String], deposits: InstrumentID,
        instruments: [Instrument]
    ) -> [PaymentFlow] {
        struct Key: Hashable { var payer: Int, payee: Int, channel: String, financing: Bool }
        var sums: [Key: Double] = [:]
        var order: [Key] = []
        for entry in record.entries {
            var payers: [(Int, Double)] = []
            var payees: [(Int, Double)] = []
            var channel: String?
            var financing = false
            for leg in entry.legs {
                if leg.instrument == deposits {
                    guard leg.amount != 0, leg.flow != .revaluation else { continue }
                    if leg.amount < 0 { payers.append((leg.entity.index, -leg.amount)) } else { payees.append((leg.entity.index, leg.amount)) }
                    if let row = leg.row { channel = row }
                } else if leg.flow == .portfolio, channel == nil || financing {
                    financing = true
                    channel = instruments[leg.instrument.index].name
                }
            }
            let paid = payers.reduce(0) { $0 + $1.1 }
            guard paid > 0, !payees.isEmpty else { continue }
            let label = channel ?? instruments[deposits.index].name
            for (payer, out) in payers {
                for (payee, inflow) in payees where payer != payee {
                    let key = Key(payer: payer, payee: payee, channel: label, financing: financing)
                    if sums[key] == nil { order.append(key) }
                    sums[key, default: 0] += out * inflow / paid
                }
            }
        }
        return order.sorted { ($0.payer, $0.payee, $0.channel) < ($1.payer, $1.payee, $1.channel) }.map { key in
            PaymentFlow(
                period: period, payer: ids[key.payer], payee: ids[key.payee], channel: key.channel,
                kind: key.financing ? .financing : .payment, amount: sums[key]!)
        }
    }
}
