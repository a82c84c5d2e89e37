/// One row of scenarios.csv (README, "`scenarios.csv`: what-if options"): an option for executives that rolls `measures`
/// out to the flows `selector` picks, with an owner and an estimated cost.
package struct Scenario: Sendable {
    /// `scenario_id`, unique in the file.
    package var id: String
    /// `title`.
    package var title: String
    /// `title_ja`.
    package var titleJa = ""
    /// `measures`: catalogue IDs rolled out, sorted and unique.
    package var measures: [String]
    /// `flows`: which flows get the measures.
    package var selector: FlowSelector
    /// `owner`.
    package var owner = ""
    /// `cost`, as written (`JPY 18M/yr`).
    package var cost = ""
    /// `notes`.
    package var notes = ""
    /// `notes_ja`.
    package var notesJa = ""
    /// Where the row is.
    package var location: SourceLocation

    /// Creates a scenario; the optional columns take their defaults.
    package init(id: String, title: String, measures: [String], selector: FlowSelector, location: SourceLocation) {
        self.id = id
        self.title = title
        self.measures = measures
        self.selector = selector
        self.location = location
    }

    /// The title in `locale` (`ja` uses `title_ja` when given; the ID when there is no title).
    package func title(locale: String) -> String {
        let text = locale == "ja" && !titleJa.isEmpty ? titleJa : title
        return text.isEmpty ? id : text
    }

    /// The notes in `locale` (`ja` uses `notes_ja` when given).
    package func notes(locale: String) -> String { locale == "ja" && !notesJa.isEmpty ? notesJa : notes }
}
