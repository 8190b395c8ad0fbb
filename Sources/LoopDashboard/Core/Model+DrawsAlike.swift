extension Model {
    /// True when `view` draws `self` and `other` alike at every size and in every terminal:
    /// the two models are equal in every part, save the session's time stamps
    /// (`presentation.elapsed`, `presentation.changeTimes`), which only recordings read and
    /// no frame shows. Followers of one presenter are alike until one of them looks around.
    public func drawsAlike(_ other: Model) -> Bool {
        // The cheap parts that tell viewers apart first; then the whole model, projections too.
        guard clock == other.clock, ui == other.ui, sharing == other.sharing else { return false }
        var a = self, b = other
        a.presentation = a.presentation.withoutTimes
        b.presentation = b.presentation.withoutTimes
        return a == b
    }
}

extension Presentation {
    /// This presentation without its time stamps: what a frame can show of it.
    var withoutTimes: Presentation {
        var p = self
        p.elapsed = 0
        p.changeTimes = ChangeTimes()
        return p
    }
}
