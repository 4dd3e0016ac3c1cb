/// How a layout's item table is found and read: the header labels of its columns (the table
/// starts below the row that holds a description and an amount label), the labels that end it,
/// and the marks of reduced-rate items. The defaults are the generic dictionary; a template's
/// `line_items:` key replaces any of them.
public struct LineItemRules: Sendable {
    public var description: [String]
    public var quantity: [String]
    public var unitPrice: [String]
    public var amount: [String]
    /// A line holding one of these (that is not itself an item row) ends the table.
    public var end: [String]
    /// A row holding one of these is taxed at the reduced rate.
    public var reducedMarks: [String]

    public init(description: [String] = LineItemRules.standard.description, quantity: [String] = LineItemRules.standard.quantity,
                unitPrice: [String] = LineItemRules.standard.unitPrice, amount: [String] = LineItemRules.standard.amount,
                end: [String] = LineItemRules.standard.end, reducedMarks: [String] = LineItemRules.standard.reducedMarks) {
        self.description = description
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.amount = amount
        self.end = end
        self.reducedMarks = reducedMarks
    }

    private init(standardDescription: [String], quantity: [String], unitPrice: [String], amount: [String], end: [String],
                 reducedMarks: [String]) {
        self.description = standardDescription
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.amount = amount
        self.end = end
        self.reducedMarks = reducedMarks
    }

    /// The header dictionary of Japanese and English invoices.
    public static let standard = LineItemRules(
        standardDescription: ["品名", "品目", "摘要", "内容", "商品名", "品番・品名", "項目", "作業内容", "Description", "Item"],
        quantity: ["数量", "Qty", "Quantity"],
        unitPrice: ["単価", "Unit Price", "Price"],
        amount: ["金額", "Amount"],
        end: ["小計", "合計", "消費税", "対象", "税率", "備考", "振込", "Subtotal", "Total", "Tax"],
        reducedMarks: ["※", "*", "軽"])
}
