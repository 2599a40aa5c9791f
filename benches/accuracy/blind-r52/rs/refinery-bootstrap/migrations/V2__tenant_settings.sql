CREATE TABLE tenant_settings (tenant TEXT PRIMARY KEY, default_country CHAR(2) REFERENCES countries (iso2));
