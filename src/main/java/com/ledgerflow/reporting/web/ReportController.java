package com.ledgerflow.reporting.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.ledgerflow.reporting.BudgetReport;
import com.ledgerflow.reporting.LeakageReport;
import com.ledgerflow.reporting.ProcessPerformanceReport;
import com.ledgerflow.reporting.ProfitabilityReport;
import com.ledgerflow.reporting.ReceivablesReport;
import com.ledgerflow.reporting.ReportFilter;
import com.ledgerflow.reporting.UtilizationReport;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports: {@code GET /api/v1/reports/<name>} as JSON ({@code report}, {@code asOf}, {@code filter},
 * {@code rows}, for receivables also {@code totals} per currency) and {@code GET /api/v1/reports/<name>.csv} with the
 * same rows. Filters: {@code from}, {@code to} (a date or an ISO month), {@code clientId}, {@code projectId},
 * {@code managerId}. Managers, finance and administrators only (security module).
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	record Report<R>(String report, LocalDate asOf, ReportFilter filter, List<R> rows, @Nullable Object totals) {
	}

	private final ProfitabilityReport profitability;

	private final BudgetReport budget;

	private final UtilizationReport utilization;

	private final ReceivablesReport receivables;

	private final LeakageReport leakage;

	private final ProcessPerformanceReport processPerformance;

	private final Clock clock;

	private final ZoneId zone;

	ReportController(ProfitabilityReport profitability, BudgetReport budget, UtilizationReport utilization,
			ReceivablesReport receivables, LeakageReport leakage, ProcessPerformanceReport processPerformance,
			Clock clock, @Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.profitability = profitability;
		this.budget = budget;
		this.utilization = utilization;
		this.receivables = receivables;
		this.leakage = leakage;
		this.processPerformance = processPerformance;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/profitability")
	Report<ProfitabilityReport.Row> profitability(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable UUID clientId,
			@RequestParam(required = false) @Nullable UUID projectId,
			@RequestParam(required = false) @Nullable UUID managerId) {
		return json("profitability", ReportFilter.of(from, to, clientId, projectId, managerId), profitability::rows);
	}

	@GetMapping("/profitability.csv")
	ResponseEntity<String> profitabilityCsv(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable UUID clientId,
			@RequestParam(required = false) @Nullable UUID projectId,
			@RequestParam(required = false) @Nullable UUID managerId) {
		return csv("profitability", ProfitabilityReport.Row.class,
				profitability.rows(ReportFilter.of(from, to, clientId, projectId, managerId)));
	}

	@GetMapping("/budget")
	Report<BudgetReport.Row> budget(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable UUID clientId,
			@RequestParam(required = false) @Nullable UUID projectId,
			@RequestParam(required = false) @Nullable UUID managerId) {
		return json("budget", ReportFilter.of(from, to, clientId, projectId, managerId), budget::rows);
	}

	@GetMapping("/budget.csv")
	ResponseEntity<String> budgetCsv(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable UUID clientId,
			@RequestParam(required = false) @Nullable UUID projectId,
			@RequestParam(required = false) @Nullable UUID managerId) {
		return csv("budget", BudgetReport.Row.class,
				budget.rows(ReportFilter.of(from, to, clientId, projectId, managerId)));
	}

	@GetMapping("/utilization")
	Report<UtilizationReport.Row> utilization(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable UUID clientId,
			@RequestParam(required = false) @Nullable UUID projectId,
			@RequestParam(required = false) @Nullable UUID managerId) {
		return json("utilization", ReportFilter.of(from, to, clientId, projectId, managerId), utilization::rows);
	}

	@GetMapping("/utilization.csv")
	ResponseEntity<String> utilizationCsv(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable UUID clientId,
			@RequestParam(required = false) @Nullable UUID projectId,
			@RequestParam(required = false) @Nullable UUID managerId) {
		return csv("utilization", UtilizationReport.Row.class,
				utilization.rows(ReportFilter.of(from, to, clientId, projectId, managerId)));
	}

	@GetMapping("/receivables")
	Report<ReceivablesReport.Row> receivables(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable UUID clientId,
			@RequestParam(required = false) @Nullable UUID projectId,
			@RequestParam(required = false) @Nullable UUID managerId) {
		ReportFilter filter = ReportFilter.of(from, to, clientId, projectId, managerId);
		List<ReceivablesReport.Row> rows = receivables.rows(filter);
		return new Report<>("receivables", asOf(filter), filter, rows, receivables.totals(rows));
	}

	@GetMapping("/receivables.csv")
	ResponseEntity<String> receivablesCsv(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable UUID clientId,
			@RequestParam(required = false) @Nullable UUID projectId,
			@RequestParam(required = false) @Nullable UUID managerId) {
		return csv("receivables", ReceivablesReport.Row.class,
				receivables.rows(ReportFilter.of(from, to, clientId, projectId, managerId)));
	}

	@GetMapping("/leakage")
	Report<LeakageReport.Row> leakage(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable UUID clientId,
			@RequestParam(required = false) @Nullable UUID projectId,
			@RequestParam(required = false) @Nullable UUID managerId) {
		return json("leakage", ReportFilter.of(from, to, clientId, projectId, managerId), leakage::rows);
	}

	@GetMapping("/leakage.csv")
	ResponseEntity<String> leakageCsv(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable UUID clientId,
			@RequestParam(required = false) @Nullable UUID projectId,
			@RequestParam(required = false) @Nullable UUID managerId) {
		return csv("leakage", LeakageReport.Row.class,
				leakage.rows(ReportFilter.of(from, to, clientId, projectId, managerId)));
	}

	@GetMapping("/process-performance")
	Report<ProcessPerformanceReport.Row> processPerformance(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable UUID clientId,
			@RequestParam(required = false) @Nullable UUID projectId,
			@RequestParam(required = false) @Nullable UUID managerId) {
		return json("process-performance", ReportFilter.of(from, to, clientId, projectId, managerId),
				processPerformance::rows);
	}

	@GetMapping("/process-performance.csv")
	ResponseEntity<String> processPerformanceCsv(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable UUID clientId,
			@RequestParam(required = false) @Nullable UUID projectId,
			@RequestParam(required = false) @Nullable UUID managerId) {
		return csv("process-performance", ProcessPerformanceReport.Row.class,
				processPerformance.rows(ReportFilter.of(from, to, clientId, projectId, managerId)));
	}

	private <R> Report<R> json(String name, ReportFilter filter, Function<ReportFilter, List<R>> rows) {
		return new Report<>(name, asOf(filter), filter, rows.apply(filter), null);
	}

	private LocalDate asOf(ReportFilter filter) {
		return filter.asOf(LocalDate.now(clock.withZone(zone)));
	}

	private static ResponseEntity<String> csv(String name, Class<? extends Record> rowType,
			List<? extends Record> rows) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name + ".csv").build().toString())
			.body(ReportCsv.of(rowType, rows));
	}

}
