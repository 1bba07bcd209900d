package com.ledgerflow.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import com.ledgerflow.client.Address;
import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.invoicing.pdf.CompanyLetterhead;
import com.ledgerflow.invoicing.pdf.InvoiceDocument;
import com.ledgerflow.invoicing.pdf.InvoicePdfRenderer;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PDF of a posted invoice: the invoice, its client and the company letterhead, laid out by PDFBox, with the
 * invoice's stored payment link. Rendered once and kept ({@link #store}); the e-mail and every download serve the
 * stored file, so what anyone downloads is what the client got.
 */
@Service
public class InvoiceDocuments {

	private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

	private final InvoiceService invoices;

	private final ClientService clients;

	private final CompanyLetterhead letterhead;

	private final InvoicePdfRenderer renderer;

	private final InvoicePdfStore pdfs;

	private final Clock clock;

	InvoiceDocuments(InvoiceService invoices, ClientService clients, CompanyLetterhead letterhead,
			InvoicePdfRenderer renderer, InvoicePdfStore pdfs, Clock clock) {
		this.invoices = invoices;
		this.clients = clients;
		this.letterhead = letterhead;
		this.renderer = renderer;
		this.pdfs = pdfs;
		this.clock = clock;
	}

	/**
	 * Renders the PDF and keeps it, once: an invoice with a stored PDF keeps it (a repeated or concurrent render
	 * stores nothing). The invoice must be posted: the PDF prints its payment link.
	 */
	@Transactional
	public StoredPdf store(UUID invoiceId) {
		Optional<StoredPdf> stored = pdfs.find(invoiceId);
		if (stored.isPresent()) {
			return stored.get();
		}
		return pdfs.keepFirst(invoiceId, renderer.render(document(invoices.get(invoiceId))), clock.instant());
	}

	/** The stored PDF, if rendered yet. */
	@Transactional(readOnly = true)
	public Optional<StoredPdf> stored(UUID invoiceId) {
		return pdfs.find(invoiceId);
	}

	/** The issuing company, as on the PDF. */
	public InvoiceDocument.Company company() {
		return letterhead.company();
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
				invoice.tax(), invoice.total(), invoice.total(), paymentLink(invoice));
	}

	private static URI paymentLink(Invoice invoice) {
		URI link = invoice.paymentLink();
		if (link == null) {
			throw new IllegalStateException("Invoice " + invoice.id() + " is " + invoice.status()
					+ ": its PDF prints the payment link, which it gets when posted");
		}
		return link;
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
