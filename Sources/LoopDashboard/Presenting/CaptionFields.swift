import LoopConfig
import LoopSim

/// The fields a loop script's caption may name in braces — `{need.openai}`,
/// `{share.nvidia.coreweave}` — each filled with what the generic engine computes for the
/// step (its levers, at the month the step ends), so a caption states no number by hand;
/// `{lever.demand.delayMonths}` is a lever's value in the step ("12 mo").
public struct CaptionFields: Sendable {
    public let loop: MoneyLoop
    public let projection: LoopProjection
    /// The month the step ends at: where cash, shares and "so far" are read.
    public let month: Int
    /// The step's levers, for `{lever.<id>}`.
    public let levers: LoopLevers

    public init(loop: MoneyLoop, projection: LoopProjection, month: Int, levers: LoopLevers) {
        self.loop = loop; self.projection = projection; self.month = max(0, min(month, projection.horizon))
        self.levers = levers
    }

    /// The forms a field takes (`<e>` an entity id of the loop, `<v>.<b>` a vendor and one of its buyers).
    public static let forms = [
        "month", "first-to-need", "first-out-if-closed", "deals", "deals.unsigned",
        "need.<e>", "peak.<e>", "out-if-closed.<e>", "cash.<e>",
        "share.<v>.<b>", "financed.<v>.<b>", "sales.<v>.<b>", "lever.<lever id>",
    ]

    /// The text of `field`; nil when the loop has no such field.
    public func value(of field: String) -> String? {
        if field.hasPrefix("lever."), let lever = LoopLever(id: String(field.dropFirst("lever.".count))) {
            return Format.parameterValue(lever.value(in: levers), unit: lever.parameter.unit)
        }
        let parts = field.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1:
            switch field {
            case "month": return label(month)
            case "first-to-need": return name(first { $0.need.firstMonth })
            case "first-out-if-closed": return name(first { $0.runwayIfClosed })
            case "deals": return "\(loop.deals.count)"
            default: return nil
            }
        case 2:
            if field == "deals.unsigned" { return "\(loop.deals.filter { $0.status != .binding }.count)" }
            guard let e = entity(parts[1]), !loop.entities[e].external else { return nil }
            let h = LoopHeadline(projection, entity: e)
            switch parts[0] {
            case "need": return when(h.need.firstMonth)
            case "peak": return Format.dollars(h.need.peak)
            case "out-if-closed": return when(h.runwayIfClosed)
            case "cash": return Format.dollars(projection.cash(month, e))
            default: return nil
            }
        case 3:
            guard let v = entity(parts[1]), let b = entity(parts[2]),
                  let line = RoundTripLedger.all(loop, projection).first(where: { $0.vendor == v })?
                      .lines.first(where: { $0.buyer == b })
            else { return nil }
            switch parts[0] {
            case "share":
                if case .share(let s) = line.standing(through: month) { return Format.percent(s) }
                return line.words(through: month, start: loop.start)
            case "financed": return Format.dollars(line.financed(through: month))
            case "sales": return Format.dollars(line.sales(through: month))
            default: return nil
            }
        default:
            return nil
        }
    }

    /// `template` with every `{field}` filled; the first field the loop does not have is thrown.
    public func fill(_ template: String) throws(UnknownField) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { throw UnknownField(name: String(rest[open...])) }
            let name = String(rest[rest.index(after: open)..<close])
            guard let text = value(of: name) else { throw UnknownField(name: name) }
            out += text
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// A field a caption names that the loop does not have.
    public struct UnknownField: Error, Equatable {
        public var name: String
    }

    func entity(_ id: String) -> Int? { loop.entities.firstIndex { $0.id == id } }
    func label(_ t: Int) -> String { loop.start.adding(months: t).shortLabel }
    func when(_ t: Int?) -> String { t.map(label) ?? "not within \(projection.horizon) months" }
    func name(_ e: Int?) -> String { e.map { loop.entities[$0].name } ?? "nobody" }

    /// The entity whose `month` comes first (ties: file order).
    func first(_ month: (LoopHeadline) -> Int?) -> Int? {
        LoopHeadline.all(loop, projection).compactMap { h in month(h).map { (h.entity, $0) } }.min { $0.1 < $1.1 }?.0
    }
}
