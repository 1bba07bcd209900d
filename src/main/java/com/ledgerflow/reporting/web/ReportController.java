package com.ledgerflow.reporting.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.ledgerflow.reporting.BudgetReport;
import com.ledgerflow.reporting.LeakageReport;
import com.ledgerflow.reporting.ProcessPerformanceReport;
import com.ledgerflow.reporting.ProfitabilityReport;
import com.ledgerflow.reporting.ReceivablesReport;
import com.ledgerflow.reporting.ReportClock;
import com.ledgerflow.reporting.ReportFilter;
import com.ledgerflow.reporting.UtilizationReport;
import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports: {@code GET /api/v1/reports/<name>} as JSON ({@code report}, {@code asOf}, {@code filter},
 * {@code rows}, for receivables also {@code totals} per currency; leakage is paged: {@code offset} (default 0) and
 * {@code limit} (default 200, at most 5,000) pick its rows, {@code totals} sum all its rows per kind and currency,
 * and {@code paging} says how many there are) and {@code GET /api/v1/reports/<name>.csv} with the
 * same rows. Filters: {@code from}, {@code to} (a date or an ISO month), {@code clientId}, {@code projectId},
 * {@code managerId}. Managers, finance and administrators only (security module).
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	record Report<R>(String report, LocalDate asOf, ReportFilter filter, List<R> rows, @Nullable Object totals,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Paging paging) {
	}

	/** Where a paged report's rows start, how many it returns at most, and how many there are in all. */
	record Paging(int offset, int limit, int rowCount) {
	}

	static final int DEFAULT_LIMIT = 200;

	static final int MAX_LIMIT = 5000;

	private final ProfitabilityReport profitability;

	private final BudgetReport budget;

	private final UtilizationReport utilization;

	private final ReceivablesReport receivables;

	private final LeakageReport leakage;

	private final ProcessPerformanceReport processPerformance;

	private final ReportClock clock;

	private final Map<String, Source<?>> sources;

	ReportController(ProfitabilityReport profitability, BudgetReport budget, UtilizationReport utilization,
			ReceivablesReport receivables, LeakageReport leakage, ProcessPerformanceReport processPerformance,
			ReportClock clock) {
		this.profitability = profitability;
		this.budget = budget;
		this.utilization = utilization;
		this.receivables = receivables;
		this.leakage = leakage;
		this.processPerformance = processPerformance;
		this.clock = clock;
		this.sources = sources();
	}

	/**
	 * One report: its rows' type, how it reads them for a filter, and its totals ({@code null}: none); a paged one
	 * also reads a page with the totals of all rows ({@code null}: not paged).
	 */
	private record Source<R extends Record>(Class<R> rowType, Function<ReportFilter, List<R>> rows,
			@Nullable Function<List<R>, Object> totals, @Nullable PagedRows<R> paged) {

		Source(Class<R> rowType, Function<ReportFilter, List<R>> rows, @Nullable Function<List<R>, Object> totals) {
			this(rowType, rows, totals, null);
		}

		Report<R> report(String name, ReportFilter filter, LocalDate asOf, int offset, int limit) {
			if (paged != null) {
				return paged.read(name, filter, asOf, offset, limit);
			}
			List<R> read = rows.apply(filter);
			return new Report<>(name, asOf, filter, read, totals == null ? null : totals.apply(read), null);
		}

		String csv(ReportFilter filter) {
			return ReportCsv.of(rowType, rows.apply(filter));
		}

	}

	private Map<String, Source<?>> sources() {
		Map<String, Source<?>> sources = new LinkedHashMap<>();
		sources.put("profitability", new Source<>(ProfitabilityReport.Row.class, profitability::rows, null));
		sources.put("budget", new Source<>(BudgetReport.Row.class, budget::rows, null));
		sources.put("utilization", new Source<>(UtilizationReport.Row.class, utilization::rows, null));
		sources.put("receivables",
				new Source<>(ReceivablesReport.Row.class, receivables::rows, rows -> receivables.totals(rows)));
		sources.put("leakage", new Source<>(LeakageReport.Row.class, leakage::rows, null, (name, filter, asOf, offset,
				limit) -> {
			LeakageReport.Page page = leakage.page(filter, offset, limit);
			return new Report<>(name, asOf, filter, page.rows(), page.totals(),
					new Paging(offset, limit, page.rowCount()));
		}));
		sources.put("process-performance",
				new Source<>(ProcessPerformanceReport.Row.class, processPerformance::rows, null));
		return Map.copyOf(sources);
	}

	@GetMapping("/{name}")
	Report<?> report(@PathVariable String name, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable UUID clientId,
			@RequestParam(required = false) @Nullable UUID projectId,
			@RequestParam(required = false) @Nullable UUID managerId,
			@RequestParam(required = false) @Nullable Integer offset,
			@RequestParam(required = false) @Nullable Integer limit) {
		Source<?> source = source(name);
		ReportFilter filter = ReportFilter.of(from, to, clientId, projectId, managerId);
		if (offset != null && offset < 0) {
			throw new InvalidField("offset", "must be 0 or more, not " + offset);
		}
		if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
			throw new InvalidField("limit", "must be from 1 to " + MAX_LIMIT + ", not " + limit);
		}
		return source.report(name, filter, clock.asOf(filter),
				offset == null ? 0 : offset, limit == null ? DEFAULT_LIMIT : limit);
	}

	/** Reads a page of a paged report. */
	@FunctionalInterface
	private interface PagedRows<R> {

		Report<R> read(String name, ReportFilter filter, LocalDate asOf, int offset, int limit);

	}

	@GetMapping("/{name}.csv")
	ResponseEntity<String> csv(@PathVariable String name, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable UUID clientId,
			@RequestParam(required = false) @Nullable UUID projectId,
			@RequestParam(required = false) @Nullable UUID managerId) {
		String body = source(name).csv(ReportFilter.of(from, to, clientId, projectId, managerId));
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name + ".csv").build().toString())
			.body(body);
	}

	private Source<?> source(String name) {
		Source<?> source = sources.get(name);
		if (source == null) {
			throw new NotFound("Report", name, "name");
		}
		return source;
	}

}
