import Foundation
import OuroborosCore
import Testing

/// `NumberText.fixed` (through `DecimalText.fixed`, `.exact`) writes what C's `printf("%.Nf")`
/// writes, byte for byte: the reports' tables and charts printed with `String(format:)` before.
@Suite("Fixed decimals")
struct FixedDecimalTests {
    /// What `String(format:)` printed, `-0.00` written `0.00`.
    static func printf(_ value: Double, _ decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return text == "-" + String(format: "%.\(decimals)f", 0.0) ? String(format: "%.\(decimals)f", 0.0) : text
    }

    @Test("ties and near-ties round as printf does, not half away from zero")
    func ties() {
        #expect(NumberText.fixed(0.125, decimals: 2) == "0.12")
        #expect(NumberText.fixed(0.375, decimals: 2) == "0.38")
        #expect(NumberText.fixed(2.675, decimals: 2) == "2.67")
        #expect(NumberText.fixed(2.5, decimals: 0) == "2")
        #expect(NumberText.fixed(3.5, decimals: 0) == "4")
        #expect(NumberText.fixed(-0.5, decimals: 0) == "0")
        #expect(NumberText.fixed(-0.00001, decimals: 2) == "0.00")
        #expect(DecimalText.fixed(0.125, decimals: 2) == "0.13")
        for (value, decimals) in [(0.125, 2), (2.675, 2), (1.005, 2), (2.5, 0), (-1.5, 0), (1e15 + 0.5, 1), (123_456.785, 2)] {
            #expect(NumberText.fixed(value, decimals: decimals) == Self.printf(value, decimals), "\(value) \(decimals)")
        }
    }

    @Test("non-finite values")
    func nonFinite() {
        #expect(NumberText.fixed(.nan, decimals: 2) == "nan")
        #expect(NumberText.fixed(.infinity, decimals: 2) == "inf")
        #expect(NumberText.fixed(-.infinity, decimals: 2) == "-inf")
    }

    @Test("random values of every magnitude agree with printf", arguments: [0, 1, 2, 3, 4, 6])
    func random(decimals: Int) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let exponent = Int.random(in: -8...min(15, 17 - decimals), using: &generator)  // below 1.8e19 units
            let mantissa = Double.random(in: -10...10, using: &generator)
            var value = mantissa * pow(10, Double(exponent))
            if Bool.random(using: &generator) {
                // Land on (or next to) a decimal tie: k / 10^d + 5 / 10^(d+1).
                let scale = pow(10, Double(decimals))
                value = ((value * scale).rounded(.down) + 0.5) / scale
                if Bool.random(using: &generator) { value = value.nextUp } else if Bool.random(using: &generator) { value = value.nextDown }
            }
            #expect(NumberText.fixed(value, decimals: decimals) == Self.printf(value, decimals), "\(value) with \(decimals) decimals")
        }
    }

    @Test("thousands grouping")
    func grouping() {
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.grouped(1000) == "1,000")
        #expect(NumberText.grouped(1_234_567) == "1,234,567")
        #expect(NumberText.grouped(-1234) == "-1,234")
    }
}
