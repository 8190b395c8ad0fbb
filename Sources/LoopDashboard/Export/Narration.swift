/// Narration in a session: whether it is on, and the sentences the last message produced,
/// which the event loop hands to `--narrate`'s file and the status line shows.
public struct Narration: Sendable, Equatable {
    public var enabled = false
    /// The sentences of the last message (empty when nothing meaningful changed).
    public private(set) var latest: [String] = []
    /// The sentence last shown as the notice, so the next one may replace it.
    private var shown: String?

    public init(enabled: Bool = false) { self.enabled = enabled }

    /// What to compare after a message: nil while narration is off.
    static func before(_ m: Model) -> (enabled: Bool, snapshot: NarrationSnapshot?) {
        let on = m.presentation.narration.enabled
        return (on, on ? NarrationSnapshot(m) : nil)
    }

    /// Narrates what the message changed, and shows the last sentence as the notice unless
    /// the message set a notice of its own.
    static func follow(_ m: inout Model, from before: (enabled: Bool, snapshot: NarrationSnapshot?)) {
        var n = m.presentation.narration
        n.latest = []
        if n.enabled, let snapshot = before.snapshot {
            n.latest = Narrator.sentences(from: snapshot, to: NarrationSnapshot(m))
        } else if n.enabled {
            n.latest = ["Narration on: " + Narrator.outcome(NarrationSnapshot(m)) + "."]
        } else if before.enabled {
            n.latest = ["Narration off."]
        }
        if let last = n.latest.last, m.notice == nil || m.notice == n.shown {
            m.notice = last
            n.shown = last
        }
        m.presentation.narration = n
    }
}
