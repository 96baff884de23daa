// The views draw into TerminalCells' buffer and the model reads its keys:
// every user of DashboardKit needs them, so they come with it.
@_exported import TerminalCells
