import Foundation

/// Downloads company facts from the SEC, within its rate limit and with a contact in the
/// User-Agent, and keeps them in the cache; offline, or when the network fails, it
/// answers from the cache and says how old it is. All downloads are checked before any
/// is written, so a failed fetch leaves the cache as it was.
public struct FilingsFetcher {
    public var client: any HTTPClient
    public var limiter: RateLimiter
    public var cache: FilingsCache
    /// The contact e-mail for the User-Agent; required unless `offline`.
    public var contact: String?
    public var offline: Bool
    public var now: () -> Date
    /// Told what is being fetched ("fetching CRWV (1/3)"), and "" when done.
    public var progress: (String) -> Void = { _ in }
    public var timeout: Double = 30
    public var factsBase = "https://data.sec.gov/api/xbrl/companyfacts/"
    public var tickersURL = "https://www.sec.gov/files/company_tickers.json"
    /// A cached ticker list younger than this is used without asking the SEC again.
    public var tickerListLife: Double = 7 * 86_400

    public init(client: any HTTPClient, limiter: RateLimiter, cache: FilingsCache, contact: String?, offline: Bool,
                now: @escaping () -> Date = Date.init) {
        self.client = client; self.limiter = limiter; self.cache = cache; self.contact = contact
        self.offline = offline; self.now = now
    }

    /// One company's facts and where they came from.
    public struct Result {
        public var ref: CompanyRef
        public var facts: CompanyFacts
        public var fetched: Date
        /// Why the cache was used ("offline", "network unavailable: …"); nil when just downloaded.
        public var fromCache: String?
    }

    /// Fetches each company in turn; the network failing once makes the rest come from the cache.
    public func fetch(_ refs: [CompanyRef]) throws(FilingsError) -> [Result] {
        var offline = self.offline
        var networkNote = "offline"
        guard offline || contact != nil else { throw FilingsError(FilingsContact.refusal(ProcessInfo.processInfo.environment)) }
        var writes: [(data: Data, url: String, path: String)] = []
        var tickers: TickerMap?
        var results: [Result] = []
        defer { progress("") }
        for (i, ref) in refs.enumerated() {
            let cik: Int
            switch ref {
            case let .cik(n): cik = n
            case let .ticker(t):
                if tickers == nil {
                    let (map, write) = try tickerMap(offline: &offline, note: &networkNote)
                    tickers = map
                    if let write { writes.append(write) }
                }
                guard let n = tickers?.ciks[t] else { throw FilingsError("\(t): no such ticker in the SEC's list; give the CIK") }
                cik = n
            }
            let path = cache.factsPath(cik: cik)
            let url = factsBase + "CIK\(CompanyFacts.pad(cik)).json"
            if !offline {
                progress("fetching \(ref) (\(i + 1)/\(refs.count))")
                switch try request(url) {
                case let .success(body):
                    let facts = try CompanyFacts.parse(body, source: url)
                    writes.append((body, url, path))
                    results.append(Result(ref: ref, facts: facts, fetched: now(), fromCache: nil))
                    continue
                case let .failure(failure):
                    offline = true
                    networkNote = "network unavailable: \(failure)"
                }
            }
            guard let entry = try cache.read(path) else {
                throw FilingsError("\(ref): \(networkNote), and no cached company facts at \(path)")
            }
            results.append(Result(ref: ref, facts: try CompanyFacts.parse(entry.document, source: path),
                                  fetched: entry.fetched, fromCache: networkNote))
        }
        for w in writes { try cache.write(w.data, url: w.url, fetched: now(), to: w.path) }
        return results
    }

    /// The ticker list: the cache while fresh or offline, else the SEC's.
    func tickerMap(offline: inout Bool, note: inout String) throws(FilingsError)
        -> (TickerMap, (data: Data, url: String, path: String)?)
    {
        let cached = try cache.read(cache.tickersPath)
        if let cached, offline || now().timeIntervalSince(cached.fetched) < tickerListLife {
            return (try TickerMap.parse(cached.document, source: cache.tickersPath), nil)
        }
        if !offline {
            progress("fetching the SEC's ticker list")
            switch try request(tickersURL) {
            case let .success(body): return (try TickerMap.parse(body, source: tickersURL), (body, tickersURL, cache.tickersPath))
            case let .failure(failure):
                offline = true
                note = "network unavailable: \(failure)"
            }
        }
        guard let cached else {
            throw FilingsError("\(note), and no cached ticker list at \(cache.tickersPath); give CIKs instead of tickers")
        }
        return (try TickerMap.parse(cached.document, source: cache.tickersPath), nil)
    }

    /// A GET within the rate limit: the body of a 200, or the network's failure (a 5xx
    /// counts as one); any other status is an error (the server answered and refused, so
    /// the cache is no substitute).
    func request(_ url: String) throws(FilingsError) -> Swift.Result<Data, NetworkFailure> {
        limiter.wait()
        let headers = ["User-Agent": "moneyloop \(contact ?? "")"]
        let response: HTTPResponse
        do { response = try client.get(url, headers: headers, timeout: timeout) } catch { return .failure(error) }
        if response.status >= 500 { return .failure(NetworkFailure("\(url): HTTP \(response.status), the server is unavailable")) }
        guard response.status == 200 else { throw FilingsError(FilingsFetcher.statusMessage(response.status, url)) }
        return .success(response.body)
    }

    static func statusMessage(_ status: Int, _ url: String) -> String {
        switch status {
        case 403: "\(url): HTTP 403, refused: the SEC refuses requests without a User-Agent naming a contact, "
            + "and clients over 10 requests a second"
        case 404: "\(url): HTTP 404, no such document (is the CIK an XBRL filer?)"
        default: "\(url): HTTP \(status)"
        }
    }
}
