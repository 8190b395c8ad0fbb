import LoopSim

/// Writes a `Scenario` as a scenario file that `ScenarioFile` reads back to the same
/// scenario (and so the same projection): every number is written so that it parses
/// to the identical `Double`.
public enum ScenarioWriter {
    /// The YAML text of `scenario`.
    public static func yaml(_ s: Scenario) -> String {
        var out = "# moneyloop scenario: see docs/simulation.md for every key\n"
        out += "name: \(quote(s.name))\n"
        out += "title: \(quote(s.title))\n"
        out += "start: \(s.start)\n"
        if let asOf = s.asOf { out += "asOf: \(asOf)\n" }
        out += "horizon: \(s.horizon)\n"
        out += parametersYAML(s)
        out += shocksYAML(s.uncertainty.shocks)
        out += "opening:\n"
        out += "  coreweave:\n    cash: \(figure(s.coreweaveCash, s.sources[Scenario.coreweaveCashKey]))\n"
        if s.uncertainty.distribution(of: .vastCash) == nil {
            out += "  vast:\n    cash: \(figure(s.parameters[.vastCash], s.sources[ParameterID.vastCash.rawValue]))\n"
        }
        if !s.contracts.isEmpty {
            out += "contracts:\n"
            for c in s.contracts {
                out += "  - customer: \(c.customer.rawValue)\n"
                out += "    value: \(number(c.value))\n"
                out += "    start: \(c.start)\n"
                out += "    termMonths: \(c.termMonths)\n"
            }
        }
        if !s.facilities.isEmpty {
            out += "facilities:\n"
            for (i, f) in s.facilities.enumerated() {
                out += "  - name: \(quote(f.name))\n"
                out += "    balance: \(figure(f.balance, s.sources[Scenario.facilityBalanceKey(i)]))\n"
                out += "    rate: \(number(f.rate))\n"
                out += "    maturity: \(f.maturity)\n"
                out += "    floating: \(f.floating)\n"
                out += "    amortizing: \(f.amortizing)\n"
            }
        }
        if !s.scenes.isEmpty {
            out += "scenes:\n"
            for scene in s.scenes {
                out += "  - name: \(quote(scene.name))\n"
                out += "    caption: \(quote(scene.caption))\n"
                if let m = scene.month { out += "    month: \(m)\n" }
                if !scene.levers.isEmpty {
                    out += "    levers:\n"
                    for l in scene.levers { out += "      \(l.id): \(number(l.value))\n" }
                }
            }
        }
        if !s.changes.isEmpty {
            // The what-if, in the order it was made: each entry applies from its month on.
            out += "changes:\n"
            for c in s.changes {
                out += "  - month: \(c.month)\n"
                out += "    levers:\n"
                out += "      \(c.id): \(number(c.value))\n"
            }
        }
        return out
    }

    /// An amount, with its source note when it has one: `{value: 1.89e9, source: "…", date: 2025-09-30}`.
    static func figure(_ v: Double, _ note: SourceNote?) -> String {
        note.map { "{value: \(number(v))\(noteFields($0))}" } ?? number(v)
    }

    /// `, source: "…", date: …, url: "…"` (or `, assumption: "…"`): a figure mapping's note keys.
    static func noteFields(_ n: SourceNote) -> String {
        if n.isAssumption { return ", assumption: \(quote(n.text))" }
        return ", source: \(quote(n.text)), date: \(n.date)" + (n.url.isEmpty ? "" : ", url: \(quote(n.url))")
    }

    /// A double-quoted YAML string.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A number as YAML that reads back to exactly `v`: `1.17e9`, `250000`, `0.0925`.
    public static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        if v == v.rounded(), abs(v) < 1e15 {
            let whole = Int(v)
            if abs(whole) >= 1_000_000 {
                // Engineering notation for money: 4.2e9, 11.9e9, 250e6.
                let digits = String(abs(whole))
                let e3 = (digits.count - 1) / 3 * 3
                let intPart = digits.prefix(digits.count - e3)
                var frac = Substring(digits.dropFirst(digits.count - e3))
                while frac.last == "0" { frac = frac.dropLast() }
                let text = (whole < 0 ? "-" : "") + intPart + (frac.isEmpty ? "" : "." + frac) + "e\(e3)"
                if Double(text) == v { return text }
            }
            return String(whole)
        }
        return "\(v)"  // Swift's shortest text that reads back as exactly `v`
    }
}
