/// A machine-readable reason from SPEC.md ("tax_mismatch", "corrupt_pdf" …).
///
/// A struct over a string rather than an enum, so that adding a code never breaks a caller's
/// exhaustive switch; the known codes are static members.
public struct ReasonCode: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    // Review reasons.
    public static let registrationNumberMissing = ReasonCode("registration_number_missing")
    public static let registrationNumberInvalid = ReasonCode("registration_number_invalid")
    public static let registrationNumberNotFound = ReasonCode("registration_number_not_found")
    public static let registrationNotActive = ReasonCode("registration_not_active")
    public static let issuerNameMismatch = ReasonCode("issuer_name_mismatch")
    public static let taxMismatch = ReasonCode("tax_mismatch")
    public static let totalMismatch = ReasonCode("total_mismatch")
    public static let fieldMissing = ReasonCode("field_missing")
    public static let lowConfidence = ReasonCode("low_confidence")
    public static let noTemplate = ReasonCode("no_template")
    public static let duplicateInvoice = ReasonCode("duplicate_invoice")

    // Rejection reasons: the file is not a readable document.
    public static let emptyFile = ReasonCode("empty_file")
    public static let corruptPDF = ReasonCode("corrupt_pdf")
    public static let encryptedPDF = ReasonCode("encrypted_pdf")
    public static let unsupportedType = ReasonCode("unsupported_type")
    public static let tooLarge = ReasonCode("too_large")
    /// An image file (TIFF, PNG, JPEG) that is truncated or damaged.
    public static let corruptImage = ReasonCode("corrupt_image")
    /// The file is a document but could not be read for another reason (an image the decoder
    /// refuses, an OCR engine failure).
    public static let unreadable = ReasonCode("unreadable")
}

extension ReasonCode {
    /// A field is present but its value is not in canonical form (an amount that is not
    /// integer yen, a date that is not `YYYY-MM-DD`): review.
    public static let fieldInvalid = ReasonCode("field_invalid")
    /// The registry could not be asked (not imported, or the lookup failed): review, since the
    /// registration cannot be confirmed.
    public static let registryUnavailable = ReasonCode("registry_unavailable")
}
