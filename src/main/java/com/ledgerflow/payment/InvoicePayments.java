package com.ledgerflow.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceHistorySource;
import com.ledgerflow.invoicing.InvoiceSettlements;
import com.ledgerflow.invoicing.InvoiceStatus;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Payments as the invoice pages show them: the open balance, and each payment in the invoice's history. */
@Component
class InvoicePayments implements InvoiceSettlements, InvoiceHistorySource {

	private final PaymentService payments;

	InvoicePayments(PaymentService payments) {
		this.payments = payments;
	}

	@Override
	@Transactional(readOnly = true)
	public BigDecimal openBalance(Invoice invoice) {
		if (invoice.status() == InvoiceStatus.VOIDED) {
			return BigDecimal.ZERO.setScale(2);
		}
		return payments.openBalance(invoice);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Entry> history(UUID invoiceId) {
		return payments.of(invoiceId).stream().map(InvoicePayments::entry).toList();
	}

	private static Entry entry(Payment payment) {
		StringBuilder text = new StringBuilder("Payment of ").append(payment.amount().toPlainString())
			.append(' ')
			.append(payment.currency())
			.append(" received ")
			.append(payment.date())
			.append(" (")
			.append(payment.method())
			.append(payment.reference() == null ? "" : ", " + payment.reference())
			.append(", recorded by ")
			.append(payment.recordedBy())
			.append(')');
		if (payment.creditAmount().signum() > 0) {
			text.append("; ").append(payment.creditAmount().toPlainString()).append(" of it is the client's credit");
		}
		return new Entry(payment.recordedAt(), text.toString());
	}

}
