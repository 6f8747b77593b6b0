import Foundation

/// Round tick values (multiples of 1, 2, 2.5 or 5 × 10ⁿ) whose first and last tick enclose the data.
public struct NiceTicks: Sendable, Hashable {
    /// The first tick, at or below the smallest value.
    public let lower: Double
    /// The last tick, at or above the largest value.
    public let upper: Double
    /// The distance between ticks.
    public let step: Double

    /// Ticks around `minimum … maximum` (finite values), about `target` of them; with
    /// `includeZero` the axis also reaches zero (amounts drawn against a zero baseline).
    public init(minimum: Double, maximum: Double, target: Int = 5, includeZero: Bool = false) {
        var low = min(minimum, maximum)
        var high = max(minimum, maximum)
        if includeZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
            if includeZero {
                low = min(low, 0)
                high = max(high, 0)
            }
        }
        let raw = (high - low) / Double(max(1, target))
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw * 0.999 } ?? 10 * magnitude
        self.step = step
        lower = (low / step).rounded(.down) * step
        upper = (high / step).rounded(.up) * step
    }

    /// The tick values from `lower` to `upper`.
    public var values: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...count).map { k in
            let value = lower + Double(k) * step
            return abs(value) < step * 1e-9 ? 0 : value
        }
    }
}
