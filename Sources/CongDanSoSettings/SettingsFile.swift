import CongDanSoCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where `settings.toml` lives: `$XDG_CONFIG_HOME/congdanso/settings.toml`,
/// else `$HOME/.config/congdanso/settings.toml` (the XDG base directory
/// rules: an empty or relative XDG_CONFIG_HOME is ignored). Never in the
/// data directory.
public enum SettingsLocation {
    public static let folderName = "congdanso"
    public static let fileName = "settings.toml"

    /// The path for an environment; nil when neither variable gives an
    /// absolute folder (then there are no settings to read or save).
    public static func path(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return join(xdg, folderName, fileName)
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return join(home, ".config", folderName, fileName)
        }
        return nil
    }

    /// The path for this process's environment.
    public static var current: String? { path(environment: ProcessInfo.processInfo.environment) }

    private static func join(_ parts: String...) -> String {
        var out = parts[0]
        while out.count > 1, out.hasSuffix("/") { out.removeLast() }
        for p in parts.dropFirst() { out += (out.hasSuffix("/") ? "" : "/") + p }
        return out
    }
}

/// What reading `settings.toml` gave: the settings (defaults where the file
/// says nothing or something wrong) and the problems, each naming
/// file:line:column.
public struct LoadedSettings: Equatable, Sendable {
    /// The file's path; nil when there is no place for settings (no HOME).
    public var path: String?
    public var settings: Settings
    /// Problems in the file (errors) and keys it does not know (warnings).
    /// Either kind keeps the file from being written over at quit.
    public var issues: [DataIssue]
    /// Whether the file existed.
    public var exists: Bool

    public init(path: String?, settings: Settings = Settings(), issues: [DataIssue] = [], exists: Bool = false) {
        self.path = path; self.settings = settings; self.issues = issues; self.exists = exists
    }

    /// One line for the status bar or standard error when the file has
    /// problems: the first one and what happens now; nil when it read cleanly.
    public var notice: String? {
        guard let first = issues.first else { return nil }
        let more = issues.count > 1 ? " (and \(issues.count - 1) more)" : ""
        return "\(first)\(more); using the defaults for what it could not say, and leaving the file as it is"
    }
}

/// What saving at quit did.
public enum SaveOutcome: Equatable, Sendable {
    /// Written (created, or the changed lines updated).
    case saved(path: String)
    /// Nothing changed during the session: the file was not touched.
    case unchanged
    /// The file has problems (now, when re-read at quit): left as it is.
    case keptBecauseOfProblems(path: String, issues: [DataIssue])
    /// No place for settings (neither XDG_CONFIG_HOME nor HOME is set).
    case noLocation
    /// Writing failed (a read-only folder, a full disk); nothing partial was left.
    case failed(path: String, reason: String)

    /// What to tell the user after the terminal is restored; nil when
    /// there is nothing worth saying (saved, or unchanged).
    public var message: String? {
        switch self {
        case .saved, .unchanged: return nil
        case .keptBecauseOfProblems(let path, let issues):
            let first = issues.first.map { "; first: \($0)" } ?? ""
            return
                "congdanso: settings not saved: \(path) has problems and is left as it is\(first). Fix or delete it to have the settings saved again."
        case .noLocation:
            return "congdanso: settings not saved: neither XDG_CONFIG_HOME nor HOME is set."
        case .failed(let path, let reason):
            return "congdanso: settings not saved to \(path): \(reason)"
        }
    }
}

/// An error from writing the settings file.
public struct SettingsWriteError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

/// Reads and writes `settings.toml`.
///
/// Reading never fails: a missing file gives the defaults; a broken line
/// or an unknown key gives an issue naming file:line:column, and the
/// setting keeps its default while the lines that read well apply.
///
/// Writing (at the dashboard's quit) changes only the settings the user
/// changed during the session, re-reading the file first so that edits made
/// meanwhile (or by another dashboard) are kept; comments, order and
/// unknown spacing stay as they were. A file with any problem is never
/// written over: the user is told instead. Writing is atomic (a temporary
/// file in the same folder, flushed, then renamed over), so a crash or a
/// full disk never leaves half a file.
public enum SettingsFile {
    // MARK: - Reading

