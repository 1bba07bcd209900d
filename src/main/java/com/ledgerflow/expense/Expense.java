package com.ledgerflow.expense;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.ledgerflow.shared.StateConflict;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A cost one person paid for one project. Amounts are exact to the cent: {@code amount} in {@code currency},
 * {@code projectAmount} in the project's currency (amount × exchange rate, half up). Editable while
 * {@link ExpenseStatus#editable()}.
 */
@Entity
@Table(name = "expense")
public class Expense {

	@Id
	private UUID id;

	private UUID personId;

	private UUID projectId;

	@Column(name = "expense_date")
	private LocalDate date;

	private String categoryCode;

	private String vendor;

	private String description;

	private BigDecimal amount;

	private String currency;

	private BigDecimal exchangeRate;

	private BigDecimal projectAmount;

	private @Nullable BigDecimal distance;

	private boolean billable;

	private BigDecimal markupPercent;

	@Enumerated(EnumType.STRING)
	private ExpenseStatus status;

	@Enumerated(EnumType.STRING)
	private ExpenseOrigin origin;

	private @Nullable UUID receiptId;

	private @Nullable String decidedBy;

	private @Nullable String decisionComment;

	private @Nullable String externalId;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Expense() {
		this.id = UUID.randomUUID();
		this.personId = this.id;
		this.projectId = this.id;
		this.date = LocalDate.EPOCH;
		this.categoryCode = "";
		this.vendor = "";
		this.description = "";
		this.amount = BigDecimal.ZERO;
		this.currency = "";
		this.exchangeRate = BigDecimal.ONE;
		this.projectAmount = BigDecimal.ZERO;
		this.markupPercent = BigDecimal.ZERO;
		this.status = ExpenseStatus.DRAFT;
		this.origin = ExpenseOrigin.WEB;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	/** Validated, resolved content of an expense. */
	record Spent(UUID personId, UUID projectId, LocalDate date, String category, String vendor, String description,
			BigDecimal amount, String currency, BigDecimal exchangeRate, BigDecimal projectAmount,
			@Nullable BigDecimal distance, boolean billable, BigDecimal markupPercent) {
	}

	Expense(Spent spent, ExpenseOrigin origin, @Nullable String externalId, Instant now) {
		this();
		this.origin = origin;
		this.externalId = externalId;
		this.createdAt = now;
		apply(spent, now);
	}

	void change(Spent spent, Instant now) {
		ensureEditable();
		apply(spent, now);
	}

	private void apply(Spent spent, Instant now) {
		this.personId = spent.personId();
		this.projectId = spent.projectId();
		this.date = spent.date();
		this.categoryCode = spent.category();
		this.vendor = spent.vendor();
		this.description = spent.description();
		this.amount = spent.amount();
		this.currency = spent.currency();
		this.exchangeRate = spent.exchangeRate();
		this.projectAmount = spent.projectAmount();
		this.distance = spent.distance();
		this.billable = spent.billable();
		this.markupPercent = spent.markupPercent();
		this.updatedAt = now;
	}

	void attachReceipt(UUID receiptId, Instant now) {
		ensureEditable();
		this.receiptId = receiptId;
		this.updatedAt = now;
	}

	void ensureEditable() {
		if (!status.editable()) {
			throw new StateConflict("Expense " + id + " is " + status + " and can no longer be changed");
		}
	}

	void submit(Instant now) {
		ensureEditable();
		this.status = ExpenseStatus.SUBMITTED;
		this.decisionComment = null;
		this.updatedAt = now;
	}

	void approve(String by, Instant now) {
		ensureSubmitted();
		this.status = ExpenseStatus.APPROVED;
		this.decidedBy = by;
		this.updatedAt = now;
	}

	void reject(String by, String comment, Instant now) {
		ensureSubmitted();
		this.status = ExpenseStatus.REJECTED;
		this.decidedBy = by;
		this.decisionComment = comment;
		this.updatedAt = now;
	}

	private void ensureSubmitted() {
		if (status != ExpenseStatus.SUBMITTED) {
			throw new StateConflict("Expense " + id + " is " + status + ", not waiting for approval");
		}
	}

	void invoiced(Instant now) {
		if (status != ExpenseStatus.APPROVED || !billable) {
			throw new StateConflict("Expense " + id + " is " + status + (billable ? "" : " and not billable")
					+ "; only approved billable expenses can be invoiced");
		}
		this.status = ExpenseStatus.INVOICED;
		this.updatedAt = now;
	}

	void released(Instant now) {
		if (status != ExpenseStatus.INVOICED) {
			throw new StateConflict("Expense " + id + " is " + status + ", not invoiced");
		}
		this.status = ExpenseStatus.APPROVED;
		this.updatedAt = now;
	}

	/** What the client is billed: the project amount plus the markup, half up to the cent. */
	public BigDecimal billableAmount() {
		return projectAmount.add(projectAmount.multiply(markupPercent).divide(BigDecimal.valueOf(100), 2,
				RoundingMode.HALF_UP));
	}

	public UUID id() {
		return id;
	}

	public UUID personId() {
		return personId;
	}

	public UUID projectId() {
		return projectId;
	}

	public LocalDate date() {
		return date;
	}

	public String category() {
		return categoryCode;
	}

	public String vendor() {
		return vendor;
	}

	public String description() {
		return description;
	}

	public BigDecimal amount() {
		return amount;
	}

	public String currency() {
		return currency;
	}

	public BigDecimal exchangeRate() {
		return exchangeRate;
	}

	public BigDecimal projectAmount() {
		return projectAmount;
	}

	public @Nullable BigDecimal distance() {
		return distance;
	}

	public boolean billable() {
		return billable;
	}

	public BigDecimal markupPercent() {
		return markupPercent;
	}

	public ExpenseStatus status() {
		return status;
	}

	public ExpenseOrigin origin() {
		return origin;
	}

	public @Nullable UUID receiptId() {
		return receiptId;
	}

	public boolean hasReceipt() {
		return receiptId != null;
	}

	public @Nullable String decidedBy() {
		return decidedBy;
	}

	public @Nullable String decisionComment() {
		return decisionComment;
	}

	public @Nullable String externalId() {
		return externalId;
	}

	public long version() {
		return version;
	}

}
