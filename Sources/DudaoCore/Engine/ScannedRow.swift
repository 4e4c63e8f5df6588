/// The row a scanner fills, kept in a class so a `RowSource` can refer to it without copying.
final class ScannedRow {
    var row = CSVRow()
    let decoder: RowDecoder

    init(decoder: RowDecoder) { self.decoder = decoder }
}
