import LoopSim

/// Plays a demo script on the dashboard: which step is on screen and the month the clock
/// is running to. Each step's state comes from the script itself (`DemoScript.state(at:)`),
/// never from undo history, so going back or jumping shows exactly what the step produces.
public struct ScriptPlayer: Sendable, Equatable {
    public let script: DemoScript
    /// The step on screen, 0-based.
    public private(set) var index: Int
    /// The month the clock is running to while a step animates; nil when it is not.
    public private(set) var targetMonth: Int?

    /// The step on screen.
    public var step: DemoStep { script.steps[index] }

    /// Starts `script` on `model` at step `index`: the script's scenario, its speed, presenter
    /// mode on; the step is shown at once (no animation).
    public static func start(_ script: DemoScript, on model: inout Model, at index: Int = 0) -> [Effect] {
        model.presentation.player = ScriptPlayer(script: script, index: 0, targetMonth: nil)
        model.presentation.presenting = true
        if let s = script.speed { model.speed = s }
        model.month = 0
        return go(to: index, animate: false, &model) + [.clockChanged]
    }

    /// Performs an action of the key table's script context while a script plays; `digit`
    /// is the step a digit key jumps to.
    static func perform(_ action: Action, digit: Int?, _ model: inout Model) -> [Effect] {
        guard let player = model.presentation.player else { return [] }
        let last = player.script.steps.count - 1
        switch action {
        case .nextStep:
            guard player.index < last else {
                model.notice = "last step: \(model.keys.key(for: .leaveScript, in: .script)) leaves the script, "
                    + "\(model.keys.key(for: .previousStep, in: .script)) goes back"
                return []
            }
            return go(to: player.index + 1, animate: true, &model)
        case .previousStep:
            guard player.index > 0 else { model.notice = "first step"; return [] }
            return go(to: player.index - 1, animate: false, &model)
        case .jumpToStep:
            guard let n = digit, n >= 1 else { return [] }
            guard n - 1 <= last else { model.notice = "the script has \(last + 1) steps"; return [] }
            return go(to: n - 1, animate: false, &model)
        case .leaveScript:
            if model.maximized {  // the first Esc restores a maximised panel
                model.maximized = false
                return []
            }
            model.presentation.player = nil
            model.notice = "left the script: explore from here"
            if player.targetMonth != nil {
                model.paused = true
                return [.clockChanged]
            }
            return []
        default:
            return []
        }
    }

    /// A clock tick while a step runs to its month: one month on, stopping (paused) there.
    /// Nil when no step is running (the ordinary clock applies).
    static func tick(_ model: inout Model) -> [Effect]? {
        guard var player = model.presentation.player, let target = player.targetMonth else { return nil }
        guard !model.paused else { return [] }
        if model.month < target { model.month += 1 }
        guard model.month >= target else { return [] }
        model.month = target
        player.targetMonth = nil
        model.presentation.player = player
        model.paused = true
        return [.clockChanged]
    }

    /// Shows step `index` exactly as the script produces it. Going forward with `animate`,
    /// the clock starts where the previous step ended and runs to the step's month.
    static func go(to index: Int, animate: Bool, _ model: inout Model) -> [Effect] {
        guard var player = model.presentation.player else { return [] }
        let state = player.script.state(at: index)
        player.index = max(0, min(player.script.steps.count - 1, index))
        if let loop = player.script.loop {
            model.load(loop, levers: state.loopLevers)
        } else {
            model.load(player.script.scenario, schedule: state.schedule)
        }
        model.maximized = state.maximized
        model.setFocus(state.focus)
        if animate && state.month > state.fromMonth {
            model.month = state.fromMonth
            player.targetMonth = state.month
            model.paused = false
        } else {
            model.month = state.month
            player.targetMonth = nil
            model.paused = true
        }
        model.presentation.player = player
        return [.clockChanged]
    }
}
