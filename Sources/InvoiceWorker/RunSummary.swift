/// What a run did, for the summary line, `--report FILE` and progress.
public struct RunSummary: Sendable, Codable, Hashable {
    /// Files recorded (each once, whatever its outcome).
    public var files = 0
    public var ledger = 0
    public var review = 0
    public var rejected = 0
    public var duplicates = 0
    /// Pages read, and of them pages OCRed.
    public var pages = 0
    public var ocrPages = 0
    /// Claims left in the work folder for the next start (shutdown while processing, errors).
    public var released = 0
    public var seconds = 0.0
    /// Files found so far in this run (recorded, in flight or waiting), for a progress bar.
    public var found = 0

    public init() {}

    public var pagesPerSecond: Double { seconds > 0 ? Double(pages) / seconds : 0 }

    enum CodingKeys: String, CodingKey {
        case files, ledger, review, rejected, duplicates, pages, released, seconds
        case ocrPages = "ocr_pages", pagesPerSecond = "pages_per_second"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(files, forKey: .files)
        try container.encode(ledger, forKey: .ledger)
        try container.encode(review, forKey: .review)
        try container.encode(rejected, forKey: .rejected)
        try container.encode(duplicates, forKey: .duplicates)
        try container.encode(pages, forKey: .pages)
        try container.encode(ocrPages, forKey: .ocrPages)
        try container.encode(released, forKey: .released)
        try container.encode((seconds * 1000).rounded() / 1000, forKey: .seconds)
        try container.encode((pagesPerSecond * 100).rounded() / 100, forKey: .pagesPerSecond)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        files = try container.decode(Int.self, forKey: .files)
        ledger = try container.decode(Int.self, forKey: .ledger)
        review = try container.decode(Int.self, forKey: .review)
        rejected = try container.decode(Int.self, forKey: .rejected)
        duplicates = try container.decode(Int.self, forKey: .duplicates)
        pages = try container.decode(Int.self, forKey: .pages)
        ocrPages = try container.decode(Int.self, forKey: .ocrPages)
        released = try container.decode(Int.self, forKey: .released)
        seconds = try container.decode(Double.self, forKey: .seconds)
    }
}
