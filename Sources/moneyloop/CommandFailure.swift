import ArgumentParser
import LoopConfig
import LoopSim

/// The one error path of the command line. A problem with what a person gave — a value the
/// parser refused, an option a check refused, a bad file or `--set` — is one line on stderr
/// naming the option (or file:line:column: key), exit status 2, nothing on stdout.
/// `--help` and `--version` print and exit 0; `ExitCode` is kept as thrown.
enum CommandFailure {
    static func exit(_ error: any Error) -> Never {
        if error is ExitCode || Moneyloop.exitCode(for: error) == .success {
            Moneyloop.exit(withError: error)
        }
        if let problem = find(ConfigError.self, in: error) { CommandOutput.fail(problem.description) }
        if let problem = find(ParameterError.self, in: error) { CommandOutput.fail(problem.description) }
        if error is ValidationError || Moneyloop.exitCode(for: error) == .validationFailure {
            let words = Moneyloop.message(for: error).split(whereSeparator: \.isWhitespace)
            CommandOutput.fail(words.joined(separator: " "))
        }
        Moneyloop.exit(withError: error)
    }

    /// `error` when it is a `T`, or the `T` it wraps: the parser keeps the error a value's
    /// transform threw inside its own error, which says nothing but the parser's wording.
    static func find<T>(_ type: T.Type, in value: Any, depth: Int = 0) -> T? {
        if let found = value as? T { return found }
        guard depth < 6 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let found = find(type, in: child.value, depth: depth + 1) { return found }
        }
        return nil
    }
}
