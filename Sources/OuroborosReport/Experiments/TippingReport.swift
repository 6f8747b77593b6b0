import OuroborosCore
public import OuroborosEngine
public import OuroborosExperiments

/// The table, CSV and JSON of a tipping-point search.
public struct TippingReport: Sendable {
    /// What the search found.
    public let point: TippingPoint
    /// The scenario searched.
    public let scenario: NetworkScenario
    /// The seed of the search's runs.
    public let seed: UInt64

    /// A report of `point`, found on `scenario` with `seed`.
    public init(point: TippingPoint, scenario: NetworkScenario, seed: UInt64) {
        self.point = point
        self.scenario = scenario
        self.seed = seed
    }

    /// An event in JSON.
    struct Event: Encodable {
        var period: String, entity: String, counterparty: String?, deal: String?, type: String, amount: Double, cause: String

        init(_ event: EngineEvent) {
            period = event.label
            entity = event.entity
            counterparty = event.counterparty
            deal = event.deal
            type = event.type.rawValue
            amount = event.amount
            cause = event.cause
        }
    }

    /// One probe in JSON.
    struct Probe: Encodable { var size: Double, broke: Bool, breakPeriod: String? }

    /// The JSON document.
    struct Document: Encodable {
        var command = "tipping"
        var scenario: String, seed: UInt64, shock: String, date: String, target: String?
        var mild: Double, severe: Double, by: String, tolerance: Double
        var size: Double?, sizeText: String?, breakPeriod: String?, lastHolding: Double?
        var firstFailure: Event?, chain: [Event], probes: [Probe], interrupted: Bool
    }

    /// The shock's date as a period label.
    public var date: String { scenario.calendar.label(point.period) }
    /// The deadline as a period label.
    public var deadline: String { scenario.calendar.label(point.deadline) }

    /// A size in the shock's units: `+123.4bp`, `-$1.2T`, `6 months`, `-21.74%`.
    /// Dollars as the text outputs write them (`-$1.2T`, trailing zeros dropped), not as the
    /// HTML report's captions (`-$1.20T`): the committed outputs hold both.
    public func text(_ size: Double) -> String {
        ShockSizeText(kind: point.kind).text(size, usd: ExperimentText.usd)
    }

    /// `{"command": "tipping", …}`: the inputs, the answer, the chain and every probe.
    public func json() -> String {
        let breaking = point.breaking
        return ExperimentText.json(
            Document(
                scenario: scenario.name, seed: seed, shock: point.kind.rawValue, date: date, target: point.target,
                mild: point.mild, severe: point.severe, by: deadline, tolerance: point.tolerance, size: point.size,
                sizeText: point.size.map(text), breakPeriod: breaking?.breakLabel, lastHolding: point.lastHolding,
                firstFailure: breaking?.firstFailure.map(Event.init), chain: (breaking?.chain ?? []).map(Event.init),
                probes: point.probes.map { Probe(size: $0.size, broke: $0.broke, breakPeriod: $0.breakLabel) },
                interrupted: point.interrupted))
    }

    /// `figure,value`: the size, the break, the last holding size and the probes.
    public func csv() -> String {
        var rows = [
            ["size", point.size.map(NumberText.full) ?? ""], ["break_period", point.breaking?.breakLabel ?? ""],
            ["first_failure", point.breaking?.firstFailure.map { "\($0.entity) \($0.type.rawValue)" } ?? ""],
            ["last_holding", point.lastHolding.map(NumberText.full) ?? ""],
        ]
        rows += point.probes.enumerated().map {
            ["probe \($0.offset + 1)", "\(NumberText.full($0.element.size)) \($0.element.broke ? "breaks" : "holds")"]
        }
        return CSVText.document(header: ["figure", "value"], rows: rows)
    }

    /// The answer for people, with the chain that follows and the runs of the search.
    public func table() -> String {
        var out =
            "Tipping point: \(point.kind.rawValue) shock in \(date) on \(scenario.name) (seed \(seed)), sizes \(text(point.mild)) … \(text(point.severe)), break by \(deadline)\n"
        if point.interrupted { out += "PARTIAL: interrupted before the bracket reached the tolerance\n" }
        guard let size = point.size, let breaking = point.breaking else {
            out += "\nNo size in the range breaks the loop by \(deadline): it holds at every step of the scan up to \(text(point.severe)).\n"
            return out + probes()
        }
        if size == point.mild {
            out += "\nThe loop already breaks by \(deadline) at the mild end, \(text(point.mild)) (in \(breaking.breakLabel ?? "")); "
            out += "choose --by before \(breaking.breakLabel ?? "that date") to find the shock that breaks it sooner.\n"
        } else {
            out += "\nThe smallest \(point.kind.rawValue) shock that breaks the loop by \(deadline): \(text(size))"
            if let holding = point.lastHolding { out += " (\(text(holding)) holds)" }
            out += "\n"
        }
        if let event = breaking.firstFailure {
            out += "It breaks in \(breaking.breakLabel ?? event.label): \(event.entity) — \(event.type.rawValue): \(event.cause)\n"
        }
        if !breaking.chain.isEmpty {
            out += "\nWhat follows:\n"
            out += TextTable(
                header: ["period", "entity", "event", "amount", "cause"],
                rows: breaking.chain.map {
                    [$0.label, $0.entity, $0.type.rawValue, ExperimentText.usd($0.amount), $0.cause]
                }, textColumns: [1, 2, 4]
            ).rendered()
        }
        return out + probes()
    }

    private func probes() -> String {
        "\nRuns of the search:\n"
            + TextTable(
                header: ["size", "loop", "breaks in"],
                rows: point.probes.map {
                    [text($0.size), $0.broke ? "breaks" : "holds", $0.breakLabel ?? ""]
                }, textColumns: [1, 2]
            ).rendered()
    }
}
