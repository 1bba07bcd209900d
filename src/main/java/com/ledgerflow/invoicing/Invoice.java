package com.ledgerflow.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import com.ledgerflow.shared.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * What a client is billed for one project and period. Totals follow the lines: subtotal = sum of the line amounts,
 * tax = subtotal × the client's tax rate / 100 rounded half-up to the cent, total = subtotal + tax. A draft's lines
 * may change (write-offs, discounts); approval fixes them and gives the invoice its number.
 */
@Entity
@Table(name = "invoice")
public class Invoice extends AbstractAggregateRoot<Invoice> {

	private static final SecureRandom RANDOM = new SecureRandom();
	/** Camunda keeps a string variable in a 4,000-character column; the summary is one. */
	public static final int SUMMARY_MAX_CHARS = 4_000;

	@Id
	private UUID id;

	private UUID projectId;

	private UUID clientId;

	private LocalDate periodStart;

	private LocalDate periodEnd;

	private String currency;

	@Enumerated(EnumType.STRING)
	private InvoiceStatus status;

	private @Nullable String number;

	private LocalDate issueDate;

	private LocalDate dueDate;

	private int paymentTermsDays;

	private BigDecimal taxRate;

	private BigDecimal subtotal;

	private BigDecimal tax;

	private BigDecimal total;

	private Instant createdAt;

	private @Nullable Instant approvedAt;

	private String publicToken;

	private @Nullable String paymentLink;

	// null until stored: Spring Data's save then persists a new draft instead of merging it, which would select
	// every line by its id before inserting it
	@Version
	private @Nullable Long version;

