import NIOCore
import NIOSSH
#if canImport(Glibc)
import Glibc
#endif

/// A session's dashboard, from start to end: started as a process of its own or in a
/// viewer host, polled for its exit, hung up on when the client goes, ended (SIGTERM, the
/// viewer told why) when the meeting ends, and the SSH session closed once its output is
/// relayed.
extension SessionHandler {
    /// The viewer's dashboard on `pty`: a follower's in a viewer host when the server has
    /// them, else its own process.
    func startDashboard(on pty: PseudoTerminal, environment: [String: String]) throws(ServeError) -> SessionDashboard {
        guard let hosts = launch.hosts, launch.follows(connection.access) else {
            return .process(try ChildProcess.spawn(
                executable: launch.executable, arguments: launch.arguments(for: connection.access),
                environment: environment, terminalPath: pty.slavePath))
        }
        let slave = open(pty.slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { throw ServeError.system("cannot open \(pty.slavePath): \(String(cString: strerror(errno)))") }
        do {
            return .hosted(try hosts.attach(ttyPath: pty.slavePath, slave: slave, access: connection.access, environment: environment))
        } catch {
            close(slave)
            throw error
        }
    }

    /// Polls for the dashboard's exit after `delay`, replacing any poll already planned.
    func schedulePoll(after delay: TimeAmount) {
        guard child != nil, childExit == nil else { return }
        pollTimer?.cancel()
        pollTimer = connection.eventLoop.assumeIsolated().scheduleTask(in: delay) { [self] in
            self.pollTimer = nil
            self.poll()
        }
    }

    func poll() {
        guard let child, childExit == nil else { return }
        if let exit = child.reap() {
            childExit = exit
            killTimer?.cancel()
            server.childReaped()
            log.info("\(label) dashboard ended: \(exit)")
            if ptyOpen {
                // Output may still be draining; give it a moment, then close anyway
                // (a grandchild could hold the terminal open).
                connection.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(500)) { [self] in
                    if self.ptyOpen { self.ptyChannel?.close(promise: nil) }
                }
            }
            finishIfDone()
            return
        }
        if fastPolls > 0 {
            fastPolls -= 1
            schedulePoll(after: .milliseconds(20))
        } else {
            // The terminal is gone but the process lives on: hang up on it.
            if ptyDone && phase == .running { stopChild() }
            // An exit is normally noticed through EIO on the terminal (see ptyClosed); this
            // slow poll only catches a dashboard whose terminal a grandchild keeps open.
            schedulePoll(after: .seconds(5))
        }
    }

    /// The server is stopping. The dashboard gets SIGTERM, so it gives the viewer's screen
    /// back (main screen, cursor, keypad off); once it has exited and its output is relayed,
    /// the viewer reads that the meeting has ended and the session ends with status 0.
    func endMeeting() {
        switch phase {
        case .setup:
            refuse("the meeting has ended.", logAs: "closed by the server: the meeting has ended", wantReply: false)
        case .running:
            meetingEnded = true
            log.info("\(label) closing: the server is stopping (the meeting has ended)")
            stopChild(signal: SIGTERM, keepTerminal: true)
            finishIfDone()
        case .finishing, .closed:
            break
        }
    }

    /// Hangs up on the dashboard (`signal`, SIGHUP by default, + SIGCONT to its group),
    /// SIGKILL after the grace period; keeps polling until it is reaped. Unless
    /// `keepTerminal`, closes the terminal and releases the session slot at once.
    func stopChild(signal: Int32 = SIGHUP, keepTerminal: Bool = false) {
        if let child, childExit == nil, killTimer == nil {
            child.signalGroup(signal)
            child.signalGroup(SIGCONT)
            killTimer = connection.eventLoop.assumeIsolated().scheduleTask(in: server.limits.killGrace) { [self] in
                if let child = self.child, self.childExit == nil {
                    self.log.info("\(self.label) dashboard ignored SIGHUP; sending SIGKILL")
                    child.signalGroup(SIGKILL)
                    self.fastPolls = 25
                    self.schedulePoll(after: .milliseconds(20))
                }
            }
            fastPolls = 50
            schedulePoll(after: .milliseconds(20))
        }
        guard !keepTerminal else { return }
        if ptyOpen { ptyChannel?.close(promise: nil) }
        if reserved {
            reserved = false
            server.releaseSession()
            connection.sessionsOpen -= 1
        }
    }

    /// When the dashboard has exited and its output is relayed, ends the SSH session.
    func finishIfDone() {
        guard phase == .running, let exit = childExit, !ptyOpen else { return }
        guard meetingEnded else { return finish(exitStatus: Int(exit.code)) }
        log.info("\(label) closed by the server: the meeting has ended")
        tell("\r\nmoneyloop serve: the meeting has ended. Thank you for watching.")
        finish(exitStatus: 0)
    }

    /// EOF (or a zero-length barrier after the client's EOF), exit-status, close.
    func finish(exitStatus: Int) {
        guard phase != .finishing && phase != .closed, let context else { return }
        phase = .finishing
        let channel = context.channel
        let promise = context.eventLoop.makePromise(of: Void.self)
        if inputClosed {
            log.debug("\(label) ending after the client's EOF: barrier, exit-status \(exitStatus), close")
            let empty = SSHChannelData(type: .channel, data: .byteBuffer(channel.allocator.buffer(capacity: 0)))
            context.writeAndFlush(wrapOutboundOut(empty), promise: promise)
        } else {
            context.close(mode: .output, promise: promise)
        }
        promise.futureResult.whenComplete { _ in
            channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: exitStatus))
                .whenComplete { _ in channel.close(promise: nil) }
        }
    }
}
