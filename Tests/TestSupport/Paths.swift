import Foundation

/// Locations the tests read from: the package root (for Templates/ and Inputs/) and the shared
/// test data beside the checkout (`../shared/testdata`), and the temporary folders they write to.
/// Shared by every test target (the TestSupport target), so the root is found in one place.
package enum Paths {
    /// The package root, found from this file's path.
    package static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `../shared/testdata`, when present. `XBORDER_SHARED_TESTDATA` overrides the location (a path
    /// that does not exist shows how the tests behave without the shared data).
    package static let sharedTestData: String? = {
        let path =
            ProcessInfo.processInfo.environment["XBORDER_SHARED_TESTDATA"]
            ?? (root as NSString).deletingLastPathComponent + "/shared/testdata"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// A path below the package root.
    package static func repo(_ relative: String) -> String { root + "/" + relative }

    /// The one folder that holds every temporary directory of this test process; removed when
    /// the process exits, so a test run leaves nothing behind in the temp directory.
    package static let temporaryRoot: String = {
        let path = NSTemporaryDirectory() + "xborder-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Paths.temporaryRoot) }
        return path
    }()

    /// A new empty temporary directory (inside ``temporaryRoot``).
    package static func temporaryDirectory() -> String {
        let path = temporaryRoot + "/" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
