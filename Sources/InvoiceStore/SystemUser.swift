public import Foundation

/// The operating-system account running the command, as corrections and voids record it: the
/// person accountable for a change is the login, not a name typed on the command line.
public enum SystemUser {
    public static var name: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid:\(geteuid())"
    }
}
