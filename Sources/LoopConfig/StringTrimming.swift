extension String {
    /// The string without spaces at either end (FoundationEssentials-free).
    public func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    /// The string without spaces, tabs or other horizontal white space at either end
    /// (Foundation's `trimmingCharacters(in: .whitespaces)`).
    public func trimmingWhitespace() -> String {
        let blank = { (c: Character) in c.isWhitespace && !c.isNewline }
        var s = Substring(self)
        while let c = s.first, blank(c) { s = s.dropFirst() }
        while let c = s.last, blank(c) { s = s.dropLast() }
        return String(s)
    }
}
