/// The characters `BigDigits` can draw. Each has a bitmap five pixels high (`#` on,
/// `.` off), from which the block forms are drawn, and a hand-drawn three-row ASCII
/// form in the style of seven-segment displays (the five-row ASCII form uses `#`).
enum BigDigitsFont {
    struct Glyph {
        /// Five rows of equal width.
        let bitmap: [String]
        /// Three rows of equal width.
        let ascii3: [String]
    }

    /// Characters without a glyph of their own that draw as another one.
    static let aliases: [Character: Character] = ["K": "k"]

    /// The glyph for `c`: its own, an alias's, an uppercase letter's, or nil.
    static func glyph(_ c: Character) -> Glyph? {
        if let g = glyphs[c] { return g }
        if let a = aliases[c], let g = glyphs[a] { return g }
        if let u = c.uppercased().first, u != c, let g = glyphs[u] { return g }
        return nil
    }

    static let glyphs: [Character: Glyph] = [
        "0": Glyph(bitmap: ["###", "#.#", "#.#", "#.#", "###"], ascii3: [" _ ", "| |", "|_|"]),
        "1": Glyph(bitmap: [".#.", "##.", ".#.", ".#.", "###"], ascii3: ["   ", "  |", "  |"]),
        "2": Glyph(bitmap: ["###", "..#", "###", "#..", "###"], ascii3: [" _ ", " _|", "|_ "]),
        "3": Glyph(bitmap: ["###", "..#", "###", "..#", "###"], ascii3: [" _ ", " _|", " _|"]),
        "4": Glyph(bitmap: ["#.#", "#.#", "###", "..#", "..#"], ascii3: ["   ", "|_|", "  |"]),
        "5": Glyph(bitmap: ["###", "#..", "###", "..#", "###"], ascii3: [" _ ", "|_ ", " _|"]),
        "6": Glyph(bitmap: ["###", "#..", "###", "#.#", "###"], ascii3: [" _ ", "|_ ", "|_|"]),
        "7": Glyph(bitmap: ["###", "..#", "..#", "..#", "..#"], ascii3: [" _ ", "  |", "  |"]),
        "8": Glyph(bitmap: ["###", "#.#", "###", "#.#", "###"], ascii3: [" _ ", "|_|", "|_|"]),
        "9": Glyph(bitmap: ["###", "#.#", "###", "..#", "###"], ascii3: [" _ ", "|_|", " _|"]),
        "%": Glyph(bitmap: ["##..#", "##.#.", "..#..", ".#.##", "#..##"], ascii3: ["o /", " / ", "/ o"]),
        "$": Glyph(bitmap: [".####", "#.#..", ".###.", "..#.#", "####."], ascii3: ["_|_", "|_ ", " _|"]),
        ".": Glyph(bitmap: [".", ".", ".", ".", "#"], ascii3: [" ", " ", "."]),
        "-": Glyph(bitmap: ["...", "...", "###", "...", "..."], ascii3: ["   ", " _ ", "   "]),
        "+": Glyph(bitmap: ["...", ".#.", "###", ".#.", "..."], ascii3: ["   ", "_|_", " | "]),
        ">": Glyph(bitmap: ["#..", ".#.", "..#", ".#.", "#.."], ascii3: ["   ", " \\ ", " / "]),
        "<": Glyph(bitmap: ["..#", ".#.", "#..", ".#.", "..#"], ascii3: ["   ", " / ", " \\ "]),
        "?": Glyph(bitmap: ["###", "..#", ".##", "...", ".#."], ascii3: [" _ ", " _|", " . "]),
        " ": Glyph(bitmap: ["..", "..", "..", "..", ".."], ascii3: ["  ", "  ", "  "]),
        "k": Glyph(bitmap: ["#..", "#.#", "##.", "#.#", "#.#"], ascii3: ["|  ", "|/ ", "|\\ "]),
        "A": Glyph(bitmap: ["###", "#.#", "###", "#.#", "#.#"], ascii3: [" _ ", "|_|", "| |"]),
        "B": Glyph(bitmap: ["##.", "#.#", "##.", "#.#", "##."], ascii3: [" _ ", "|_)", "|_)"]),
        "C": Glyph(bitmap: ["###", "#..", "#..", "#..", "###"], ascii3: [" _ ", "|  ", "|_ "]),
        "D": Glyph(bitmap: ["##.", "#.#", "#.#", "#.#", "##."], ascii3: [" _ ", "| \\", "|_/"]),
        "E": Glyph(bitmap: ["###", "#..", "##.", "#..", "###"], ascii3: [" _ ", "|_ ", "|_ "]),
        "L": Glyph(bitmap: ["#..", "#..", "#..", "#..", "###"], ascii3: ["   ", "|  ", "|_ "]),
        "M": Glyph(bitmap: ["#...#", "##.##", "#.#.#", "#...#", "#...#"], ascii3: ["    ", "|\\/|", "|  |"]),
        "N": Glyph(bitmap: ["#..#", "##.#", "#.##", "#..#", "#..#"], ascii3: ["    ", "|\\ |", "| \\|"]),
        "O": Glyph(bitmap: ["###", "#.#", "#.#", "#.#", "###"], ascii3: [" _ ", "| |", "|_|"]),
        "R": Glyph(bitmap: ["##.", "#.#", "##.", "#.#", "#.#"], ascii3: [" _ ", "|_)", "| \\"]),
        "S": Glyph(bitmap: ["###", "#..", "###", "..#", "###"], ascii3: [" _ ", "|_ ", " _|"]),
        "T": Glyph(bitmap: ["###", ".#.", ".#.", ".#.", ".#."], ascii3: ["___", " | ", " | "]),
        "U": Glyph(bitmap: ["#.#", "#.#", "#.#", "#.#", "###"], ascii3: ["   ", "| |", "|_|"]),
        "V": Glyph(bitmap: ["#.#", "#.#", "#.#", "#.#", ".#."], ascii3: ["    ", "\\  /", " \\/ "]),
        "W": Glyph(bitmap: ["#...#", "#...#", "#.#.#", "##.##", "#...#"], ascii3: ["    ", "|  |", "|/\\|"]),
    ]
}
