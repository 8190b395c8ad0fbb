#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Chooses the TERM a viewer's dashboard runs with: the client's own when this machine
/// has a terminfo entry for it, otherwise `xterm-256color`.
///
/// Clients such as kitty, alacritty, wezterm, ghostty and foot send TERM values that
/// Debian's ncurses-base does not ship; ncurses would fail with "Error opening
/// terminal". The lookup follows ncurses' own search order: `$TERMINFO`, `~/.terminfo`,
/// `$TERMINFO_DIRS`, then `/etc/terminfo`, `/lib/terminfo`, `/usr/share/terminfo`,
/// `/usr/lib/terminfo`, in both the letter (`x/xterm`) and hex (`78/xterm`) layouts.
public struct TerminalType: Sendable {
    /// The TERM used when the client's has no entry here.
    public static let fallback = "xterm-256color"

    /// The directories searched, in order.
    public let searchDirectories: [String]

    /// Uses ncurses' search order with the given environment.
    public init(environment: [String: String]) {
        var dirs: [String] = []
        if let t = environment["TERMINFO"], !t.isEmpty { dirs.append(t) }
        if let home = environment["HOME"], !home.isEmpty { dirs.append(home + "/.terminfo") }
        if let list = environment["TERMINFO_DIRS"] {
            for part in list.split(separator: ":", omittingEmptySubsequences: false) {
                // An empty entry means the compiled-in default directory.
                dirs.append(part.isEmpty ? "/usr/share/terminfo" : String(part))
            }
        }
        dirs += ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"]
        self.searchDirectories = dirs
    }

    /// Uses exactly these directories (tests).
    public init(searchDirectories: [String]) {
        self.searchDirectories = searchDirectories
    }

    /// The outcome for one client TERM.
    public struct Choice: Sendable, Equatable {
        /// The TERM to give the dashboard.
        public let term: String
        /// Whether the client's TERM was replaced by the fallback.
        public let replaced: Bool
    }

    /// Picks the TERM for a client that sent `clientTerm`.
    ///
    /// Values that are empty, too long, start with anything but a letter or digit, or
    /// contain anything but letters, digits and `.+-_` are replaced (they could point outside the terminfo directories).
    public func choose(clientTerm: String) -> Choice {
        if TerminalType.isWellFormed(clientTerm) && hasEntry(clientTerm) {
            return Choice(term: clientTerm, replaced: false)
        }
        return Choice(term: TerminalType.fallback, replaced: true)
    }

    /// Whether one of the search directories has a compiled entry for `name`.
    public func hasEntry(_ name: String) -> Bool {
        guard TerminalType.isWellFormed(name), let first = name.unicodeScalars.first else { return false }
        let letter = String(Character(first))
        let hex = String(first.value, radix: 16)
        for dir in searchDirectories {
            for sub in [letter, hex] where access(dir + "/" + sub + "/" + name, R_OK) == 0 {
                return true
            }
        }
        return false
    }

    static func isWellFormed(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.utf8.count <= 64,
              first.properties.isASCIIHexDigit || ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        else { return false }
        return name.unicodeScalars.allSatisfy { s in
            ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
                || s == "." || s == "-" || s == "+" || s == "_"
        }
    }
}
