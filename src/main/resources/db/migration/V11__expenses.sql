-- the markup a project puts on re-invoiced expenses, unless an expense says otherwise
alter table project add column expense_markup_percent numeric(5, 2) not null default 0;

-- expense categories; finance adds its own
create table expense_category (
    code    varchar(40)  primary key,
    name    varchar(100) not null,
    mileage boolean      not null,
    active  boolean      not null
);
insert into expense_category (code, name, mileage, active) values
    ('TRAVEL', 'Travel', false, true),
    ('MILEAGE', 'Mileage', true, true),
    ('SOFTWARE', 'Software', false, true),
    ('SUBCONTRACTOR', 'Subcontractor', false, true),
    ('OTHER', 'Other', false, true);

-- receipts live apart from the expense rows (never loaded with them); removed with their expense
create table expense_receipt (
    id           uuid          primary key,
    content_type varchar(40)   not null,
    filename     varchar(255)  not null,
    size_bytes   integer       not null,
    sha256       varchar(64)   not null,
    content      bytea         not null,
    created_at   timestamptz   not null
);

create table expense (
    id              uuid           primary key,
    person_id       uuid           not null references person (id),
    project_id      uuid           not null references project (id),
    expense_date    date           not null,
    category_code   varchar(40)    not null references expense_category (code),
    vendor          varchar(200)   not null,
    description     varchar(2000)  not null,
    amount          numeric(14, 2) not null check (amount > 0),
    currency        varchar(3)     not null,
    exchange_rate   numeric(18, 8) not null check (exchange_rate > 0),
    project_amount  numeric(14, 2) not null check (project_amount > 0),
    distance        numeric(10, 2),
    billable        boolean        not null,
    markup_percent  numeric(5, 2)  not null,
    status          varchar(16)    not null,
    origin          varchar(8)     not null,
    receipt_id      uuid           references expense_receipt (id),
    decided_by      varchar(100),
    decision_comment varchar(2000),
    external_id     varchar(64),
    created_at      timestamptz    not null,
    updated_at      timestamptz    not null,
    version         bigint         not null
);
create index expense_person_idx on expense (person_id, expense_date);
create index expense_project_status_idx on expense (project_id, status);
create unique index expense_external_id_uq on expense (external_id) where external_id is not null;
