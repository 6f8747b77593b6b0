extension NumberText {
    /// Fixed decimals for tables, e.g. `106.486486`: the exact value rounded to nearest, ties to
    /// even, as C's `printf("%.Nf")` writes it (see `DecimalText.Rounding.exact`); no `-0.00`.
    /// Non-finite values print as `nan`, `inf` and `-inf`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        DecimalText.fixed(value, decimals: decimals, rounding: .exact)
    }

    /// A whole number with its thousands grouped by commas: `1,234,567`, `-1,234`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = value < 0 ? "-" : ""
        for (k, character) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out += "," }
            out.append(character)
        }
        return out
    }
}
