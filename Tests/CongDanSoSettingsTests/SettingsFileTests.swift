import CongDanSoCore
import Foundation
import Testing

@testable import CongDanSoSettings

/// A fresh folder under the system's temporary folder, removed at the end.
final class TemporaryFolder {
    let path: String
    init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("congdanso-settings-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit {
        chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }
    func file(_ relative: String) -> String { path + "/" + relative }
    func write(_ relative: String, _ text: String) throws {
        let p = file(relative)
        try FileManager.default.createDirectory(
            atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: p, atomically: false, encoding: .utf8)
    }
    func read(_ relative: String) throws -> String { try String(contentsOfFile: file(relative), encoding: .utf8) }
    func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }
}

@Suite("Settings location")
struct SettingsLocationTests {
    @Test("XDG_CONFIG_HOME first, then ~/.config; never the data directory")
    func rules() {
        #expect(
            SettingsLocation.path(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/a"])
                == "/x/cfg/congdanso/settings.toml")
        #expect(
            SettingsLocation.path(environment: ["XDG_CONFIG_HOME": "/x/cfg/", "HOME": "/home/a"])
                == "/x/cfg/congdanso/settings.toml")
        #expect(SettingsLocation.path(environment: ["HOME": "/home/a"]) == "/home/a/.config/congdanso/settings.toml")
        // The XDG rules: an empty or relative XDG_CONFIG_HOME is ignored.
        #expect(
            SettingsLocation.path(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/a"])
                == "/home/a/.config/congdanso/settings.toml")
        #expect(
            SettingsLocation.path(environment: ["XDG_CONFIG_HOME": "cfg", "HOME": "/home/a"])
                == "/home/a/.config/congdanso/settings.toml")
        #expect(SettingsLocation.path(environment: ["HOME": "/"]) == "/.config/congdanso/settings.toml")
        #expect(SettingsLocation.path(environment: [:]) == nil)
        #expect(SettingsLocation.path(environment: ["HOME": ""]) == nil)
    }
}

@Suite("Settings file")
struct SettingsFileTests {
    static var everythingSet: Settings {
        var s = Settings()
        s.language = .en
        s.sort = .completionRate
        s.sortDirection = .ascending
        s.refreshSeconds = 1
        s.theme = .highContrast
        s.mouse = false
        s.rotateSeconds = 45
        s.exportFolder = "~/xuất \"dữ liệu\"\\csv"
        return s
    }

    @Test("a missing file gives the defaults and no issue")
    func missing() throws {
        let folder = try TemporaryFolder()
        let loaded = SettingsFile.load(path: folder.file("congdanso/settings.toml"))
        #expect(loaded.settings == Settings())
        #expect(loaded.issues.isEmpty)
        #expect(!loaded.exists)
        #expect(loaded.notice == nil)
        #expect(SettingsFile.load(path: nil).settings == Settings())
    }

