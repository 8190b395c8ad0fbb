import Foundation
import Testing
import Yams
@testable import LoopConfig
import TestSupport

/// moneyloop's own YAML reader (``YAMLReader``) against Yams 6, which it replaced on the
/// dashboard's path: every YAML file in the repository and a set of edge cases compose to
/// the same tree (texts, styles, keys in order, line and column of every node), and
/// malformed text fails at the same place with the same message.
struct YAMLReaderTests {
    /// Every `.yaml`/`.yml` file the repository holds (bundled data and test fixtures).
    static let repositoryFiles: [String] = {
        let root = Support.root.path
        var out: [String] = []
        for dir in ["scenarios", "themes", "demos", "Tests"] {
            guard let e = FileManager.default.enumerator(atPath: root + "/" + dir) else { continue }
            while let p = e.nextObject() as? String {
                if p.hasSuffix(".yaml") || p.hasSuffix(".yml") { out.append(root + "/" + dir + "/" + p) }
            }
        }
        return out.sorted()
    }()

    @Test func everyRepositoryFileIsFound() {
        #expect(Self.repositoryFiles.count >= 40, "\(Self.repositoryFiles.count) YAML files")
        #expect(Self.repositoryFiles.contains { $0.hasSuffix("demos/money-loop.yaml") })
    }

    @Test(arguments: repositoryFiles)
    func repositoryFileComposesAsYamsDoes(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let text = String(data: data, encoding: .utf8), !text.unicodeScalars.contains(where: { $0.value == 0 }) else {
            return  // binary fixtures stop before composing (YAMLDocument checks them)
        }
        if case .failure = Result(catching: { try Yams.compose(yaml: text) }) {
            Self.expectSameFailure(text)  // the fixtures of syntax errors and duplicate keys
        } else {
            try Self.expectSame(text, name: path)
        }
    }

    /// Valid text in the shapes people write: each must give Yams' tree.
    static let valid: [String] = [
        "a: 1\nb: two\n", "a: 1", "- a\n- b\n", "a:\n  - x\n  - y\nb: z\n", "a:\n- x\n- y\nb: z\n",
        "- a: 1\n  b: 2\n- c: 3\n", "- - a\n  - b\n- c\n", "a:\n  b:\n    c: deep\n", "a:\nb: 1\n", "a:\n",
        "a: [1, 2, 3]\n", "a: {x: 1, y: [2, 3]}\n", "a: [\n  1,\n  2,\n]\n", "a: {x: 1,\n   y: 2}\n",
        "a: []\nb: {}\n", "a: [x: 1, y]\n", "a: {x, y: }\n", "a: [{p: 1}, {q: 2}]\n",
        "a: 'it''s'\nb: \"tab\\there \\u00e9 \\x41 \\\\ \\\"q\\\"\"\n", "a: \"one\n  two\n\n  three\"\n",
        "a: 'one\n  two'\n", "a: \"split \\\n  here\"\n",
        "a: |\n  line 1\n  line 2\nb: 1\n", "a: >\n  folded\n  text\n\n  para\nb: 1\n", "a: |-\n  strip\n\n",
        "a: |+\n  keep\n\n\nb: 1\n", "a: |2\n    indented\n", "a: >\n  one\n    more\n  back\n",
        "- |\n  in a list\n- x\n", "a: |\n\n  after blank\n", "a: |\n  x\n # not a comment\n",
        "a: plain\n  continued\n  again\n", "a: plain\n\n  para\n", "a: x # comment\n# full line\nb: y #c\n",
        "a: x#not\nb: 'q' # c\n", "url: http://example.com:80/x\ntime: 10:30\n", "a: -1\nb: -x\nc: ?x\nd: :x\n",
        "\"quoted key\": 1\n'single': 2\n", "a b c: spaced key\n", "a: 1 \t\n", "--- \na: 1\n", "---\na: 1\n...\n",
        "a: ~\nb: null\nc:\nd: ''\n", "a: true\nb: yes\nc: On\nd: 0x1F\ne: 1_000\nf: .inf\ng: 1e9\n",
        "\u{FEFF}a: 1\n", "a: 1\r\nb: 2\r\n", "é: ü\nemoji: 😀 text\n", "plain scalar\n", "'quoted'\n",
        "[1, 2]\n", "# only a comment\na: 1\n\n\n", "a:\n  # comment\n  b: 1\n", "a:    \n  b: 1\n",
        "a: {x: 'y, z', w: \"[v]\"}\n", "a: [a b, c d]\n", "a: [1,2]\n", "key:  value with  spaces  \n",
        "- \n- x\n", "-\n  a: 1\n", "a:\n  -\n    b\n", "a: >-\n  x\n  y\n", "s: \"\\/\\0\\a\\b\\e\\N\\_\\L\\P\"\n",
        "a:\n\n\n  b: 1\n", "a: x\n\n\nb: y\n", "top:\n  - name: n\n    list: [1]\n  - name: m\n",
        "k: v:w\n", "k: [a:b]\n", "k: {a:b}\n", "- a\n - b\n",
    ]

