import OuroborosEngine
import OuroborosScenario
import Testing

@Suite("M5 physical limits")
struct PhysicalLimitsTests {
    @Test("a chip delay stops the chipmaker's deliveries and revenue that period, then they resume")
    func chipDelay() throws {
        let base = try ToyNetwork().run()
        let delayed = try ToyNetwork().run([shock(.chips, 2, at: 4)])
        #expect(base.series("chips", \.revenue)[4] > 1e9)
        #expect(delayed.series("chips", \.revenue)[4] < base.series("chips", \.revenue)[4])
        #expect(delayed.series("chips", \.revenue)[5] == 0)
        #expect(delayed.series("chips", \.revenue)[6] > 1e9, "deliveries resume after two months")
        #expect(delayed.series("cloud", \.capacityGW)[7] < base.series("cloud", \.capacityGW)[7])
    }

    @Test("a power shortfall strands capacity and cuts cloud revenue")
    func powerShortfall() throws {
        let base = try ToyNetwork().run()
        let cut = try ToyNetwork().run([shock(.power, -0.7, at: 6)])
        #expect(base.series("cloud", \.strandedGW)[6] == 0)
        #expect(cut.series("cloud", \.strandedGW)[6] > 0.5)
        #expect(cut.series("cloud", \.capacityGW)[6] < base.series("cloud", \.capacityGW)[6])
        #expect(cut.series("cloud", \.revenue)[7] < base.series("cloud", \.revenue)[7])
        #expect(!cut.events(.capacityStranded, of: "cloud").isEmpty)
    }

    @Test("built capacity waits in the interconnection queue before it is energised")
    func queue() throws {
        var slow = ToyNetwork()
        slow.set(group: "power_grid", "queue_months", 6)
        let fast = try ToyNetwork().run()
        let queued = try slow.run()
        let firstDelivery = try #require(fast.events(.chipDelivery, of: "chips").first).period
        #expect(fast.series("cloud", \.capacityGW)[firstDelivery + 2] > 2)
        #expect(queued.series("cloud", \.capacityGW)[firstDelivery + 2] == 2)
        #expect(queued.series("cloud", \.capacityGW)[firstDelivery + 6] > 2)
    }

    @Test("with M5 off chips and power are unlimited: no delay, no stranding")
    func physicalOff() throws {
        var toy = ToyNetwork()
        toy.disable(.physicalLimits)
        let base = try toy.run()
        let shocked = try toy.run([shock(.chips, 2, at: 4), shock(.power, -0.7, at: 6)])
        #expect(shocked.series("chips", \.revenue) == base.series("chips", \.revenue))
        #expect(shocked.series("cloud", \.strandedGW).allSatisfy { $0 == 0 })
        #expect(shocked.series("cloud", \.revenue) == base.series("cloud", \.revenue))
    }
}
