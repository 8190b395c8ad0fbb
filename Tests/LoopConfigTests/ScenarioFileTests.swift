import Foundation
import Testing
@testable import LoopConfig
@testable import LoopReport
@testable import LoopSim
import TestSupport

@Suite struct ScenarioFileTests {
    @Test func shippedDefaultIsTheCompiledInOne() throws {
        let s = try ScenarioFile.load(contentsOf: Support.scenarioPath("article-2025"))
        #expect(s == Scenario.article2025)
    }

    @Test(arguments: ["article-2025", "filings-2026", "late-demand", "price-war"])
    func bundledScenariosRoundTrip(name: String) throws {
        let s = try ScenarioFile.load(contentsOf: Support.scenarioPath(name))
        #expect(s.name == name)
        let again = try ScenarioFile.load(text: ScenarioWriter.yaml(s), file: "saved.yaml")
        #expect(again == s)
        #expect(Engine.project(again, months: 120) == Engine.project(s, months: 120))
    }

    @Test func writerNumbersReadBackExactly() {
        for v in [4.2e9, 1.17e9, 228.9e6, 0.0925, 6.155, 250_000, 1e-5, 13.4e9, 123_456_789, 0.1 + 0.2, -3.5e9] {
            #expect(Double(ScenarioWriter.number(v)) == v, "\(v) → \(ScenarioWriter.number(v))")
        }
        #expect(ScenarioWriter.number(11.9e9) == "11.9e9")
        #expect(ScenarioWriter.number(250e6) == "250e6")
    }

    /// Each invalid fixture and the exact message it must produce.
    static let fixtures: [(String, String)] = [
        ("syntax-error.yaml", "syntax-error.yaml:6:1: syntax error: did not find expected ',' or ']' "
            + "(while parsing a flow sequence)"),
        ("unknown-key.yaml", "unknown-key.yaml:8:5: contracts[0].valeu: unknown key (did you mean 'value'?); "
            + "allowed: customer, value, start, termMonths"),
        ("unknown-parameter.yaml", "unknown-parameter.yaml:4:3: parameters.cw.utilisation: unknown parameter "
            + "(did you mean cw.utilization?); `moneyloop params` lists them"),
        ("out-of-range.yaml", "out-of-range.yaml:4:19: parameters.cw.utilization: 1.5 is out of range; "
            + "allowed 0.4 (40%) … 1 (100%)"),
        ("wrong-type.yaml", "wrong-type.yaml:5:11: opening.coreweave.cash: expected a number or a mapping {value, source, date}, found 'lots'"),
        ("missing-key.yaml", "missing-key.yaml:7:5: contracts[0].termMonths: missing required key"),
        ("bad-month.yaml", "bad-month.yaml:2:8: start: 'Nov 2025' is not a month; expected YYYY-MM, e.g. 2025-11"),
        ("bad-horizon.yaml", "bad-horizon.yaml:3:10: horizon: 500 is out of range; allowed 1 … 120 months"),
        ("bad-customer.yaml", "bad-customer.yaml:7:15: contracts[0].customer: 'google' is not a customer; "
            + "allowed: microsoft, openai, meta, otherCustomers"),
        ("duplicate-key.yaml", "duplicate-key.yaml:1:1: name: duplicate key; each key may appear once"),
        ("binary.yaml", "binary.yaml:1:10: binary data (character U+0000); expected YAML text"),
        ("empty.yaml", "empty.yaml: empty file"),
        ("not-a-mapping.yaml", "not-a-mapping.yaml:1:1: expected a mapping of scenario keys (name, start, opening, …)"),
        ("nan.yaml", "nan.yaml:5:11: opening.coreweave.cash: expected a finite amount ≥ 0 in dollars"),
        ("too-many-scenes.yaml", "too-many-scenes.yaml:25:5: scenes[9]: at most 9 scenes (keys 1–9)"),
        ("scene-lever-range.yaml", "scene-lever-range.yaml:11:27: scenes[0].levers.demand.delayMonths: 99 is out "
            + "of range; allowed 0 (0 mo) … 24 (24 mo)"),
    ]

