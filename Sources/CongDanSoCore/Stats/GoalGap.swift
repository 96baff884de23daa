/// How far one unit is from the goal.
public enum GoalGap {
    /// Completions still needed for `share` of `adults`:
    /// ceil(share × adults − completed), never below 0.
    public static func completionsNeeded(adults: Int, completed: Int, share: Double) -> Int {
        let gap = share * Double(adults) - Double(completed)
        guard gap > 1e-9 else { return 0 }
        return Int((gap - 1e-9).rounded(.up))
    }
}
