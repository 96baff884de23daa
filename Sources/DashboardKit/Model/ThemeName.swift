/// The named colour palettes (`--theme`, and the settings file's `theme`).
///
/// - `standard` ("default"): readable on dark and light backgrounds alike.
/// - `dark`: brighter colours for dark backgrounds (white title, yellow).
/// - `light`: dark colours for light backgrounds.
/// - `highContrast`: bold and reverse, no dim or grey text.
/// - `mono`: no colour at all (as `--no-color` and `NO_COLOR`).
public enum ThemeName: String, CaseIterable, Sendable {
    case standard = "default"
    case dark, light
    case highContrast = "high-contrast"
    case mono
}
