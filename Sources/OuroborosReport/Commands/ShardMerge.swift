import Foundation
import OuroborosExperiments
public import OuroborosStore

/// `ouroboros merge`: the shard files of one Monte Carlo experiment merged into what the
/// unsharded experiment prints, recorded in the run store with its summary (no scenario text:
/// the shards hold only its hash).
public struct ShardMerge: Sendable {
    /// The shard files.
    public var files: [String]
    /// The output format.
    public var format: TextFormat

    /// A merge as asked.
    public init(files: [String], format: TextFormat) {
        self.files = files
        self.format = format
    }

    /// Reads and merges the shards; an unreadable file is a `RequestFileError`, a bad or
    /// mismatched shard a `ShardFileError`.
    public func run(recording: RunRecording) throws -> String {
        var shards: [(name: String, shard: ShardFile)] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { throw RequestFileError("cannot read \(file)") }
            shards.append((file, try ShardFile.decode(data, file: file)))
        }
        let merged = try ShardFile.merge(shards)
        try recording.begin(.monteCarlo, name: merged.definition.scenario, scenarioText: "", seed: merged.definition.seed)
        let report = MonteCarloReport(summary: MonteCarloSummary(definition: merged.definition, outcomes: merged.outcomes))
        let text = format.render(table: report.table, csv: report.csv, json: report.json)
        try recording.finish(summary: RunSummary(monteCarlo: report))
        return text
    }
}
