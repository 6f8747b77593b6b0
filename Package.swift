// swift-tools-version: 6.1
import PackageDescription

/// Upcoming language features every target builds with (the discipline of hummingbird's manifest).
let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Ouroboros",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ouroboros", targets: ["ouroboros"]),
        .library(name: "OuroborosCore", targets: ["OuroborosCore"]),
        .library(name: "OuroborosEquations", targets: ["OuroborosEquations"]),
        .library(name: "OuroborosScenario", targets: ["OuroborosScenario"]),
        .library(name: "OuroborosNetwork", targets: ["OuroborosNetwork"]),
        .library(name: "OuroborosEngine", targets: ["OuroborosEngine"]),
        .library(name: "OuroborosReport", targets: ["OuroborosReport"]),
        .library(name: "OuroborosStore", targets: ["OuroborosStore"]),
        .library(name: "OuroborosExperiments", targets: ["OuroborosExperiments"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Layer 0: money, units, entities, the double-entry ledger, SFC matrices and their checks.
        .target(
            name: "OuroborosCore",
            swiftSettings: upcomingFeatures
        ),
        // Layer 1: Godley–Lavoie equation models: parser, block ordering, per-period solver.
        .target(
            name: "OuroborosEquations",
            dependencies: ["OuroborosCore"],
            swiftSettings: upcomingFeatures
        ),
        // Layer 3: files in, specs out: YAML equation models and network scenarios (with `extends:`),
        // CSV tables (and the network kernels' CSV inputs), FILE:LINE:COLUMN diagnostics, the built-ins.
        // Nothing else reads files.
        .target(
            name: "OuroborosScenario",
            dependencies: [
                "OuroborosCore",
                "OuroborosEquations",
                "OuroborosNetwork",
                "OuroborosEngine",
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("BuiltIn")],
            swiftSettings: upcomingFeatures
        ),
        // Layer 1: graph kernels on compressed sparse rows; Core only for its wrappers of the C library.
        .target(
            name: "OuroborosNetwork",
            dependencies: ["OuroborosCore"],
            swiftSettings: upcomingFeatures
        ),
        // Layer 2: the AI-capex network model (NetworkScenario and its specs, shocks, uncertain
        // parameters, the behaviour catalogue) and its simulation (mechanisms M1–M12).
        .target(
            name: "OuroborosEngine",
            dependencies: ["OuroborosCore", "OuroborosNetwork"],
            swiftSettings: upcomingFeatures
        ),
        // Layer 4: experiments over the engine: tipping points, Monte Carlo, sensitivity, comparison, shards;
        // the scenario and shock arguments every experiment (and run) is asked with.
        .target(
            name: "OuroborosExperiments",
            dependencies: ["OuroborosCore", "OuroborosEngine", "OuroborosScenario"],
            swiftSettings: upcomingFeatures
        ),
        // Layer 5: the run store: every run and experiment kept in SQLite (GRDB), crash-safe, with migrations;
        // recording a run (begin, fail, finish) and journalling and resuming a Monte Carlo experiment.
        .target(
            name: "OuroborosStore",
            dependencies: [
                "OuroborosCore",
                "OuroborosEquations",
                "OuroborosEngine",
                "OuroborosScenario",
                "OuroborosExperiments",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: upcomingFeatures
        ),
        // Layer 6: what users read — tables, CSV and JSON of runs, experiments, network kernels and the run
        // store's records, self-contained HTML reports — and each command's work end to end (load, run,
        // record, render), one public function per command, so that the CLI and a server call the same code.
        .target(
            name: "OuroborosReport",
            dependencies: [
                "OuroborosCore",
                "OuroborosEquations",
                "OuroborosNetwork",
                "OuroborosEngine",
                "OuroborosScenario",
                "OuroborosExperiments",
                "OuroborosStore",
            ],
            swiftSettings: upcomingFeatures
        ),
        // The command-line tool: option parsing, one library call per command, printing, exit codes.
        .executableTarget(
            name: "ouroboros",
            dependencies: [
                "OuroborosCore",
                "OuroborosEquations",
                "OuroborosScenario",
                "OuroborosReport",
                "OuroborosEngine",
                "OuroborosStore",
                "OuroborosExperiments",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcomingFeatures
        ),
        // Test fixtures shared by several test targets (the scenario files of Tests/Fixtures).
        .target(
            name: "TestSupport",
            dependencies: ["OuroborosEngine", "OuroborosScenario"],
            path: "Tests/TestSupport",
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "OuroborosCoreTests",
            dependencies: [
                "OuroborosCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "OuroborosEquationsTests",
            dependencies: ["OuroborosCore", "OuroborosEquations"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "OuroborosScenarioTests",
            dependencies: ["OuroborosCore", "OuroborosEquations", "OuroborosEngine", "OuroborosScenario", "TestSupport"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "OuroborosNetworkTests",
            dependencies: [
                "OuroborosNetwork",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "OuroborosEngineTests",
            dependencies: ["OuroborosCore", "OuroborosScenario", "OuroborosEngine"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "OuroborosReportTests",
            dependencies: [
                "OuroborosCore", "OuroborosEquations", "OuroborosReport", "OuroborosEngine", "OuroborosScenario", "OuroborosExperiments",
                "TestSupport",
            ],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "OuroborosStoreTests",
            dependencies: [
                "OuroborosCore",
                "OuroborosEquations",
                "OuroborosScenario",
                "OuroborosEngine",
                "OuroborosReport",
                "OuroborosStore",
                "OuroborosExperiments",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "OuroborosExperimentsTests",
            dependencies: ["OuroborosCore", "OuroborosScenario", "OuroborosEngine", "OuroborosExperiments", "TestSupport"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "OuroborosCLITests",
            dependencies: ["ouroboros", "TestSupport"],
            swiftSettings: upcomingFeatures
        ),
    ],
    swiftLanguageModes: [.v6]
)
