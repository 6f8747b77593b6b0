import Foundation
import OuroborosEngine
import OuroborosExperiments
import OuroborosScenario
import TestSupport
import Testing

/// Sobol indices of the Ishigami function and Morris effects of known functions.
@Suite("sensitivity")
struct SensitivityTests {
    /// Ishigami: sin x1 + 7 sin² x2 + 0.1 x3⁴ sin x1, x uniform on [−π, π]³.
    static func ishigami(_ x: [Double]) -> Double {
        sin(x[0]) + 7 * sin(x[1]) * sin(x[1]) + 0.1 * pow(x[2], 4) * sin(x[0])
    }

    @Test("Sobol S1 and ST of Ishigami within 0.03 of the analytic values")
    func sobolIshigami() {
        let uniform = ParameterDistribution.uniform(low: -Double.pi, high: Double.pi)
        let sobol = SobolMethod(samples: 20_000, seed: 5, bootstrap: 50)
        let outputs: [Double?] = sobol.points(parameters: 3).map { point in Self.ishigami(point.map(uniform.quantile)) }
        let indices = sobol.indices(names: ["x1", "x2", "x3"], outputs: outputs)
        let byName = Dictionary(uniqueKeysWithValues: indices.map { ($0.parameter, $0) })
        // Analytic values (a = 7, b = 0.1): V = 13.8446; S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437.
        let expected: [(String, Double, Double)] = [("x1", 0.3139, 0.5576), ("x2", 0.4424, 0.4424), ("x3", 0, 0.2437)]
        for (name, s1, st) in expected {
            let index = byName[name]!
            #expect(abs(index.firstOrder! - s1) < 0.03, "\(name) S1 \(index.firstOrder!) vs \(s1)")
            #expect(abs(index.total! - st) < 0.03, "\(name) ST \(index.total!) vs \(st)")
            #expect(index.firstOrderLow! <= index.firstOrder! && index.firstOrder! <= index.firstOrderHigh!)
        }
        #expect(indices.map(\.parameter) == ["x1", "x2", "x3"])  // ranked by ST
        // The same seed gives the same indices.
        #expect(sobol.indices(names: ["x1", "x2", "x3"], outputs: outputs) == indices)
    }

    @Test("Morris on a linear function: μ* = |a|·(high − low), σ = 0; an interaction gives σ > 0")
    func morrisKnown() {
        let ranges: [ParameterDistribution] = [.uniform(low: 0, high: 1), .uniform(low: 0, high: 2), .uniform(low: -1, high: 1)]
        let morris = MorrisMethod(trajectories: 30, levels: 4, seed: 9)
        let linear: ([Double]) -> Double = { x in 3 * x[0] - 2 * x[1] + 0.5 * x[2] }
        let points = morris.points(parameters: 3)
        let values = points.map { point in zip(ranges, point).map { $0.quantile($1) } }
        let indices = morris.indices(names: ["a", "b", "c"], outputs: values.map(linear))
        let byName = Dictionary(uniqueKeysWithValues: indices.map { ($0.parameter, $0) })
        #expect(abs(byName["a"]!.muStar! - 3) < 1e-9 && abs(byName["b"]!.muStar! - 4) < 1e-9 && abs(byName["c"]!.muStar! - 1) < 1e-9)
        #expect(abs(byName["b"]!.mu! - -4) < 1e-9)
        #expect(indices.allSatisfy { $0.sigma! < 1e-9 })
        #expect(indices.map(\.parameter) == ["b", "a", "c"])
        let interacting = morris.indices(names: ["a", "b", "c"], outputs: values.map { $0[0] * $0[1] })
        #expect(interacting.first { $0.parameter == "a" }!.sigma! > 0.1)
        #expect(interacting.first { $0.parameter == "c" }!.muStar! == 0)
    }

    @Test("a Morris study of the lab-and-cloud scenario ranks the demand shock's size first")
    func morrisScenario() async throws {
        let study = SensitivityStudy(
            scenario: try Fixtures.fragileScenario(), outcome: .timeToBreak,
            method: .morris(MorrisMethod(trajectories: 6, seed: 3)), seed: 3)
        let result = await study.run(threads: 2)
        #expect(result.evaluations == 6 * 4)
        #expect(result.indices.first?.parameter == "shocks.1.size")
        #expect(result.indices.first { $0.parameter == "behaviour.market.risk_premium" }?.muStar == 0)
        let again = await study.run(threads: 1)
        #expect(again == result)
    }
}
