import Foundation

/// Converts UTF-8 text to Shift_JIS as Windows writes it (CP932: NEC and IBM extensions such as
/// ① and 髙 included) with glibc's iconv, which fails on a character CP932 lacks instead of
/// substituting one silently.
enum ShiftJIS {
    /// The CP932 bytes of `text`, or the first character CP932 cannot hold.
    static func encode(_ text: String) throws(LedgerExportError) -> Result<[UInt8], CharacterError> {
        let converter = iconv_open("CP932", "UTF-8")
        guard converter != iconv_t(bitPattern: -1) else { throw .encodingUnavailable }
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let inputCount = input.count
        let outputCount = output.count
        let (failed, written) = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inputCount
                var outLeft = outputCount
                let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return (status == -1 ? inputCount - inLeft : nil, outputCount - outLeft)
            }
        }
        if let offset = failed {
            let rest = String(decoding: input[offset...], as: UTF8.self)
            return .failure(CharacterError(scalar: rest.unicodeScalars.first ?? "?"))
        }
        return .success(Array(output[0..<written]))
    }

    /// The character that stopped a conversion.
    struct CharacterError: Error {
        var scalar: Unicode.Scalar
    }
}
