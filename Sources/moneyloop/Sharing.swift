import LoopDashboard
import LoopShare
import LoopTerminal

/// Wires a dashboard to the presenter relay of `moneyloop serve`: `--share` publishes the
/// model's inputs on every change; `--follow` applies the presenter's. Main queue only.
final class Sharing: @unchecked Sendable {
    private let path: String
    private var publisher: SharePublisher?
    private var subscriber: ShareSubscriber?
    private weak var loop: (any EffectHost)?
    private var lastKey: String = ""

    init(path: String) { self.path = path }

    /// Publishes `loop`'s state whenever an input changes.
    func share(_ loop: EventLoop) {
        MainActor.assumeIsolated {
            let pub = ShareLink.publisher(path: path)
            publisher = pub
            loop.onModelChange = { [unowned self] model in
                // The cheap fields first: the scenario is written out only when something moved.
                let key = "\(model.month)|\(model.paused)|\(model.speed)|\(model.focus)|\(model.caption ?? "")|"
                    + "\(model.scenario.name)|\(model.schedule.changes.count)|\(model.schedule.changes.last.map { "\($0)" } ?? "")"
                guard key != self.lastKey else { return }
                self.lastKey = key
                let line = SharedState(model).line()
                MainActor.assumeIsolated { _ = pub.publish(line) }
            }
        }
    }

    /// Starts or stops applying the presenter's state to `loop`.
    func follow(_ loop: any EffectHost, _ on: Bool) {
        self.loop = loop
        MainActor.assumeIsolated {
            subscriber?.cancel()
            subscriber = nil
            guard on else { return }
            subscriber = ShareLink.subscriber(path: path) { [weak self] line in
                guard let state = SharedState.parse(line) else { return }
                self?.loop?.send(.shared(state))
            }
        }
    }
}
