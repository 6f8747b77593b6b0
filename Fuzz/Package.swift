// swift-tools-version: 6.0
// libFuzzer targets for Ouroboros's readers: build and run them with `Fuzz/run` (see Fuzz/README.md).
// A separate package so that the main build never sees `-sanitize=fuzzer`: Fuzz/run builds it with
// `-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library`, so every module it links is instrumented.
import PackageDescription

let package = Package(
    name: "OuroborosFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Ouroboros", path: "..")],
    targets: [
        // The process entry point: hands libFuzzer's driver the Swift callback.
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "ouroboros-fuzz",
            dependencies: [
                "FuzzDriver",
                .product(name: "OuroborosCore", package: "Ouroboros"),
                .product(name: "OuroborosScenario", package: "Ouroboros"),
                .product(name: "OuroborosEquations", package: "Ouroboros"),
                .product(name: "OuroborosEngine", package: "Ouroboros"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
