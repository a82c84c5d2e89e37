import Testing

@testable import XBorderCore

@Suite("CountryTally")
struct CountryTallyTests {
    @Test("reads like a dictionary: values, defaults, count, keys in table order")
    func behavesLikeADictionary() {
        var tally = CountryTally<Int>()
        #expect(tally.isEmpty && tally.count == 0 && tally[country("JP")] == nil)
        tally[country("US"), default: 0] += 2
        tally[country("JP"), default: 0] += 1
        tally[country("US"), default: 0] += 1
        #expect(tally.count == 2)
        #expect(tally[country("US")] == 3 && tally[country("JP")] == 1 && tally[country("CN")] == nil)
        #expect(tally[country("CN"), default: 7] == 7)
        #expect(tally.keys == [country("JP"), country("US")])
        #expect(tally.map(\.value) == [1, 3])
        var dictionary: [Country: Int] = [:]
        for (k, v) in tally { dictionary[k] = v }
        #expect(dictionary == [country("US"): 3, country("JP"): 1])
    }
}