	// a line never moves to another invoice: inserted with its invoice id, never updated to set it
	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "invoice_id", nullable = false, updatable = false)
	@OrderBy("position")
	private List<InvoiceLine> lines = new ArrayList<>();

	protected Invoice() {
		this.id = UUID.randomUUID();
		this.projectId = this.id;
		this.clientId = this.id;
		this.periodStart = LocalDate.EPOCH;
		this.periodEnd = LocalDate.EPOCH;
		this.currency = "";
		this.status = InvoiceStatus.DRAFT;
		this.issueDate = LocalDate.EPOCH;
		this.dueDate = LocalDate.EPOCH;
		this.taxRate = BigDecimal.ZERO;
		this.subtotal = BigDecimal.ZERO.setScale(2);
		this.tax = BigDecimal.ZERO.setScale(2);
		this.total = BigDecimal.ZERO.setScale(2);
		this.createdAt = Instant.EPOCH;
		this.publicToken = newToken();
	}

	/** The terms the client is billed on, copied onto the invoice when it is drafted. */
	record Terms(UUID clientId, String currency, BigDecimal taxRate, int paymentTermsDays) {
	}

	Invoice(UUID id, UUID projectId, BillingPeriod period, Terms terms, List<InvoiceLine> lines, LocalDate today,
			Instant now) {
		this();
		this.id = id;
		this.projectId = projectId;
		this.clientId = terms.clientId();
		this.periodStart = period.start();
		this.periodEnd = period.end();
		this.currency = terms.currency();
		this.taxRate = terms.taxRate();
		this.paymentTermsDays = terms.paymentTermsDays();
		this.createdAt = now;
		dated(today);
		this.lines.addAll(lines);
		recompute();
		registerEvent(new InvoiceDrafted(id, projectId, clientId, total));
	}

	/** Replaces the time lines (after a write-off); the other lines stay, time first. */
	void replaceTimeLines(List<InvoiceLine> timeLines) {
		ensureDraft();
		List<InvoiceLine> others = lines.stream().filter(line -> line.kind() != InvoiceLineKind.TIME).toList();
		lines.clear();
		lines.addAll(timeLines);
		lines.addAll(others);
		recompute();
	}

	/** Adds a discount of {@code amount} (positive, two places at most) that the subtotal must cover. */
	InvoiceLine addDiscount(String description, BigDecimal amount) {
		ensureDraft();
		if (amount.compareTo(subtotal) > 0) {
			throw new InvoiceChangeRefused("A discount of " + amount + " exceeds the subtotal " + subtotal);
		}
		InvoiceLine discount = InvoiceLine.discount(description, amount);
		lines.add(discount);
		recompute();
		return discount;
	}

	/**
	 * Rewords the draft's line at {@code position} (1-based, as listed). A later write-off regroups the time lines,
	 * which then read as drafted again.
	 * @throws NotFound naming {@code position} when the invoice has no such line
	 */
	void describeLine(int position, String description) {
		ensureDraft();
		lines.stream()
			.filter(line -> line.position() == position)
			.findFirst()
			.orElseThrow(() -> new NotFound("Invoice line", id + " #" + position, "position"))
			.describe(description);
	}

	/** DRAFT → APPROVED with its number; issued today, due after the client's payment terms. */
	void approve(String number, LocalDate today, Instant now) {
		ensureApprovable();
		this.number = number;
		this.status = InvoiceStatus.APPROVED;
		this.approvedAt = now;
		dated(today);
		registerEvent(new InvoiceApproved(id, number, total));
	}

	/** DRAFT → REJECTED; the caller releases its items. */
	void reject() {
		ensureDraft();
		this.status = InvoiceStatus.REJECTED;
	}

	/** APPROVED → POSTED (booked in accounting); idempotent. */
	void posted() {
		move(InvoiceStatus.APPROVED, InvoiceStatus.POSTED);
	}

	/** The link where the client pays, kept when the invoice is posted; the first one stays. */
	void payableAt(URI link) {
		if (paymentLink == null) {
			this.paymentLink = link.toString();
		}
	}

	/** POSTED → SENT (e-mailed to the client); idempotent, and a PAID invoice (paid before it went out) stays PAID. */
	void sent() {
		if (status == InvoiceStatus.PAID) {
			return;
		}
		move(InvoiceStatus.POSTED, InvoiceStatus.SENT);
	}

	/** Whether payments may be recorded against it: it is POSTED (in accounting) or SENT. */
	public boolean acceptsPayments() {
		return status == InvoiceStatus.POSTED || status == InvoiceStatus.SENT;
	}

	/** POSTED or SENT → PAID (its payments cover the total); idempotent. */
	void paid() {
		if (status == InvoiceStatus.PAID) {
			return;
		}
		if (!acceptsPayments()) {
			throw new InvoiceChangeRefused("Invoice " + id + " is " + status + "; only a posted or sent invoice is paid");
		}
		this.status = InvoiceStatus.PAID;
	}

	/** APPROVED, POSTED or SENT → VOIDED; the number stays taken. Idempotent. A PAID invoice is not voided. */
	void voided() {
		if (status == InvoiceStatus.VOIDED) {
			return;
		}
		if (status == InvoiceStatus.PAID) {
			throw new InvoiceChangeRefused("Invoice " + id + " is PAID; a paid invoice is not voided");
		}
		if (status == InvoiceStatus.DRAFT || status == InvoiceStatus.REJECTED) {
			throw new InvoiceChangeRefused("Invoice " + id + " is " + status + "; only an approved invoice can be voided");
		}
		this.status = InvoiceStatus.VOIDED;
	}

	private void move(InvoiceStatus from, InvoiceStatus to) {
		if (status == to) {
			return;
		}
		if (status != from) {
			throw new InvoiceChangeRefused("Invoice " + id + " is " + status + ", not " + from);
		}
		this.status = to;
	}

	/** A draft with at least one line and a total not below zero (everything written off: reject it instead). */
	void ensureApprovable() {
		ensureDraft();
		if (lines.isEmpty() || total.signum() < 0) {
			throw new InvoiceChangeRefused("Invoice " + id + " has " + (lines.isEmpty() ? "no lines" : "a negative total")
					+ "; reject it instead");
		}
	}

	void ensureDraft() {
		if (status != InvoiceStatus.DRAFT) {
			throw new InvoiceNotDraft(id, status);
		}
	}

	// 256 random bits: the client-facing page's address must not be guessable from anything else
	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private void dated(LocalDate today) {
		this.issueDate = today;
		this.dueDate = today.plusDays(paymentTermsDays);
	}

	private void recompute() {
		for (int i = 0; i < lines.size(); i++) {
			lines.get(i).placeAt(i + 1);
		}
		this.subtotal = lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		this.tax = taxOn(subtotal, taxRate);
		this.total = subtotal.add(tax);
	}

	/**
	 * The lines and totals as plain text, one line each, for a reviewer (e.g. the Tasklist form); at most
	 * {@link #SUMMARY_MAX_CHARS}: the lines that do not fit are counted ("… 37 more lines"), the totals always shown.
	 */
	public String summary() {
		String totals = "Subtotal " + subtotal + ", tax " + taxRate.stripTrailingZeros().toPlainString() + " % " + tax
				+ ", total " + total + " " + currency;
		StringBuilder text = new StringBuilder("Period " + periodStart + " to " + periodEnd + "\n");
		for (int i = 0; i < lines.size(); i++) {
			String line = summaryLine(lines.get(i));
			// room for this line, the totals and the "more lines" note a later line may need
			if (text.length() + line.length() + totals.length() + 60 > SUMMARY_MAX_CHARS) {
				text.append("… ").append(lines.size() - i).append(" more lines: open the invoice for all\n");
				break;
			}
			text.append(line);
		}
		return text.append(totals).toString();
	}

	private static String summaryLine(InvoiceLine line) {
		StringBuilder text = new StringBuilder();
		text.append(line.position()).append(". ").append(line.kind()).append(": ").append(line.description());
		if (line.kind() == InvoiceLineKind.TIME) {
			text.append(" (").append(line.quantity().setScale(2, RoundingMode.HALF_UP)).append(" h × ")
				.append(line.unitPrice()).append(')');
		}
		return text.append(" = ").append(line.amount()).append('\n').toString();
	}

	/** {@code subtotal × ratePercent / 100}, half-up to the cent (e.g. 8.875 % of 1,000.00 is 88.75). */
	public static BigDecimal taxOn(BigDecimal subtotal, BigDecimal ratePercent) {
		return subtotal.multiply(ratePercent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
	}

	public UUID id() {
		return id;
	}

	public UUID projectId() {
		return projectId;
	}

	public UUID clientId() {
		return clientId;
	}

	public BillingPeriod period() {
		return new BillingPeriod(periodStart, periodEnd);
	}

	/** ISO 4217 code, the client's currency. */
	public String currency() {
		return currency;
	}

	public InvoiceStatus status() {
		return status;
	}

	/** The invoice number; {@code null} until approved. */
	public @Nullable String number() {
		return number;
	}

	/** The date the invoice is issued: the drafting day for a draft, the approval day once approved. */
	public LocalDate issueDate() {
		return issueDate;
	}

	public LocalDate dueDate() {
		return dueDate;
	}

	/** Percent, three places, copied from the client when drafted. */
	public BigDecimal taxRate() {
		return taxRate;
	}

	public BigDecimal subtotal() {
		return subtotal;
	}

	public BigDecimal tax() {
		return tax;
	}

	public BigDecimal total() {
		return total;
	}

	public List<InvoiceLine> lines() {
		return List.copyOf(lines);
	}

	public Instant createdAt() {
		return createdAt;
	}

	public @Nullable Instant approvedAt() {
		return approvedAt;
	}

	/** The unguessable token of the client-facing page ({@code /invoices/view/{token}}). */
	public String publicToken() {
		return publicToken;
	}

	/** Whether the client may see the invoice: approved or later (not a draft, not rejected). */
	public boolean isIssued() {
		return status != InvoiceStatus.DRAFT && status != InvoiceStatus.REJECTED;
	}

	/**
	 * Where the client pays: QBO's {@code InvoiceLink}, or the client-facing page when the accounting system offers
	 * none; {@code null} until posted.
	 */
	public @Nullable URI paymentLink() {
		return paymentLink == null ? null : URI.create(paymentLink);
	}

	/** Days from issue to due date, copied from the client when drafted. */
	int paymentTermsDays() {
		return paymentTermsDays;
	}

	public long version() {
		return version == null ? 0 : version;
	}

}
