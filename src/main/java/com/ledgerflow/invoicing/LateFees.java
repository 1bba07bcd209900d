package com.ledgerflow.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.shared.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Late fees on overdue invoices, each on a separate late-fee invoice so that the overdue invoice (its total, PDF and
 * accounting copy) never changes. The late-fee invoice is an ordinary DRAFT for the same project, client, currency,
 * payment terms and period, with one {@link InvoiceLineKind#LATE_FEE} line and no tax (a late fee is not a taxable
 * sale); its {@link InvoiceDrafted} starts its own invoice-to-cash, so the manager reviews it before it goes out.
 * One per invoice and dunning step: the fee is claimed in {@code invoice_item} as ({@code LATE_FEE}, a UUID named from
 * the invoice and the step), so a repeated or concurrent step drafts nothing twice.
 */
@Service
public class LateFees {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final InvoiceRepository invoices;

	private final InvoiceClaims claims;

	private final Clock clock;

	private final ZoneId zone;

	LateFees(InvoiceRepository invoices, InvoiceClaims claims, Clock clock,
			@Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.invoices = invoices;
		this.claims = claims;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * The late fee: {@code fixed + openBalance × percent / 100}, half-up to the cent; null parts count as 0. E.g. 25.00
	 * + 1.5 % of 326.63 = 25.00 + 4.89945 → 29.90.
	 */
	public static BigDecimal amount(@Nullable BigDecimal fixed, @Nullable BigDecimal percent, BigDecimal openBalance) {
		BigDecimal fee = fixed == null ? BigDecimal.ZERO : fixed;
		if (percent != null) {
			fee = fee.add(openBalance.multiply(percent).divide(HUNDRED));
		}
		return fee.setScale(2, RoundingMode.HALF_UP);
	}

	/** The id the late fee of {@code invoiceId} at {@code step} is claimed under (the same for every attempt). */
	public static UUID itemId(UUID invoiceId, String step) {
		return UUID.nameUUIDFromBytes(("late-fee:" + invoiceId + ":" + step).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Drafts the late-fee invoice of {@code amount} (positive, two places) for the overdue invoice at the dunning
	 * {@code step}, described as "Late fee on invoice {number} ({stepLabel})"; empty if that step's fee was drafted
	 * before (or is being drafted by a concurrent transaction that then commits). Publishes {@link InvoiceDrafted}.
	 */
	@Transactional
	public Optional<Invoice> draft(UUID invoiceId, String step, String stepLabel, BigDecimal amount) {
		if (amount.signum() <= 0 || amount.scale() > 2) {
			throw new IllegalArgumentException("A late fee is a positive amount in cents, not " + amount);
		}
		Invoice overdue = invoices.findById(invoiceId)
			.orElseThrow(() -> new NotFound("invoice", invoiceId));
		UUID feeInvoiceId = UUID.randomUUID();
		if (claims.claim(feeInvoiceId, InvoiceItemType.LATE_FEE, List.of(itemId(invoiceId, step))).isEmpty()) {
			return Optional.empty();
		}
		String number = Objects.requireNonNullElse(overdue.number(), overdue.id().toString());
		InvoiceLine line = InvoiceLine.single(InvoiceLineKind.LATE_FEE,
				"Late fee on invoice " + number + " (" + stepLabel + ")", amount);
		var terms = new Invoice.Terms(overdue.clientId(), overdue.currency(), BigDecimal.ZERO,
				overdue.paymentTermsDays());
		return Optional.of(invoices.save(new Invoice(feeInvoiceId, overdue.projectId(), overdue.period(), terms,
				List.of(line), LocalDate.now(clock.withZone(zone)), clock.instant())));
	}

}
