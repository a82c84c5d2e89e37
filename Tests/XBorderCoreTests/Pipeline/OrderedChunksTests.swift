import Synchronization
import Testing

@testable import XBorderCore

/// Chunks computed on several threads reach the consumer in index order, and a failing consumer
/// stops the run.
@Suite("OrderedChunks")
struct OrderedChunksTests {
    struct Stop: Error, Equatable {}

    @Test("results arrive in index order whatever the scheduling", arguments: [1, 2, 4])
    func inOrder(workers: Int) {
        var seen: [Int] = []
        OrderedChunks.run(
            count: 200, workers: workers, ahead: 3,
            compute: { index in
                // Uneven work so later chunks often finish first.
                var x = 0
                for i in 0..<((200 - index) * 200) { x &+= i }
                return (index, x)
            },
            consume: { (index, result: (Int, Int)) in
                #expect(result.0 == index)
                seen.append(index)
            })
        #expect(seen == Array(0..<200))
    }

    @Test("a consumer error stops the workers and is rethrown")
    func stops() {
        let computed = Mutex(0)
        #expect(throws: Stop.self) {
            try OrderedChunks.run(
                count: 10_000, workers: 2, ahead: 4,
                compute: { index in
                    computed.withLock { $0 += 1 }
                    return index
                },
                consume: { (index, _: Int) throws(Stop) in if index == 10 { throw Stop() } })
        }
        // At most the consumed chunks, the ones waiting ahead and one in hand per worker.
        #expect(computed.withLock { $0 } <= 11 + 4 + 2)
    }
}
