/// The one place the version is written: `congdanso --version` prints it,
/// and the man page and `help` take it from the command definition.
/// Raise it when a release is installed on the IT centre's machines.
enum CongDanSoVersion {
    static let current = "0.9.0"
}
