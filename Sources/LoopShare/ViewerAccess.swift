/// How a viewer logged in, which decides their dashboard's rights. The raw values are
/// what the dashboard's hidden `--served` option takes.
public enum ViewerAccess: String, Sendable, CaseIterable {
    /// With a key from the authorized keys file.
    case key
    /// With the room's passcode: always a read-only follower.
    case passcode
}
