/// What the model needs to know of the screen's layout: how many table
/// rows a page holds and how far the screen on top can scroll. Measured by
/// the views (`measure(_:)`) after every update, so the model itself never
/// builds a view.
public struct ScreenMetrics: Hashable, Sendable {
    /// Rows of the unit table on screen (at least 1).
    public var tablePage: Int
    /// How far the detail, summary or help screen on top can scroll (0 on the table).
    public var maxScroll: Int

    public init(tablePage: Int, maxScroll: Int) {
        self.tablePage = max(1, tablePage)
        self.maxScroll = max(0, maxScroll)
    }
}
