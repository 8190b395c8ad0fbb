import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// The handler on a session's pseudo-terminal master: the dashboard's output goes to the
/// session's SSH channel; back-pressure on the master pauses the viewer's input.
/// `EIO` from the master is the normal end (the dashboard exited and closed its
/// terminal), not an error.
final class PtyRelayHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let session: SessionHandler

    init(session: SessionHandler) {
        self.session = session
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        session.ptyOutput(unwrapInboundIn(data))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        session.ptyOutputComplete()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        session.ptyWritabilityChanged(context.channel.isWritable)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // EIO: every holder of the slave side has closed it. Anything else ends the relay too.
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        session.ptyClosed()
    }
}
