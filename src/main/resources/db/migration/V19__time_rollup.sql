-- A maintained aggregate of time_entry for the reports (reporting module): sums per project, person, task, status,
-- billable flag and "piece" — the part of an ISO week inside one calendar month. Every Monday and every first of a
-- month starts a piece, so a range of whole weeks or whole months is a range of whole pieces; reports read those from
-- here and only the days at a range's ragged ends from time_entry.
--
-- Written without contention: a trigger on time_entry appends each change as a signed delta to time_rollup_change
-- (insert only: no row is locked, no deadlock with billing or approvals); reporting.TimeRollupFolder folds the
-- deltas into time_rollup every few seconds. Readers read both through the view time_facts, in one snapshot, so a
-- report is exact whether or not the latest changes were folded.

create function rollup_piece_start(day date) returns date language sql immutable parallel safe
    return greatest(day - (extract(isodow from day)::int - 1), day - (extract(day from day)::int - 1));

create function rollup_piece_end(day date) returns date language sql immutable parallel safe
    return least(day + (7 - extract(isodow from day)::int),
                 (day - (extract(day from day)::int - 1) + interval '1 month')::date - 1);

create table time_rollup (
    project_id  uuid           not null,
    person_id   uuid           not null,
    task_id     uuid,
    piece_start date           not null,
    piece_end   date           not null,
    iso_week    varchar(8)     not null,
    status      varchar(16)    not null,
    billable    boolean        not null,
    entries     bigint         not null,
    minutes     bigint         not null,
    -- Σ minutes × frozen rate (entries without a rate yet count 0); money = this / 60, rounded once by the report
    bill_x60    numeric(20, 2) not null,
    cost_x60    numeric(20, 2) not null,
    constraint time_rollup_key unique nulls not distinct
        (project_id, piece_start, person_id, task_id, status, billable)
);
create index time_rollup_piece_idx on time_rollup (piece_start);
-- pieces whose entries all moved elsewhere, removed after each fold
create index time_rollup_empty_idx on time_rollup (project_id) where entries = 0;

-- the same columns, without the key: each change is a row of its own
create table time_rollup_change (
    id bigint generated always as identity primary key,
    like time_rollup including defaults
);

create function time_rollup_capture() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into time_rollup_change (project_id, person_id, task_id, piece_start, piece_end, iso_week, status,
                                        billable, entries, minutes, bill_x60, cost_x60)
        values (old.project_id, old.person_id, old.task_id, rollup_piece_start(old.work_date),
                rollup_piece_end(old.work_date), old.iso_week, old.status, old.billable, -1, -old.minutes,
                -coalesce(old.minutes * old.bill_rate, 0), -coalesce(old.minutes * old.cost_rate, 0));
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into time_rollup_change (project_id, person_id, task_id, piece_start, piece_end, iso_week, status,
                                        billable, entries, minutes, bill_x60, cost_x60)
        values (new.project_id, new.person_id, new.task_id, rollup_piece_start(new.work_date),
                rollup_piece_end(new.work_date), new.iso_week, new.status, new.billable, 1, new.minutes,
                coalesce(new.minutes * new.bill_rate, 0), coalesce(new.minutes * new.cost_rate, 0));
    end if;
    return null;
end
$$;

create trigger time_rollup_insert_delete after insert or delete on time_entry
    for each row execute function time_rollup_capture();
-- notes, times of day, version and the like do not count
create trigger time_rollup_update after update on time_entry for each row
    when ((old.project_id, old.person_id, old.task_id, old.work_date, old.iso_week, old.status, old.billable,
           old.minutes, old.bill_rate, old.cost_rate)
          is distinct from (new.project_id, new.person_id, new.task_id, new.work_date, new.iso_week, new.status,
                            new.billable, new.minutes, new.bill_rate, new.cost_rate))
    execute function time_rollup_capture();

-- a folded row and a pending delta that cancel out are two rows here: every report groups what it reads and keeps
-- only groups with entries left (having sum(entries) <> 0), see reporting.TimeFacts
create view time_facts as
    select project_id, person_id, task_id, piece_start, piece_end, iso_week, status, billable, entries, minutes,
           bill_x60, cost_x60
    from time_rollup
    union all
    select project_id, person_id, task_id, piece_start, piece_end, iso_week, status, billable, entries, minutes,
           bill_x60, cost_x60
    from time_rollup_change;

insert into time_rollup (project_id, person_id, task_id, piece_start, piece_end, iso_week, status, billable, entries,
                         minutes, bill_x60, cost_x60)
select project_id, person_id, task_id, rollup_piece_start(work_date), rollup_piece_end(work_date), iso_week, status,
       billable, count(*), sum(minutes), sum(coalesce(minutes * bill_rate, 0)), sum(coalesce(minutes * cost_rate, 0))
from time_entry
group by project_id, person_id, task_id, rollup_piece_start(work_date), rollup_piece_end(work_date), iso_week, status,
         billable;
