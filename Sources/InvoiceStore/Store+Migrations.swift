import GRDB

extension Store {
    /// The schema, as named migrations applied in order. A migration that has run is never edited:
    /// a change is a new migration, so every existing home upgrades the same way.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: documents, fields, ledger, review, events") { db in
            // One row per file taken from the inbox. `claim_id` makes recording idempotent: a
            // file taken again after a crash finds its row and is not recorded twice.
            try db.execute(sql: """
                CREATE TABLE document (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    claim_id TEXT NOT NULL UNIQUE,
                    source_file TEXT NOT NULL,
                    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
                    size INTEGER NOT NULL CHECK (size >= 0),
                    received_at TEXT NOT NULL,
                    processed_at TEXT NOT NULL,
                    outcome TEXT NOT NULL CHECK (outcome IN ('ledger', 'review', 'rejected', 'duplicate')),
                    reasons TEXT NOT NULL DEFAULT '[]',
                    template TEXT,
                    pages INTEGER NOT NULL DEFAULT 0,
                    invoice_number TEXT,
                    -- What makes two documents the same invoice (see DocumentSubmission.invoiceKey).
                    invoice_key TEXT,
                    duplicate_of INTEGER REFERENCES document(id),
                    extraction TEXT,
                    worker TEXT NOT NULL,
                    CHECK ((outcome = 'duplicate') = (duplicate_of IS NOT NULL))
                );
                -- One original per content: every byte-identical copy after it is a duplicate.
                CREATE UNIQUE INDEX document_original ON document(sha256) WHERE outcome <> 'duplicate';
                CREATE INDEX document_sha256 ON document(sha256);
                CREATE INDEX document_invoice ON document(invoice_key) WHERE invoice_key IS NOT NULL;

                CREATE TABLE field (
                    document_id INTEGER NOT NULL REFERENCES document(id),
                    name TEXT NOT NULL,
                    value TEXT,
                    confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
                    page INTEGER,
                    x REAL, y REAL, width REAL, height REAL,
                    PRIMARY KEY (document_id, name)
                ) WITHOUT ROWID;

                CREATE TABLE ledger_entry (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    document_id INTEGER NOT NULL UNIQUE REFERENCES document(id),
                    posted_at TEXT NOT NULL,
                    posted_by TEXT NOT NULL,
                    issuer_name TEXT,
                    registration_number TEXT,
                    invoice_number TEXT,
                    issue_date TEXT,
                    due_date TEXT,
                    recipient_name TEXT,
                    total_amount INTEGER NOT NULL,
                    tax_amount INTEGER,
                    taxable_10 INTEGER,
                    tax_10 INTEGER,
                    taxable_8 INTEGER,
                    tax_8 INTEGER
                );
                CREATE INDEX ledger_issue_date ON ledger_entry(issue_date);
                CREATE INDEX ledger_total_amount ON ledger_entry(total_amount);
                CREATE INDEX ledger_registration_number ON ledger_entry(registration_number);

                CREATE TABLE review_item (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    document_id INTEGER NOT NULL UNIQUE REFERENCES document(id),
                    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'rejected')),
                    reasons TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    resolved_at TEXT,
                    resolved_by TEXT,
                    note TEXT
                );
                CREATE INDEX review_open ON review_item(status);

                -- Append-only: every event's hash covers the previous event's hash (a chain).
                CREATE TABLE event (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    document_id INTEGER REFERENCES document(id),
                    payload TEXT NOT NULL,
                    previous_hash TEXT NOT NULL,
                    hash TEXT NOT NULL UNIQUE
                );
                CREATE TRIGGER event_no_update BEFORE UPDATE ON event
                    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                CREATE TRIGGER event_no_delete BEFORE DELETE ON event
                    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                """)
        }
        registerLedgerMigration(&migrator)
        return migrator
    }
}