    /// Larger files are refused (a problem, the defaults).
    public static let maxSize = 64 * 1024

    /// Reads the file at `path` (nil: no location; the defaults).
    public static func load(path: String?) -> LoadedSettings {
        guard let path else { return LoadedSettings(path: nil) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return LoadedSettings(path: path)
        }
        if isDirectory.boolValue {
            return LoadedSettings(
                path: path, issues: [DataIssue(.error, file: path, "is a folder, not a file; remove it or rename it")],
                exists: true)
        }
        // A settings file is a few hundred bytes; a link to /dev/zero or a
        // log saved under this name must not hang or exhaust the dashboard.
        guard let handle = FileHandle(forReadingAtPath: path), let data = try? handle.read(upToCount: maxSize + 1)
        else {
            return LoadedSettings(
                path: path,
                issues: [
                    DataIssue(
                        .error, file: path,
                        "cannot be read (\(String(cString: strerror(errno)))); check its permissions")
                ],
                exists: true)
        }
        guard data.count <= maxSize else {
            return LoadedSettings(
                path: path,
                issues: [
                    DataIssue(
                        .error, file: path, "is larger than \(maxSize / 1024) KB: not a settings file; move it away")
                ],
                exists: true)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return LoadedSettings(
                path: path, issues: [DataIssue(.error, file: path, "is not UTF-8 text; save it as UTF-8")],
                exists: true)
        }
        var loaded = decode(text, file: path)
        loaded.exists = true
        return loaded
    }

    /// Reads the settings in `text`; `file` names it in the issues.
    public static func decode(_ text: String, file: String) -> LoadedSettings {
        let document = TOMLSubset.parse(text)
        var settings = Settings()
        var scratch = Settings()
        var issues = document.problems.map { problem -> DataIssue in
            var message = problem.message
            // `refresh = fast`, `mouse = off`: say what the setting takes.
            if let word = problem.bareWord, let field = problem.key.flatMap(SettingsField.init(rawValue:)),
                !field.isText, let better = field.set(.string(word), in: &scratch)
            {
                message = better
            }
            return DataIssue(
                .error, file: file, line: problem.line, column: problem.column, TextSanitizer.sanitize(message))
        }
        for entry in document.entries {
            guard let field = SettingsField(rawValue: entry.key) else {
                let known = SettingsField.allCases.map(\.key).joined(separator: ", ")
                issues.append(
                    DataIssue(
                        .warning, file: file, line: entry.line, column: entry.keyColumn,
                        "unknown setting \"\(TextSanitizer.sanitize(entry.key))\"; known: \(known)"))
                continue
            }
            if let message = field.set(entry.value, in: &settings) {
                issues.append(
                    DataIssue(
                        .error, file: file, line: entry.line, column: entry.valueColumn, TextSanitizer.sanitize(message)
                    ))
            }
        }
        issues.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        return LoadedSettings(path: file, settings: settings, issues: issues, exists: true)
    }

    // MARK: - Writing

    /// A new file: every setting with a comment on its choices; unset ones
    /// as commented-out examples.
    public static func template(_ settings: Settings) -> String {
        var out = """
            # congdanso's settings, read when the dashboard starts and updated when it quits
            # (only the settings changed with keys are written; command-line options win
            # over this file but are not saved into it). Comments and order are kept.

            """
        for field in SettingsField.allCases {
            out += "\n# \(field.comment)\n"
            if let value = field.value(in: settings) {
                out += "\(field.key) = \(value.tomlText)\n"
            } else if let example = field.unsetExample {
                out += "# \(example)\n"
            }
        }
        return out
    }

