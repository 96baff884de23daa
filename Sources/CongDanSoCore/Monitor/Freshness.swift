/// How fresh the data on screen is, against the machine's clock.
///
/// Three states, each shown with its own glyph, word and colour:
/// - `live`: the newest data is younger than `stale_after`;
/// - `late`: it is older (the feed may have stopped, or the data is an old
///   copy, like the sample of 22/10/2025 opened a year later);
/// - `stale`: the last read of the source failed (the last good figures
///   stay on screen).
public enum Freshness: String, Hashable, Sendable {
    case live, late, stale

    /// The default `stale_after` for an event log (appended to all day:
    /// half an hour without a new event means the feed may have stopped).
    public static let eventLogStaleAfter = 30 * 60
    /// The default for snapshots, written about once a day: a day and a bit.
    public static let snapshotStaleAfter = 26 * 3600

    /// The state of data whose newest moment is `moment`, seen at `now`.
    /// A moment in the future (a clock slightly behind) counts as live.
    public static func of(moment: Timestamp, now: Timestamp, staleAfterSeconds: Int, readFailed: Bool) -> Freshness {
        if readFailed { return .stale }
        return ageSeconds(moment: moment, now: now) > Int64(max(0, staleAfterSeconds)) ? .late : .live
    }

    /// Whole seconds from `moment` to `now`, never below 0.
    public static func ageSeconds(moment: Timestamp, now: Timestamp) -> Int64 {
        max(0, (now.milliseconds - moment.milliseconds) / 1000)
    }

    /// `stale_after` for a data set: the config's value, else the default
    /// of its kind (an event log, or snapshots).
    public static func staleAfterSeconds(_ dataset: Dataset) -> Int {
        if let seconds = dataset.config.staleAfterSeconds { return seconds }
        return HistoryRow.isDense(dataset) ? eventLogStaleAfter : snapshotStaleAfter
    }

    /// "30m", "26h", "1d", "90s", "1h30m" → seconds; nil when malformed.
    /// A bare number is minutes.
    public static func parseDuration(_ text: String) -> Int? {
        let s = text.trimmingSpaces.lowercased()
        guard !s.isEmpty else { return nil }
        if let minutes = Int(s) { return minutes >= 0 ? minutes * 60 : nil }
        var total = 0
        var number = ""
        var sawUnit = false
        for c in s {
            if c.isASCII, c.isNumber {
                number.append(c)
                continue
            }
            guard let n = Int(number) else { return nil }
            switch c {
            case "s": total += n
            case "m": total += n * 60
            case "h": total += n * 3600
            case "d": total += n * 86_400
            default: return nil
            }
            number = ""
            sawUnit = true
        }
        guard number.isEmpty, sawUnit else { return nil }
        return total
    }

    /// "30m", "26h", "1d 2h": a duration written back short.
    public static func durationText(_ seconds: Int) -> String {
        if seconds % 86_400 == 0, seconds > 0 { return "\(seconds / 86_400)d" }
        if seconds % 3600 == 0, seconds > 0 { return "\(seconds / 3600)h" }
        if seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }

    /// The age in words: "vừa xong", "3 phút trước", "5 giờ trước",
    /// "404 ngày trước" ("just now", "3 min ago", "5 h ago", "404 days ago").
    public static func ageText(_ seconds: Int64, _ lang: Language) -> String {
        let vi = lang == .vi
        if seconds < 60 { return vi ? "vừa xong" : "just now" }
        if seconds < 3600 {
            let m = seconds / 60
            return vi ? "\(m) phút trước" : "\(m) min ago"
        }
        if seconds < 2 * 86_400 {
            let h = seconds / 3600
            return vi ? "\(h) giờ trước" : "\(h) h ago"
        }
        let d = seconds / 86_400
        return vi ? "\(d) ngày trước" : "\(d) days ago"
    }
}
