/// Decimal text for doubles without Foundation: fixed decimals, significant digits, trimmed zeros.
/// The one fixed-decimal formatter of the package (`NumberText.fixed` and the report's tick
/// labels go through it).
public enum DecimalText {
    /// How `fixed` rounds to its last decimal.
    public enum Rounding: Sendable {
        /// `x · 10^decimals` computed as a double, then rounded half away from zero: the rounding of
        /// the SFC matrices and the unit texts (`Rate`, `Tenor`), kept so that their bytes never change.
        case halfAwayFromZero
        /// The exact binary value of `x` rounded to nearest, ties to even: byte for byte what C's
        /// `printf("%.Nf")` prints (glibc and Darwin), which every table and chart of the reports
        /// printed before they moved here. `2.675` prints `2.67` (the double is 2.67499…) and
        /// `0.125` with two decimals prints `0.12` (an exact tie goes to the even digit), where
        /// `halfAwayFromZero` prints `2.68` and `0.13`.
        case exact
    }

    /// Powers of ten that are exact in a double.
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    /// `10^exponent` for `exponent` in 0...22.
    static func powerOfTen(_ exponent: Int) -> Double {
        powersOfTen[max(0, min(exponent, 22))]
    }

    /// `x` with exactly `decimals` digits after the point, rounded as `rounding` says (by default
    /// half away from zero).
    ///
    /// A value that rounds to zero prints without a sign (`0.00`); with `explicitPlus`, positive
    /// values print as `+12.31`. NaN prints as `nan`, infinities as `inf`, `+inf` or `-inf`.
    /// Magnitudes of 1.8e19 units of the last decimal and more print as Swift's `description`.
    public static func fixed(_ x: Double, decimals: Int, explicitPlus: Bool = false, rounding: Rounding = .halfAwayFromZero) -> String {
        let decimals = max(0, min(decimals, 15))
        guard x.isFinite else {
            if x.isNaN { return "nan" }
            return x < 0 ? "-inf" : (explicitPlus ? "+inf" : "inf")
        }
        let scale = powerOfTen(decimals)
        let units: UInt64
        switch rounding {
        case .halfAwayFromZero:
            let scaled = (abs(x) * scale).rounded()
            guard scaled < 1.8e19 else { return (x < 0 ? "-" : (explicitPlus ? "+" : "")) + String(describing: abs(x)) }
            units = UInt64(scaled)
        case .exact:
            guard let exact = exactUnits(abs(x), decimals: decimals) else {
                return (x < 0 ? "-" : (explicitPlus ? "+" : "")) + String(describing: abs(x))
            }
            units = exact
        }
        let sign = units == 0 ? "" : (x < 0 ? "-" : (explicitPlus ? "+" : ""))
        let divisor = UInt64(scale)
        let whole = String(units / divisor)
        guard decimals > 0 else { return sign + whole }
        let fraction = String(units % divisor)
        return sign + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// `x · 10^decimals` (x ≥ 0, finite) rounded to a whole number as if computed exactly, ties to
    /// even; nil past `UInt64`. The whole part of `x` is scaled in integers; the fraction's product
    /// with the scale has an exact rounding error (`fma`), whose sign decides a product that lands
    /// on ½ — and only such a product, since any other fraction differs from ½ by at least one
    /// unit of the product's last place, more than the error.
    private static func exactUnits(_ x: Double, decimals: Int) -> UInt64? {
        let scale = powerOfTen(decimals)
        let whole = x.rounded(.towardZero)
        guard whole < 1.8e19 else { return nil }
        let (scaledWhole, overflow) = UInt64(whole).multipliedReportingOverflow(by: UInt64(scale))
        guard !overflow else { return nil }
        let fraction = x - whole  // exact, in [0, 1)
        let product = fraction * scale  // < 10^15 < 2^52: the whole numbers and halves around it are exact
        let error = (-product).addingProduct(fraction, scale)  // fraction · scale − product, exactly
        let low = product.rounded(.down)
        let part = product - low  // exact
        var units = UInt64(low)
        if part > 0.5 || (part == 0.5 && (error > 0 || (error == 0 && (scaledWhole + units) % 2 == 1))) {
            units += 1
        }
        let (total, carry) = scaledWhole.addingReportingOverflow(units)
        return carry ? nil : total
    }

    /// `text` without trailing zeros after a decimal point, and without the point if nothing follows it.
    static func trimmingZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.last == "0" { result.removeLast() }
        if result.last == "." { result.removeLast() }
        return String(result)
    }

    /// The magnitude `x` (non-negative, finite) rounded to `digits` significant digits, as text
    /// without trailing zeros, together with the rounded value.
    static func significant(_ x: Double, digits: Int) -> (text: String, value: Double) {
        let digits = max(1, min(digits, 15))
        guard x > 0 else { return ("0", 0) }
        var decimals: Int
        if x >= 1 {
            var integerDigits = 1
            while integerDigits < 22 && x >= powerOfTen(integerDigits) { integerDigits += 1 }
            decimals = max(0, digits - integerDigits)
        } else {
            var leadingZeros = 0
            while leadingZeros < 15 && x * powerOfTen(leadingZeros + 1) < 1 { leadingZeros += 1 }
            decimals = min(15, leadingZeros + digits)
        }
        let text = trimmingZeros(fixed(x, decimals: decimals))
        let rounded = (x * powerOfTen(decimals)).rounded() / powerOfTen(decimals)
        return (text, rounded)
    }

    /// The shortest text that reads back as `x` (Swift's `description`), with `-0.0` written as `0`
    /// and whole numbers without a trailing `.0`.
    static func roundTrip(_ x: Double) -> String {
        if x == 0 { return "0" }
        let text = String(describing: x)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
