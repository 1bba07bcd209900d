package com.ledgerflow.payment.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.ledgerflow.accounting.PaymentSyncState;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.invoicing.InvoiceStatus;
import com.ledgerflow.payment.ClientCredit;
import com.ledgerflow.payment.ClientCreditEntry;
import com.ledgerflow.payment.ClientCredits;
import com.ledgerflow.payment.InvoiceBalance;
import com.ledgerflow.payment.NewPayment;
import com.ledgerflow.payment.Payment;
import com.ledgerflow.payment.PaymentBooking;
import com.ledgerflow.payment.PaymentMethod;
import com.ledgerflow.payment.PaymentOrigin;
import com.ledgerflow.payment.PaymentService;
import com.ledgerflow.payment.RecordedPayment;
import com.ledgerflow.shared.NotFound;
import com.ledgerflow.shared.StateConflict;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Payments over REST: recording one against an invoice (finance and administrators), an invoice's payments with its
 * open balance and each one's accounting state, pushing a payment whose booking failed again (finance and
 * administrators), a client's credit.
 */
@RestController
class PaymentController {

	private static final Logger log = LoggerFactory.getLogger(PaymentController.class);

	private final PaymentService payments;

	private final ClientCredits credits;

	private final ClientService clients;

	private final PaymentAccounting accounting;

	private final PaymentBooking booking;

	PaymentController(PaymentService payments, ClientCredits credits, ClientService clients,
			PaymentAccounting accounting, PaymentBooking booking) {
		this.payments = payments;
		this.credits = credits;
		this.clients = clients;
		this.accounting = accounting;
		this.booking = booking;
	}

	record PaymentRequest(
			@NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 2) BigDecimal amount,
			@Nullable @Pattern(regexp = "[A-Za-z]{3}", message = "must be a three-letter ISO 4217 code") String currency,
			@Nullable LocalDate date, @NotNull PaymentMethod method, @Nullable @Size(max = 200) String reference) {
	}

	record PaymentView(UUID id, UUID invoiceId, UUID clientId, BigDecimal amount, BigDecimal appliedAmount,
			BigDecimal creditAmount, String currency, LocalDate date, PaymentMethod method, @Nullable String reference,
			PaymentOrigin origin, @Nullable String externalId, Instant recordedAt, String recordedBy,
			PaymentAccounting.State accounting) {

		static PaymentView of(Payment p, PaymentAccounting.State accounting) {
			return new PaymentView(p.id(), p.invoiceId(), p.clientId(), p.amount(), p.appliedAmount(),
					p.creditAmount(), p.currency(), p.date(), p.method(), p.reference(), p.origin(), p.externalId(),
					p.recordedAt(), p.recordedBy(), accounting);
		}

	}

	record RecordedView(PaymentView payment, BigDecimal openBalance, boolean paidInFull) {
	}

	record CreditView(String currency, BigDecimal amount) {

		static List<CreditView> of(List<ClientCredit> credits) {
			return credits.stream().map(c -> new CreditView(c.currency(), c.amount())).toList();
		}

	}

	record InvoicePaymentsView(UUID invoiceId, @Nullable String number, InvoiceStatus status, String currency,
			BigDecimal total, BigDecimal paid, BigDecimal openBalance, boolean paidInFull, List<PaymentView> payments,
			UUID clientId, List<CreditView> clientCredit) {
	}

	record ClientCreditView(UUID clientId, String clientName, List<CreditView> credit,
			List<ClientCreditEntry> entries) {
	}

	/** Records a payment (origin {@code API}): 201 with it and the invoice's open balance after it. */
	@PostMapping("/api/v1/invoices/{id}/payments")
	ResponseEntity<RecordedView> record(@PathVariable UUID id, @Valid @RequestBody PaymentRequest request,
			Authentication caller) {
		RecordedPayment recorded = payments.record(new NewPayment(id, request.amount(), request.currency(),
				request.date(), request.method(), request.reference(), PaymentOrigin.API, null, caller.getName()));
		return ResponseEntity.created(URI.create("/api/v1/invoices/" + id + "/payments"))
			.body(new RecordedView(PaymentView.of(recorded.payment(), accounting.of(recorded.payment())),
					recorded.openBalance(), recorded.paidInFull()));
	}

	/** The invoice's payments, oldest first, with what it still owes and its client's credit. */
	@GetMapping("/api/v1/invoices/{id}/payments")
	InvoicePaymentsView list(@PathVariable UUID id) {
		InvoiceBalance balance = payments.balance(id);
		var invoice = balance.invoice();
		List<Payment> recorded = payments.of(id);
		Map<UUID, PaymentAccounting.State> states = accounting.of(recorded);
		return new InvoicePaymentsView(id, invoice.number(), invoice.status(), invoice.currency(), invoice.total(),
				balance.paid(), balance.openBalance(), balance.paidInFull(),
				recorded.stream().map(p -> PaymentView.of(p, states.get(p.id()))).toList(), invoice.clientId(),
				CreditView.of(credits.of(invoice.clientId())));
	}

	/**
	 * Pushes a payment whose booking in accounting failed again (a booked one is answered as it is, nothing sent):
	 * 200 with its accounting state after the try, {@code PUSHED} or {@code FAILED} with the refusal; 409 for a
	 * payment from accounting or one whose booking has not failed; 503 when accounting cannot be reached.
	 */
	@PostMapping("/api/v1/payments/{id}/accounting/retry")
	PaymentAccounting.State retryBooking(@PathVariable UUID id) {
		PaymentSyncState state;
		try {
			state = booking.bookAgain(id);
		}
		catch (StateConflict | NotFound ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// technical: recorded on the payment's link, and its event is delivered again by itself
			log.warn("Pushing payment {} again failed", id, ex);
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"The accounting system could not be reached: " + ex.getMessage(), ex);
		}
		return PaymentAccounting.State.of(state);
	}

	/** The client's credit per currency (overpayments so far) with its entries. */
	@GetMapping("/api/v1/clients/{id}/credit")
	ClientCreditView credit(@PathVariable UUID id) {
		String name = clients.get(id).name();
		return new ClientCreditView(id, name, CreditView.of(credits.of(id)), credits.entries(id));
	}

}
