// swift-tools-version: 6.1
// Benchmarks for Ouroboros: a separate package so that the main package's build and CI never
// compile the benchmark framework. Run from the repository root:
//
//   swift package --package-path Benchmarks benchmark
//   swift run -c release --package-path Benchmarks equations-timing --model sim --runs 1000 --periods 100 --repeats 5
//
// See bench/README.md for the comparison against the Python SFC peers.
import PackageDescription

// A path dependency's identity is the last component of its directory (the checkout's folder name,
// `main` here but possibly something else in a fresh clone), so compute it rather than hard-code it.
let ouroborosIdentity: String = {
    let benchmarksDirectory = Context.packageDirectory
    var components = benchmarksDirectory.split(separator: "/", omittingEmptySubsequences: true)
    if components.last == "Benchmarks" { components.removeLast() }
    return components.last.map { String($0).lowercased() } ?? "ouroboros"
}()

let package = Package(
    name: "OuroborosBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Timing and output of the equation solver without any framework: used by bench/compare_sfc_peers.py.
        .executableTarget(
            name: "equations-timing",
            dependencies: [
                .product(name: "OuroborosCore", package: ouroborosIdentity),
                .product(name: "OuroborosEquations", package: ouroborosIdentity),
                .product(name: "OuroborosReport", package: ouroborosIdentity),
                .product(name: "OuroborosScenario", package: ouroborosIdentity),
            ],
            path: "Sources/equations-timing"
        ),
        // ordo-one/benchmark suite: `swift package --package-path Benchmarks benchmark`.
        .executableTarget(
            name: "EquationsBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "OuroborosEquations", package: ouroborosIdentity),
                .product(name: "OuroborosScenario", package: ouroborosIdentity),
            ],
            path: "Benchmarks/EquationsBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        // One run of the built-in network scenario, without a framework: `engine-timing --runs 50`.
        .executableTarget(
            name: "engine-timing",
            dependencies: [
                .product(name: "OuroborosEngine", package: ouroborosIdentity),
                .product(name: "OuroborosScenario", package: ouroborosIdentity),
            ],
            path: "Sources/engine-timing"
        ),
        // The run store's cost against the runs it records, and the experiment journal's throughput:
        // `store-timing --runs 20 --repeats 5 --journal 20000`.
        .executableTarget(
            name: "store-timing",
            dependencies: [
                .product(name: "OuroborosEngine", package: ouroborosIdentity),
                .product(name: "OuroborosReport", package: ouroborosIdentity),
                .product(name: "OuroborosScenario", package: ouroborosIdentity),
                .product(name: "OuroborosStore", package: ouroborosIdentity),
            ],
            path: "Sources/store-timing"
        ),
        // Monte Carlo throughput and thread scaling on the built-in scenario: `experiments-timing --runs 200`.
        .executableTarget(
            name: "experiments-timing",
            dependencies: [
                .product(name: "OuroborosExperiments", package: ouroborosIdentity),
                .product(name: "OuroborosScenario", package: ouroborosIdentity),
            ],
            path: "Sources/experiments-timing"
        ),
        // Timing of OuroborosNetwork (CSR, SCC, cycles, Eisenberg–Noe, DebtRank) on graphs written by
        // bench/compare_network_peers.py: `bench/run_network.sh`.
        .executableTarget(
            name: "network-timing",
            dependencies: [
                .product(name: "OuroborosNetwork", package: ouroborosIdentity)
            ],
            path: "Sources/network-timing"
        ),
        // ordo-one/benchmark suite of the network engine.
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "OuroborosEngine", package: ouroborosIdentity),
                .product(name: "OuroborosScenario", package: ouroborosIdentity),
            ],
            path: "Benchmarks/EngineBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
