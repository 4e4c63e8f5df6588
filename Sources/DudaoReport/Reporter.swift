import DudaoCore
