#if canImport(Glibc)
import Glibc
#endif

/// Where `moneyloop serve` keeps its files, following the XDG base directory spec.
///
/// - state (the host key): `$XDG_STATE_HOME/moneyloop`, else `~/.local/state/moneyloop`
/// - runtime (the presenter relay socket): `$XDG_RUNTIME_DIR/moneyloop`, else the state
///   directory
///
/// Relative XDG values are ignored, as the spec says. Directories are created with mode
/// 0700.
public enum StateDirectory {
    /// The state directory for this environment.
    public static func state(environment: [String: String]) throws(ServeError) -> String {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return xdg + "/moneyloop"
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else {
            throw ServeError.usage("neither XDG_STATE_HOME nor HOME is set to an absolute path; pass --host-key FILE")
        }
        return home + "/.local/state/moneyloop"
    }

    /// The runtime directory for sockets.
    public static func runtime(environment: [String: String]) throws(ServeError) -> String {
        if let xdg = environment["XDG_RUNTIME_DIR"], xdg.hasPrefix("/") {
            var info = stat()
            if stat(xdg, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                return xdg + "/moneyloop"
            }
        }
        return try state(environment: environment)
    }

    /// Creates `path` and its missing parents with mode 0700 (existing ones are left alone).
    public static func makeDirectory(_ path: String) throws(ServeError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw ServeError.file(path: path, message: "exists and is not a directory")
            }
            return
        }
        var parent = Substring(path)
        while parent.count > 1, parent.last == "/" { parent = parent.dropLast() }
        parent = parent.lastIndex(of: "/").map { parent[..<$0] } ?? ""
        if !parent.isEmpty && parent != Substring(path) && parent != "/" {
            try makeDirectory(String(parent))
        }
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw ServeError.file(path: path, message: "cannot create the directory: \(String(cString: strerror(errno)))")
        }
    }
}
