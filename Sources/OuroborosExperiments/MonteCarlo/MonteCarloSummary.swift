public import OuroborosEngine

/// The aggregate of a Monte Carlo experiment: every figure its table, CSV and JSON print, as plain
/// arrays for charts. It depends only on the set of outcomes (counts and sorted values), never on
/// the order in which runs finished.
public struct MonteCarloSummary: Sendable, Codable, Hashable {
    /// The probability that the loop has broken by the end of a calendar year, with its 95% interval.
    public struct YearProbability: Sendable, Codable, Hashable {
        /// The calendar year.
        public var year: Int
        /// The label of its last simulated period, e.g. `2028-12`.
        public var through: String
        /// Runs broken by then.
        public var breaks: Int
        /// `breaks / runs`.
        public var probability: Double
        /// 95% Wilson interval.
        public var low: Double, high: Double
    }

    /// How many runs broke in one calendar year.
    public struct YearCount: Sendable, Codable, Hashable {
        /// The calendar year.
        public var year: Int
        /// Runs whose loop broke in that year.
        public var count: Int
        /// `count / runs`.
        public var share: Double
    }

    /// How many runs broke in one period.
    public struct PeriodCount: Sendable, Codable, Hashable {
        /// The period (1 … T) and its label.
        public var period: Int
        public var label: String
        /// Runs whose loop broke in that period.
        public var count: Int
    }

    /// How often an entity failed first (the event that broke the loop).
    public struct EntityCount: Sendable, Codable, Hashable {
        /// The entity's id.
        public var entity: String
        /// Runs in which it failed first.
        public var count: Int
        /// `count / broken runs`.
        public var share: Double
    }

    /// The 5%, 50% and 95% quantiles of a key series at each sample period.
    public struct QuantileSeries: Sendable, Codable, Hashable {
        /// The series' name, e.g. `ai_equity_index`.
        public var name: String
        /// Labels of the sample periods.
        public var periodLabels: [String]
        /// Quantiles per period.
        public var p5: [Double], p50: [Double], p95: [Double]
    }

    /// What the experiment was.
    public var definition: MonteCarloDefinition
    /// Runs aggregated (completed without error).
    public var runs: Int
    /// Runs that stopped with an error (left out of every figure) and the first such error.
    public var failedRuns: Int
    public var firstError: String?
    /// True when fewer runs than the experiment's were done (interrupted, or a shard missing).
    public var partial: Bool
    /// Runs whose loop broke within the horizon, and those that held.
    public var brokenRuns: Int, heldRuns: Int
    /// P(broken by the end of each year of the horizon).
    public var breakProbability: [YearProbability]
    /// The distribution of the break date: runs per year of breaking.
    public var breakYears: [YearCount]
    /// The full distribution of the break period: runs breaking in each period 1 … T.
    public var breakPeriods: [PeriodCount]
    /// The 5%, 50% and 95% quantiles of the break period among broken runs, as labels.
    public var breakPeriodQuantiles: [String]
    /// Who failed first, most often first (ties by id).
    public var firstFailures: [EntityCount]
    /// Quantiles of the key series.
    public var quantileSeries: [QuantileSeries]

    /// The aggregate of `outcomes` of the experiment `definition`.
    public init(definition: MonteCarloDefinition, outcomes: [Int: RunOutcome]) {
        self.definition = definition
        let calendar = definition.calendar
        let ordered = outcomes.keys.sorted().compactMap { outcomes[$0] }
        let good = ordered.filter { $0.error == nil }
        let failed = ordered.filter { $0.error != nil }
        runs = good.count
        failedRuns = failed.count
        firstError = outcomes.keys.sorted().first { outcomes[$0]?.error != nil }.flatMap { index in
            outcomes[index]?.error.map { "run \(index): \($0)" }
        }
        partial = outcomes.count < definition.runs
        let breaks = good.compactMap(\.breakPeriod).sorted()
        brokenRuns = breaks.count
        heldRuns = good.count - breaks.count
        let n = Double(max(good.count, 1))

        // Years of the horizon and the last period of each.
        var lastPeriodOfYear: [(year: Int, period: Int)] = []
        for t in 1...calendar.periods {
            let year = Int(calendar.label(t).prefix(4)) ?? 0
            if let last = lastPeriodOfYear.last, last.year == year {
                lastPeriodOfYear[lastPeriodOfYear.count - 1].period = t
            } else {
                lastPeriodOfYear.append((year, t))
            }
        }
        func yearOf(_ period: Int) -> Int { Int(calendar.label(period).prefix(4)) ?? 0 }
        breakProbability = lastPeriodOfYear.map { year, period in
            let count = breaks.prefix { $0 <= period }.count
            let interval = ExperimentStatistics.wilson(successes: count, trials: good.count)
            return YearProbability(
                year: year, through: calendar.label(period), breaks: count,
                probability: Double(count) / n, low: interval.lowerBound, high: interval.upperBound)
        }
        breakYears = lastPeriodOfYear.map { year, _ in
            let count = breaks.filter { yearOf($0) == year }.count
            return YearCount(year: year, count: count, share: Double(count) / n)
        }
        var perPeriod = [Int](repeating: 0, count: calendar.periods + 1)
        for period in breaks where perPeriod.indices.contains(period) { perPeriod[period] += 1 }
        breakPeriods = (1...calendar.periods).map { PeriodCount(period: $0, label: calendar.label($0), count: perPeriod[$0]) }
        breakPeriodQuantiles = [0.05, 0.5, 0.95].compactMap { q in
            ExperimentStatistics.quantile(sorted: breaks.map(Double.init), q).map { calendar.label(Int($0.rounded(.down))) }
        }
        var counts: [String: Int] = [:]
        for outcome in good where outcome.broke { counts[outcome.firstFailure ?? "(none)", default: 0] += 1 }
        firstFailures = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
            EntityCount(entity: $0.key, count: $0.value, share: Double($0.value) / Double(max(breaks.count, 1)))
        }
        quantileSeries = definition.keySeries.enumerated().map { s, name in
            var p5: [Double] = []
            var p50: [Double] = []
            var p95: [Double] = []
            for t in definition.periodLabels.indices {
                let values = good.compactMap { s < $0.series.count && t < $0.series[s].count ? $0.series[s][t] : nil }.sorted()
                p5.append(ExperimentStatistics.quantile(sorted: values, 0.05) ?? 0)
                p50.append(ExperimentStatistics.quantile(sorted: values, 0.5) ?? 0)
                p95.append(ExperimentStatistics.quantile(sorted: values, 0.95) ?? 0)
            }
            return QuantileSeries(name: name, periodLabels: definition.periodLabels, p5: p5, p50: p50, p95: p95)
        }
    }
}
