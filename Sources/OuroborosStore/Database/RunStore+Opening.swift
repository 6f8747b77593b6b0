import Foundation
import GRDB
import OuroborosCore

extension RunStore {
    /// The store used when no `--store PATH` is given: `OUROBOROS_STORE` when set and not empty,
    /// else `~/.ouroboros/runs.sqlite`. `isDefault` is true in the second case, whose folder
    /// the store creates.
    public static func location(environment: [String: String]) -> (path: String, isDefault: Bool) {
        if let path = environment["OUROBOROS_STORE"], !path.isEmpty { return (path, false) }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
        return ((home.hasSuffix("/") ? home : home + "/") + ".ouroboros/runs.sqlite", true)
    }

    /// Fails early, with a reason a person can act on, when `path` cannot hold a store.
    static func checkLocation(_ path: String, createFolder: Bool) throws(StoreError) {
        guard !path.isEmpty else { throw .unusablePath(path: path, reason: "the path is empty") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .unusablePath(path: path, reason: "it is a folder, not a database file")
        }
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard createFolder else { throw .unusablePath(path: path, reason: "the folder '\(folder)' does not exist") }
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw .unusablePath(path: path, reason: "cannot create the folder '\(folder)': \(error.localizedDescription)")
            }
        } else if !isDirectory.boolValue {
            throw .unusablePath(path: path, reason: "'\(folder)' is not a folder")
        }
        if !CLibrary.mayWrite(folder) {
            throw .unusablePath(path: path, reason: "the folder '\(folder)' is not writable (the store keeps its journal files beside the database)")
        }
        if FileManager.default.fileExists(atPath: path), !CLibrary.mayWrite(path, read: true) {
            throw .unusablePath(path: path, reason: "the file is not readable and writable")
        }
    }

    /// Opens the database in WAL mode with `synchronous = FULL` on the writer (GRDB sets NORMAL
    /// when it enables WAL, so FULL is set after). Setting up WAL on a new file can meet another
    /// process doing the same and fail at once with SQLITE_BUSY (a lock upgrade the busy handler
    /// cannot wait for); the open is then retried, for up to about ten seconds.
    static func openPool(_ path: String) throws(StoreError) -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "ouroboros.store"
        var attempt = 0
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
                return pool
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 100 {
                attempt += 1
                usleep(useconds_t(min(attempt, 10) * 10_000))
            } catch {
                throw openFailure(path, error)
            }
        }
    }

    /// The store error for a database that would not open.
    static func openFailure(_ path: String, _ error: any Error) -> StoreError {
        guard let error = error as? DatabaseError else { return .notAStore(path: path, reason: "\(error)") }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .notAStore(path: path, reason: "the file is not a SQLite database or is damaged (\(message(error)))")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return .unusablePath(path: path, reason: "cannot open it (\(message(error)))")
        default:
            return .notAStore(path: path, reason: "cannot open it (\(message(error)))")
        }
    }

    /// Brings the schema up to date. Two processes opening a new store at once both run the
    /// migrator; the one that loses the race sees its migration fail on the tables the other
    /// just created (or on a lock it cannot wait for), and succeeds on a later attempt, which
    /// finds them recorded as applied.
    func migrate() throws(StoreError) {
        let migrator = StoreSchema.migrator
        let superseded = try perform("read the schema version") { try pool.read { try migrator.hasBeenSuperseded($0) } }
        if superseded {
            let applied = (try? pool.read { try migrator.appliedIdentifiers($0) }) ?? []
            let unknown = applied.subtracting(StoreSchema.versions).sorted().joined(separator: ", ")
            throw .notAStore(
                path: path,
                reason:
                    "it was written by a newer version of Ouroboros (schema \(unknown)); this version knows \(StoreSchema.versions.joined(separator: ", "))"
            )
        }
        var attempt = 1
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch let error as DatabaseError where attempt < 20 && [.SQLITE_ERROR, .SQLITE_CONSTRAINT, .SQLITE_BUSY].contains(error.resultCode) {
                attempt += 1
                usleep(useconds_t(attempt * 10_000))
            } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
                throw .notAStore(path: path, reason: "the file is not a SQLite database or is damaged (\(Self.message(error)))")
            } catch {
                throw .databaseFailure(path: path, action: "bring the schema up to date", reason: "\(error)")
            }
        }
    }
}
