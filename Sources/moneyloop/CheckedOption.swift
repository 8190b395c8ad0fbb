import ArgumentParser
import LoopConfig
import LoopDashboard
import LoopReport

/// `@Option("months", help: …) var months: MonthCount?`: an option whose value is an
/// ``OptionValue``, read while the command line is parsed. A bad value stops the parse with a
/// `ConfigError` naming the option (`--months: 0: expected a whole number of months, 1 … 120`),
/// which ``Moneyloop/main()`` prints as one line with exit status 2. The word after the
/// option is always its value, so `--seed -1` is read (and refused) as a seed.
extension Option {
    init(wrappedValue: Value, _ long: String, help: ArgumentHelp) where Value: OptionValue & ExpressibleByArgument {
        self.init(wrappedValue: wrappedValue, name: .customLong(long), parsing: .unconditional, help: help,
                  completion: Value.defaultCompletionKind, transform: { try Value.read($0, option: "--" + long) })
    }

    init<T: OptionValue & ExpressibleByArgument>(_ long: String, help: ArgumentHelp) where Value == T? {
        self.init(name: .customLong(long), parsing: .unconditional, help: help, completion: T.defaultCompletionKind,
                  transform: { try T.read($0, option: "--" + long) })
    }

    init<T: OptionValue & ExpressibleByArgument>(wrappedValue: [T], _ long: String, help: ArgumentHelp)
        where Value == [T]
    {
        self.init(wrappedValue: wrappedValue, name: .customLong(long), parsing: .unconditionalSingleValue, help: help,
                  completion: T.defaultCompletionKind, transform: { try T.read($0, option: "--" + long) })
    }
}

extension WholeNumberOption: ExpressibleByArgument {
    public init?(argument: String) { self.init(optionText: argument) }
    public var defaultValueDescription: String { String(value) }
}

extension PathSeed: ExpressibleByArgument {
    public init?(argument: String) { self.init(optionText: argument) }
    public var defaultValueDescription: String { String(value) }
}

extension OutputFormat: ExpressibleByArgument {}

extension KeyContext: ExpressibleByArgument, NamedOptionValue {
    public static let noun = "context"
}

extension Panel: ExpressibleByArgument, NamedOptionValue {
    public static let noun = "panel"
    /// A panel's name or its tab's title, in any case.
    public init?(optionText text: String) { self.init(name: text) }
}
