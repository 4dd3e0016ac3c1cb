// The registry of qualified-invoice issuers (issue 4) lives in this target.
