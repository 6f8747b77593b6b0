import OuroborosCore
import Testing

@Suite("Rates, power and durations")
struct RatePowerTenorTests {
    @Test(
        "rates from percent, basis points and fractions",
        arguments: [
            ("4.25%", 0.0425), ("150bp", 0.015), ("150 bps", 0.015), ("-300bp", -0.03), ("0.0425", 0.0425),
            ("5 %", 0.05), ("+25BP", 0.0025), ("0%", 0),
        ])
    func parsesRates(text: String, value: Double) throws {
        #expect(try Rate(parsing: text).value == value)
    }

    @Test("bad rates are refused with the expected form", arguments: ["4.25 percent", "nan%", "inf", "%", "150 b", "4.25%%", ""])
    func rejectsRates(text: String) {
        let error = #expect(throws: UnitParseError.self) { try Rate(parsing: text) }
        #expect(error?.description == "expected a rate such as 4.25%, 150bp or 0.0425, found \"\(text)\"")
    }

    @Test("rates print in percent and basis points")
    func formatsRates() {
        #expect(Rate(0.0425).description == "4.25%")
        #expect(Rate(-0.03).description == "-3%")
        #expect(Rate(basisPoints: 150).formattedInBasisPoints() == "150bp")
        #expect(Rate(percent: 4.25).value == 0.0425)
        #expect(Rate(0.015).basisPoints == 150)
        #expect(Rate(0.01) < Rate(0.02))
    }

    @Test(
        "power is stored in gigawatts",
        arguments: [
            ("10 GW", 10.0), ("750 MW", 0.75), ("1.2GW", 1.2), ("500 kW", 0.0005), ("2 tw", 2000), ("1,500 MW", 1.5),
        ])
    func parsesPower(text: String, gigawatts: Double) throws {
        #expect(try Power(parsing: text).gigawatts == gigawatts)
    }

    @Test("power needs a unit", arguments: ["10", "10 GWh", "nan GW", "inf MW", "GW", "10 W"])
    func rejectsPower(text: String) {
        let error = #expect(throws: UnitParseError.self) { try Power(parsing: text) }
        #expect(error?.description == "expected a power such as 10 GW, 750 MW or 500 kW, found \"\(text)\"")
    }

    @Test("power prints in GW, MW or kW")
    func formatsPower() {
        #expect(Power(gigawatts: 1.2).description == "1.2 GW")
        #expect(Power(megawatts: 750).description == "750 MW")
        #expect(Power(gigawatts: 0.0005).description == "500 kW")
        #expect(Power(gigawatts: 0.9999).description == "1 GW")
        #expect(Power(megawatts: 750).megawatts == 750)
    }

    @Test(
        "durations come to months",
        arguments: [
            ("6m", 6), ("18 months", 18), ("2y", 24), ("3q", 9), ("1.5 years", 18), ("1 month", 1), ("2 Quarters", 6),
            ("10yrs", 120), ("0m", 0),
        ])
    func parsesTenors(text: String, months: Int) throws {
        #expect(try Tenor(parsing: text).months == months)
    }

    @Test("durations must be whole months, non-negative and carry a unit")
    func rejectsTenors() {
        let fraction = #expect(throws: UnitParseError.self) { try Tenor(parsing: "0.1y") }
        #expect(
            fraction?.description
                == #"expected a duration such as 6m, 18 months, 2y or 3q, found "0.1y" (1.2 months is not a whole number of months)"#)
        let negative = #expect(throws: UnitParseError.self) { try Tenor(parsing: "-6m") }
        #expect(negative?.reason == "a duration cannot be negative")
        for text in ["6", "6 weeks", "nan m", "inf y", "y"] {
            #expect(throws: UnitParseError.self) { try Tenor(parsing: text) }
        }
    }

    @Test("durations print in years or months")
    func formatsTenors() {
        #expect(Tenor(months: 24).description == "2y")
        #expect(Tenor(months: 18).description == "18m")
        #expect(Tenor(months: 18).years == 1.5)
    }

    @Test("a parse error becomes a diagnostic at a place in a file")
    func diagnostic() {
        let error = UnitParseError(text: "30X", expected: "an amount such as $300B, $1.4T or 20bn")
        let diagnostic = error.diagnostic(at: SourceLocation(file: "s.yaml", line: 3, column: 9))
        #expect(diagnostic.description == #"s.yaml:3:9: error: expected an amount such as $300B, $1.4T or 20bn, found "30X""#)
    }
}