    @Test("round trip: a new file holds every setting and reads back the same")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("cfg/congdanso/settings.toml")
        let outcome = SettingsFile.saveChanges(started: Settings(), ended: Self.everythingSet, path: path)
        #expect(outcome == .saved(path: path))
        let loaded = SettingsFile.load(path: path)
        #expect(loaded.issues.isEmpty, "\(loaded.issues)")
        #expect(loaded.settings == Self.everythingSet)
        // And through the template alone, for the defaults and every theme and column.
        for theme in [nil] + ThemeName.allCases.map(Optional.some) {
            for column in SortColumn.allCases {
                var s = Settings()
                s.theme = theme
                s.sort = column
                let back = SettingsFile.decode(SettingsFile.template(s), file: "t")
                #expect(back.issues.isEmpty)
                #expect(back.settings == s)
            }
        }
    }

    @Test("the file reads as the README shows it")
    func readme() {
        let text = """
            language = "en"
            sort = "completion_rate"
            sort_direction = "ascending"
            refresh = 10
            theme = "light"
            mouse = false
            rotate = 30
            export_folder = "~/congdanso-exports"
            """
        let loaded = SettingsFile.decode(text, file: "settings.toml")
        #expect(loaded.issues.isEmpty)
        #expect(loaded.settings.language == .en)
        #expect(loaded.settings.sort == .completionRate)
        #expect(loaded.settings.sortDirection == .ascending)
        #expect(loaded.settings.sortReversed)
        #expect(loaded.settings.refreshSeconds == 10)
        #expect(loaded.settings.theme == .light)
        #expect(loaded.settings.mouse == false)
        #expect(loaded.settings.rotateSeconds == 30)
        #expect(loaded.settings.exportFolderPath(home: "/home/a") == "/home/a/congdanso-exports")
    }

    @Test("the README's example reads without a problem")
    func readmeExample() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try #require(text.range(of: "## Settings\n"))
        let start = try #require(text.range(of: "```toml\n", range: section.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let loaded = SettingsFile.decode(String(text[start.upperBound..<end.lowerBound]), file: "README.md")
        #expect(loaded.issues.isEmpty, "\(loaded.issues)")
        #expect(loaded.settings.theme == .light)
        #expect(loaded.settings.rotateSeconds == 30)
        #expect(loaded.settings.exportFolder == "~/congdanso-exports")
    }

    @Test("a broken file: each problem named file:line:column, the defaults for it, the good lines kept")
    func broken() {
        let text = """
            # my settings
            language = "en"
            theme = ligth
            refresh = 0
            sort = "registered
            mouse = "no"
            colour = true
            refresh = 10
            [dashboard]
            """
        let loaded = SettingsFile.decode(text, file: "/h/.config/congdanso/settings.toml")
        let lines = loaded.issues.map(\.description)
        #expect(
            lines == [
                "/h/.config/congdanso/settings.toml:3:9: error: a text value must be in double quotes, like theme = \"ligth\"; true and false are not quoted",
                "/h/.config/congdanso/settings.toml:4:11: error: refresh must be a whole number of seconds from 1 to 3600, like refresh = 5",
                "/h/.config/congdanso/settings.toml:5:8: error: the string has no closing \" on this line",
                "/h/.config/congdanso/settings.toml:6:9: error: mouse must be true or false, without quotes",
                "/h/.config/congdanso/settings.toml:7:1: warning: unknown setting \"colour\"; known: language, sort, sort_direction, refresh, theme, mouse, rotate, export_folder",
                "/h/.config/congdanso/settings.toml:8:1: error: refresh is already set on line 4; keep one of the two",
                "/h/.config/congdanso/settings.toml:9:1: error: sections ([name]) are not used in this file; write key = value lines only",
            ])
        var expected = Settings()
        expected.language = .en
        #expect(loaded.settings == expected)
        #expect(loaded.notice?.hasPrefix("/h/.config/congdanso/settings.toml:3:9: error:") == true)
        #expect(loaded.notice?.contains("(and 6 more)") == true)
    }

    @Test("unknown words name the choices")
    func unknownWords() {
        let loaded = SettingsFile.decode(
            "theme = \"solarized\"\nlanguage = \"fr\"\nrotate = 1\nmouse = off\nrefresh = 1.5\nsort = name\n", file: "s"
        )
        #expect(
            loaded.issues.map(\.description) == [
                "s:1:9: error: theme \"solarized\" is unknown; write one of \"dark\", \"light\", \"high-contrast\", \"mono\"",
                "s:2:12: error: language \"fr\" is unknown; write one of \"vi\", \"en\"",
                "s:3:10: error: rotate must be 0 (off) or a whole number of seconds from 3 to 3600, like rotate = 30",
                "s:4:9: error: mouse must be true or false, without quotes",
                "s:5:11: error: refresh must be a whole number of seconds from 1 to 3600, like refresh = 5",
                "s:6:8: error: a text value must be in double quotes, like sort = \"name\"; true and false are not quoted",
            ])
        #expect(loaded.settings == Settings())
    }

    @Test(
        "the core's TOML reader decides by TOML 1.0: no \\e escape, no raw control in '…', a second line for a badly set key"
    )
    func tomlOnePointZero() {
        let loaded = SettingsFile.decode(
            "export_folder = \"a\\eb\"\ntheme = 'x\u{1B}'\nmouse = off\nmouse = true\n", file: "s")
        #expect(loaded.issues.map { [$0.line, $0.column] } == [[1, 19], [2, 11], [3, 9], [4, 1]])
        #expect(loaded.issues[0].message.hasPrefix("\\e is not a TOML escape"))
        #expect(loaded.issues[3].message == "mouse is already set on line 3; keep one of the two")
        #expect(loaded.settings == Settings())
    }

    @Test("columns count characters, so accents do not shift them")
    func columnsInCharacters() {
        let loaded = SettingsFile.decode("export_folder = \"Xuất\" trailing\n", file: "s")
        #expect(loaded.issues.map(\.column) == [24])
    }

    @Test("unreadable files: a folder, not UTF-8; never a crash")
    func unreadable() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(
            atPath: folder.file("a/settings.toml"), withIntermediateDirectories: true)
        let asFolder = SettingsFile.load(path: folder.file("a/settings.toml"))
        #expect(asFolder.issues.first?.description.contains("is a folder") == true)
        #expect(asFolder.settings == Settings())
        FileManager.default.createFile(
            atPath: folder.file("latin1.toml"), contents: Data([0x74, 0x3D, 0x22, 0xE9, 0x22]))
        let latin1 = SettingsFile.load(path: folder.file("latin1.toml"))
        #expect(
            latin1.issues.map(\.description) == [
                folder.file("latin1.toml") + ": error: is not UTF-8 text; save it as UTF-8"
            ])
    }

    @Test("a BOM, CRLF and comments are fine")
    func windowsFile() {
        let loaded = SettingsFile.decode("\u{FEFF}language = \"en\" # English\r\nmouse = false\r\n\r\n", file: "s")
        #expect(loaded.issues.isEmpty)
        #expect(loaded.settings.language == .en)
        #expect(loaded.settings.mouse == false)
    }

    @Test("a Windows file keeps its BOM and CRLF when updated")
    func windowsUpdate() throws {
        var ended = Settings()
        ended.mouse = false
        let updated = SettingsFile.updating(
            "\u{FEFF}language = \"en\"\r\nmouse = true # htop -M\r\n", fields: [.mouse], to: ended)
        #expect(updated == "\u{FEFF}language = \"en\"\r\nmouse = false # htop -M\r\n")
        #expect(SettingsFile.updating("theme = dark\n", fields: [.mouse], to: ended) == nil)
    }

    @Test("a huge file (a link to a log, /dev/zero) is refused, not read")
    func huge() throws {
        let folder = try TemporaryFolder()
        try folder.write("big.toml", String(repeating: "# padding\n", count: 10_000))
        let loaded = SettingsFile.load(path: folder.file("big.toml"))
        #expect(loaded.issues.map(\.message) == ["is larger than 64 KB: not a settings file; move it away"])
        #expect(loaded.settings == Settings())
        let zero = SettingsFile.load(path: "/dev/zero")
        #expect(zero.issues.count == 1)
    }

    @Test("a broken file is not written over at quit, and the user is told")
    func brokenKept() throws {
        let folder = try TemporaryFolder()
        let text = "language = \"en\"\ntheme = ligth\n"
        try folder.write("congdanso/settings.toml", text)
        var ended = Settings()
        ended.refreshSeconds = 30
        let outcome = SettingsFile.saveChanges(
            started: Settings(), ended: ended, path: folder.file("congdanso/settings.toml"))
        guard case .keptBecauseOfProblems(_, let issues) = outcome else {
            Issue.record("expected the file kept, got \(outcome)")
            return
        }
        #expect(issues.count == 1)
        #expect(try folder.read("congdanso/settings.toml") == text)
        #expect(outcome.message?.contains("settings.toml:2:9: error") == true)
        #expect(outcome.message?.contains("left as it is") == true)
        // An unknown key (a newer version's, say) keeps the file too.
        try folder.write("congdanso/settings.toml", "colour = true\n")
        guard
            case .keptBecauseOfProblems = SettingsFile.saveChanges(
                started: Settings(), ended: ended, path: folder.file("congdanso/settings.toml"))
        else {
            Issue.record("an unknown key must keep the file")
            return
        }
        #expect(try folder.read("congdanso/settings.toml") == "colour = true\n")
    }

    @Test("only what changed in the session is written; comments, order and other values are kept")
    func updateInPlace() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("congdanso/settings.toml")
        let original = """
            # wall screen in room 3
            refresh   =  10   # slow link
            theme = "dark"
            language = "vi"
            export_folder = "/srv/xuất"

            """
        try folder.write("congdanso/settings.toml", original)
        let file = SettingsFile.load(path: path).settings
        // Started with --refresh 1 and --lang en on the command line ...
        let started = file.applying(SettingsOverrides(language: .en, refreshSeconds: 1))
        // ... and during the session: sorted by name, theme and export folder unset, rotation on.
        var ended = started
        ended.setSort(.name, reversed: false)
        ended.theme = nil
        ended.exportFolder = nil
        ended.rotateSeconds = 20
        #expect(SettingsFile.saveChanges(started: started, ended: ended, path: path) == .saved(path: path))
        #expect(
            try folder.read("congdanso/settings.toml") == """
                # wall screen in room 3
                refresh   =  10   # slow link
                language = "vi"
                sort = "name"
                sort_direction = "ascending"
                rotate = 20

                """)
        // The command line's --refresh 1 and --lang en were not saved.
        let back = SettingsFile.load(path: path).settings
        #expect(back.refreshSeconds == 10)
        #expect(back.language == .vi)
        #expect(back.sort == .name)
    }

    @Test("a session that changed nothing does not touch or create the file")
    func unchanged() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("congdanso/settings.toml")
        let started = Settings().applying(SettingsOverrides(refreshSeconds: 1))
        #expect(SettingsFile.saveChanges(started: started, ended: started, path: path) == .unchanged)
        #expect(!FileManager.default.fileExists(atPath: path))
        var ended = started
        ended.mouse = false
        #expect(SettingsFile.saveChanges(started: started, ended: ended, path: nil) == .noLocation)
    }

    @Test("edits made to the file while the dashboard ran are kept")
    func concurrentEdit() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("congdanso/settings.toml")
        try folder.write("congdanso/settings.toml", "refresh = 10\n")
        let started = SettingsFile.load(path: path).settings
        // Another dashboard, or an editor, changes the theme meanwhile.
        try folder.write("congdanso/settings.toml", "refresh = 10\ntheme = \"light\"\n")
        var ended = started
        ended.mouse = false
        #expect(SettingsFile.saveChanges(started: started, ended: ended, path: path) == .saved(path: path))
        #expect(try folder.read("congdanso/settings.toml") == "refresh = 10\ntheme = \"light\"\nmouse = false\n")
    }

    @Test("the folder is created; the write is atomic and leaves no temporary file")
    func atomicWrite() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("deep/er/congdanso/settings.toml")
        try SettingsFile.writeAtomically("a = 1\n", to: path)
        try SettingsFile.writeAtomically("a = 2\n", to: path)
        #expect(try folder.read("deep/er/congdanso/settings.toml") == "a = 2\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.file("deep/er/congdanso")) == ["settings.toml"])
    }

    @Test("a settings file that is a symbolic link stays one")
    func symlink() throws {
        let folder = try TemporaryFolder()
        try folder.write("dotfiles/congdanso.toml", "mouse = true\n")
        try FileManager.default.createDirectory(atPath: folder.file("cfg/congdanso"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.file("cfg/congdanso/settings.toml"),
            withDestinationPath: folder.file("dotfiles/congdanso.toml"))
        var ended = Settings()
        ended.mouse = false
        let path = folder.file("cfg/congdanso/settings.toml")
        #expect(SettingsFile.saveChanges(started: Settings(), ended: ended, path: path) == .saved(path: path))
        #expect(try folder.read("dotfiles/congdanso.toml") == "mouse = false\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
    }

    @Test("a read-only folder: a clear failure, the old file intact, nothing partial left")
    func readOnlyFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("congdanso/settings.toml", "refresh = 10\n")
        let dir = folder.file("congdanso")
        chmod(dir, 0o555)
        defer { chmod(dir, 0o755) }
        var ended = Settings()
        ended.refreshSeconds = 30
        // Root writes into read-only folders; /proc refuses everyone.
        let path = geteuid() == 0 ? "/proc/congdanso-test/settings.toml" : dir + "/settings.toml"
        let outcome = SettingsFile.saveChanges(started: Settings(), ended: ended, path: path)
        guard case .failed(let failedPath, let reason) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(failedPath == path)
        #expect(!reason.isEmpty)
        #expect(outcome.message?.hasPrefix("congdanso: settings not saved to \(path): ") == true)
        #expect(try folder.read("congdanso/settings.toml") == "refresh = 10\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["settings.toml"])
        if geteuid() != 0 {
            #expect(throws: SettingsWriteError.self) {
                try SettingsFile.writeAtomically("x = 1\n", to: dir + "/settings.toml")
            }
        }
    }

    @Test("a file that cannot be written into (an existing folder, not writable) fails without a trace")
    func targetIsFolder() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(
            atPath: folder.file("c/settings.toml"), withIntermediateDirectories: true)
        #expect(throws: SettingsWriteError.self) {
            try SettingsFile.writeAtomically("x = 1\n", to: folder.file("c/settings.toml"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("c")) == ["settings.toml"])
    }
}

