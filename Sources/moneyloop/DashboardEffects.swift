import LoopDashboard

/// The executable's effect runner: the one switch over every effect of the dashboard
/// (files — the user's, or a served dashboard's allowed ones —, the Monte Carlo runner,
/// the presenter relay, the clock, the terminal).
final class DashboardEffects: EffectRunner {
    private let files: any FileWork
    private let monteCarlo = MonteCarloRunner()
    private let sharing: (any FollowLink)?

    init(files: any FileWork, sharing: (any FollowLink)?) {
        self.files = files
        self.sharing = sharing
    }

    func run(_ effect: Effect, for loop: any EffectHost) {
        switch effect {
        case .quit: loop.finish(status: 0)
        case .clockChanged: loop.restartClock()
        case .themeChanged: loop.repaint()
        case let .write(path, contents): loop.send(files.write(contents, to: path))
        case let .exportScreen(path): loop.send(files.write(loop.picture(), to: path))
        case let .loadScenario(name): loop.send(files.loadScenario(name))
        case let .setTheme(name): loop.send(files.theme(named: name))
        case let .followChanged(on): sharing?.follow(loop, on)
        case let .analytics(.startMonteCarlo(job)): monteCarlo.start(job) { loop.post($0) }
        case .analytics(.cancelMonteCarlo): monteCarlo.cancel()
        case .analytics(.listScenarios): loop.send(files.scenarioList())
        case let .analytics(.loadComparison(name)): loop.send(files.loadComparison(name))
        }
    }
}
