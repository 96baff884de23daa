import ArgumentParser
import CAllocator

@main
struct CongDanSo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "congdanso",
        abstract: "Dashboard, reports and exports for the \"Công dân số Hải Phòng\" contest.",
        discussion: "With no subcommand, opens the dashboard on the project's sample-data/.",
        version: CongDanSoVersion.current,
        subcommands: [
            DashboardCommand.self, ReportCommand.self, ExportCommand.self, LetterCommand.self, ValidateCommand.self,
            ReplayCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )

    /// As ArgumentParser's own `main`, but its messages (which quote the
    /// values given, escape sequences and all) are printed terminal-safe and
    /// checked, through `CommandOutput`.
    static func main() {
        // Before any thread allocates (see CAllocator.c).
        _ = cds_tune_allocator_for_large_reads()
        do {
            var command = try parseAsRoot()
            try command.run()
            KeptUntilExit.releaseBeforeExit()
        } catch {
            CommandOutput.exit(fullMessage(for: error), status: exitCode(for: error))
        }
    }
}
