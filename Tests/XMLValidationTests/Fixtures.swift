/// Small documents the tests check; line numbers in the tests refer to these layouts.
enum Fixtures {
    /// Public id of the XHTML 1.1 plus MathML 2.0 plus SVG 1.1 DTD.
    static let xhtmlMathSVGPublicID = "-//W3C//DTD XHTML 1.1 plus MathML 2.0 plus SVG 1.1//EN"
    /// System id that goes with ``xhtmlMathSVGPublicID``.
    static let xhtmlMathSVGSystemID = "http://www.w3.org/2002/04/xhtml-math-svg/xhtml-math-svg.dtd"

    /// An XHTML 1.1 + MathML 2.0 + SVG 1.1 document whose body starts on line 7 with `body`;
    /// `subset` is put verbatim after the DOCTYPE's system id.
    static func xhtml(body: String, publicID: String = xhtmlMathSVGPublicID, subset: String = "") -> [UInt8] {
        Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html PUBLIC "\(publicID)" "\(xhtmlMathSVGSystemID)"\(subset)>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:svg="http://www.w3.org/2000/svg" xml:lang="en">
            <head><title>Report</title></head>
            <body>
            <h1 id="top">Report</h1>
            \(body)
            </body>
            </html>

            """.utf8
        )
    }

    /// The valid XHTML body: an internal link, a prefixed inline SVG chart and MathML.
    static let validXHTMLBody = """
        <p><a href="#top">Top</a> <a href="#chart">Chart</a> score&#160;3</p>
        <div><svg:svg id="chart" width="100" height="20" viewBox="0 0 100 20">
        <svg:title>Score 3 of 5</svg:title>
        <svg:rect x="0" y="0" width="60" height="20" fill="#c00" class="bar"/>
        <svg:text x="65" y="15" font-size="10">3</svg:text>
        </svg:svg></div>
        <math xmlns="http://www.w3.org/1998/Math/MathML"><mi>r</mi><mo>=</mo><mn>3</mn></math>
        """

    /// A polyglot HTML5 document (well-formed XML) whose body starts on line 8 with `body`.
    static func html(body: String, doctype: String = "<!DOCTYPE html>") -> [UInt8] {
        Array(
            """
            \(doctype)
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="UTF-8"/>
            <title>Report</title>
            </head>
            <body>
            \(body)
            </body>
            </html>

            """.utf8
        )
    }

    /// The clean HTML5 body: links, an image with alt, inline SVG in the SVG default namespace.
    static let cleanHTMLBody = """
        <h1 id="top">Report</h1>
        <nav><a href="#findings">Findings</a></nav>
        <section id="findings"><h2>Findings</h2>
        <p>Score&#160;3 <img src="data:image/png;base64,iVBORw0KGgo=" alt=""/> <a href="#top">Top</a></p>
        <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title" width="100" height="20">
        <title id="chart-title">Score 3 of 5</title>
        <rect width="60" height="20" fill="#c00"/>
        <svg x="0" y="0"><rect width="1" height="1"/></svg>
        </svg>
        </section>
        """
}
