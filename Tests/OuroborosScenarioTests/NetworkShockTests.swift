import OuroborosCore
import OuroborosEngine
import OuroborosScenario
import Testing

/// Shocks written `KIND:SIZE@DATE`, as on the command line.
@Suite("network shocks")
struct NetworkShockTests {
    /// 2025-01 … 2030-12, monthly.
    static let calendar = Timeline(start: CalendarPeriod(year: 2025, month: 1), periods: 72)
    static let ids = ["openai", "oracle"]

    static func parse(_ text: String, calendar: Timeline = calendar) throws -> NetworkShock {
        try NetworkShock.parse(text, calendar: calendar, entityIDs: ids)
    }

    /// The error for `text`, or nil when it parses.
    static func failure(_ text: String) -> ShockParseError? {
        do {
            _ = try NetworkShock.parse(text, calendar: calendar, entityIDs: ids)
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "every kind with its size convention",
        arguments: [
            ("rate:+300bp@2026-01", NetworkShock.Kind.rate, 0.03, nil as String?, 13),
            ("rate:-0.5%@2025-02", .rate, -0.005, nil, 2),
            ("liquidity:-500B@2026-01", .liquidity, -5e11, nil, 13),
            ("liquidity:+$200B@2026-01", .liquidity, 2e11, nil, 13),
            ("chips:delay=6m@2026-01", .chips, 6, nil, 13),
            ("chips:1y@2026-01", .chips, 12, nil, 13),
            ("power:-30%@2026-01", .power, -0.3, nil, 13),
            ("demand:-40%@2026-01", .demand, -0.4, nil, 13),
            ("credit:freeze@2026-06", .credit, 1, nil, 18),
            ("default:openai@2027-01", .default, 1, "openai", 25),
            ("crypto:-50%@2026-03", .crypto, -0.5, nil, 15),
            ("sentiment:-30%@2026Q2", .sentiment, -0.3, nil, 16),
            ("  Rate:+1%@2030 ", .rate, 0.01, nil, 61),
        ])
    func kinds(_ text: String, _ kind: NetworkShock.Kind, _ size: Double, _ target: String?, _ period: Int) throws {
        let shock = try Self.parse(text)
        #expect(shock.kind == kind)
        #expect(shock.size == size)
        #expect(shock.target == target)
        #expect(shock.period == period)
        #expect(shock.text == text.split(separator: " ").joined(separator: " "))
        #expect(shock.description == shock.text)
    }

    @Test("a quarterly calendar puts a month's shock in its quarter")
    func quarterly() throws {
        let quarters = Timeline(start: CalendarPeriod(year: 2025, month: 1), step: .quarterly, periods: 8)
        #expect(try Self.parse("power:-30%@2025-05", calendar: quarters).period == 2)
    }

    @Test("errors say what was expected, and where in the text")
    func errors() {
        let prefix = "expected KIND:SIZE@DATE such as rate:+300bp@2026-01; "
        let kinds = "rate, liquidity, chips, power, demand, credit, default, crypto, sentiment"
        let cases: [(String, String, Int)] = [
            ("rates:+300bp@2026-01", "unknown kind 'rates' (expected one of: \(kinds))", 0),
            ("rate+300bp@2026-01", "found 'rate+300bp@2026-01' with no ':' after the kind", 0),
            (":+300bp@2026-01", "no kind before ':' (expected one of: \(kinds))", 0),
            ("rate:+300bp", "missing '@DATE' after the size of the rate shock, e.g. rate:…@2026-01", 11),
            ("rate:lots@2026-01", "the size of a rate shock is a rate change such as +300bp, -50bp or +1.5%, found 'lots'", 5),
            ("liquidity:-5 gallons@2026-01", "the size of a liquidity shock is an amount such as -500B or +$200B, found '-5 gallons'", 10),
            ("chips:delay=soon@2026-01", "the size of a chips shock is a delay such as delay=6m, found 'delay=soon'", 6),
            ("chips:delay=0m@2026-01", "a chip delay must be at least one month, found 'delay=0m'", 6),
            ("power:-130%@2026-01", "a power shock cannot fall by more than 100%, found '-130%'", 6),
            ("power:+1e300%@2026-01", "a power shock can rise by at most 10000% (×101), found '+1e300%'", 6),
            ("rate:+1e300bp@2026-01", "a rate shock moves the policy rate by at most ±10000bp (100 percentage points), found '+1e300bp'", 5),
            ("liquidity:-1e300@2026-01", "a liquidity shock is at most 1e15 (a thousand trillion) in size, found '-1e300'", 10),
            ("chips:delay=100000m@2026-01", "a chip delay is at most 1200 months (the longest calendar), found 'delay=100000m'", 6),
            ("demand:@2026-01", "the size of a demand shock is a percentage such as -30%, found nothing", 7),
            ("credit:thaw@2026-01", "the size of a credit shock is 'freeze', found 'thaw'", 7),
            ("default:opnai@2026-01", "unknown entity 'opnai' (expected one of: openai, oracle)", 8),
            ("crypto:-50%@2031-01", "the date 2031-01 is outside the calendar 2025-01 … 2030-12", 12),
            ("crypto:-50%@2024-12", "the date 2024-12 is outside the calendar 2025-01 … 2030-12", 12),
            ("crypto:-50%@March", "the date must be a period such as 2025-09, 2025Q3 or 2025, found 'March'", 12),
            (
                "crypto:-50%@2026-13",
                "the date must be a period such as 2025-09, 2025Q3 or 2025, found '2026-13' (month 13 is not between 1 and 12)", 12
            ),
            ("", "found an empty shock", 0),
        ]
        for (text, problem, offset) in cases {
            let error = Self.failure(text)
            #expect(error?.description == prefix + problem, "\(text)")
            #expect(error?.offset == offset, "\(text)")
            #expect(error?.text == text)
        }
    }

    @Test("an error becomes a diagnostic at the offending part")
    func diagnostic() {
        let error = ShockParseError(text: "x", problem: "p", offset: 4)
        #expect(
            error.diagnostic(at: SourceLocation(file: "f", line: 3, column: 5)).description
                == "f:3:9: error: expected KIND:SIZE@DATE such as rate:+300bp@2026-01; p")
    }
}
