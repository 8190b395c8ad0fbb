import LoopConfig
import LoopSim

/// Demo script files (`demos/*.yaml`): reading with `file:line:column: key: message`
/// errors, in the same style as scenario files. See `docs/presenting.md` for the format.
public enum DemoScriptFile {
    /// Every key a demo script may contain.
    public static let schema: KeySchema = .mapping([
        ("title", .scalar), ("scenario", .scalar), ("speed", .scalar),
        ("steps", .sequence(.mapping([
            ("caption", .scalar), ("reset", .scalar), ("at", .scalar), ("set", .dictionary(.scalar)),
            ("month", .scalar), ("focus", .scalar), ("maximize", .scalar), ("elapsed", .scalar),
        ]))),
    ])

    /// The longest caption line, in characters (a banner is one or two lines).
    public static let maxCaptionLine = 120

    struct DTO: Decodable {
        var title: String?
        var scenario: String?
        var speed: Double?
        var steps: [StepDTO]
    }

    struct StepDTO: Decodable {
        var caption: String
        var reset: Bool?
        var at: Int?
        var set: [String: Double]?
        var month: Int?
        var focus: String?
        var maximize: Bool?
        var elapsed: Double?
    }

    /// Reads the script at `path`; a scenario path in it is relative to the script's directory.
    public static func load(contentsOf path: String,
                            locator: ScenarioLocator = .standard()) throws(ConfigError) -> DemoScript
    {
        let dir = FileSystem.directory(of: path)
        return try load(YAMLDocument(contentsOf: path), baseDirectory: dir, locator: locator)
    }

    /// Checks keys, decodes and validates a composed script.
    public static func load(_ doc: YAMLDocument, baseDirectory: String,
                            locator: ScenarioLocator = .standard()) throws(ConfigError) -> DemoScript
    {
        guard case .mapping = doc.root else {
            throw doc.error(at: [], "expected a mapping of demo script keys (title, scenario, steps)")
        }
        try doc.checkKeys(schema)
        let dto: DTO = try doc.decode()
        let reference = dto.scenario ?? Scenario.article2025.name
        let loop = try resolveLoop(reference, doc, baseDirectory: baseDirectory, locator: locator)
        let scenario = loop == nil ? try resolveScenario(reference, doc, baseDirectory: baseDirectory, locator: locator)
            : Scenario.article2025
        if let speed = dto.speed, !(speed > 0 && speed <= 64) {
            throw doc.error(at: [.key("speed")], "expected months per second, more than 0 and at most 64")
        }
        guard !dto.steps.isEmpty else { throw doc.error(at: [.key("steps")], "expected at least one step") }
        var steps: [DemoStep] = []
        for (i, s) in dto.steps.enumerated() {
            let at: [KeyPathComponent] = [.key("steps"), .index(i)]
            guard i < DemoScript.maxSteps else { throw doc.error(at: at, "at most \(DemoScript.maxSteps) steps") }
            steps.append(try step(s, doc, at, horizon: loop?.horizon ?? scenario.horizon, loop: loop))
        }
        let fileName = FileSystem.stem(of: doc.file)
        var script = DemoScript(title: dto.title ?? fileName, scenarioReference: reference, scenario: scenario,
                                loop: loop, speed: dto.speed, steps: steps)
        try fillCaptions(&script, doc)
        return script
    }

    /// A loop script's captions with their `{fields}` filled from the engine, step by step
    /// (`CaptionFields`); an article script's captions have no fields.
    static func fillCaptions(_ script: inout DemoScript, _ doc: YAMLDocument) throws(ConfigError) {
        for i in script.steps.indices {
            let path: [KeyPathComponent] = [.key("steps"), .index(i), .key("caption")]
            let template = script.steps[i].caption
            guard template.contains("{") else { continue }
            guard let loop = script.loop, let projection = script.loopProjection(at: i) else {
                throw doc.error(at: path, "caption fields in braces are filled for loop files only; "
                    + "this script plays the article's scenario")
            }
            let state = script.state(at: i)
            let fields = CaptionFields(loop: loop, projection: projection, month: state.month, levers: state.loopLevers)
            let filled: String
            do {
                filled = try fields.fill(template)
            } catch {
                throw doc.error(at: path, "{\(error.name)} is not a field of this loop; fields: "
                    + CaptionFields.forms.joined(separator: ", ") + " (e, v, b: entity ids)")
            }
            for (n, line) in filled.split(separator: "\n").enumerated() where line.count > maxCaptionLine {
                throw doc.error(at: path, "line \(n + 1) has \(line.count) characters once its fields are filled; "
                    + "at most \(maxCaptionLine): \(line)")
            }
            script.steps[i].caption = try checkCaption(filled, doc, path)
            script.steps[i].template = template
        }
    }

