/// The keys of `FragmentCache`: what each cached part of a finding's companion bytes depends on.
///
/// Equality compares every field, so a cached part is only reused for equal inputs. Hashing feeds
/// the dictionary one fingerprint, mixed once from the fields' integers and bytes when the key is
/// made, instead of SipHashing every array element on each look-up: at a million flows each of
/// these tables is looked up three million times (docs/PERFORMANCE.md, eighth round). A finding's
/// key is made of its parts' keys, so a finding not seen before looks its parts up without
/// hashing them again.
extension FragmentCache {
    /// Everything a finding's companion bytes depend on besides its flow's own cells and its
    /// decision.
    struct FindingKey: Hashable, Sendable {
        /// Mixed from the parts' fingerprints.
        let fingerprint: UInt64
        let risk: RiskType
        let ratings: RatingsKey
        let hits: HitsKey
        let likelihood: ReasonsKey
        let impact: ReasonsKey
        let controls: ControlsKey
        let recommended: RecommendedKey

        init(_ finding: Finding) {
            risk = finding.risk
            ratings = RatingsKey(inherent: finding.inherent, residual: finding.residual)
            hits = HitsKey(finding.hits)
            likelihood = ReasonsKey(level: finding.inherent.likelihood, reasons: finding.likelihoodReasons)
            impact = ReasonsKey(level: finding.inherent.impact, reasons: finding.impactReasons)
            controls = ControlsKey(controls: finding.controls, withheld: finding.withheld, unmetDuty: finding.unmetDuty)
            recommended = RecommendedKey(finding.recommended)
            var mix = Fingerprint()
            mix.add(risk.ordinal)
            mix.add(ratings.inherent.likelihood &<< 24 | ratings.inherent.impact &<< 16 | ratings.residual.likelihood &<< 8 | ratings.residual.impact)
            mix.add(hits.fingerprint)
            mix.add(likelihood.fingerprint)
            mix.add(impact.fingerprint)
            mix.add(controls.fingerprint)
            mix.add(recommended.fingerprint)
            fingerprint = mix.value
        }

        func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }
    }

    /// Inherent and residual ratings.
    struct RatingsKey: Hashable, Sendable {
        var inherent: Finding.Rating
        var residual: Finding.Rating
    }

    /// A finding's exposure hits.
    struct HitsKey: Hashable, Sendable {
        fileprivate let fingerprint: UInt64
        let hits: [ExposureIndex.Hit]

        init(_ hits: [ExposureIndex.Hit]) {
            self.hits = hits
            var mix = Fingerprint()
            mix.add(hits.count)
            for hit in hits {
                mix.add(Int(hit.country.index) &<< 16 | hit.role.ordinal &<< 8 | (hit.scoped ? 1 : 0))
                mix.add(hit.level &<< 8 | hit.likelihood)
                mix.add(hit.duty)
                mix.add(hit.exposures.count)
                for row in hit.exposures { mix.add(row) }
            }
            fingerprint = mix.value
        }

        func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }

        /// Field by field through the arrays' buffers: `Array`'s `==` copies each hit, retaining
        /// its rows and duty, and a look-up that finds the finding compares every hit.
        static func == (a: HitsKey, b: HitsKey) -> Bool {
            guard a.fingerprint == b.fingerprint, a.hits.count == b.hits.count else { return false }
            return a.hits.withUnsafeBufferPointer { x in
                b.hits.withUnsafeBufferPointer { y in
                    x.indices.allSatisfy { i in
                        x[i].country == y[i].country && x[i].role == y[i].role && x[i].level == y[i].level
                            && x[i].likelihood == y[i].likelihood && x[i].scoped == y[i].scoped
                            && x[i].exposures == y[i].exposures && x[i].duty == y[i].duty
                    }
                }
            }
        }
    }

    /// A rating level and the reasons for it.
    struct ReasonsKey: Hashable, Sendable {
        fileprivate let fingerprint: UInt64
        let level: Int
        let reasons: [Reason]

        init(level: Int, reasons: [Reason]) {
            self.level = level
            self.reasons = reasons
            var mix = Fingerprint()
            mix.add(level)
            mix.add(reasons.count)
            for reason in reasons { mix.add(reason) }
            fingerprint = mix.value
        }

        func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }
    }

    /// What the controls part of a finding depends on.
    struct ControlsKey: Hashable, Sendable {
        fileprivate let fingerprint: UInt64
        let controls: [Finding.AppliedControl]
        let withheld: [String]
        let unmetDuty: String

        init(controls: [Finding.AppliedControl], withheld: [String], unmetDuty: String) {
            self.controls = controls
            self.withheld = withheld
            self.unmetDuty = unmetDuty
            var mix = Fingerprint()
            mix.add(controls.count)
            for control in controls {
                mix.add(control.measureID)
                mix.add(control.likelihood &<< 8 | control.impact)
            }
            mix.add(withheld.count)
            for id in withheld { mix.add(id) }
            mix.add(unmetDuty)
            fingerprint = mix.value
        }

        func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }
    }

    /// Recommended measure IDs, best first.
    struct RecommendedKey: Hashable, Sendable {
        fileprivate let fingerprint: UInt64
        let ids: [String]

        init(_ ids: [String]) {
            self.ids = ids
            var mix = Fingerprint()
            mix.add(ids.count)
            for id in ids { mix.add(id) }
            fingerprint = mix.value
        }

        func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }
    }
}

/// A multiply–xorshift mix of integers and short strings, for the keys' fingerprints (not a
/// cryptographic hash: equality decides).
private struct Fingerprint {
    private(set) var value: UInt64 = 0x9E37_79B9_7F4A_7C15

    mutating func add(_ n: Int) { add(UInt64(bitPattern: Int64(n))) }

    mutating func add(_ word: UInt64) {
        value = (value ^ word) &* 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 29
    }

    /// The string's UTF-8 bytes, eight at a time, then its length.
    mutating func add(_ s: String) {
        var word: UInt64 = 0
        var count = 0
        for byte in s.utf8 {
            word = word << 8 | UInt64(byte)
            count += 1
            if count & 7 == 0 {
                add(Int(bitPattern: UInt(word)))
                word = 0
            }
        }
        add(Int(bitPattern: UInt(word)) ^ count &<< 56)
    }

    mutating func add(_ reason: Reason) {
        switch reason {
        case .exposureLevel(let country, let role, let level, let scoped, let duty):
            add(1 &<< 40 | Int(country.index) &<< 16 | role.ordinal &<< 12 | level &<< 1 | (scoped ? 1 : 0))
            add(duty)
        case .recipient(let r): add(2 &<< 40 | r.position)
        case .received(let r): add(3 &<< 40 | r.position)
        case .mechanism(let m): add(4 &<< 40 | (m.map(\.position) ?? 255))
        case .foreignProvider(let c): add(5 &<< 40 | Int(c.index))
        case .confidentiality(let c): add(6 &<< 40 | c.position)
        case .criticality(let c): add(7 &<< 40 | c.position)
        case .importantData: add(8 &<< 40)
        case .exportControlled: add(9 &<< 40)
        case .personalData: add(10 &<< 40)
        case .continuousFlow: add(11 &<< 40)
        }
    }
}
