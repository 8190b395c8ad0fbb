/// Every figure of a loop as an addressable parameter: `entity.<id>.cash|debt|fleet` (and
/// `cashFloor|marketAccess` for an entity that finances itself) and
/// `deal.<id>.<key>` (`deal.openai-oracle.value`, `deal.cw-ddtl3.ltv`), each with its
/// value, range and source. Setting one outside its range, or an id the loop does not
/// have, is an error — never a silent 0.
public struct LoopParameter: Sendable, Equatable {
    public var id: LoopParameterID
    public var value: Double
    public var min: Double
    public var max: Double
    public var source: SourceNote

    /// Fractions keep 0 … 1; other figures 0 … 4× their value (at least 1).
    static func make(_ id: LoopParameterID, _ value: Double, fraction: Bool = false, source: SourceNote) -> LoopParameter {
        LoopParameter(id: id, value: value, min: 0, max: fraction ? 1 : Swift.max(1, value * 4), source: source)
    }
}

extension MoneyLoop {
    /// The loop's parameters, entities first, in file order.
    public var parameters: [LoopParameter] {
        var out: [LoopParameter] = []
        for e in entities {
            let note = { (k: String) in e.sources[k] ?? SourceNote(text: "not given", isAssumption: true) }
            out.append(.make(LoopParameterID(.entity, e.id, "cash"), e.cash, source: note("cash")))
            out.append(.make(LoopParameterID(.entity, e.id, "debt"), e.debt, source: note("debt")))
            out.append(.make(LoopParameterID(.entity, e.id, "fleet"), e.fleet, source: note("fleet")))
            if let f = e.financing {
                out.append(.make(LoopParameterID(.entity, e.id, "cashFloor"), f.policy.cashFloor,
                                 source: note("financing.cashFloor")))
                out.append(.make(LoopParameterID(.entity, e.id, "marketAccess"), f.policy.marketAccess, fraction: true,
                                 source: note("financing.marketAccess")))
            }
        }
        for d in deals {
            for (key, value, fraction) in d.figures {
                out.append(.make(LoopParameterID(.deal, d.id, key), value, fraction: fraction, source: d.source))
            }
        }
        return out
    }

    /// Sets figure `id` to `value`; throws when the value is out of range. An id this loop
    /// does not have (made for another loop) stops the program: text is checked by
    /// `parameterID(validating:)` first.
    public mutating func set(_ id: LoopParameterID, _ value: Double) throws(ParameterError) {
        guard let p = parameters.first(where: { $0.id == id }) else {
            preconditionFailure("\(id) is not a figure of this loop")
        }
        guard value.isFinite, value >= p.min, value <= p.max else {
            throw .outOfRange(ParameterID(rawValue: id.rawValue), value: value, min: p.min, max: p.max)
        }
        switch id.owner {
        case .entity:
            guard let e = entity(id.name) else { return }
            switch id.figure {
            case "cash": entities[e].cash = value
            case "debt": entities[e].debt = value
            case "cashFloor": entities[e].financing?.policy.cashFloor = value
            case "marketAccess": entities[e].financing?.policy.marketAccess = value
            default: entities[e].fleet = value
            }
        case .deal:
            guard let d = deal(id.name) else { return }
            deals[d].terms = deals[d].terms.setting(id.figure, value)
        }
    }
}

extension LoopDeal {
    /// The deal's numeric terms by key, with whether each is a fraction.
    var figures: [(String, Double, Bool)] {
        switch terms {
        case let .takeOrPay(value, _, _, _, gpus): [("value", value, false), ("gpus", gpus, false)]
        case let .usage(gpus, share, util, price, decline, _, _):
            [("gpus", gpus, false), ("fleetShare", share, true), ("utilization", util, true), ("price", price, false),
             ("priceDeclinePerYear", decline, true)]
        case let .perUnit(cap, rate, _, _, _, _): [("cap", cap, false)] + (rate.map { [("rate", $0, false)] } ?? [])
        case let .vendorSale(price, perMonth, _, _, _, _): [("unitPrice", price, false), ("perMonth", perMonth, false)]
        case let .equity(t): [("amount", t.reduce(0) { $0 + $1.amount }, false)]
        case let .loan(l): [("limit", l.limit, false), ("drawn", l.drawn, false), ("rate", l.rate, true), ("ltv", l.ltv, true)]
        case let .backstop(limit, price, _, _): [("limit", limit, false), ("price", price, false)]
        case let .warrant(strike, price, _, t):
            [("strike", strike, false), ("sharePrice", price, false), ("shares", t.reduce(0) { $0 + $1.amount }, false)]
        case let .recurring(monthly, growth, _, _): [("monthly", monthly, false), ("growthPerYear", growth, false)]
        }
    }
}

