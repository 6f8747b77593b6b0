import Foundation
import OuroborosExperiments

/// What `ouroboros montecarlo` stores as an experiment's definition in the run store, so that
/// `--resume` rebuilds exactly the same experiment: the file the scenario text was read as (so that
/// its `extends:` resolves as it did) and the experiment's `MonteCarloDefinition`, whose scenario
/// hash, seed, runs, shocks and parameters the rebuilt experiment must match.
///
/// ```json
/// {"definition": {"runs": 1000, "scenario": "ai-capex-2025", "scenario_hash": "…", "seed": 2025, …},
///  "format": "ouroboros-montecarlo-experiment", "scenario_file": "/home/me/stress.yaml", "version": 1}
/// ```
struct StoredMonteCarlo: Codable, Equatable {
    /// The format's name.
    static let formatName = "ouroboros-montecarlo-experiment"
    /// The version written; `--resume` refuses others.
    static let currentVersion = 1

    /// Always `formatName`.
    var format = Self.formatName
    /// The version of the format.
    var version = Self.currentVersion
    /// The path (absolute) or built-in resource the scenario text was parsed as.
    var scenarioFile: String
    /// The experiment.
    var definition: MonteCarloDefinition

    /// The definition's JSON (snake_case keys, sorted).
    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads a stored definition; nil when it is not one this version wrote.
    static func decode(_ json: String) -> StoredMonteCarlo? {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let stored = try? decoder.decode(StoredMonteCarlo.self, from: Data(json.utf8)),
            stored.format == formatName, stored.version == currentVersion
        else { return nil }
        return stored
    }

    // MARK: - Journalled outcomes

    /// One run's outcome as journalled: JSON with snake_case keys, sorted. A non-finite number
    /// (which the engine never lets through: such a run ends with an error) would be written as
    /// the string "nan", "inf" or "-inf" and read back as it was, so a resumed experiment prints
    /// what an uninterrupted one prints.
    static func payload(of outcome: RunOutcome) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(outcome)
    }

    /// A journalled outcome read back.
    static func outcome(from payload: Data) throws -> RunOutcome {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(RunOutcome.self, from: payload)
    }
}
