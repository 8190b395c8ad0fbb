import LoopSim

/// What narration compares between two moments of a session: the demo step, the scene,
/// the levers' present values, the headline the engine computed, the clock.
public struct NarrationSnapshot: Sendable, Equatable {
    public var scenario: String
    public var step: Int?
    public var stepCount: Int
    public var stepCaption: String?
    public var sceneCaption: String?
    public var levers: [ParameterID: Double]
    public var headline: Headline
    public var month: Int
    /// The calendar month the clock shows (the loop's or the scenario's).
    public var date: YearMonth
    public var paused: Bool
    public var scripted: Bool
    /// A loop file's outlook in words (the runway panel's summary); nil for the article's
    /// scenario, whose outlook is read from `headline`.
    public var loopOutlook: String?

    public init(_ model: Model) {
        scenario = model.scenarioName
        let player = model.presentation.player
        step = player?.index
        stepCount = player?.script.steps.count ?? 0
        stepCaption = player?.step.caption
        sceneCaption = model.caption
        levers = Dictionary(uniqueKeysWithValues: model.levers.map { ($0.id, model.value($0.id)) })
        headline = Headline(model.projection, month: model.month)
        month = model.month
        date = model.start.adding(months: model.month)
        paused = model.paused
        scripted = player != nil
        loopOutlook = model.loop.map { LoopRunwayPanel(session: $0, model: model, caps: .plain).summary }
    }
}

/// Plain sentences for what changed between two snapshots, one per meaningful change, for
/// screen readers and very slow links (`--narrate`, `:narrate`). Every number is the
/// engine's, read from the snapshots' headlines (see `Outlook`). Pure.
public enum Narrator {
    public static func sentences(from a: NarrationSnapshot, to b: NarrationSnapshot) -> [String] {
        var out: [String] = []
        let (oa, ob) = (Outlook(a.headline), Outlook(b.headline))
        if a.scenario != b.scenario {
            out.append("Scenario \(b.scenario) loaded: \(outcome(b)).")
            return out
        }
        if let step = b.step, step != a.step || !a.scripted {
            out.append("Step \(step + 1) of \(b.stepCount): " + sentence(b.stepCaption ?? ""))
        }
        if let scene = b.sceneCaption, scene != a.sceneCaption { out.append("Scene " + sentence(scene)) }
        let levers = leverParameters.compactMap { p -> String? in
            guard let v = b.levers[p.id], v != a.levers[p.id] else { return nil }
            return "\(p.label) \(Format.parameterValue(v, unit: p.unit))"
        }
        if let now = b.loopOutlook {
            if !levers.isEmpty {
                out.append(capitalized(levers.joined(separator: ", ")) + ": " + (now == a.loopOutlook ? "still " : "") + now + ".")
            } else if now != a.loopOutlook {
                out.append(capitalized(now) + ".")
            }
            return out + pausing(a, b)
        }
        let change = comparison(oa, ob)
        let other = secondCompany(oa, ob).map { "; " + $0 } ?? ""
        if !levers.isEmpty {
            out.append(capitalized(levers.joined(separator: ", ")) + ": " + (change ?? still(ob)) + other + ".")
        } else if let change {
            out.append(capitalized(change) + other + ".")
        } else if !other.isEmpty {
            out.append(capitalized(String(other.dropFirst(2))) + ".")
        } else if b.month > a.month {
            for company in Outlook.companies {
                if let m = ob.months[company], a.month < m, m <= b.month {
                    out.append("\(b.headline.date.spoken): \(company.label) \(ob.verb).")
                }
            }
        }
        return out + pausing(a, b)
    }

    /// The article's levers and a loop's (one entry per id).
    static let leverParameters = ParameterRegistry.levers
        + LoopSession.parameters.filter { p in !ParameterRegistry.levers.contains { $0.id == p.id } }

    /// "Paused at Aug 2026." when the clock was paused or started outside a script.
    static func pausing(_ a: NarrationSnapshot, _ b: NarrationSnapshot) -> [String] {
        guard !b.scripted && a.scripted == b.scripted && a.paused != b.paused else { return [] }
        let when = b.date.spoken
        return [b.paused ? "Paused at \(when)." : "Running from \(when)."]
    }

