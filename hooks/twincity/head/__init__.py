"""Head and page info: canonical and alternates, schema.org, last updated, report and cite lines, accessible names."""
