import Synchronization

/// A value worked out on first use and kept: a caller on another thread that asks meanwhile
/// waits for the first one to finish instead of working it out again.
final class Memo<Value: Sendable>: Sendable {
    private let state = Mutex<Value?>(nil)

    init() {}

    /// The kept value, or the result of `compute` (kept) when there is none yet.
    func value(_ compute: () -> Value) -> Value {
        state.withLock { kept in
            if let kept { return kept }
            let value = compute()
            kept = value
            return value
        }
    }
}
