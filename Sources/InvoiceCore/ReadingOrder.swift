/// Groups positioned words into lines in reading order.
///
/// Both reading paths (text layer and OCR) go through this one function so that templates see
/// the same line structure whichever path a page took. A line is a visual row: words whose
/// vertical centres lie within half a text height of the row's centre, sorted left to right.
/// Rows are not split at wide gaps: a label and its value ("合計 … ¥12,100") stay on one line,
/// and each word keeps its own box for position-based extraction.
public enum ReadingOrder {
    public static func lines(of words: [Word]) -> [TextLine] {
        let visible = words.filter { !$0.text.allSatisfy(\.isWhitespace) }
        guard !visible.isEmpty else { return [] }
        let sorted = visible.sorted { ($0.box.midY, $0.box.minX) < ($1.box.midY, $1.box.minX) }

        struct Row {
            var words: [Word]
            var centre: Double
            var height: Double
        }
        var rows: [Row] = []
        for word in sorted {
            let height = Swift.max(word.box.height, 0.1)
            // Rows only ever grow downwards in this sorted walk: look at the last few.
            var joined = false
            for index in rows.indices.reversed().prefix(4) {
                let row = rows[index]
                let tolerance = 0.5 * Swift.min(height, row.height)
                if abs(word.box.midY - row.centre) <= tolerance {
                    let count = Double(row.words.count)
                    rows[index].words.append(word)
                    rows[index].centre = (row.centre * count + word.box.midY) / (count + 1)
                    rows[index].height = (row.height * count + height) / (count + 1)
                    joined = true
                    break
                }
            }
            if !joined { rows.append(Row(words: [word], centre: word.box.midY, height: height)) }
        }
        return rows
            .map { TextLine(words: $0.words.sorted { $0.box.minX < $1.box.minX }) }
            .sorted { ($0.box.minY, $0.box.minX) < ($1.box.minY, $1.box.minX) }
    }
}
