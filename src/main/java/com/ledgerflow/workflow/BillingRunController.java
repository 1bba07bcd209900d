package com.ledgerflow.workflow;

import java.time.YearMonth;
import java.util.Map;

import com.ledgerflow.shared.StateConflict;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.ledgerflow.workflow.BillingRunProcess.*;

/**
 * Starts {@code billing-run} for a month (managers and finance): 202 with the business key; 409 while a run of that
 * month is still running. A finished month may run again: it drafts only what was not billed yet.
 */
@RestController
@RequestMapping("/api/v1/billing-runs")
class BillingRunController {

	private final RuntimeService runtime;

	private final ProcessInstances instances;

	BillingRunController(RuntimeService runtime, ProcessInstances instances) {
		this.runtime = runtime;
		this.instances = instances;
	}

	record StartBillingRun(
			@NotNull @Pattern(regexp = PERIOD_PATTERN, message = "must be a month as yyyy-MM, e.g. 2026-11") String period) {
	}

	record BillingRunView(String businessKey, String processInstanceId, String period) {
	}

	@PostMapping
	ResponseEntity<BillingRunView> start(@Valid @RequestBody StartBillingRun request) {
		YearMonth period = YearMonth.parse(request.period());
		String businessKey = businessKey(period);
		if (instances.running(KEY, businessKey)) {
			throw new StateConflict("A billing run for " + period + " is still running");
		}
		ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, businessKey,
				Map.of(VAR_PERIOD, period.toString()));
		return ResponseEntity.accepted().body(new BillingRunView(businessKey, instance.getId(), period.toString()));
	}

}
