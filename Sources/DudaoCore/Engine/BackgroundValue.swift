import Dispatch

/// A value computed on another thread, waited for when it is needed.
final class BackgroundValue<T>: @unchecked Sendable {  // `value` is written before `group` is left, read after it is waited for
    private var value: T?
    private let group = DispatchGroup()

    init(_ work: @escaping @Sendable () -> T) {
        group.enter()
        DispatchQueue.global().async {
            self.value = work()
            self.group.leave()
        }
    }

    func wait() -> T {
        group.wait()
        return value!  // unwrap: set by the work item before it leaves the group
    }
}
