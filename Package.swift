// swift-tools-version:6.0
// moneyloop — a terminal dashboard for the money loop of AI infrastructure.
import PackageDescription

let package = Package(
    name: "moneyloop",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "moneyloop", targets: ["moneyloop"]),
        .executable(name: "moneyloop-serve", targets: ["moneyloop-serve"]),
        .executable(name: "moneyloop-filings", targets: ["moneyloop-filings"]),
        // Libraries for the separate Benchmarks/ package.
        .library(name: "LoopSim", targets: ["LoopSim"]),
        .library(name: "LoopDashboard", targets: ["LoopDashboard"]),
        .library(name: "LoopConfig", targets: ["LoopConfig"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssh", .upToNextMinor(from: "0.15.1")),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // The model: parameters, scenarios, the monthly engine, metrics. The standard library only.
        .target(name: "LoopSim"),
        // Files people edit: YAML read with file:line:column errors; scenario files.
        .target(name: "LoopConfig", dependencies: ["LoopSim", "LoopBundle"]),
        // The bundled themes/, scenarios/ and demos/ compiled in (generated at every build).
        // The links to the data folders make SwiftPM plan the build again (and so run the
        // plugin) when a file is added to or removed from them.
        .target(name: "LoopBundle", exclude: ["themes", "scenarios", "demos"], plugins: ["BundleFiles"]),
        .plugin(name: "BundleFiles", capability: .buildTool(), dependencies: ["BundleFilesTool"]),
        .executableTarget(name: "BundleFilesTool", path: "Plugins/BundleFilesTool"),
        // Headless output of the command line: simulate / params / factcheck as table, CSV, JSON.
        .target(name: "LoopReport", dependencies: ["LoopSim", "LoopConfig"]),
        // The Elm-style core: model, messages, update, view -> Frame. No curses.
        .target(name: "LoopDashboard", dependencies: ["LoopSim", "LoopConfig", "LoopReport"]),
        // System-library shim exposing the parts of ncursesw Swift cannot import.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // Async-signal-safe terminal restore for crashes (C: signal handlers).
        .target(name: "CTerminalGuard"),
        // The only module that calls curses.
        .target(name: "LoopTerminal", dependencies: ["LoopDashboard", "CNcursesw", "CTerminalGuard"]),
        // C shim for pseudo-terminals, posix_spawn and Unix sockets (variadic ioctl,
        // spawn attributes, sockaddr_un): the parts of POSIX Swift cannot call directly.
        .target(name: "CServe"),
        // `moneyloop serve`: SSH server (swift-nio-ssh), one dashboard process per viewer on
        // its own pty, and the presenter relay (ShareLink). No curses.
        // The presenter link (a dashboard's side of the relay: a Unix socket, no NIO), the state
        // directory and ServeError: what the dashboard needs of serving, without SSH or Foundation.
        .target(name: "LoopShare", dependencies: ["CServe"]),
        .target(
            name: "LoopServe",
            dependencies: [
                "CServe", "LoopShare",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // `moneyloop filings` and `scenario update --from-filings`: SEC company facts read,
        // cached and mapped to opening figures. The only module that touches the network.
        .target(name: "LoopFilings", dependencies: ["LoopSim", "LoopConfig"]),
        .executableTarget(
            name: "moneyloop",
            dependencies: [
                "LoopSim", "LoopConfig", "LoopReport", "LoopDashboard", "LoopTerminal", "LoopShare", "LoopBundle",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // A release build on Linux links the Swift runtime and FoundationEssentials (which
            // swift-argument-parser loads) into the program, with lld, packed relative
            // relocations (glibc 2.36 or later) and no exported symbols: only the pages used
            // become resident, not whole shared libraries with their relocations. The
            // dashboard's peak at 120×40: 19.2 → 15.8 MiB (docs/performance.md, "Memory").
            // (-static-stdlib alone misses what the static FoundationEssentials needs itself.)
            linkerSettings: [
                .unsafeFlags(["-static-stdlib", "-l_FoundationCollections", "-l_FoundationCShims",
                              "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                              "-Xlinker", "--no-export-dynamic"],
                             .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        // `moneyloop filings …` and `moneyloop scenario update` run this program from beside
        // themselves: SEC downloads need FoundationNetworking, which the dashboard never loads.
        .executableTarget(
            name: "moneyloop-filings",
            dependencies: [
                "LoopFilings", "LoopConfig", "LoopSim",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `moneyloop serve` runs this program from beside itself: the SSH server with NIO, Crypto
        // and Foundation, which the dashboard then never loads (docs/performance.md, "Memory").
        .executableTarget(
            name: "moneyloop-serve",
            dependencies: [
                "LoopServe", "LoopConfig", "LoopDashboard",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What every test target shares: the package root, seeded randomness, a process runner.
        .target(name: "TestSupport", dependencies: ["LoopSim"], path: "Tests/TestSupport"),
        .testTarget(name: "LoopSimTests", dependencies: ["LoopSim", "TestSupport"]),
        // Yams only here: YAMLReaderTests check the reader against it.
        .testTarget(name: "LoopConfigTests", dependencies: ["LoopConfig", "LoopSim", "LoopReport", "LoopDashboard", "TestSupport", "Yams"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "LoopReportTests", dependencies: ["LoopReport", "LoopSim"]),
        // Goldens and fixtures are read (and goldens rewritten) in the source tree.
        .testTarget(name: "LoopDashboardTests", dependencies: ["LoopDashboard", "LoopSim", "LoopConfig", "TestSupport"],
                    exclude: ["Goldens", "Fixtures"]),
        .testTarget(name: "LoopFilingsTests", dependencies: ["LoopFilings", "LoopConfig", "LoopSim", "LoopDashboard", "TestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "LoopTerminalTests", dependencies: ["LoopTerminal", "LoopDashboard"]),
        .testTarget(name: "EndToEndTests", dependencies: ["moneyloop", "LoopTerminal", "LoopDashboard", "TestSupport"]),
        .testTarget(name: "ServeTests", dependencies: ["LoopServe", "CServe", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