@Suite("Settings and the command line")
struct SettingsMergeTests {
    @Test("the command line wins over the file; what it leaves out comes from the file")
    func commandLineWins() {
        var file = Settings()
        file.language = .en
        file.refreshSeconds = 30
        file.theme = .light
        file.mouse = false
        file.rotateSeconds = 60
        let merged = file.applying(SettingsOverrides(refreshSeconds: 1, theme: .mono, mouse: true, rotateSeconds: 0))
        #expect(merged.language == .en)
        #expect(merged.refreshSeconds == 1)
        #expect(merged.theme == .mono)
        #expect(merged.mouse == true)
        #expect(merged.rotateSeconds == nil)
        #expect(file.applying(SettingsOverrides()) == file)
    }

    @Test("sort direction and the table query's reversed flag")
    func sortDirection() {
        var s = Settings()
        #expect(s.sort == .registered && s.sortDirection == .descending && !s.sortReversed)
        s.setSort(.name, reversed: false)
        #expect(s.sortDirection == .ascending && !s.sortReversed)
        s.setSort(.name, reversed: true)
        #expect(s.sortDirection == .descending && s.sortReversed)
        s.setSort(.coverage, reversed: true)
        #expect(s.sortDirection == .ascending && s.sortReversed)
        for column in SortColumn.allCases {
            for reversed in [false, true] {
                var t = Settings()
                t.setSort(column, reversed: reversed)
                #expect(t.sortReversed == reversed)
            }
        }
    }

