import LoopDashboard
import Testing

/// The one-line text field under keys a terminal can deliver one scalar at a time: combining
/// marks, joiners, flags. The cursor stays inside the text and nothing traps.
@Suite struct TextInputRobustnessTests {
    @Test func aCombiningMarkJoinsThePreviousCharacterAndTypingGoesOn() {
        var input = TextInput(purpose: .command)
        for key in [Key.char("e"), .char("\u{301}"), .char("x")] { _ = input.edit(key, history: []) }
        #expect(input.text == "éx")
        #expect(input.cursor == 2)
    }

    @Test func randomEditingKeepsTheCursorInsideTheText() {
        let pieces: [Character] = ["a", "\u{301}", "\u{200D}", "👩", "\u{1F1FA}", "\u{1F1F8}", "\u{FE0F}", "日", " ", "\u{0}"]
        let keys: [Key] = pieces.map { .char($0) } + [.backspace, .delete, .left, .right, .home, .end, .up, .down, .ctrl("u")]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var input = TextInput(purpose: .helpSearch)
            for _ in 0..<60 {
                _ = input.edit(keys.randomElement(using: &rng)!, history: ["set x", "save"])
                #expect(input.cursor >= 0 && input.cursor <= input.text.count, "\(input.text.unicodeScalars.map(\.value)) cursor \(input.cursor)")
            }
        }
    }
}
