import LoopSim

extension ScenarioWriter {
    /// The `parameters:` section: the plain values that differ from the registry's, in
    /// registry order, then the distributions in the order they are drawn. Vast's cash
    /// goes under `opening` unless it is uncertain.
    static func parametersYAML(_ s: Scenario) -> String {
        let uncertain = s.uncertainty.parameters
        // A sourced figure is written even at its default, so its note is kept.
        let changed = Set(s.parameters.differences(from: .defaults))
        let plain = ParameterRegistry.all.map(\.id).filter { id in
            (changed.contains(id) || s.sources[id.rawValue] != nil) && id != .vastCash && !uncertain.contains { $0.id == id }
        }
        guard !plain.isEmpty || !uncertain.isEmpty else { return "" }
        var out = "parameters:\n"
        for id in plain { out += "  \(id): \(figure(s.parameters[id], s.sources[id.rawValue]))\n" }
        for u in uncertain { out += "  \(u.id): \(distribution(u.distribution, s.sources[u.id.rawValue]))\n" }
        return out
    }

    /// A distribution as a flow mapping (`{value: 0.75, low: 0.7, high: 0.9}`), or a plain
    /// number when it is fixed.
    static func distribution(_ d: Distribution, _ note: SourceNote? = nil) -> String {
        guard !d.isFixed else { return figure(d.value, note) }
        let kind = d.kind == .triangular ? "" : ", dist: \(d.kind.rawValue)"
        return "{value: \(number(d.value)), low: \(number(d.low)), high: \(number(d.high))\(kind)"
            + (note.map(noteFields) ?? "") + "}"
    }

    /// The `shocks:` section.
    static func shocksYAML(_ shocks: [Shock]) -> String {
        guard !shocks.isEmpty else { return "" }
        var out = "shocks:\n"
        for shock in shocks {
            switch shock.kind {
            case let .haircut(customer, share, month):
                out += "  - kind: haircut\n    name: \(quote(shock.name))\n    customer: \(customer.rawValue)\n"
                out += "    chance: \(number(shock.chance))\n"
                out += "    share: \(distribution(share))\n    month: \(distribution(month))\n"
            case .creditClosed:
                out += "  - kind: creditClosed\n    name: \(quote(shock.name))\n    chance: \(number(shock.chance))\n"
            }
        }
        return out
    }
}

