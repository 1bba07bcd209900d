-- The connected QuickBooks Online company: one row per realm, tokens encrypted at rest (AES-GCM, see QboTokenCipher)
create table qbo_connection (
    realm_id           text                     primary key,
    -- base64(iv || ciphertext || tag); never the plain token
    access_token       text                     not null,
    refresh_token      text                     not null,
    access_expires_at  timestamp with time zone not null,
    refresh_expires_at timestamp with time zone not null,
    -- CONNECTED, or RECONNECT_NEEDED once Intuit refused the refresh token
    status             text                     not null,
    connected_by       text                     not null,
    connected_at       timestamp with time zone not null,
    refreshed_at       timestamp with time zone,
    version            bigint                   not null,
    constraint qbo_connection_status_ck check (status in ('CONNECTED', 'RECONNECT_NEEDED'))
);
