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
        let scenario = try resolveScenario(reference, doc, baseDirectory: baseDirectory, locator: locator)
        if let speed = dto.speed, !(speed > 0 && speed <= 64) {
            throw doc.error(at: [.key("speed")], "expected months per second, more than 0 and at most 64")
        }
        guard !dto.steps.isEmpty else { throw doc.error(at: [.key("steps")], "expected at least one step") }
        var steps: [DemoStep] = []
        for (i, s) in dto.steps.enumerated() {
            let at: [KeyPathComponent] = [.key("steps"), .index(i)]
            guard i < DemoScript.maxSteps else { throw doc.error(at: at, "at most \(DemoScript.maxSteps) steps") }
            steps.append(try step(s, doc, at, horizon: scenario.horizon))
        }
        let fileName = FileSystem.stem(of: doc.file)
        return DemoScript(title: dto.title ?? fileName, scenarioReference: reference, scenario: scenario,
                          speed: dto.speed, steps: steps)
    }

    static func step(_ s: StepDTO, _ doc: YAMLDocument, _ at: [KeyPathComponent],
                     horizon: Int) throws(ConfigError) -> DemoStep
    {
        let caption = try checkCaption(s.caption, doc, at + [.key("caption")])
        for (key, value) in [("at", s.at), ("month", s.month)] {
            if let m = value, !(0...horizon).contains(m) {
                throw doc.error(at: at + [.key(key)], "\(m) is out of range; allowed 0 … \(horizon) (the horizon)")
            }
        }
        var levers: [SceneLever] = []
        for (id, value) in try ScenarioFile.ordered(s.set, doc, at + [.key("set")]) {
            let lever = try ScenarioFile.checkedLever(id, value, doc, at + [.key("set"), .key(id)])
            levers.append(SceneLever(id: lever.id, value: lever.value))
        }
        var focus: Panel?
        if let name = s.focus {
            guard let p = Panel(rawValue: name) else {
                let allowed = Panel.allCases.map(\.rawValue).joined(separator: ", ")
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

    static func checkCaption(_ text: String, _ doc: YAMLDocument,
                             _ path: [KeyPathComponent]) throws(ConfigError) -> String
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
        for (n, line) in lines.enumerated() where line.count > maxCaptionLine {
            throw doc.error(at: path, "line \(n + 1) has \(line.count) characters; at most \(maxCaptionLine)")
        }
        return lines.joined(separator: "\n")
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
