import OuroborosCore
import Testing

@Suite("Sectors, entities and instruments")
struct EntitiesTests {
    @Test("sector ids are snake_case and read back, aliases included")
    func sectorIDs() {
        #expect(Sector.modelLab.rawValue == "model_lab")
        #expect(Sector.centralBank.displayName == "Central bank")
        #expect(Sector(id: "model_lab") == .modelLab)
        #expect(Sector(id: "Model-Lab") == .modelLab)
        #expect(Sector(id: "households") == .household)
        #expect(Sector(id: "treasury") == .government)
        #expect(Sector(id: "neocloud")?.isCloud == true)
        #expect(Sector(id: "spaceship") == nil)
        for sector in Sector.allCases {
            #expect(Sector(id: sector.rawValue) == sector)
            #expect(sector.rawValue.allSatisfy { $0.isLowercase || $0 == "_" })
        }
        #expect(Set(Sector.allCases.map(\.displayName)).count == Sector.allCases.count)
    }

    @Test("every brief sector is covered")
    func coverage() {
        let ids = Set(Sector.allCases.map(\.rawValue))
        for id in [
            "household", "wrapper_startup", "model_lab", "hyperscaler", "neocloud", "chipmaker", "venture_fund",
            "sovereign_investor", "hedge_fund", "private_credit", "bank", "central_bank", "government",
            "power_grid", "insider", "firm", "rest_of_world",
        ] {
            #expect(ids.contains(id))
        }
    }

    @Test("real capital is the only non-financial instrument")
    func instrumentKinds() {
        #expect(InstrumentKind.allCases.filter { !$0.isFinancial } == [.realCapital])
        #expect(InstrumentKind.deposits.isMeansOfPayment && InstrumentKind.centralBankMoney.isMeansOfPayment)
        #expect(!InstrumentKind.equity.isMeansOfPayment)
    }

    @Test("numbered entities get dense ids and qualified names")
    func numbering() {
        let entities = Entity.numbered([("Households", .household), ("OpenAI", .modelLab)])
        #expect(entities.map(\.id) == [EntityID(0), EntityID(1)])
        #expect(entities[0].qualifiedName == "Households")
        #expect(entities[1].qualifiedName == "Model labs: OpenAI")
    }

    @Test("a ledger refuses a chart with repeated names or sparse ids")
    func invalidChart() {
        let duplicate = #expect(throws: LedgerError.self) {
            try Ledger(entities: Entity.numbered([("A", .firm), ("A", .bank)]), instruments: [])
        }
        #expect(duplicate?.description == "invalid chart of accounts: two entities are named A")
        #expect(throws: LedgerError.self) {
            try Ledger(entities: [Entity(id: EntityID(1), name: "A", sector: .firm)], instruments: [])
        }
    }
}
