/// Everything that can change the dashboard's model: the inputs of `update`.
public enum Message: Sendable {
    case key(Key)
    /// The simulation clock: advance one month (when running).
    case tick
    /// The animation clock: move pulses one step.
    case frame
    /// The terminal changed size.
    case resize(width: Int, height: Int)
}

/// What `update` asks the outside world to do: the only side effects of the core.
public enum Effect: Equatable, Sendable {
    case quit
    /// The simulation speed changed: reschedule the clock.
    case speedChanged
    /// Pause state changed: start or stop the clocks.
    case clockChanged
}
