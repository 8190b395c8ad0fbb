import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport
import Testing

/// `moneyloop filings fetch|show` and `scenario update --from-filings` as a person runs
/// them, against a local server standing in for the SEC, with a cache of their own.
@Suite struct FilingsCommandTests {
    static let fixtures = Support.root.appendingPathComponent("Tests/LoopFilingsTests/Fixtures").path

    static func fixture(_ name: String) -> Data { FileManager.default.contents(atPath: fixtures + "/" + name)! }

    /// An environment whose cache and config folders are new and empty.
    static func environment() -> (env: [String: String], dir: String) {
        let dir = NSTemporaryDirectory() + "ml-filings-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var env = ProcessInfo.processInfo.environment
        env["XDG_CACHE_HOME"] = dir + "/cache"
        env["XDG_CONFIG_HOME"] = dir + "/config"
        return (env, dir)
    }

    /// The SEC's two documents for CoreWeave; 403 without a User-Agent.
    static func sec() throws -> LocalHTTPServer {
        try LocalHTTPServer { head in
            guard head.lowercased().contains("\r\nuser-agent: moneyloop ") else {
                return LocalHTTPServer.response(403, Data())
            }
            if head.hasPrefix("GET /files/company_tickers.json ") {
                return LocalHTTPServer.response(200, fixture("company_tickers.json"))
            }
            if head.hasPrefix("GET /api/xbrl/companyfacts/CIK0001769628.json ") {
                return LocalHTTPServer.response(200, fixture("crwv-companyfacts.json"))
            }
            return LocalHTTPServer.response(404, Data())
        }
    }

