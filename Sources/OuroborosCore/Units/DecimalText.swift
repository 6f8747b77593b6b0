/// Decimal text for doubles without Foundation: fixed decimals, significant digits, trimmed zeros.
public enum DecimalText {
    /// Powers of ten that are exact in a double.
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    /// `10^exponent` for `exponent` in 0...22.
    public static func powerOfTen(_ exponent: Int) -> Double {
        powersOfTen[max(0, min(exponent, 22))]
    }

    /// `x` with exactly `decimals` digits after the point, rounded half away from zero.
    ///
    /// A value that rounds to zero prints without a sign (`0.00`); with `explicitPlus`, positive
    /// values print as `+12.31`. NaN prints as `nan`, infinities as `inf`, `+inf` or `-inf`.
    public static func fixed(_ x: Double, decimals: Int, explicitPlus: Bool = false) -> String {
        let decimals = max(0, min(decimals, 15))
        guard x.isFinite else {
            if x.isNaN { return "nan" }
            return x < 0 ? "-inf" : (explicitPlus ? "+inf" : "inf")
        }
        let scale = powerOfTen(decimals)
        let scaled = (abs(x) * scale).rounded()
        let sign = scaled == 0 ? "" : (x < 0 ? "-" : (explicitPlus ? "+" : ""))
        guard scaled < 1.8e19 else {
            return sign + String(describing: abs(x))
        }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let whole = String(units / divisor)
        guard decimals > 0 else { return sign + whole }
        let fraction = String(units % divisor)
        return sign + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// `text` without trailing zeros after a decimal point, and without the point if nothing follows it.
    public static func trimmingZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.last == "0" { result.removeLast() }
        if result.last == "." { result.removeLast() }
        return String(result)
    }

    /// The magnitude `x` (non-negative, finite) rounded to `digits` significant digits, as text
    /// without trailing zeros, together with the rounded value.
    public static func significant(_ x: Double, digits: Int) -> (text: String, value: Double) {
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
    public static func roundTrip(_ x: Double) -> String {
        if x == 0 { return "0" }
        let text = String(describing: x)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
