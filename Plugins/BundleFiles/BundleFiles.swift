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
            .flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
        return [.buildCommand(displayName: "Bundling \(inputs.count) data files into \(target.name)",
                              executable: try context.tool(named: "BundleFilesTool").url,
                              arguments: [output.path, root.path] + arguments,
                              inputFiles: inputs + (head.map { [$0] } ?? []), outputFiles: [output])]
    }

    /// The repository's git directory (a worktree's own, named by its `.git` file), or nil
    /// outside a git checkout.
    static func gitDirectory(_ root: URL) -> String? {
        let dotGit = root.appending(path: ".git")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { return dotGit.path }
        guard let text = try? String(contentsOf: dotGit, encoding: .utf8), text.hasPrefix("gitdir: ") else { return nil }
        let dir = text.dropFirst("gitdir: ".count).trimmingCharacters(in: .whitespacesAndNewlines)
        return dir.hasPrefix("/") ? dir : root.appending(path: dir).path
    }
}
