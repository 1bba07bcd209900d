package com.ledgerflow.invoicing;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code invoice_item} table: which invoice bills which item. The primary key (item type, item id) is the claim;
 * a claim is one {@code insert … on conflict do nothing} that returns what this invoice got. A concurrent draft of the
 * same item waits for the first to commit and then gets nothing (or, if the first rolls back, the item) — no
 * check-then-act. Called inside the caller's transaction.
 */
@Component
class InvoiceClaims {

	private static final String CLAIM = """
			insert into invoice_item (item_type, item_id, invoice_id)
			select ?, item_id, ? from unnest(?) as item_id order by item_id
			on conflict (item_type, item_id) do nothing
			returning item_id""";

	private final JdbcTemplate jdbc;

	InvoiceClaims(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Claims the items for the invoice; returns those it got (the others are on another invoice). */
	List<UUID> claim(UUID invoiceId, InvoiceItemType type, Collection<UUID> itemIds) {
		if (itemIds.isEmpty()) {
			return List.of();
		}
		return jdbc.query(connection -> {
			PreparedStatement insert = connection.prepareStatement(CLAIM);
			Array ids = connection.createArrayOf("uuid", itemIds.stream().sorted().toArray());
			insert.setString(1, type.name());
			insert.setObject(2, invoiceId);
			insert.setArray(3, ids);
			return insert;
		}, (row, i) -> row.getObject(1, UUID.class));
	}

	/** The items of the type the invoice bills (written-off ones left out). */
	List<UUID> billed(UUID invoiceId, InvoiceItemType type) {
		return jdbc.queryForList("""
				select item_id from invoice_item where invoice_id = ? and item_type = ? and written_off_reason is null
				order by item_id""", UUID.class, invoiceId, type.name());
	}

	/** Everything the invoice claimed, written-off items included, by type and id. */
	List<BilledItem> all(UUID invoiceId) {
		return jdbc.query("""
				select item_type, item_id, written_off_reason from invoice_item where invoice_id = ?
				order by item_type, item_id""", (row, i) -> new BilledItem(
				InvoiceItemType.valueOf(row.getString(1)), row.getObject(2, UUID.class), row.getString(3)), invoiceId);
	}

	/** Whether anything on the invoice was written off. */
	boolean anyWrittenOff(UUID invoiceId) {
		return Boolean.TRUE.equals(jdbc.queryForObject("""
				select exists (select 1 from invoice_item where invoice_id = ? and written_off_reason is not null)""",
				Boolean.class, invoiceId));
	}

	/** Notes the item as written off on the invoice (it stays claimed: never billed again); false if not on it. */
	boolean writeOff(UUID invoiceId, InvoiceItemType type, UUID itemId, String reason) {
		return jdbc.update("""
				update invoice_item set written_off_reason = ?
				where invoice_id = ? and item_type = ? and item_id = ? and written_off_reason is null""", reason,
				invoiceId, type.name(), itemId) == 1;
	}

	/** Gives up the invoice's claims on what it still bills, so the next draft can claim them. */
	void release(UUID invoiceId) {
		jdbc.update("delete from invoice_item where invoice_id = ? and written_off_reason is null", invoiceId);
	}

}
