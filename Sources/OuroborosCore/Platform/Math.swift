/// The elementary functions of the models (exponential price impact, discounting, growth,
/// distributions), from the C library (`CLibrary`).
public enum Math {
    /// e^x.
    @inline(__always) public static func exp(_ x: Double) -> Double { CLibrary.exp(x) }
    /// The natural logarithm.
    @inline(__always) public static func log(_ x: Double) -> Double { CLibrary.log(x) }
    /// x^y.
    @inline(__always) public static func pow(_ x: Double, _ y: Double) -> Double { CLibrary.pow(x, y) }
    /// The cosine.
    @inline(__always) public static func cos(_ x: Double) -> Double { CLibrary.cos(x) }
    /// The complementary error function.
    @inline(__always) public static func erfc(_ x: Double) -> Double { CLibrary.erfc(x) }
}
