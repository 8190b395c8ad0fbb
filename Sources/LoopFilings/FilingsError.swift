/// A problem with fetching, caching or reading company facts, as one line that says
/// what failed and what to do (`moneyloop: …`, exit status 2).
public struct FilingsError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(_ message: String) { self.message = message }
}
