/// How an issuer rounds the consumption tax of one rate on one invoice (端数処理). The law
/// allows any one of them, once per rate per invoice, never per line.
///
/// Negative amounts (credit notes) round symmetrically: the magnitude is rounded, so
/// 切り捨て of −123.4 is −123.
public enum TaxRounding: String, CaseIterable, Sendable, Codable {
    /// 切り捨て
    case down
    /// 四捨五入
    case halfUp = "half_up"
    /// 切り上げ
    case up

    /// `numerator / denominator` rounded this way (`denominator` > 0).
    public func divide(_ numerator: Int, by denominator: Int) -> Int {
        let magnitude = numerator.magnitude, divisor = UInt(denominator)
        let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: divisor)
        let rounded: UInt
        switch self {
        case .down: rounded = quotient
        case .up: rounded = remainder == 0 ? quotient : quotient + 1
        case .halfUp: rounded = remainder * 2 >= divisor ? quotient + 1 : quotient
        }
        return numerator < 0 ? -Int(rounded) : Int(rounded)
    }
}