    /// `text` with the fields in `fields` set to their values in
    /// `settings`: a key's value is replaced where it stands (its comment
    /// kept), an unset one's line removed, a missing one appended. Nil when
    /// `text` has problems (it is then not to be written over).
    public static func updating(_ text: String, fields: Set<SettingsField>, to settings: Settings) -> String? {
        let document = TOMLSubset.parse(text)
        guard document.problems.isEmpty,
            document.entries.allSatisfy({ SettingsField(rawValue: $0.key) != nil })
        else { return nil }
        var lines = document.lines
        var present: Set<SettingsField> = []
        var drop: Set<Int> = []
        for entry in document.entries {
            guard let field = SettingsField(rawValue: entry.key) else { continue }
            present.insert(field)
            guard fields.contains(field) else { continue }
            guard let value = field.value(in: settings) else {
                drop.insert(entry.line - 1)
                continue
            }
            let chars = Array(lines[entry.line - 1])
            lines[entry.line - 1] =
                String(chars[..<(entry.valueColumn - 1)]) + value.tomlText
                + String(chars[(entry.valueEndColumn - 1)...])
        }
        lines = lines.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        for field in SettingsField.allCases where fields.contains(field) && !present.contains(field) {
            if let value = field.value(in: settings) { lines.append("\(field.key) = \(value.tomlText)") }
        }
        while lines.last == "" { lines.removeLast() }
        // Line ends and a byte-order mark as the file had them (Notepad's CRLF stays).
        let end = text.contains("\r\n") ? "\r\n" : "\n"
        return (text.first == "\u{FEFF}" ? "\u{FEFF}" : "") + lines.joined(separator: end) + end
    }

    /// Saves at quit: the settings that differ between `started` (what the
    /// session began with, file and command line merged) and `ended` (what
    /// it ends with) are written into the file as it is now; the others are
    /// left as the file has them, so a command-line option used once does
    /// not become a setting.
    public static func saveChanges(started: Settings, ended: Settings, path: String?) -> SaveOutcome {
        let changed = ended.differences(from: started)
        guard !changed.isEmpty else { return .unchanged }
        guard let path else { return .noLocation }
        let now = load(path: path)
        guard now.issues.isEmpty else { return .keptBecauseOfProblems(path: path, issues: now.issues) }
        let text: String
        if now.exists {
            let current = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            guard let updated = updating(current, fields: changed, to: ended) else {
                return .keptBecauseOfProblems(path: path, issues: now.issues)
            }
            text = updated
        } else {
            text = template(ended.copying(changed, onto: Settings()))
        }
        do {
            try writeAtomically(text, to: path)
            return .saved(path: path)
        } catch let error as SettingsWriteError {
            return .failed(path: path, reason: error.reason)
        } catch {
            return .failed(path: path, reason: "\(error)")
        }
    }

    /// Writes `text` to `path` atomically: the folder is created when
    /// missing, the text goes to a temporary file beside the target,
    /// flushed to disk and renamed over it, so readers see the old file or
    /// the new one, never a part. A symbolic link at `path` (dotfiles kept
    /// elsewhere) is followed and stays a link. On failure nothing is left
    /// behind and the old file is untouched.
    public static func writeAtomically(_ text: String, to path: String) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let folder = (target as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw SettingsWriteError(path: path, reason: "cannot create the folder \(folder): \(describe(error))")
        }
        var mode: mode_t = 0o644
        var info = stat()
        if stat(target, &info) == 0 { mode = info.st_mode & 0o7777 }
        let temporary = folder + "/." + (target as NSString).lastPathComponent + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw SettingsWriteError(
                path: path, reason: "cannot write in \(folder): \(String(cString: strerror(errno)))")
        }
        var failure: String?
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count, failure == nil {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno != EINTR { failure = String(cString: strerror(errno)) }
            } else {
                written += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw SettingsWriteError(path: path, reason: failure)
        }
        // The rename itself reaches the disk with the folder.
        let dirfd = open(folder, O_RDONLY | O_DIRECTORY)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
    }

    private static func describe(_ error: Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return (error as NSError).localizedDescription
    }
}
