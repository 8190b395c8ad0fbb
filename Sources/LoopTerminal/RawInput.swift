#if canImport(Glibc)
import Glibc
#endif
import CNcursesw

/// Standard input seen beneath curses, as bytes: whether it has really ended, and reading
/// what is queued without decoding it (to discard a flood quickly).
enum RawInput {
    /// What a look at the input found.
    enum State: Equatable {
        /// Bytes are queued, or none are and none are due (a partial key waits in curses).
        case open
        /// `read` returned 0 (end of file) or failed with EIO or another hard error.
        case ended
        /// `read` returned a byte after all: it arrived between the checks.
        case late(UInt8)
    }

    /// Whether input on `fd` has really ended. `wget_wch` returning ERR says only that curses
    /// has no whole key yet; the end is when the fd polls readable with no byte queued and a
    /// `read` confirms it with 0 or an error other than EINTR/EAGAIN.
    static func state(fd: Int32 = 0) -> State {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, 0) > 0, p.revents != 0 else { return .open }
        if p.revents & Int16(POLLNVAL) != 0 { return .ended }
        guard ml_bytes_waiting(fd) <= 0 else { return .open }
        var byte: UInt8 = 0
        let n = read(fd, &byte, 1)
        if n == 1 { return .late(byte) }
        if n == 0 { return .ended }
        return errno == EINTR || errno == EAGAIN ? .open : .ended
    }

    /// CPU time of the calling thread, in nanoseconds.
    static func threadCPUTime() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    /// Reads what is queued on `fd` (at most `buffer.count` bytes) without blocking; returns
    /// the count, 0 when nothing was queued, or nil when input has ended.
    static func drain(fd: Int32 = 0, into buffer: inout [UInt8]) -> Int? {
        let queued = Int(ml_bytes_waiting(fd))
        if queued <= 0 {
            switch state(fd: fd) {
            case .ended: return nil
            case let .late(b): buffer[0] = b; return 1
            case .open: return 0
            }
        }
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, min(queued, $0.count)) }
        if n > 0 { return n }
        if n == 0 { return nil }
        return errno == EINTR || errno == EAGAIN ? 0 : nil
    }
}
