public import OuroborosEngine
public import OuroborosExperiments

/// The HTML report of a tipping-point search: the answer (the smallest size of the shock that
/// breaks the loop, the failure it causes first and the chain of events), the runs of the search
/// (size tried, held or broke), and the full report of the network run at the tipping size.
public struct TippingHTMLReport: Sendable {
    /// What the search found.
    public var point: TippingPoint
    /// The scenario searched and the seed of its runs.
    public var scenario: NetworkScenario
    public var seed: UInt64
    /// The run at the tipping size with its detail (nil when no size breaks the loop).
    public var run: (result: NetworkRunResult, detail: RunDetail)?

    /// A report of `point`; `run` is the run at the tipping size (`tippingShock`).
    public init(point: TippingPoint, scenario: NetworkScenario, seed: UInt64, run: (result: NetworkRunResult, detail: RunDetail)? = nil) {
        self.point = point
        self.scenario = scenario
        self.seed = seed
        self.run = run
    }

    /// The shock at `size` (the searched kind, target and date), written as `KIND:SIZE@DATE`.
    public static func shock(_ point: TippingPoint, size: Double, in scenario: NetworkScenario) -> NetworkShock {
        let size = point.kind == .chips ? size.rounded() : size
        let written = ShockSizeText(kind: point.kind).argument(size)
        let head = point.target.map { "\(point.kind.rawValue):\($0)" } ?? point.kind.rawValue
        return NetworkShock(
            kind: point.kind, size: size, target: point.target, period: point.period,
            text: "\(head):\(written)@\(scenario.calendar.label(point.period))")
    }

    /// The shock at the tipping size, when a size breaks the loop.
    public var tippingShock: NetworkShock? { point.size.map { Self.shock(point, size: $0, in: scenario) } }

    var sizes: ShockSizeText { ShockSizeText(kind: point.kind) }
    var date: String { scenario.calendar.label(point.period) }
    var deadline: String { scenario.calendar.label(point.deadline) }

    /// The runs of the search in order: the size tried, red when the loop broke by the deadline, green when it held.
    public func searchChart() -> BarChart {
        let held = "#2e7d32"
        return BarChart(
            title: "Runs of the search: the \(point.kind.rawValue) shock tried, in order",
            bars: point.probes.enumerated().map { k, probe in
                .init(
                    label: "\(k + 1)", value: probe.size, color: probe.broke ? ChartPalette.cycle : held,
                    tooltip: "run \(k + 1): \(sizes.text(probe.size)) — " + (probe.broke ? "breaks in \(probe.breakLabel ?? "?")" : "holds"))
            },
            unit: sizes.unit, valueTitle: sizes.axisTitle, categoryTitle: "run of the search, in order",
            legend: [
                .init(label: "the loop breaks by \(deadline)", color: ChartPalette.cycle, style: .block),
                .init(label: "the loop holds", color: held, style: .block),
            ])
    }

    /// The report's sections: the answer, the search, then the run at the tipping size.
    public func sections() -> [HTMLSection] {
        var out = [answerSection(), searchSection()]
        if let run {
            let shocks = (scenario.shocks + (tippingShock.map { [$0] } ?? [])).map(\.text)
            var sections = NetworkRunHTMLReport(result: run.result, detail: run.detail, scenario: scenario, shocks: shocks).sections()
            if !sections.isEmpty { sections[0].title = "The run at the tipping size: " + sections[0].title }
            out += sections
        }
        return out
    }

    /// The whole page.
    public func html() -> String {
        var subtitle = [
            "\(point.kind.rawValue) shock in \(date)\(point.target.map { " on \($0)" } ?? ""), sizes \(sizes.text(point.mild)) … "
                + "\(sizes.text(point.severe)), break by \(deadline), seed \(seed)" + (point.interrupted ? " — PARTIAL" : "")
        ]
        if !scenario.description.isEmpty { subtitle.append(scenario.description) }
        return HTMLDocument(title: "Tipping point: \(scenario.name)", subtitle: subtitle, sections: sections()).rendered()
    }

    func answerSection() -> HTMLSection {
        var body = ""
        if point.interrupted {
            body += ExperimentHTMLText.paragraph(
                "PARTIAL: interrupted before the bracket reached the tolerance; the size below is the smallest breaking size seen.",
                cssClass: "verdict breaks")
        }
        guard let size = point.size, let breaking = point.breaking else {
            body += ExperimentHTMLText.paragraph(
                "No size in the range breaks the loop by \(deadline): it holds at every step of the scan up to \(sizes.text(point.severe)).",
                cssClass: "verdict holds")
            return HTMLSection(id: "tipping-point", title: "The tipping point", body: body)
        }
        if size == point.mild {
            body += ExperimentHTMLText.paragraph(
                "The loop already breaks by \(deadline) at the mild end, \(sizes.text(point.mild)) (in \(breaking.breakLabel ?? "?")).",
                cssClass: "verdict breaks")
            body += ExperimentHTMLText.paragraph("Choose --by before \(breaking.breakLabel ?? "that date") to find the shock that breaks it sooner.")
        } else {
            var text = "The smallest \(point.kind.rawValue) shock in \(date) that breaks the loop by \(deadline): \(sizes.text(size))"
            if let holding = point.lastHolding { text += " (\(sizes.text(holding)) holds)" }
            body += ExperimentHTMLText.paragraph(text + ".", cssClass: "verdict breaks")
        }
        if let event = breaking.firstFailure {
            body += "<p><strong>What breaks first:</strong> in \(XMLText.escape(breaking.breakLabel ?? event.label)), \(XMLText.escape(event.entity))"
            if let counterparty = event.counterparty { body += " (with \(XMLText.escape(counterparty)))" }
            body += " — \(XMLText.escape(event.type.rawValue)): \(XMLText.escape(event.cause))</p>\n"
        }
        if !breaking.chain.isEmpty {
            body += ExperimentHTMLText.heading("The chain of events that follows")
            var table = HTMLTable(header: ["period", "entity", "event", "amount", "cause"], numericColumns: [3])
            table.rows = breaking.chain.map {
                [.text($0.label), .text($0.entity), .text($0.type.rawValue), .number(ValueUnit.usd.text($0.amount)), .text($0.cause)]
            }
            body += table.rendered()
        }
        if run != nil {
            body += ExperimentHTMLText.paragraph(
                "The sections after the search show the whole run with the shock at this size (seed \(seed)).", cssClass: "muted")
        }
        return HTMLSection(id: "tipping-point", title: "The tipping point", body: body)
    }

    func searchSection() -> HTMLSection {
        var body = ExperimentHTMLText.paragraph(
            "The range is scanned in equal steps from the mild to the severe end until the loop breaks; "
                + "the bracket between the last size that held and the first that broke is then halved down to the tolerance (\(sizes.width(point.tolerance)) wide)."
        )
        body += HTMLFigure.markup(
            caption: "Each run of the search: the size of the shock (\(sizes.axisTitle)), red when the loop broke by \(deadline), green when it held."
        ) {
            () throws(ChartError) in try searchChart().render()
        }
        var table = HTMLTable(header: ["run", "size", "loop", "breaks in"], numericColumns: [0, 1])
        table.rows = point.probes.enumerated().map { k, probe in
            [.number("\(k + 1)"), .number(sizes.text(probe.size)), .text(probe.broke ? "breaks" : "holds"), .text(probe.breakLabel ?? "")]
        }
        body += table.rendered()
        return HTMLSection(id: "search", title: "How the search closed in", body: body)
    }
}
