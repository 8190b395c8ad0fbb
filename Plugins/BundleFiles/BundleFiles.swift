import Foundation
import PackagePlugin

/// Compiles the package's data files (`themes/`, `scenarios/`, `demos/`: every `.yaml`) into
/// the target as one Swift source, `BundledFiles.swift`, written by `BundleFilesTool` at
/// build time from the files as they are then. The target's links to the three folders make
/// SwiftPM plan again, and so list the folders again, when a file is added or removed.
/// The source also holds the git commit the build is of (`git rev-parse` at build time,
/// again after every commit or checkout: the repository's `logs/HEAD` is an input).
@main
struct BundleFiles: BuildToolPlugin {
    static let folders = ["themes", "scenarios", "demos"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        var arguments: [String] = []
        for folder in Self.folders {
            let dir = root.appending(path: folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let url = dir.appending(path: name)
                inputs.append(url)
                arguments += ["\(folder)/\(name)", url.path]
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledFiles.swift")
        let head = Self.gitDirectory(root).map { URL(fileURLWithPath: $0).appending(path: "logs/HEAD") }
        return [.buildCommand(displayName: "Bundling \(inputs.count) data files into \(target.name)",
                              executable: try context.tool(named: "BundleFilesTool").url,
                              arguments: [output.path, root.path] + arguments,
                              inputFiles: inputs + (head.map { [$0] } ?? []), outputFiles: [output])]
    }

    /// The repository's git directory (a worktree's own), or nil outside a git checkout.
    static func gitDirectory(_ root: URL) -> String? {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", root.path, "rev-parse", "--absolute-git-dir"]
        let pipe = Pipe()
        git.standardOutput = pipe
        git.standardError = FileHandle.nullDevice
        guard (try? git.run()) != nil else { return nil }
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        guard git.terminationStatus == 0 else { return nil }
        return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
