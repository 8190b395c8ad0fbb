import CServe
import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// The presenter relay: a Unix socket (mode 0600, in a 0700 directory) where one
/// publisher — the presenter's `moneyloop --share` — writes newline-delimited messages
/// and any number of subscribers — the followers' dashboards — receive every line, plus
/// the latest one as soon as they connect. Lines are opaque to the relay (JSON by
/// convention) and at most ``ShareLink/maximumLineLength`` bytes.
///
/// Wire protocol (``ShareLink`` speaks it): the client's first line is
/// `moneyloop-share 1 publish` or `moneyloop-share 1 subscribe`; the relay answers
/// `ok` or `error <reason>`. A second publisher is refused while one is connected. A
/// subscriber that falls more than a few MiB behind is dropped (its ``ShareLink``
/// reconnects and gets the latest line).
public final class ShareRelay: Sendable {
    /// The socket's path.
    public let path: String
    private let group: MultiThreadedEventLoopGroup
    private let listener: Channel
    private let hub: NIOLoopBound<ShareHub>

    private init(path: String, group: MultiThreadedEventLoopGroup, listener: Channel, hub: NIOLoopBound<ShareHub>) {
        self.path = path
        self.group = group
        self.listener = listener
        self.hub = hub
    }

    /// Creates the socket at `path` (its directory is created with mode 0700) and starts
    /// relaying. A stale socket left by a crashed server is replaced; a live one is an error.
    public static func start(path: String, log: ServeLog) throws(ServeError) -> ShareRelay {
        guard path.utf8.count <= cserve_unix_path_max() else {
            throw ServeError.usage("the share socket path is too long for a Unix socket (\(path.utf8.count) > \(cserve_unix_path_max()) bytes): \(path)")
        }
        let directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if !directory.isEmpty { try StateDirectory.makeDirectory(directory) }
        var info = stat()
        if lstat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFSOCK else {
                throw ServeError.file(path: path, message: "exists and is not a socket; remove it or choose another --share-socket")
            }
            let probe = cserve_unix_connect(path)
            if probe >= 0 || errno == EAGAIN {
                if probe >= 0 { Glibc.close(probe) }
                throw ServeError.file(path: path, message: "another moneyloop serve is already relaying here")
            }
            unlink(path)
        }
        let fd = cserve_unix_listen(path, 64)
        guard fd >= 0 else {
            throw ServeError.file(path: path, message: "cannot create the share socket: \(String(cString: strerror(errno)))")
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        do {
            let hub = try loop.submit { NIOLoopBound(ShareHub(log: log), eventLoop: loop) }.wait()
            let listener = try ServerBootstrap(group: loop)
                .childChannelOption(
                    ChannelOptions.writeBufferWaterMark, value: .init(low: 1 << 20, high: ShareHub.maximumBacklog))
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineDecoder()))
                        try channel.pipeline.syncOperations.addHandler(ShareConnectionHandler(hub: hub.value))
                    }
                }
                .withBoundSocket(fd)
                .wait()
            log.info("presenter relay listening on \(path)")
            return ShareRelay(path: path, group: group, listener: listener, hub: hub)
        } catch {
            Glibc.close(fd)
            unlink(path)
            try? group.syncShutdownGracefully()
            throw ServeError.system("cannot start the presenter relay: \(error)")
        }
    }

    /// `close()` for synchronous code (not on an event loop).
    public func closeNow() {
        unlink(path)
        try? listener.close().wait()
        let hub = self.hub
        try? listener.eventLoop.submit { hub.value.closeAll() }.wait()
        try? group.syncShutdownGracefully()
    }

    /// Closes every connection, removes the socket and stops the relay's thread.
    public func close() async {
        unlink(path)
        try? await listener.close()
        let hub = self.hub
        try? await listener.eventLoop.submit { hub.value.closeAll() }.get()
        try? await group.shutdownGracefully()
    }
}

/// Who is connected to the relay and the latest line. Lives on the relay's event loop.
final class ShareHub {
    /// How far (bytes) a subscriber may fall behind before it is dropped.
    static let maximumBacklog = 4 << 20
    static let maximumSubscribers = 512

