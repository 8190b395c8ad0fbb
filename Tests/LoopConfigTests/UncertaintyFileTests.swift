import Testing
@testable import LoopConfig
@testable import LoopSim

@Suite struct UncertaintyFileTests {
    /// A minimal scenario with `extra` lines appended.
    static func text(_ extra: String) -> String {
        "name: t\nstart: 2025-11\nopening:\n  coreweave:\n    cash: 4e9\n" + extra
    }

    static func load(_ extra: String) throws(ConfigError) -> Scenario {
        try ScenarioFile.load(text: text(extra), file: "u.yaml")
    }

    @Test func plainValuesWorkAsBefore() throws {
        let s = try Self.load("parameters:\n  cw.utilization: 0.8\n")
        #expect(s.parameters["cw.utilization"] == 0.8)
        #expect(s.uncertainty.isEmpty && s.uncertainty.parameters.isEmpty)
    }

    @Test func distributionsAndShocksAreRead() throws {
        let s = try Self.load("""
            parameters:
              cw.utilization: {low: 0.7, high: 0.9}
              price.gpuHour: {value: 2.2, low: 2.0, high: 2.6, dist: normal}
              cw.capexPerGPU: {value: 40000}
            shocks:
              - kind: haircut
                customer: meta
                chance: 0.2
                share: 0.25
                month: {low: 6, high: 18, dist: uniform}
              - kind: creditClosed
                chance: 0.1

            """)
        // No value: the parameter's own (registry default) is the mode and the plain value.
        #expect(s.parameters["cw.utilization"] == 0.75)
        #expect(s.uncertainty.distribution(of: "cw.utilization") == (try Distribution(value: 0.75, low: 0.7, high: 0.9)))
        #expect(s.parameters["price.gpuHour"] == 2.2)
        #expect(s.uncertainty.distribution(of: "price.gpuHour")?.kind == .normal)
        // A mapping with a value only is a plain value.
        #expect(s.parameters["cw.capexPerGPU"] == 40000 && s.uncertainty.distribution(of: "cw.capexPerGPU") == nil)
        #expect(s.uncertainty.shocks.count == 2)
        #expect(s.uncertainty.shocks[0] == Shock(name: "Meta haircut", chance: 0.2, kind: .haircut(
            customer: .meta, share: .fixed(0.25), month: try Distribution(value: 12, low: 6, high: 18, kind: .uniform))))
        #expect(s.uncertainty.shocks[1].kind == .creditClosed && s.uncertainty.shocks[1].name == "Credit window closed")
        // And they survive a save.
        #expect(try ScenarioFile.load(text: ScenarioWriter.yaml(s), file: "saved.yaml") == s)
    }

    /// Each bad spec and the exact message it must produce.
    static let bad: [(String, String)] = [
        ("parameters:\n  cw.utilization: {low: 0.9, high: 0.7}\n",
         "u.yaml:7:25: parameters.cw.utilization.low: low (0.9) is above high (0.7)"),
        ("parameters:\n  cw.capexPerGPU: {value: 45000, low: -5, high: 50000, dist: lognormal}\n",
         "u.yaml:7:39: parameters.cw.capexPerGPU.low: -5 is out of range; allowed 10000 ($10.00k) … 120000 ($120.00k)"),
        ("parameters:\n  vast.arrGrowth: {value: 0.1, low: -0.2, high: 0.5, dist: lognormal}\n",
         "u.yaml:7:37: parameters.vast.arrGrowth.low: a lognormal needs low > 0 (it has no zero or negative values); "
             + "low is -0.2"),
        ("parameters:\n  cw.utilization: {low: 0.7, high: 0.9, dist: beta}\n",
         "u.yaml:7:47: parameters.cw.utilization.dist: unknown distribution 'beta'; "
             + "allowed: uniform, triangular, lognormal, normal"),
        ("parameters:\n  cw.utilization: {low: 0.7, high: 0.9, dist: normall}\n",
         "u.yaml:7:47: parameters.cw.utilization.dist: unknown distribution 'normall' (did you mean normal?); "
             + "allowed: uniform, triangular, lognormal, normal"),
        ("parameters:\n  cw.utilization: {low: 0.8, high: 0.9}\n",
         "u.yaml:7:19: parameters.cw.utilization: no value given, and the default 0.75 lies outside low … high "
             + "(0.8 … 0.9); give a value inside the interval"),
        ("parameters:\n  cw.utilization: {value: 0.95, low: 0.8, high: 0.9}\n",
         "u.yaml:7:27: parameters.cw.utilization.value: the value 0.95 lies outside low … high (0.8 … 0.9); "
             + "give a value inside the interval"),
        ("parameters:\n  cw.utilization: {low: 0.7}\n",
         "u.yaml:7:19: parameters.cw.utilization: give both low and high (a 90% interval); high is missing"),
        ("parameters:\n  cw.utilization: {low: 0.7, hihg: 0.9}\n",
         "u.yaml:7:30: parameters.cw.utilization.hihg: unknown key (did you mean 'high'?); allowed: value, low, high, dist, source, date, url, assumption"),
        ("parameters:\n  cw.utilization: {low: 0.7, high: 1.2}\n",
         "u.yaml:7:36: parameters.cw.utilization.high: 1.2 is out of range; allowed 0.4 (40%) … 1 (100%)"),
        ("parameters:\n  cw.utilization: lots\n",
         "u.yaml:7:19: parameters.cw.utilization: expected a number or a mapping {value, low, high, dist}, found 'lots'"),
        ("parameters:\n  cw.utilisation: {low: 0.7, high: 0.9}\n",
         "u.yaml:7:3: parameters.cw.utilisation: unknown parameter (did you mean cw.utilization?); "
             + "`moneyloop params` lists them"),
        ("shocks:\n  - kind: haircut\n    customer: google\n    chance: 0.1\n    share: 0.2\n    month: 6\n",
         "u.yaml:8:15: shocks[0].customer: 'google' is not a customer; allowed: microsoft, openai, meta, otherCustomers"),
        ("shocks:\n  - kind: haircutt\n    chance: 0.1\n",
         "u.yaml:7:11: shocks[0].kind: unknown shock kind 'haircutt' (did you mean haircut?); allowed: haircut, "
             + "creditClosed"),
        ("shocks:\n  - kind: creditClosed\n    chance: 1.5\n",
         "u.yaml:8:13: shocks[0].chance: 1.5 is out of range; allowed 0 … 1 (a probability)"),
        ("shocks:\n  - kind: haircut\n    customer: meta\n    chance: 0.1\n    month: 6\n",
         "u.yaml:7:5: shocks[0].share: missing required key"),
        ("shocks:\n  - kind: haircut\n    customer: meta\n    chance: 0.1\n    share: {low: 0.2, high: 1.4}\n    month: 6\n",
         "u.yaml:10:29: shocks[0].share.high: 1.4 is out of range; allowed 0 … 1 (a share of payments)"),
        ("shocks:\n  - kind: creditClosed\n    chance: 0.1\n    month: 4\n",
         "u.yaml:9:5: shocks[0].month: only a haircut shock takes month"),
    ]

    @Test(arguments: bad)
    func badSpecGivesItsMessage(extra: String, expected: String) {
        #expect(throws: ConfigError.self) { _ = try Self.load(extra) }
        do { _ = try Self.load(extra) } catch { #expect(error.description == expected) }
    }

    @Test func shippedDefaultCarriesTheArticleUncertainty() {
        #expect(Scenario.article2025.uncertainty == .article2025)
        #expect(!Uncertainty.article2025.isEmpty)
        // The plain values are the registry's: a deterministic run is unchanged.
        for u in Uncertainty.article2025.parameters {
            #expect(u.distribution.value == ParameterValues.defaults[u.id])
        }
    }
}
