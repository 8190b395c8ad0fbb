import Foundation

// BundleFilesTool OUTPUT ROOT [NAME PATH]...: writes OUTPUT, a Swift source holding the text
// of each PATH under NAME (`themes/light.yaml`) and the git commit of ROOT, for the
// BundleFiles plugin.

/// `text` as a one-line Swift string literal.
func literal(_ text: String) -> String {
    var out = "\""
    for s in text.unicodeScalars {
        switch s {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where s.value < 0x20 || s.value == 0x7F: out += "\\u{\(String(s.value, radix: 16))}"
        default: out.unicodeScalars.append(s)
        }
    }
    return out + "\""
}

/// The commit checked out in `root` (12 hex digits), or nil.
func commit(_ root: String) -> String? {
    func git(_ args: [String]) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", root] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return nil }
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? String(decoding: out, as: UTF8.self) : nil
    }
    guard let sha = git(["rev-parse", "--short=12", "HEAD"])?.trimmingCharacters(in: .whitespacesAndNewlines),
          !sha.isEmpty else { return nil }
    return sha
}

let args = Array(CommandLine.arguments.dropFirst())
guard args.count >= 2, args.count % 2 == 0 else {
    FileHandle.standardError.write(Data("usage: BundleFilesTool OUTPUT ROOT [NAME PATH]...\n".utf8))
    exit(2)
}
let output = args[0]
var source = "// Generated at build time by the BundleFiles plugin from themes/, scenarios/, demos/. Do not edit.\n\n"
    + "/// The git commit the binary was built from (nil outside a git checkout).\n"
    + "let generatedCommit: String? = \(commit(args[1]).map(literal) ?? "nil")\n\n"
    + "/// The bundled data files by path relative to the package, e.g. `themes/light.yaml`.\n"
    + "let generatedFiles: [String: String] = [\n"
for i in stride(from: 2, to: args.count, by: 2) {
    do {
        let text = try String(contentsOfFile: args[i + 1], encoding: .utf8)
        source += "    \(literal(args[i])): \(literal(text)),\n"
    } catch {
        FileHandle.standardError.write(Data("error: \(args[i + 1]): \(error)\n".utf8))
        exit(1)
    }
}
source += "]\n"
do { try source.write(toFile: output, atomically: true, encoding: .utf8) } catch {
    FileHandle.standardError.write(Data("error: \(output): \(error)\n".utf8))
    exit(1)
}
