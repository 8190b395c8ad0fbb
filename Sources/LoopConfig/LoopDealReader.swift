import LoopSim

/// Reads one deal of a loop file: the common keys, then its kind's terms.
struct LoopDealReader {
    let r: LoopFileReader
    let at: [KeyPathComponent]
    let entities: [String]
    let deals: [String]

    func k(_ key: String) -> [KeyPathComponent] { at + [.key(key)] }

    func read() throws(ConfigError) -> LoopDeal {
        let kind: DealKind = try r.choice(k("kind"), "deal kind")
        try r.checkKeys(at, allowed: LoopFile.commonDealKeys + (LoopFile.kindKeys[kind] ?? []))
        let from = try entity("from"), to = try entity("to")
        guard from != to else { throw r.fail(k("to"), "a deal needs two different entities; from and to are both '\(entities[to])'") }
        let status: DealStatus = try r.choice(k("status"), "status")
        let src = k("source")
        guard case .mapping? = r.node(src) else {
            throw r.has(src) ? r.fail(src, "expected {text: \"…\", date: YYYY-MM-DD}") : r.fail(src, "missing required key")
        }
        try r.checkKeys(src, allowed: ["text", "date", "url"])
        let date = try r.text(src + [.key("date")])
        try r.checkDate(date, src + [.key("date")])
        let source = SourceNote(text: try r.text(src + [.key("text")]), date: date,
                                url: try r.optionalText(src + [.key("url")]) ?? "")
        return LoopDeal(id: try r.text(k("id")), from: from, to: to, status: status, source: source,
                        terms: try terms(kind))
    }

    func entity(_ key: String) throws(ConfigError) -> Int {
        let id = try r.text(k(key))
        guard let i = entities.firstIndex(of: id) else { throw r.fail(k(key), LoopFile.unknownEntity(id, entities)) }
        return i
    }

    func term(_ key: String = "termMonths") throws(ConfigError) -> Int {
        try r.whole(k(key), default: Scenario.maxHorizon * 2, max: 600)
    }

    func terms(_ kind: DealKind) throws(ConfigError) -> DealTerms {
        switch kind {
        case .takeOrPay:
            let term = try r.whole(k("termMonths"), default: 0)
            guard term >= 1 else { throw r.fail(k("termMonths"), r.has(k("termMonths")) ? "expected 1 … 600 months" : "missing required key") }
            return .takeOrPay(value: try r.amount(k("value")).value, start: try r.month(k("start")), term: term,
                              ramp: try r.whole(k("ramp"), default: 0), gpus: try r.amount(k("gpus"), default: 0))
        case .usage:
            return .usage(gpus: try r.amount(k("gpus"), default: 0), fleetShare: try r.fraction(k("fleetShare"), default: 0),
                          utilization: try r.fraction(k("utilization"), default: 0.75),
                          price: try r.amount(k("price")).value,
                          declinePerYear: try r.fraction(k("priceDeclinePerYear"), default: 0),
                          start: try r.month(k("start"), default: 0), term: try term())
        case .perUnit:
            if r.has(k("units")), try r.text(k("units")) != "busy-gpu-hours" {
                throw r.fail(k("units"), "allowed: busy-gpu-hours (the payer's GPU-hours in use)")
            }
            let term = try r.whole(k("termMonths"), default: 0)
            guard term >= 1 else { throw r.fail(k("termMonths"), "expected 1 … 600 months") }
            return .perUnit(cap: try r.amount(k("cap")).value,
                            rate: r.has(k("rate")) ? try r.amount(k("rate")).value : nil,
                            referenceUtilization: try r.fraction(k("referenceUtilization"), default: 0.75),
                            start: try r.month(k("start"), default: 0), term: term,
                            flat: try r.bool(k("flat"), default: false))
        case .vendorSale:
            return .vendorSale(unitPrice: try r.amount(k("unitPrice")).value, perMonth: try r.amount(k("perMonth"), default: 0),
                               start: try r.month(k("start"), default: 0), term: try term(),
                               orders: try tranches("orders", amount: "units"),
                               leadTime: try r.whole(k("leadTimeMonths"), default: 0, max: 60))
        case .equity:
            if r.has(k("amount")) {
                guard !r.has(k("tranches")) else { throw r.fail(k("tranches"), "give `amount` and `date`, or `tranches`, not both") }
                return .equity(tranches: [Tranche(amount: try r.amount(k("amount")).value,
                                                  milestone: Milestone(month: try r.month(k("date"))))])
            }
            return .equity(tranches: try tranches("tranches", amount: "amount"))
        case .loan: return .loan(try loan())
        case .backstop:
            return .backstop(limit: try r.amount(k("limit")).value, price: try r.amount(k("price")).value,
                             start: try r.month(k("start"), default: 0), term: try term())
        case .warrant:
            return .warrant(strike: try r.amount(k("strike"), default: 0), sharePrice: try r.amount(k("sharePrice")).value,
                            growthPerYear: try r.amount(k("priceGrowthPerYear"), default: 0, max: 10),
                            tranches: try tranches("tranches", amount: "shares"))
        case .recurring:
            return .recurring(monthly: try r.amount(k("monthly")).value,
                              growthPerYear: try r.amount(k("growthPerYear"), default: 0, max: 10),
                              start: try r.month(k("start"), default: 0), term: try term())
        }
    }

