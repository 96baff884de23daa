import CongDanSoCore
import DashboardKit
import Foundation

/// One keypress's work, `update` then `render` at 120×40, for the sample's
/// 114 units and the national 3,321. Targets: under 1 ms and 5 ms (median).
func dashboardBenchmark(sample: String, national: String) {
    for directory in [sample, national] {
        guard let dataset = DataDirectory.load(directory).dataset else { print("cannot load \(directory)"); exit(1) }
        let now = dataset.latestMoment ?? Timestamp(milliseconds: 0)
        // What new data costs the screen: the standings and the dashboard's
        // cache over them (trends, groups, risers and fallers; the names'
        // widths and ASCII forms are reused while the units stay the same).
        var live = DashboardState(
            standings: Standings(dataset: dataset, now: now), colorEnabled: true, ascii: false,
            now: now, refreshSeconds: 5, width: 120, height: 40)
        let loadTimes = measure(runs: 20) {
            _ = update(&live, .loaded(Standings(dataset: dataset, now: now), at: now))
        }
        print(
            "== new data on screen (standings + the dashboard's cache), \(dataset.units.count) units: median \(ms(median(loadTimes)))"
        )
        var state = DashboardState(
            standings: Standings(dataset: dataset, now: now), colorEnabled: true, ascii: false,
            now: now, refreshSeconds: 5, width: 120, height: 40)
        // A realistic mix: move, re-sort, reverse, type a filter and clear it, open and close a unit.
        let keys: [Key] = [
            .down, .down, .character(">"), .character("r"), .character("/"), .character("d"),
            .character("o"), .escape, .enter, .right, .escape, .character("<"), .pageDown, .up,
        ]
        pressKeys(keys, on: &state, "keypress (update + render 120×40), \(dataset.units.count) units")
        // The summary and the group filters: open it, move, filter to a group
        // with Enter, cycle provinces with f, clear.
        let groupKeys: [Key] = [
            .tab, .down, .down, .down, .enter, .character("f"), .character("f"), .escape, .tab, .up, .escape,
        ]
        pressKeys(
            groupKeys, on: &state,
            "summary and group-filter keys (update + render 120×40), \(dataset.units.count) units")
    }
}

/// Presses `keys` in turn, 2,000 times in all, each with its update and a
/// 120×40 render, and prints the median, p99 and best times.
private func pressKeys(_ keys: [Key], on state: inout DashboardState, _ what: String) {
    var index = 0
    let times = measure(runs: 2000) {
        _ = update(&state, .key(keys[index % keys.count]))
        _ = render(state, width: 120, height: 40)
        index += 1
    }
    print(
        "== \(what): median \(ms(median(times))), p99 \(ms(times[times.count * 99 / 100])), best \(ms(times[0])) (2,000 keys)"
    )
}
