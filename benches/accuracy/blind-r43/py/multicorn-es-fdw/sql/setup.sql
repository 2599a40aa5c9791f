CREATE EXTENSION IF NOT EXISTS multicorn;

CREATE SERVER es_tickets FOREIGN DATA WRAPPER multicorn
    OPTIONS (wrapper 'es_fdw.TicketsFdw');

CREATE FOREIGN TABLE support.tickets (
    id          text,
    subject     text,
    status      text,
    customer_id bigint,
    created_at  timestamptz,
    body        text
) SERVER es_tickets OPTIONS (
    index       'tickets-*',
    write_index 'tickets-current',
    hosts       'https://es1.support.internal:9200,https://es2.support.internal:9200'
);
