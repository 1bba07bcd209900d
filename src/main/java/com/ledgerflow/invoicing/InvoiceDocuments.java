package com.ledgerflow.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import com.ledgerflow.client.Address;
import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.invoicing.pdf.CompanyLetterhead;
import com.ledgerflow.invoicing.pdf.InvoiceDocument;
import com.ledgerflow.invoicing.pdf.InvoicePdfRenderer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The PDF of a numbered invoice: the invoice, its client and the company letterhead, laid out by PDFBox. */
@Service
public class InvoiceDocuments {

	private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

	private final InvoiceService invoices;

	private final ClientService clients;

	private final CompanyLetterhead letterhead;

	private final InvoicePdfRenderer renderer;

	private final String baseUrl;

	InvoiceDocuments(InvoiceService invoices, ClientService clients, CompanyLetterhead letterhead,
			InvoicePdfRenderer renderer, @Value("${ledgerflow.base-url}") String baseUrl) {
		this.invoices = invoices;
		this.clients = clients;
		this.letterhead = letterhead;
		this.renderer = renderer;
		this.baseUrl = baseUrl;
	}

	/** The PDF of the invoice (approved or later: it needs the number). */
	@Transactional(readOnly = true)
	public byte[] render(UUID invoiceId) {
		return render(invoices.get(invoiceId));
	}

	/** {@link #render(UUID)} of an invoice already at hand. */
	byte[] render(Invoice invoice) {
		return renderer.render(document(invoice));
	}

	/**
	 * Where the client pays: the invoice's page in Ledgerflow. QBO's {@code InvoiceLink} is not kept yet, so the
	 * local page serves under both providers.
	 */
	public URI paymentLink(UUID invoiceId) {
		return URI.create(baseUrl + "/invoices/" + invoiceId);
	}

	/** The issuing company's name, for the e-mail. */
	public String companyName() {
		return letterhead.company().name();
	}

	InvoiceDocument document(Invoice invoice) {
		String number = Objects.requireNonNull(invoice.number(), () -> "Invoice " + invoice.id() + " has no number");
		Client client = clients.get(invoice.clientId());
		long termDays = ChronoUnit.DAYS.between(invoice.issueDate(), invoice.dueDate());
		return new InvoiceDocument(letterhead.company(), new InvoiceDocument.Recipient(client.name(),
				addressLines(client.address())), number, invoice.issueDate(), invoice.dueDate(),
				termDays == 0 ? "Due on receipt" : "Net " + termDays, invoice.period().start(),
				invoice.period().end(), Currency.getInstance(invoice.currency()),
				invoice.lines().stream().map(InvoiceDocuments::line).toList(), invoice.subtotal(), invoice.taxRate(),
				invoice.tax(), invoice.total(), invoice.total(), paymentLink(invoice.id()));
	}

	private static InvoiceDocument.Line line(InvoiceLine line) {
		InvoiceDocument.LineKind kind = InvoiceDocument.LineKind.valueOf(line.kind().name());
		if (line.kind() == InvoiceLineKind.TIME && line.billedMinutes() != null) {
			String hours = BigDecimal.valueOf(line.billedMinutes()).divide(MINUTES_PER_HOUR, 2, RoundingMode.HALF_UP)
					+ " h";
			return new InvoiceDocument.Line(kind, null, line.description(), hours, line.unitPrice(), null,
					line.amount());
		}
		return new InvoiceDocument.Line(kind, null, line.description(), null, null, null, line.amount());
	}

	private static List<String> addressLines(@Nullable Address address) {
		List<String> lines = new ArrayList<>();
		if (address == null) {
			return lines;
		}
		Stream.of(address.line1(), address.line2(),
				join(address.postalCode(), address.city(), address.region()), address.country())
			.filter(Objects::nonNull)
			.filter(part -> !part.isBlank())
			.forEach(lines::add);
		return lines;
	}

	private static @Nullable String join(@Nullable String... parts) {
		String joined = String.join(" ", Stream.of(parts).filter(Objects::nonNull).map(String::strip)
			.filter(part -> !part.isEmpty()).toList());
		return joined.isEmpty() ? null : joined;
	}

}
