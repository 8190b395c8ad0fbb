import Foundation
import LoopConfig

/// The contact the SEC asks every client to name in its User-Agent: `--contact EMAIL`,
/// else `contact:` in `$XDG_CONFIG_HOME/moneyloop/filings.yaml`.
public enum FilingsContact {
    public static func configPath(_ env: [String: String]) -> String {
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? ((env["HOME"] ?? "") + "/.config")
        return base + "/moneyloop/filings.yaml"
    }

    /// The contact e-mail, or nil when neither the option nor the config gives one.
    public static func resolve(option: String?, env: [String: String]) throws(FilingsError) -> String? {
        if let option { return try checked(option, "--contact") }
        let path = configPath(env)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let doc: YAMLDocument
        do { doc = try YAMLDocument(contentsOf: path) } catch { throw FilingsError(error.description) }
        guard case let .mapping(m) = doc.root else { throw FilingsError(doc.error(at: [], "expected `contact: EMAIL`").description) }
        for (k, _) in m where k.string != "contact" {
            throw FilingsError(doc.error(at: [.key(k.string ?? "")], "unknown key; allowed: contact", atKey: true).description)
        }
        guard let value = doc.node(at: [.key("contact")])?.string else { return nil }
        do { return try checked(value, "contact") } catch {
            throw FilingsError(doc.error(at: [.key("contact")], error.message).description)
        }
    }

    static func checked(_ text: String, _ what: String) throws(FilingsError) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasSuffix("."),
              t.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "\"" }), t.count <= 200
        else { throw FilingsError("\(what): '\(text)' is not an e-mail address") }
        return t
    }

    /// Why a fetch is refused without a contact.
    public static func refusal(_ env: [String: String]) -> String {
        "the SEC asks every client to name a contact in its User-Agent and refuses requests without one; "
            + "give --contact EMAIL, or put `contact: EMAIL` in \(configPath(env)) (--offline reads the cache only)"
    }
}
