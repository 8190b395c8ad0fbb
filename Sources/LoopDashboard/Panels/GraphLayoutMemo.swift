import Synchronization

/// The last funding-graph layout and what it was made from. Routing a dozen entities'
/// edges is the costly part of a frame; frames that only move the pulses reuse the layout
/// instead of routing again. It returns exactly what `GraphLayout.make` would for the same
/// inputs, so the view stays a function of the model; copies of a session share it.
public final class GraphLayoutMemo: Sendable {
    /// Everything the layout depends on.
    struct Key: Equatable, Sendable {
        var spec: GraphSpec
        var rect: Rect
        var legend: [[String]]
        var detailed: String
    }

    private let last = Mutex<(key: Key, layout: GraphLayout?)?>(nil)
    /// The last few shapes routed, newest last: toggling the panel's size (maximise and
    /// back) or stepping months finds its routes again instead of routing anew.
    private let lastRouted = Mutex<[(shape: GraphLayout.Shape, routed: GraphLayout.Routed?)]>([])
    static let shapesKept = 4

    public init() {}

    /// The layout for `key`: the remembered one when the key is the same, else `make()`'s.
    func layout(_ key: Key, _ make: () -> GraphLayout?) -> GraphLayout? {
        if let hit = last.withLock({ $0?.key == key ? $0 : nil }) { return hit.layout }
        let made = make()
        last.withLock { $0 = (key, made) }
        return made
    }

    /// The boxes and paths for `shape`: the remembered ones when one of the last few shapes
    /// is the same (a new month or lever changes only the texts), else `route()`'s.
    func routed(_ shape: GraphLayout.Shape, _ route: () -> GraphLayout.Routed?) -> GraphLayout.Routed? {
        if let hit = lastRouted.withLock({ kept in kept.last { $0.shape == shape } }) { return hit.routed }
        let made = route()
        lastRouted.withLock { kept in
            kept.removeAll { $0.shape == shape }
            kept.append((shape, made))
            if kept.count > Self.shapesKept { kept.removeFirst(kept.count - Self.shapesKept) }
        }
        return made
    }
}

extension GraphLayoutMemo: Equatable {
    /// Any two memos are alike: what one gives is what `GraphLayout.make` gives for the same
    /// inputs, so which one a model holds never changes what it shows (``Model/drawsAlike(_:)``).
    public static func == (_: GraphLayoutMemo, _: GraphLayoutMemo) -> Bool { true }
}
