/// exp(x) without Foundation, for exponential price impact: range reduction by ln 2 and a Taylor series; relative error ≲ 1e-14, 0 below −745, +∞ above 709.8.
enum Exponential {
    /// e^x; NaN in, NaN out.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.8 { return .infinity }
        if x < -745.2 { return 0 }
        let ln2 = 0.693_147_180_559_945_309_417_232_121_458
        let k = (x / ln2).rounded()
        let r = x - k * ln2  // |r| ≤ ln2/2
        var term = 1.0
        var sum = 1.0
        for n in 1...24 {
            term *= r / Double(n)
            sum += term
            if abs(term) < 1e-17 * sum { break }
        }
        // Scale by 2^k in two halves so subnormal results and k = 1024 do not overflow the exponent.
        let half = Int(k) / 2
        return sum * Double(sign: .plus, exponent: half, significand: 1)
            * Double(sign: .plus, exponent: Int(k) - half, significand: 1)
    }
}
