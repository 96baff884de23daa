import Foundation

/// A data directory in a fresh temporary folder, with its (empty)
/// `snapshots` folder, removed when the value goes away. Shared by the
/// core's and the office documents' tests; each adds what it needs on top
/// (loading the dataset, writing a workbook).
public final class TempDataDir: @unchecked Sendable {
    public let url: URL
    public var path: String { url.path }

    /// Writes `units.csv`, `snapshots/<name>` and `config.toml` from text
    /// (UTF-8, exactly as given: put "\r\n" or a BOM in the string to test them).
    public init(units: String? = nil, snapshots: [String: String] = [:], config: String? = nil) {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("congdanso-tests-\(UUID().uuidString)")
        // A data directory has its snapshots folder (empty until counts arrive).
        try! FileManager.default.createDirectory(
            at: url.appendingPathComponent("snapshots"), withIntermediateDirectories: true)
        if let units { write("units.csv", units) }
        // Files written whole end with a line end (as editors and Excel write
        // them); a last line without one is a file being written, tested apart.
        for (name, text) in snapshots {
            write("snapshots/" + name, text.hasSuffix("\n") || text.isEmpty ? text : text + "\n")
        }
        if let config { write("config.toml", config) }
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes a file (folders created as needed) from text, as UTF-8.
    public func write(_ relative: String, _ text: String) {
        write(relative, bytes: Array(text.utf8))
    }

    public func write(_ relative: String, bytes: [UInt8]) {
        let file = url.appendingPathComponent(relative)
        try! FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: file)
    }

    /// Renames a file in place, as logrotate does (one `rename`: the inode,
    /// and any reader holding it open, go with it); true when it worked.
    public func move(_ relative: String, to newName: String) -> Bool {
        rename(url.appendingPathComponent(relative).path, url.appendingPathComponent(newName).path) == 0
    }

    public func remove(_ relative: String) {
        try? FileManager.default.removeItem(at: url.appendingPathComponent(relative))
    }
}
