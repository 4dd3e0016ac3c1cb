import ArgumentParser
import Foundation

/// Expands command-line paths: files as given, folders to their visible files in name order.
enum FileList {
    static func expand(_ arguments: [String]) throws -> [String] {
        var paths: [String] = []
        let manager = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw ValidationError("\(argument): no such file or folder.")
            }
            if isDirectory.boolValue {
                let names = try manager.contentsOfDirectory(atPath: argument).sorted()
                for name in names where !name.hasPrefix(".") && !name.hasSuffix(".json") && !name.hasSuffix(".md") {
                    let path = (argument as NSString).appendingPathComponent(name)
                    var nested: ObjCBool = false
                    if manager.fileExists(atPath: path, isDirectory: &nested), !nested.boolValue { paths.append(path) }
                }
            } else {
                paths.append(argument)
            }
        }
        return paths
    }
}
