CREATE TABLE countries (iso2 CHAR(2) PRIMARY KEY, name TEXT NOT NULL, currency CHAR(3));
CREATE TABLE tax_rates (iso2 CHAR(2) REFERENCES countries (iso2), category TEXT, rate NUMERIC(5, 2), PRIMARY KEY (iso2, category));
