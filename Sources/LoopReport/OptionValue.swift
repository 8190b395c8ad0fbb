import LoopConfig
import LoopSim

/// A value of a command-line option, read from its text. Text that is no such value is a
/// `ConfigError` naming the option, the text and what the option accepts.
public protocol OptionValue: Sendable {
    /// The value `text` stands for, or nil.
    init?(optionText text: String)
    /// Why `text` is no value, after the option and the text: "expected a whole number of months, 1 … 120".
    static func problem(with text: String) -> String
}

extension OptionValue {
    /// The value of `text` given to `option` (`--months`), or the one-line error.
    public static func read(_ text: String, option: String) throws(ConfigError) -> Self {
        guard let value = Self(optionText: text) else {
            throw ConfigError(file: option, keyPath: text, message: problem(with: text))
        }
        return value
    }
}

/// An option that takes one word of a fixed list (`--format table|csv|json`).
public protocol NamedOptionValue: OptionValue, CaseIterable, RawRepresentable where RawValue == String {
    /// What one word names, for the error: "format".
    static var noun: String { get }
}

extension NamedOptionValue {
    public init?(optionText text: String) {
        guard let value = Self(rawValue: text.trimmingCharacters()) else { return nil }
        self = value
    }

    public static func problem(with text: String) -> String { unknown(among: Array(allCases)) }

    /// "unknown format; allowed: table, json": the error when `allowed` is what applies here.
    public static func unknown(among allowed: [Self]) -> String {
        "unknown \(noun); allowed: \(allowed.map(\.rawValue).joined(separator: ", "))"
    }
}

/// What a whole-number option counts and the range it allows.
public protocol WholeNumberRange: Sendable {
    static var range: ClosedRange<Int> { get }
    /// What it counts, for the error ("months"), or nil for a plain number.
    static var unit: String? { get }
}

/// A whole number in `Bounds.range` (`--months 1 … 120`); `_` and `,` may group its digits.
public struct WholeNumberOption<Bounds: WholeNumberRange>: OptionValue, Equatable {
    public let value: Int

    public init(_ value: Int) {
        precondition(Bounds.range.contains(value), "\(value) is outside \(Bounds.range)")
        self.value = value
    }

    public init?(optionText text: String) {
        guard let n = Int(WholeNumber.digits(text)), Bounds.range.contains(n) else { return nil }
        value = n
    }

    public static func problem(with text: String) -> String {
        "expected a whole number" + (Bounds.unit.map { " of \($0), " } ?? ", ") + bounds
    }

    /// The range as help and errors write it: `1 … 100,000`.
    public static var bounds: String {
        "\(Format.grouped(Double(Bounds.range.lowerBound))) … \(Format.grouped(Double(Bounds.range.upperBound)))"
    }
}

/// How the command line writes whole numbers.
public enum WholeNumber {
    /// `text` without spaces around it or the `_` and `,` that group digits.
    public static func digits(_ text: String) -> String {
        String(text.trimmingCharacters().filter { $0 != "_" && $0 != "," })
    }
}
