import Foundation
import LoopConfig
import LoopSim
import TestSupport

/// Mutates the bundled files of one kind and feeds every variant to that kind's loader.
/// A variant must load or fail with a `ConfigError` naming the file on one line; a crash
/// ends the test process, a hang hits the suite's time limit. Generic over the loader, so
/// every file kind people edit (scenarios, themes, key maps) runs through the same mutations.
struct ConfigFuzzer {
    /// A file kind: its name, the bundled files to mutate, and the program's loader.
    struct Target: Sendable {
        var kind: String
        var seeds: [String]
        /// Reads the file at the path as the program does; throws `ConfigError` for a bad one.
        var load: @Sendable (String) throws(ConfigError) -> Void
    }

    /// What happened to one variant.
    struct Outcome {
        var label: String
        var loaded: Bool
        var error: ConfigError?
    }

    let target: Target
    var rng: SplitMix64
    /// Mutations of each kind per seed file.
    var rounds = 8

    /// Runs every mutation of every seed; returns the outcomes, and the variants that failed
    /// in a way other than a clean `ConfigError` (as "label: problem").
    mutating func run(in dir: URL) -> (outcomes: [Outcome], problems: [String]) {
        var outcomes: [Outcome] = []
        var problems: [String] = []
        for seed in target.seeds {
            guard let original = FileManager.default.contents(atPath: seed) else {
                problems.append("\(seed): cannot read the seed file")
                continue
            }
            let name = URL(fileURLWithPath: seed).deletingPathExtension().lastPathComponent
            let structural = seed == target.seeds.first ? Self.structural(base: String(decoding: original, as: UTF8.self)) : []
            for (i, (label, bytes)) in (variants(of: original) + structural).enumerated() {
                let path = dir.appendingPathComponent("\(target.kind)-\(name)-\(i).yaml").path
                _ = FileManager.default.createFile(atPath: path, contents: bytes)
                let outcome = load(path, label: "\(name): \(label)")
                if let problem = check(outcome, path: path) { problems.append("\(outcome.label): \(problem)") }
                outcomes.append(outcome)
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        return (outcomes, problems)
    }

    func load(_ path: String, label: String) -> Outcome {
        do {
            try target.load(path)
            return Outcome(label: label, loaded: true)
        } catch {
            return Outcome(label: label, loaded: false, error: error)
        }
    }

    /// Nil when the outcome is clean: loaded, or one printable line that names the file.
    func check(_ o: Outcome, path: String) -> String? {
        guard let e = o.error else { return nil }
        let text = e.description
        if !text.hasPrefix(path) { return "error does not start with the file's path: \(text)" }
        if text.contains("\n") || text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "error is not one printable line: \(text.debugDescription)"
        }
        if e.message.isEmpty { return "empty message" }
        if text.count > 600 { return "error is \(text.count) characters long" }
        return nil
    }

    /// Every mutation of one file, labelled.
    mutating func variants(of data: Data) -> [(String, Data)] {
        let bytes = [UInt8](data)
        let text = String(decoding: bytes, as: UTF8.self)
        var out: [(String, Data)] = []
        for _ in 0..<rounds {
            let cut = Int.random(in: 0..<max(1, bytes.count), using: &rng)
            out.append(("truncated at \(cut)", Data(bytes.prefix(cut))))
            var flipped = bytes
            for _ in 0..<Int.random(in: 1...8, using: &rng) where !flipped.isEmpty {
                flipped[Int.random(in: 0..<flipped.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            out.append(("random bytes", Data(flipped)))
            var inserted = bytes
            let at = Int.random(in: 0...inserted.count, using: &rng)
            inserted.insert(contentsOf: (0..<Int.random(in: 1...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }, at: at)
            out.append(("bytes inserted at \(at)", Data(inserted)))
            out.append(replacingValue(in: text, with: Self.wrongValues.randomElement(using: &rng)!))
            out.append(replacingValue(in: text, with: Self.hugeNumbers.randomElement(using: &rng)!))
            out.append(shuffledLines(text))
        }
        out.append(("every number huge", Data(replacingNumbers(text, with: "1e308").utf8)))
        out.append(("every number negative huge", Data(replacingNumbers(text, with: "-1.7976931348623157e308").utf8)))
        out.append(("every number 2^64", Data(replacingNumbers(text, with: "18446744073709551616").utf8)))
        out.append(("every number .nan", Data(replacingNumbers(text, with: ".nan").utf8)))
        out.append(("every number .inf", Data(replacingNumbers(text, with: ".inf").utf8)))
        out.append(("every value a list", Data(replacingNumbers(text, with: "[1, [2, [3]]]").utf8)))
        out.append(("tabs for indentation", Data(text.replacingOccurrences(of: "  ", with: "\t").utf8)))
        out.append(("CRLF line ends", Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
        out.append(("byte-order mark", Data([0xEF, 0xBB, 0xBF] + bytes)))
        out.append(("UTF-16", text.data(using: .utf16) ?? Data()))
        out.append(("empty", Data()))
        out.append(("only a comment", Data("# nothing here\n".utf8)))
        return out
    }

    /// Shapes no editor produces: deep nesting, alias bombs, huge files, huge mappings.
    static func structural(base text: String) -> [(String, Data)] {
        let depth = 20_000
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (prev, name) in zip("abcdefgh", "bcdefghi") {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(prev)", count: 10).joined(separator: ", ") + "]\n"
        }
        var nestedBlock = "name: x\n"
        for level in 0..<2_000 { nestedBlock += String(repeating: " ", count: level) + "k:\n" }
        // Huge mappings and lists inside an otherwise valid file, so that decoding reaches them.
        let header = "name: t\nstart: 2025-11\nopening:\n  coreweave:\n    cash: 1e9\n"
        let manyKeys = header + "parameters:\n" + (0..<5_000).map { "  p\($0): 1\n" }.joined()
        let manyLevers = header + "scenes:\n  - name: s\n    levers:\n" + (0..<5_000).map { "      l\($0): 1\n" }.joined()
        let manyContracts = header + "contracts:\n"
            + String(repeating: "  - {customer: meta, value: 1e6, start: 2025-11, termMonths: 60}\n", count: 5_000)
        let manyFacilities = header + "facilities:\n"
            + String(repeating: "  - {name: f, balance: 1e6, rate: 0.1, maturity: 2030-01}\n", count: 5_000)
        let manyScenes = header + "scenes:\n" + String(repeating: "  - {name: s}\n", count: 5_000)
        let levers = ParameterRegistry.levers.map { "      \($0.id): \($0.defaultValue)\n" }.joined()
        let wideScenes = header + "scenes:\n" + String(repeating: "  - name: s\n    levers:\n" + levers, count: 300)
        let longLine = "name: " + String(repeating: "x", count: 900_000) + "\n"
        let tenMB = text + "\n# " + String(repeating: "padding ", count: 10 << 17) + "\n"
        // Every top-level key of the seed given a huge mapping, then a huge list.
        let topKeys = text.split(separator: "\n").compactMap { line -> String? in
            guard let first = line.first, first.isLetter, let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[..<colon])
        }
        var huge: [(String, Data)] = []
        for key in topKeys {
            huge.append(("5,000 entries under \(key)",
                         Data((key + ":\n" + (0..<5_000).map { "  k\($0): 1\n" }.joined()).utf8)))
            huge.append(("5,000 items under \(key)", Data((key + ":\n" + String(repeating: "  - q\n", count: 5_000)).utf8)))
        }
        return huge + [
            ("deep flow sequence", Data((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)),
            ("deep flow mapping", Data((String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth)).utf8)),
            ("deep block mapping", Data(nestedBlock.utf8)),
            ("alias bomb", Data(bomb.utf8)),
            ("alias bomb under parameters", Data(("parameters:\n" + bomb.split(separator: "\n").map { "  \($0)\n" }.joined()).utf8)),
            ("5,000 parameters", Data(manyKeys.utf8)),
            ("5,000 scene levers", Data(manyLevers.utf8)),
            ("5,000 contracts", Data(manyContracts.utf8)),
            ("5,000 facilities", Data(manyFacilities.utf8)),
            ("5,000 scenes", Data(manyScenes.utf8)),
            ("300 scenes with every lever", Data(wideScenes.utf8)),
            ("a 900 KB line", Data(longLine.utf8)),
            ("a 10 MB file", Data(tenMB.utf8)),
            ("NUL bytes", Data(Array(repeating: 0, count: 4096))),
        ]
    }

    static let wrongValues = ["[1, 2]", "{a: 1}", "\"text\"", "true", "~", "", "-", "0x1F", "0o17", "2025-13",
                              "!!binary aGVsbG8=", "&anchor 1", "*missing", "'", "\"unterminated", "{", "[", "? key",
                              "!!int 1.5", "!!float x", "!!map {}", "|\n  block", ">-\n  folded", "@", "`", "%TAG"]
    static let hugeNumbers = ["1e308", "-1e308", "1e309", "-1e309", "9223372036854775807", "9223372036854775808",
                              "-9223372036854775809", "99999999999999999999999999999999", "4.9e-324", "-0", "1e-400",
                              ".nan", ".NaN", ".inf", "-.Inf", "0x7fffffffffffffff", "1_000_000_000_000_000_000"]

    /// Replaces the value of one `key: value` line chosen at random.
    mutating func replacingValue(in text: String, with value: String) -> (String, Data) {
        var lines = text.components(separatedBy: "\n")
        let candidates = lines.indices.filter { i in
            let l = lines[i]
            return l.contains(": ") && !l.trimmingCharacters(in: .whitespaces).hasPrefix("#")
        }
        guard let i = candidates.randomElement(using: &rng) else { return ("no value to replace", Data(text.utf8)) }
        let key = lines[i][..<lines[i].range(of: ": ")!.lowerBound]
        lines[i] = key + ": " + value
        return ("line \(i + 1) set to \(value.debugDescription)", Data(lines.joined(separator: "\n").utf8))
    }

    /// Deletes, duplicates or swaps lines (duplicate keys, lost parents, wrong indentation).
    mutating func shuffledLines(_ text: String) -> (String, Data) {
        var lines = text.components(separatedBy: "\n")
        guard lines.count > 2 else { return ("too short to shuffle", Data(text.utf8)) }
        let i = Int.random(in: 0..<lines.count, using: &rng), j = Int.random(in: 0..<lines.count, using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: lines.remove(at: i); return ("line \(i + 1) deleted", Data(lines.joined(separator: "\n").utf8))
        case 1: lines.insert(lines[i], at: j); return ("line \(i + 1) copied to \(j + 1)", Data(lines.joined(separator: "\n").utf8))
        default: lines.swapAt(i, j); return ("lines \(i + 1) and \(j + 1) swapped", Data(lines.joined(separator: "\n").utf8))
        }
    }

    /// Every number in the text replaced.
    func replacingNumbers(_ text: String, with value: String) -> String {
        guard let re = try? NSRegularExpression(pattern: #"(?<=: )-?[0-9][0-9_.eE+-]*"#) else { return text }
        return re.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: value)
    }
}
