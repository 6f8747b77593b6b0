/// Electrical capacity, stored in gigawatts: the unit AI data-centre campuses are bought in.
///
/// Read from `10 GW`, `1.2GW`, `750 MW`, `500 kW` or `1 TW` (unit letters in any case, space optional).
/// A unit is required; NaN, infinities and numbers too large for a double are refused.
public struct Power: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The capacity in gigawatts.
    public var gigawatts: Double

    /// A capacity of `gigawatts` GW.
    public init(gigawatts: Double) {
        self.gigawatts = gigawatts
    }

    /// A capacity of `megawatts` MW.
    public init(megawatts: Double) {
        self.gigawatts = megawatts / 1000
    }

    /// Reads a capacity such as `10 GW`, `750 MW`, `1.2GW` or `500 kW`.
    public init(parsing text: some StringProtocol) throws(UnitParseError) {
        func failure(_ reason: String? = nil) -> UnitParseError {
            UnitParseError(text: String(text), expected: ExpectedForm.power, reason: reason)
        }
        var scanner = DecimalLiteralScanner(text)
        let sign = scanner.sign() ?? 1
        guard let literal = scanner.unsignedNumber() else { throw failure() }
        scanner.skipSpaces()
        let shift: Int
        switch scanner.unitWord() {
        case "kw": shift = -6
        case "mw": shift = -3
        case "gw": shift = 0
        case "tw": shift = 3
        default: throw failure()
        }
        guard scanner.isAtEnd else { throw failure() }
        guard let magnitude = literal.value(shiftedBy: shift) else { throw failure("the number is too large") }
        self.gigawatts = sign * magnitude
    }

    /// The capacity in megawatts.
    public var megawatts: Double { gigawatts * 1000 }

    /// Orders capacities by size.
    public static func < (lhs: Power, rhs: Power) -> Bool { lhs.gigawatts < rhs.gigawatts }

    /// The capacity with `significantDigits` significant digits in GW, MW or kW: `1.2 GW`, `750 MW`.
    public func formatted(significantDigits: Int = 3) -> String {
        guard gigawatts.isFinite else { return "\(gigawatts) GW" }
        let magnitude = abs(gigawatts)
        let sign = gigawatts < 0 ? "-" : ""
        let scales: [(divisor: Double, unit: String)] = [(1, "GW"), (1e-3, "MW"), (1e-6, "kW")]
        var index = scales.firstIndex { magnitude >= $0.divisor } ?? scales.count - 1
        var mantissa = DecimalText.significant(magnitude / scales[index].divisor, digits: significantDigits)
        if mantissa.value >= 1000, index > 0 {
            index -= 1
            mantissa = DecimalText.significant(magnitude / scales[index].divisor, digits: significantDigits)
        }
        return "\(mantissa.value == 0 ? "" : sign)\(mantissa.text) \(scales[index].unit)"
    }

    /// The capacity with three significant digits, e.g. `1.2 GW`.
    public var description: String { formatted() }
}
