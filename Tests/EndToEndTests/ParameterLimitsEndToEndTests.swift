import Foundation
import TestSupport
import Testing

/// The command line at and beyond the parameters' ranges: `--set` past an end is one line
/// naming the allowed range (exit 2, nothing on stdout); every parameter at its minimum, or
/// at its maximum, gives JSON whose every number is finite.
@Suite struct ParameterLimitsEndToEndTests {
    /// (id, min, max) of every parameter, from `moneyloop params --format json`.
    static func ranges() throws -> [(String, Double, Double)] {
        let r = try runProcess(moneyloopBinary, ["params", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8))
        let list = (json as? [String: Any])?["parameters"] as? [[String: Any]] ?? []
        return list.compactMap { p in
            guard let id = p["id"] as? String, let lo = (p["min"] as? NSNumber)?.doubleValue,
                  let hi = (p["max"] as? NSNumber)?.doubleValue else { return nil }
            return (id, lo, hi)
        }
    }

    static func numbers(_ v: Any) -> [Double] {
        switch v {
        case let n as NSNumber: [n.doubleValue]
        case let a as [Any]: a.flatMap(numbers)
        case let d as [String: Any]: d.values.flatMap(numbers)
        default: []
        }
    }

    @Test func setBeyondTheRangeIsOneLineNamingTheRange() throws {
        let ranges = try Self.ranges()
        #expect(ranges.count > 20)
        for (id, _, hi) in ranges.prefix(3) {
            let r = try runProcess(moneyloopBinary, ["simulate", "--format", "json", "--set", "\(id)=\(hi * 2 + 1)"])
            #expect(r.status == 2 && r.out.isEmpty)
            #expect(r.err.hasPrefix("moneyloop: --set: \(id): ") && r.err.contains("allowed"), "\(r.err)")
            #expect(r.err.filter { $0 == "\n" }.count == 1)
        }
    }

    @Test(arguments: ["min", "max"])
    func everyParameterAtOneEndGivesFiniteJSON(_ end: String) throws {
        let sets = try Self.ranges().flatMap { id, lo, hi in ["--set", "\(id)=\(end == "min" ? lo : hi)"] }
        let r = try runProcess(moneyloopBinary, ["simulate", "--format", "json", "--months", "120"] + sets)
        #expect(r.status == 0, "\(r.err)")
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8))
        let numbers = Self.numbers(json)
        #expect(numbers.count > 1000 && numbers.allSatisfy(\.isFinite))
    }
}