    @Test func fetchShowAndUpdateWorkTogether() async throws {
        let server = try Self.sec()
        defer { server.stop() }
        let (env, dir) = Self.environment()
        // No contact: refused, with the reason, and nothing cached.
        let refused = try await runProcess(moneyloopBinary, ["filings", "fetch", "CRWV", "--sec-url", server.url], environment: env)
        #expect(refused.status == 2 && refused.out.isEmpty)
        #expect(refused.err.hasPrefix("moneyloop: the SEC asks every client to name a contact in its User-Agent"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/cache"))

        let fetched = try await runProcess(moneyloopBinary, ["filings", "fetch", "crwv", "--contact", "analyst@example.com",
                                                             "--sec-url", server.url], environment: env)
        #expect(fetched.status == 0)
        #expect(fetched.out.hasPrefix("CRWV  CoreWeave, Inc. (CIK 0001769628): downloaded; latest balance sheet 2025-12-31"))
        #expect(fetched.err.isEmpty)  // not a terminal: no progress line
        #expect(FileManager.default.fileExists(atPath: dir + "/cache/moneyloop/filings/CIK0001769628.json"))

        let offline = try await runProcess(moneyloopBinary, ["filings", "fetch", "CRWV", "--offline"], environment: env)
        #expect(offline.status == 0 && offline.out.contains("from the cache, fetched ") && offline.out.contains("(less than an hour old); offline"))

        let show = try await runProcess(moneyloopBinary, ["filings", "show", "CRWV", "--as-of", "2025-09-30"], environment: env)
        #expect(show.status == 0 && show.out.contains("0001769628-25-000062") && !show.out.contains("2025-12-31"))
        let missing = try await runProcess(moneyloopBinary, ["filings", "show", "NVDA"], environment: env)
        #expect(missing.status == 2 && missing.err.contains("run `moneyloop filings fetch NVDA` first"))

        // Update a copy of the bundled web.
        let file = dir + "/web.yaml"
        try FileManager.default.copyItem(atPath: Support.scenarioPath("ai-web-2025"), toPath: file)
        let update = try await runProcess(moneyloopBinary, ["scenario", "update", file, "--from-filings", "--as-of", "2025-09-30"],
                                          environment: env)
        #expect(update.status == 0)
        // The line of CoreWeave's opening cash in the bundled file, wherever edits moved it.
        let lines = try String(contentsOfFile: Support.scenarioPath("ai-web-2025"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let entity = try #require(lines.firstIndex(of: "  coreweave:"))
        let cashLine = try #require(lines[entity...].firstIndex { $0.hasPrefix("    cash:") }) + 1
        #expect(update.out.contains("@@ line \(cashLine): coreweave.cash\n") && update.out.hasSuffix("\(file): written\n"))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("asOf: 2025-09-30\n") && text.contains("accession 0001769628-25-000062"))
        let check = try await runProcess(moneyloopBinary, ["scenario", "check", file], environment: env)
        #expect(check.status == 0)
        let again = try await runProcess(moneyloopBinary, ["scenario", "update", file, "--from-filings", "--as-of", "2025-09-30"],
                                         environment: env)
        #expect(again.status == 0 && again.out.contains("no changes from the filings") && !again.out.contains(": written\n"))

        // The default, parameter-style scenario: CoreWeave's cash and revenue; NVIDIA not cached, listed.
        let article = dir + "/article.yaml"
        try FileManager.default.copyItem(atPath: Support.scenarioPath("article-2025"), toPath: article)
        let updated = try await runProcess(moneyloopBinary, ["scenario", "update", article, "--from-filings", "--as-of", "2025-09-30"],
                                           environment: env)
        #expect(updated.status == 0 && updated.err.isEmpty)
        #expect(updated.out.contains(": coreweave.cash\n-     cash: 1.9e9\n+     cash: {value: 1.89e9, source: \"CoreWeave, Inc. 10-Q"))
        #expect(updated.out.contains("\n  nvidia: no cached company facts for NVDA: run `moneyloop filings fetch NVDA`\n"))
        #expect(updated.out.hasSuffix("\(article): written\n"))
        let articleText = try String(contentsOfFile: article, encoding: .utf8)
        #expect(articleText.contains("asOf: 2025-09-30\n") && articleText.contains("accession 0001769628-26-000104"))
        let simulated = try await runProcess(moneyloopBinary, ["simulate", "--scenario", article, "--months", "3"], environment: env)
        #expect(simulated.status == 0)
        // The diff is printed before the write: a write that fails still showed it, and left the file.
        let fresh = dir + "/fresh.yaml"
        try FileManager.default.copyItem(atPath: Support.scenarioPath("article-2025"), toPath: fresh)
        let unwritable = try await runProcess(moneyloopBinary, ["scenario", "update", fresh, "--from-filings", "-o", dir + "/no/such/dir/x.yaml"],
                                              environment: env)
        #expect(unwritable.status == 2 && unwritable.out.contains("@@ line ") && !unwritable.out.contains(": written\n"))
        #expect(unwritable.err.hasPrefix("moneyloop: ") && !FileManager.default.fileExists(atPath: dir + "/no"))
        #expect(try String(contentsOfFile: fresh, encoding: .utf8) == String(contentsOfFile: Support.scenarioPath("article-2025"), encoding: .utf8))
    }

    /// The SEC's documents for CoreWeave; the company-facts request answered by `broken` once it is set.
    final class Breakable: @unchecked Sendable {
        private let lock = NSLock()
        private var answer: Data?
        var broken: Data? {
            get { lock.withLock { answer } }
            set { lock.withLock { answer = newValue } }
        }
    }

    /// Must hold: a fetch that fails leaves the cache and the scenario as they were.
    @Test func aFailedFetchLeavesTheCacheAndTheScenario() async throws {
        let breakable = Breakable()
        let server = try LocalHTTPServer { head in
            if head.hasPrefix("GET /files/company_tickers.json ") { return LocalHTTPServer.response(200, Self.fixture("company_tickers.json")) }
            guard head.hasPrefix("GET /api/xbrl/companyfacts/CIK0001769628.json ") else { return LocalHTTPServer.response(404, Data()) }
            return breakable.broken ?? LocalHTTPServer.response(200, Self.fixture("crwv-companyfacts.json"))
        }
        defer { server.stop() }
        let (env, dir) = Self.environment()
        let fetch = ["filings", "fetch", "CRWV", "--contact", "analyst@example.com", "--sec-url", server.url]
        #expect(try await runProcess(moneyloopBinary, fetch, environment: env).status == 0)
        let cached = dir + "/cache/moneyloop/filings/CIK0001769628.json"
        let cacheBefore = try Data(contentsOf: URL(fileURLWithPath: cached))
        let article = dir + "/article.yaml"
        try FileManager.default.copyItem(atPath: Support.scenarioPath("article-2025"), toPath: article)
        #expect(try await runProcess(moneyloopBinary, ["scenario", "update", article, "--from-filings", "--as-of", "2025-09-30"],
                                     environment: env).status == 0)
        let scenarioBefore = try Data(contentsOf: URL(fileURLWithPath: article))
        for (answer, message) in [
            (LocalHTTPServer.response(403, Data("Undeclared Automated Tool".utf8)), "HTTP 403"),
            (LocalHTTPServer.response(200, Self.fixture("truncated-companyfacts.json")), "not a company-facts document"),
            (LocalHTTPServer.response(200, Self.fixture("wrong-shape-companyfacts.json")), "not a company-facts document"),
        ] {
            breakable.broken = answer
            let r = try await runProcess(moneyloopBinary, fetch, environment: env)
            #expect(r.status == 2 && r.out.isEmpty && r.err.hasPrefix("moneyloop: ") && r.err.contains(message), Comment(rawValue: r.err))
            #expect(try Data(contentsOf: URL(fileURLWithPath: cached)) == cacheBefore)
            #expect(try Data(contentsOf: URL(fileURLWithPath: article)) == scenarioBefore)
            let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/cache/moneyloop/filings")
            #expect(Set(files) == ["CIK0001769628.json", "company_tickers.json"])  // no temporary file left
        }
    }

