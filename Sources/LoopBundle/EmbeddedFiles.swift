/// The data files compiled into the binary: every `.yaml` of the package's `themes/`,
/// `scenarios/` and `demos/`, as they were at build time (the BundleFiles plugin).
public enum EmbeddedFiles {
    /// The text of `path` (relative to the package, e.g. `themes/light.yaml`), or nil.
    public static func text(_ path: String) -> String? { generatedFiles[path] }

    /// The file names in `folder` (e.g. `themes`), sorted.
    public static func names(in folder: String) -> [String] {
        let prefix = folder + "/"
        return generatedFiles.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
    }
}
