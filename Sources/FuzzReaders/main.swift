// Fuzzing dudao from its inputs to its reports: whatever bytes a ledger, a roster, a
// workbook, a rule file or a parameter holds, dudao must answer with findings or a clear
// error, never trap, and write the same report bytes on one thread as on three. Run from the
// repository root (it reads rules/, fixtures/demo/, fixtures/lint/ and fixtures/xlsx/).
//
// With libFuzzer (.ci/fuzz; see README.md, "Fuzzing"):
//   swift build --product FuzzReaders --scratch-path .build/fuzz \
//       -Xswiftc -sanitize=fuzzer,address -Xswiftc -DLIBFUZZER
//   .build/fuzz/debug/FuzzReaders --seeds corpus && .build/fuzz/debug/FuzzReaders corpus
// Without it, the same checks replay files given on the command line (a crash's input):
//   swift run FuzzReaders FILE…
import Foundation

if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--seeds" {
    SeedWriter.write(into: CommandLine.arguments[2])
    exit(0)
}

#if LIBFUZZER
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzz.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

// SwiftPM links this file's top-level code as the program's main, so libFuzzer's own main is
// not used: its driver is called from here.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv) { fuzzOne($0, $1) })
#else
// Without libFuzzer: the checks on files given on the command line.
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("FuzzReaders: cannot read \(path)\n".utf8))
        exit(2)
    }
    Fuzz.run([UInt8](data))
    print("ok \(path)")
}
#endif