    static func step(_ s: StepDTO, _ doc: YAMLDocument, _ at: [KeyPathComponent],
                     horizon: Int, loop: MoneyLoop? = nil) throws(ConfigError) -> DemoStep
    {
        if loop != nil, s.at != nil {
            throw doc.error(at: at + [.key("at")], "a loop's levers apply from month 0: leave 'at' out")
        }
        // A caption with fields is measured once they are filled (`fillCaptions`).
        let caption = try checkCaption(s.caption, doc, at + [.key("caption")],
                                       maxLine: s.caption.contains("{") ? Int.max : maxCaptionLine)
        for (key, value) in [("at", s.at), ("month", s.month)] {
            if let m = value, !(0...horizon).contains(m) {
                throw doc.error(at: at + [.key(key)], "\(m) is out of range; allowed 0 … \(horizon) (the horizon)")
            }
        }
        var levers: [SceneLever] = []
        for (id, value) in try ScenarioFile.ordered(s.set, doc, at + [.key("set")]) {
            let path = at + [.key("set"), .key(id)]
            if loop != nil {
                levers.append(try loopLever(id, value, doc, path))
            } else {
                let lever = try ScenarioFile.checkedLever(id, value, doc, path)
                levers.append(SceneLever(id: lever.id, value: lever.value))
            }
        }
        var focus: Panel?
        if let name = s.focus {
            let panels: [(String, Panel)] = loop == nil ? Panel.allCases.map { ($0.rawValue, $0) }
                : [("graph", .graph), ("levers", .levers), ("runway", .runway), ("roundtrip", .concentration)]
            guard let p = panels.first(where: { $0.0 == name })?.1 else {
                let allowed = panels.map(\.0).joined(separator: ", ")
                throw doc.error(at: at + [.key("focus")], "'\(name)' is not a panel; allowed: \(allowed)")
            }
            focus = p
        }
        if let e = s.elapsed, !(e.isFinite && e >= 0) {
            throw doc.error(at: at + [.key("elapsed")], "expected seconds ≥ 0")
        }
        return DemoStep(caption: caption, reset: s.reset ?? false, at: s.at, levers: levers, month: s.month,
                        focus: focus, maximize: s.maximize ?? false, elapsed: s.elapsed)
    }

    /// A loop script's `set` entry: one of the levers every loop takes, within its range.
    static func loopLever(_ id: String, _ value: Double, _ doc: YAMLDocument,
                          _ path: [KeyPathComponent]) throws(ConfigError) -> SceneLever
    {
        let ids = LoopLever.allCases.map(\.id)
        guard let lever = LoopLever(id: id) else {
            let hint = closestWord(to: id, in: ids).map { " (did you mean \($0)?)" } ?? ""
            throw doc.error(at: path, "not a loop lever\(hint); levers: \(ids.joined(separator: ", "))", atKey: true)
        }
        guard value.isFinite, lever.range.contains(value) else {
            throw doc.error(at: path, "\(ScenarioWriter.number(value)) is out of range; allowed "
                + "\(ScenarioWriter.number(lever.range.lowerBound)) … \(ScenarioWriter.number(lever.range.upperBound))")
        }
        return SceneLever(id: lever.parameter.id, value: value)
    }

    static func checkCaption(_ text: String, _ doc: YAMLDocument, _ path: [KeyPathComponent],
                             maxLine: Int = maxCaptionLine) throws(ConfigError) -> String
    {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).trimmingWhitespace()
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard !lines.isEmpty, !lines.allSatisfy(\.isEmpty) else {
            throw doc.error(at: path, "expected a caption of one or two lines")
        }
        guard lines.count <= 2 else {
            throw doc.error(at: path, "\(lines.count) lines; a caption has one or two (it is shown as a banner)")
        }
        for (n, line) in lines.enumerated() where line.count > maxLine {
            throw doc.error(at: path, "line \(n + 1) has \(line.count) characters; at most \(maxLine)")
        }
        return lines.joined(separator: "\n")
    }

    /// The loop file `reference` names (a bundled name or a path), loaded; nil when it is
    /// an article scenario.
    static func resolveLoop(_ reference: String, _ doc: YAMLDocument, baseDirectory: String,
                            locator: ScenarioLocator) throws(ConfigError) -> MoneyLoop?
    {
        let name = ScenarioLocator.isPath(reference) && !reference.hasPrefix("/") ? baseDirectory + "/" + reference : reference
        guard let file = locator.loopFile(name) else { return nil }
        return try LoopFile.load(contentsOf: file)
    }

    static func resolveScenario(_ reference: String, _ doc: YAMLDocument, baseDirectory: String,
                                locator: ScenarioLocator) throws(ConfigError) -> Scenario
    {
        let path: [KeyPathComponent] = [.key("scenario")]
        if ScenarioLocator.isPath(reference) {
            let file = reference.hasPrefix("/") ? reference : baseDirectory + "/" + reference
            guard FileSystem.exists(file) else {
                throw doc.error(at: path, "no such scenario file: \(file)")
            }
            return try ScenarioFile.load(contentsOf: file)
        }
        do {
            return try locator.resolve(reference)
        } catch where error.file == "--scenario" {
            throw doc.error(at: path, error.message)
        }
    }
}
