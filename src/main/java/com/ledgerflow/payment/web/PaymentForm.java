package com.ledgerflow.payment.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import com.ledgerflow.payment.NewPayment;
import com.ledgerflow.payment.PaymentMethod;
import com.ledgerflow.payment.PaymentOrigin;
import com.ledgerflow.shared.InvalidField;
import org.jspecify.annotations.Nullable;

/** The payments page's form as typed, read into a {@link NewPayment}; an unreadable value names its field. */
record PaymentForm(@Nullable String invoiceId, @Nullable String amount, @Nullable String date,
		@Nullable String method, @Nullable String reference) {

	static PaymentForm empty(LocalDate today) {
		return new PaymentForm(null, null, today.toString(), PaymentMethod.BANK_TRANSFER.name(), null);
	}

	NewPayment payment(String recordedBy) {
		return new NewPayment(invoice(), amountValue(), null, dateValue(), methodValue(), reference,
				PaymentOrigin.MANUAL, null, recordedBy);
	}

	private UUID invoice() {
		if (invoiceId == null || invoiceId.isBlank()) {
			throw new InvalidField("invoiceId", "is required: pick an open invoice");
		}
		try {
			return UUID.fromString(invoiceId.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidField("invoiceId", "is not an invoice id");
		}
	}

	private @Nullable BigDecimal amountValue() {
		if (amount == null || amount.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(amount.strip().replace(",", ""));
		}
		catch (NumberFormatException ex) {
			throw new InvalidField("amount", "cannot read '" + amount + "' as a number");
		}
	}

	private @Nullable LocalDate dateValue() {
		try {
			return date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidField("date", "cannot read '" + date + "' as a date (yyyy-MM-dd)");
		}
	}

	private PaymentMethod methodValue() {
		try {
			return method == null || method.isBlank() ? PaymentMethod.OTHER
					: PaymentMethod.valueOf(method.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidField("method", "is not one of BANK_TRANSFER, CARD, CHECK, CASH, OTHER");
		}
	}

}
