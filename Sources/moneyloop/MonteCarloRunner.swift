import Dispatch
import LoopDashboard
import LoopSim

/// Runs the dashboard's Monte Carlo in the background, one run at a time: a new run
/// cancels the one before; progress (after each chunk of paths) and the result come
/// back as messages through `post`, on the main queue. The main queue never waits for a run.
final class MonteCarloRunner: @unchecked Sendable {
    /// The run in progress; touched only on the main queue.
    private var control: MonteCarloControl?
    /// Runs queue here one after the other; each spreads its paths over every core.
    private let queue = DispatchQueue(label: "moneyloop.montecarlo", qos: .userInitiated)

    /// Starts `job`, cancelling any run in progress; its messages go to `post` on the main queue.
    func start(_ job: MonteCarloJob, post: @escaping @Sendable (Message) -> Void) {
        control?.cancel()
        let control = MonteCarloControl()
        self.control = control
        let main: @Sendable (Message) -> Void = { message in DispatchQueue.main.async { post(message) } }
        queue.async {
            guard !control.isCancelled else { return }
            let start = DispatchTime.now().uptimeNanoseconds
            let elapsed: @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
            let result = MonteCarlo.run(job.scenario, schedule: job.schedule, paths: job.paths, seed: job.seed,
                                        months: job.months, control: control) { done, total in
                main(.analytics(.monteCarloProgress(MonteCarloProgress(generation: job.generation, done: done,
                                                                       total: total, elapsed: elapsed()))))
            }
            if let result { main(.analytics(.monteCarloFinished(generation: job.generation, result: result))) }
        }
    }

    /// Stops the run in progress, if any.
    func cancel() {
        control?.cancel()
        control = nil
    }
}
