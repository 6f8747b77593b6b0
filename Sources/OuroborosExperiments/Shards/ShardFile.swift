public import Foundation

/// The file `--shard I/N --out FILE` writes: a versioned JSON object with the experiment's
/// definition, which slice it holds, and the outcome of each run by index (see docs/experiments.md).
///
/// ```json
/// {"format": "ouroboros-montecarlo-shard", "version": 1,
///  "definition": {"scenario": "ai-capex-2025", "scenario_hash": "…", "seed": 7, "runs": 10000, …},
///  "shard": {"index": 1, "count": 4}, "complete": true,
///  "outcomes": [{"run": 0, "outcome": {"break_period": 31, "first_failure": "openai", …}}, …]}
/// ```
public struct ShardFile: Codable, Sendable {
    /// One run's outcome with its index.
    public struct IndexedOutcome: Codable, Sendable {
        /// The run index within the experiment.
        public var run: Int
        /// What the run left.
        public var outcome: RunOutcome
    }

    /// The format's name.
    public static let formatName = "ouroboros-montecarlo-shard"
    /// The version written; readers refuse others.
    public static let currentVersion = 1

    /// Always `formatName`.
    public var format: String
    /// The version of the format.
    public var version: Int
    /// The experiment.
    public var definition: MonteCarloDefinition
    /// The slice held.
    public var shard: ShardSpec
    /// Whether every run of the slice is present (false when interrupted).
    public var complete: Bool
    /// The outcomes in run order.
    public var outcomes: [IndexedOutcome]

    /// The shard file of `outcomes` of slice `shard` of the experiment `definition`.
    public init(definition: MonteCarloDefinition, shard: ShardSpec, outcomes: [Int: RunOutcome]) {
        format = Self.formatName
        version = Self.currentVersion
        self.definition = definition
        self.shard = shard
        complete = shard.runs(of: definition.runs).allSatisfy { outcomes[$0] != nil }
        self.outcomes = outcomes.keys.sorted().map { IndexedOutcome(run: $0, outcome: outcomes[$0]!) }
    }

    /// The file's JSON (snake_case keys, sorted, so equal shards give equal bytes).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }

    /// Reads a shard file; the error says what is wrong with it.
    public static func decode(_ data: Data, file: String) throws(ShardFileError) -> ShardFile {
        struct Header: Decodable {
            var format: String?
            var version: Int?
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw ShardFileError(file: file, problem: "not a JSON object; expected a shard written by `ouroboros montecarlo --shard I/N --out FILE`")
        }
        guard header.format == formatName else {
            throw ShardFileError(file: file, problem: "format is \(header.format.map { "'\($0)'" } ?? "missing"); expected '\(formatName)'")
        }
        guard header.version == currentVersion else {
            throw ShardFileError(
                file: file, problem: "version \(header.version.map(String.init) ?? "missing") is not supported; expected \(currentVersion)")
        }
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(ShardFile.self, from: data)
        } catch {
            throw ShardFileError(file: file, problem: "cannot read the shard: \(error)")
        }
    }

    /// The outcomes of `files` merged, after checking they are slices of one experiment; throws
    /// naming the first file that differs, or the runs that no file holds.
    public static func merge(_ files: [(name: String, shard: ShardFile)]) throws(ShardFileError) -> (
        definition: MonteCarloDefinition, outcomes: [Int: RunOutcome]
    ) {
        guard let first = files.first else { throw ShardFileError(file: "", problem: "no shard files given") }
        var outcomes: [Int: RunOutcome] = [:]
        for (name, file) in files {
            guard file.definition == first.shard.definition else {
                throw ShardFileError(
                    file: name, problem: "is a shard of a different experiment than \(first.name) (scenario, seed, runs, shocks or parameters differ)"
                )
            }
            for item in file.outcomes {
                guard (0..<file.definition.runs).contains(item.run) else {
                    throw ShardFileError(file: name, problem: "holds run \(item.run), outside 0..<\(file.definition.runs)")
                }
                outcomes[item.run] = item.outcome
            }
        }
        let missing = (0..<first.shard.definition.runs).filter { outcomes[$0] == nil }
        if let low = missing.first {
            let high = missing.last!
            throw ShardFileError(
                file: "",
                problem:
                    "\(missing.count) of \(first.shard.definition.runs) runs are in no file (runs \(low)…\(high)); give every shard of the experiment"
            )
        }
        return (first.shard.definition, outcomes)
    }
}

/// A shard file that cannot be used.
public struct ShardFileError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// What is wrong.
    public var problem: String

    /// `FILE: PROBLEM`.
    public var description: String { file.isEmpty ? problem : "\(file): \(problem)" }
}