    @Test(arguments: fixtures)
    func invalidFixtureGivesItsMessage(file: String, expected: String) throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/" + file, withExtension: nil))
        let data = try Data(contentsOf: url)
        #expect(throws: ConfigError.self) {
            _ = try ScenarioFile.load(YAMLDocument(data: data, file: file))
        }
        do {
            _ = try ScenarioFile.load(YAMLDocument(data: data, file: file))
        } catch {
            #expect(error.description == expected)
        }
    }

    /// A figure written `{value, source, date}` keeps its note (the dashboard shows it); a
    /// note without its source or date is refused where it is written.
    @Test func sourcedFiguresNeedADatedSource() throws {
        let head = "name: s\nstart: 2025-11\nparameters:\n  cw.revenue2024: "
        let ok = head + "{value: 1.915e9, source: \"10-K\", date: 2024-12-31, url: \"https://sec.gov/x\"}\n"
            + "opening:\n  coreweave:\n    cash: {value: 1.89e9, source: \"10-Q, accession 1\", date: 2025-09-30}\n"
        let s = try ScenarioFile.load(text: ok, file: "s.yaml")
        #expect(s.coreweaveCash == 1.89e9 && s.parameters[.cwRevenue2024] == 1.915e9)
        #expect(s.sources[Scenario.coreweaveCashKey] == SourceNote(text: "10-Q, accession 1", date: "2025-09-30"))
        #expect(s.sources["cw.revenue2024"]?.url == "https://sec.gov/x")
        for (figure, message) in [
            ("{value: 1e9, source: \"10-K\"}", "s.yaml:4:19: parameters.cw.revenue2024.date: missing required key"),
            ("{value: 1e9, date: 2024-12-31}", "s.yaml:4:32: parameters.cw.revenue2024.date: a date belongs to a source: add source: \"…\""),
            ("{value: 1e9, source: \"10-K\", date: 2024-13-31}", "s.yaml:4:54: parameters.cw.revenue2024.date: '2024-13-31' is not a date; expected YYYY-MM-DD or YYYY-MM"),
            ("{value: 1e9, sauce: \"10-K\"}", "s.yaml:4:32: parameters.cw.revenue2024.sauce: unknown key (did you mean 'source'?); "
                + "allowed: value, low, high, dist, source, date, url, assumption"),
        ] {
            let text = head + figure + "\nopening:\n  coreweave:\n    cash: 1e9\n"
            #expect { try ScenarioFile.load(text: text, file: "s.yaml") } throws: { ($0 as? ConfigError)?.description == message }
        }
    }

    /// A facility's balance may be a sourced figure too; every opening balance of the
    /// shipped default names its source and date, or says it is an assumption.
    @Test func facilityBalancesAreSourcedFigures() throws {
        let head = "name: s\nstart: 2025-11\nopening:\n  coreweave:\n    cash: 1e9\nfacilities:\n"
            + "  - name: \"A\"\n    rate: 0.1\n    maturity: 2030-01\n    balance: "
        let s = try ScenarioFile.load(text: head + "{value: 2e9, source: \"10-Q\", date: 2025-09-30}\n", file: "s.yaml")
        #expect(s.facilities[0].balance == 2e9)
        #expect(s.sources[Scenario.facilityBalanceKey(0)] == SourceNote(text: "10-Q", date: "2025-09-30"))
        #expect { try ScenarioFile.load(text: head + "{value: 2e9, date: 2025-09-30}\n", file: "s.yaml") } throws: {
            ($0 as? ConfigError)?.description
                == "s.yaml:10:27: facilities[0].balance.date: a date belongs to a source: add source: \"…\""
        }
        let d = try ScenarioFile.load(contentsOf: Support.scenarioPath("article-2025"))
        for i in d.facilities.indices {
            let note = try #require(d.sources[Scenario.facilityBalanceKey(i)], "\(d.facilities[i].name)")
            #expect(note.isAssumption || note.date.hasPrefix("2025"), "\(d.facilities[i].name)")
        }
    }

    @Test func everyFixtureIsCovered() throws {
        let dir = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files) == Set(Self.fixtures.map(\.0)))
    }

    @Test func oversizedAndMissingFiles() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("moneyloop-big.yaml").path
        try Data(repeating: 0x20, count: YAMLDocument.maxBytes + 1).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ConfigError(file: path, message: "file is larger than 1024 KiB; refusing to read it")) {
            _ = try YAMLDocument(contentsOf: path)
        }
        #expect(throws: ConfigError(file: "/nonexistent/x.yaml", message: "no such file")) {
            _ = try ScenarioFile.load(contentsOf: "/nonexistent/x.yaml")
        }
    }
}

