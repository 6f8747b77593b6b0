public import OuroborosEngine

/// What one run of an experiment leaves for the aggregate: whether and when the loop broke, who
/// failed first, the parameter values drawn, and the key series at the sample periods. The
/// aggregate depends only on the set of outcomes, so runs can be computed anywhere, stored, and
/// merged (a resumed or sharded experiment gives the same figures).
public struct RunOutcome: Codable, Sendable, Hashable {
    /// The period the loop broke in, or nil when it held.
    public var breakPeriod: Int?
    /// The entity of the event that broke the loop; when it held, of the first failure of any kind (or nil).
    public var firstFailure: String?
    /// The kind of that event, e.g. `default`, `contractCancelled`.
    public var firstFailureKind: String?
    /// The values drawn for the uncertain parameters, in the order of the experiment's parameters.
    public var parameters: [Double]
    /// The key series (in the experiment's order) at its sample periods.
    public var series: [[Double]]
    /// Why the run stopped with an error (a non-finite value, an identity violation), if it did.
    public var error: String?

    /// Creates an outcome.
    public init(
        breakPeriod: Int?, firstFailure: String?, firstFailureKind: String?, parameters: [Double],
        series: [[Double]], error: String? = nil
    ) {
        self.breakPeriod = breakPeriod
        self.firstFailure = firstFailure
        self.firstFailureKind = firstFailureKind
        self.parameters = parameters
        self.series = series
        self.error = error
    }

    /// The outcome of a finished run.
    public init(result: NetworkRunResult, parameters: [Double], keySeries: [KeySeries], samplePeriods: [Int]) {
        let summary = result.summary
        self.init(
            breakPeriod: summary.broke ? summary.breakPeriod : nil, firstFailure: summary.firstFailure?.entity,
            firstFailureKind: summary.firstFailure?.type.rawValue, parameters: parameters,
            series: keySeries.map { $0.values(in: result, at: samplePeriods) })
    }

    /// The outcome of a run that stopped with `error`.
    public init(error: any Error, parameters: [Double]) {
        self.init(breakPeriod: nil, firstFailure: nil, firstFailureKind: nil, parameters: parameters, series: [], error: "\(error)")
    }

    /// Whether the loop broke.
    public var broke: Bool { breakPeriod != nil }
}
