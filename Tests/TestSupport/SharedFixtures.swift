import Foundation
public import OuroborosEngine
import OuroborosScenario

/// The text of a scenario shared by several test targets, from `Tests/Fixtures/`.
public func sharedFixture(_ name: String) -> String {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    return try! String(contentsOf: folder.appendingPathComponent("Fixtures/\(name)"), encoding: .utf8)
}

/// Small network scenarios whose behaviour can be worked out by hand.
public enum Fixtures {
    /// The lab-and-cloud scenario of `Tests/Fixtures/lab-and-cloud.yaml` (its comment works out by
    /// hand when the loop breaks) with the lab holding `cash` instead of $4.5B, and `extra` appended.
    public static func labAndCloud(cash: String = "$4.5B", extra: String = "") -> String {
        sharedFixture("lab-and-cloud.yaml").replacingOccurrences(of: "cash: $4.5B", with: "cash: \(cash)") + extra
    }

    /// `labAndCloud` with a demand shock of −10% … −30% and the lab's cash uncertain, so that some runs break and some hold.
    public static func fragileScenario() throws -> NetworkScenario {
        let text = labAndCloud(
            extra: """
                shocks: [demand:-20%@2025-01]
                uncertain:
                  shocks.1.size: {dist: uniform, low: -30%, high: -10%}
                  entities.lab.cash: {dist: triangular, low: $3.5B, mode: $4.5B, high: $5.5B}
                  behaviour.market.risk_premium: {dist: normal, mean: 5%, sd: 1%, low: 2%}
                """)
        guard case .network(let scenario) = try ScenarioLoader.parse(text, file: "fragile.yaml") else {
            fatalError("fixture is a network scenario")
        }
        return scenario
    }
}