    /// Must hold: a value from a filing can be traced to its accession number from the
    /// dashboard's source note, in both styles of scenario. The figures are updated from the
    /// cache without `--as-of`: the 10-K's accession, which neither bundled file names.
    @Test(.enabled(if: TmuxSession.available, "tmux is not installed"))
    func theDashboardShowsTheAccessionOfAnUpdatedFigure() async throws {
        let server = try Self.sec()
        defer { server.stop() }
        let (env, dir) = Self.environment()
        let fetch = ["filings", "fetch", "CRWV", "--contact", "analyst@example.com", "--sec-url", server.url]
        #expect(try await runProcess(moneyloopBinary, fetch, environment: env).status == 0)
        let tenK = "0001769628-26-000104"
        for name in ["article-2025", "ai-web-2025"] {
            let file = dir + "/\(name).yaml"
            try FileManager.default.copyItem(atPath: Support.scenarioPath(name), toPath: file)
            #expect(!(try String(contentsOfFile: file, encoding: .utf8)).contains(tenK))
            let r = try await runProcess(moneyloopBinary, ["scenario", "update", file, "--from-filings"], environment: env)
            #expect(r.status == 0 && r.out.hasSuffix(": written\n"), Comment(rawValue: r.out + r.err))
            let t = try TmuxSession(width: 240, height: 70, command: [moneyloopBinary, "--scenario", file, "--paused"],
                                    environment: ["XDG_CONFIG_HOME": dir + "/config"])
            try await t.waitFor(timeout: 20) { $0.contains("Funding graph") }
            // The article's graph details CoreWeave from the start. In the loop, focus the graph
            // (Tab), maximise it (e: room for the whole note) and step (↓) to CoreWeave.
            var seen: String? = try t.screen().contains(tenK) ? try t.screen() : nil
            for _ in 0..<8 where seen == nil {
                try t.send("Tab")
                // (waitFor gives back the last screen whether or not the condition came true.)
                guard try await t.waitFor(timeout: 5, { $0.contains("[Funding graph]") }).contains("[Funding graph]") else { continue }
                try t.send("e")
                for _ in 0..<16 where seen == nil {
                    try t.send("Down")
                    let s = try await t.waitFor(timeout: 1) { $0.contains(tenK) }
                    if s.contains(tenK) { seen = s }
                }
                break
            }
            // The screen that showed the accession number shows it as CoreWeave's opening cash.
            let last = try t.screen()
            let screen = try #require(seen, "\(name): no accession \(tenK) on screen:\n\(last)")
            // (The details wrap at the room the graph leaves them: the words may break after "Inc.".)
            #expect(screen.contains("opening cash: CoreWeave, Inc.") && screen.contains("10-K filed"), "\(name):\n\(screen)")
            try t.send("q")
            #expect(await t.waitForExit(timeout: 20))
        }
    }

