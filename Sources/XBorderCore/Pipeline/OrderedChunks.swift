import Dispatch
import Synchronization

/// Computes numbered chunks of work on worker threads and hands the results to the caller
/// strictly in index order, so what the caller writes never depends on scheduling. The caller
/// consumes (writes, hashes, merges) while the workers compute the next chunks; at most `ahead`
/// chunks are computed but not yet consumed, which bounds memory.
///
/// This is the one place that decides how work is split: `ranges(of:workers:…)` picks the
/// chunk size and how far ahead the workers may run.
enum OrderedChunks {
    /// Runs `compute` over contiguous ranges covering `0..<count` and `consume` on the calling
    /// thread in range order. A chunk holds at most 4,096 items (memory) and each worker gets
    /// at least eight chunks, so that a small input still keeps every core busy to the end and
    /// reuses its buffers; workers run at most two chunks each ahead of the consumer.
    static func ranges<Result: Sendable, Failure: Error>(
        of count: Int, workers: Int,
        compute: @escaping @Sendable (Range<Int>) -> Result,
        consume: (consuming Result) throws(Failure) -> Void
    ) throws(Failure) {
        let workers = max(1, workers)
        let size = max(256, min(4_096, (count + workers * 8 - 1) / (workers * 8)))
        try run(
            count: (count + size - 1) / size, workers: workers, ahead: workers * 2,
            compute: { index in compute((index * size)..<min(count, (index + 1) * size)) },
            consume: { (_, result: consuming Result) throws(Failure) in try consume(result) })
    }

    /// Runs `compute` for `0..<count` on `workers` threads and `consume` on the calling thread
    /// in index order, handing it each result to own (so it can give a result's buffers back to
    /// the workers without a second reference). If `consume` throws, the workers stop after their
    /// current chunk and the error is rethrown once they have.
    static func run<Result: Sendable, Failure: Error>(
        count: Int, workers: Int, ahead: Int,
        compute: @escaping @Sendable (Int) -> Result,
        consume: (Int, consuming Result) throws(Failure) -> Void
    ) throws(Failure) {
        guard workers > 1, count > 1 else {
            for index in 0..<count { try consume(index, compute(index)) }
            return
        }
        let state = State<Result>(count: count, ahead: max(ahead, workers))
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) { state.work(compute) }
        }
        defer {
            state.cancel(workers: workers)
            group.wait()
        }
        for index in 0..<count {
            try consume(index, state.take(index))
        }
    }

    /// Shared between the workers and the consumer.
    private final class State<Result: Sendable>: Sendable {
        let count: Int
        /// Free places for computed-but-unconsumed chunks.
        let slots: DispatchSemaphore
        /// Signalled when chunk `i` is computed.
        let ready: [DispatchSemaphore]
        let next = Atomic<Int>(0)
        let cancelled = Atomic<Bool>(false)
        let results = Mutex<[Int: Result]>([:])

        init(count: Int, ahead: Int) {
            self.count = count
            // Created at 0 and raised: libdispatch traps when a semaphore is freed below its
            // initial value, which is what a cancelled run leaves behind.
            slots = DispatchSemaphore(value: 0)
            for _ in 0..<ahead { slots.signal() }
            ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        }

        /// One worker: takes the next index while there is room ahead of the consumer.
        func work(_ compute: @Sendable (Int) -> Result) {
            while true {
                slots.wait()
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count, !cancelled.load(ordering: .relaxed) else {
                    slots.signal()
                    return
                }
                let result = compute(index)
                results.withLock { $0[index] = result }
                ready[index].signal()
            }
        }

        /// The result of chunk `index`, once computed; frees its place for the next chunk.
        func take(_ index: Int) -> Result {
            ready[index].wait()
            let result = results.withLock { $0.removeValue(forKey: index)! }
            slots.signal()
            return result
        }

        /// Stops the workers after their current chunk.
        func cancel(workers: Int) {
            cancelled.store(true, ordering: .relaxed)
            for _ in 0..<workers { slots.signal() }
        }
    }
}
