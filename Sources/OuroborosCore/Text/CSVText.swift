/// CSV documents as every command writes them: a header line, then one line per row, fields
/// quoted when needed (`NumberText.csvField`), each line ending with a newline.
public enum CSVText {
    /// The document of `header` and `rows`.
    public static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(NumberText.csvField).joined(separator: ",") + "\n" }.joined()
    }
}