    /// A progress line on stderr when it is a terminal; nothing when it is piped (the test above).
    @Test func aTerminalSeesTheProgressLine() async throws {
        let server = try Self.sec()
        defer { server.stop() }
        let (env, _) = Self.environment()
        let r = try await offPool {
            try Self.runWithTerminalStderr(["filings", "fetch", "CRWV", "--contact", "analyst@example.com", "--sec-url", server.url],
                                           environment: env)
        }
        #expect(r.status == 0 && r.out.hasPrefix("CRWV  CoreWeave, Inc. (CIK 0001769628): downloaded"))
        #expect(r.terminal.contains("\r\u{1B}[Kfetching the SEC's ticker list\r\u{1B}[Kfetching CRWV (1/1)"))
        #expect(r.terminal.hasSuffix("\r\u{1B}[K"))  // the line is cleared before the result
    }

    /// Runs moneyloop with stdout piped and stderr on a new pseudo-terminal; what the terminal received.
    static func runWithTerminalStderr(_ args: [String], environment: [String: String]) throws
        -> (status: Int32, out: String, terminal: String)
    {
        var master: Int32 = -1, slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw POSIXError(.ENXIO) }
        defer { close(master) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: moneyloopBinary)
        p.arguments = args
        p.environment = environment
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        try p.run()
        close(slave)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {  // until every copy of the terminal's other end is closed (EIO)
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return (p.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: bytes, as: UTF8.self))
    }

    @Test func badUpdatesExitTwoAndLeaveTheFile() async throws {
        let (env, dir) = Self.environment()
        let file = dir + "/article.yaml"
        try FileManager.default.copyItem(atPath: Support.scenarioPath("article-2025"), toPath: file)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        for (args, message) in [
            (["scenario", "update", file], "moneyloop: say where the new figures come from: --from-filings\n"),
            (["scenario", "update", file, "--from-filings", "--as-of", "2025-02-30"],
             "moneyloop: --as-of: '2025-02-30' is not a date; expected YYYY-MM-DD, e.g. 2025-09-30\n"),
            (["scenario", "update", dir + "/none.yaml", "--from-filings"], "moneyloop: \(dir)/none.yaml: cannot read the file\n"),
        ] {
            let r = try await runProcess(moneyloopBinary, args, environment: env)
            #expect(r.status == 2 && r.out.isEmpty && r.err == message)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        let web = dir + "/web.yaml"
        try FileManager.default.copyItem(atPath: Support.scenarioPath("ai-web-2025"), toPath: web)
        let r = try await runProcess(moneyloopBinary, ["scenario", "update", web, "--from-filings", "--company", "nobody=CRWV"],
                                     environment: env)
        #expect(r.status == 2 && r.out.isEmpty && r.err.hasPrefix("moneyloop: --company: no entity 'nobody' in \(web); entities: nvidia, "))
    }
}
