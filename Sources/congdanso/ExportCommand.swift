import ArgumentParser
import CongDanSoCore
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the unit table as the dashboard shows it (sorted, filtered) as CSV, JSON or Markdown.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, markdown }

    @OptionGroup var options: DataOptions

    @Option(name: .long, help: "The moment to export, instead of the latest.")
    var at: String?

    @Option(name: .long, help: "Sort column: \(SortColumn.allCases.map(\.rawValue).joined(separator: ", ")).")
    var sort: SortColumn = .registered

    @Flag(name: .long, help: "Reverse the column's natural order (numbers largest first, names A to Z).")
    var reverse = false

    @Option(name: .long, help: "Keep units whose name contains this text (case, accents and đ ignored: \"do son\").")
    var filter: String?

    @Option(name: .long, help: "Keep one type: xã, phường or đặc khu (accents optional).")
    var type: String?

    @Option(name: .customLong("former-province"), help: "Keep one former province, e.g. \"Hải Dương\".")
    var formerProvince: String?

    @Option(name: .long, help: "Output format: csv, json or markdown.")
    var format: Format = .csv

    @Option(name: .long, help: "Language of Markdown headings and numbers: vi or en.")
    var lang: Language = .vi

    @Flag(name: .customLong("no-bom"), help: "Leave out the UTF-8 byte-order mark that helps Excel read CSV.")
    var noBOM = false

    @Option(
        name: [.short, .long],
        help:
            "Write to this file instead of standard output: replaced whole or not at all, through symbolic links, keeping its mode and owner."
    )
    var output: String?

    func validate() throws {
        if let type, UnitType(parsing: type) == nil { throw ValidationError("--type must be xã, phường or đặc khu") }
    }

    func run() throws {
        let dataset = try options.load()
        let moment = try at.map { try parseMoment($0, offset: dataset.config.timeZone) }
        let standings = Standings(dataset: dataset, at: moment, now: Clock.now)
        let query = TableQuery(
            sort: sort, reversed: reverse, text: filter ?? "",
            type: type.flatMap(UnitType.init(parsing:)), formerProvince: formerProvince)
        let rows = query.apply(to: standings)
        let text: String
        switch format {
        case .csv: text = TableExport.csv(rows, standings: standings, byteOrderMark: !noBOM)
        case .json: text = TableExport.json(rows)
        case .markdown: text = TableExport.markdown(rows, lang)
        }
        try CommandOutput.emit(Array(text.utf8), to: output)
        if let output { CommandOutput.note("wrote \(rows.count) units to \(output)") }
    }
}
