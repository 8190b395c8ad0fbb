/// Whom this dashboard shares with: following a presenter, and the rules when `moneyloop
/// serve` runs it for an attendee. The sharing part of the model.
public struct SharingState: Sendable, Equatable {
    /// Following a presenter (`--follow`): levers are theirs; `f` toggles exploring alone.
    public var following = false
    /// Whether this dashboard was started as a follower (so `f` can rejoin).
    public var isFollower = false
    /// Set when `moneyloop serve` runs this dashboard for an attendee: what they may do.
    public var served: ServedSession?

    public init() {}
}
