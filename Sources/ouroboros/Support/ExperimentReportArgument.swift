import ArgumentParser
import OuroborosReport

/// `--report PATH` of the experiment commands, checked in `validate()` so that a bad path stops
/// the command before any run.
enum ExperimentReportArgument {
    /// A usage error unless `path`'s folder exists and is writable.
    static func validate(_ path: String?) throws {
        do {
            try ExperimentHTMLFile.validate(path)
        } catch {
            throw ValidationError(error.message)
        }
    }
}
