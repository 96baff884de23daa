import ArgumentParser
import CongDanSoCore

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the live dashboard (the default command).")

    @OptionGroup var options: DataOptions

    func run() throws {
        _ = try options.load()
        StandardError().write("congdanso: the dashboard is not built yet; use `congdanso report` or `congdanso export`.")
        throw ExitCode(2)
    }
}