extension DealTerms {
    /// The terms with figure `key` set to `v` (tranche totals scale every tranche).
    func setting(_ key: String, _ v: Double) -> DealTerms {
        func scaled(_ t: [Tranche]) -> [Tranche] {
            let total = t.reduce(0) { $0 + $1.amount }
            return t.map { Tranche(amount: total > 0 ? $0.amount * v / total : v / Double(t.count), milestone: $0.milestone) }
        }
        switch (self, key) {
        case let (.takeOrPay(_, s, t, r, g), "value"): return .takeOrPay(value: v, start: s, term: t, ramp: r, gpus: g)
        case let (.takeOrPay(x, s, t, r, _), "gpus"): return .takeOrPay(value: x, start: s, term: t, ramp: r, gpus: v)
        case let (.usage(_, f, u, p, d, s, t), "gpus"): return .usage(gpus: v, fleetShare: f, utilization: u, price: p, declinePerYear: d, start: s, term: t)
        case let (.usage(g, _, u, p, d, s, t), "fleetShare"): return .usage(gpus: g, fleetShare: v, utilization: u, price: p, declinePerYear: d, start: s, term: t)
        case let (.usage(g, f, _, p, d, s, t), "utilization"): return .usage(gpus: g, fleetShare: f, utilization: v, price: p, declinePerYear: d, start: s, term: t)
        case let (.usage(g, f, u, _, d, s, t), "price"): return .usage(gpus: g, fleetShare: f, utilization: u, price: v, declinePerYear: d, start: s, term: t)
        case let (.usage(g, f, u, p, _, s, t), "priceDeclinePerYear"): return .usage(gpus: g, fleetShare: f, utilization: u, price: p, declinePerYear: v, start: s, term: t)
        case let (.perUnit(_, r, ru, s, t, f), "cap"): return .perUnit(cap: v, rate: r, referenceUtilization: ru, start: s, term: t, flat: f)
        case let (.perUnit(c, _, ru, s, t, f), "rate"): return .perUnit(cap: c, rate: v, referenceUtilization: ru, start: s, term: t, flat: f)
        case let (.vendorSale(_, m, s, t, o, l), "unitPrice"): return .vendorSale(unitPrice: v, perMonth: m, start: s, term: t, orders: o, leadTime: l)
        case let (.vendorSale(p, _, s, t, o, l), "perMonth"): return .vendorSale(unitPrice: p, perMonth: v, start: s, term: t, orders: o, leadTime: l)
        case let (.equity(t), "amount"): return .equity(tranches: scaled(t))
        case (.loan(var l), _):
            switch key {
            case "limit": l.limit = v
            case "drawn": l.drawn = v
            case "rate": l.rate = v
            default: l.ltv = v
            }
            return .loan(l)
        case let (.backstop(_, p, s, t), "limit"): return .backstop(limit: v, price: p, start: s, term: t)
        case let (.backstop(l, _, s, t), "price"): return .backstop(limit: l, price: v, start: s, term: t)
        case let (.warrant(_, p, g, t), "strike"): return .warrant(strike: v, sharePrice: p, growthPerYear: g, tranches: t)
        case let (.warrant(k, _, g, t), "sharePrice"): return .warrant(strike: k, sharePrice: v, growthPerYear: g, tranches: t)
        case let (.warrant(k, p, g, t), "shares"): return .warrant(strike: k, sharePrice: p, growthPerYear: g, tranches: scaled(t))
        case let (.recurring(_, g, s, t), "monthly"): return .recurring(monthly: v, growthPerYear: g, start: s, term: t)
        case let (.recurring(m, _, s, t), "growthPerYear"): return .recurring(monthly: m, growthPerYear: v, start: s, term: t)
        default: return self
        }
    }
}
