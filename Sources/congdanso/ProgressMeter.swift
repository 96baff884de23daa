import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// "Reading the event log: 45% (240 of 530 MB)" on standard error while a
/// large log loads, redrawn in place; only when standard error is a terminal,
/// so scripts and files get nothing.
final class ProgressMeter: @unchecked Sendable {
    private var lastPercent = -1
    private var shown = false
    private let started = Date()

    /// A meter when standard error is a terminal, else nil.
    static func standardError() -> ProgressMeter? {
        isatty(STDERR_FILENO) == 1 ? ProgressMeter() : nil
    }

    /// Called with bytes read and the total; draws at most once a percent,
    /// and only once the load has taken more than a moment.
    func update(_ done: Int64, _ total: Int64) {
        guard total > 0, Date().timeIntervalSince(started) > 0.3 else { return }
        let percent = Int(done * 100 / total)
        guard percent != lastPercent else { return }
        lastPercent = percent
        shown = true
        let megabytes = { (bytes: Int64) in String(bytes / 1_000_000) }
        write("\rReading the event log: \(percent)% (\(megabytes(done)) of \(megabytes(total)) MB)")
    }

    /// Clears the line.
    func finish() {
        if shown { write("\r\u{1B}[K") }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