    let log: ServeLog
    var publisher: ObjectIdentifier?
    var subscribers: [ObjectIdentifier: Channel] = [:]
    var latest: ByteBuffer?
    var all: [ObjectIdentifier: Channel] = [:]

    init(log: ServeLog) {
        self.log = log
    }

    func publish(_ line: ByteBuffer) {
        var framed = line
        framed.writeInteger(UInt8(ascii: "\n"))
        latest = framed
        for (id, channel) in subscribers {
            if channel.isWritable {
                channel.writeAndFlush(framed, promise: nil)
            } else {
                log.info("relay: dropping a follower that fell behind (it will reconnect)")
                subscribers[id] = nil
                channel.close(promise: nil)
            }
        }
    }

    func closeAll() {
        for channel in all.values { channel.close(promise: nil) }
    }
}

/// One relay connection: reads the hello line, then acts as publisher or subscriber.
final class ShareConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum Role { case hello, publisher, subscriber }
    private var role = Role.hello
    private let hub: ShareHub
    private var helloTimer: Scheduled<Void>?

    init(hub: ShareHub) {
        self.hub = hub
    }

    private func id(_ context: ChannelHandlerContext) -> ObjectIdentifier { ObjectIdentifier(context.channel) }

    func channelActive(context: ChannelHandlerContext) {
        hub.all[id(context)] = context.channel
        let channel = context.channel
        helloTimer = context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(5)) { channel.close(promise: nil) }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let line = unwrapInboundIn(data)
        switch role {
        case .publisher:
            hub.publish(line)
        case .subscriber:
            break  // followers have nothing to say
        case .hello:
            helloTimer?.cancel()
            let text = String(buffer: line)
            if text == ShareLink.helloPublish {
                if hub.publisher != nil {
                    reply(context, "error another presenter is already sharing")
                    hub.log.info("relay: refused a second presenter")
                    context.close(promise: nil)
                    return
                }
                role = .publisher
                hub.publisher = id(context)
                reply(context, "ok")
                hub.log.info("relay: presenter connected")
            } else if text == ShareLink.helloSubscribe {
                guard hub.subscribers.count < ShareHub.maximumSubscribers else {
                    reply(context, "error too many followers")
                    context.close(promise: nil)
                    return
                }
                role = .subscriber
                hub.subscribers[id(context)] = context.channel
                reply(context, "ok")
                if let latest = hub.latest { context.writeAndFlush(wrapOutboundOut(latest), promise: nil) }
                hub.log.debug("relay: follower connected (\(hub.subscribers.count))")
            } else {
                reply(context, "error expected \(ShareLink.helloSubscribe) or \(ShareLink.helloPublish)")
                context.close(promise: nil)
            }
        }
    }

    private func reply(_ context: ChannelHandlerContext, _ text: String) {
        var buffer = context.channel.allocator.buffer(capacity: text.utf8.count + 1)
        buffer.writeString(text + "\n")
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if error is LineDecoder.LineTooLong {
            hub.log.info("relay: closing a connection that sent a line over \(ShareLink.maximumLineLength) bytes")
        }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        helloTimer?.cancel()
        let me = id(context)
        hub.all[me] = nil
        hub.subscribers[me] = nil
        if hub.publisher == me {
            hub.publisher = nil
            hub.log.info("relay: presenter disconnected (followers keep the last state)")
        }
        context.fireChannelInactive()
    }
}

/// Splits a byte stream into lines (without the newline); fails on a line longer than
/// ``ShareLink/maximumLineLength``.
struct LineDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer
    struct LineTooLong: Error {}

    func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > ShareLink.maximumLineLength { throw LineTooLong() }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex
        if length > ShareLink.maximumLineLength { throw LineTooLong() }
        var line = buffer.readSlice(length: length)!
        buffer.moveReaderIndex(forwardBy: 1)
        if line.readableBytes > 0, line.getInteger(at: line.writerIndex - 1, as: UInt8.self) == UInt8(ascii: "\r") {
            line.moveWriterIndex(to: line.writerIndex - 1)
        }
        context.fireChannelRead(Self.wrapInboundOut(line))
        return .continue
    }

    func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        .needMoreData
    }
}
