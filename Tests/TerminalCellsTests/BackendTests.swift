import Testing

@testable import TerminalCells

/// Key names (help's labels, read back by key scripts) and the test backend.
@Suite struct KeyNameTests {
    @Test func everyNamedKeyReadsBackAsItself() {
        let keys: [Key] = [
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace, .tab,
            .backTab, .delete, .function(1), .function(12), .control("r"), .character(" "), .character("/"),
            .character("đ"), .character("G"),
        ]
        for key in keys {
            #expect(Key(name: key.label()) == key, "\(key.label())")
            #expect(Key(name: key.label(ascii: true)) == key, "\(key.label(ascii: true))")
        }
    }

    @Test func labelsAreTheOnesHelpShows() {
        #expect(Key.up.label() == "↑" && Key.up.label(ascii: true) == "Up")
        #expect(Key.control("c").label() == "Ctrl-C")
        #expect(Key.character(" ").label() == "Space")
        #expect(Key.pageDown.label() == "PgDn")
    }

    @Test func unknownNamesAreNotKeys() {
        for name in ["", "Enterr", "F0", "F99", "Ctrl-", "Ctrl-1", "ab", "\u{1B}"] {
            #expect(Key(name: name) == nil, "\(name)")
        }
    }
}

@Suite struct TestBackendTests {
    @Test func deliversTheScriptInOrderThenClosesTheInput() {
        let backend = TestBackend(
            width: 10, height: 3,
            script: [.input([.key(.enter), .key(.escape)]), .input([.resize(width: 20, height: 5)])])
        #expect(backend.nextEvents(timeoutMilliseconds: 200) == [.key(.enter), .key(.escape)])
        #expect(backend.size == TerminalSize(width: 10, height: 3))
        #expect(backend.nextEvents(timeoutMilliseconds: 200) == [.resize(width: 20, height: 5)])
        #expect(backend.size == TerminalSize(width: 20, height: 5), "a resize changes the size")
        #expect(backend.nextEvents(timeoutMilliseconds: 200) == [.inputClosed])
        #expect(backend.nextEvents(timeoutMilliseconds: 200) == [.inputClosed])
    }

    @Test func aPauseIsSpentInWaitsOfTheLoopsLength() {
        var waits: [Int] = []
        let backend = TestBackend(width: 1, height: 1, script: [.pause(milliseconds: 500), .input([.key(.tab)])]) {
            waits.append($0)
        }
        var events: [InputEvent] = []
        while events.isEmpty { events = backend.nextEvents(timeoutMilliseconds: 200) }
        #expect(waits == [200, 200, 100])
        #expect(events == [.key(.tab)])
    }

    @Test func recordsEveryFrame() {
        let backend = TestBackend(width: 2, height: 1, script: [])
        var frame = Buffer(width: 2, height: 1)
        backend.draw(frame)
        frame[0, 0] = Cell("x")
        backend.draw(frame)
        #expect(backend.frames.count == 2)
        #expect(backend.lastFrame?.lines() == ["x "])
        backend.suspend()
        #expect(backend.isSuspended)
        backend.resume()
        #expect(!backend.isSuspended)
    }
}
