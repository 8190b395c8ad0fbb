import LoopConfig
import LoopSim

/// A loop file run on the generic engine: the loop, its levers (`LoopLever`), the
/// projection without and with the what-if, and undo. The loop's counterpart of `Session`;
/// the generic engine takes one set of levers per run, so a change applies from month 0.
public struct LoopSession: Sendable, Equatable {
    public private(set) var loop: MoneyLoop
    public private(set) var levers: LoopLevers
    /// The loop as its file gives it: the ghost behind the what-if.
    public private(set) var baseline: LoopProjection
    /// The loop with the what-if levers.
    public private(set) var projection: LoopProjection
    /// The round trip of every vendor's money under the what-if (`RoundTripLedger.all`).
    public private(set) var ledgers: [RoundTripLedger]
    /// Each entity's funding need and runways under the what-if (`LoopHeadline.all`).
    public private(set) var headlines: [LoopHeadline]
    /// The same for the loop as its file gives it (computed once: the baseline never changes).
    public let baselineHeadlines: [LoopHeadline]
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
        baselineHeadlines = LoopHeadline.all(loop, baseline)
        headlines = levers == LoopLevers() ? baselineHeadlines : LoopHeadline.all(loop, projection)
        self.path = path
    }

    /// The levers the panel shows, as parameters.
    public static let parameters: [Parameter] = LoopLever.allCases.map(\.parameter)

    /// The what-if's value of lever `id` (its default when the id is no loop lever).
    public func value(_ id: ParameterID) -> Double {
        LoopLever(id).map { $0.value(in: levers) } ?? fileValue(id)
    }

    /// The value lever `id` has when nothing is changed.
    public func fileValue(_ id: ParameterID) -> Double {
        LoopLever(id)?.parameter.defaultValue ?? 0
    }

    /// The levers whose value differs from the file's, in panel order.
    public var changed: [ParameterID] {
        LoopLever.allCases.filter { abs($0.value(in: levers) - $0.parameter.defaultValue) > 1e-12 }.map(\.parameter.id)
    }

    /// Sets lever `id` (clamped to its range), recording undo; false when nothing changed.
    @discardableResult
    mutating func set(_ id: ParameterID, to value: Double, recordingUndo: Bool = true) -> Bool {
        guard let lever = LoopLever(id) else { return false }
        var next = levers
        lever.apply(lever.parameter.clamp(value), to: &next)
        return replace(next, recordingUndo: recordingUndo)
    }

    /// Replaces the levers (recording undo unless a drag continues a change) and runs the engine again.
    @discardableResult
    mutating func replace(_ next: LoopLevers, recordingUndo: Bool = true) -> Bool {
        guard next != levers else { return false }
        if recordingUndo { undoStack.append(levers) }
        redoStack.removeAll()
        apply(next)
        return true
    }

    /// Takes `next` as the levers with no undo history (a demo script's step: the script holds it).
    mutating func load(levers next: LoopLevers) {
        undoStack.removeAll()
        redoStack.removeAll()
        if next != levers { apply(next) }
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
        headlines = next == LoopLevers() ? baselineHeadlines : LoopHeadline.all(loop, projection)
    }

    /// The entities whose cash is a headline (not the outside world), in file order.
    public var insiders: [Int] { loop.entities.indices.filter { !loop.entities[$0].external } }

    /// Who needs money first with the what-if (beyond rollovers and revolvers), and when;
    /// nil when nobody does. Read off the engine's `LoopHeadline`s.
    public var firstToNeedMoney: (entity: Int, month: Int)? { Self.first(headlines) }

    /// The same for the loop as its file gives it.
    public var firstToNeedMoneyAsFiled: (entity: Int, month: Int)? { Self.first(baselineHeadlines) }

    /// The entity whose need comes first (ties: file order).
    static func first(_ hs: [LoopHeadline]) -> (entity: Int, month: Int)? {
        hs.compactMap { h in h.need.firstMonth.map { (h.entity, $0) } }.min { $0.1 < $1.1 }
    }
}
