/// The package's one random number generator: xoshiro256**, its state expanded from a seed by
/// SplitMix64, so the same seed always gives the same numbers on every machine.
///
/// `init(seed:)` is the engine's generator of a run (sentiment's noise); `init(seed:stream:)` gives
/// run `stream` of an experiment numbers that depend on the experiment's seed and the run's index
/// only, whichever thread, shard or machine computes it.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator whose state is the first four SplitMix64 outputs from `seed`.
    public init(seed: UInt64) {
        self.init(splitMixFrom: seed, skipping: 0)
    }

    /// The generator of stream `stream` (an experiment's run index) under `seed`: SplitMix64 from
    /// `seed ^ (stream × 0xD1B5_4A32_D192_ED03)`, its first output skipped.
    public init(seed: UInt64, stream: Int) {
        self.init(splitMixFrom: seed ^ (UInt64(truncatingIfNeeded: stream) &* 0xD1B5_4A32_D192_ED03), skipping: 1)
    }

    private init(splitMixFrom start: UInt64, skipping: Int) {
        var x = start
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        for _ in 0..<skipping { _ = splitMix() }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// A uniform number in (0, 1), never 0 or 1.
    public mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// A standard normal number (Box–Muller, one of the pair).
    public mutating func normal() -> Double {
        let u = uniform()
        let v = uniform()
        return (-2 * Math.log(u)).squareRoot() * Math.cos(2 * Double.pi * v)
    }

    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
