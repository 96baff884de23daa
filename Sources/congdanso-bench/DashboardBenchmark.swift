import CongDanSoCore
import Foundation

/// Filled in when the dashboard model lands.
func dashboardBenchmark(sample: String, national: String) {}
