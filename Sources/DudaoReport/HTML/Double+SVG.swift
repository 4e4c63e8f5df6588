extension Double {
    /// A coordinate as SVG writes it here: to a tenth of a pixel, without a trailing `.0`.
    var svg: String {
        let tenths = Int((self * 10).rounded())
        let whole = String(tenths / 10), tenth = abs(tenths % 10)
        let sign = tenths < 0 && tenths / 10 == 0 ? "-" : ""
        return sign + whole + (tenth == 0 ? "" : ".\(tenth)")
    }
}
