// Layout templates and the generic extractor (issue 5) live in this target.
