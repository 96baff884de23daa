import CongDanSoCore

/// Below the minimum size the screen only says how big it must be (and
/// that `q` quits), centred, clipped to whatever room there is.
enum TooSmall {
    static func draw(_ p: inout Painter, width: Int, height: Int) {
        guard width > 0, height > 0 else { return }
        let message = Phrase.tooSmall(
            width: width, height: height, minWidth: DashboardState.minimumWidth,
            minHeight: DashboardState.minimumHeight, p.lang)
        let quit = KeyTable.label(of: .character("q")) + " " + Label.quit.text(p.lang)
        var lines: [String]
        if TextWidth.of(message) <= width {
            lines = [message, quit]
        } else if let comma = message.range(of: ", ") {
            lines = [String(message[..<comma.lowerBound]) + ",", String(message[comma.upperBound...]), quit]
        } else {
            lines = [message, quit]
        }
        lines = Array(lines.prefix(height))
        let top = max(0, (height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let shown = p.shown(line)
            let w = TextWidth.of(shown)
            let x = max(0, (width - w) / 2)
            // Clipped without an ellipsis: on a tiny screen every column counts.
            p.buffer.write(
                shown, x: x, y: top + i, maxWidth: width - x,
                style: p.style(i == lines.count - 1 && lines.count > 1 ? .dim : .warning))
        }
    }
}
