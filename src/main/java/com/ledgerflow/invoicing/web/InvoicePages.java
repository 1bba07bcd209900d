package com.ledgerflow.invoicing.web;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.ledgerflow.accounting.AccountingSyncStatus;
import com.ledgerflow.accounting.InvoiceSyncState;
import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceDocuments;
import com.ledgerflow.invoicing.InvoiceHistorySource;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.invoicing.InvoiceSettlements;
import com.ledgerflow.invoicing.InvoiceStatus;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.shared.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff invoice pages (managers, finance, administrators; see SecurityConfiguration): the list filtered by
 * client, project, status and month with each invoice's accounting state, and one invoice with its lines, totals,
 * accounting state, payment link, stored PDF and, for a draft, the review actions ({@link DraftReview}).
 */
@Controller
@RequestMapping("/invoices")
class InvoicePages {

	static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

	private final InvoiceService invoices;

	private final InvoiceDocuments documents;

	private final AccountingSyncStatus sync;

	private final ClientService clients;

	private final ProjectService projects;

	private final DraftReview review;

	private final InvoiceSettlements settlements;

	private final List<InvoiceHistorySource> histories;

	private final ZoneId zone;

	InvoicePages(InvoiceService invoices, InvoiceDocuments documents, AccountingSyncStatus sync, ClientService clients,
			ProjectService projects, DraftReview review, InvoiceSettlements settlements,
			List<InvoiceHistorySource> histories, @Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.review = review;
		this.settlements = settlements;
		this.histories = histories;
		this.zone = zone;
		this.invoices = invoices;
		this.documents = documents;
		this.sync = sync;
		this.clients = clients;
		this.projects = projects;
	}

	/** One row of the list: the invoice with its client's and project's names and its accounting state. */
	record Row(Invoice invoice, String client, String project, InvoiceSyncState sync) {
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable UUID clientId,
			@RequestParam(required = false) @Nullable UUID projectId,
			@RequestParam(required = false) @Nullable InvoiceStatus status,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth period,
			Model model) {
		List<Invoice> found = invoices.list(clientId, projectId, status, period == null ? null : period.atDay(1),
				period == null ? null : period.atEndOfMonth());
		Map<UUID, InvoiceSyncState> states = sync.invoices(found.stream().map(Invoice::id).toList());
		Map<UUID, Client> clientsById = clients.list()
			.stream()
			.collect(Collectors.toMap(Client::id, Function.identity()));
		Map<UUID, Project> projectsById = projects.list()
			.stream()
			.collect(Collectors.toMap(Project::id, Function.identity()));
		model.addAttribute("rows", found.stream()
			.map(invoice -> new Row(invoice, name(clientsById.get(invoice.clientId())),
					label(projectsById.get(invoice.projectId())), states.get(invoice.id())))
			.toList());
		model.addAttribute("clients", clientsById.values()
			.stream()
			.sorted(Comparator.comparing(Client::name, String.CASE_INSENSITIVE_ORDER))
			.toList());
		model.addAttribute("projects", projectsById.values()
			.stream()
			.sorted(Comparator.comparing(Project::code, String.CASE_INSENSITIVE_ORDER))
			.toList());
		model.addAttribute("statuses", InvoiceStatus.values());
		model.addAttribute("clientId", clientId);
		model.addAttribute("projectId", projectId);
		model.addAttribute("status", status);
		model.addAttribute("period", period);
		return "invoicing/invoices";
	}

	@GetMapping("/{id:" + UUID_PATTERN + "}")
	String show(@PathVariable UUID id, Model model, HttpServletResponse response) {
		Invoice invoice;
		try {
			invoice = invoices.get(id);
		}
		catch (NotFound ex) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "invoicing/not-found";
		}
		model.addAttribute("invoice", invoice);
		model.addAttribute("client", clients.get(invoice.clientId()));
		model.addAttribute("project", projects.get(invoice.projectId()));
		model.addAttribute("sync", sync.invoices(List.of(id)).get(id));
		model.addAttribute("pdf", documents.stored(id).orElse(null));
		model.addAttribute("billed", review.billedTime(invoice));
		model.addAttribute("openBalance", invoice.number() == null ? null : settlements.openBalance(invoice));
		model.addAttribute("events", histories.stream()
			.flatMap(source -> source.history(id).stream())
			.sorted(Comparator.comparing(InvoiceHistorySource.Entry::at))
			.toList());
		model.addAttribute("zone", zone);
		return "invoicing/invoice";
	}

	@GetMapping("/{id:" + UUID_PATTERN + "}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		return documents.stored(id)
			.map(pdf -> PublicInvoicePages.download(invoices.get(id), pdf))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private static String name(@Nullable Client client) {
		return client == null ? "" : client.name();
	}

	private static String label(@Nullable Project project) {
		return project == null ? "" : project.code() + " " + project.name();
	}

}
