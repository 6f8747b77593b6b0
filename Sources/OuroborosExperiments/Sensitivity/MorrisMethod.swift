import OuroborosCore

/// Morris's elementary-effects screening (with Campolongo's μ*): `trajectories` one-at-a-time paths
/// through a `levels`-level grid of the unit cube, each moving every parameter once by Δ = levels / (2(levels − 1))
/// grid steps; parameter values are the distributions' quantiles at the grid points (level j at
/// (j + ½) / levels, so unbounded distributions stay finite). Elementary effects are outcome change
/// per unit of quantile level.
public struct MorrisMethod: Sendable {
    /// The number of trajectories r.
    public var trajectories: Int
    /// Grid levels p (even).
    public var levels: Int
    /// The seed of the trajectories.
    public var seed: UInt64

    /// Morris with `trajectories` paths on a `levels`-level grid.
    public init(trajectories: Int, levels: Int = 4, seed: UInt64) {
        self.trajectories = trajectories
        self.levels = max(2, levels - levels % 2)
        self.seed = seed
    }

    /// The unit-cube points of trajectory `j` for `k` parameters (k + 1 points) and the parameter each step moves.
    public func trajectory(_ j: Int, parameters k: Int) -> (points: [[Double]], moved: [Int], steps: [Double]) {
        var random = SeededGenerator(seed: seed, stream: j)
        let jump = levels / 2
        var grid = (0..<k).map { _ in Int(random.next() % UInt64(levels)) }
        var order = Array(0..<k)
        for i in stride(from: k - 1, to: 0, by: -1) {
            let swap = Int(random.next() % UInt64(i + 1))
            order.swapAt(i, swap)
        }
        func point() -> [Double] { grid.map { (Double($0) + 0.5) / Double(levels) } }
        var points = [point()]
        var steps: [Double] = []
        for i in order {
            let up = grid[i] + jump < levels
            grid[i] += up ? jump : -jump
            steps.append((up ? 1.0 : -1.0) * Double(jump) / Double(levels))
            points.append(point())
        }
        return (points, order, steps)
    }

    /// Every point to evaluate, trajectory by trajectory.
    public func points(parameters k: Int) -> [[Double]] {
        (0..<trajectories).flatMap { trajectory($0, parameters: k).points }
    }

    /// μ*, μ and σ of each parameter from `outputs` (one per point of `points(parameters:)`, nil when not evaluated):
    /// incomplete trajectories are left out.
    public func indices(names: [String], outputs: [Double?]) -> [SensitivityIndex] {
        let k = names.count
        var effects = Array(repeating: [Double](), count: k)
        for j in 0..<trajectories {
            let base = j * (k + 1)
            let values = (0...k).compactMap { base + $0 < outputs.count ? outputs[base + $0] : nil }
            guard values.count == k + 1 else { continue }
            let path = trajectory(j, parameters: k)
            for step in 0..<k {
                effects[path.moved[step]].append((values[step + 1] - values[step]) / path.steps[step])
            }
        }
        return SensitivityResult.ranked(
            (0..<k).map { i in
                SensitivityIndex(
                    parameter: names[i], muStar: ExperimentStatistics.mean(effects[i].map(abs)),
                    mu: ExperimentStatistics.mean(effects[i]), sigma: ExperimentStatistics.standardDeviation(effects[i]))
            })
    }
}
