import GRDB

extension Store {
    /// "v2: ledger versions and voids". Corrections append versions instead of overwriting
    /// (電子帳簿保存法: corrections and deletions must stay visible); `current` marks the latest
    /// version, the only column ever updated (1 → 0, by a trigger's leave), so that searches use
    /// partial indexes on current values. Existing entries get their posting as version 1.
    static func registerLedgerMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2: ledger versions and voids") { db in
            let values = LedgerVersion.valueColumns
            try db.execute(sql: """
                CREATE TABLE ledger_version (
                    entry_id INTEGER NOT NULL REFERENCES ledger_entry(id),
                    version INTEGER NOT NULL CHECK (version >= 1),
                    at TEXT NOT NULL,
                    by TEXT NOT NULL,
                    note TEXT,
                    forced INTEGER NOT NULL DEFAULT 0,
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
                    tax_8 INTEGER,
                    -- LedgerValues.counterpartyKey(issuer_name): what --counterparty matches.
                    issuer_key TEXT,
                    current INTEGER NOT NULL CHECK (current IN (0, 1)),
                    PRIMARY KEY (entry_id, version)
                ) WITHOUT ROWID;
                CREATE UNIQUE INDEX ledger_version_current ON ledger_version(entry_id) WHERE current = 1;
                CREATE INDEX ledger_current_issue_date ON ledger_version(issue_date) WHERE current = 1;
                CREATE INDEX ledger_current_total ON ledger_version(total_amount) WHERE current = 1;
                CREATE INDEX ledger_current_issuer ON ledger_version(issuer_key, issue_date) WHERE current = 1;
                CREATE INDEX ledger_current_registration ON ledger_version(registration_number, issue_date) WHERE current = 1;

                -- Distinct counterparty keys: a partial name is matched here (thousands of suppliers,
                -- not every entry), then the entries are found through ledger_current_issuer.
                CREATE TABLE ledger_counterparty (key TEXT PRIMARY KEY) WITHOUT ROWID;

                CREATE TABLE ledger_void (
                    entry_id INTEGER PRIMARY KEY REFERENCES ledger_entry(id),
                    at TEXT NOT NULL,
                    by TEXT NOT NULL,
                    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0)
                );

                CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry
                    BEGIN SELECT RAISE(ABORT, 'ledger entries are corrected by new versions, never updated'); END;
                CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry
                    BEGIN SELECT RAISE(ABORT, 'ledger entries are voided, never deleted'); END;
                CREATE TRIGGER ledger_version_no_delete BEFORE DELETE ON ledger_version
                    BEGIN SELECT RAISE(ABORT, 'ledger versions are never deleted'); END;
                CREATE TRIGGER ledger_version_values_fixed BEFORE UPDATE OF entry_id, version, at, by, note, forced,
                    \(values.joined(separator: ", ")), issuer_key ON ledger_version
                    BEGIN SELECT RAISE(ABORT, 'a ledger version never changes; append a new one'); END;
                CREATE TRIGGER ledger_version_only_retired BEFORE UPDATE OF current ON ledger_version
                    WHEN NOT (OLD.current = 1 AND NEW.current = 0)
                    BEGIN SELECT RAISE(ABORT, 'only the current version can be superseded'); END;
                CREATE TRIGGER ledger_void_no_update BEFORE UPDATE ON ledger_void
                    BEGIN SELECT RAISE(ABORT, 'a void is never changed'); END;
                CREATE TRIGGER ledger_void_no_delete BEFORE DELETE ON ledger_void
                    BEGIN SELECT RAISE(ABORT, 'a void is never undone'); END;
                """)
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, posted_at, posted_by, \(values.joined(separator: ", ")) FROM ledger_entry ORDER BY id
                """)
            for row in rows {
                var entry = LedgerValues(
                    issuerName: row[3], registrationNumber: row[4], invoiceNumber: row[5], issueDate: row[6],
                    dueDate: row[7], recipientName: row[8], totalAmount: row[9])
                entry.taxAmount = row[10]
                entry.taxable10 = row[11]
                entry.tax10 = row[12]
                entry.taxable8 = row[13]
                entry.tax8 = row[14]
                try LedgerVersion(entryID: row[0], version: 1, at: row[1], by: row[2], note: nil, forced: false,
                                  values: entry).insert(db)
            }
        }
    }
}
