/// "Did you mean" for a small closed set (headers, enumeration values, period names), with the
/// limits of the country suggestions: texts of at least three characters, one edit for up to
/// five, two beyond; ties go to the earlier candidate.
package enum Suggestion {
    /// The candidate closest to `text` within the limit (or `maxDistance`), or nil. `key` folds
    /// both sides the same way before comparing; the candidate itself is returned.
    package static func closest(
        to text: String, among candidates: some Sequence<String>, maxDistance: Int? = nil,
        key: (String) -> String = { $0 }
    ) -> String? {
        let folded = key(text)
        let length = folded.unicodeScalars.count
        guard length >= 3 else { return nil }
        let limit = min(maxDistance ?? 2, length <= 5 ? 1 : 2)
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let other = key(candidate)
            guard other != folded, abs(other.unicodeScalars.count - length) <= limit else { continue }
            let d = EditDistance.levenshtein(folded, other, limit: limit)
            if d <= limit && (best == nil || d < best!.distance) { best = (d, candidate) }
        }
        return best?.candidate
    }

    /// `; did you mean 'x'?` for `closest(to:among:key:)`, or an empty string.
    package static func phrase(
        for text: String, among candidates: some Sequence<String>, maxDistance: Int? = nil,
        key: (String) -> String = { $0 }
    ) -> String {
        closest(to: text, among: candidates, maxDistance: maxDistance, key: key).map { "; did you mean '\($0)'?" } ?? ""
    }
}
