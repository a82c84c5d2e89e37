import Dispatch
import Synchronization

/// A value computed on another thread while the caller goes on (the templates are parsed while
/// the inventory is read); `value()` waits for it.
final class Background<Value: Sendable>: Sendable {
    private let done = DispatchGroup()
    private let result = Mutex<Value?>(nil)

    /// Starts `work` on a global queue.
    init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global().async { [self] in
            let value = work()
            result.withLock { $0 = value }
            done.leave()
        }
    }

    /// The value, once computed.
    func value() -> Value {
        done.wait()
        return result.withLock { $0! }
    }
}
