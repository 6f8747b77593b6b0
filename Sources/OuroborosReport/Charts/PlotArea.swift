/// The rectangle inside a chart's axes where data is drawn.
public struct PlotArea: Sendable, Hashable {
    /// Edges in drawing coordinates (top < bottom).
    public var left: Double, top: Double, right: Double, bottom: Double

    /// Creates a plot area.
    public init(left: Double, top: Double, right: Double, bottom: Double) {
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
    }

    /// Width and height.
    public var width: Double { right - left }
    public var height: Double { bottom - top }
}
