import Foundation
import TestSupport
import Testing

/// Typing a value, saving, quitting and starting again from the saved file.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed"), .serialized)
struct WhatIfEndToEndTests {
    @Test func typeNinetyPercentSaveQuitAndReload() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ml-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("whatif.yaml").path

        let t = try TmuxSession(width: 120, height: 40, command: [moneyloopBinary, "--paused"])
        try await t.waitFor { $0.contains("GPU utilization") }
        try t.send("Enter")
        try await t.waitFor { $0.contains("GPU utilization = ") }
        try t.send("C-u")
        try t.send("-l", "90%")
        try t.send("Enter")
        let changed = try await t.waitFor { $0.contains("what-if: GPU utilization 90%") }
        #expect(changed.contains("what-if: GPU utilization 90%"), "value not applied:\n\(changed)")
        try t.send("-l", ":save \(file)")
        try t.send("Enter")
        let saved = try await t.waitFor { $0.contains("wrote \(file)") }
        #expect(saved.contains("wrote"), "not saved:\n\(saved)")
        try t.send("q")
        #expect(await t.waitForExit())
        #expect(t.exitStatus == 0)
        #expect(FileManager.default.fileExists(atPath: file))

        let again = try TmuxSession(width: 120, height: 40, command: [moneyloopBinary, "--paused", "--scenario", file])
        let screen = try await again.waitFor { $0.contains("what-if: GPU utilization 90%") }
        #expect(screen.contains("90% [A]"), "reloaded file does not show 90%:\n\(screen)")
        try again.send("q")
        #expect(await again.waitForExit())
    }

    @Test func aBadScenarioFileIsRefusedBeforeTheScreenIsTaken() async throws {
        let dir = FileManager.default.temporaryDirectory
        let file = dir.appendingPathComponent("ml-bad-\(getpid()).yaml").path
        try "name: x\nstart: 2025-13\nopening: {coreweave: {cash: 1}}\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let r = try await runProcess(moneyloopBinary, ["--scenario", file])
        #expect(r.status == 2)
        #expect(r.err.contains("\(file):2:8: start: '2025-13' is not a month"), "\(r.err)")
    }
}
