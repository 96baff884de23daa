import CongDanSoCore
import Foundation

/// The wall clock: the only place the commands read the system time.
enum Clock {
    static var now: Timestamp {
        Timestamp(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }
}
