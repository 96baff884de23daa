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
    ],
    targets: [
        // The statistics core: data loading, statistics, Vietnamese text, reports. No terminal code.
        .target(name: "CongDanSoCore"),
        // The cell buffer and the backend seam: cells, styles, rects, display
        // width, keys, terminal-safe text, the backend protocol and a test
        // backend. Knows nothing of the contest.
        .target(name: "TerminalCells"),
        // The pure dashboard: state, messages, update, key table, widgets, views.
        .target(name: "DashboardKit", dependencies: ["CongDanSoCore", "TerminalCells"]),
        // The dashboard's runtime: the run loop over any backend, the clock,
        // and the live source (watching, following and reloading the data).
        .target(name: "DashboardRuntime", dependencies: ["CongDanSoCore", "DashboardKit", "TerminalCells"]),
        // The system ncursesw library, through a small C shim.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        // The thin terminal backend: the only code that imports CNcursesw.
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "TerminalCells"]),
        .executableTarget(
            name: "congdanso",
            dependencies: [
                "CongDanSoCore", "DashboardKit", "DashboardRuntime", "CursesTerminal", "TerminalCells",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks that print figures: `swift run -c release congdanso-bench`.
        .executableTarget(name: "congdanso-bench", dependencies: ["CongDanSoCore", "DashboardKit", "TerminalCells"]),
        // The command-line tests run the built `congdanso`; depending on it
        // makes `swift test` build it first.
        .testTarget(name: "CongDanSoCoreTests", dependencies: ["CongDanSoCore", "congdanso"]),
        .testTarget(name: "TerminalCellsTests", dependencies: ["TerminalCells"]),
        // Golden frames are read from the source tree (by #filePath), not bundled.
        .testTarget(name: "DashboardKitTests", dependencies: ["DashboardKit", "CongDanSoCore"], exclude: ["Golden"]),
        // The run loop on the test backend (key scripts, read from the source
        // tree) and the live source over temporary directories.
        .testTarget(
            name: "DashboardRuntimeTests",
            dependencies: ["DashboardRuntime", "DashboardKit", "CongDanSoCore", "TerminalCells"],
            exclude: ["Scripts"]),
        // Real-terminal tests: the built binary in tmux.
        .testTarget(name: "TerminalTests", dependencies: ["congdanso"]),
    ]
)
