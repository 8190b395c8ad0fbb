import LoopConfig

/// A figure the filings may give a scenario file: whose filer gives it, where it is
/// written, and how it is read from the company's facts.
public struct FilingTarget: Sendable, Equatable {
    /// The entity whose filer gives it (`coreweave`).
    public var entity: String
    /// As the update lists it: `coreweave.cash`, `cw.revenue2024`.
    public var what: String
    /// Where it is written; nil for a figure the file models another way (listed, never written).
    public var path: [KeyPathComponent]?
    public var rule: FigureRule
}

/// What `ScenarioUpdate` needs to know of one style of scenario file: its entities, the
/// figures filings set in it and where, what it models another way, how it is checked.
/// `LoopFilingsMapping` (loop files) and `ArticleFilingsMapping` (parameter-style) are the two.
protocol FilingsMapping {
    var doc: YAMLDocument { get }
    /// The entities that may have a filer, in the file's order.
    var entities: [String] { get }
    /// Where a top-level mapping the update must add (`parameters:`) goes: after this key.
    var placeAfter: [KeyPathComponent] { get }
    /// The figures the filings may set for `entity`.
    func targets(of entity: String) -> [FilingTarget]
    /// Why the filed `figure` is not written (the file models it another way), or nil.
    func keptReason(_ target: FilingTarget, _ figure: FiledFigure) -> String?
    /// What else of `entity` the filings do not give (listed as left as written), or nil.
    func notGiven(of entity: String) -> String?
    /// Throws when the updated `text` would not load as this style of file.
    func check(_ text: String, file: String) throws(FilingsError)
}

extension FilingsMapping {
    /// "the filed $14,000.0M at 2025-09-30": a figure named in a kept line.
    static func filed(_ f: FiledFigure) -> String { "the filed \(Money.millions(f.value)) at \(f.date)" }
}
