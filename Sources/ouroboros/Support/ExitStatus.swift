import ArgumentParser
import OuroborosCore
import OuroborosEngine
import OuroborosEquations
import OuroborosExperiments
import OuroborosReport
import OuroborosScenario
import OuroborosStore

/// The exit codes of the house rules (BSD sysexits): 64 usage, 65 bad data, 70 internal error.
enum ExitStatus {
    /// The command line was wrong (an unknown option value, a missing file).
    static let usage = ExitCode(64)
    /// The input was read but is wrong: a bad file, a model that does not solve, a broken identity.
    static let dataError = ExitCode(65)
    /// A bug in Ouroboros.
    static let internalError = ExitCode(70)
    /// An experiment stopped by Ctrl-C (128 + SIGINT), after printing what was done.
    static let interrupted = ExitCode(130)

    /// Runs a command's work; a `RequestError` becomes the usage error ArgumentParser prints with
    /// the usage, every other error is printed in its user-facing form and mapped to its exit code.
    static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ValidationError {
            throw error
        } catch let error as RequestError {
            throw ValidationError(error.message)
        } catch {
            throw report(error)
        }
    }

    /// Prints `error` on standard error in its user-facing form and returns the exit code it maps to.
    static func report(_ error: any Error) -> ExitCode {
        switch error {
        case let error as ScenarioLoadError:
            StandardStreams.err(error.description)
            if case .invalid = error { return dataError }
            return usage
        case let list as DiagnosticList:
            StandardStreams.err(list.description)
            return dataError
        case let error as SimulationError:
            StandardStreams.err(error.location.map { "\($0): error: \(error)" } ?? "error: \(error)")
            return dataError
        case is EngineSetupError, is ShardFileError:
            StandardStreams.err("error: \(error)")
            return dataError
        case let error as EngineError:
            StandardStreams.err("error: \(error)")
            if case .identityViolation = error { return internalError }  // the engine's own accounting broke: a bug
            return dataError
        case let error as StoreError:
            StandardStreams.err(error.description)
            return error.isUsageError ? usage : dataError
        case is RequestFileError, is ExperimentResumeError:  // their descriptions are the whole message
            StandardStreams.err("\(error)")
            return error is RequestFileError ? usage : dataError
        case let exit as ExitCode:
            return exit
        default:
            StandardStreams.err("internal error: \(error)")
            return internalError
        }
    }
}
