/// A linear map from data values (the domain) to drawing coordinates (the range), and back.
public struct LinearScale: Sendable, Hashable {
    /// The data values at the two ends.
    public var domain: ClosedRange<Double>
    /// The coordinates of `domain.lowerBound` and `domain.upperBound` (the range may run backwards,
    /// as a y axis does: larger values higher up, smaller coordinates).
    public var rangeStart: Double, rangeEnd: Double

    /// A scale from `domain` to `rangeStart … rangeEnd`; an empty domain is widened by one unit.
    public init(domain: ClosedRange<Double>, rangeStart: Double, rangeEnd: Double) {
        self.domain = domain.lowerBound == domain.upperBound ? (domain.lowerBound - 0.5)...(domain.upperBound + 0.5) : domain
        self.rangeStart = rangeStart
        self.rangeEnd = rangeEnd
    }

    /// The coordinate of `value`.
    public func callAsFunction(_ value: Double) -> Double {
        rangeStart + (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound) * (rangeEnd - rangeStart)
    }

    /// The value at coordinate `coordinate`.
    public func invert(_ coordinate: Double) -> Double {
        domain.lowerBound + (coordinate - rangeStart) / (rangeEnd - rangeStart) * (domain.upperBound - domain.lowerBound)
    }

    /// Data units per unit of drawing coordinate.
    public var valuePerUnit: Double { abs(domain.upperBound - domain.lowerBound) / max(abs(rangeEnd - rangeStart), .leastNormalMagnitude) }
}
