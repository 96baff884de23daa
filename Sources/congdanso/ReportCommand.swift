import ArgumentParser
import CongDanSoCore
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the day's statistics: the letter's sentences, the goal, the totals.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @OptionGroup var options: DataOptions

    @Option(name: .long, help: "Report the state at this moment instead of the latest, e.g. 2025-10-21T15:30:00+07:00.")
    var at: String?

    @Option(name: .long, help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Option(name: .long, help: "Language of text and Markdown: vi or en.")
    var lang: Language = .vi

    func run() throws {
        let standings = try options.standings(at: at)
        if at == nil { warnIfLate(standings, now: Clock.now) }
        switch format {
        case .text: try CommandOutput.emit(TextReport.render(standings, lang))
        case .json: try CommandOutput.emit(JSONReport.render(standings))
        case .markdown: try CommandOutput.emit(MarkdownReport.render(standings, lang))
        }
    }
}

/// The data's moment on standard error when it is older than `stale_after`
/// (the report itself states the moment: "Tính đến 15h00 ngày 22/10/2025").
func warnIfLate(_ standings: Standings, now: Timestamp) {
    let staleAfter = Freshness.staleAfterSeconds(standings.dataset)
    guard Freshness.of(moment: standings.moment, now: now, staleAfterSeconds: staleAfter, readFailed: false) == .late
    else { return }
    let offset = standings.config.timeZone
    let age = Freshness.ageText(Freshness.ageSeconds(moment: standings.moment, now: now), .en)
    StandardError().write(
        "congdanso: warning: the data's latest moment is \(standings.moment.iso8601(offset: offset)), \(age) by this machine's clock: older than stale_after (\(Freshness.durationText(staleAfter))); the feed may have stopped"
    )
}