    @Test(arguments: valid)
    func validTextComposesAsYamsDoes(text: String) throws {
        try Self.expectSame(text, name: text)
    }

    /// Malformed text: both fail, at the same line and column, with the same words.
    static let invalid: [String] = [
        "cash: [1, 2\n", "roles: [text: default\n", "steps: [\n  - caption: hi\n", "a: {x: 1\n", "a: [1, , 2]\n",
        "a: 'open\n", "a: \"open\n", "a: b: c\n", "a: 1\n  b: 2\n", "a: \"x\"\n  b: 2\n", "a: 1\nb\n",
        "- a\n  b: c\n", "a:\n  - x\n   y: 1\n", "a: - x\n", "a: \"\\q\"\n", "a: |x\n  y\n", "a: @x\n", "a: `x\n",
        "a: 1\na: 2\n", "x: {a: 1, a: 2}\n", "\ta: 1\n", "a:\n\tb: 1\n", "a: 1\n---\nb: 2\n", "a: {x: [1, 2}\n",
    ]

    @Test(arguments: invalid)
    func malformedTextFailsAsYamsDoes(text: String) {
        Self.expectSameFailure(text)
    }

    static func expectSameFailure(_ text: String) {
        let ours = Result { () throws(YAMLReader.SyntaxError) in try YAMLReader.compose(text) }
        let yams = Result { try Yams.compose(yaml: text) }
        guard case let .failure(error) = ours else {
            Issue.record("composed \(text.debugDescription); Yams: \(yams)")
            return
        }
        guard case let .failure(yamsError as YamlError) = yams else {
            Issue.record("Yams composed \(text.debugDescription); we failed: \(error)")
            return
        }
        let expected = YAMLReaderTests.position(yamsError)
        #expect(expected.line == error.mark.line && expected.column == error.mark.column,
                "\(text.debugDescription): ours \(error), Yams \(yamsError)")
        if let problem = expected.problem, error.duplicateKey == nil {
            #expect(problem == error.problem, "\(text.debugDescription)")
            #expect(expected.context == error.context, "\(text.debugDescription)")
        }
    }

    /// What the reader refuses on purpose (Yams accepts them; no moneyloop file uses them).
    @Test(arguments: ["a: &x 1\nb: *x\n", "a: !!str 1\n", "? a\n: b\n", "%YAML 1.2\n---\na: 1\n", "a: [*x]\n"])
    func unsupportedFeaturesAreRefusedWithTheirPlace(text: String) {
        #expect(throws: YAMLReader.SyntaxError.self) { try YAMLReader.compose(text) }
    }

    @Test func nestingDeeperThanTheLimitIsRefused() {
        let deep = String(repeating: "[", count: 1_200) + String(repeating: "]", count: 1_200)
        #expect(throws: YAMLReader.SyntaxError.self) { try YAMLReader.compose(deep) }
        let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: Never.self) { try YAMLReader.compose(fine) }
    }

    // MARK: Comparing

    static func expectSame(_ text: String, name: String) throws {
        let yams = try Yams.compose(yaml: text)
        let ours = try YAMLReader.compose(text)
        let theirs = yams.map(convert)
        #expect(ours == theirs, "\(name.debugDescription)\nours:  \(ours.map(dump) ?? "nil")\nYams:  \(theirs.map(dump) ?? "nil")")
    }

    /// A Yams node in this reader's terms.
    static func convert(_ node: Yams.Node) -> YAMLNode {
        let mark = node.mark.map { YAMLNode.Mark(line: $0.line, column: $0.column) }
        switch node {
        case let .scalar(s):
            let style: YAMLNode.Scalar.Style = switch s.style {
            case .singleQuoted: .singleQuoted
            case .doubleQuoted: .doubleQuoted
            case .literal: .literal
            case .folded: .folded
            default: .plain
            }
            return .scalar(.init(s.string, style: style, mark: mark))
        case let .mapping(m):
            return .mapping(.init(m.map { (convert($0.key), convert($0.value)) }, mark: mark))
        case let .sequence(s):
            return .sequence(.init(s.map(convert), mark: mark))
        case .alias:
            return .scalar(.init("*alias", mark: mark))
        }
    }

    static func dump(_ node: YAMLNode) -> String {
        let at = node.mark.map { "@\($0)" } ?? ""
        switch node {
        case let .scalar(s): return "\(s.string.debugDescription)\(s.style == .plain ? "" : "/\(s.style)")\(at)"
        case let .mapping(m): return "{\(at) " + m.map { "\(dump($0.key)): \(dump($0.value))" }.joined(separator: ", ") + "}"
        case let .sequence(s): return "[\(at) " + s.map(dump).joined(separator: ", ") + "]"
        }
    }

    /// Where and why Yams failed.
    static func position(_ error: YamlError) -> (line: Int?, column: Int?, problem: String?, context: String?) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return (mark.line, mark.column, problem, context?.text)
        case let .duplicatedKeysInMapping(_, context):
            return (context.mark.line, context.mark.column, nil, nil)
        default:
            return (nil, nil, nil, nil)
        }
    }
}
