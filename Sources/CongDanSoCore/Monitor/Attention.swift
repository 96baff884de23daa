/// When a unit "needs a call today" (`attention_*` in config.toml).
public struct AttentionThresholds: Hashable, Sendable {
    /// No new registration for this many hours: stalled.
    public var stalledHours: Double = 6
    /// Coverage of adults below this share of the city's: far below.
    public var coverageRatio: Double = 0.5
    /// Completion rate below this share of the city's: far below.
    public var completionRatio: Double = 0.75
    /// How many units, furthest behind the pace they need, are listed.
    public var behindCount: Int = 5

    public init() {}
}

/// Why a unit needs attention. Each carries the figures its sentence needs.
public enum AttentionReason: Hashable, Sendable {
    /// No registration yet at all.
    case noRegistrations
    /// No new registration for `hours` hours (at least the threshold).
    case stalled(hours: Int)
    /// Coverage of adults far below the city's.
    case lowCoverage(unit: Double, city: Double)
    /// Among the furthest behind the completions a day they need for the
    /// goal: their pace against what they need.
    case behindPace(pace: Double, required: Double)
    /// Completion rate far below the city's.
    case lowCompletion(unit: Double, city: Double)

    /// The reason in words ("không có đăng ký mới 7 giờ").
    public func text(_ lang: Language) -> String {
        let vi = lang == .vi
        func pct(_ x: Double, _ d: Int = 1) -> String { NumberForms.percent(x, digits: d, lang) }
        func n(_ x: Double) -> String { NumberForms.integer(Int(x.rounded()), lang) }
        switch self {
        case .noRegistrations:
            return vi ? "chưa có thí sinh đăng ký" : "no candidate registered yet"
        case .stalled(let hours):
            if hours >= 48 {
                return vi
                    ? "không có đăng ký mới trong \(hours / 24) ngày" : "no new registration for \(hours / 24) days"
            }
            return vi ? "không có đăng ký mới trong \(hours) giờ" : "no new registration for \(hours) h"
        case .lowCoverage(let unit, let city):
            return vi
                ? "độ phủ \(pct(unit, 2)) (TP \(pct(city, 2)))"
                : "coverage \(pct(unit, 2)) (city \(pct(city, 2)))"
        case .behindPace(let pace, let required):
            return vi
                ? "đang \(n(pace)) HT/ngày, cần \(n(required))"
                : "\(n(pace)) completions a day, needs \(n(required))"
        case .lowCompletion(let unit, let city):
            return vi
                ? "tỷ lệ HT \(pct(unit)) (TP \(pct(city)))"
                : "completion rate \(pct(unit)) (city \(pct(city)))"
        }
    }
}

/// A unit that needs attention, with its reasons (most urgent first).
public struct AttentionItem: Hashable, Sendable {
    public let unitIndex: Int
    public let code: String
    public let reasons: [AttentionReason]
}

/// The units that need a call today, computed from the standings alone:
/// pure, deterministic, unit-tested (`AttentionTests`).
public enum Attention {
    /// Every unit with at least one reason, ordered by how many reasons it
    /// has (most first), then by city rank from the bottom (weakest first).
    public static func items(_ standings: Standings) -> [AttentionItem] {
        let t = standings.config.attention
        let dataset = standings.dataset
        let moment = standings.moment
        let city = standings.city
        let cityCoverage = city.adults > 0 ? Double(city.completed) / Double(city.adults) : nil
        let cityRate = city.registered > 0 ? Double(city.completed) / Double(city.registered) : nil

        var reasons = Array(repeating: [AttentionReason](), count: standings.figures.count)
        for f in standings.figures {
            if f.registered == 0 {
                reasons[f.index].append(.noRegistrations)
            } else if let hours = hoursSinceLastRegistration(dataset, unit: f.index, at: moment),
                Double(hours) >= t.stalledHours
            {
                reasons[f.index].append(.stalled(hours: hours))
            }
            if let c = f.coverage, let cc = cityCoverage, cc > 0, c < t.coverageRatio * cc {
                reasons[f.index].append(.lowCoverage(unit: c, city: cc))
            }
            if let r = f.completionRate, let cr = cityRate, cr > 0, r < t.completionRatio * cr {
                reasons[f.index].append(.lowCompletion(unit: r, city: cr))
            }
        }
        for (index, pace, required) in furthestBehind(standings, count: t.behindCount) {
            // After the stall, before the ratios: what to ask on the phone.
            let at = reasons[index].firstIndex { if case .lowCoverage = $0 { return true } else { return false } }
            reasons[index].insert(.behindPace(pace: pace, required: required), at: at ?? reasons[index].count)
        }
        let items = standings.figures.compactMap { f -> AttentionItem? in
            reasons[f.index].isEmpty
                ? nil : AttentionItem(unitIndex: f.index, code: f.unit.code, reasons: reasons[f.index])
        }
        return items.sorted { a, b in
            if a.reasons.count != b.reasons.count { return a.reasons.count > b.reasons.count }
            return standings.figures[a.unitIndex].rank > standings.figures[b.unitIndex].rank
        }
    }

    /// Whole hours from the unit's last new registration to `moment`; nil
    /// when it never registered anyone. With snapshots the last new
    /// registration is the first snapshot that showed the current count.
    public static func hoursSinceLastRegistration(_ dataset: Dataset, unit: Int, at moment: Timestamp) -> Int? {
        let history = dataset.histories[unit]
        let n = history.countThrough(moment)
        guard n > 0 else { return nil }
        let current = history[n - 1].registered
        guard current > 0 else { return nil }
        var i = n - 1
        while i > 0, history[i - 1].registered >= current { i -= 1 }
        let since = history[i].time
        return Int(max(0, moment.milliseconds - since.milliseconds) / 3_600_000)
    }

    /// The units whose pace (completions a day over the last 7 days, or
    /// since the data began) falls furthest short of what they need a day
    /// to reach the target share of their adults by the deadline; worst
    /// first, as a ratio of pace to need. Units already at the goal, or
    /// with no pace known, are left out.
    public static func furthestBehind(_ standings: Standings, count: Int) -> [(Int, Double, Double)] {
        let dataset = standings.dataset
        let moment = standings.moment
        let config = standings.config
        let daysLeft = moment.days(to: config.deadlineMoment)
        guard count > 0, daysLeft > 0, let first = dataset.firstMoment, first < moment else { return [] }
        let start = max(moment.adding(seconds: -7 * 86_400), first)
        let paceDays = start.days(to: moment)
        guard paceDays > 0 else { return [] }
        var rows: [(Int, Double, Double, Double)] = []
        for f in standings.figures where f.unit.adults > 0 {
            let need = max(0, config.targetShare * Double(f.unit.adults) - Double(f.completed))
            guard need > 0 else { continue }
            let required = need / daysLeft
            let before = dataset.value(unit: f.index, at: start).completed
            let pace = Double(f.completed - before) / paceDays
            guard pace < required else { continue }
            rows.append((f.index, pace, required, pace / required))
        }
        rows.sort { a, b in
            if a.3 != b.3 { return a.3 < b.3 }
            return standings.figures[a.0].rank > standings.figures[b.0].rank
        }
        return rows.prefix(count).map { ($0.0, $0.1, $0.2) }
    }
}
