@_exported import DudaoTable
