/// What is wrong with a part's XML, before the file and part are known to name in an `XLSXError`.
struct XMLProblem: Error, Equatable {
    var detail: String
}
