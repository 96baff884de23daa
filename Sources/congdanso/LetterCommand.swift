import ArgumentParser
import CongDanSoCore
import Foundation
import OfficeDocuments

struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Write the day's official letter (công văn) with its appendix table as a Word file.",
        discussion: """
            The statistics paragraphs are the report's sentences; the other words come from \
            letter.mustache in the data directory (letter.en.mustache for --lang en), or from the \
            built-in template that reproduces the Department's letter. --print-template prints it.
            """)

    @OptionGroup var options: DataOptions

    @Option(name: .long, help: "The moment to report, instead of the latest.")
    var at: String?

    @Option(name: .long, help: "Language of the letter: vi or en.")
    var lang: Language = .vi

    @Option(name: .long, help: "A template file to use instead of the data directory's or the built-in one.")
    var template: String?

    @Flag(name: .customLong("print-template"), help: "Print the built-in template (to start your own) and exit.")
    var printTemplate = false

    @Option(name: [.short, .long], help: "The .docx file to write.")
    var output: String?

    func validate() throws {
        if !printTemplate, output == nil { throw ValidationError("add -o FILE.docx: the letter is written to a file") }
    }

    func run() throws {
        if printTemplate {
            print(LetterTemplate.builtIn(lang).source)
            return
        }
        let standings = try options.standings(at: at)
        let chosen = try loadTemplate()
        let bytes: Data
        do {
            bytes = try LetterDocument.docx(standings, template: chosen, lang: lang)
        } catch let failure as LetterTemplate.Failure {
            StandardError().write(failure.description)
            throw ExitCode(1)
        }
        let output = output!
        // The commands' one writer: through symlinks, keeping mode and owner, whole or not at all.
        try CommandOutput.emit(Array(bytes), to: output)
        CommandOutput.note("wrote the letter (template: \(chosen.origin)) to \(output)")
    }

    /// `--template`, else the data directory's template for the language, else the built-in one.
    private func loadTemplate() throws -> LetterTemplate {
        let path = template ?? (options.directory + "/" + LetterTemplate.fileName(lang))
        guard template != nil || FileManager.default.fileExists(atPath: path) else { return .builtIn(lang) }
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else {
            StandardError().write("\(path): error: cannot read the template as UTF-8 text")
            throw ExitCode(1)
        }
        return LetterTemplate(source: text, origin: path)
    }
}
