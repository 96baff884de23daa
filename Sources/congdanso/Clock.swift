import CongDanSoCore
import DashboardRuntime

/// The wall clock: the only place the commands read the system time.
enum Clock {
    static var now: Timestamp { SystemClock().now() }
}
