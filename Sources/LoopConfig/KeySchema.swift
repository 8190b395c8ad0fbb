/// The keys a YAML document may contain, for catching typos that Codable would
/// silently ignore. Each file kind (scenario, theme, key map, demo script) declares one.
public indirect enum KeySchema: Sendable {
    /// A single value; its type is the decoder's business.
    case scalar
    /// Anything (not checked).
    case any
    /// A mapping with these keys, in the order shown in "allowed: …".
    case mapping([(String, KeySchema)])
    /// A list whose items follow the schema.
    case sequence(KeySchema)
    /// A mapping with free keys (ids checked elsewhere) whose values follow the schema.
    case dictionary(KeySchema)
    /// At most this many entries (mapping) or items (list), checked before decoding, whose
    /// cost grows with the square of a mapping's size.
    case limited(Int, KeySchema)
}
