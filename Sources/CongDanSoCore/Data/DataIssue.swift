import TextSafety

/// A problem found in a data file, with where it is and what to do about it.
public struct DataIssue: Hashable, Sendable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    /// The file's path as given (relative to where the user pointed).
    public var file: String
    /// 1-based line and column (characters, not bytes); 0 when the problem
    /// concerns the whole file.
    public var line: Int
    public var column: Int
    /// What is wrong and what to do, in one or two sentences.
    public var message: String

    public init(_ severity: Severity, file: String, line: Int = 0, column: Int = 0, _ message: String) {
        self.severity = severity; self.file = file; self.line = line; self.column = column; self.message = message
    }

    /// `sample-data/units.csv:5:12: error: …`, the form compilers use, so
    /// editors and terminals can jump to the place. Safe to print: the file
    /// name and the message are untrusted (a file may be named with an escape
    /// sequence) and are cleaned by the shared rules of `TextSafety`.
    public var description: String {
        var place = file
        if line > 0 { place += ":\(line)" }
        if line > 0, column > 0 { place += ":\(column)" }
        return TextSafety.clean("\(place): \(severity.rawValue): \(message)")
    }
}

extension Array where Element == DataIssue {
    /// True when any issue is an error (warnings do not stop a load).
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [DataIssue] { filter { $0.severity == .error } }
    public var warnings: [DataIssue] { filter { $0.severity == .warning } }
}
