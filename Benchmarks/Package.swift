// swift-tools-version:6.1
// Benchmarks of moneyloop's hot paths, kept apart so `swift test` of the main package
// does not build them. Run from this folder: `swift package benchmark`.
import PackageDescription

let package = Package(
    name: "MoneyloopBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "moneyloop", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(name: "LoopProfile", dependencies: [.product(name: "LoopSim", package: "moneyloop"),
                                                              .product(name: "LoopConfig", package: "moneyloop"),
                                                              .product(name: "LoopDashboard", package: "moneyloop")],
                          path: "Profile"),
        .executableTarget(
            name: "MoneyloopBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "LoopSim", package: "moneyloop"),
                .product(name: "LoopDashboard", package: "moneyloop"),
                .product(name: "LoopConfig", package: "moneyloop"),
            ],
            path: "Benchmarks/MoneyloopBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
