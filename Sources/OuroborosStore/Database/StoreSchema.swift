import GRDB

/// The store's tables, built by versioned migrations: a store written by an older version is
/// brought up to date when opened, and the migrations already applied are never run again.
///
/// - `v1-runs`: `scenario` (texts by SHA-256, shared by the runs of the same scenario), `run`
///   (one row per run: metadata, status, summary columns and JSON, the period labels) and
///   `series` (one row per series, its values as a blob of little-endian doubles).
/// - `v2-experiments`: `run.planned_runs` and `run.definition_json`, and `experiment_run`, the
///   journal of an experiment's completed runs, one row per run index.
enum StoreSchema {
    /// The identifiers of the migrations, oldest first.
    static let versions = ["v1-runs", "v2-experiments"]

    /// The migrator of this version of Ouroboros.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(versions[0]) { db in
            try db.execute(
                sql: """
                    CREATE TABLE scenario (
                        hash TEXT PRIMARY KEY NOT NULL,
                        text TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE run (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        kind TEXT NOT NULL,
                        scenario_name TEXT NOT NULL,
                        scenario_hash TEXT NOT NULL REFERENCES scenario(hash),
                        command_line TEXT NOT NULL,
                        seed TEXT,
                        tool_version TEXT NOT NULL,
                        host TEXT NOT NULL,
                        process_id INTEGER NOT NULL,
                        started_at TEXT NOT NULL,
                        finished_at TEXT,
                        status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'interrupted')),
                        holds INTEGER CHECK (holds IN (0, 1)),
                        break_period TEXT,
                        first_failure TEXT,
                        headline TEXT NOT NULL DEFAULT '',
                        summary_json TEXT,
                        error TEXT,
                        period_labels TEXT,
                        csv_layout TEXT CHECK (csv_layout IN ('long', 'wide'))
                    );
                    CREATE INDEX run_by_start ON run(started_at);
                    CREATE TABLE series (
                        run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        entity TEXT NOT NULL,
                        variable TEXT NOT NULL,
                        points BLOB NOT NULL,
                        PRIMARY KEY (run_id, position)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration(versions[1]) { db in
            try db.execute(
                sql: """
                    ALTER TABLE run ADD COLUMN planned_runs INTEGER;
                    ALTER TABLE run ADD COLUMN definition_json TEXT;
                    CREATE TABLE experiment_run (
                        run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                        run_index INTEGER NOT NULL CHECK (run_index >= 0),
                        payload BLOB NOT NULL,
                        PRIMARY KEY (run_id, run_index)
                    ) WITHOUT ROWID;
                    """)
        }
        return migrator
    }
}