    /// What a snapshot's outlook is: a loop's in words, or the article's first company to run short.
    static func outcome(_ s: NarrationSnapshot) -> String { s.loopOutlook ?? outcome(Outlook(s.headline)) }

    /// "CoreWeave runs out of cash in Aug 2026", or that no company does within the horizon.
    static func outcome(_ o: Outlook) -> String {
        guard let first = o.first, let date = o.date(first) else {
            return "no company \(o.verb) within \(o.horizon) months"
        }
        return "\(first.label) \(o.verb) in \(date.spoken)"
    }

    /// The outlook unchanged, said so.
    static func still(_ o: Outlook) -> String {
        guard let first = o.first, let date = o.date(first) else {
            return "still no company \(o.verb) within \(o.horizon) months"
        }
        return "\(first.label) still \(o.verb) in \(date.spoken)"
    }

    /// How the first company changed from `a` to `b`; nil when it did not.
    static func comparison(_ a: Outlook, _ b: Outlook) -> String? {
        let before = a.first.flatMap { c in a.months[c].map { (c, $0) } }
        let after = b.first.flatMap { c in b.months[c].map { (c, $0) } }
        switch (before, after) {
        case (nil, nil):
            return nil
        case let ((c0, m0)?, (c1, m1)?) where c0 == c1:
            guard m1 != m0 else { return nil }
            return outcome(b) + ", \(months(abs(m1 - m0))) \(m1 > m0 ? "later" : "earlier") than before"
        case let ((c0, _)?, (c1, _)?):
            return "\(c1.label) now \(b.verb) first, in \(b.date(c1)!.spoken); before, "
                + "\(c0.label) did, in \(a.date(c0)!.spoken)"
        case let ((c0, _)?, nil):
            return outcome(b) + "; before, \(c0.label) did, in \(a.date(c0)!.spoken)"
        case (nil, _?):
            return outcome(b) + "; before, none did within \(a.horizon) months"
        }
    }

    /// How the company that is not first changed; nil when it did not (or when the first
    /// company changed, which `comparison` says in full).
    static func secondCompany(_ a: Outlook, _ b: Outlook) -> String? {
        guard a.first == b.first || a.first == nil || b.first == nil else { return nil }
        for c in Outlook.companies where c != b.first && c != a.first {
            switch (a.months[c], b.months[c], b.date(c)) {
            case let (m0?, m1?, date?) where m0 != m1:
                return "\(c.label) now \(b.verb) in \(date.spoken), \(months(abs(m1 - m0))) "
                    + "\(m1 > m0 ? "later" : "earlier") than before"
            case (_?, nil, _):
                return "\(c.label) no longer \(b.verb) within \(b.horizon) months"
            case let (nil, _?, date?):
                return "\(c.label) now \(b.verb) too, in \(date.spoken)"
            default:
                continue
            }
        }
        return nil
    }

    /// "one month", "two months", … "12 months".
    static func months(_ n: Int) -> String {
        let words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        let count = n < words.count ? words[n] : String(n)
        return count + (n == 1 ? " month" : " months")
    }

    /// A caption's lines joined with spaces.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { String($0).trimmingSpaces() }.joined(separator: " ")
    }

    /// A caption as one sentence: its lines joined, ending in one full stop.
    static func sentence(_ text: String) -> String {
        let line = oneLine(text)
        return line.hasSuffix(".") ? line : line + "."
    }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}

extension Narrator {
    /// Where a session starts: "month 0 (Nov 2025), CoreWeave runs out of cash in Jun 2026."
    public static func opening(_ model: Model) -> String {
        let s = NarrationSnapshot(model)
        return "month \(s.month) (\(s.date.spoken)), \(outcome(s))."
    }
}

extension YearMonth {
    /// The month as said aloud: `Aug 2026` (never the ambiguous `Aug 26`).
    var spoken: String { String(shortLabel.prefix(3)) + " \(year)" }
}
