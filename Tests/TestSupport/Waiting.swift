import Foundation

extension Support {
    /// The built `moneyloop` executable: `swift test` runs …/debug/moneyloopPackageTests.xctest
    /// (or a binary beside it), and the executable sits in the same folder.
    public static let moneyloopBinary: String = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if dir.lastPathComponent.hasSuffix(".xctest") { dir = dir.deletingLastPathComponent() }
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("moneyloop").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return dir.appendingPathComponent("moneyloop").path
    }()

    /// Whether `moneyloopBinary` has been built.
    public static var hasMoneyloop: Bool { FileManager.default.isExecutableFile(atPath: moneyloopBinary) }

    /// Checks `done` every `interval` until it holds or `timeout` passes; the one wait of
    /// every test. Returns whether it held (checked once more at the deadline).
    @discardableResult
    public static func waitUntil(timeout: Duration, interval: Duration = .milliseconds(20),
                                 _ done: () throws -> Bool) rethrows -> Bool
    {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try done() { return true }
            Thread.sleep(forTimeInterval: interval / .seconds(1))
        }
        return try done()
    }

    /// `waitUntil` for async tests: sleeps without holding a thread.
    @discardableResult
    public static func waitUntilAsync(timeout: Duration, interval: Duration = .milliseconds(20),
                                      _ done: () async throws -> Bool) async rethrows -> Bool
    {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await done() { return true }
            try? await Task.sleep(for: interval)
        }
        return try await done()
    }
}
