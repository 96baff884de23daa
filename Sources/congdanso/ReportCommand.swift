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
        let dataset = try options.load()
        let moment = try at.map { try parseMoment($0, offset: dataset.config.timeZone) }
        let standings = Standings(dataset: dataset, at: moment, now: Clock.now)
        switch format {
        case .text: try CommandOutput.emit(TextReport.render(standings, lang))
        case .json: try CommandOutput.emit(JSONReport.render(standings))
        case .markdown: try CommandOutput.emit(MarkdownReport.render(standings, lang))
        }
    }
}
