import Foundation
import LoopConfig
import LoopDashboard
import LoopReport
import Testing
@testable import LoopSim
import TestSupport

/// Parameters at and beyond their ranges: `--set` and scenario files reject them with the
/// allowed range, the dashboard's stepping clamps at the ends, and no parameter set puts
/// NaN or infinity on the screen or into the command line's output.
@Suite struct ParameterRangeTests {
    /// Values just outside, far outside, and not finite, as typed on a command line.
    static func outside(_ p: Parameter) -> [String] {
        let n = ScenarioWriter.number
        return [n(p.min - p.step), n(p.max + p.step), n(p.min - 1e9), n(p.max * 10 + 1e6), "nan", "inf", "-inf", "1e400"]
    }

    @Test func setRejectsEveryValueOutsideTheRangeAndNamesTheRange() {
        for p in ParameterRegistry.all {
            for raw in Self.outside(p) {
                let ends = [ScenarioWriter.number(p.min), ScenarioWriter.number(p.max)]
                do {
                    _ = try SetOption.parse("\(p.id)=\(raw)")
                    Issue.record("--set \(p.id)=\(raw) was accepted")
                } catch {
                    #expect(error.file == "--set" && error.keyPath == p.id.rawValue)
                    #expect(error.message.contains("allowed") && ends.allSatisfy(error.message.contains),
                            "\(p.id)=\(raw): \(error.message)")
                }
            }
            #expect((try? SetOption.parse("\(p.id)=\(ScenarioWriter.number(p.min))"))?.value == p.min)
            #expect((try? SetOption.parse("\(p.id)=\(ScenarioWriter.number(p.max))"))?.value == p.max)
        }
    }

    static func scenarioText(_ body: String) -> String {
        "name: t\nstart: 2025-11\nopening:\n  coreweave:\n    cash: 1e9\n" + body
    }

    @Test func scenarioFilesRejectOutOfRangeParametersAndSceneLevers() {
        for p in ParameterRegistry.all where p.id.rawValue != "vast.cash" {
            for raw in Self.outside(p) where raw != "nan" && raw != "inf" && raw != "-inf" && raw != "1e400" {
                for (body, key, line) in [("parameters:\n  \(p.id): \(raw)\n", "parameters.\(p.id)", 7),
                                          ("scenes:\n  - name: s\n    levers:\n      \(p.id): \(raw)\n",
                                           "scenes[0].levers.\(p.id)", 9)]
                {
                    do {
                        _ = try ScenarioFile.load(text: Self.scenarioText(body), file: "f.yaml")
                        Issue.record("\(p.id): \(raw) was accepted in \(key)")
                    } catch {
                        #expect(error.description.hasPrefix("f.yaml:\(line):"), "\(error)")
                        #expect(error.keyPath == key && error.message.contains("allowed"), "\(error)")
                    }
                }
            }
        }
        for raw in [".nan", ".inf", "-.inf"] {
            #expect(throws: ConfigError.self) {
                try ScenarioFile.load(text: Self.scenarioText("parameters:\n  cw.utilization: \(raw)\n"), file: "f.yaml")
            }
        }
    }

    @Test func steppingPastEitherEndClampsForEveryLever() {
        var model = Model(paused: true)
        for (i, p) in model.levers.enumerated() {
            model.selectedLever = i
            model.focus = .levers
            for (coarse, fine, end) in [(Key.char("]"), Key.right, p.max), (Key.char("["), Key.left, p.min)] {
                for _ in 0..<(Int((p.max - p.min) / p.step) / 10 + 3) { _ = update(&model, .key(coarse)) }
                _ = update(&model, .key(fine))
                #expect(model.value(p.id) == p.clamp(end), "\(p.id) ended at \(model.value(p.id)), not \(end)")
            }
        }
    }

    /// Every number the JSON output would carry.
    static func numbers(_ v: JSONValue) -> [Double] {
        switch v {
        case let .number(x): [x]
        case let .array(items): items.flatMap(numbers)
        case let .object(pairs): pairs.flatMap { numbers($0.1) }
        default: []
        }
    }

    /// "nan", "inf", "infinity" or "∞" as words in text.
    static func nonFiniteWords(_ text: String) -> [String] {
        let re = try! NSRegularExpression(pattern: #"(?i)(?<![a-z])(nan|inf|infinity)(?![a-z])|∞"#)
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    /// Random sets inside the ranges, the all-min and all-max corners, and random lever
    /// changes during the run: the screen at 120×40 and 80×24 (every panel maximised, and the usual layout) and the
    /// JSON/CSV/table output never show NaN or infinity.
    @Test func randomParameterSetsNeverShowNaNOrInfinity() {
        #expect(Self.nonFiniteWords("financing Info nan -inf ∞ INF infinite") == ["nan", "inf", "∞", "INF"])
        var rng = SplitMix64(seed: 77)
        var sets: [ParameterValues] = [.defaults]
        var low = ParameterValues.defaults, high = ParameterValues.defaults
        for p in ParameterRegistry.all { low.setClamped(p.id, p.min); high.setClamped(p.id, p.max) }
        sets += [low, high]
        for _ in 0..<40 { sets.append(Support.randomValues(&rng)) }
        for (n, values) in sets.enumerated() {
            var scenario = Scenario.article2025
            scenario.parameters = values
            var model = Model(scenario: scenario, paused: true)
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                model.month = Int.random(in: 0...model.horizon, using: &rng)
                let lever = model.levers.randomElement(using: &rng)!
                model.setLever(lever.id, to: Double.random(in: lever.min...lever.max, using: &rng))
            }
            for month in [0, model.horizon / 2, model.horizon] {
                model.month = month
                for (focus, maximized) in [(Panel.levers, false)] + Panel.allCases.map({ ($0, true) }) {
                    model.focus = focus
                    model.maximized = maximized
                    for (w, h) in [(120, 40), (80, 24)] {
                        let text = view(model, width: w, height: h, caps: .standard).text
                        let bad = Self.nonFiniteWords(text)
                        #expect(bad.isEmpty, "set \(n) month \(month) \(focus) \(w)x\(h): \(bad)\n\(text)")
                    }
                }
            }
            let projection = Engine.project(scenario, schedule: model.schedule)
            let json = SimulationReport.json(scenario, projection)
            #expect(Self.numbers(json).allSatisfy { $0.isFinite }, "set \(n): non-finite number in the JSON output")
            let csv = SimulationReport.csv(projection), table = SimulationReport.table(scenario, projection)
            #expect(Self.nonFiniteWords(csv + table).isEmpty, "set \(n): \(Self.nonFiniteWords(csv + table))")
        }
    }

    /// Amounts in scenario files are checked too: a contract or a balance of 1e308 dollars
    /// would overflow the sums.
    @Test func absurdAmountsInScenarioFilesAreRejected() {
        let bodies = [
            "contracts:\n  - {customer: meta, value: 1e308, start: 2025-11, termMonths: 12}\n",
            "facilities:\n  - {name: x, balance: 1e308, rate: 0.1, maturity: 2030-01}\n",
        ]
        for body in bodies {
            #expect(throws: ConfigError.self, "\(body)") { try ScenarioFile.load(text: Self.scenarioText(body), file: "f.yaml") }
        }
        #expect(throws: ConfigError.self) {
            try ScenarioFile.load(text: "name: t\nstart: 2025-11\nopening:\n  coreweave:\n    cash: 1e308\n", file: "f.yaml")
        }
    }
}
