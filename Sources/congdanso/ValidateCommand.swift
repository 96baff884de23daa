import ArgumentParser
import CongDanSoCore
import TextSafety

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a data directory and list every problem as file:line:column.",
        discussion: "Exits 0 when there are no errors (warnings are listed but allowed), 1 otherwise.")

    @OptionGroup var options: DataOptions

    func run() throws {
        let meter = ProgressMeter.standardError()
        let result = DataDirectory.load(
            options.directory, overrides: options.overrides, events: options.events,
            progress: meter?.update)
        meter?.finish()
        var out = ""
        for issue in result.issues { out += issue.description + "\n" }
        for (file, reason) in result.skipped { out += TextSafety.clean("\(file): skipped: \(reason)") + "\n" }
        let errors = result.issues.errors.count, warnings = result.issues.warnings.count
        let counts = "\(count(errors, "error")), \(count(warnings, "warning"))"
        if let dataset = result.dataset {
            let rows = dataset.histories.reduce(0) { $0 + $1.count }
            let tz = dataset.config.timeZone
            let span =
                dataset.firstMoment.map { first in
                    " from \(first.iso8601(offset: tz)) to \(dataset.latestMoment!.iso8601(offset: tz))"
                } ?? ""
            out +=
                TextSafety.clean(
                    "\(options.directory): \(count(dataset.units.count, "unit")), \(count(rows, "history entry"))\(span); \(counts)"
                ) + "\n"
        } else {
            out += TextSafety.clean("\(options.directory): \(counts)") + "\n"
        }
        try CommandOutput.emit(out)
        if errors > 0 { throw ExitCode(1) }
    }

    private func count(_ n: Int, _ noun: String) -> String {
        n == 1 ? "1 \(noun)" : "\(n) " + (noun.hasSuffix("y") ? noun.dropLast() + "ies" : noun + "s")
    }
}
