/// A rectangle of cells. `x`, `y` is the top-left corner; `maxX` and `maxY`
/// are exclusive. Sizes are never negative: the initialiser and every helper
/// clamp them to 0, so layout arithmetic on a tiny terminal stays safe.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int = 0, y: Int = 0, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public var maxX: Int { x + max(0, width) }
    public var maxY: Int { y + max(0, height) }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// The overlap of two rectangles (empty, at `self`'s origin, when none).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: left, y: top, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Shrinks every side by `amount`.
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// Shrinks each side by its own amount; never below an empty rectangle.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let w = max(0, width - left - right)
        let h = max(0, height - top - bottom)
        return Rect(x: x + min(left, max(0, width)), y: y + min(top, max(0, height)), width: w, height: h)
    }

    /// Row `index` (0-based) of this rectangle, one cell high; empty when out of range.
    public func row(_ index: Int) -> Rect {
        guard index >= 0, index < height else { return Rect(x: x, y: y + max(0, index), width: width, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }

    /// The top `rows` rows and what remains below them.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let n = min(max(0, rows), height)
        return (
            Rect(x: x, y: y, width: width, height: n),
            Rect(x: x, y: y + n, width: width, height: height - n)
        )
    }

    /// What remains above, and the bottom `rows` rows.
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let n = min(max(0, rows), height)
        return (
            Rect(x: x, y: y, width: width, height: height - n),
            Rect(x: x, y: y + height - n, width: width, height: n)
        )
    }

    /// The left `columns` columns and what remains to their right.
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let n = min(max(0, columns), width)
        return (
            Rect(x: x, y: y, width: n, height: height),
            Rect(x: x + n, y: y, width: width - n, height: height)
        )
    }

    /// What remains to the left, and the right `columns` columns.
    public func splitRight(_ columns: Int) -> (rest: Rect, right: Rect) {
        let n = min(max(0, columns), width)
        return (
            Rect(x: x, y: y, width: width - n, height: height),
            Rect(x: x + width - n, y: y, width: n, height: height)
        )
    }

    /// Consecutive columns of the given widths, `spacing` apart, left to right.
    /// Columns that do not fit are clipped (and come out empty past the edge),
    /// so the result always has `widths.count` elements.
    public func columns(_ widths: [Int], spacing: Int = 0) -> [Rect] {
        var result: [Rect] = []
        result.reserveCapacity(widths.count)
        var cx = x
        for w in widths {
            let available = max(0, maxX - cx)
            result.append(Rect(x: min(cx, maxX), y: y, width: min(max(0, w), available), height: height))
            cx += max(0, w) + max(0, spacing)
        }
        return result
    }

    /// Consecutive rows of the given heights, top to bottom, clipped like `columns`.
    public func rows(_ heights: [Int]) -> [Rect] {
        var result: [Rect] = []
        result.reserveCapacity(heights.count)
        var cy = y
        for h in heights {
            let available = max(0, maxY - cy)
            result.append(Rect(x: x, y: min(cy, maxY), width: width, height: min(max(0, h), available)))
            cy += max(0, h)
        }
        return result
    }
}
