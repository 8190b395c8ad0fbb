import LoopConfig
import LoopSim

/// How the analytics keys (`m`, `K`, `c`), their overlays and their messages change the
/// model. Pure, like `update`.
enum AnalyticsUpdate {
    /// What `update` notes before a message, to see afterwards what changed.
    struct Before {
        let scenario: Scenario
        let schedule: LeverSchedule
        let analytics: AnalyticsState

        init(_ m: Model) { scenario = m.scenario; schedule = m.schedule; analytics = m.analytics }
    }

    /// After any message: a loaded scenario keeps the analytics settings and drops what
    /// was computed for the old one; with Monte Carlo on, any change of scenario or
    /// levers cancels the run and starts another.
    static func follow(_ m: inout Model, from b: Before) -> [Effect] {
        let scenarioChanged = m.scenario != b.scenario
        if scenarioChanged {
            var a = b.analytics
            a.result = nil; a.resultSchedule = nil; a.progress = nil; a.tornado = nil
            if a.overlay == .tornado { a.overlay = nil }
            m.analytics = a
        }
        guard m.analytics.enabled, scenarioChanged || m.schedule != b.schedule else { return [] }
        return start(&m)
    }

    /// A new run for the levers as they are now (the runner cancels any older one).
    static func start(_ m: inout Model) -> [Effect] {
        var a = m.analytics
        a.generation += 1
        a.progress = MonteCarloProgress(generation: a.generation, done: 0, total: a.paths, elapsed: 0)
        m.analytics = a
        let job = MonteCarloJob(generation: a.generation, scenario: m.scenario, schedule: m.schedule, paths: a.paths,
                                seed: a.seed, months: m.horizon)
        return [.analytics(.startMonteCarlo(job))]
    }

    /// `m`, `K` and `c`.
    static func perform(_ action: Action, _ m: inout Model) -> [Effect] {
        switch action {
        case .monteCarlo:
            if m.analytics.enabled {
                let running = m.analytics.progress != nil
                m.analytics.enabled = false
                m.analytics.progress = nil
                m.analytics.generation += 1
                m.notice = "Monte Carlo off"
                return running ? [.analytics(.cancelMonteCarlo)] : []
            }
            guard !m.scenario.uncertainty.isEmpty else {
                m.notice = "\(m.scenario.name) gives no distributions or shocks: every path would be the same"
                return []
            }
            m.analytics.enabled = true
            return start(&m)
        case .tornado:
            openTornado(&m)
        case .compare:
            m.analytics.overlay = .picker
            m.analytics.scenarios = nil
            return [.analytics(.listScenarios)]
        default:
            break
        }
        return []
    }

    static func openTornado(_ m: inout Model) {
        let metrics = Metric.standard(horizon: m.horizon)
        let metric = metrics[max(0, min(metrics.count - 1, m.analytics.tornadoMetric))]
        m.analytics.tornado = Sensitivity.tornado(m.scenario, schedule: m.schedule, metric: metric, months: m.horizon)
        m.analytics.overlay = .tornado
    }

    /// An action of the open overlay's key context (`tornado`, `picker`, `comparison`);
    /// keys it does not bind wait.
    static func overlay(_ action: Action, _ m: inout Model) -> [Effect] {
        let count = Metric.standard(horizon: m.horizon).count
        let n = m.analytics.scenarios?.count ?? 0
        switch action {
        case .closeOverlay:
            m.analytics.overlay = nil
        case .nextMetric:
            m.analytics.tornadoMetric = (m.analytics.tornadoMetric + 1) % count
            openTornado(&m)
        case .previousMetric:
            m.analytics.tornadoMetric = (m.analytics.tornadoMetric + count - 1) % count
            openTornado(&m)
        case .moveUp:
            m.analytics.pickerIndex = max(0, m.analytics.pickerIndex - 1)
        case .moveDown:
            m.analytics.pickerIndex = min(max(0, n - 1), m.analytics.pickerIndex + 1)
        case .choose:
            guard let list = m.analytics.scenarios, list.indices.contains(m.analytics.pickerIndex) else { break }
            let entry = list[m.analytics.pickerIndex]
            // The two engines' numbers do not compare: a loop file (or anything from a loop) opens instead.
            guard entry.isLoop || m.loop != nil else { return [.analytics(.loadComparison(entry.path ?? entry.name))] }
            m.analytics.overlay = nil
            return [.loadScenario(entry.path ?? entry.name)]
        case .compare:
            return perform(.compare, &m)
        default:
            break
        }
        return []
    }

    /// The runner's and the file side's answers.
    static func apply(_ message: AnalyticsMessage, _ m: inout Model) -> [Effect] {
        switch message {
        case let .monteCarloProgress(p):
            guard m.analytics.enabled, p.generation == m.analytics.generation else { return [] }
            m.analytics.progress = p
        case let .monteCarloFinished(generation, result):
            // A run of the current generation was started for the levers as they are now.
            guard m.analytics.enabled, generation == m.analytics.generation else { return [] }
            m.analytics.result = result
            m.analytics.resultSchedule = m.schedule
            m.analytics.progress = nil
        case let .scenarioList(list):
            m.analytics.scenarios = list
            // First another file that compares (the same engine's), else any other.
            m.analytics.pickerIndex = list.firstIndex { $0.name != m.scenarioName && $0.isLoop == (m.loop != nil) }
                ?? list.firstIndex { $0.name != m.scenarioName } ?? 0
        case let .comparisonLoaded(scenario):
            // Opens only while the picker that asked still waits: closed meanwhile (Esc, or
            // by an input flood whose first keys chose it), the answer is dropped.
            guard m.analytics.overlay == .picker else { return [] }
            m.analytics.compared = ComparedScenario(scenario: scenario,
                                                    projection: Engine.project(scenario, months: m.horizon))
            m.analytics.overlay = .comparison
        }
        return []
    }
}
