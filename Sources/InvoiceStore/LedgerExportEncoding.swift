/// The character encoding of an export: UTF-8, or Shift_JIS (Windows' CP932, which Japanese
/// accounting packages and older Excel expect).
public enum LedgerExportEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case shiftJIS = "shift_jis"
}
