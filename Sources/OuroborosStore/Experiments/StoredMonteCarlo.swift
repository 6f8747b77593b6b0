public import Foundation
public import OuroborosExperiments

/// What a Monte Carlo experiment stores as an experiment's definition in the run store, so that
/// `--resume` rebuilds exactly the same experiment: the file the scenario text was read as (so that
/// its `extends:` resolves as it did) and the experiment's `MonteCarloDefinition`, whose scenario
/// hash, seed, runs, shocks and parameters the rebuilt experiment must match.
///
/// ```json
/// {"definition": {"runs": 1000, "scenario": "ai-capex-2025", "scenario_hash": "…", "seed": 2025, …},
///  "format": "ouroboros-montecarlo-experiment", "scenario_file": "/home/me/stress.yaml", "version": 1}
/// ```
public struct StoredMonteCarlo: Codable, Equatable, Sendable {
    /// The format's name.
    public static let formatName = "ouroboros-montecarlo-experiment"
    /// The version written; `--resume` refuses others.
    public static let currentVersion = 1

    /// Always `formatName`.
    public var format = Self.formatName
    /// The version of the format.
    public var version = Self.currentVersion
    /// The path (absolute) or built-in resource the scenario text was parsed as.
    public var scenarioFile: String
    /// The experiment.
    public var definition: MonteCarloDefinition

    /// The definition of `definition`, whose scenario text was parsed as `scenarioFile`.
    public init(scenarioFile: String, definition: MonteCarloDefinition) {
        self.scenarioFile = scenarioFile
        self.definition = definition
    }

    /// The definition's JSON (snake_case keys, sorted).
    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads a stored definition; nil when it is not one this version wrote.
    public static func decode(_ json: String) -> StoredMonteCarlo? {
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
    public static func payload(of outcome: RunOutcome) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(outcome)
    }

    /// A journalled outcome read back.
    public static func outcome(from payload: Data) throws -> RunOutcome {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(RunOutcome.self, from: payload)
    }
}
