extension Int {
    /// With thousands separated by commas (`57,169`), as both languages' reports write figures.
    var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return self < 0 ? "-" + out : out
    }
}
