import ArgumentParser
import CongDanSoCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a data directory and list every problem as file:line:column.",
        discussion: "Exits 0 when there are no errors (warnings are listed but allowed), 1 otherwise.")

    @OptionGroup var options: DataOptions

    func run() throws {
        let result = DataDirectory.load(options.directory, overrides: options.overrides)
        for issue in result.issues { print(issue.description) }
        let errors = result.issues.errors.count, warnings = result.issues.warnings.count
        let counts = "\(count(errors, "error")), \(count(warnings, "warning"))"
        if let dataset = result.dataset {
            let rows = dataset.histories.reduce(0) { $0 + $1.count }
            print("\(options.directory): \(count(dataset.units.count, "unit")), \(count(rows, "row")) at \(count(dataset.moments.count, "moment")); \(counts)")
        } else {
            print("\(options.directory): \(counts)")
        }
        if errors > 0 { throw ExitCode(1) }
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
