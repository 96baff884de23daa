extension TextWidth {
    /// `s` in at most `width` columns, cut in the middle with an ellipsis
    /// ("…", "~" with `ascii`) when it is wider: for paths, whose start (the
    /// folder) and end (the file name) both matter. A third of the room
    /// goes to the start, the rest to the end. The result is sanitised.
    public static func clipMiddle(_ s: String, to width: Int, ascii: Bool = false) -> String {
        guard width > 0 else { return "" }
        let clean = TerminalText.sanitize(s)
        if of(clean) <= width { return clean }
        guard width >= 3 else { return clip(clean, to: width, ascii: ascii) }
        let budget = width - 1
        let headRoom = budget / 3
        var head = "", used = 0
        for c in clean {
            let w = cluster(c)
            if used + w > headRoom { break }
            head.append(c)
            used += w
        }
        var tail = "", tailUsed = 0
        for c in clean.reversed() {
            let w = cluster(c)
            if used + tailUsed + w > budget { break }
            tail.insert(c, at: tail.startIndex)
            tailUsed += w
        }
        return head + (ascii ? "~" : "…") + tail
    }
}
