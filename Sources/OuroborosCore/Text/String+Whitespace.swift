extension String {
    /// The string without leading and trailing whitespace (spaces, tabs, line ends and the other
    /// Unicode white space), as file readers and the shock parser compare what users write.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
