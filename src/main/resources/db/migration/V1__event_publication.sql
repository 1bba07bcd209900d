-- Spring Modulith's event publication registry: events to after-commit listeners survive a crash and are retried
create table event_publication (
    id               uuid primary key,
    listener_id      text                     not null,
    event_type       text                     not null,
    serialized_event text                     not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
