import Foundation
import LoopConfig

/// Company facts and the SEC's ticker list kept on disk, each file with the date it was
/// fetched: `$XDG_CACHE_HOME/moneyloop/filings/` (else `~/.cache/moneyloop/filings/`).
/// A file is `{"fetched": ISO date, "url": …, "document": <the SEC's JSON as received>}`,
/// written atomically, so a failed fetch leaves the previous file as it was.
public struct FilingsCache: Sendable {
    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// The standard folder from the environment.
    public static func standard(_ env: [String: String] = ProcessInfo.processInfo.environment) -> FilingsCache {
        let base = env["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? ((env["HOME"] ?? "") + "/.cache")
        return FilingsCache(folder: base + "/moneyloop/filings")
    }

    public func factsPath(cik: Int) -> String { folder + "/CIK\(CompanyFacts.pad(cik)).json" }
    public var tickersPath: String { folder + "/company_tickers.json" }

    /// A cached document: its JSON and when it was fetched.
    public struct Entry: Sendable {
        public var document: Data
        public var fetched: Date
        public var url: String
    }

    /// The cached file at `path`, or nil when there is none; an unreadable file is an error naming it.
    public func read(_ path: String) throws(FilingsError) -> Entry? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8),
              let head = try? JSONDecoder().decode(Head.self, from: data),
              let fetched = ISO8601DateFormatter().date(from: head.fetched),
              let open = text.range(of: "\"document\":")
        else { throw FilingsError("\(path): not a moneyloop filings cache file; delete it and fetch again") }
        var body = Substring(text[open.upperBound...]).drop { $0.isWhitespace }
        while body.last?.isWhitespace == true { body.removeLast() }
        guard body.last == "}" else { throw FilingsError("\(path): cut short; delete it and fetch again") }
        body.removeLast()
        return Entry(document: Data(body.utf8), fetched: fetched, url: head.url)
    }

    /// Writes `document` (already checked to be the SEC's JSON) with its fetch date, atomically.
    public func write(_ document: Data, url: String, fetched: Date, to path: String) throws(FilingsError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw FilingsError("cannot create the cache folder \(folder): \(error.localizedDescription)")
        }
        let stamp = ISO8601DateFormatter().string(from: fetched)
        let head = "{\"fetched\": \"\(stamp)\", \"url\": \"\(url)\",\n\"document\": "
        do {
            try AtomicFile.write(to: path) { (w: inout AtomicFile.Writer) throws(AtomicFile.Failure) in
                try w.write(Data(head.utf8))
                try w.write(document)
                try w.write(Data("}\n".utf8))
            }
        } catch {
            throw FilingsError(error.message)
        }
    }

    struct Head: Decodable {
        var fetched: String
        var url: String
    }
}

/// How old a cached file is, in words.
public enum CacheAge {
    /// `2026-12-06 18:40 UTC (3 days old)`.
    public static func describe(_ fetched: Date, now: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return "\(f.string(from: fetched)) (\(age(now.timeIntervalSince(fetched))))"
    }

    /// `today`, `1 day old`, `12 days old`, `less than an hour old`.
    public static func age(_ seconds: Double) -> String {
        let days = Int((seconds / 86_400).rounded(.down))
        if days >= 1 { return days == 1 ? "1 day old" : "\(days) days old" }
        let hours = Int((seconds / 3_600).rounded(.down))
        if hours >= 1 { return hours == 1 ? "1 hour old" : "\(hours) hours old" }
        return "less than an hour old"
    }
}