@Suite struct CommandLogicTests {
    @Test(arguments: [
        ("cw.utilization", "--set: cw.utilization: expected ID=VALUE, e.g. --set cw.utilization=0.9"),
        ("cw.utilisation=0.9", "--set: cw.utilisation: unknown parameter (did you mean cw.utilization?); "
            + "`moneyloop params` lists them"),
        ("cw.utilization=abc", "--set: cw.utilization: 'abc' is not a number; allowed 0.4 … 1 (40% … 100%)"),
        ("cw.utilization=1.5", "--set: cw.utilization: 1.5 is out of range; allowed 0.4 (40%) … 1 (100%)"),
        ("cw.utilization=nan", "--set: cw.utilization: 'nan' is not a number; allowed 0.4 … 1 (40% … 100%)"),
    ])
    func badSetOptions(option: String, message: String) {
        #expect(throws: ConfigError.self) { _ = try SetOption.parse(option) }
        do { _ = try SetOption.parse(option) } catch { #expect(error.description == message) }
    }

    @Test func goodSetOptions() throws {
        #expect(try SetOption.parse("cw.utilization=0.9").value == 0.9)
        #expect(try SetOption.parse("cw.utilization=90%").value == 0.9)
        #expect(try SetOption.parse("vast.dealTotal=1.5B").value == 1.5e9)
        #expect(try SetOption.parse("vast.dealTotal=$750M").value == 750e6)
        #expect(try SetOption.parse("cw.gpus=300_000").value == 300_000)
    }

    @Test func monthsAndScenarioErrors() {
        let locator = ScenarioLocator(searchDirectories: [Support.root.appendingPathComponent("scenarios").path])
        #expect(throws: ConfigError(file: "--months", keyPath: "0",
                                    message: "expected a whole number of months, 1 … 120")) {
            _ = try MonthCount.read("0", option: "--months")
        }
        do {
            _ = try SimulationSetup.resolve(scenario: "price-wars", sets: [], months: nil, locator: locator)
        } catch {
            #expect(error.description.hasPrefix("--scenario: price-wars: no such scenario (did you mean price-war?)"))
        }
    }

    @Test func simulationJSONHasTheSchema() throws {
        let locator = ScenarioLocator(searchDirectories: [Support.root.appendingPathComponent("scenarios").path])
        let setup = try SimulationSetup.resolve(scenario: "price-war", sets: ["cw.utilization=0.9"], months: MonthCount(24),
                                                locator: locator)
        let text = SimulationReport.render(setup, format: .json)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["scenario"] as? String == "price-war")
        #expect(json["start"] as? String == "2025-11")
        let months = try #require(json["months"] as? [[String: Any]])
        #expect(months.count == 25)
        let m0 = months[0]
        #expect(m0["month"] as? Int == 0)
        for entity in ["coreweave", "vast"] {
            let e = try #require(m0[entity] as? [String: Any])
            #expect(e["cash"] is NSNumber && e["revenue"] is NSNumber && e["cashIfMarketsClose"] is NSNumber)
        }
        // NVIDIA's cash is not modelled: its money at risk is named for what it is.
        let nv = try #require(m0["nvidia"] as? [String: Any])
        #expect(nv["cash"] == nil && nv["moneyAtRisk"] is NSNumber && nv["revenue"] is NSNumber)
        let cw = try #require(m0["coreweave"] as? [String: Any])
        #expect(cw["committedRevenue"] is NSNumber && cw["usageRevenue"] is NSNumber)
        let flow = try #require((m0["flows"] as? [[String: Any]])?.first)
        #expect(Set(flow.keys) == ["from", "to", "kind", "amount", "cash"])
        let summary = try #require(json["summary"] as? [String: Any])
        let runway = try #require(summary["runwayMonths"] as? [String: Any])
        #expect(runway["vast"] is NSNull)
        #expect(summary["firstToNeedMoney"] as? String == "coreweave" && summary["firstOutIfMarketsClose"] as? String == "coreweave")
    }

    @Test func factCheckJSONHasTheSchema() throws {
        let text = FactCheckReport.render(SimulationSetup(scenario: .article2025, months: 60), format: .json)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let claims = try #require(json["claims"] as? [[String: Any]])
        #expect(claims.count == FactCheck.ids.count)
        for c in claims {
            #expect(Set(c.keys) == ["id", "claim", "article", "computed", "display", "verdict", "explanation"])
        }
    }

    @Test func tablesFitInOneHundredColumns() {
        let setup = SimulationSetup(scenario: .article2025, months: 120)
        for text in [SimulationReport.render(setup, format: .table), ParamsReport.render(format: .table),
                     FactCheckReport.render(setup, format: .table)]
        {
            for line in text.split(separator: "\n") { #expect(line.unicodeScalars.count <= 100, "\(line)") }
        }
    }
}
