/// The frames lately drawn for the viewers of one process (a viewer host), kept so that a
/// viewer whose model draws alike (``Model/drawsAlike(_:)``) at the same size and in a
/// terminal of the same capabilities gets the frame already drawn instead of drawing it
/// again: a hall of followers at a few window sizes draws each frame a few times, not once
/// per viewer. What a viewer gets is always what `view` would draw for them. Main queue only.
public final class FrameShare {
    private struct Entry {
        let width: Int, height: Int
        let caps: Capabilities
        let model: Model
        let frame: Frame
        var lastUsed: Int
    }

    /// How many frames are kept (the least lately used goes first).
    public let capacity: Int
    private var entries: [Entry] = []
    private var uses = 0
    /// Frames drawn by `view`, and frames handed out again without drawing.
    public private(set) var drawn = 0, shared = 0

    public init(capacity: Int = 24) { self.capacity = max(1, capacity) }

    /// The frame of `model` at `width`×`height` for `caps`: one kept for a model that draws
    /// alike, or `view`'s, which is then kept.
    public func frame(_ model: Model, width: Int, height: Int, caps: Capabilities) -> Frame {
        uses += 1
        if let i = entries.lastIndex(where: {
            $0.width == width && $0.height == height && $0.caps == caps && $0.model.drawsAlike(model)
        }) {
            entries[i].lastUsed = uses
            shared += 1
            return entries[i].frame
        }
        let frame = view(model, width: width, height: height, caps: caps)
        drawn += 1
        if entries.count >= capacity, let oldest = entries.indices.min(by: { entries[$0].lastUsed < entries[$1].lastUsed }) {
            entries.remove(at: oldest)
        }
        entries.append(Entry(width: width, height: height, caps: caps, model: model, frame: frame, lastUsed: uses))
        return frame
    }
}
