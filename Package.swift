// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "congdanso",
    products: [
        .executable(name: "congdanso", targets: ["congdanso"]),
        .library(name: "CongDanSoCore", targets: ["CongDanSoCore"]),
    ],
    dependencies: [
        // Command-line parsing, help text and shell-friendly errors for the subcommands.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Property-based tests (generated inputs, shrunk on failure) for the event log's readers; tests only.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The statistics core: data loading, statistics, Vietnamese text, reports. No terminal code.
        .target(name: "CongDanSoCore", dependencies: ["CZlib"]),
        // The system zlib, to read rotated event logs that logrotate compressed (events.csv.2.gz).
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // The pure dashboard: state, messages, update, key table, cell buffer, widgets, views.
        .target(name: "DashboardKit", dependencies: ["CongDanSoCore"]),
        // The system ncursesw library, through a small C shim.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        // The thin terminal backend: the only code that imports CNcursesw.
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "DashboardKit"]),
        .executableTarget(
            name: "congdanso",
            dependencies: [
                "CongDanSoCore", "DashboardKit", "CursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks that print figures: `swift run -c release congdanso-bench`.
        .executableTarget(name: "congdanso-bench", dependencies: ["CongDanSoCore", "DashboardKit"]),
        // The command-line tests run the built `congdanso`; depending on it
        // makes `swift test` build it first.
        .testTarget(
            name: "CongDanSoCoreTests",
            dependencies: [
                "CongDanSoCore", "congdanso", .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        // Golden frames are read from the source tree (by #filePath), not bundled.
        .testTarget(name: "DashboardKitTests", dependencies: ["DashboardKit", "CongDanSoCore"], exclude: ["Golden"]),
        // Real-terminal tests: the built binary in tmux.
        .testTarget(name: "TerminalTests", dependencies: ["congdanso"]),
    ]
)
