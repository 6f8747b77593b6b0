import ArgumentParser
import OuroborosExperiments
import OuroborosReport

extension Ouroboros {
    /// `ouroboros warnings [SCENARIO]`: the early-warning indicators of a network run (M12), their
    /// first alerts and lead times before the loop's break, optionally against observed data.
    struct Warnings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Early-warning indicators of a network run: first alerts and their lead time before the break.",
            discussion: """
                Runs the scenario (a file or a built-in; ai-capex-2025 when omitted) and reads, period by period, \
                the trader's indicators: funding_squeeze (the clouds' value/revenue multiple falling over a year \
                while capex grows), cash_runway (labs, months), interest_coverage (clouds, x), backlog_multiple \
                (sellers, years of revenue), vendor_financed_revenue (sellers, share of their own money come back) \
                and system_liquidity (index). The table gives each indicator's threshold, its first alert, on \
                whom, the value then and the months from it to the loop's break; `--format csv` prints the \
                per-period values `period,indicator,entity,value`, `--format json` everything. \
                --threshold NAME=VALUE overrides a threshold (repeatable). --observed FILE.csv (header \
                `indicator,period,value`, period YYYY-MM) checks real-world values against the same thresholds \
                and lists their alerts beside the simulated ones. Shocks as for `ouroboros run`.
                """
        )

        @Argument(help: "A network scenario file (YAML) or a built-in name; ai-capex-2025 when omitted.")
        var scenario: String?

        @Option(name: .customLong("shock"), help: "A shock KIND:SIZE@DATE, e.g. rate:+300bp@2026-01 (repeatable).")
        var shocks: [String] = []

        @Option(help: "Seed of the random generator (default: the scenario's seed).")
        var seed: UInt64?

        @Option(help: "Output format: table, csv or json.")
        var format: TextFormat = .table

        @Option(name: .customLong("threshold"), help: "Override a threshold, NAME=VALUE, e.g. cash_runway=18 (repeatable).")
        var thresholdOverrides: [String] = []

        @Option(name: .customLong("observed"), help: "A CSV of observed values: indicator,period,value (period YYYY-MM).")
        var observedPath: String?

        func validate() throws {
            do {
                _ = try EarlyWarningRun.thresholds(thresholdOverrides)
            } catch {
                throw ValidationError(error.message)
            }
        }

        func run() async throws {
            try await ExitStatus.mapping {
                let run = EarlyWarningRun(
                    scenario: ScenarioReference(scenario), shocks: shocks, seed: seed, format: format,
                    thresholdOverrides: thresholdOverrides, observedPath: observedPath)
                StandardStreams.out(try run.run())
            }
        }
    }
}
