package com.ledgerflow.invoicing.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.invoicing.BilledItem;
import com.ledgerflow.invoicing.BillingPeriod;
import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceDrafting;
import com.ledgerflow.invoicing.InvoiceLine;
import com.ledgerflow.invoicing.InvoiceLineKind;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.invoicing.InvoiceVoiding;
import com.ledgerflow.invoicing.InvoiceStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Invoices: list, detail with lines and totals, and drafting one by hand (the billing run drafts the rest). */
@RestController
@RequestMapping("/api/v1/invoices")
class InvoiceController {

	private final InvoiceService invoices;

	private final InvoiceDrafting drafting;

	private final InvoiceVoiding voiding;

	InvoiceController(InvoiceService invoices, InvoiceDrafting drafting, InvoiceVoiding voiding) {
		this.invoices = invoices;
		this.drafting = drafting;
		this.voiding = voiding;
	}

	record LineView(int position, InvoiceLineKind kind, String description, BigDecimal quantity, BigDecimal unitPrice,
			BigDecimal amount, @Nullable Integer billedMinutes, @Nullable Integer actualMinutes) {

		static LineView of(InvoiceLine l) {
			return new LineView(l.position(), l.kind(), l.description(), l.quantity().stripTrailingZeros(),
					l.unitPrice(), l.amount(), l.billedMinutes(), l.actualMinutes());
		}

	}

	record InvoiceView(UUID id, UUID projectId, UUID clientId, LocalDate periodStart, LocalDate periodEnd,
			String currency, InvoiceStatus status, @Nullable String number, LocalDate issueDate, LocalDate dueDate,
			BigDecimal taxRate, BigDecimal subtotal, BigDecimal tax, BigDecimal total, Instant createdAt,
			@Nullable List<LineView> lines, @Nullable List<BilledItem> items, long version) {

		static InvoiceView of(Invoice i) {
			return of(i, null);
		}

		/** With lines and billed items ({@code items} given), or the summary for lists. */
		static InvoiceView of(Invoice i, @Nullable List<BilledItem> items) {
			return new InvoiceView(i.id(), i.projectId(), i.clientId(), i.period().start(), i.period().end(),
					i.currency(), i.status(), i.number(), i.issueDate(), i.dueDate(), i.taxRate(), i.subtotal(), i.tax(),
					i.total(), i.createdAt(), items == null ? null : i.lines().stream().map(LineView::of).toList(), items,
					i.version());
		}

	}

	@GetMapping
	List<InvoiceView> list(@RequestParam(required = false) @Nullable UUID clientId,
			@RequestParam(required = false) @Nullable UUID projectId,
			@RequestParam(required = false) @Nullable InvoiceStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate periodFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate periodTo) {
		return invoices.list(clientId, projectId, status, periodFrom, periodTo)
			.stream()
			.map(InvoiceView::of)
			.toList();
	}

	@GetMapping("/{id}")
	InvoiceView get(@PathVariable UUID id) {
		Invoice invoice = invoices.get(id);
		return InvoiceView.of(invoice, invoices.items(invoice));
	}

	record DraftRequest(@NotNull UUID projectId, @NotNull LocalDate periodStart, @NotNull LocalDate periodEnd) {
	}

	/** Drafts the project's invoice for the period: 201 with it, or 204 when there is nothing to bill. */
	@PostMapping("/drafts")
	ResponseEntity<InvoiceView> draft(@Valid @RequestBody DraftRequest request) {
		return drafting.draft(request.projectId(), new BillingPeriod(request.periodStart(), request.periodEnd()))
			.map(invoice -> ResponseEntity.created(URI.create("/api/v1/invoices/" + invoice.id()))
				.body(InvoiceView.of(invoice, invoices.items(invoice))))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	record WriteOffRequest(@NotNull UUID timeEntryId, @NotBlank @Size(max = 500) String reason) {
	}

	/** Writes one time entry of a draft off, with the reason; its line is recomputed without it (review). */
	@PostMapping("/{id}/write-offs")
	InvoiceView writeOff(@PathVariable UUID id, @Valid @RequestBody WriteOffRequest request) {
		Invoice invoice = invoices.writeOffTime(id, request.timeEntryId(), request.reason().strip());
		return InvoiceView.of(invoice, invoices.items(invoice));
	}

	record DiscountRequest(@NotBlank @Size(max = 200) String description,
			@NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 2) BigDecimal amount) {
	}

	/** Adds a discount line (positive amount, at most the subtotal) to a draft (review). */
	@PostMapping("/{id}/discounts")
	InvoiceView discount(@PathVariable UUID id, @Valid @RequestBody DiscountRequest request) {
		Invoice invoice = invoices.addDiscount(id, request.description().strip(), request.amount());
		return InvoiceView.of(invoice, invoices.items(invoice));
	}

	record DescriptionRequest(@NotBlank @Size(max = 2000) String description) {
	}

	/** Rewords one line of a draft (review); {@code position} as listed, from 1. */
	@PutMapping("/{id}/lines/{position}/description")
	InvoiceView describe(@PathVariable UUID id, @PathVariable int position,
			@Valid @RequestBody DescriptionRequest request) {
		Invoice invoice = invoices.describeLine(id, position, request.description().strip());
		return InvoiceView.of(invoice, invoices.items(invoice));
	}

	record VoidRequest(boolean releaseItems) {
	}

	/**
	 * Voids an approved, posted or sent invoice (finance), in accounting too; its number stays taken. What it billed
	 * is billable again only with {@code releaseItems}. Ends its process.
	 */
	@PostMapping("/{id}/void")
	InvoiceView voidInvoice(@PathVariable UUID id, @Valid @RequestBody VoidRequest request) {
		Invoice voided = voiding.voidInvoice(id, request.releaseItems());
		return InvoiceView.of(voided, invoices.items(voided));
	}

}
