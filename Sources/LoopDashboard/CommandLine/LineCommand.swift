import LoopSim

/// A command typed on the `:` command line (parsed by `CommandParser`, run by `run`).
public enum LineCommand: Equatable, Sendable {
    case set(ParameterID, Double)
    case reset(ParameterID?)
    case scene(Int)
    case scenario(String)
    case theme(String)
    case save(String?)
    case export(String, ExportFormat)
    /// Save the session's lever changes as a replayable demo script.
    case record(String)
    /// Narration on or off (nil: toggle).
    case narrate(Bool?)
    case help
    case quit

    /// What it touches: the same check as for keys decides whether it may run.
    public var reach: ActionReach {
        switch self {
        case .set, .reset, .scene, .scenario: .whatIf
        case .save, .export, .record: .files
        case .theme, .narrate, .help, .quit: .view
        }
    }
}

/// The formats `:export` writes: the same schema as `moneyloop simulate`, or the screen as a picture.
public enum ExportFormat: String, Sendable, Equatable { case csv, json, svg }
