import ArgumentParser
import OuroborosEngine
import OuroborosScenario

/// The scenario argument of the commands that only run network scenarios (report, warnings, the experiments).
enum NetworkScenarioArgument {
    /// The network scenario `file` names (a path or a built-in; the default built-in when nil). An equation model is a
    /// usage error ending with `refusing` (what the command runs instead); a file that cannot be read or is invalid
    /// is reported and exits 64 or 65.
    static func load(_ file: String?, refusing: String) throws -> NetworkScenario {
        do {
            switch try ScenarioLoader.resolve(file ?? BuiltInScenarios.defaultName) {
            case .network(let scenario): return scenario
            case .equations:
                throw ValidationError("'\(file ?? "")' is an equation model; \(refusing)")
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
