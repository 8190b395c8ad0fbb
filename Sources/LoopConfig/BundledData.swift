import Foundation

/// Where the data that ships with moneyloop (`scenarios/`, `themes/`) is found, relative
/// to the running executable: beside the `Package.swift` of the package it was built in,
/// then under an install prefix's `share/moneyloop/`, then the usual system prefixes.
public enum BundledData {
    /// The directories that may hold the bundled `name/` directory, in search order.
    public static func directories(_ name: String, executable: String? = BundledData.executablePath()) -> [String] {
        var dirs: [String] = []
        if let executable {
            let exeDir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            var dir = exeDir
            for _ in 0..<6 {
                if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                    dirs.append(dir.appendingPathComponent(name).path)
                    break
                }
                dir = dir.deletingLastPathComponent()
            }
            dirs.append(exeDir.deletingLastPathComponent().appendingPathComponent("share/moneyloop/\(name)").path)
        }
        return dirs + ["/usr/local/share/moneyloop/\(name)", "/usr/share/moneyloop/\(name)"]
    }

    /// The running executable: `/proc/self/exe` where there is one, else what Foundation says.
    public static func executablePath() -> String? {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        return Bundle.main.executablePath
    }
}
