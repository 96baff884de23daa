// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "congdanso",
    products: [
        .executable(name: "congdanso", targets: ["congdanso"]),
        .library(name: "CongDanSoCore", targets: ["CongDanSoCore"]),
        .library(name: "CongDanSoSettings", targets: ["CongDanSoSettings"]),
    ],
    dependencies: [
        // Command-line parsing, help text and shell-friendly errors for the subcommands.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The ZIP container of .docx and .xlsx files, read and written (deflate, in memory).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The letter's template: logic-less {{fields}} a clerk can edit without code.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Property-based tests (generated inputs, shrunk on failure) for the event log's readers; tests only.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The statistics core: data loading, statistics, Vietnamese text, reports. No terminal code.
        .target(name: "CongDanSoCore", dependencies: ["SpreadsheetReader", "TextSafety", "CSystemZlib", "CPrefetch", "CByteScan"]),
        // A cache prefetch hint (Swift has none): the event log's table asks for memory a few events ahead.
        .target(name: "CPrefetch"),
        // The commas, quotes and line ends among 32 bytes in one step (SSE2): the event log's fast path.
        .target(name: "CByteScan"),
        // glibc's allocator set for reading a large event log (mallopt, which Swift's Glibc does not expose).
        .target(name: "CAllocator"),
        // The system zlib (named apart from ZIPFoundation's own CZlib module), to read rotated event logs that logrotate compressed (events.csv.2.gz).
        .systemLibrary(name: "CSystemZlib", providers: [.apt(["zlib1g-dev"])]),
        // The one rule set for untrusted text (which scalars are unsafe, what
        // replaces them), shared by the core, the commands and the screen.
        .target(name: "TextSafety"),
        // Reads .xlsx worksheets as a stream of rows (ZIP + Foundation's XMLParser); knows nothing of contests.
        .target(name: "SpreadsheetReader", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Writes the letter (.docx) and the table (.xlsx) from the core's standings and sentences.
        .target(
            name: "OfficeDocuments",
            dependencies: [
                "CongDanSoCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        // The cell buffer and the backend seam: cells, styles, rects, display
        // width, keys, terminal-safe text, the backend protocol and a test
        // backend. Knows nothing of the contest.
        .target(name: "TerminalCells", dependencies: ["TextSafety"]),
        // The pure dashboard: state, messages, update, key table, widgets, views.
        // (The user's settings come in and go out through it: CongDanSoSettings.)
        .target(name: "DashboardKit", dependencies: ["CongDanSoCore", "TerminalCells", "CongDanSoSettings"]),
        // The dashboard's runtime: the run loop over any backend, the clock,
        // and the live source (watching, following and reloading the data).
        .target(
            name: "DashboardRuntime",
            dependencies: ["CongDanSoCore", "DashboardKit", "TerminalCells", "OfficeDocuments"]),
        // The user's settings (settings.toml: reading, merging with the command line, atomic saving)
        // and the refresh interval's steps. No terminal code.
        .target(name: "CongDanSoSettings", dependencies: ["CongDanSoCore"]),
        // The system ncursesw library, through a small C shim.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        // The thin terminal backend: the only code that imports CNcursesw.
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "TerminalCells"]),
        .executableTarget(
            name: "congdanso",
            dependencies: [
                "CongDanSoCore", "DashboardKit", "DashboardRuntime", "CursesTerminal", "TerminalCells",
                "OfficeDocuments", "CongDanSoSettings", "TextSafety", "CAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks that print figures: `swift run -c release congdanso-bench`.
        .executableTarget(
            name: "congdanso-bench",
            dependencies: [
                "CongDanSoCore", "DashboardKit", "TerminalCells", "SpreadsheetReader", "OfficeDocuments", "CAllocator",
            ]),
        // Helpers that more than one test target uses (the temporary data
        // directory). A regular target under Tests/, because a test target
        // cannot depend on another test target; Foundation only.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // The command-line tests run the built `congdanso`; depending on it
        // makes `swift test` build it first.
        .testTarget(
            name: "CongDanSoCoreTests",
            dependencies: [
                "CongDanSoCore", "TextSafety", "congdanso", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(name: "TerminalCellsTests", dependencies: ["TerminalCells"]),
        // Golden frames are read from the source tree (by #filePath), not bundled.
        .testTarget(
            name: "DashboardKitTests", dependencies: ["DashboardKit", "CongDanSoCore", "CongDanSoSettings"],
            exclude: ["Golden"]),
        .testTarget(name: "CongDanSoSettingsTests", dependencies: ["CongDanSoSettings", "CongDanSoCore"]),
        // The run loop on the test backend (key scripts, read from the source
        // tree) and the live source over temporary directories.
        .testTarget(
            name: "DashboardRuntimeTests",
            dependencies: ["DashboardRuntime", "DashboardKit", "CongDanSoCore", "TerminalCells", "SpreadsheetReader"],
            exclude: ["Scripts"]),
        // Office documents: the writers' parts, the XLSX reader, and the files the built
        // binary writes read back by python-docx, openpyxl and LibreOffice.
        .testTarget(
            name: "OfficeDocumentsTests",
            dependencies: ["OfficeDocuments", "SpreadsheetReader", "CongDanSoCore", "congdanso", "TestSupport"]),
        // Real-terminal tests: the built binary in tmux.
        .testTarget(name: "TerminalTests", dependencies: ["congdanso"]),
    ]
)
