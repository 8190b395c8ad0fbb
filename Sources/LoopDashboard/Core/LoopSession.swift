import LoopConfig
import LoopSim

/// A loop file run on the generic engine: the loop, its levers (`LoopLever.all`), the
/// projection without and with the what-if, and undo. The loop's counterpart of `Session`;
/// the generic engine takes one set of levers per run, so a change applies from month 0.
public struct LoopSession: Sendable {
    public private(set) var loop: MoneyLoop
    public private(set) var levers: LoopLevers
    /// The loop as its file gives it: the ghost behind the what-if.
    public private(set) var baseline: LoopProjection
    /// The loop with the what-if levers.
    public private(set) var projection: LoopProjection
    /// The round trip of every vendor's money under the what-if (`RoundTripLedger.all`).
    public private(set) var ledgers: [RoundTripLedger]
    public private(set) var undoStack: [LoopLevers] = []
    public private(set) var redoStack: [LoopLevers] = []
    /// The file the loop came from.
    public var path: String?
    /// The funding graph's last layout, reused by frames that only move its pulses.
    public let graphMemo = GraphLayoutMemo()

    public init(loop: MoneyLoop, levers: LoopLevers = LoopLevers(), path: String? = nil) {
        self.loop = loop
        self.levers = levers
        baseline = LoopEngine.project(loop)
        projection = levers == LoopLevers() ? baseline : LoopEngine.project(loop, levers: levers)
        ledgers = RoundTripLedger.all(loop, projection)
        self.path = path
    }

    /// The levers the panel shows, as parameters.
    public static let parameters: [Parameter] = LoopLever.all.map(\.parameter)

    /// The what-if's value of lever `id` (its default when the id is no loop lever).
    public func value(_ id: ParameterID) -> Double {
        LoopLever.lever(id).map { $0.read(levers) } ?? fileValue(id)
    }

    /// The value lever `id` has when nothing is changed.
    public func fileValue(_ id: ParameterID) -> Double {
        LoopLever.lever(id)?.parameter.defaultValue ?? 0
    }

    /// The levers whose value differs from the file's, in panel order.
    public var changed: [ParameterID] {
        LoopLever.all.filter { abs($0.read(levers) - $0.parameter.defaultValue) > 1e-12 }.map(\.id)
    }

    /// Sets lever `id` (clamped to its range), recording undo; false when nothing changed.
    @discardableResult
    mutating func set(_ id: ParameterID, to value: Double) -> Bool {
        guard let lever = LoopLever.lever(id) else { return false }
        var next = levers
        lever.write(&next, lever.parameter.clamp(value))
        return replace(next)
    }

    /// Replaces the levers (recording undo) and runs the engine again.
    @discardableResult
    mutating func replace(_ next: LoopLevers) -> Bool {
        guard next != levers else { return false }
        undoStack.append(levers)
        redoStack.removeAll()
        apply(next)
        return true
    }

    mutating func undo() -> Bool { travel(from: \.undoStack, to: \.redoStack) }

    mutating func redo() -> Bool { travel(from: \.redoStack, to: \.undoStack) }

    private mutating func travel(from: WritableKeyPath<LoopSession, [LoopLevers]>,
                                 to: WritableKeyPath<LoopSession, [LoopLevers]>) -> Bool
    {
        guard let target = self[keyPath: from].popLast() else { return false }
        self[keyPath: to].append(levers)
        apply(target)
        return true
    }

    private mutating func apply(_ next: LoopLevers) {
        levers = next
        projection = next == LoopLevers() ? baseline : LoopEngine.project(loop, levers: next)
        ledgers = RoundTripLedger.all(loop, projection)
    }

    /// The entities whose cash is a headline (not the outside world), in file order.
    public var insiders: [Int] { loop.entities.indices.filter { !loop.entities[$0].external } }

    /// Who runs out of cash first with the what-if, and when; nil when nobody does.
    public var firstToRunOut: (entity: Int, month: Int)? {
        projection.firstToRunOut(among: insiders).flatMap { e in projection.runway(of: e).map { (e, $0) } }
    }
}
