import Dispatch
import LoopDashboard
import LoopSim

/// Runs the dashboard's Monte Carlo in the background, one run at a time: a new run
/// cancels the one before; progress (after each chunk of paths) and the result come
/// back as messages through `post`, which hands them to the main queue. The main queue
/// never waits for a run.
final class AnalyticsRunner: @unchecked Sendable {
    private let post: @Sendable (Message) -> Void
    /// The run in progress; touched only on the main queue.
    private var control: MonteCarloControl?
    /// Runs queue here one after the other; each spreads its paths over every core.
    private let queue = DispatchQueue(label: "moneyloop.montecarlo", qos: .userInitiated)

    init(post: @escaping @Sendable (Message) -> Void) { self.post = post }

    /// Carries out the analytics effects it owns; false for those the file side answers.
    func perform(_ effect: AnalyticsEffect) -> Bool {
        switch effect {
        case let .startMonteCarlo(job):
            start(job)
            return true
        case .cancelMonteCarlo:
            control?.cancel()
            control = nil
            return true
        case .listScenarios, .loadComparison:
            return false
        }
    }

    private func start(_ job: MonteCarloJob) {
        control?.cancel()
        let control = MonteCarloControl()
        self.control = control
        let post = self.post
        queue.async {
            guard !control.isCancelled else { return }
            let start = DispatchTime.now().uptimeNanoseconds
            let elapsed: @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
            let result = MonteCarlo.run(job.scenario, schedule: job.schedule, paths: job.paths, seed: job.seed,
                                        months: job.months, control: control) { done, total in
                post(.analytics(.monteCarloProgress(MonteCarloProgress(generation: job.generation, done: done,
                                                                       total: total, elapsed: elapsed()))))
            }
            if let result { post(.analytics(.monteCarloFinished(generation: job.generation, result: result))) }
        }
    }
}
