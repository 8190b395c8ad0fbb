import LoopConfig
import LoopSim

/// Filings in a loop file: each entity's `cash` and `debt` (current plus noncurrent),
/// unless its debt is in loan deals with an opening balance.
struct LoopFilingsMapping: FilingsMapping {
    let doc: YAMLDocument
    let loop: MoneyLoop

    /// The keys filings set on an entity; every other entity key stays as written.
    static let keys = ["cash", "debt"]

    var entities: [String] { loop.entities.filter { !$0.external }.map(\.id) }
    var placeAfter: [KeyPathComponent] { [.key("start")] }

    func targets(of entity: String) -> [FilingTarget] {
        [("cash", FigureRule.balance(.cash)), ("debt", .totalDebt)].map { key, rule in
            FilingTarget(entity: entity, what: "\(entity).\(key)", path: [.key("entities"), .key(entity), .key(key)], rule: rule)
        }
    }

    func keptReason(_ target: FilingTarget, _ figure: FiledFigure) -> String? {
        guard target.rule == .totalDebt, let i = loop.entities.firstIndex(where: { $0.id == target.entity }) else { return nil }
        let loans = loop.deals.filter { d in
            guard d.to == i, case let .loan(t) = d.terms else { return false }
            return t.drawn > 0 || (t.facility == .bond && t.issue == nil)
        }
        guard !loans.isEmpty else { return nil }
        return "modelled by its loan deals (\(loans.map(\.id).joined(separator: ", "))); \(Self.filed(figure)) "
            + "is not added, so no debt counts twice"
    }

    func notGiven(of entity: String) -> String? {
        guard let e = loop.entities.first(where: { $0.id == entity }) else { return nil }
        let others = e.sources.keys.filter { !Self.keys.contains($0) }.sorted()
        return others.isEmpty ? nil : others.joined(separator: ", ")
    }

    func check(_ text: String, file: String) throws(FilingsError) {
        do { _ = try LoopFile.load(text: text, file: file) } catch { throw FilingsError(error.description) }
    }
}
