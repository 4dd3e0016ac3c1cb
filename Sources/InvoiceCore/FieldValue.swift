/// One extracted field: its normalised value, how sure extraction and normalisation are of it,
/// and where it was found. Encodes to SPEC.md's `{"value", "confidence", "page", "box"}`.
///
/// `value` is the canonical text: integer yen (`"-1000"`), `YYYY-MM-DD`, `T` + 13 digits, an
/// NFKC name; nil when the field was looked for and not found (SPEC's null).
public struct FieldValue: Hashable, Sendable, Codable {
    public var value: String?
    /// 0...1: the reading's confidence times the normalisation's.
    public var confidence: Double
    /// 1-based page number.
    public var page: Int?
    public var box: BoundingBox?

    public init(_ value: String?, confidence: Double = 1, page: Int? = nil, box: BoundingBox? = nil) {
        self.value = value
        self.confidence = confidence
        self.page = page
        self.box = box
    }

    /// From a normalised amount, date or registration number, combining the confidence of the
    /// reading (a word's OCR confidence) with the normaliser's.
    public init(amount: Normalized<Int>, readConfidence: Double = 1, page: Int? = nil, box: BoundingBox? = nil) {
        self.init(String(amount.value), confidence: readConfidence * amount.confidence, page: page, box: box)
    }

    public init(date: Normalized<CivilDate>, readConfidence: Double = 1, page: Int? = nil, box: BoundingBox? = nil) {
        self.init(date.value.iso, confidence: readConfidence * date.confidence, page: page, box: box)
    }

    public init(registrationNumber: Normalized<RegistrationNumber>, readConfidence: Double = 1, page: Int? = nil,
                box: BoundingBox? = nil) {
        self.init(registrationNumber.value.formatted, confidence: readConfidence * registrationNumber.confidence,
                  page: page, box: box)
    }

    /// Whether there is a non-empty value.
    public var isPresent: Bool { !(value ?? "").allSatisfy(\.isWhitespace) }

    /// The value as integer yen, nil unless it is one in canonical form.
    public var intValue: Int? { value.flatMap { Int($0) } }

    /// The value as a date, nil unless it is `YYYY-MM-DD`.
    public var dateValue: CivilDate? { value.flatMap(CivilDate.init(iso:)) }

    /// The value as a registration number, nil unless it is `T` + 13 digits.
    public var registrationNumberValue: RegistrationNumber? { value.flatMap { RegistrationNumber($0) } }

    private enum CodingKeys: String, CodingKey { case value, confidence, page, box }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode((confidence * 1000).rounded() / 1000, forKey: .confidence)
        try container.encode(page, forKey: .page)
        try container.encode(box, forKey: .box)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decodeIfPresent(String.self, forKey: .value),
                  confidence: try container.decode(Double.self, forKey: .confidence),
                  page: try container.decodeIfPresent(Int.self, forKey: .page),
                  box: try container.decodeIfPresent(BoundingBox.self, forKey: .box))
    }
}
