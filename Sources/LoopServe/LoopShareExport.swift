// The presenter link, the state directory and ServeError live in LoopShare, which the
// dashboard uses without NIO; the server and its tests see them through LoopServe as before.
@_exported import LoopShare
