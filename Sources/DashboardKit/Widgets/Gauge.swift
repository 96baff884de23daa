/// A one-row bar from 0 to 100% with a mark at the target:
/// `[█▏                              ┃      ]`.
///
/// Unicode uses eighth-blocks, so the fill moves in eighths of a cell and
/// any share above zero shows at least one eighth (1.6% stays visible on a
/// 40-cell bar). ASCII fills whole cells with `#`, at least one above zero,
/// and marks the target with `|`.
enum Gauge {
    /// Eighths of a cell filled for `fraction` of `cells` cells (0...cells×8).
    static func eighths(fraction: Double, cells: Int) -> Int {
        guard cells > 0, fraction.isFinite, fraction > 0 else { return 0 }
        let total = cells * 8
        let e = Int((min(1, fraction) * Double(total)).rounded(.down))
        return min(total, max(1, e))
    }

    /// The cell (0-based) holding the target mark: the cell whose right edge
    /// is at the target.
    static func markCell(target: Double, cells: Int) -> Int? {
        guard cells > 0, target.isFinite, target > 0, target <= 1 else { return nil }
        return min(cells - 1, max(0, Int((target * Double(cells)).rounded()) - 1))
    }

    /// The bar's cells as glyphs (without brackets).
    static func cells(fraction: Double, target: Double, cells: Int, glyphs: Glyphs) -> [String] {
        guard cells > 0 else { return [] }
        var out = Array(repeating: " ", count: cells)
        if glyphs.gaugeEighths.isEmpty {
            var whole = Int((min(1, max(0, fraction.isFinite ? fraction : 0)) * Double(cells)).rounded())
            if fraction > 0 { whole = max(1, whole) }
            for i in 0..<min(cells, whole) { out[i] = glyphs.gaugeFull }
        } else {
            let e = eighths(fraction: fraction, cells: cells)
            for i in 0..<(e / 8) { out[i] = glyphs.gaugeFull }
            if e % 8 > 0, e / 8 < cells { out[e / 8] = glyphs.gaugeEighths[e % 8 - 1] }
        }
        if let m = markCell(target: target, cells: cells) { out[m] = glyphs.gaugeMark }
        return out
    }

    /// Draws the bar with brackets in `width` columns at (x, y).
    static func draw(_ p: inout Painter, x: Int, y: Int, width: Int, fraction: Double, target: Double) {
        guard width >= 3 else { return }
        let inner = width - 2
        let glyphs = cells(fraction: fraction, target: target, cells: inner, glyphs: p.glyphs)
        let mark = markCell(target: target, cells: inner)
        p.write("[", x: x, y: y, maxWidth: 1, .gaugeTrack)
        for (i, g) in glyphs.enumerated() {
            let role: Role = i == mark ? .gaugeMark : .gaugeFill
            p.buffer.write(g, x: x + 1 + i, y: y, maxWidth: 1, style: p.style(role))
        }
        p.write("]", x: x + width - 1, y: y, maxWidth: 1, .gaugeTrack)
    }
}

/// A row of small bars, one per value, scaled to the largest known value
/// (so the shape shows even for small units): `▁▂▃▄▅▆▇█`, or
/// ` .:-=+*#%@` in ASCII. Zero draws as a blank; any value above zero draws
/// at least the lowest bar; an unknown day (nil: before the data starts)
/// is a blank cell.
enum Sparkline {
    static func text(_ values: [Int?], levels: [String]) -> String {
        guard levels.count >= 2 else { return "" }
        let top = values.compactMap { $0 }.max() ?? 0
        var out = ""
        for value in values {
            guard let v = value else {
                out += " "
                continue
            }
            if v <= 0 || top <= 0 {
                out += levels[0]
            } else {
                let steps = levels.count - 1
                let level = Int((Double(v) / Double(top) * Double(steps)).rounded(.up))
                out += levels[min(steps, max(1, level))]
            }
        }
        return out
    }
}
