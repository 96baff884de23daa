import CongDanSoCore
import DashboardKit
import Foundation
import Synchronization

/// Re-reads the data directory off the UI thread when its files change, and
/// hands the result to the run loop as a `Message`. Checking is cheap (file
/// sizes, times and inodes); the data is read only when they differ.
final class Reloader: Sendable {
    private let directory: String
    private let overrides: ConfigOverrides
    private let inbox = Mutex<[Message]>([])
    private let state: Mutex<(fingerprint: DirectoryFingerprint, loading: Bool)>

    init(directory: String, overrides: ConfigOverrides, loadedFingerprint: DirectoryFingerprint) {
        self.directory = directory
        self.overrides = overrides
        state = Mutex((loadedFingerprint, false))
    }

    /// Starts a reload in the background if the files changed since the last
    /// load (or always, when `force`). Does nothing while one is running.
    func check(force: Bool = false) {
        let current = DirectoryFingerprint.read(directory)
        let start = state.withLock { s -> Bool in
            guard !s.loading, force || current != s.fingerprint else { return false }
            s.loading = true
            return true
        }
        guard start else { return }
        let directory = self.directory, overrides = self.overrides
        Thread.detachNewThread { [self] in
            // Read the fingerprint before the data, so a change made during
            // the read triggers another reload rather than being missed.
            let before = DirectoryFingerprint.read(directory)
            let result = DataDirectory.load(directory, overrides: overrides)
            let message: Message
            if let dataset = result.dataset {
                message = .loaded(Standings(dataset: dataset, now: Clock.now), at: Clock.now)
            } else {
                message = .loadFailed(Reloader.summary(result.issues), at: Clock.now)
            }
            inbox.withLock { $0.append(message) }
            state.withLock { s in
                // Keep a failed fingerprint too: retry only when files change again.
                s.fingerprint = before
                s.loading = false
            }
        }
    }

    /// Messages that arrived since the last call.
    func drain() -> [Message] {
        inbox.withLock { messages in
            defer { messages.removeAll() }
            return messages
        }
    }

    /// The first error, and how many more there are, for the status line.
    static func summary(_ issues: [DataIssue]) -> String {
        let errors = issues.errors
        guard let first = errors.first else { return "unknown error" }
        return errors.count > 1 ? "\(first.description) (+\(errors.count - 1))" : first.description
    }
}
