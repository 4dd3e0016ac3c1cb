/// Why a file could not be read as a document. Carries a SPEC.md rejection reason code and
/// a sentence that tells the user what to do.
///
/// `description` is safe to log: it names the code and the advice, never the document's content.
public struct DocumentReadError: Error, Hashable, Sendable, CustomStringConvertible {
    public let code: ReasonCode
    /// What went wrong, in one sentence.
    public let message: String
    /// What to do about it, in one sentence.
    public let advice: String

    public init(_ code: ReasonCode, _ message: String, advice: String) {
        self.code = code
        self.message = message
        self.advice = advice
    }

    public var description: String { "\(code): \(message) \(advice)" }

    public static func emptyFile() -> DocumentReadError {
        DocumentReadError(.emptyFile, "The file is empty (0 bytes).",
                          advice: "Ask the sender to send the invoice again; the copy received holds nothing.")
    }

    public static func unsupportedType(_ what: String) -> DocumentReadError {
        DocumentReadError(.unsupportedType, "The file is not a PDF, TIFF, PNG or JPEG document (\(what)).",
                          advice: "Save or scan the invoice as PDF, TIFF, PNG or JPEG and put it in the inbox again.")
    }

    public static func corruptPDF(_ detail: String) -> DocumentReadError {
        DocumentReadError(.corruptPDF, "The PDF is damaged or incomplete (\(detail)).",
                          advice: "Ask the sender for a new copy; if it came from the scanner, scan it again.")
    }

    public static func encryptedPDF() -> DocumentReadError {
        DocumentReadError(.encryptedPDF, "The PDF is protected by a password that is needed to open it.",
                          advice: "Ask the sender for an unprotected copy, or open it with the password and save it without protection (e.g. `qpdf --decrypt --password=… in.pdf out.pdf`).")
    }

    public static func tooLarge(_ detail: String, advice: String) -> DocumentReadError {
        DocumentReadError(.tooLarge, "The document is larger than this installation accepts (\(detail)).", advice: advice)
    }

    public static func corruptImage(_ detail: String) -> DocumentReadError {
        DocumentReadError(.corruptImage, "The image file is damaged or incomplete (\(detail)).",
                          advice: "Ask the sender for a new copy; if it came from the scanner, scan it again.")
    }

    public static func unreadable(_ detail: String) -> DocumentReadError {
        DocumentReadError(.unreadable, "The file could not be read (\(detail)).",
                          advice: "Open it in a viewer to check it; if it looks right, save it again as PDF and put it in the inbox.")
    }
}
