/// A key press, as the dashboard model sees it. The terminal backend turns
/// its own key codes into these; tests build them directly.
public enum Key: Hashable, Sendable {
    /// A printable character (never a control character).
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab, delete
    /// F1 is `.function(1)`.
    case function(Int)
    /// Ctrl with a letter, lower case: Ctrl-C is `.control("c")`. Enter, Tab,
    /// Backspace and Escape have their own cases even though they are control
    /// codes too.
    case control(Character)
}
