import LoopConfig
import LoopSim

/// A scripted demo: a scenario and the steps a presenter walks through. Read from YAML
/// by `DemoScriptFile`, written by `DemoScriptWriter`, played by `ScriptPlayer`.
///
/// What each step shows is a pure function of the script (`state(at:)`): going back to a
/// step, or jumping to it, gives exactly the state going forward gave, whatever was
/// tweaked in between.
public struct DemoScript: Sendable, Equatable {
    /// The most steps a script may have.
    public static let maxSteps = 200

    public var title: String
    /// The scenario as the file names it: a bundled name or a path (relative to the script).
    public var scenarioReference: String
    /// The article's scenario the script plays (unused when it plays a loop file).
    public var scenario: Scenario
    /// The loop file the script plays on the generic engine, when its scenario is one: its
    /// steps set loop levers (`LoopLever`), which apply from month 0.
    public var loop: MoneyLoop?
    /// Months per second while a step runs the clock to its month (nil: the dashboard's).
    public var speed: Double?
    public var steps: [DemoStep]

    public init(title: String, scenarioReference: String, scenario: Scenario, loop: MoneyLoop? = nil,
                speed: Double? = nil, steps: [DemoStep])
    {
        self.title = title; self.scenarioReference = scenarioReference; self.scenario = scenario; self.loop = loop
        self.speed = speed; self.steps = steps
    }

    /// The name of what the script plays: the loop's or the scenario's.
    public var scenarioName: String { loop?.name ?? scenario.name }
    /// Its first month and horizon.
    public var start: YearMonth { loop?.start ?? scenario.start }
    public var horizon: Int { loop?.horizon ?? scenario.horizon }

    /// The state step `index` (0-based, clamped) produces: every step up to it applied in order.
    public func state(at index: Int) -> DemoStepState {
        let own = LeverSchedule(base: scenario.parameters, changes: scenario.changes)
        var state = DemoStepState(schedule: own, month: 0, fromMonth: 0, focus: .graph, maximized: false)
        guard !steps.isEmpty else { return state }
        for step in steps[0...max(0, min(steps.count - 1, index))] {
            state.fromMonth = state.month
            if step.reset { state.schedule = own; state.loopLevers = LoopLevers() }
            let at = step.at ?? state.month
            for lever in step.levers {
                if loop != nil {
                    LoopLever(lever.id)?.apply(lever.value, to: &state.loopLevers)
                } else {
                    state.schedule.apply(LeverChange(month: at, id: lever.id, value: lever.value))
                }
            }
            if let m = step.month { state.month = m }
            if let f = step.focus { state.focus = f }
            state.maximized = step.maximize
        }
        return state
    }

    /// The projection of step `index`.
    public func projection(at index: Int) -> Projection {
        Engine.project(scenario, schedule: state(at: index).schedule)
    }

    /// The headline numbers step `index` shows.
    public func headline(at index: Int) -> Headline {
        Headline(projection(at: index), month: state(at: index).month)
    }

    /// The generic engine's projection of step `index` of a loop script; nil for the article's.
    public func loopProjection(at index: Int) -> LoopProjection? {
        loop.map { LoopEngine.project($0, levers: state(at: index).loopLevers) }
    }
}

/// One step of a demo script.
public struct DemoStep: Sendable, Equatable {
    /// One or two lines, shown as a banner while the step is on screen.
    public var caption: String
    /// Start from the scenario as its file gives it (values and dated changes), dropping
    /// earlier steps' changes.
    public var reset: Bool
    /// The month the lever changes apply from; nil: where the previous step left the clock.
    public var at: Int?
    /// Lever values, in the order written (a loop script's: `LoopLever` ids).
    public var levers: [SceneLever]
    /// The month the clock runs to (animated going forward); nil leaves it where it was.
    public var month: Int?
    /// The panel to focus; nil keeps the previous step's.
    public var focus: Panel?
    /// Whether the focused panel fills the screen during this step.
    public var maximize: Bool
    /// Recorded sessions: seconds into the session the change was made (not used in playback).
    public var elapsed: Double?
    /// A loop script's caption as written, when it names fields (`{need.openai}`) that
    /// `caption` has filled from the engine; nil otherwise.
    public var template: String?

    public init(caption: String, reset: Bool = false, at: Int? = nil, levers: [SceneLever] = [], month: Int? = nil,
                focus: Panel? = nil, maximize: Bool = false, elapsed: Double? = nil)
    {
        self.caption = caption; self.reset = reset; self.at = at; self.levers = levers; self.month = month
        self.focus = focus; self.maximize = maximize; self.elapsed = elapsed
    }
}

/// What a step leaves on screen: the lever schedule, the month and the panel shown.
public struct DemoStepState: Sendable, Equatable {
    /// The article's what-if (a loop script leaves it as its scenario gives it).
    public var schedule: LeverSchedule
    /// A loop script's levers (all at their defaults in an article script).
    public var loopLevers = LoopLevers()
    /// The month the step ends at.
    public var month: Int
    /// The month the previous step ended at: where the clock starts when the step runs.
    public var fromMonth: Int
    public var focus: Panel
    public var maximized: Bool
}
