/// Companion bytes that recur across findings, built once per worker: across a large inventory
/// a few hundred rating pairs, jurisdiction sets, reason lists and control lists cover millions
/// of findings. Each worker owns one cache at a time; a cached part is a pure function of its
/// key, so reusing one never changes the output bytes.
package struct FragmentCache: Sendable {
    /// The ratings' cells and members, and the residual sentence.
    struct RatingsPart: Sendable {
        var csv: [UInt8]
        var json: [UInt8]
        var sentence: Sentence
    }

    /// Entries kept at most per table, so a pathological inventory cannot grow a cache
    /// without bound (parts are rebuilt when missing).
    static let capacity = 100_000
    /// Whole findings kept at most per cache: each holds about a kilobyte of bytes.
    static let findingCapacity = 16_384

    /// What a finding writes that depends on its assessment alone.
    struct FindingPart: Sendable {
        /// `,risk,likelihood,…,recommended_measures,`: findings.csv's cells from `risk` up to
        /// the decision's.
        var csv: [UInt8] = []
        /// The explanation cell.
        var explanation: [UInt8] = []
        /// The explanation's sentences (an expired acceptance adds one).
        var sentences: [Sentence] = []
        /// `,"assessment":"<id>","decision":` for findings.json.
        var json: [UInt8] = []

        /// A copy whose buffers are exactly as large as their bytes.
        func copied() -> FindingPart {
            FindingPart(
                csv: csv.withUnsafeBufferPointer { Array($0) },
                explanation: explanation.withUnsafeBufferPointer { Array($0) }, sentences: sentences,
                json: json.withUnsafeBufferPointer { Array($0) })
        }
    }

    /// Whole findings' parts, by everything they depend on, for assessments seen at least twice.
    var findings: [FindingKey: FindingPart] = [:]
    /// Fingerprints of the assessments seen once (see `admit`).
    private var seen: Set<UInt64> = []

    /// True when the part of a finding with `key`, not in `findings`, should be kept: its
    /// assessment was seen before and the table has room. Singletons, most distinct
    /// assessments, are never stored.
    mutating func admit(_ key: FindingKey) -> Bool {
        guard findings.count < Self.findingCapacity else { return false }
        if seen.count >= Self.capacity { return true }
        return !seen.insert(key.fingerprint).inserted
    }
    var ratings: [RatingsKey: RatingsPart] = [:]
    var hits: [HitsKey: (csv: [UInt8], json: [UInt8])] = [:]
    var likelihood: [ReasonsKey: (sentence: Sentence, json: [UInt8])] = [:]
    var impact: [ReasonsKey: (sentence: Sentence, json: [UInt8])] = [:]
    var controls: [ControlsKey: (csv: [UInt8], json: [UInt8], sentence: Sentence)] = [:]

    var recommended: [RecommendedKey: (csv: [UInt8], json: [UInt8])] = [:]
    var phrases: [Reason: String] = [:]
    /// findings.json codes of reasons.
    var codes: [Reason: String] = [:]
    /// The `laws` and `sources` entries of exposure rows, by row index.
    var exposureRows: [Int: ExposurePieces] = [:]
    /// `jurisdictions` elements.
    var hitJSON: [ExposureIndex.Hit: [UInt8]] = [:]
    /// Likelihood and impact sentences around their reasons (nil: worded another way).
    var frames: [FrameKey: Frame?] = [:]

    /// A row's `"JP: law"` and source, pre-escaped.
    struct ExposurePieces: Sendable {
        var law: Sentence
        var source: Sentence
    }

    /// Which sentence, at which level.
    struct FrameKey: Hashable, Sendable {
        var likelihood: Bool
        var level: Int
    }

    /// The text before and after the reasons.
    struct Frame: Sendable {
        var prefix: String
        var suffix: String
    }

    /// An empty cache.
    package init() {}
}

/// One sentence of a finding's explanation, pre-escaped for the explanation cell of findings.csv.
struct Sentence: Sendable {
    /// The text.
    var text: String
    /// The text with `"` doubled, as it appears inside a quoted cell.
    var quotedInner: [UInt8]
    /// True when the text alone would need quoting (delimiter, quote, line break, tab).
    var needsQuotes: Bool

    init(_ text: String) {
        self.text = text
        var needsQuotes = false
        var quotes = 0
        for b in text.utf8 {
            if b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D || b == 0x09 { needsQuotes = true }
            if b == UInt8(ascii: "\"") { quotes += 1 }
        }
        // Most sentences have no quote: their bytes are copied whole.
        if quotes == 0 {
            quotedInner = Array(text.utf8)
        } else {
            var inner: [UInt8] = []
            inner.reserveCapacity(text.utf8.count + quotes)
            for b in text.utf8 {
                inner.append(b)
                if b == UInt8(ascii: "\"") { inner.append(b) }
            }
            quotedInner = inner
        }
        self.needsQuotes = needsQuotes
    }

    /// Appends the sentences joined by `separator` (a space unless given) as one cell, byte for
    /// byte what `CSVWriter.appendCell` writes for the joined text.
    static func appendCell(joining sentences: [Sentence], separator: UInt8 = UInt8(ascii: " "), to out: inout [UInt8]) {
        let first = sentences.first?.text.utf8.first
        let last = sentences.last?.text.utf8.last
        let edgeSpace = first == UInt8(ascii: " ") || last == UInt8(ascii: " ")
        let trigger = sentences.first.map { CSVWriter.isFormulaTrigger($0.text) } ?? false
        // An empty first sentence shifts the formula check to the next one: take the general path.
        guard !trigger, sentences.allSatisfy({ !$0.text.isEmpty }) else {
            CSVWriter.appendCell(sentences.map(\.text).joined(separator: String(UnicodeScalar(separator))), to: &out)
            return
        }
        if edgeSpace || sentences.contains(where: \.needsQuotes) {
            out.append(UInt8(ascii: "\""))
            for (i, sentence) in sentences.enumerated() {
                if i > 0 { out.append(separator) }
                out.append(contentsOf: sentence.quotedInner)
            }
            out.append(UInt8(ascii: "\""))
        } else {
            for (i, sentence) in sentences.enumerated() {
                if i > 0 { out.append(separator) }
                out.append(contentsOf: sentence.text.utf8)
            }
        }
    }
}
