-- The mail outbox: messages are written in the business transaction and delivered by OutboxDelivery afterwards
create table mail_outbox (
    id              uuid primary key,
    -- business fact behind the message; enqueue is "insert ... on conflict (dedupe_key) do nothing"
    dedupe_key      text                     not null,
    -- RFC 822 address list, as in the To header
    recipients      text                     not null,
    subject         text                     not null,
    text_body       text                     not null,
    html_body       text,
    status          text                     not null,
    attempts        integer                  not null,
    next_attempt_at timestamp with time zone not null,
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    last_error      text,
    -- the Message-ID header, derived from id: a resend after a crash is recognisable as the same message
    message_id      text                     not null,
    constraint mail_outbox_dedupe_key_uk unique (dedupe_key),
    constraint mail_outbox_status_ck check (status in ('PENDING', 'SENT', 'FAILED')),
    constraint mail_outbox_attempts_ck check (attempts >= 0)
);
-- the delivery poll: "where status = 'PENDING' and next_attempt_at <= now order by next_attempt_at"
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'PENDING';
-- the outbox page, newest first
create index mail_outbox_created_at_idx on mail_outbox (created_at);

create table mail_outbox_attachment (
    id           uuid primary key,
    message_id   uuid    not null references mail_outbox (id) on delete cascade,
    ordinal      integer not null,
    filename     text    not null,
    content_type text    not null,
    content      bytea   not null,
    constraint mail_outbox_attachment_ordinal_uk unique (message_id, ordinal)
);
