public import OuroborosCore

/// One `uncertain:` entry: the number it varies, the distribution it is drawn from, and where it is written.
public struct UncertainParameter: Sendable {
    /// The number varied.
    public var path: ParameterPath
    /// The distribution its values are drawn from.
    public var distribution: ParameterDistribution
    /// Where the entry is written (its key).
    public var location: SourceLocation?

    /// Creates an entry.
    public init(path: ParameterPath, distribution: ParameterDistribution, location: SourceLocation? = nil) {
        self.path = path
        self.distribution = distribution
        self.location = location
    }
}
