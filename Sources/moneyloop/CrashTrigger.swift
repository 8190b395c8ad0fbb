import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// A deliberate crash once the dashboard is on screen, so that tests can check the terminal
/// is given back after one: `MONEYLOOP_TEST_CRASH=fatal|unwrap|segv|abort|exit`. Read once at
/// start; not part of the documented interface.
enum CrashTrigger: String {
    case fatal, unwrap, segv, abort, exit

    static let variable = "MONEYLOOP_TEST_CRASH"
    /// In a viewer host, only the viewer of this SSH user name crashes it.
    static let hostedViewer = "crash-test"

    /// Schedules the crash on the main queue: it runs after the first frame is drawn.
    static func arm(environment: [String: String]) {
        guard let raw = environment[variable], let kind = CrashTrigger(rawValue: raw) else { return }
        DispatchQueue.main.asyncAfter(deadline: .now() + .milliseconds(300)) { kind.crash() }
    }

    func crash() {
        switch self {
        case .fatal:
            fatalError("deliberate crash (\(CrashTrigger.variable)=fatal)")
        case .unwrap:
            let missing: Int? = Int(CrashTrigger.variable)
            print(missing!)
        case .segv:
            let address = UnsafeMutablePointer<Int>(bitPattern: 8)
            address!.pointee = 1
        case .abort:
            Glibc.abort()
        case .exit:
            Glibc.exit(3)
        }
    }
}