    @Test("export folder: ~ is the home folder, others as written")
    func exportFolder() {
        var s = Settings()
        #expect(s.exportFolderPath(home: "/home/a") == nil)
        s.exportFolder = "~"
        #expect(s.exportFolderPath(home: "/home/a") == "/home/a")
        s.exportFolder = "~/x"
        #expect(s.exportFolderPath(home: "/home/a") == "/home/a/x")
        s.exportFolder = "out"
        #expect(s.exportFolderPath(home: "/home/a") == "out")
        #expect(Settings().applying(SettingsOverrides(exportFolder: "")).exportFolder == nil)
    }
}

@Suite("Settings over a run")
struct SettingsSessionTests {
    @Test("start reads XDG_CONFIG_HOME's file and merges the command line; finish saves the keys' changes only")
    func run() throws {
        let folder = try TemporaryFolder()
        try folder.write("xdg/congdanso/settings.toml", "refresh = 30\ntheme = \"light\"\n")
        let environment = ["XDG_CONFIG_HOME": folder.file("xdg"), "HOME": folder.file("home")]
        let session = SettingsSession.start(overrides: SettingsOverrides(refreshSeconds: 1), environment: environment)
        #expect(session.notice == nil)
        #expect(session.settings.refreshSeconds == 1)
        #expect(session.settings.theme == .light)
        var ended = session.settings
        ended.language = .en
        #expect(session.finish(ended: ended) == .saved(path: folder.file("xdg/congdanso/settings.toml")))
        #expect(
            try folder.read("xdg/congdanso/settings.toml") == "refresh = 30\ntheme = \"light\"\nlanguage = \"en\"\n")
        #expect(!FileManager.default.fileExists(atPath: folder.file("home")))
    }

    @Test("a broken file: a notice at start, defaults, and left alone at quit with a message")
    func broken() throws {
        let folder = try TemporaryFolder()
        try folder.write(".config/congdanso/settings.toml", "refresh = fast\n")
        let session = SettingsSession.start(overrides: SettingsOverrides(), environment: ["HOME": folder.path])
        #expect(
            session.notice
                == folder.file(".config/congdanso/settings.toml")
                + ":1:11: error: refresh must be a whole number of seconds from 1 to 3600, like refresh = 5; using the defaults for what it could not say, and leaving the file as it is"
        )
        #expect(session.settings == Settings())
        var ended = session.settings
        ended.mouse = false
        let outcome = session.finish(ended: ended)
        #expect(outcome.message?.contains("settings not saved") == true)
        #expect(try folder.read(".config/congdanso/settings.toml") == "refresh = fast\n")
    }
}
