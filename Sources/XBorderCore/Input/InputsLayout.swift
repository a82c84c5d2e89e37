import Foundation

/// Where a period's companions are when the options do not say: the **Inputs root** is the
/// period folder's parent (`Inputs/`), reference data is its `reference/` folder, the shared
/// `settings.csv` is in it, and the templates are in `Templates/` beside it. So
/// `xborder run /elsewhere/Inputs/2026-Q3` works from any working directory.
///
/// Reports and manifests show paths relative to the Inputs root's parent (the project folder:
/// `Inputs/2026-Q3/flows.csv`), never the machine's absolute paths.
package struct InputsLayout: Sendable {
    /// The period folder as given.
    package let periodDirectory: String
    /// The Inputs root: the period folder's parent.
    package let inputsRoot: String
    /// The project folder: the Inputs root's parent (holds `Templates/`).
    package let projectRoot: String

    /// The layout around a period folder.
    package init(periodDirectory: String) {
        self.periodDirectory = periodDirectory
        inputsRoot = Self.parent(of: periodDirectory)
        projectRoot = Self.parent(of: inputsRoot)
    }

    /// The default reference folder: `<Inputs root>/reference`.
    package var referenceDirectory: String { Self.join(inputsRoot, "reference") }
    /// The default templates folder: `<project>/Templates`.
    package var templatesDirectory: String { Self.join(projectRoot, "Templates") }

    /// `path` as reports show it: relative to the project folder when inside it, else its last
    /// three components (`Inputs/reference/exposures.csv`, as if its folder's parent were the
    /// project folder), so no absolute machine path is archived.
    package func display(_ path: String) -> String {
        let absolute = Self.absolute(path)
        let base = Self.absolute(projectRoot)
        let prefix = base == "/" ? "/" : base + "/"
        if absolute.hasPrefix(prefix), absolute.count > prefix.count { return String(absolute.dropFirst(prefix.count)) }
        return absolute.split(separator: "/").suffix(3).joined(separator: "/")
    }

    /// A location with its file shown as reports show it.
    package func display(_ location: SourceLocation) -> SourceLocation {
        var copy = location
        copy.file = display(location.file)
        return copy
    }

    /// A diagnostic with its location shown as reports show it.
    package func display(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        copy.location = diagnostic.location.map(display)
        return copy
    }

    /// The parent folder of `path`, lexically while the path is relative and names one (so
    /// `Inputs/2026-Q3` gives `Inputs` and relative messages stay relative), else absolute.
    static func parent(of path: String) -> String {
        let parts = path.split(separator: "/").filter { $0 != "." }
        if !path.hasPrefix("/"), !parts.isEmpty, !parts.contains("..") {
            return parts.count == 1 ? "." : parts.dropLast().joined(separator: "/")
        }
        let absolute = absolute(path)
        guard absolute != "/" else { return "/" }
        let components = absolute.split(separator: "/").dropLast()
        return "/" + components.joined(separator: "/")
    }

    /// `path` made absolute against the working directory, with `.` and `..` removed lexically.
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                _ = parts.popLast()
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `base/name`, or `name` when `base` is `.`.
    static func join(_ base: String, _ name: String) -> String {
        base == "." ? name : FileSystem.join(base, name)
    }
}
