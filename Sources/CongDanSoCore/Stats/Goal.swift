/// Progress toward the goal (a share of adults completing) and the pace
/// needed to reach it by the deadline.
public struct GoalProgress: Hashable, Sendable {
    public let targetShare: Double
    public let adults: Int
    public let completed: Int
    public let deadline: CalendarDate
    /// Fractional days from now to the end (24:00 local) of the deadline day;
    /// negative once it has passed.
    public let daysLeft: Double
    /// Average completions a day over the last 7 days, or over the span since
    /// the first moment in the data when that is shorter; nil when that span
    /// is empty (a single moment).
    public let pacePerDay: Double?
    /// The days the pace was measured over.
    public let paceDays: Double

    /// completed / adults; nil without adults.
    public var completedShare: Double? { adults > 0 ? Double(completed) / Double(adults) : nil }
    /// Completions the goal needs: target share × adults (not rounded to
    /// people). Binary noise below a millionth is dropped, so that 0.07 × 100
    /// is 7 (met by 7 completions), not 7.000000000000001 (needing an 8th).
    public var targetCompletions: Double { (targetShare * Double(adults) * 1e6).rounded() / 1e6 }
    /// Completions still needed, never below 0.
    public var remaining: Double { max(0, targetCompletions - Double(completed)) }
    /// Completions needed a day from now to the deadline; nil once the
    /// deadline has passed. 0 when the goal is already met.
    public var requiredPerDay: Double? {
        if remaining == 0 { return 0 }
        return daysLeft > 0 ? remaining / daysLeft : nil
    }
    /// The goal is met.
    public var isReached: Bool { remaining == 0 }
    /// The current pace would meet the goal in time.
    public var isOnPace: Bool {
        guard let required = requiredPerDay, let pace = pacePerDay else { return isReached }
        return pace >= required
    }

    static func compute(dataset: Dataset, at now: Timestamp, adults: Int, completed: Int) -> GoalProgress {
        let config = dataset.config
        let daysLeft = now.days(to: config.deadlineMoment)
        var pace: Double? = nil
        var paceDays = 0.0
        if let first = dataset.firstMoment, first < now {
            let start = max(now.adding(seconds: -7 * 86_400), first)
            paceDays = start.days(to: now)
            let before = dataset.totals(at: start).completed
            pace = Double(completed - before) / paceDays
        }
        return GoalProgress(
            targetShare: config.targetShare, adults: adults, completed: completed,
            deadline: config.deadline, daysLeft: daysLeft, pacePerDay: pace, paceDays: paceDays)
    }
}
