/// Carries out the effects that touch files (writes, scenario and theme loads) and
/// answers with a message. The executable supplies it; tests supply their own.
public typealias SideEffects = @Sendable (Effect) -> Message?
