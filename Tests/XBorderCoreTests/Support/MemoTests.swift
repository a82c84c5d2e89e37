import Dispatch
import Synchronization
import Testing

@testable import XBorderCore

@Suite struct MemoTests {
    @Test("the value is worked out once, however many threads ask at the same time")
    func once() {
        let memo = Memo<Int>()
        let calls = Mutex(0)
        let seen = Mutex<Set<Int>>([])
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let value = memo.value {
                calls.withLock { $0 += 1 }
                return 42
            }
            seen.withLock { _ = $0.insert(value) }
        }
        #expect(calls.withLock { $0 } == 1)
        #expect(seen.withLock { $0 } == [42])
        #expect(memo.value { 0 } == 42, "a later caller gets the kept value")
    }
}
