/// Something a key can do. The key table binds keys to actions in contexts; `update`
/// performs them (`Dispatch.swift`).
public enum Action: String, CaseIterable, Sendable {
    case help, quit
    case focusNext, focusPrevious
    case moveUp, moveDown
    case leverDown, leverUp, leverDownCoarse, leverUpCoarse
    case resetLever, resetAll
    case undo, redo
    case pause, stepForward, stepBack, faster, slower, toStart, toEnd
    case maximize, dismiss
    case enterValue, commandLine, save, scene
    case follow
    case nextTheme
    case monteCarlo, tornado, compare
    case present, nextStep, previousStep, jumpToStep, leaveScript
    /// The help overlay.
    case closeHelp, searchHelp
    /// A question: yes, or save and then quit.
    case answerYes, saveAndQuit
    /// The analytics overlays.
    case closeOverlay, nextMetric, previousMetric, choose
    /// A text field (the command line, a typed value, the help search).
    case cancelInput, submitInput, complete
    case cursorLeft, cursorRight, lineStart, lineEnd, clearLine, deleteBackward, deleteForward
    case historyPrevious, historyNext
    /// The mouse: point at a panel, tab or node; set a lever on its bar (`UIState.pointer`).
    case point, setLever

    /// What the action touches, which decides when it is refused (`ActionReach`).
    public var reach: ActionReach {
        switch self {
        case .leverDown, .leverUp, .leverDownCoarse, .leverUpCoarse, .resetLever, .resetAll, .undo, .redo,
             .enterValue, .scene, .setLever:
            .whatIf
        case .pause, .stepForward, .stepBack, .faster, .slower, .toStart, .toEnd:
            .clock
        case .commandLine, .save:
            .files
        default:
            .view
        }
    }
}
