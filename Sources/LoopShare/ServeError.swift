/// An error that stops `moneyloop serve` from starting, with a message for the operator.
public enum ServeError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A bad option value or a forbidden combination (exit status 2).
    case usage(String)
    /// A file that cannot be read, written or parsed (exit status 2).
    case file(path: String, message: String)
    /// A system call that failed at start (exit status 1).
    case system(String)

    public var description: String {
        switch self {
        case .usage(let message): return message
        case .file(let path, let message): return "\(path): \(message)"
        case .system(let message): return message
        }
    }

    /// The process exit status that fits the error.
    public var exitStatus: Int32 {
        switch self {
        case .usage, .file: return 2
        case .system: return 1
        }
    }
}
