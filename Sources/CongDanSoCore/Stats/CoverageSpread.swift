/// How coverage of adults is spread over the units: the lowest, the median
/// and the highest, and how many units have reached the target share.
/// Units without adults have no coverage and are left out.
public struct CoverageSpread: Hashable, Sendable {
    public let lowest: Double?
    public let median: Double?
    public let highest: Double?
    /// Units whose coverage is at or above the target share.
    public let unitsAtTarget: Int

    public init(_ figures: [UnitFigures], target: Double) {
        let coverages = figures.compactMap(\.coverage).sorted()
        lowest = coverages.first
        highest = coverages.last
        let middle = coverages.count / 2
        if coverages.isEmpty {
            median = nil
        } else if coverages.count % 2 == 1 {
            median = coverages[middle]
        } else {
            median = (coverages[middle - 1] + coverages[middle]) / 2
        }
        unitsAtTarget = coverages.filter { $0 >= target }.count
    }
}
