import LoopBundle

/// Where the data that ships with moneyloop (`scenarios/`, `themes/`, `demos/`) is found:
/// beside the `Package.swift` of the package the executable was built in (a checkout), then
/// compiled into the binary (`EmbeddedFiles`, under the pseudo directory `(built in)/`),
/// then under an install prefix's `share/moneyloop/`, then the usual system prefixes.
/// Directories people name themselves (`./scenarios`, `~/.config/moneyloop/themes`…) are
/// searched before all of these by the callers, so their files override the bundled ones.
public enum BundledData {
    /// The pseudo directory that holds the compiled-in files, as paths in messages show it.
    public static let embeddedRoot = "(built in)"

    /// The directories that may hold the bundled `name/` directory, in search order.
    public static func directories(_ name: String, executable: String? = BundledData.executablePath()) -> [String] {
        var dirs: [String] = []
        var share: [String] = []
        if let executable {
            let exeDir = FileSystem.directory(of: FileSystem.resolved(executable) ?? executable)
            var dir = exeDir
            for _ in 0..<6 {
                if FileSystem.exists(dir + "/Package.swift") {
                    dirs.append(dir + "/" + name)
                    break
                }
                dir = FileSystem.directory(of: dir)
            }
            share.append(FileSystem.directory(of: exeDir) + "/share/moneyloop/\(name)")
        }
        return dirs + ["\(embeddedRoot)/\(name)"] + share
            + ["/usr/local/share/moneyloop/\(name)", "/usr/share/moneyloop/\(name)"]
    }

    /// The running executable: `/proc/self/exe` where there is one, else the first argument.
    public static func executablePath() -> String? {
        FileSystem.linkTarget("/proc/self/exe") ?? CommandLine.arguments.first
    }

    /// The text of a compiled-in file, given as `(built in)/themes/light.yaml`; nil for any
    /// other path.
    public static func embeddedText(atPath path: String) -> String? {
        guard path.hasPrefix(embeddedRoot + "/") else { return nil }
        return EmbeddedFiles.text(String(path.dropFirst(embeddedRoot.count + 1)))
    }

    /// The file names in `directory`, compiled in or on disk; nil when it cannot be listed.
    public static func fileNames(in directory: String) -> [String]? {
        if directory.hasPrefix(embeddedRoot + "/") {
            return EmbeddedFiles.names(in: String(directory.dropFirst(embeddedRoot.count + 1)))
        }
        return FileSystem.names(inDirectory: directory)
    }

    /// Whether `path` is a compiled-in file or exists on disk.
    public static func fileExists(_ path: String) -> Bool {
        embeddedText(atPath: path) != nil || FileSystem.exists(path)
    }

    /// `NAME.yaml` (or `.yml`) in the first of `directories` that has it.
    public static func file(named name: String, in directories: [String]) -> String? {
        guard !name.isEmpty, !name.contains("/") else { return nil }
        for dir in directories {
            for ext in ["yaml", "yml"] {
                let path = "\(dir)/\(name).\(ext)"
                if fileExists(path) { return path }
            }
        }
        return nil
    }
}
