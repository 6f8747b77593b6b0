#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Musl)
    internal import Musl
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The elementary functions the engine uses, from the C library, in one place.
enum Math {
    /// e^x.
    @inline(__always) static func exp(_ x: Double) -> Double { cExp(x) }
    /// Natural logarithm.
    @inline(__always) static func log(_ x: Double) -> Double { cLog(x) }
    /// x^y.
    @inline(__always) static func pow(_ x: Double, _ y: Double) -> Double { cPow(x, y) }
    /// Cosine.
    @inline(__always) static func cos(_ x: Double) -> Double { cCos(x) }
}

@inline(__always) private func cExp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func cLog(_ x: Double) -> Double { log(x) }
@inline(__always) private func cPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) private func cCos(_ x: Double) -> Double { cos(x) }
