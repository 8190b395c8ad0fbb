import Foundation
import PackagePlugin

/// Compiles the package's data files (`themes/`, `scenarios/`, `demos/`: every `.yaml`) into
/// the target as one Swift source, `BundledFiles.swift`, written by `BundleFilesTool` at
/// build time from the files as they are then. The target's links to the three folders make
/// SwiftPM plan again, and so list the folders again, when a file is added or removed.
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
        return [.buildCommand(displayName: "Bundling \(inputs.count) data files into \(target.name)",
                              executable: try context.tool(named: "BundleFilesTool").url,
                              arguments: [output.path] + arguments,
                              inputFiles: inputs, outputFiles: [output])]
    }
}
