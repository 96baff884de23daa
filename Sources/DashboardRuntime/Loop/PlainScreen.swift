import CongDanSoCore
import DashboardKit

/// The dashboard's table as plain text, for output that is not a terminal.
public enum PlainScreen {
    /// Every unit, `width` columns wide (at least the dashboard's minimum),
    /// trailing blanks trimmed.
    public static func text(dataset: Dataset, language: Language, ascii: Bool, width: Int, now: Timestamp) -> String {
        let standings = Standings(dataset: dataset, now: now)
        let width = max(width, DashboardState.minimumWidth)
        let height = dataset.units.count + 12
        let state = DashboardState(
            standings: standings, language: language, colorEnabled: false, ascii: ascii,
            now: now, refreshSeconds: 5, width: width, height: height)
        var lines = render(state, width: width, height: height).lines().map { line -> String in
            var l = Substring(line)
            while l.last == " " { l.removeLast() }
            return String(l)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
