import TextSafety

/// Untrusted text from data files is cleaned once, at load, so that nothing
/// from a CSV can reach a terminal (or a spreadsheet) as a control sequence.
/// The rules (which scalars are unsafe, what replaces them) are the shared
/// ones of `TextSafety`; see there for which layer owns what.
public enum TextSanitizer {
    /// Tab, newline, carriage return and line/paragraph separators become a
    /// space; every other control (C0, DEL, C1), bidi control, format
    /// character and invisible filler becomes U+FFFD.
    public static func sanitize(_ s: String) -> String { TextSafety.clean(s) }

    /// Whether `sanitize` would leave the text unchanged.
    public static func isClean(_ s: String) -> Bool { TextSafety.isSafe(s) }
}
