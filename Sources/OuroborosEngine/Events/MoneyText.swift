import OuroborosCore

/// Short money and number texts for event sentences: `$1.2B`, `$350M`, `$1.40T`, `42%`.
enum MoneyText {
    /// `$1.2B`, `-$350M`, `$273.3B`: Core's money formatter with four significant digits.
    static func usd(_ value: Double) -> String {
        MoneyAmount(value).formatted(significantDigits: 4)
    }

    /// `42%`.
    static func percent(_ share: Double) -> String {
        guard share.isFinite else { return "\(share)" }
        return "\(decimal(share * 100, places: 0))%"
    }

    /// A number with `places` decimals, without Foundation.
    static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (abs(value) * scale).rounded()
        let whole = Int(rounded / scale)
        let fraction = Int(rounded - Double(whole) * scale)
        let sign = value < 0 && rounded > 0 ? "-" : ""
        guard places > 0 else { return "\(sign)\(whole)" }
        var digits = String(fraction)
        while digits.count < places { digits = "0" + digits }
        return "\(sign)\(whole).\(digits)"
    }
}
