import Foundation

// BundleFilesTool OUTPUT [NAME PATH]...: writes OUTPUT, a Swift source holding the text of
// each PATH under NAME (`themes/light.yaml`), for the BundleFiles plugin.

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

let args = Array(CommandLine.arguments.dropFirst())
guard let output = args.first, args.count % 2 == 1 else {
    FileHandle.standardError.write(Data("usage: BundleFilesTool OUTPUT [NAME PATH]...\n".utf8))
    exit(2)
}
var source = "// Generated at build time by the BundleFiles plugin from themes/, scenarios/, demos/. Do not edit.\n\n"
    + "/// The bundled data files by path relative to the package, e.g. `themes/light.yaml`.\n"
    + "let generatedFiles: [String: String] = [\n"
for i in stride(from: 1, to: args.count, by: 2) {
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
