/// A review action on an item that is no longer open: another clerk (or this one, twice)
/// already approved or rejected it. Says who and when, so nobody acts on it again.
public struct ReviewConflict: Error, CustomStringConvertible {
    public let reviewID: String
    public let status: ReviewItem.Status
    public let by: String?
    public let at: String?

    public init(reviewID: String, status: ReviewItem.Status, by: String?, at: String?) {
        self.reviewID = reviewID
        self.status = status
        self.by = by
        self.at = at
    }

    public var description: String {
        "Review item \(reviewID) was already \(status.rawValue) by \(by ?? "someone") at \(at ?? "an earlier time"); nothing was changed."
    }
}
