import Foundation
import Testing
@testable import DudaoTable
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct MappingGuardTests {
    /// Reading a mapped page past the end of a file cut short finds zeros and marks the guard;
    /// pages still backed by the file read as they are.
    @Test func readPastTheNewEndFindsZerosAndIsMarked() throws {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dudao-guard-\(UUID().uuidString)")
        try Data(repeating: 0x41, count: page * 4).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let fd = open(url.path, O_RDONLY)
        #expect(fd >= 0)
        defer { close(fd) }
        let address = try #require(mmap(nil, page * 4, PROT_READ, MAP_PRIVATE, fd, 0))
        #expect(address != MAP_FAILED)
        defer { munmap(address, page * 4) }
        let mapped = UnsafeRawBufferPointer(start: address, count: page * 4)
        let watch = try #require(MappingGuard(mapped))
        defer { watch.end() }
        #expect(!watch.faulted)
        #expect(truncate(url.path, off_t(page)) == 0)
        #expect(mapped[page - 1] == 0x41)
        #expect(!watch.faulted)
        #expect(mapped[page * 2 + 5] == 0)
        #expect(mapped[page * 4 - 1] == 0)
        #expect(watch.faulted)
    }
}
