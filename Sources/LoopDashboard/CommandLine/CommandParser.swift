import LoopConfig
import LoopSim

/// Parses the `:` command line; every refusal says why. Pure.
public enum CommandParser {
    /// The command names, for completion and help.
    public static let names = ["set", "reset", "scene", "scenario", "theme", "save", "export", "record", "narrate", "help",
                                      "quit"]

    /// Why a command line was refused.
    public struct Failure: Error, Equatable, Sendable { public var message: String }

    public static func parse(_ line: String) throws(Failure) -> LineCommand {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let name = words.first else { throw Failure(message: "type a command: \(names.joined(separator: ", "))") }
        let args = Array(words.dropFirst())
        switch name {
        case "set":
            guard args.count == 2 else { throw Failure(message: "usage: :set ID VALUE (e.g. :set cw.utilization 90%)") }
            let p = try parameter(args[0])
            do { return .set(p.id, try ValueParser.parse(args[1], for: p)) } catch { throw Failure(message: error.message) }
        case "reset":
            guard args.count <= 1 else { throw Failure(message: "usage: :reset [ID]") }
            guard let id = args.first else { return .reset(nil) }
            return .reset(try parameter(id).id)
        case "scene":
            guard args.count == 1, let n = Int(args[0]), (1...Scene.maxCount).contains(n) else {
                throw Failure(message: "usage: :scene N with N from 1 to \(Scene.maxCount)")
            }
            return .scene(n)
        case "scenario":
            guard args.count == 1 else { throw Failure(message: "usage: :scenario NAME|FILE") }
            return .scenario(args[0])
        case "theme":
            guard args.count == 1 else { throw Failure(message: "usage: :theme NAME") }
            return .theme(args[0])
        case "save":
            guard args.count <= 1 else { throw Failure(message: "usage: :save [FILE.yaml]") }
            return .save(args.first)
        case "export":
            guard args.count == 1 else { throw Failure(message: "usage: :export FILE.csv|FILE.json|FILE.svg") }
            let lower = args[0].lowercased()
            for format in [ExportFormat.csv, .json, .svg] where lower.hasSuffix("." + format.rawValue) {
                return .export(args[0], format)
            }
            throw Failure(message: "'\(args[0])': the file name must end in .csv, .json or .svg")
        case "record":
            guard args.count == 1 else { throw Failure(message: "usage: :record FILE.yaml (a demo script of this session)") }
            return .record(args[0])
        case "narrate":
            switch args.first {
            case nil where args.isEmpty: return .narrate(nil)
            case "on"?: return .narrate(true)
            case "off"?: return .narrate(false)
            default: throw Failure(message: "usage: :narrate [on|off] (a sentence for each change)")
            }
        case "help", "h", "?":
            return .help
        case "quit", "q":
            return .quit
        default:
            let near = YAMLDocument.closest(name, in: names)
            throw Failure(message: "unknown command '\(name)'" + (near.map { "; did you mean :\($0)?" } ?? ""))
        }
    }

    static func parameter(_ id: String) throws(Failure) -> Parameter {
        // A loop's own levers (`loop.nonBinding` …) are parameters of the loops, not of the registry.
        if let lever = LoopLever(id: id) { return lever.parameter }
        do {
            return try ParameterRegistry.parameter(validating: id)
        } catch {
            guard case let .unknown(_, near) = error else { throw Failure(message: error.description) }
            throw Failure(message: "unknown parameter '\(id)'" + (near.map { "; did you mean \($0)?" } ?? ""))
        }
    }

    /// Completes the last word of `line` (a command name or a parameter id); returns the
    /// completed line, or the line unchanged when nothing or several things fit.
    public static func complete(_ line: String, sceneNames: [String] = []) -> (line: String, choices: [String]) {
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let last = words.last ?? ""
        let candidates: [String]
        if words.count <= 1 {
            candidates = names
        } else if ["set", "reset"].contains(words[0]) && words.count == 2 {
            candidates = ParameterRegistry.all.map(\.id.rawValue)
        } else {
            candidates = []
        }
        let matches = candidates.filter { $0.hasPrefix(last) }
        guard !matches.isEmpty else { return (line, []) }
        let prefix = commonPrefix(matches)
        let head = words.dropLast().joined(separator: " ")
        let completed = (head.isEmpty ? "" : head + " ") + (matches.count == 1 ? matches[0] + " " : prefix)
        return (completed, matches.count == 1 ? [] : matches)
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for w in words.dropFirst() {
            while !w.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
