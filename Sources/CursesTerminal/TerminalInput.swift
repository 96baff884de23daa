import CNcursesw
import TerminalCells

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The terminal's input: `wget_wch` (or bytes under a non-UTF-8 locale)
// turned into key, resize and interruption events.

extension TerminalSession {
    /// Waits up to `timeoutMilliseconds` (forever when negative) for the first
    /// event, then takes everything already pending without waiting.
    /// Consecutive resizes come out as one, with the final size. When a
    /// termination signal has arrived the result ends with `.interrupted`
    /// (and a later call returns it at once).
    public func nextEvents(timeoutMilliseconds: Int) -> [InputEvent] {
        guard !closed else { return [] }
        if let interruption { return [interruption] }
        var events: [InputEvent] = []
        let start = Self.nowMilliseconds()

        // Wait for the first event, in slices, watching for signals.
        while true {
            var wait = Self.waitSlice
            if timeoutMilliseconds >= 0 {
                let left = timeoutMilliseconds - (Self.nowMilliseconds() - start)
                if left <= 0 { wait = 0 } else { wait = Int32(min(Int(Self.waitSlice), left)) }
            }
            wtimeout(input, wait)
            let got = readOne(into: &events)
            if let interruption {
                events.append(interruption)
                return events
            }
            if got { break }
            if timeoutMilliseconds >= 0, Self.nowMilliseconds() - start >= timeoutMilliseconds {
                return events
            }
        }

        // Drain what is already there.
        wtimeout(input, 0)
        var drained = 0
        while drained < Self.drainLimit, readOne(into: &events) {
            drained += 1
        }
        if let interruption { events.append(interruption) }
        return events
    }

    /// Reads one input; appends its event (if it maps to one) and returns
    /// whether anything was read at all.
    fileprivate func readOne(into events: inout [InputEvent]) -> Bool {
        guard wideInput else { return readOneByte(into: &events) }
        var code: wint_t = 0
        let status = wget_wch(input, &code)
        switch status {
        case OK:
            appendCharacter(UInt32(code), into: &events)
            return true
        case KEY_CODE_YES:
            functionKey(Int32(bitPattern: code), into: &events)
            return true
        default:
            return false
        }
    }

    /// `readOne` for a locale without UTF-8: bytes, with UTF-8 decoded here
    /// (the terminal may well send it even when the locale says ASCII).
    fileprivate func readOneByte(into events: inout [InputEvent]) -> Bool {
        let code = wgetch(input)
        if code == ERR { return false }
        if code >= KEY_MIN {
            functionKey(code, into: &events)
            return true
        }
        let byte = UInt8(truncatingIfNeeded: code)
        if byte < 0x80 {
            appendCharacter(UInt32(byte), into: &events)
            return true
        }
        let length: Int
        switch byte {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return true  // a stray continuation or invalid byte: dropped
        }
        var bytes = [byte]
        wtimeout(input, 0)
        while bytes.count < length {
            let next = wgetch(input)
            guard next != ERR, next < 0x100, (0x80...0xBF).contains(next) else {
                if next != ERR { _ = ungetch(next) }  // not ours: read it next time
                return true
            }
            bytes.append(UInt8(next))
        }
        if let text = String(validating: bytes, as: UTF8.self), let scalar = text.unicodeScalars.first {
            appendCharacter(scalar.value, into: &events)
        }
        return true
    }

    fileprivate func appendCharacter(_ code: UInt32, into events: inout [InputEvent]) {
        if KeyDecoder.isCombining(code), case .key(.character(let previous))? = events.last,
            let scalar = Unicode.Scalar(code)
        {
            // An input method sending NFD: keep the letter and its marks together.
            var joined = String(previous)
            joined.unicodeScalars.append(scalar)
            if joined.count == 1 {
                events[events.count - 1] = .key(.character(Character(joined)))
                return
            }
        }
        if let key = KeyDecoder.character(code) { events.append(.key(key)) }
    }

    fileprivate func functionKey(_ code: Int32, into events: inout [InputEvent]) {
        if code == KEY_RESIZE {
            needsFullRepaint = true
            let resize = InputEvent.resize(width: width, height: height)
            if case .resize? = events.last {
                events[events.count - 1] = resize
            } else {
                events.append(resize)
            }
        } else if code == KEY_MOUSE {
            if let event = mouseEvent() { events.append(.mouse(event)) }
        } else if let key = KeyDecoder.functionKey(code) {
            events.append(.key(key))
        }
    }

    /// The mouse event ncurses has read, as a click, double click or turn
    /// of the wheel; nil for anything else (a release, another button).
    fileprivate func mouseEvent() -> MouseEvent? {
        var x: Int32 = 0, y: Int32 = 0
        switch cds_read_mouse(&x, &y) {
        case 1:
            let now = Self.nowMilliseconds()
            if let last = lastClick, last.x == Int(x), last.y == Int(y),
                now - last.at <= MouseEvent.doubleClickMilliseconds
            {
                lastClick = nil  // a third click starts again
                return MouseEvent(.doubleClick, x: Int(x), y: Int(y))
            }
            lastClick = (Int(x), Int(y), now)
            return MouseEvent(.click, x: Int(x), y: Int(y))
        case 2: return MouseEvent(.wheelUp, x: Int(x), y: Int(y))
        case 3: return MouseEvent(.wheelDown, x: Int(x), y: Int(y))
        default: return nil
        }
    }

    fileprivate static func nowMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }
}

/// Turns what `wget_wch` returns into keys.
enum KeyDecoder {
    /// A character code (`wget_wch` returned OK).
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 9: return .tab
        case 0: return .control("@")
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(96 + code))))
        case 28: return .control("\\")
        case 29: return .control("]")
        case 30: return .control("^")
        case 31: return .control("_")
        case 0x80...0x9F: return nil  // C1 controls: never a key
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A function-key code (`wget_wch` returned KEY_CODE_YES), except KEY_RESIZE.
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_LL, KEY_C1: return .end
        case KEY_A3: return .pageUp
        case KEY_C3: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_DC: return .delete
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    /// Whether a typed scalar is a combining mark that belongs to the
    /// previous character (an input method sending NFD).
    static func isCombining(_ code: UInt32) -> Bool {
        guard code >= 0x300, let scalar = Unicode.Scalar(code) else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }
}
