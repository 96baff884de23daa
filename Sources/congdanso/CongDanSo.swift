import ArgumentParser

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
}