    func loan() throws(ConfigError) -> LoanTerms {
        let facility: LoanTerms.Facility = try r.choice(k("facility"), "facility")
        var collateral: [Int] = []
        if r.has(k("collateral")) {
            guard case let .sequence(s)? = r.node(k("collateral")) else { throw r.fail(k("collateral"), "expected a list of deal ids") }
            for i in s.indices {
                collateral.append(try dealRef(k("collateral") + [.index(i)]))
            }
        }
        let rate = try r.fraction(k("rate"), default: 0)
        switch facility {
        case .ddtl:
            return LoanTerms(facility: .ddtl, limit: try r.amount(k("limit")).value, drawn: try r.amount(k("drawn"), default: 0),
                             rate: rate, floating: try r.bool(k("floating"), default: true),
                             ltv: try r.fraction(k("ltv"), default: 0.8), collateral: collateral,
                             term: max(1, try r.whole(k("termMonths"), default: 48)),
                             maturity: r.has(k("maturity")) ? try r.month(k("maturity")) : nil)
        case .revolver:
            return LoanTerms(facility: .revolver, limit: try r.amount(k("limit")).value,
                             drawn: try r.amount(k("drawn"), default: 0), rate: rate,
                             floating: try r.bool(k("floating"), default: true), collateral: collateral,
                             floor: try r.amount(k("floor"), default: 0))
        case .bond:
            let issued = r.has(k("date"))
            return LoanTerms(facility: .bond, limit: issued ? try r.amount(k("amount")).value : 0,
                             drawn: try r.amount(k("drawn"), default: 0), rate: rate,
                             floating: try r.bool(k("floating"), default: false), collateral: collateral,
                             maturity: try r.month(k("maturity")), issue: issued ? try r.month(k("date")) : nil)
        }
    }

    /// A deal named by its id.
    func dealRef(_ path: [KeyPathComponent]) throws(ConfigError) -> Int {
        let id = try r.text(path)
        guard let d = deals.firstIndex(of: id) else {
            let hint = YAMLDocument.closest(id, in: deals).map { " (did you mean '\($0)'?)" } ?? ""
            throw r.fail(path, "unknown deal '\(id)'\(hint)")
        }
        return d
    }

    /// A list of `{<amount>: …, date: … | milestone: {…}, priceTarget: …}`.
    func tranches(_ key: String, amount: String) throws(ConfigError) -> [Tranche] {
        guard r.has(k(key)) else { return [] }
        guard case let .sequence(s)? = r.node(k(key)) else { throw r.fail(k(key), "expected a list") }
        var out: [Tranche] = []
        for i in s.indices {
            let t = k(key) + [.index(i)]
            try r.checkKeys(t, allowed: [amount, "date", "milestone", "priceTarget"])
            var m = Milestone(month: try r.has(t + [.key("date")]) ? r.month(t + [.key("date")]) : nil)
            let ms = t + [.key("milestone")]
            if r.has(ms) {
                try r.checkKeys(ms, allowed: ["entity", "deal", "gigawatts", "fleet"])
                if r.has(ms + [.key("deal")]) {
                    m.deal = try dealRef(ms + [.key("deal")])
                } else {
                    let id = try r.text(ms + [.key("entity")])
                    guard let e = entities.firstIndex(of: id) else {
                        throw r.fail(ms + [.key("entity")], LoopFile.unknownEntity(id, entities))
                    }
                    m.entity = e
                }
                m.gigawatts = r.has(ms + [.key("gigawatts")]) ? try r.amount(ms + [.key("gigawatts")]).value : nil
                m.fleet = r.has(ms + [.key("fleet")]) ? try r.amount(ms + [.key("fleet")]).value : nil
            }
            m.priceTarget = r.has(t + [.key("priceTarget")]) ? try r.amount(t + [.key("priceTarget")]).value : nil
            out.append(Tranche(amount: try r.amount(t + [.key(amount)]).value, milestone: m))
        }
        return out
    }
}
