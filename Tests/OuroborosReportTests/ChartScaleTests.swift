import OuroborosReport
import Testing

@Suite("Chart scales, ticks and escaping")
struct ChartScaleTests {
    @Test("nice ticks contain the data, are evenly spaced and round, for ranges across many magnitudes")
    func ticksContainData() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        for _ in 0..<2000 {
            let magnitude = Double.pow10(Int(next() * 24) - 6)
            let a = (next() - 0.3) * magnitude
            let b = (next() - 0.3) * magnitude
            let includeZero = next() < 0.5
            let ticks = NiceTicks(minimum: min(a, b), maximum: max(a, b), includeZero: includeZero)
            #expect(ticks.lower <= min(a, b) && ticks.upper >= max(a, b), "ticks \(ticks) do not contain \(a), \(b)")
            if includeZero { #expect(ticks.lower <= 0 && ticks.upper >= 0) }
            let values = ticks.values
            #expect(values.count >= 2 && values.count <= 12, "\(values.count) ticks for \(a) … \(b)")
            let mantissa = ticks.step / Double.pow10(Int((ticks.step).log10Floor))
            #expect([1, 2, 2.5, 5, 10].contains { abs($0 - mantissa) < 1e-9 }, "step \(ticks.step) is not round")
        }
    }

    @Test("a constant series gets a non-empty axis around it")
    func constantSeries() {
        let ticks = NiceTicks(minimum: 0.0425, maximum: 0.0425)
        #expect(ticks.lower < 0.0425 && ticks.upper > 0.0425)
        let zero = NiceTicks(minimum: 0, maximum: 0)
        #expect(zero.lower <= 0 && zero.upper > 0)
    }

    @Test("a scale maps the domain's ends to the range's ends and inverts exactly")
    func scaleInverts() {
        let scale = LinearScale(domain: 0...8e11, rangeStart: 254, rangeEnd: 14)
        #expect(scale(0) == 254 && scale(8e11) == 14)
        #expect(abs(scale.invert(scale(3.7e11)) - 3.7e11) < 1)
    }

    @Test("tick labels name the unit and tell neighbouring ticks apart")
    func tickLabels() {
        let ticks = NiceTicks(minimum: 0, maximum: 1.3e12)
        let labels = ticks.values.map { ValueUnit.usd.tickLabel($0, step: ticks.step, largest: ticks.upper) }
        #expect(labels.first == "$0")
        #expect(Set(labels).count == labels.count, "duplicate labels \(labels)")
        #expect(labels == ["$0", "$0.5T", "$1.0T", "$1.5T"], "\(labels)")
        #expect(ValueUnit.percent.tickLabel(0.045, step: 0.005, largest: 0.05) == "4.5%")
        #expect(ValueUnit.usd.tickLabel(-2e9, step: 1e9, largest: 4e9) == "-$2B")
        #expect(ValueUnit.usd.text(1.43e12) == "$1.43T")
    }

    @Test("every text is escaped for XML, and characters XML forbids are replaced")
    func escaping() {
        #expect(XMLText.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
        #expect(XMLText.escape("bell\u{07}") == "bell\u{FFFD}")
        #expect(XMLText.escape("Müller → OpenAI") == "Müller → OpenAI")
    }

    @Test("period axes label year starts (then mid-years) of monthly and quarterly runs, as densely as fits")
    func periodAxis() {
        let months = ["2024-12"] + (0..<72).map { k in "\(2025 + k / 12)-\(k % 12 < 9 ? "0" : "")\(k % 12 + 1)" }
        let monthly = PeriodAxis(periods: months, title: "month").labelledIndices(width: 780)
        #expect(monthly.map { months[$0] }.prefix(3) == ["2025-01", "2025-07", "2026-01"])
        let quarters = ["2024Q4"] + (0..<12).map { "\(2025 + $0 / 4)Q\($0 % 4 + 1)" }
        let quarterly = PeriodAxis(periods: quarters, title: "quarter").labelledIndices(width: 780)
        #expect(quarterly == Array(0..<13), "13 quarters fit one label each on 780 px")
        let narrow = PeriodAxis(periods: quarters, title: "quarter").labelledIndices(width: 200)
        #expect(narrow.map { quarters[$0] }.allSatisfy { $0.hasSuffix("Q1") }, "\(narrow.map { quarters[$0] })")
    }

    @Test("label boxes overlap exactly when their rectangles share area")
    func labelBoxes() {
        let a = LabelBox(text: "2025-01", x: 100, baseline: 50, fontSize: 11, anchor: .middle)
        let b = LabelBox(text: "2025-02", x: 100 + a.width + 1, baseline: 50, fontSize: 11, anchor: .middle)
        let c = LabelBox(text: "2025-03", x: 110, baseline: 50, fontSize: 11, anchor: .middle)
        #expect(!a.overlaps(b))
        #expect(a.overlaps(c) && c.overlaps(a))
        #expect(LabelBox.firstOverlap(in: [a, b, c]) != nil)
        #expect(LabelBox.firstOverlap(in: [a, b]) == nil)
    }
}

extension Double {
    fileprivate static func pow10(_ n: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(n) { value *= 10 }
        return n >= 0 ? value : 1 / value
    }

    fileprivate var log10Floor: Double {
        var n = 0.0
        var value = self
        while value >= 10 {
            value /= 10
            n += 1
        }
        while value < 1 {
            value *= 10
            n -= 1
        }
        return n
    }
}
