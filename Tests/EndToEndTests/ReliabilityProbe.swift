import Foundation
import TestSupport

/// Runs `tools/reliability_probe.py` (pyte in a pseudo-terminal; see that file) and reads
/// the one JSON object it prints: facts about the terminal the program left behind.
enum ReliabilityProbe {
    static let root = Support.root
    static let script = root.appendingPathComponent("tools/reliability_probe.py").path
    /// `tools/input_probe.py`: input in pieces, byte storms, paste floods.
    static let inputScript = root.appendingPathComponent("tools/input_probe.py").path

    /// Whether python3 with pyte is installed (`.ci/run` installs it).
    static let available: Bool = {
        (try? runProcess("/usr/bin/env", ["python3", "-c", "import pyte"]))?.status == 0
    }()

    /// The probe's result for `sub` with `options` on `command`.
    static func run(_ sub: String, _ options: [String] = [], _ command: [String], tool: String = script) throws
        -> ProbeResult
    {
        let r = try runProcess("/usr/bin/env", ["python3", tool, sub] + options + ["--"] + command)
        guard let data = r.out.data(using: .utf8),
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            throw ProbeFailure(text: "probe \(sub) printed no JSON (status \(r.status)): \(r.out) \(r.err)")
        }
        guard object["harness_error"] == nil else { throw ProbeFailure(text: "probe \(sub): \(object)") }
        return ProbeResult(values: object)
    }
}

struct ProbeFailure: Error, CustomStringConvertible { var text: String; var description: String { text } }

/// One JSON object from the probe, with typed accessors; `description` is the whole object
/// for failure messages.
struct ProbeResult: CustomStringConvertible, @unchecked Sendable {  // read-only after parsing
    var values: [String: Any]

    subscript(key: String) -> ProbeResult { ProbeResult(values: values[key] as? [String: Any] ?? [:]) }
    func bool(_ key: String) -> Bool? { values[key] as? Bool }
    func int(_ key: String) -> Int? { (values[key] as? NSNumber)?.intValue }
    func double(_ key: String) -> Double? { (values[key] as? NSNumber)?.doubleValue }
    func string(_ key: String) -> String? { values[key] as? String }
    func rows(_ key: String) -> [String] { values[key] as? [String] ?? [] }
    func pair(_ key: String) -> [Bool] { values[key] as? [Bool] ?? [] }

    var description: String {
        var shown = values
        for key in ["rows_before", "rows_after_fg", "final_rows", "small_rows", "back_rows"] { shown.removeValue(forKey: key) }
        let data = (try? JSONSerialization.data(withJSONObject: shown, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The terminal is as it was before the program: main screen, cursor visible, line mode
    /// and echo as before, no colour or attribute left on, keypad mode off. Returns problems.
    var terminalProblems: [String] {
        var out: [String] = []
        if bool("alt_entered") != true { out.append("never entered the alternate screen") }
        if bool("alt_active") != false { out.append("left the alternate screen on") }
        if bool("cursor_visible") != true { out.append("left the cursor hidden") }
        if pair("icanon").count != 2 || pair("icanon")[0] != pair("icanon")[1] { out.append("ICANON not restored") }
        if pair("echo").count != 2 || pair("echo")[0] != pair("echo")[1] { out.append("ECHO not restored") }
        if self["colours"].bool("reset") != true { out.append("colours left on: \(self["colours"])") }
        if bool("keypad_app") != false { out.append("keypad transmit mode left on") }
        if let on = values["mouse_left_on"] as? [Int], !on.isEmpty { out.append("mouse reporting left on: \(on)") }
        if values["mouse_left_on"] == nil { out.append("mouse modes not measured") }
        return out
    }
}

/// Screen rows compared without trailing blanks (the emulator and `snapshot` differ there).
func trimmedRows(_ rows: [String]) -> [String] {
    var r = rows.map { String($0.reversed().drop { $0 == " " }.reversed()) }
    while r.last == "" { r.removeLast() }
    return r
}

/// `moneyloop snapshot` at a size, as rows.
func snapshotRows(width: Int, height: Int) throws -> [String] {
    let r = try runProcess(moneyloopBinary, ["snapshot", "--size", "\(width)x\(height)"])
    return trimmedRows(r.out.components(separatedBy: "\n"))
}
