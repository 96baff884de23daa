#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the data files of a directory look like on disk (size, modification
/// time, inode), so a watcher can tell cheaply whether anything changed
/// without reading contents. An atomic replace changes the inode; an append
/// changes the size and time.
public struct DirectoryFingerprint: Hashable, Sendable {
    struct Stamp: Hashable, Sendable {
        var size: Int64
        var modifiedNanoseconds: Int64
        var inode: UInt64
    }

    private var stamps: [String: Stamp]

    /// Reads the stamps of `units.csv`, `config.toml`, `snapshots/*.csv` and,
    /// unless `includingEventLog` is false, the event log (`events.csv` and
    /// its rotated siblings) under `directory`. Missing files are simply absent.
    public static func read(_ directory: String, includingEventLog: Bool = true) -> DirectoryFingerprint {
        var paths = ["units.csv", "units.xlsx", ConfigLoader.fileName].map { directory + "/" + $0 }
        if includingEventLog { paths += eventLog(directory + "/" + EventLogSource.fileName) }
        // The snapshot files themselves, not the folder's own time: an office
        // lock file or a hidden file coming and going is no change to the data.
        paths += DataDirectory.listCSV(directory + "/snapshots")
        return of(paths)
    }

    /// The paths of an event log: the file and its rotated siblings (a
    /// rotation, a sibling compressed, are changes to the log).
    public static func eventLog(_ path: String) -> [String] {
        [path] + EventLogFiles.siblings(of: path).map(\.path)
    }

    /// The stamps of an event log with its rotated siblings (none for nil):
    /// what a followed log's change is judged by, so that a rotation
    /// (a sibling appearing or growing) is seen as well as an append.
    public static func ofEventLog(_ path: String?) -> DirectoryFingerprint {
        of(path.map(eventLog) ?? [])
    }

    /// The stamps of the given files (a single event log, say).
    public static func of(_ paths: [String]) -> DirectoryFingerprint {
        var stamps: [String: Stamp] = [:]
        for path in paths {
            var st = stat()
            guard stat(path, &st) == 0 else { continue }
            #if canImport(Darwin)
                let ns = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
            #else
                let ns = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
            #endif
            stamps[path] = Stamp(size: Int64(st.st_size), modifiedNanoseconds: ns, inode: UInt64(st.st_ino))
        }
        return DirectoryFingerprint(stamps: stamps)
    }
}
