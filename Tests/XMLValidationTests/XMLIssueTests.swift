import Testing

@testable import XMLValidation

/// The issue value type and the message normalisation.
struct XMLIssueTests {
    /// Description is compiler style.
    @Test func descriptionIsCompilerStyle() {
        let issue = XMLIssue(
            severity: .error,
            code: "xml.duplicate-id",
            line: 3,
            column: 0,
            message: "duplicate id 'a'"
        )
        #expect(issue.description == "3:0: error: duplicate id 'a' [xml.duplicate-id]")
    }

    /// Libxml 2 messages become lower case fragments.
    @Test func libxml2MessagesBecomeLowerCaseFragments() {
        #expect(
            IssueCollector.fragment("Opening and ending tag mismatch: p line 7 and b\n")
                == "opening and ending tag mismatch: p line 7 and b"
        )
        #expect(
            IssueCollector.fragment("IDREFS attribute headers references an unknown ID \"a\"\n")
                == "IDREFS attribute headers references an unknown ID 'a'"
        )
    }
}
